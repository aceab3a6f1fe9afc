CREATE FUNCTION dialbridge.record_push_contact_errors(p_batch_id uuid, p_errors jsonb) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_count integer;
begin
  update public.phoneburner_push_run_contacts rc
     set status = 'failed', error_field = pg_catalog.left(e.field, 100), error_message = pg_catalog.left(coalesce(e.error, 'Rejected by PhoneBurner'), 500)
    from public.phoneburner_push_batches b,
         pg_catalog.jsonb_to_recordset(p_errors) as e(contact_id uuid, field text, error text)
   where b.id = p_batch_id and rc.run_id = b.run_id and rc.batch_no = b.batch_no
     and rc.contact_id = e.contact_id and rc.status = 'queued';
  get diagnostics v_count = row_count;
  return v_count;
end
$$;

COMMENT ON FUNCTION dialbridge.record_push_contact_errors(p_batch_id uuid, p_errors jsonb) IS 'Records contacts PhoneBurner rejected in a batch ([{contact_id, field, error}]) so the next attempt
sends the others only (real PhoneBurner refuses a whole dial session for one bad contact).';

REVOKE ALL ON FUNCTION dialbridge.record_push_contact_errors(p_batch_id uuid, p_errors jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.record_push_contact_errors(p_batch_id uuid, p_errors jsonb) TO service_role;
