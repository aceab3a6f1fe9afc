CREATE FUNCTION dialbridge.receive_phoneburner_event(p_event_type text, p_payload jsonb, p_header_event_id text, p_payload_size integer, p_auth_method text, p_signature_header text, p_ip inet, p_user_agent text, p_envelope jsonb DEFAULT NULL::jsonb) RETURNS TABLE(status text, log_id bigint, event_id text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
#variable_conflict use_column
declare
  v_event_type text := pg_catalog.btrim(p_event_type);
  v_event_id text;
  v_refs record;
  v_log_id bigint;
begin
  if v_event_type is null or v_event_type = '' or pg_catalog.length(v_event_type) > 100 then
    raise exception 'event type is missing or longer than 100 characters' using errcode = 'DB020';
  end if;
  if p_payload is null or pg_catalog.jsonb_typeof(p_payload) <> 'object' then
    raise exception 'event payload must be a JSON object' using errcode = 'DB021';
  end if;

  v_event_id := dialbridge.phoneburner_event_identity(v_event_type, p_payload, p_header_event_id);
  select * into v_refs from dialbridge.phoneburner_event_refs(v_event_type, p_payload);

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

  if pg_catalog.to_regnamespace('graphile_worker') is not null then
    begin
      -- the job is queued and not started: it will claim this event after its barrier (see above). The
      -- lock first; the look at the job is a statement of its own, so its snapshot is taken after the lock
      begin
        if dialbridge.phoneburner_processor_awaits_receivers()
           and pg_catalog.pg_try_advisory_xact_lock_shared(dialbridge.phoneburner_receivers_lock_key()) then
          if exists (select 1 from graphile_worker._private_jobs j
                      where j.key = 'phoneburner_webhooks_log__process' and j.locked_at is null and j.attempts = 0) then
            return query select 'accepted'::text, v_log_id, v_event_id;
            return;
          end if;
        end if;
      exception when others then
        null;  -- e.g. a graphile-worker whose tables changed: queue the ordinary way below
      end;
      perform graphile_worker.add_job('phoneburner_webhooks_log__process', '{}'::json,
        job_key := 'phoneburner_webhooks_log__process', job_key_mode := 'preserve_run_at');
    exception when others then
      -- never lose the event because of the queue: it stays pending and the cron sweep queues it
      raise warning 'dialbridge: could not queue phoneburner_webhooks_log__process (%): event % stays pending',
        sqlstate, v_log_id;
    end;
  end if;

  return query select 'accepted'::text, v_log_id, v_event_id;
end
$$;

COMMENT ON FUNCTION dialbridge.receive_phoneburner_event(p_event_type text, p_payload jsonb, p_header_event_id text, p_payload_size integer, p_auth_method text, p_signature_header text, p_ip inet, p_user_agent text, p_envelope jsonb) IS 'Stores one authenticated event (idempotent on its identity) and queues its processing in the same
transaction; the edge function answers 2xx only after this commits. ''accepted'' for a new event,
''duplicate'' (with the stored row''s id) for one already logged. Queueing is one coalesced
graphile-worker job (job_key phoneburner_webhooks_log__process) that processes every pending row; when
the queue is missing or fails the event is still stored and stays pending for the cron sweep.
Security definer: the caller (service_role) needs no privilege on graphile_worker.';

REVOKE ALL ON FUNCTION dialbridge.receive_phoneburner_event(p_event_type text, p_payload jsonb, p_header_event_id text, p_payload_size integer, p_auth_method text, p_signature_header text, p_ip inet, p_user_agent text, p_envelope jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.receive_phoneburner_event(p_event_type text, p_payload jsonb, p_header_event_id text, p_payload_size integer, p_auth_method text, p_signature_header text, p_ip inet, p_user_agent text, p_envelope jsonb) TO service_role;
