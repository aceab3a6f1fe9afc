CREATE FUNCTION dialbridge.tg_disposition_mappings__enqueue_rescore() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if pg_catalog.to_regprocedure('graphile_worker.add_job(text, json, text, timestamp with time zone, integer, text, integer, text[], text)') is not null then
    perform graphile_worker.add_job('contacts__score', pg_catalog.json_build_object('all', true),
                                    run_at := now() + interval '1 minute', job_key := 'contacts__score:all',
                                    max_attempts := 5);
  end if;
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_disposition_mappings__enqueue_rescore() IS 'Trigger function: disposition mappings changed → queue one contacts__score job for every contact
(job_key replaces a queued one, so a burst of edits rescores once, a minute after the last).';

REVOKE ALL ON FUNCTION dialbridge.tg_disposition_mappings__enqueue_rescore() FROM PUBLIC;
