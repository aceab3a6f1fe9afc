CREATE FUNCTION dialbridge.receive_phoneburner_event(p_event_type text, p_payload jsonb, p_header_event_id text, p_payload_size integer, p_auth_method text, p_signature_header text, p_ip inet, p_user_agent text, p_envelope jsonb DEFAULT NULL::jsonb) RETURNS TABLE(status text, log_id bigint, event_id text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
#variable_conflict use_column
declare
  v_event_type text := dialbridge.check_webhook_event(p_event_type, p_payload);
  v_event_id text;
  v_refs record;
  v_log_id bigint;
begin
  v_event_id := dialbridge.phoneburner_event_identity(v_event_type, p_payload, p_header_event_id);
  select * into v_refs from dialbridge.phoneburner_event_refs(v_event_type, p_payload);
  -- a body-only signature proves nothing about when: a captured delivery is refused once its own time is too old
  perform dialbridge.check_event_time(p_auth_method, v_refs.event_at);

  insert into public.phoneburner_webhooks_log as l (
    event_id, event_type, payload, envelope, payload_size_bytes,
    phoneburner_call_id, phoneburner_contact_id, sourceco_contact_id, phoneburner_user_id,
    phoneburner_session_id, event_at, processing_status,
    auth_method, signature_header, signature_valid, ip_address, user_agent)
  values (
    v_event_id, v_event_type, p_payload, p_envelope, p_payload_size,
    pg_catalog.left(v_refs.call_id, 255), pg_catalog.left(v_refs.contact_id, 255),
    pg_catalog.left(v_refs.sourceco_contact_id, 255), pg_catalog.left(v_refs.user_id, 255),
    pg_catalog.left(v_refs.session_id, 255), v_refs.event_at, 'pending',
    p_auth_method, pg_catalog.left(p_signature_header, 500),
    case when p_auth_method in ('hmac', 'softphone_hmac') then true end,
    p_ip, pg_catalog.left(p_user_agent, 500))
  on conflict (event_id) do nothing
  returning l.id into v_log_id;

  if v_log_id is null then
    -- already logged (by an earlier delivery, or a concurrent one that has now committed)
    select l.id into v_log_id from public.phoneburner_webhooks_log l where l.event_id = v_event_id;
    return query select 'duplicate'::text, v_log_id, v_event_id;
    return;
  end if;
  perform dialbridge.queue_webhook_processing('phoneburner', v_log_id);
  return query select 'accepted'::text, v_log_id, v_event_id;
end
$$;

COMMENT ON FUNCTION dialbridge.receive_phoneburner_event(p_event_type text, p_payload jsonb, p_header_event_id text, p_payload_size integer, p_auth_method text, p_signature_header text, p_ip inet, p_user_agent text, p_envelope jsonb) IS 'PhoneBurner''s store (its seed table public.phoneburner_webhooks_log; the PhoneBurner adapter of the
shared receive): stores one authenticated event, idempotent on dialbridge.phoneburner_event_identity, and
queues its processing in the same transaction through the shared dialbridge.queue_webhook_processing
(job phoneburner_webhooks_log__process). ''accepted'' for a new event, ''duplicate'' (with the stored
row''s id) for one already logged; the edge function answers 2xx only after this commits.';

REVOKE ALL ON FUNCTION dialbridge.receive_phoneburner_event(p_event_type text, p_payload jsonb, p_header_event_id text, p_payload_size integer, p_auth_method text, p_signature_header text, p_ip inet, p_user_agent text, p_envelope jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.receive_phoneburner_event(p_event_type text, p_payload jsonb, p_header_event_id text, p_payload_size integer, p_auth_method text, p_signature_header text, p_ip inet, p_user_agent text, p_envelope jsonb) TO service_role;
