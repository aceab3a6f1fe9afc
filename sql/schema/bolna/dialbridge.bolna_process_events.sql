CREATE FUNCTION dialbridge.bolna_process_events(p_provider text, p_ids bigint[], as_of timestamp with time zone) RETURNS TABLE(log_id bigint, status text, error text, code text, ms numeric, contact_activity_id uuid)
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  perform dialbridge.lock_call_projection();
  perform dialbridge.bolna_ensure_contacts(p_ids);
  return query select * from dialbridge.project_call_events(p_provider, p_ids, as_of);
  perform dialbridge.bolna_sync_calls(array(
    select distinct e.provider_call_id from dialbridge.webhook_events e
     where e.id = any (p_ids) and e.provider = p_provider and e.provider_call_id is not null));
end
$$;

COMMENT ON FUNCTION dialbridge.bolna_process_events(p_provider text, p_ids bigint[], as_of timestamp with time zone) IS 'Bolna''s batch stage: contacts for the batch''s (user, number) pairs, the shared projection (one contact_activities row per execution), then the calls, charges and transcripts of the executions it touched (dialbridge.bolna_sync_calls).';

REVOKE ALL ON FUNCTION dialbridge.bolna_process_events(p_provider text, p_ids bigint[], as_of timestamp with time zone) FROM PUBLIC;
