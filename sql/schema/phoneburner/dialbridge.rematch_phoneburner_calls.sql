CREATE FUNCTION dialbridge.rematch_phoneburner_calls(p_limit integer DEFAULT 5000) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_keys text[];
  v_before integer;
  v_after integer;
begin
  perform dialbridge.lock_call_projection();
  select array_agg(distinct k), pg_catalog.count(distinct k) into v_keys, v_before
    from (select case when a.dedupe_key like 'phoneburner:callback:%'
                      then 'phoneburner:call:' || pg_catalog.substr(a.dedupe_key, 22) else a.dedupe_key end as k
            from public.contact_activities a
           where a.matching_status = 'unmatched' and a.source_system = 'phoneburner' and a.deleted_at is null
             and a.dedupe_key like 'phoneburner:%'
           order by a.created_at desc
           limit greatest(p_limit, 1)) x;
  if v_keys is null then
    return 0;
  end if;
  perform dialbridge.project_phoneburner_calls(v_keys);
  select pg_catalog.count(*) into v_after
    from public.contact_activities a
   where a.dedupe_key = any (v_keys) and a.matching_status = 'unmatched';
  return v_before - v_after;
end
$$;

COMMENT ON FUNCTION dialbridge.rematch_phoneburner_calls(p_limit integer) IS 'Projects the newest unmatched PhoneBurner calls again (at most p_limit) so that those whose contact can now
be found — its PhoneBurner id stored by the reconcile job, its pushed session linked, the contact created
or given its SourceCo id — become matched, with their statistics and disposition effects. Returns how
many calls were matched. Run by the worker (contact_activities__rematch) when any of those changes, and
every 10 minutes.';

REVOKE ALL ON FUNCTION dialbridge.rematch_phoneburner_calls(p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.rematch_phoneburner_calls(p_limit integer) TO service_role;
