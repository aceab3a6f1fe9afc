CREATE FUNCTION dialbridge.enqueue_phone_normalization() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if pg_catalog.to_regnamespace('graphile_worker') is null then
    return;
  end if;
  begin
    perform graphile_worker.add_job('contacts__normalize_phones', '{}'::json,
      job_key := 'contacts__normalize_phones', job_key_mode := 'preserve_run_at');
  exception when others then
    raise warning 'dialbridge: could not queue contacts__normalize_phones (%): rows stay pending for the sweep', sqlstate;
  end;
end
$$;

COMMENT ON FUNCTION dialbridge.enqueue_phone_normalization() IS 'Queues the coalesced phone-normalisation job (one job however many rows are pending). A missing or
failing queue never fails the write: the rows stay pending and the cron sweep picks them up.';

REVOKE ALL ON FUNCTION dialbridge.enqueue_phone_normalization() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.enqueue_phone_normalization() TO authenticated;
GRANT ALL ON FUNCTION dialbridge.enqueue_phone_normalization() TO service_role;
