-- migrate:up
-- A replay window for signed webhooks (issue 16, item 1): a body signed with the seed's HMAC stayed valid
-- forever (deliveries dated hours, a month or a day ahead were accepted and projected). Events so signed
-- whose own time is outside [now - dialbridge.webhook_max_event_age (3 days), now + 5 minutes] are refused
-- (DB067 → 400, counted as outside_time_window in the provider's rejections and in the health view's other
-- rejections); Standard Webhooks headers are checked by the functions (±5 minutes). Re-runnable.

alter table public.phoneburner_webhook_rejections drop constraint if exists phoneburner_webhook_rejections_reason_check;
alter table public.phoneburner_webhook_rejections add constraint phoneburner_webhook_rejections_reason_check
  check (reason in ('missing_auth', 'bad_signature', 'bad_token', 'bad_credentials', 'auth_not_accepted_for_event',
                    'malformed_body', 'invalid_envelope', 'too_large', 'outside_time_window'));
alter table dialbridge.webhook_rejections drop constraint if exists webhook_rejections_reason_check;
alter table dialbridge.webhook_rejections add constraint webhook_rejections_reason_check
  check (reason in ('missing_auth', 'bad_signature', 'bad_token', 'bad_credentials', 'auth_not_accepted_for_event',
                    'malformed_body', 'invalid_envelope', 'too_large', 'outside_time_window'));

create or replace function dialbridge.check_event_time(p_auth_method text, p_event_at timestamptz)
returns void
language plpgsql stable set search_path = ''
as $$
declare
  v_age interval := coalesce(nullif(pg_catalog.current_setting('dialbridge.webhook_max_event_age', true), '')::interval, interval '3 days');
  v_skew interval := coalesce(nullif(pg_catalog.current_setting('dialbridge.webhook_max_event_skew', true), '')::interval, interval '5 minutes');
begin
  if p_auth_method in ('hmac', 'softphone_hmac') and p_event_at is not null
     and (p_event_at < pg_catalog.now() - v_age or p_event_at > pg_catalog.now() + v_skew) then
    raise exception 'the event''s own time (%) is outside the accepted window (% back, % ahead): a signed body is not accepted again later',
      p_event_at, v_age, v_skew
      using errcode = 'DB067', hint = 'npm run replay reprocesses events already stored';
  end if;
end
$$;
comment on function dialbridge.check_event_time(text, timestamptz) is 'The replay window of body-only signatures (the seed''s HMAC of the body, which says nothing about when it was sent): an event so authenticated whose own time is older than dialbridge.webhook_max_event_age (default 3 days: the longest retry schedule a sender uses) or ahead of now by more than dialbridge.webhook_max_event_skew (5 minutes) is refused (DB067; the webhook answers 400 and counts it as outside_time_window). Set them with alter database … set dialbridge.webhook_max_event_age = ''7 days''. Standard Webhooks deliveries carry their own timestamp, checked by the function (±5 minutes).';
revoke all on function dialbridge.check_event_time(text, timestamptz) from public;

CREATE OR REPLACE FUNCTION dialbridge.receive_phoneburner_event(p_event_type text, p_payload jsonb, p_header_event_id text, p_payload_size integer, p_auth_method text, p_signature_header text, p_ip inet, p_user_agent text, p_envelope jsonb DEFAULT NULL::jsonb) RETURNS TABLE(status text, log_id bigint, event_id text)
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

CREATE OR REPLACE FUNCTION dialbridge.receive_webhook_event(p_provider text, p_event_type text, p_payload jsonb, p_header_event_id text, p_payload_size integer, p_auth_method text, p_signature_header text, p_ip inet, p_user_agent text, p_envelope jsonb DEFAULT NULL::jsonb) RETURNS TABLE(status text, log_id bigint, event_id text)
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

-- migrate:down
