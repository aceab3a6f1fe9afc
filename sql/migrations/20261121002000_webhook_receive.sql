-- migrate:up
-- Receiving PhoneBurner events, durable first (issue 3, "Receiving").
--
-- The edge function `phoneburner-webhook` authenticates the sender, parses the body and then makes ONE
-- call: dialbridge.receive_phoneburner_event(...). In one transaction it computes the event identity,
-- stores the event in public.phoneburner_webhooks_log (idempotent on that identity) and queues its
-- processing (one coalesced graphile-worker job). The function answers 2xx only after that commit.
-- Rejected requests (401/400/413) are only counted, per minute, in public.phoneburner_webhook_rejections:
-- an unauthenticated body is never stored.
--
-- Event identity (dialbridge.phoneburner_event_identity), first that applies:
--   1. the payload's event_id (seed contract)
--   2. the X-Phoneburner-Event-ID header
--   3. <event type>:<provider call id>     (call_id, call.id, callId, call.call_id) — real PhoneBurner
--      has no event id: its natural key is (call_id, event type)
--   4. <event type>:sha256:<hex>           digest of the canonical payload (jsonb text: keys sorted,
--      whitespace normalised) — events without a call id (api_contact_displayed, seed 001's flat examples
--      without event_id). A redelivery of the same event has the same digest; two different events never
--      share one, so nothing is dropped.

-- ---------------------------------------------------------------------------------------------------
-- Reading ids out of either payload shape
-- ---------------------------------------------------------------------------------------------------

/** The event types dialbridge knows (seed contract, real dial-session callbacks, softphone). */
create or replace function dialbridge.phoneburner_event_types() returns text[]
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select array['call.started', 'call.connected', 'call.ended', 'disposition.set', 'callback.scheduled',
               'contact.updated', 'api_contact_displayed', 'api_callbegin', 'api_calldone',
               'softphone_call_done']
$$;

