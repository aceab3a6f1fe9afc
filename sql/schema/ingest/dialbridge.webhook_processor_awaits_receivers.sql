CREATE FUNCTION dialbridge.webhook_processor_awaits_receivers() RETURNS boolean
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_version text;
  v_cached text := pg_catalog.current_setting('dialbridge.processor_awaits_receivers', true);
  v_result boolean;
begin
  select pg_catalog.string_agg(p.oid::text || '.' || p.xmin::text, ',' order by p.oid) into v_version
    from pg_catalog.pg_proc p
   where p.proname = 'process_webhook_events' and p.pronamespace = 'dialbridge'::regnamespace;
  if v_version is null then return false; end if;
  if v_cached is not null and pg_catalog.split_part(v_cached, '=', 1) = v_version then
    return pg_catalog.split_part(v_cached, '=', 2)::boolean;
  end if;
  select coalesce(bool_and(p.prosrc like '%dialbridge.await_webhook_receivers(%'), false) into v_result
    from pg_catalog.pg_proc p
   where p.proname = 'process_webhook_events' and p.pronamespace = 'dialbridge'::regnamespace;
  perform pg_catalog.set_config('dialbridge.processor_awaits_receivers', v_version || '=' || v_result::text, false);
  return v_result;
end
$$;

COMMENT ON FUNCTION dialbridge.webhook_processor_awaits_receivers() IS 'True when dialbridge.process_webhook_events calls the barrier, i.e. receivers may rely on an already
queued job. Read from the catalog, cached per session and per version of that function.';

REVOKE ALL ON FUNCTION dialbridge.webhook_processor_awaits_receivers() FROM PUBLIC;
