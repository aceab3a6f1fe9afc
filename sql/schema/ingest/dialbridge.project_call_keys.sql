CREATE FUNCTION dialbridge.project_call_keys(p_provider text, p_keys text[]) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_keys text[] := array(select distinct k from unnest(p_keys) k where k is not null order by 1);
  v_changed integer;
  v_gone text[];
  v_deleted integer;
begin
  if pg_catalog.cardinality(v_keys) = 0 then
    return 0;
  end if;
  v_changed := dialbridge.merge_call_activities(p_provider,
    array(select r from dialbridge.call_activity_rows(v_keys) r));
  -- a call whose facts are gone (a replay read its event differently), or that no longer has a callback
  select coalesce(array_agg(g), '{}') into v_gone
    from (select k as g from unnest(v_keys) k
           where not exists (select 1 from dialbridge.call_events e where e.call_key = k)
          union all
          -- a callback is on its call's row (one row per call): a callback row of an earlier release goes
          select p_provider || ':callback:' || pg_catalog.substr(k, pg_catalog.length(p_provider) + 7)
            from unnest(v_keys) k) x;
  delete from public.contact_activities a where a.dedupe_key = any (v_gone) and a.source_system = p_provider;
  get diagnostics v_deleted = row_count;
  return v_changed + v_deleted;
end
$$;

COMMENT ON FUNCTION dialbridge.project_call_keys(p_provider text, p_keys text[]) IS 'Projects the given calls of a generic provider: merges the rows their stored facts add up to
(dialbridge.call_activity_rows through dialbridge.merge_call_activities) and deletes the provider''s rows
whose facts are gone. Returns the rows written or deleted.';

REVOKE ALL ON FUNCTION dialbridge.project_call_keys(p_provider text, p_keys text[]) FROM PUBLIC;
