CREATE FUNCTION dialbridge.engagement_score_breakdown(p_contact_id uuid, p_as_of timestamp with time zone DEFAULT now()) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  v_base constant integer := 50;
  v_calls integer;
  v_connected integer;
  v_talk bigint;
  v_rate numeric;
  v_rate_points integer := 0;
  v_avg_talk numeric;
  v_talk_points integer := 0;
  v_items jsonb;
  v_delta_sum integer;
  v_disposition_points integer;
  v_last_engaged timestamptz;
  v_days integer;
  v_recency_points integer := 0;
  v_raw integer;
begin
  if not exists (select 1 from public.contacts c where c.id = p_contact_id) then
    raise exception 'contact % not found', p_contact_id using errcode = 'DB053';
  end if;

  with calls as (
    select a.id, a.call_outcome = 'connected' as connected,
           coalesce(a.talk_time_seconds, 0) as talk_seconds,
           coalesce(a.call_connected_at, a.call_started_at) as connected_at,
           nullif(pg_catalog.upper(pg_catalog.btrim(a.disposition_code)), '') as code_key,
           dialbridge.normalize_label(a.disposition_label) as label_key,
           a.details ->> 'disposition_category' as sent_category
      from public.contact_activities a
     where a.contact_id = p_contact_id and a.deleted_at is null
       and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
       and coalesce(a.call_started_at, a.disposition_set_at, a.created_at) <= p_as_of
  ), classified as (
    select c.*,
           case when cc.match_key is not null then cc.code else cl.code end as mapping_code,
           case when cc.match_key is not null then cc.engagement_score_delta else cl.engagement_score_delta end as delta,
           coalesce(case when cc.match_key is not null then cc.category else cl.category end, c.sent_category) as category
      from calls c
      left join dialbridge.disposition_classes cc on cc.match_key = 'c:' || c.code_key
      left join dialbridge.disposition_classes cl on cl.match_key = 'l:' || c.label_key
  ), totals as (
    select count(*)::integer as calls,
           count(*) filter (where k.connected)::integer as connected,
           coalesce(sum(k.talk_seconds) filter (where k.connected), 0)::bigint as talk,
           max(k.connected_at) filter (where k.connected and k.talk_seconds > 120 and k.category = 'positive'
                                        and k.connected_at <= p_as_of) as last_engaged
      from classified k
  ), items as (
    select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
             'code', i.mapping_code, 'calls', i.calls, 'delta', i.delta, 'points', i.calls * i.delta)
             order by i.mapping_code) as items,
           coalesce(sum(i.calls * i.delta), 0)::integer as delta_sum
      from (select k.mapping_code, k.delta, count(*)::integer as calls
              from classified k where k.mapping_code is not null
             group by k.mapping_code, k.delta) i
  )
  select t.calls, t.connected, t.talk, t.last_engaged, coalesce(i.items, '[]'::jsonb), i.delta_sum
    into v_calls, v_connected, v_talk, v_last_engaged, v_items, v_delta_sum
    from totals t cross join items i;

  if v_calls > 0 then
    v_rate := pg_catalog.round(v_connected * 100.0 / v_calls, 2);
    v_rate_points := pg_catalog.floor(v_rate / 5)::integer;
  end if;
  if v_connected > 0 then
    v_avg_talk := pg_catalog.round(v_talk::numeric / v_connected, 1);
    v_talk_points := case when v_avg_talk > 180 then 15 when v_avg_talk > 120 then 10 when v_avg_talk > 60 then 5 else 0 end;
  end if;
  v_disposition_points := greatest(-50, least(50, v_delta_sum));
  if v_last_engaged is not null then
    v_days := pg_catalog.floor(pg_catalog.date_part('epoch', p_as_of - v_last_engaged) / 86400)::integer;
    v_recency_points := case when v_days > 180 then -20 when v_days > 90 then -10 when v_days > 30 then -5 else 0 end;
  end if;
  v_raw := v_base + v_rate_points + v_talk_points + v_disposition_points + v_recency_points;

  return pg_catalog.jsonb_build_object(
    'as_of', p_as_of,
    'base', v_base,
    'connection_rate', pg_catalog.jsonb_build_object('calls', v_calls, 'connected_calls', v_connected,
                         'rate_pct', v_rate, 'points', v_rate_points),
    'talk_time', pg_catalog.jsonb_build_object('connected_calls', v_connected, 'total_seconds', v_talk,
                   'average_seconds', v_avg_talk, 'points', v_talk_points),
    'dispositions', pg_catalog.jsonb_build_object('items', v_items, 'sum_of_deltas', v_delta_sum,
                      'points', v_disposition_points),
    'recency', pg_catalog.jsonb_build_object('last_engaged_call_at', v_last_engaged,
                 'days_since_last_engaged_call', v_days, 'points', v_recency_points),
    'raw_score', v_raw,
    'score', greatest(0, least(100, v_raw)));
end
$$;

COMMENT ON FUNCTION dialbridge.engagement_score_breakdown(p_contact_id uuid, p_as_of timestamp with time zone) IS 'The engagement score of a contact as of a time, with every factor that produced it (see the header).
Reads only; calculate_contact_engagement_score stores it.';

REVOKE ALL ON FUNCTION dialbridge.engagement_score_breakdown(p_contact_id uuid, p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.engagement_score_breakdown(p_contact_id uuid, p_as_of timestamp with time zone) TO service_role;