/** A JSON string or number as trimmed text (ids arrive as both); null for anything else or empty. */
create or replace function dialbridge.jsonb_id(p_value jsonb) returns text
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select case when pg_catalog.jsonb_typeof(p_value) in ('string', 'number')
              then nullif(pg_catalog.btrim(p_value #>> '{}'), '') end
$$;

/**
 * The first of several candidate JSON values that is an id (see jsonb_id). plpgsql rather than SQL on
 * purpose: it runs for every received event, and plpgsql keeps its plans for the session.
 */
create or replace function dialbridge.jsonb_first_id(p_values jsonb[]) returns text
language plpgsql immutable parallel safe security invoker set search_path = ''
as $$
declare
  v_value jsonb;
  v_text text;
begin
  if p_values is null then return null; end if;
  foreach v_value in array p_values loop
    if pg_catalog.jsonb_typeof(v_value) in ('string', 'number') then
      v_text := pg_catalog.btrim(v_value #>> '{}');
      if v_text <> '' then return v_text; end if;
    end if;
  end loop;
  return null;
end
$$;

/**
 * A sender's time as timestamptz, or null when it is not a time (never an error: a bad timestamp must not
 * cost the event). ISO 8601 with Z or an offset; epoch seconds or milliseconds; a zone-less
 * 'YYYY-MM-DD[ HH:MM[:SS]]' (real PhoneBurner's start_time / end_time) is read in p_zone.
 */
create or replace function dialbridge.phoneburner_timestamptz(p_value jsonb, p_zone text default 'UTC') returns timestamptz
language plpgsql immutable parallel safe security invoker set search_path = ''
as $$
declare
  v_parts text[];
  v_number numeric;
begin
  if pg_catalog.jsonb_typeof(p_value) = 'number' then
    v_number := (p_value #>> '{}')::numeric;
    if v_number <= 0 or v_number >= 1e14 then return null; end if;
    if v_number >= 1e11 then v_number := v_number / 1000; end if;  -- milliseconds
    return pg_catalog.to_timestamp(v_number::double precision);
  end if;
  if pg_catalog.jsonb_typeof(p_value) is distinct from 'string' then return null; end if;
  -- fast path, no subtransaction: ISO 8601 with an explicit zone and a day, time and offset that are always
  -- valid (the usual form); anything else is parsed below, where an invalid value becomes null
  if pg_catalog.btrim(p_value #>> '{}')
     ~ '^(?!0000)\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?([Zz]|[+-](0\d|1[0-4])(:?[0-5]\d)?)$' then
    return pg_catalog.btrim(p_value #>> '{}')::timestamptz;
  end if;
  v_parts := pg_catalog.regexp_match(pg_catalog.btrim(p_value #>> '{}'),
    '^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?))?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?$');
  if v_parts is null then return null; end if;
  begin
    if v_parts[3] is null then
      return (v_parts[1] || ' ' || coalesce(v_parts[2], '00:00'))::timestamp at time zone coalesce(p_zone, 'UTC');
    end if;
    return (v_parts[1] || 'T' || coalesce(v_parts[2], '00:00') || pg_catalog.upper(v_parts[3]))::timestamptz;
  exception when datetime_field_overflow or invalid_datetime_format or invalid_parameter_value then
    return null;  -- 2026-02-30, an unknown zone and the like
  end;
end
$$;

/**
 * Our contact id carried by an event, from any place PhoneBurner or the seeds put it, first found wins:
 * a custom field named sourceco_contact_id / sourceco_id / "SourceCo ID" (case-, space- and
 * punctuation-insensitive; {name: value} or [{name, value}] form; top level, then under contact; plain,
 * then typed_custom_fields), seed 001's flat sourceco_contact_id, then
 * external_crm_data[crm_name = sourceco].crm_id (top level, then under contact).
 */
create or replace function dialbridge.phoneburner_sourceco_id(p_payload jsonb) returns text
language plpgsql immutable parallel safe security invoker set search_path = ''
as $$
declare
  v_doc jsonb;
  v_key text;
  v_value jsonb;
  v_id text;
begin
  foreach v_doc in array array[p_payload -> 'custom_fields', p_payload -> 'contact' -> 'custom_fields',
                               p_payload -> 'typed_custom_fields', p_payload -> 'contact' -> 'typed_custom_fields'] loop
    if pg_catalog.jsonb_typeof(v_doc) = 'object' then
      for v_key, v_value in select f.key, f.value from pg_catalog.jsonb_each(v_doc) f loop
        if pg_catalog.regexp_replace(pg_catalog.lower(v_key), '[^a-z0-9]+', '', 'g') in ('sourcecocontactid', 'sourcecoid') then
          v_id := dialbridge.jsonb_first_id(array[v_value]);
          if v_id is not null then return v_id; end if;
        end if;
      end loop;
    elsif pg_catalog.jsonb_typeof(v_doc) = 'array' then
      for v_key, v_value in select e ->> 'name', e -> 'value' from pg_catalog.jsonb_array_elements(v_doc) e
                             where pg_catalog.jsonb_typeof(e) = 'object' loop
        if pg_catalog.regexp_replace(pg_catalog.lower(v_key), '[^a-z0-9]+', '', 'g') in ('sourcecocontactid', 'sourcecoid') then
          v_id := dialbridge.jsonb_first_id(array[v_value]);
          if v_id is not null then return v_id; end if;
        end if;
      end loop;
    end if;
  end loop;

  v_id := dialbridge.jsonb_first_id(array[p_payload -> 'sourceco_contact_id', p_payload -> 'sourceco_id']);
  if v_id is not null then return v_id; end if;

  foreach v_doc in array array[p_payload -> 'external_crm_data', p_payload -> 'contact' -> 'external_crm_data'] loop
    if pg_catalog.jsonb_typeof(v_doc) = 'array' then
      select dialbridge.jsonb_first_id(array[e -> 'crm_id']) into v_id
        from pg_catalog.jsonb_array_elements(v_doc) e
       where pg_catalog.jsonb_typeof(e) = 'object'
         and pg_catalog.regexp_replace(pg_catalog.lower(e ->> 'crm_name'), '[^a-z0-9]+', '', 'g') = 'sourceco'
         and dialbridge.jsonb_first_id(array[e -> 'crm_id']) is not null
       limit 1;
      if v_id is not null then return v_id; end if;
    end if;
  end loop;
  return null;
end
$$;

/** The provider call id of an event: call_id, call.id, callId or call.call_id. */
create or replace function dialbridge.phoneburner_call_id(p_payload jsonb) returns text
language plpgsql immutable parallel safe security invoker set search_path = ''
as $$
begin
  return dialbridge.jsonb_first_id(array[p_payload -> 'call_id', p_payload -> 'call' -> 'id',
                                         p_payload -> 'callId', p_payload -> 'call' -> 'call_id']);
end
$$;

/**
 * The ids and time an event carries, from either payload shape: seed 000 nested (call.id, contact.id,
 * user.id, dial_session.id, custom_fields.sourceco_contact_id), seed 001 flat (call_id, contact_id,
 * user_id, assigned_user_id, sourceco_contact_id) and real PhoneBurner (call_id, ds_id, contact.user_id,
 * contact_user_id, agent.user_id, "SourceCo ID" custom field, external_crm_data). Used for the log's
 * lookup columns and by the projection. A top-level user_id is the rep only in the seed contract: in
 * PhoneBurner's own payloads user_id names the contact. event_at: timestamp, else end_time, else
 * start_time; zone-less times are read in p_zone, by default the PhoneBurner account's zone (database
 * setting dialbridge.phoneburner_time_zone, default America/New_York — the processing reads it too).
 */
create or replace function dialbridge.phoneburner_event_refs(p_event_type text, p_payload jsonb, p_zone text default null)
returns table (call_id text, contact_id text, sourceco_contact_id text, user_id text, session_id text,
               event_at timestamptz)
language plpgsql stable parallel safe security invoker set search_path = ''
as $$
declare
  v_zone text := coalesce(p_zone,
    nullif(pg_catalog.btrim(pg_catalog.current_setting('dialbridge.phoneburner_time_zone', true)), ''), 'America/New_York');
begin
  call_id := dialbridge.phoneburner_call_id(p_payload);
  contact_id := dialbridge.jsonb_first_id(array[
    p_payload -> 'contact_id', p_payload -> 'contact' -> 'id', p_payload -> 'contact' -> 'user_id',
    p_payload -> 'contact' -> 'contact_user_id', p_payload -> 'contact_user_id']);
  sourceco_contact_id := dialbridge.phoneburner_sourceco_id(p_payload);
  user_id := dialbridge.jsonb_first_id(array[
    p_payload -> 'user' -> 'id', p_payload -> 'agent' -> 'user_id', p_payload -> 'assigned_user' -> 'id',
    p_payload -> 'assigned_user_id', p_payload -> 'updated_by' -> 'user_id', p_payload -> 'updated_by',
    p_payload -> 'member_user_id', p_payload -> 'pb_user_id',
    case when p_event_type not like 'api\_%' and p_event_type <> 'softphone_call_done' then p_payload -> 'user_id' end]);
  session_id := dialbridge.jsonb_first_id(array[
    p_payload -> 'dial_session' -> 'id', p_payload -> 'ds_id', p_payload -> 'dial_session_id',
    p_payload -> 'dialsession_id', p_payload -> 'dialsession' -> 'id']);
  event_at := coalesce(dialbridge.phoneburner_timestamptz(p_payload -> 'timestamp', v_zone),
                       dialbridge.phoneburner_timestamptz(p_payload -> 'end_time', v_zone),
                       dialbridge.phoneburner_timestamptz(p_payload -> 'start_time', v_zone));
  return next;
end
$$;

/**
 * The identity of an event (the log's event_id): payload event_id, else the X-Phoneburner-Event-ID header,
 * else <event type>:<call id>, else <event type>:sha256:<digest of the canonical payload>. Identities
 * longer than 255 characters are replaced by their digest so the unique index always accepts them.
 */
create or replace function dialbridge.phoneburner_event_identity(p_event_type text, p_payload jsonb, p_header_event_id text)
returns text
language plpgsql immutable parallel safe security invoker set search_path = ''
as $$
declare
  v_id text;
begin
  v_id := coalesce(dialbridge.jsonb_first_id(array[p_payload -> 'event_id']),
                   nullif(pg_catalog.btrim(p_header_event_id), ''),
                   p_event_type || ':' || dialbridge.phoneburner_call_id(p_payload),
                   p_event_type || ':sha256:'
                     || pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(p_payload::text, 'UTF8')), 'hex'));
  if pg_catalog.length(v_id) > 255 then
    v_id := p_event_type || ':sha256:' || pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(v_id, 'UTF8')), 'hex');
  end if;
  return v_id;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- phoneburner_webhooks_log: the intermediary's wrapper
-- ---------------------------------------------------------------------------------------------------
alter table public.phoneburner_webhooks_log add column if not exists envelope jsonb;
comment on column public.phoneburner_webhooks_log.envelope is
  'When an intermediary wrapped the event as {body: {…}, …}: the wrapper''s other top-level fields (e.g. Transcript), as received. payload holds the unwrapped event.';
comment on column public.phoneburner_webhooks_log.event_id is
  'Event identity: payload event_id, else the X-Phoneburner-Event-ID header, else <event type>:<call id>, else <event type>:sha256:<digest of the payload>.';

-- ---------------------------------------------------------------------------------------------------
-- Queueing without a hot row: the receivers' barrier
-- ---------------------------------------------------------------------------------------------------
-- Every event must be followed by a run of the coalesced job phoneburner_webhooks_log__process. Calling
-- graphile_worker.add_job for every event is correct but locks the one job row until each receiver
-- commits, which serialises all receivers behind one another's WAL flush (measured on 2 cores: ~800
-- events/s, against ~5,500/s for a bare insert). So a receiver that finds the job already queued — not
-- yet started, no failed attempt — skips add_job, holding the advisory lock below shared until it
-- commits; the batch processor calls dialbridge.await_phoneburner_receivers() before each claim, which
-- waits for those receivers, so its claim sees their rows. Why nothing is missed: a receiver that saw the
-- job unlocked took the lock before looking, so the job's first barrier comes after it (had the barrier
-- come first, the job would already have been locked — started — when the receiver looked). Receivers
-- only ever try the lock (never wait) and fall back to add_job, and the skip is used only while the
-- processor's code calls the barrier (dialbridge.phoneburner_processor_awaits_receivers): without it,
-- every receiver queues as above.

/** Advisory lock key of the receivers' barrier (arbitrary constant). */
create or replace function dialbridge.phoneburner_receivers_lock_key() returns bigint
language sql immutable parallel safe security invoker set search_path = ''
as $$ select 7308604897168450351::bigint $$;

/**
 * The barrier the batch processor calls before it claims events: returns once every receiver that
 * counted on an already queued job has committed. Holds nothing afterwards (session lock taken and
 * released at once, released on error too).
 */
create or replace function dialbridge.await_phoneburner_receivers() returns void
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  perform pg_catalog.pg_advisory_lock(dialbridge.phoneburner_receivers_lock_key());
  perform pg_catalog.pg_advisory_unlock(dialbridge.phoneburner_receivers_lock_key());
exception when query_canceled or others then
  perform pg_catalog.pg_advisory_unlock(dialbridge.phoneburner_receivers_lock_key());
  raise;
end
$$;

/**
 * True when dialbridge.process_phoneburner_webhooks calls the barrier, i.e. receivers may rely on an
 * already queued job. Read from the catalog, cached per session and per version of that function.
 */
create or replace function dialbridge.phoneburner_processor_awaits_receivers() returns boolean
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_version text;
  v_cached text := pg_catalog.current_setting('dialbridge.processor_awaits_receivers', true);
  v_result boolean;
begin
  select pg_catalog.string_agg(p.oid::text || '.' || p.xmin::text, ',' order by p.oid) into v_version
    from pg_catalog.pg_proc p
   where p.proname = 'process_phoneburner_webhooks' and p.pronamespace = 'dialbridge'::regnamespace;
  if v_version is null then return false; end if;
  if v_cached is not null and pg_catalog.split_part(v_cached, '=', 1) = v_version then
    return pg_catalog.split_part(v_cached, '=', 2)::boolean;
  end if;
  select coalesce(bool_and(p.prosrc like '%dialbridge.await_phoneburner_receivers()%'), false) into v_result
    from pg_catalog.pg_proc p
   where p.proname = 'process_phoneburner_webhooks' and p.pronamespace = 'dialbridge'::regnamespace;
  perform pg_catalog.set_config('dialbridge.processor_awaits_receivers', v_version || '=' || v_result::text, false);
  return v_result;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- receive: store + queue, one call, one transaction
-- ---------------------------------------------------------------------------------------------------

/**
 * Stores one authenticated event (idempotent on its identity) and queues its processing in the same
 * transaction; the edge function answers 2xx only after this commits. 'accepted' for a new event,
 * 'duplicate' (with the stored row's id) for one already logged. Queueing is one coalesced
 * graphile-worker job (job_key phoneburner_webhooks_log__process) that processes every pending row; when
 * the queue is missing or fails the event is still stored and stays pending for the cron sweep.
 * Security definer: the caller (service_role) needs no privilege on graphile_worker.
 */
create or replace function dialbridge.receive_phoneburner_event(
  p_event_type text, p_payload jsonb, p_header_event_id text, p_payload_size integer, p_auth_method text,
  p_signature_header text, p_ip inet, p_user_agent text, p_envelope jsonb default null
) returns table (status text, log_id bigint, event_id text)
language plpgsql volatile security definer set search_path = ''
as $$
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

-- ---------------------------------------------------------------------------------------------------
-- phoneburner_webhook_rejections
-- ---------------------------------------------------------------------------------------------------
/**
 * Requests the webhook refused (bad or missing signature/token, malformed, too large), counted per
 * minute, reason, event type hint and source IP. The untrusted body is never stored: only its size.
 * Service role only.
 */
create table if not exists public.phoneburner_webhook_rejections (
  id bigint generated always as identity primary key,
  bucket_at timestamptz not null,
  reason text not null,
  event_type_hint text not null default 'unknown',
  ip_address inet,
  rejection_count integer not null default 0,
  max_payload_size_bytes integer,
  first_seen_at timestamptz not null,
  last_seen_at timestamptz not null,
  constraint phoneburner_webhook_rejections_bucket_key unique nulls not distinct (bucket_at, reason, event_type_hint, ip_address)
);
alter table public.phoneburner_webhook_rejections enable row level security;
select dialbridge.ensure_constraint('public.phoneburner_webhook_rejections', 'phoneburner_webhook_rejections_reason_check',
  $c$check (reason in ('missing_auth', 'bad_signature', 'bad_token', 'auth_not_accepted_for_event',
                       'malformed_body', 'invalid_envelope', 'too_large'))$c$);
select dialbridge.ensure_constraint('public.phoneburner_webhook_rejections', 'phoneburner_webhook_rejections_count_check',
  $c$check (rejection_count >= 0)$c$);
create index if not exists phoneburner_webhook_rejections_bucket_idx on public.phoneburner_webhook_rejections (bucket_at desc);

comment on table public.phoneburner_webhook_rejections is 'Webhook requests refused (401/400/413), counted per minute, reason, event type hint and IP. Bodies are never stored. Service role only.';
comment on column public.phoneburner_webhook_rejections.bucket_at is 'Start of the minute the rejections fell in.';
comment on column public.phoneburner_webhook_rejections.reason is 'missing_auth, bad_signature, bad_token, auth_not_accepted_for_event (a URL token on a seed-contract event), malformed_body, invalid_envelope, too_large.';
comment on column public.phoneburner_webhook_rejections.event_type_hint is 'Event type named by the request''s URL or headers, if it is a known one; else unknown (the body is not trusted).';
comment on column public.phoneburner_webhook_rejections.ip_address is 'Source IP (x-forwarded-for).';
comment on column public.phoneburner_webhook_rejections.rejection_count is 'Requests rejected in this bucket.';
comment on column public.phoneburner_webhook_rejections.max_payload_size_bytes is 'Largest body size seen in this bucket (as declared or counted).';

revoke all on table public.phoneburner_webhook_rejections from anon, authenticated;
revoke all on sequence public.phoneburner_webhook_rejections_id_seq from anon, authenticated;
grant select, insert, update, delete on table public.phoneburner_webhook_rejections to service_role;
grant usage on sequence public.phoneburner_webhook_rejections_id_seq to service_role;
-- RLS on, no policy for anon or authenticated: only the service role (which bypasses RLS) reads it.

/**
 * Counts one rejected webhook request in its minute bucket (upsert) and returns the bucket's count.
 * Unknown event type hints are folded into 'unknown' so a caller cannot grow the table with made-up names.
 */
create or replace function dialbridge.record_phoneburner_webhook_rejection(
  p_reason text, p_event_type_hint text, p_ip inet, p_payload_size integer, as_of timestamptz default now()
) returns integer
language sql volatile security invoker set search_path = ''
as $$
  insert into public.phoneburner_webhook_rejections as r
    (bucket_at, reason, event_type_hint, ip_address, rejection_count, max_payload_size_bytes, first_seen_at, last_seen_at)
  values (pg_catalog.date_trunc('minute', as_of), p_reason,
          case when p_event_type_hint = any (dialbridge.phoneburner_event_types()) then p_event_type_hint else 'unknown' end,
          p_ip, 1, p_payload_size, as_of, as_of)
  on conflict on constraint phoneburner_webhook_rejections_bucket_key do update
    set rejection_count = r.rejection_count + 1,
        max_payload_size_bytes = greatest(r.max_payload_size_bytes, excluded.max_payload_size_bytes),
        first_seen_at = least(r.first_seen_at, excluded.first_seen_at),
        last_seen_at = greatest(r.last_seen_at, excluded.last_seen_at)
  returning r.rejection_count
$$;

revoke execute on all functions in schema dialbridge from public;
grant execute on function dialbridge.receive_phoneburner_event(text, jsonb, text, integer, text, text, inet, text, jsonb) to service_role;
grant execute on function dialbridge.await_phoneburner_receivers() to service_role;
grant execute on function dialbridge.phoneburner_receivers_lock_key() to service_role;
grant execute on function dialbridge.record_phoneburner_webhook_rejection(text, text, inet, integer, timestamptz) to service_role;
grant execute on function dialbridge.phoneburner_event_identity(text, jsonb, text) to service_role;
grant execute on function dialbridge.phoneburner_event_refs(text, jsonb, text) to service_role;
grant execute on function dialbridge.phoneburner_sourceco_id(jsonb) to service_role;
grant execute on function dialbridge.phoneburner_timestamptz(jsonb, text) to service_role;
grant execute on function dialbridge.jsonb_id(jsonb) to service_role;
grant execute on function dialbridge.jsonb_first_id(jsonb[]) to service_role;
grant execute on function dialbridge.phoneburner_call_id(jsonb) to service_role;
grant execute on function dialbridge.phoneburner_event_types() to service_role;

-- migrate:down
-- Migrations are append-only (roll forward with a new one); this block stays empty so that
-- `supabase db push`, which runs the whole file, applies only the up part.
