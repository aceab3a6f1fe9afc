CREATE FUNCTION dialbridge.call_activity_rows(p_keys text[]) RETURNS SETOF dialbridge.call_activity_row
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
begin
  return query
  with f as (
    select e.* from dialbridge.call_events e where e.call_key = any (p_keys) and e.kind = 'call'
  ), agg as (
    select f.call_key,
           max(f.provider) as provider,
           max(f.call_id) as call_id,
           min(f.started_at) as started_at,
           min(f.connected_at) as connected_at,
           max(f.ended_at) as ended_at,
           max(f.ring_seconds) as ring_seconds,
           max(f.total_seconds) as total_seconds,
           max(f.talk_seconds) as talk_seconds,
           bool_or(f.connected) as connected_flag,
           (array_agg(f.outcome order by f.event_at desc, f.event_id desc) filter (where f.outcome is not null))[1] as outcome,
           (array_agg(f.answered_by order by f.event_at desc, f.event_id desc) filter (where f.answered_by is not null))[1] as answered_by,
           (array_agg(f.recording_url order by f.event_at desc, f.event_id desc) filter (where f.recording_url is not null))[1] as recording_url,
           max(f.recording_seconds) as recording_seconds,
           min(f.event_at) as first_event_at,
           (array_agg(f.event_id order by f.event_at, f.event_id))[1] as first_event_id,
           array_agg(f.sourceco_contact_id order by f.event_at, f.event_id) filter (where f.sourceco_contact_id is not null) as sourceco_ids,
           (array_agg(f.provider_contact_id order by f.event_at, f.event_id) filter (where f.provider_contact_id is not null))[1] as provider_contact_id,
           (array_agg(f.provider_session_id order by f.event_at, f.event_id) filter (where f.provider_session_id is not null))[1] as provider_session_id,
           (array_agg(f.provider_user_id order by f.event_at, f.event_id) filter (where f.provider_user_id is not null))[1] as provider_user_id,
           (array_agg(f.user_name order by f.event_at, f.event_id) filter (where f.user_name is not null))[1] as user_name,
           (array_agg(pg_catalog.lower(f.user_email) order by f.event_at, f.event_id) filter (where f.user_email is not null))[1] as user_email,
           pg_catalog.jsonb_object_agg(x.key, x.value order by f.event_at, f.event_id) filter (where x.key is not null) as extra,
           array_agg(distinct f.event_id order by f.event_id) as event_ids
      from f left join lateral pg_catalog.jsonb_each(f.extra) x on true
     group by f.call_key
  ), phones as (
    select f.call_key, array_agg(distinct p.phone order by p.phone) as phones
      from f cross join unnest(f.phone_e164) as p(phone)
     group by f.call_key
  ), disp as (
    select distinct on (f.call_key) f.call_key, f.disposition_code, f.disposition_label, f.disposition_notes, f.disposition_at
      from f
     where coalesce(f.disposition_code, f.disposition_label) is not null
     order by f.call_key, f.disposition_at desc nulls last, f.event_at desc, f.event_id desc
  ), disp_maps as materialized (
    select p.disposition_code, p.disposition_label, m.phoneburner_disposition_code, m.phoneburner_disposition_label,
           m.is_connected_outcome
      from (select distinct x.disposition_code, x.disposition_label from disp x) p
      cross join lateral dialbridge.find_disposition_mapping(p.disposition_code, p.disposition_label) m
  ), cb as (
    select distinct on (f.call_key) f.call_key, f.callback_at, f.callback_notes, f.event_id, f.event_at
      from f
     where f.callback_at is not null
     order by f.call_key, f.event_at desc, f.event_id desc
  ), base as (
    select a.*, ph.phones, d.disposition_code as code_sent, d.disposition_label as label_sent, d.disposition_notes,
           d.disposition_at, m.phoneburner_disposition_code as mapped_code, m.phoneburner_disposition_label as mapped_label,
           m.is_connected_outcome as mapped_connected, p.id as rep_id, p.team_id as rep_team_id,
           p.display_name as rep_display_name, cb.callback_at, cb.callback_notes, cb.event_id as callback_event_id,
           cb.event_at as callback_event_at, ml.contact_id as linked_contact_id, ml.team_id as linked_team_id
      from agg a
      left join phones ph on ph.call_key = a.call_key
      left join disp d on d.call_key = a.call_key
      left join disp_maps m on m.disposition_code is not distinct from d.disposition_code
                           and m.disposition_label is not distinct from d.disposition_label
      left join public.profiles p on pg_catalog.lower(p.email) = a.user_email
      left join cb on cb.call_key = a.call_key
      left join lateral (
        select x.contact_id, x.team_id from public.contact_activities x
         where x.dedupe_key in (a.call_key, a.provider || ':callback:' || pg_catalog.substr(a.call_key, pg_catalog.length(a.provider) + 7))
           and x.matching_status = 'manually_linked'
         order by x.dedupe_key limit 1) ml on true
  ), resolved as materialized (
    select b.*, coalesce(b.linked_contact_id, dialbridge.resolve_call_contact(b.sourceco_ids, b.phones)) as contact_id
      from base b
  ), r as (
    select x.*, c.team_id as contact_team_id,
           case when x.linked_contact_id is not null then 'manually_linked'
                when x.contact_id is not null then 'matched' else 'unmatched' end as matching_status,
           coalesce(x.outcome,
                    case when x.mapped_connected or x.connected_flag or x.connected_at is not null then 'connected' end)
             as outcome_final,
           coalesce(x.started_at, x.connected_at - pg_catalog.make_interval(secs => x.ring_seconds),
                    x.ended_at - pg_catalog.make_interval(secs => x.total_seconds), x.first_event_at) as started_final
      from resolved x left join public.contacts c on c.id = x.contact_id
  )
  -- the call
  select r.call_key, r.contact_id, r.matching_status, r.rep_id, null::uuid,
         case when r.linked_contact_id is not null then r.linked_team_id else coalesce(r.contact_team_id, r.rep_team_id) end,
         case when coalesce(r.code_sent, r.label_sent) is not null or r.ended_at is not null or r.outcome is not null
                   or r.total_seconds is not null then 'call_completed'
              else 'call_attempt' end,
         r.started_final, r.connected_at, r.ended_at, r.ring_seconds,
         coalesce(r.total_seconds,
                  case when r.started_at is not null and r.ended_at >= r.started_at
                       then pg_catalog.round(extract(epoch from r.ended_at - r.started_at))::integer end),
         coalesce(r.talk_seconds,
                  case when r.outcome_final = 'connected' and r.connected_at is not null and r.ended_at >= r.connected_at
                       then pg_catalog.round(extract(epoch from r.ended_at - r.connected_at))::integer end),
         r.outcome_final, r.answered_by,
         coalesce(r.mapped_code, r.code_sent), coalesce(r.label_sent, r.mapped_label), r.disposition_notes,
         case when coalesce(r.code_sent, r.label_sent) is not null then coalesce(r.disposition_at, r.first_event_at) end,
         r.callback_at, r.recording_url, r.recording_seconds,
         coalesce(r.user_name, r.rep_display_name), r.user_email,
         null::text, null::text, null::text,
         coalesce(r.extra, '{}'::jsonb) || pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
           'provider', r.provider,
           'provider_call_id', r.call_id,
           'provider_contact_id', r.provider_contact_id,
           'provider_session_id', r.provider_session_id,
           'provider_user_id', r.provider_user_id,
           'connected_flag', r.connected_flag,
           'disposition_code_sent', case when r.code_sent is distinct from r.mapped_code then r.code_sent end,
           'disposition_unmapped', case when coalesce(r.code_sent, r.label_sent) is not null and r.mapped_code is null then true end,
           'callback_notes', case when r.callback_at is not null then r.callback_notes end,
           'callback_event_at', case when r.callback_at is not null then r.callback_event_at end,
           'callback_event_id', case when r.callback_at is not null then r.callback_event_id end,
           'event_ids', pg_catalog.to_jsonb(r.event_ids)))
    from r;
end
$$;

COMMENT ON FUNCTION dialbridge.call_activity_rows(p_keys text[]) IS 'The contact_activities row the stored call events of each given call add up to (one row per call, its
callback on it: callback_scheduled_date, details callback_notes / callback_event_at / callback_event_id),
whatever order the events came in: earliest start and connection, latest end, outcome, recording and
disposition by event time (ties by event id), the rep by email, the contact by
dialbridge.resolve_call_contact unless linked by hand. A pure function of those events, the contacts,
profiles and disposition mappings.';

REVOKE ALL ON FUNCTION dialbridge.call_activity_rows(p_keys text[]) FROM PUBLIC;
