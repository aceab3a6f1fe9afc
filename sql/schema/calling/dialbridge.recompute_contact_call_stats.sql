CREATE FUNCTION dialbridge.recompute_contact_call_stats(p_contact_id uuid DEFAULT NULL::uuid) RETURNS TABLE(contact_id uuid, column_name text, stored_value text, recomputed_value text)
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_id uuid;
begin
  if p_contact_id is null then
    -- all contacts: find the drifted ones without locking anything, then fix them one at a time, in id
    -- order, each checked again under its own row lock (the projection keeps running meanwhile)
    for v_id in
      select t.contact_id
        from dialbridge.contact_call_stats_from_rows(null) t
        join public.contacts c on c.id = t.contact_id
       where (c.total_call_attempts, c.total_calls_connected, c.total_calls_to_decision_maker, c.total_calls_to_gatekeeper,
              c.total_voicemails_left, c.total_call_duration_seconds, c.total_talk_time_seconds, c.average_talk_time_seconds,
              c.connection_rate_percentage, c.first_call_attempt_at, c.last_call_attempt_at, c.last_call_connected_at,
              c.phone_verified_at, c.last_disposition_code, c.last_disposition_label, c.last_disposition_date,
              c.last_disposition_notes, c.last_engaged_call_at)
             is distinct from
             (t.total_call_attempts, t.total_calls_connected, t.total_calls_to_decision_maker, t.total_calls_to_gatekeeper,
              t.total_voicemails_left, t.total_call_duration_seconds, t.total_talk_time_seconds, t.average_talk_time_seconds,
              t.connection_rate_percentage, t.first_call_attempt_at, t.last_call_attempt_at, t.last_call_connected_at,
              t.phone_verified_at, t.last_disposition_code, t.last_disposition_label, t.last_disposition_date,
              t.last_disposition_notes, t.last_engaged_call_at)
       order by t.contact_id
    loop
      return query select * from dialbridge.recompute_contact_call_stats(v_id);
    end loop;
    return;
  end if;

  return query
  with truth as (
    select * from dialbridge.contact_call_stats_from_rows(p_contact_id)
  ), cur_rows as (
    select c.id, c.total_call_attempts, c.total_calls_connected, c.total_calls_to_decision_maker,
           c.total_calls_to_gatekeeper, c.total_voicemails_left, c.total_call_duration_seconds,
           c.total_talk_time_seconds, c.average_talk_time_seconds, c.connection_rate_percentage,
           c.first_call_attempt_at, c.last_call_attempt_at, c.last_call_connected_at, c.phone_verified_at,
           c.last_disposition_code, c.last_disposition_label, c.last_disposition_date, c.last_disposition_notes,
           c.last_engaged_call_at
      from public.contacts c
     where c.id in (select t.contact_id from truth t)
     order by c.id
       for no key update
  ), diff as (
    select cur.id, o.key as column_name, o.value #>> '{}' as stored_value, n.value #>> '{}' as recomputed_value
      from cur_rows cur
      join truth t on t.contact_id = cur.id
      cross join lateral pg_catalog.jsonb_each(pg_catalog.to_jsonb(cur) - 'id') o
      join lateral pg_catalog.jsonb_each(pg_catalog.to_jsonb(t) - 'contact_id') n on n.key = o.key
     where o.value is distinct from n.value
  ), fixed as (
    update public.contacts c
       set total_call_attempts = t.total_call_attempts,
           total_calls_connected = t.total_calls_connected,
           total_calls_to_decision_maker = t.total_calls_to_decision_maker,
           total_calls_to_gatekeeper = t.total_calls_to_gatekeeper,
           total_voicemails_left = t.total_voicemails_left,
           total_call_duration_seconds = t.total_call_duration_seconds,
           total_talk_time_seconds = t.total_talk_time_seconds,
           average_talk_time_seconds = t.average_talk_time_seconds,
           connection_rate_percentage = t.connection_rate_percentage,
           first_call_attempt_at = t.first_call_attempt_at,
           last_call_attempt_at = t.last_call_attempt_at,
           last_call_connected_at = t.last_call_connected_at,
           phone_verified_at = t.phone_verified_at,
           last_disposition_code = t.last_disposition_code,
           last_disposition_label = t.last_disposition_label,
           last_disposition_date = t.last_disposition_date,
           last_disposition_notes = t.last_disposition_notes,
           last_engaged_call_at = t.last_engaged_call_at,
           call_stats_stale = false,
           call_stats_last_calculated_at = pg_catalog.now()
      from truth t
     where c.id = t.contact_id and c.id in (select diff.id from diff)
    returning c.id
  )
  select diff.id, diff.column_name, diff.stored_value, diff.recomputed_value
    from diff
   where diff.id in (select fixed.id from fixed)
   order by diff.id, diff.column_name;
end
$$;

COMMENT ON FUNCTION dialbridge.recompute_contact_call_stats(p_contact_id uuid) IS 'Reconciliation: recomputes contacts'' call statistics from the raw rows, fixes the ones that drifted and
returns what it fixed, one row per contact and column. An empty result means the incremental statistics
were exact. p_contact_id null: all contacts (drifted ones fixed one at a time, in id order, each under
its row lock, so the projection is never held up for long).';

REVOKE ALL ON FUNCTION dialbridge.recompute_contact_call_stats(p_contact_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.recompute_contact_call_stats(p_contact_id uuid) TO service_role;
