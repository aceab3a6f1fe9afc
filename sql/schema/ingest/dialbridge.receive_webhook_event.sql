CREATE FUNCTION dialbridge.receive_webhook_event(p_provider text, p_event_type text, p_payload jsonb, p_header_event_id text, p_payload_size integer, p_auth_method text, p_signature_header text, p_ip inet, p_user_agent text, p_envelope jsonb DEFAULT NULL::jsonb) RETURNS TABLE(status text, log_id bigint, event_id text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $_$
#variable_conflict use_column
declare
  v_p dialbridge.webhook_providers := dialbridge.webhook_provider(p_provider);
  v_event_type text := dialbridge.check_webhook_event(p_event_type, p_payload);
  v_event_id text;
  v_refs record;
  v_log_id bigint;
begin
  if v_p.inbox = 'public.phoneburner_webhooks_log' then
    return query select * from dialbridge.receive_phoneburner_event(v_event_type, p_payload, p_header_event_id,
      p_payload_size, p_auth_method, p_signature_header, p_ip, p_user_agent, p_envelope);
    return;
  end if;
  execute pg_catalog.format('select %s($1, $2, $3)', v_p.identity_fn) into v_event_id
    using v_event_type, p_payload, p_header_event_id;
  if v_event_id is null or v_event_id = '' then
    raise exception 'the % adapter gave the event no identity', p_provider using errcode = 'DB021';
  end if;
  execute pg_catalog.format('select * from %s($1, $2)', v_p.refs_fn) into v_refs using v_event_type, p_payload;
  -- a body-only signature proves nothing about when: a captured delivery is refused once its own time is too old
  perform dialbridge.check_event_time(p_auth_method, v_refs.event_at);

  insert into dialbridge.webhook_events as l (
    provider, event_id, event_type, payload, envelope, payload_size_bytes,
    provider_call_id, provider_contact_id, sourceco_contact_id, provider_user_id, provider_session_id, event_at,
    processing_status, auth_method, signature_header, signature_valid, ip_address, user_agent)
  values (
    p_provider, pg_catalog.left(v_event_id, 500), v_event_type, p_payload, p_envelope, p_payload_size,
    pg_catalog.left(v_refs.call_id, 255), pg_catalog.left(v_refs.contact_id, 255),
    pg_catalog.left(v_refs.sourceco_contact_id, 255), pg_catalog.left(v_refs.user_id, 255),
    pg_catalog.left(v_refs.session_id, 255), v_refs.event_at, 'pending',
    p_auth_method, pg_catalog.left(p_signature_header, 500),
    case when p_auth_method = 'hmac' then true end, p_ip, pg_catalog.left(p_user_agent, 500))
  on conflict (provider, event_id) do nothing
  returning l.id into v_log_id;

  if v_log_id is null then
    select l.id into v_log_id from dialbridge.webhook_events l
     where l.provider = p_provider and l.event_id = pg_catalog.left(v_event_id, 500);
    return query select 'duplicate'::text, v_log_id, pg_catalog.left(v_event_id, 500);
    return;
  end if;
  perform dialbridge.queue_webhook_processing(p_provider, v_log_id);
  return query select 'accepted'::text, v_log_id, pg_catalog.left(v_event_id, 500);
end
$_$;

COMMENT ON FUNCTION dialbridge.receive_webhook_event(p_provider text, p_event_type text, p_payload jsonb, p_header_event_id text, p_payload_size integer, p_auth_method text, p_signature_header text, p_ip inet, p_user_agent text, p_envelope jsonb) IS 'Stores one authenticated event of any provider (idempotent on the identity its adapter computes) and
queues its processing in the same transaction; the edge function answers 2xx only after this commits.
''accepted'' for a new event, ''duplicate'' (with the stored row''s id) for one already stored. DB020 /
DB021 for an event the sender must fix (400), DB022 for an unknown provider, DB067 for a signed event whose own time is outside the accepted window (dialbridge.check_event_time). PhoneBurner''s events go to
its seed table through dialbridge.receive_phoneburner_event.';

REVOKE ALL ON FUNCTION dialbridge.receive_webhook_event(p_provider text, p_event_type text, p_payload jsonb, p_header_event_id text, p_payload_size integer, p_auth_method text, p_signature_header text, p_ip inet, p_user_agent text, p_envelope jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.receive_webhook_event(p_provider text, p_event_type text, p_payload jsonb, p_header_event_id text, p_payload_size integer, p_auth_method text, p_signature_header text, p_ip inet, p_user_agent text, p_envelope jsonb) TO service_role;
