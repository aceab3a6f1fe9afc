CREATE FUNCTION dialbridge.best_call_time(p_contact_id uuid, p_as_of timestamp with time zone DEFAULT now()) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  v_contact record;
  v_zone text;
  v_day integer;
  v_day_connections integer;
  v_hour integer;
  v_hour_connections integer;
  v_level record;
  v_min_calls constant integer := 20;
begin
  select c.id, c.contact_type, c.industry, c.timezone into v_contact from public.contacts c where c.id = p_contact_id;
  if not found then
    raise exception 'contact % not found', p_contact_id using errcode = 'DB053';
  end if;
  v_zone := dialbridge.valid_time_zone(v_contact.timezone);

  -- The contact's own connections: most connections, then best rate, then the earliest bucket.
  with calls as (
    select (a.call_started_at at time zone v_zone) as local_at, (a.call_outcome = 'connected') as connected
      from public.contact_activities a
     where a.contact_id = p_contact_id and a.deleted_at is null
       and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
       and a.call_started_at is not null and a.call_started_at <= p_as_of
  )
  select b.bucket, b.connections into v_day, v_day_connections
    from (select pg_catalog.date_part('isodow', c.local_at)::integer as bucket,
                 count(*) filter (where c.connected)::integer as connections, count(*) as calls
            from calls c group by 1) b
   where b.connections > 0
   order by b.connections desc, b.connections::numeric / b.calls desc, b.bucket
   limit 1;

  if v_day is not null then
    with calls as (
      select (a.call_started_at at time zone v_zone) as local_at, (a.call_outcome = 'connected') as connected
        from public.contact_activities a
       where a.contact_id = p_contact_id and a.deleted_at is null
         and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
         and a.call_started_at is not null and a.call_started_at <= p_as_of
    )
    select b.bucket, b.connections into v_hour, v_hour_connections
      from (select pg_catalog.date_part('hour', c.local_at)::integer as bucket,
                   count(*) filter (where c.connected)::integer as connections, count(*) as calls
              from calls c group by 1) b
     where b.connections > 0
     order by b.connections desc, b.connections::numeric / b.calls desc, b.bucket
     limit 1;
    return pg_catalog.jsonb_build_object(
      'day_of_week', v_day, 'time_of_day', pg_catalog.make_time(v_hour, 0, 0), 'source', 'contact',
      'time_zone', v_zone,
      'basis', pg_catalog.jsonb_build_object('day_connections', v_day_connections, 'hour_connections', v_hour_connections));
  end if;

  -- No connection yet: the segment's best connection rates, most specific level with enough calls.
  for v_level in
    select * from (values (1, coalesce(v_contact.contact_type, ''), coalesce(v_contact.industry, ''), 'segment'),
                          (2, coalesce(v_contact.contact_type, ''), '*', 'segment'),
                          (3, '*', '*', 'everyone')) as l(rank, contact_type, industry, source)
     order by l.rank
  loop
    select s.day_of_week into v_day
      from (select h.day_of_week, sum(h.calls) as calls, sum(h.connections) as connections
              from dialbridge.call_hour_stats h
             where h.contact_type = v_level.contact_type and h.industry = v_level.industry
             group by h.day_of_week) s
     where s.calls >= v_min_calls and s.connections > 0
     order by s.connections::numeric / s.calls desc, s.connections desc, s.day_of_week
     limit 1;
    select s.hour into v_hour
      from (select h.hour, sum(h.calls) as calls, sum(h.connections) as connections
              from dialbridge.call_hour_stats h
             where h.contact_type = v_level.contact_type and h.industry = v_level.industry
             group by h.hour) s
     where s.calls >= v_min_calls and s.connections > 0
     order by s.connections::numeric / s.calls desc, s.connections desc, s.hour
     limit 1;
    if v_day is not null and v_hour is not null then
      return pg_catalog.jsonb_build_object(
        'day_of_week', v_day, 'time_of_day', pg_catalog.make_time(v_hour, 0, 0), 'source', v_level.source,
        'time_zone', v_zone,
        'basis', pg_catalog.jsonb_build_object('contact_type', v_level.contact_type, 'industry', v_level.industry,
                                               'min_calls_per_bucket', v_min_calls));
    end if;
  end loop;
  return pg_catalog.jsonb_build_object('day_of_week', null, 'time_of_day', null, 'source', null, 'time_zone', v_zone);
end
$$;

COMMENT ON FUNCTION dialbridge.best_call_time(p_contact_id uuid, p_as_of timestamp with time zone) IS 'Best ISO day of week and hour to call a contact, as of a time:
{"day_of_week", "time_of_day", "source": contact | segment | everyone, "basis": {...}} — nulls when there
is nothing to go on.';

REVOKE ALL ON FUNCTION dialbridge.best_call_time(p_contact_id uuid, p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.best_call_time(p_contact_id uuid, p_as_of timestamp with time zone) TO service_role;
