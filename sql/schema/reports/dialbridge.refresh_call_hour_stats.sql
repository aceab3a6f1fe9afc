CREATE FUNCTION dialbridge.refresh_call_hour_stats(p_as_of timestamp with time zone DEFAULT now()) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_rows integer;
begin
  lock table dialbridge.call_hour_stats in exclusive mode;
  delete from dialbridge.call_hour_stats;
  with zones as (
    select z.name from pg_catalog.pg_timezone_names z
  ), calls as (
    select coalesce(c.contact_type, '') as contact_type, coalesce(c.industry, '') as industry,
           (a.call_started_at at time zone coalesce(z.name, dialbridge.report_time_zone())) as local_at,
           (a.call_outcome = 'connected') as connected
      from public.contact_activities a
      join public.contacts c on c.id = a.contact_id
      left join zones z on z.name = pg_catalog.btrim(c.timezone)
     where a.deleted_at is null
       and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
       and a.call_started_at > p_as_of - interval '365 days' and a.call_started_at <= p_as_of
  ), buckets as (
    select c.contact_type, c.industry, pg_catalog.date_part('isodow', c.local_at)::integer as day_of_week,
           pg_catalog.date_part('hour', c.local_at)::integer as hour, c.connected
      from calls c
  )
  insert into dialbridge.call_hour_stats (contact_type, industry, day_of_week, hour, calls, connections, refreshed_at)
  select case when grouping(b.contact_type) = 1 then '*' else b.contact_type end,
         case when grouping(b.industry) = 1 then '*' else b.industry end,
         b.day_of_week, b.hour, count(*)::integer, count(*) filter (where b.connected)::integer, now()
    from buckets b
   group by grouping sets ((b.contact_type, b.industry, b.day_of_week, b.hour),
                           (b.contact_type, b.day_of_week, b.hour),
                           (b.day_of_week, b.hour));
  get diagnostics v_rows = row_count;
  return v_rows;
end
$$;

COMMENT ON FUNCTION dialbridge.refresh_call_hour_stats(p_as_of timestamp with time zone) IS 'Rebuilds dialbridge.call_hour_stats from the calls of the 365 days before p_as_of.';

REVOKE ALL ON FUNCTION dialbridge.refresh_call_hour_stats(p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.refresh_call_hour_stats(p_as_of timestamp with time zone) TO service_role;
