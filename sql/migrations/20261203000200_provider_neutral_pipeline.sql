-- migrate:up
-- One event pipeline for every dialer. A provider is an adapter: in TypeScript, how a request is
-- authenticated and parsed (functions/_shared/webhook/); in SQL, a row of dialbridge.webhook_providers
-- naming its functions: the event identity, the references an event carries, and how stored events become
-- contact_activities rows. Everything else is written once, here, for every provider:
--
--   receive   dialbridge.receive_webhook_event / store_webhook_event: store (idempotent on the identity)
--             and queue the provider's processing job in one transaction; the barrier that lets receivers
--             skip re-queueing a job that is queued and not started (no hot job row)
--   process   dialbridge.process_webhook_events(provider, limit, as_of): claim due events (FOR UPDATE SKIP
--             LOCKED), run the adapter's batch, record every outcome with retries and backoff
--   project   the generic path (dialbridge.project_call_events): the adapter maps one stored event onto a
--             row of dialbridge.call_events (the shared call record: timings, outcome vocabulary,
--             disposition, contact hints); the shared code stores the facts (a replay that reads an event
--             differently replaces them), adds up each call's facts into its activity and merges it
--   merge     dialbridge.merge_call_activities: the order-independent upsert into contact_activities
--             (only what changed is written, manual links kept), then the disposition engine and the
--             callbacks; the statistics triggers on contact_activities do the rest
--   replay    dialbridge.reset_webhook_events_for_replay(provider, …)
--   health    dialbridge.webhook_inbox (every provider's events, no payloads) under report_webhook_events,
--             webhook_failures, pipeline_health and pipeline_alerts; rejections per provider
--
-- PhoneBurner keeps its seed table public.phoneburner_webhooks_log as its inbox (SourceCo's frontend and
-- the seeds read it; earlier migrations, which may run again, define it) and its own batch stage
-- (dialbridge.phoneburner_process_events: its events need correlation without call ids and dial
-- sessions), over the shared receive, processor, merge, replay and health. Every other provider stores
-- into dialbridge.webhook_events and needs only an identity, a refs and a normalize function.
-- Re-runnable: every statement checks or replaces.

-- ---------------------------------------------------------------------------------------------------
-- source systems: the values contact_activities.source_system may take (a provider registers its own)
-- ---------------------------------------------------------------------------------------------------
create table if not exists dialbridge.source_systems (
  source_system text primary key,
  description text not null,
  created_at timestamptz not null default now(),
  constraint source_systems_name_check check (source_system ~ '^[a-z][a-z0-9_]{1,39}$')
);
comment on table dialbridge.source_systems is
'Where a contact_activities row comes from: the dialers (one row per registered provider) and the platform''s own sources. contact_activities.source_system references it.';
comment on column dialbridge.source_systems.source_system is 'The value stored in contact_activities.source_system.';
comment on column dialbridge.source_systems.description is 'What the source is.';
comment on column dialbridge.source_systems.created_at is 'When it was registered.';
insert into dialbridge.source_systems (source_system, description) values
  ('phoneburner', 'PhoneBurner power dialer (webhooks and reconciliation)'),
  ('voipstudio', 'VoIPStudio dialer backend'),
  ('bolna', 'Bolna.ai voice-agent calls'),
  ('sourceco_platform', 'Logged by SourceCo''s platform'),
  ('manual', 'Logged by hand by a rep'),
  ('manual_entry', 'Logged by hand (SourceCo''s older name)'),
  ('email_automation', 'Email automation')
on conflict (source_system) do nothing;
alter table dialbridge.source_systems enable row level security;
revoke all on table dialbridge.source_systems from public, anon, authenticated;
grant select on table dialbridge.source_systems to service_role;

alter table public.contact_activities drop constraint if exists contact_activities_source_system_check;
select dialbridge.ensure_constraint('public.contact_activities', 'contact_activities_source_system_fkey',
  'foreign key (source_system) references dialbridge.source_systems (source_system)');

-- ---------------------------------------------------------------------------------------------------
-- the registry: one row per provider
-- ---------------------------------------------------------------------------------------------------
create table if not exists dialbridge.webhook_providers (
  provider text primary key references dialbridge.source_systems (source_system),
  description text not null,
  inbox text not null default 'dialbridge.webhook_events',
  identity_fn text not null,
  refs_fn text not null,
  process_fn text not null default 'dialbridge.project_call_events',
  normalize_fn text,
  event_types text[] not null default '{}',
  task_identifier text not null default 'webhook_events__process',
  job_key text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint webhook_providers_inbox_check check (inbox in ('dialbridge.webhook_events', 'public.phoneburner_webhooks_log')),
  constraint webhook_providers_functions_check check (
    identity_fn ~ '^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$' and refs_fn ~ '^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$'
    and process_fn ~ '^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$'
    and (normalize_fn is null or normalize_fn ~ '^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$')),
  constraint webhook_providers_generic_check check (process_fn <> 'dialbridge.project_call_events' or normalize_fn is not null),
  constraint webhook_providers_task_check check (task_identifier ~ '^[A-Za-z0-9_:.-]{1,100}$' and job_key ~ '^[A-Za-z0-9_:.-]{1,200}$')
);
comment on table dialbridge.webhook_providers is
'The dialers whose events the shared pipeline takes: one row per provider, naming the adapter''s SQL functions. Written by dialbridge.register_webhook_provider (see docs/architecture.md, "Adding a provider").';
comment on column dialbridge.webhook_providers.provider is 'Provider name; also its contact_activities.source_system.';
comment on column dialbridge.webhook_providers.description is 'What the provider is.';
comment on column dialbridge.webhook_providers.inbox is 'Where its events are stored: dialbridge.webhook_events (every provider), or PhoneBurner''s seed table public.phoneburner_webhooks_log.';
comment on column dialbridge.webhook_providers.identity_fn is 'fn(event_type text, payload jsonb, header_event_id text) returns text: the event''s identity (deliveries with the same identity are one event).';
comment on column dialbridge.webhook_providers.refs_fn is 'fn(event_type text, payload jsonb) returns table(call_id, contact_id, sourceco_contact_id, user_id, session_id text, event_at timestamptz): the references stored beside the payload.';
comment on column dialbridge.webhook_providers.process_fn is 'fn(provider text, ids bigint[], as_of timestamptz) returns table(log_id bigint, status text, error text, code text, ms numeric, contact_activity_id uuid): the batch stage. dialbridge.project_call_events (the generic path, with normalize_fn) unless the provider brings its own.';
comment on column dialbridge.webhook_providers.normalize_fn is 'Generic path: fn(dialbridge.webhook_events) returns dialbridge.call_events, one stored event as the shared call record; raises DB060 to skip an event, DB061 for one that can never be projected.';
comment on column dialbridge.webhook_providers.event_types is 'Event types the provider sends (rejected requests name one of these or unknown).';
comment on column dialbridge.webhook_providers.task_identifier is 'graphile-worker task that processes its events (webhook_events__process with payload {"provider": …}, or PhoneBurner''s own).';
comment on column dialbridge.webhook_providers.job_key is 'job_key of that coalesced job.';
comment on column dialbridge.webhook_providers.created_at is 'When the provider was registered.';
comment on column dialbridge.webhook_providers.updated_at is 'When its registration last changed.';
drop trigger if exists _100_timestamps on dialbridge.webhook_providers;
create trigger _100_timestamps before update on dialbridge.webhook_providers
  for each row execute function dialbridge.tg__set_updated_at();
alter table dialbridge.webhook_providers enable row level security;
revoke all on table dialbridge.webhook_providers from public, anon, authenticated;
grant select on table dialbridge.webhook_providers to service_role;

-- ---------------------------------------------------------------------------------------------------
-- the shared inbox
-- ---------------------------------------------------------------------------------------------------
create table if not exists dialbridge.webhook_events (
  id bigint generated always as identity primary key,
  provider text not null references dialbridge.webhook_providers (provider),
  event_id text not null,
  event_type text not null,
  payload jsonb not null,
  envelope jsonb,
  payload_size_bytes integer,
  provider_call_id text,
  provider_contact_id text,
  sourceco_contact_id text,
  provider_user_id text,
  provider_session_id text,
  event_at timestamptz,
  processing_status text not null default 'pending',
  processing_error text,
  processing_error_code text,
  processing_started_at timestamptz,
  processing_completed_at timestamptz,
  processing_duration_ms integer,
  retry_count integer not null default 0,
  max_retries integer not null default 5,
  next_retry_at timestamptz,
  last_retry_at timestamptz,
  auth_method text,
  signature_header text,
  signature_valid boolean,
  ip_address inet,
  user_agent text,
  contact_activity_id uuid references public.contact_activities (id) on delete set null,
  task_id uuid references public.tasks (id) on delete set null,
  received_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint webhook_events_event_key unique (provider, event_id),
  constraint webhook_events_processing_status_check check (processing_status in ('pending', 'processing', 'success', 'failed', 'skipped', 'duplicate')),
  constraint webhook_events_auth_method_check check (auth_method in ('hmac', 'url_token', 'basic', 'header_token', 'replay', 'reconciliation')),
  constraint webhook_events_retries_check check (retry_count >= 0 and max_retries >= 0)
);
comment on table dialbridge.webhook_events is
'Every provider''s events as received (stored before they are acknowledged) and their processing state, except PhoneBurner''s (public.phoneburner_webhooks_log, same columns). Service role only.';
comment on column dialbridge.webhook_events.id is 'Arrival order.';
comment on column dialbridge.webhook_events.provider is 'The provider that sent it (dialbridge.webhook_providers).';
comment on column dialbridge.webhook_events.event_id is 'Event identity, by the provider''s identity function: unique per provider.';
comment on column dialbridge.webhook_events.event_type is 'The provider''s event type.';
comment on column dialbridge.webhook_events.payload is 'The event body as received (PII: never log it whole).';
comment on column dialbridge.webhook_events.envelope is 'The wrapper''s other top-level fields when an intermediary wrapped the event as {body: {…}, …}.';
comment on column dialbridge.webhook_events.payload_size_bytes is 'Size of the raw body.';
comment on column dialbridge.webhook_events.provider_call_id is 'The provider''s call id carried by the event.';
comment on column dialbridge.webhook_events.provider_contact_id is 'The provider''s contact id carried by the event.';
comment on column dialbridge.webhook_events.sourceco_contact_id is 'Our contact key carried back by the provider.';
comment on column dialbridge.webhook_events.provider_user_id is 'The provider''s user (agent) who made the call.';
comment on column dialbridge.webhook_events.provider_session_id is 'The provider''s session or campaign id carried by the event.';
comment on column dialbridge.webhook_events.event_at is 'When the event happened according to the sender.';
comment on column dialbridge.webhook_events.processing_status is 'pending, processing, success, failed (after the last retry), skipped or duplicate.';
comment on column dialbridge.webhook_events.processing_error is 'Last processing error.';
comment on column dialbridge.webhook_events.processing_error_code is 'SQLSTATE of the last processing error.';
comment on column dialbridge.webhook_events.processing_started_at is 'When the last processing attempt began.';
comment on column dialbridge.webhook_events.processing_completed_at is 'When processing last finished.';
comment on column dialbridge.webhook_events.processing_duration_ms is 'Duration of the last processing attempt, milliseconds.';
comment on column dialbridge.webhook_events.retry_count is 'Processing attempts that failed.';
comment on column dialbridge.webhook_events.max_retries is 'Attempts allowed before the event is marked failed.';
comment on column dialbridge.webhook_events.next_retry_at is 'When the next attempt is due (backoff).';
comment on column dialbridge.webhook_events.last_retry_at is 'When the last retry ran.';
comment on column dialbridge.webhook_events.auth_method is 'How the sender was authenticated: hmac, url_token, basic, header_token (or replay, reconciliation).';
comment on column dialbridge.webhook_events.signature_header is 'Signature header as received (for audit).';
comment on column dialbridge.webhook_events.signature_valid is 'Whether a signature verified (null when the sender was authenticated another way).';
comment on column dialbridge.webhook_events.ip_address is 'Sender address.';
comment on column dialbridge.webhook_events.user_agent is 'Sender user agent.';
comment on column dialbridge.webhook_events.contact_activity_id is 'Activity the event was projected into.';
comment on column dialbridge.webhook_events.task_id is 'Task the event created.';
comment on column dialbridge.webhook_events.received_at is 'When the event reached our endpoint.';
comment on column dialbridge.webhook_events.created_at is 'When the row was written.';
comment on column dialbridge.webhook_events.updated_at is 'When the processing state last changed.';
create index if not exists webhook_events_actionable_idx on dialbridge.webhook_events (provider, next_retry_at nulls first, id)
  where processing_status in ('pending', 'processing');
create index if not exists webhook_events_call_idx on dialbridge.webhook_events (provider, provider_call_id) where provider_call_id is not null;
create index if not exists webhook_events_received_idx on dialbridge.webhook_events (received_at desc);
create index if not exists webhook_events_contact_activity_idx on dialbridge.webhook_events (contact_activity_id) where contact_activity_id is not null;
create index if not exists webhook_events_task_idx on dialbridge.webhook_events (task_id) where task_id is not null;
drop trigger if exists _100_timestamps on dialbridge.webhook_events;
create trigger _100_timestamps before update on dialbridge.webhook_events
  for each row execute function dialbridge.tg__set_updated_at();
alter table dialbridge.webhook_events enable row level security;
revoke all on table dialbridge.webhook_events from public, anon, authenticated;
revoke all on sequence dialbridge.webhook_events_id_seq from public, anon, authenticated;
grant all on table dialbridge.webhook_events to service_role;
grant all on sequence dialbridge.webhook_events_id_seq to service_role;

-- PhoneBurner's inbox takes the shared authentication methods too (a reconciliation or replay path may
-- store through it)
alter table public.phoneburner_webhooks_log drop constraint if exists phoneburner_webhooks_log_auth_method_check;
select dialbridge.ensure_constraint('public.phoneburner_webhooks_log', 'phoneburner_webhooks_log_auth_method_check',
  $$check (auth_method in ('hmac', 'url_token', 'softphone_hmac', 'basic', 'header_token', 'replay', 'reconciliation'))$$);

-- rejected requests of every provider but PhoneBurner (public.phoneburner_webhook_rejections)
create table if not exists dialbridge.webhook_rejections (
  id bigint generated always as identity primary key,
  provider text not null references dialbridge.webhook_providers (provider),
  bucket_at timestamptz not null,
  reason text not null,
  event_type_hint text not null default 'unknown',
  ip_address inet,
  rejection_count integer not null default 0,
  max_payload_size_bytes integer,
  first_seen_at timestamptz not null,
  last_seen_at timestamptz not null,
  constraint webhook_rejections_bucket_key unique nulls not distinct (provider, bucket_at, reason, event_type_hint, ip_address),
  constraint webhook_rejections_count_check check (rejection_count >= 0),
  constraint webhook_rejections_reason_check check (reason in ('missing_auth', 'bad_signature', 'bad_token', 'bad_credentials',
    'auth_not_accepted_for_event', 'malformed_body', 'invalid_envelope', 'too_large'))
);
comment on table dialbridge.webhook_rejections is
'Webhook requests refused (401/400/413) per provider, counted per minute, reason, event type hint and IP (PhoneBurner''s: public.phoneburner_webhook_rejections). Bodies are never stored. Service role only.';
comment on column dialbridge.webhook_rejections.provider is 'The provider''s endpoint that refused the request.';
comment on column dialbridge.webhook_rejections.bucket_at is 'Start of the minute the rejections fell in.';
comment on column dialbridge.webhook_rejections.reason is 'missing_auth, bad_signature, bad_token, bad_credentials, auth_not_accepted_for_event, malformed_body, invalid_envelope, too_large.';
comment on column dialbridge.webhook_rejections.event_type_hint is 'Event type named by the request''s URL or headers if the provider sends it; else unknown.';
comment on column dialbridge.webhook_rejections.ip_address is 'Source IP.';
comment on column dialbridge.webhook_rejections.rejection_count is 'Requests rejected in this bucket.';
comment on column dialbridge.webhook_rejections.max_payload_size_bytes is 'Largest body size seen in this bucket.';
comment on column dialbridge.webhook_rejections.first_seen_at is 'First rejection in the bucket.';
comment on column dialbridge.webhook_rejections.last_seen_at is 'Last rejection in the bucket.';
create index if not exists webhook_rejections_bucket_idx on dialbridge.webhook_rejections (bucket_at desc);
alter table dialbridge.webhook_rejections enable row level security;
revoke all on table dialbridge.webhook_rejections from public, anon, authenticated;
grant all on table dialbridge.webhook_rejections to service_role;
grant all on sequence dialbridge.webhook_rejections_id_seq to service_role;

-- ---------------------------------------------------------------------------------------------------
-- every provider's events in one place, without payloads (health, failures, reports)
-- ---------------------------------------------------------------------------------------------------
create or replace view dialbridge.webhook_inbox as
select 'phoneburner'::text as provider, l.id, l.event_id, l.event_type,
       l.phoneburner_call_id as provider_call_id, l.phoneburner_contact_id as provider_contact_id,
       l.sourceco_contact_id, l.phoneburner_user_id as provider_user_id,
       l.phoneburner_session_id as provider_session_id, l.event_at,
       l.processing_status, l.processing_error, l.processing_error_code, l.processing_started_at,
       l.processing_completed_at, l.processing_duration_ms, l.retry_count, l.max_retries, l.next_retry_at,
       l.last_retry_at, l.auth_method, l.signature_valid, l.contact_activity_id, l.received_at
  from public.phoneburner_webhooks_log l
union all
select e.provider, e.id, e.event_id, e.event_type, e.provider_call_id, e.provider_contact_id,
       e.sourceco_contact_id, e.provider_user_id, e.provider_session_id, e.event_at,
       e.processing_status, e.processing_error, e.processing_error_code, e.processing_started_at,
       e.processing_completed_at, e.processing_duration_ms, e.retry_count, e.max_retries, e.next_retry_at,
       e.last_retry_at, e.auth_method, e.signature_valid, e.contact_activity_id, e.received_at
  from dialbridge.webhook_events e;
comment on view dialbridge.webhook_inbox is
'Every provider''s stored events (PhoneBurner''s inbox and the shared one) with their processing state and references, without payloads. (provider, id) identifies an event. Runs with its owner''s rights (the payload-free report views read it); selectable by the service role only.';
comment on column dialbridge.webhook_inbox.provider is 'The provider that sent it.';
comment on column dialbridge.webhook_inbox.id is 'The event''s id in its provider''s inbox.';
revoke all on table dialbridge.webhook_inbox from public, anon, authenticated;
grant select on table dialbridge.webhook_inbox to service_role;

create or replace view dialbridge.webhook_failures with (security_invoker = true) as
select i.provider, i.id as log_id, i.event_id, i.event_type,
       case when i.processing_status = 'failed' then 'failed' else 'retrying' end as state,
       i.processing_error_code as error_code, i.processing_error as error, i.retry_count, i.max_retries,
       i.next_retry_at, i.last_retry_at, i.received_at, i.event_at, i.provider_call_id, i.provider_session_id
  from dialbridge.webhook_inbox i
 where i.processing_status = 'failed'
    or (i.processing_status in ('pending', 'processing') and i.retry_count > 0);
comment on view dialbridge.webhook_failures is
'Events of every provider that failed processing (state failed: gave up, replay with `npm run replay -- --provider …`) or wait for a retry (state retrying). No payloads.';
comment on column dialbridge.webhook_failures.provider is 'The provider that sent it.';
comment on column dialbridge.webhook_failures.log_id is 'The event''s id in its provider''s inbox.';
comment on column dialbridge.webhook_failures.state is 'failed (no more automatic retries) or retrying (next_retry_at says when).';
comment on column dialbridge.webhook_failures.error_code is 'SQLSTATE of the last error: DB061 = the event can never be projected, others are retried.';
revoke all on table dialbridge.webhook_failures from public, anon, authenticated;
grant select on table dialbridge.webhook_failures to service_role;

-- the payload-free reading of every provider's events (pipeline health and alerts read it): same columns
create or replace view dialbridge.report_webhook_events with (security_barrier = true) as
select w.id, w.event_type, w.processing_status, w.processing_error_code, w.retry_count, w.max_retries,
       w.next_retry_at, w.received_at, w.processing_started_at, w.processing_completed_at, w.signature_valid,
       w.auth_method, (w.sourceco_contact_id is not null) as has_sourceco_contact_id
  from dialbridge.webhook_inbox w
 where (select dialbridge.reads_pipeline_reports());
comment on view dialbridge.report_webhook_events is
'Every provider''s webhook events without payloads, for admins and reporting readers. Read by pipeline health.';

create or replace view dialbridge.report_webhook_rejections with (security_barrier = true) as
select r.bucket_at, r.reason, r.event_type_hint, r.rejection_count
  from public.phoneburner_webhook_rejections r
 where (select dialbridge.reads_pipeline_reports())
union all
select r.bucket_at, r.reason, r.event_type_hint, r.rejection_count
  from dialbridge.webhook_rejections r
 where (select dialbridge.reads_pipeline_reports());
comment on view dialbridge.report_webhook_rejections is
'Rejected webhook requests of every provider per minute, for admins and reporting readers. Read by pipeline health.';

-- ---------------------------------------------------------------------------------------------------
-- the shared call record: one row per stored event of a generic provider
-- ---------------------------------------------------------------------------------------------------
create table if not exists dialbridge.call_events (
  log_id bigint primary key references dialbridge.webhook_events (id) on delete cascade,
  provider text not null,
  event_id text not null,
  event_type text not null,
  kind text not null,
  event_at timestamptz not null,
  call_id text,
  call_key text,
  sourceco_contact_id text,
  provider_contact_id text,
  phone_e164 text[] not null default '{}',
  provider_user_id text,
  user_name text,
  user_email text,
  provider_session_id text,
  started_at timestamptz,
  connected_at timestamptz,
  ended_at timestamptz,
  ring_seconds integer,
  total_seconds integer,
  talk_seconds integer,
  connected boolean,
  outcome text,
  answered_by text,
  recording_url text,
  recording_seconds integer,
  disposition_code text,
  disposition_label text,
  disposition_notes text,
  disposition_at timestamptz,
  callback_at timestamptz,
  callback_notes text,
  extra jsonb not null default '{}',
  normalized_at timestamptz not null default now(),
  constraint call_events_kind_check check (kind in ('call', 'ignored')),
  constraint call_events_call_key_check check ((kind = 'call') = (call_key is not null)),
  constraint call_events_outcome_check check (outcome in ('connected', 'voicemail', 'no_answer', 'busy', 'failed', 'rejected')),
  constraint call_events_answered_by_check check (answered_by in ('decision_maker', 'gatekeeper', 'voicemail', 'answering_service', 'unknown')),
  constraint call_events_durations_check check (coalesce(ring_seconds, 0) >= 0 and coalesce(total_seconds, 0) >= 0
    and coalesce(talk_seconds, 0) >= 0 and coalesce(recording_seconds, 0) >= 0)
);
comment on table dialbridge.call_events is
'The shared call record: what one stored event of a generic provider says about a call, in contact_activities'' vocabulary (written by the provider''s normalize function). A call''s activity is a pure function of its rows, whatever their order.';
comment on column dialbridge.call_events.log_id is 'dialbridge.webhook_events.id of the event.';
comment on column dialbridge.call_events.provider is 'The provider.';
comment on column dialbridge.call_events.event_id is 'The event''s identity.';
comment on column dialbridge.call_events.event_type is 'The provider''s event type.';
comment on column dialbridge.call_events.kind is 'call (about a call: call_key set) or ignored (stored, projects nothing).';
comment on column dialbridge.call_events.event_at is 'When it happened (ties broken by event_id): the latest outcome, disposition and callback win.';
comment on column dialbridge.call_events.call_id is 'The provider''s call id.';
comment on column dialbridge.call_events.call_key is 'contact_activities.dedupe_key of the call: <provider>:call:<call id>.';
comment on column dialbridge.call_events.sourceco_contact_id is 'Our contact key (contacts.sourceco_contact_id or contacts.id) when the provider carries it.';
comment on column dialbridge.call_events.provider_contact_id is 'The provider''s contact id.';
comment on column dialbridge.call_events.phone_e164 is 'The number called, as E.164 candidates (a contact matches when exactly one has it).';
comment on column dialbridge.call_events.provider_user_id is 'The provider''s agent id.';
comment on column dialbridge.call_events.user_name is 'Agent name as sent.';
comment on column dialbridge.call_events.user_email is 'Agent email as sent (matches profiles.email).';
comment on column dialbridge.call_events.provider_session_id is 'The provider''s session or campaign id.';
comment on column dialbridge.call_events.started_at is 'Call start.';
comment on column dialbridge.call_events.connected_at is 'When the call connected.';
comment on column dialbridge.call_events.ended_at is 'Call end.';
comment on column dialbridge.call_events.ring_seconds is 'Seconds ringing.';
comment on column dialbridge.call_events.total_seconds is 'Call duration, seconds.';
comment on column dialbridge.call_events.talk_seconds is 'Talk time, seconds.';
comment on column dialbridge.call_events.connected is 'Whether the provider says the call connected.';
comment on column dialbridge.call_events.outcome is 'Outcome in contact_activities.call_outcome''s vocabulary.';
comment on column dialbridge.call_events.answered_by is 'Who answered, in contact_activities.answered_by''s vocabulary.';
comment on column dialbridge.call_events.recording_url is 'Recording location.';
comment on column dialbridge.call_events.recording_seconds is 'Recording length, seconds.';
comment on column dialbridge.call_events.disposition_code is 'Disposition code as sent (matched by dialbridge.find_disposition_mapping).';
comment on column dialbridge.call_events.disposition_label is 'Disposition label as sent.';
comment on column dialbridge.call_events.disposition_notes is 'Notes of the disposition.';
comment on column dialbridge.call_events.disposition_at is 'When the disposition was set.';
comment on column dialbridge.call_events.callback_at is 'A callback the rep scheduled on the call.';
comment on column dialbridge.call_events.callback_notes is 'Notes of that callback.';
comment on column dialbridge.call_events.extra is 'Whatever else the provider sent that reports may want (copied into the activity''s details).';
comment on column dialbridge.call_events.normalized_at is 'When the event was read.';
create index if not exists call_events_call_key_idx on dialbridge.call_events (call_key) where call_key is not null;
alter table dialbridge.call_events enable row level security;
revoke all on table dialbridge.call_events from public, anon, authenticated;
grant all on table dialbridge.call_events to service_role;

-- a contact matched by the number called (generic providers carry no contact key of ours)
create index if not exists contacts_phone_e164_idx on public.contacts (phone_e164) where phone_e164 is not null;

-- the row type the merge takes: the contact_activities columns a projection computes
do $$
begin
  if to_regtype('dialbridge.call_activity_row') is null then
    create type dialbridge.call_activity_row as (
      dedupe_key text, contact_id uuid, matching_status text, user_id uuid, phoneburner_session_id uuid, team_id uuid,
      activity_type text, call_started_at timestamptz, call_connected_at timestamptz, call_ended_at timestamptz,
      ring_duration_seconds integer, call_duration_seconds integer, talk_time_seconds integer, call_outcome text,
      answered_by text, disposition_code text, disposition_label text, disposition_notes text,
      disposition_set_at timestamptz, callback_scheduled_date timestamptz, recording_url text,
      recording_duration_seconds integer, user_name text, user_email text, phoneburner_call_id text,
      phoneburner_contact_id text, phoneburner_event_id text, details jsonb);
  end if;
end
$$;
comment on type dialbridge.call_activity_row is
'One contact_activities row as a projection computes it (dedupe_key identifies it), the input of dialbridge.merge_call_activities.';

-- ---------------------------------------------------------------------------------------------------
-- registering a provider
-- ---------------------------------------------------------------------------------------------------
create or replace function dialbridge.register_webhook_provider(
  p_provider text, p_description text, p_identity_fn text, p_refs_fn text,
  p_normalize_fn text default null, p_process_fn text default 'dialbridge.project_call_events',
  p_event_types text[] default '{}', p_inbox text default 'dialbridge.webhook_events',
  p_task_identifier text default 'webhook_events__process', p_job_key text default null
) returns dialbridge.webhook_providers
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_row dialbridge.webhook_providers;
begin
  if to_regprocedure(p_identity_fn || '(text, jsonb, text)') is null then
    raise exception 'identity function %(text, jsonb, text) does not exist', p_identity_fn using errcode = 'DB022';
  end if;
  if to_regprocedure(p_refs_fn || '(text, jsonb)') is null and to_regprocedure(p_refs_fn || '(text, jsonb, text)') is null then
    raise exception 'refs function %(text, jsonb) does not exist', p_refs_fn using errcode = 'DB022';
  end if;
  if to_regprocedure(p_process_fn || '(text, bigint[], timestamptz)') is null then
    raise exception 'process function %(text, bigint[], timestamptz) does not exist', p_process_fn using errcode = 'DB022';
  end if;
  if p_normalize_fn is not null and to_regprocedure(p_normalize_fn || '(dialbridge.webhook_events)') is null then
    raise exception 'normalize function %(dialbridge.webhook_events) does not exist', p_normalize_fn using errcode = 'DB022';
  end if;
  insert into dialbridge.source_systems (source_system, description) values (p_provider, p_description)
  on conflict (source_system) do nothing;
  insert into dialbridge.webhook_providers as w (provider, description, inbox, identity_fn, refs_fn, process_fn,
         normalize_fn, event_types, task_identifier, job_key)
  values (p_provider, p_description, p_inbox, p_identity_fn, p_refs_fn, p_process_fn, p_normalize_fn,
          coalesce(p_event_types, '{}'), p_task_identifier,
          coalesce(p_job_key, p_task_identifier || ':' || p_provider))
  on conflict (provider) do update
     set description = excluded.description, inbox = excluded.inbox, identity_fn = excluded.identity_fn,
         refs_fn = excluded.refs_fn, process_fn = excluded.process_fn, normalize_fn = excluded.normalize_fn,
         event_types = excluded.event_types, task_identifier = excluded.task_identifier, job_key = excluded.job_key
   where (w.description, w.inbox, w.identity_fn, w.refs_fn, w.process_fn, w.normalize_fn, w.event_types,
          w.task_identifier, w.job_key)
         is distinct from
         (excluded.description, excluded.inbox, excluded.identity_fn, excluded.refs_fn, excluded.process_fn,
          excluded.normalize_fn, excluded.event_types, excluded.task_identifier, excluded.job_key);
  select * into v_row from dialbridge.webhook_providers w where w.provider = p_provider;
  return v_row;
end
$$;
comment on function dialbridge.register_webhook_provider(text, text, text, text, text, text, text[], text, text, text) is
'Registers (or updates) a provider: its source system and its adapter''s functions, checked to exist with
the signatures the pipeline calls. The generic path needs identity, refs and normalize functions; the
job defaults to webhook_events__process with job_key webhook_events__process:<provider>. Idempotent.';
revoke all on function dialbridge.register_webhook_provider(text, text, text, text, text, text, text[], text, text, text) from public;

/** The provider's registration, or DB022. */
create or replace function dialbridge.webhook_provider(p_provider text) returns dialbridge.webhook_providers
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_row dialbridge.webhook_providers;
begin
  select * into v_row from dialbridge.webhook_providers w where w.provider = p_provider;
  if not found then
    raise exception 'unknown webhook provider "%"', p_provider using errcode = 'DB022',
      hint = 'register it with dialbridge.register_webhook_provider';
  end if;
  return v_row;
end
$$;
comment on function dialbridge.webhook_provider(text) is 'The provider''s registration; raises DB022 for an unknown provider.';
revoke all on function dialbridge.webhook_provider(text) from public;
grant execute on function dialbridge.webhook_provider(text) to service_role;

-- ---------------------------------------------------------------------------------------------------
-- receiving: check, store, queue
-- ---------------------------------------------------------------------------------------------------
/** The event type, trimmed, or DB020; DB021 unless the payload is a JSON object. */
create or replace function dialbridge.check_webhook_event(p_event_type text, p_payload jsonb) returns text
language plpgsql immutable parallel safe security invoker set search_path = ''
as $$
declare
  v_event_type text := pg_catalog.btrim(p_event_type);
begin
  if v_event_type is null or v_event_type = '' or pg_catalog.length(v_event_type) > 100 then
    raise exception 'event type is missing or longer than 100 characters' using errcode = 'DB020';
  end if;
  if p_payload is null or pg_catalog.jsonb_typeof(p_payload) <> 'object' then
    raise exception 'event payload must be a JSON object' using errcode = 'DB021';
  end if;
  return v_event_type;
end
$$;
comment on function dialbridge.check_webhook_event(text, jsonb) is
'The event type, trimmed; raises DB020 when it is missing or longer than 100 characters, DB021 unless the payload is a JSON object (the webhook answers 400).';
revoke all on function dialbridge.check_webhook_event(text, jsonb) from public;

/** Advisory lock key of a provider's receivers' barrier. */
create or replace function dialbridge.webhook_receivers_lock_key(p_provider text) returns bigint
language sql immutable parallel safe security invoker
as $$ select ('x' operator(pg_catalog.||) pg_catalog.left(pg_catalog.md5('dialbridge receivers ' operator(pg_catalog.||) p_provider), 16))::bit(64)::bigint $$;
comment on function dialbridge.webhook_receivers_lock_key(text) is
'Advisory lock key of a provider''s receivers'' barrier (derived from the provider''s name).';
revoke all on function dialbridge.webhook_receivers_lock_key(text) from public;
grant execute on function dialbridge.webhook_receivers_lock_key(text) to service_role;

create or replace function dialbridge.await_webhook_receivers(p_provider text) returns void
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  perform pg_catalog.pg_advisory_lock(dialbridge.webhook_receivers_lock_key(p_provider));
  perform pg_catalog.pg_advisory_unlock(dialbridge.webhook_receivers_lock_key(p_provider));
exception when query_canceled or others then
  perform pg_catalog.pg_advisory_unlock(dialbridge.webhook_receivers_lock_key(p_provider));
  raise;
end
$$;
comment on function dialbridge.await_webhook_receivers(text) is
'The barrier the batch processor calls before it claims a provider''s events: returns once every receiver
that counted on an already queued job has committed. Holds nothing afterwards (session lock taken and
released at once, released on error too).';
revoke all on function dialbridge.await_webhook_receivers(text) from public;
grant execute on function dialbridge.await_webhook_receivers(text) to service_role;

create or replace function dialbridge.webhook_processor_awaits_receivers() returns boolean
language plpgsql volatile security invoker set search_path = ''
as $$
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
comment on function dialbridge.webhook_processor_awaits_receivers() is
'True when dialbridge.process_webhook_events calls the barrier, i.e. receivers may rely on an already
queued job. Read from the catalog, cached per session and per version of that function.';
revoke all on function dialbridge.webhook_processor_awaits_receivers() from public;

/**
 * Queues the provider's coalesced processing job for an event just stored (same transaction). A receiver
 * that finds the job queued and not started leaves its row alone (no hot row) and holds the receivers'
 * lock shared until it commits; the processor waits for that lock before it claims. Never raises: when the
 * queue is missing or fails, the event stays pending for the cron sweep.
 */
create or replace function dialbridge.queue_webhook_processing(p_provider text, p_log_id bigint) returns void
language plpgsql volatile security invoker
as $$
declare
  v_p dialbridge.webhook_providers;
begin
  if pg_catalog.to_regnamespace('graphile_worker') is null then
    return;
  end if;
  begin
    select * into strict v_p from dialbridge.webhook_providers w where w.provider = p_provider;
    begin
      -- the lock first; the look at the job is a statement of its own, so its snapshot is taken after it
      if dialbridge.webhook_processor_awaits_receivers()
         and pg_catalog.pg_try_advisory_xact_lock_shared(dialbridge.webhook_receivers_lock_key(p_provider)) then
        if exists (select 1 from graphile_worker._private_jobs j
                    where j.key = v_p.job_key and j.locked_at is null and j.attempts = 0) then
          return;
        end if;
      end if;
    exception when others then
      null;  -- e.g. a graphile-worker whose tables changed: queue the ordinary way below
    end;
    perform graphile_worker.add_job(v_p.task_identifier,
      case when v_p.task_identifier = 'webhook_events__process'
           then pg_catalog.json_build_object('provider', p_provider) else '{}'::json end,
      job_key := v_p.job_key, job_key_mode := 'preserve_run_at');
  exception when others then
    raise warning 'dialbridge: could not queue the processing of % events (%): event % stays pending',
      p_provider, sqlstate, p_log_id;
  end;
end
$$;
comment on function dialbridge.queue_webhook_processing(text, bigint) is
'Queues the provider''s coalesced processing job (graphile-worker, job_key from the registry) in the
transaction that stored an event; skips the job row while it is queued and not started and the processor
waits for receivers (no hot row). Never raises: without a queue the event stays pending for the cron
sweep. Called by the (security definer) receive functions only, in their rights and search path: no
SET clause of its own, which would cost a configuration save and restore on every event.';
revoke all on function dialbridge.queue_webhook_processing(text, bigint) from public;
revoke all on function dialbridge.queue_webhook_processing(text, bigint) from service_role;

create or replace function dialbridge.receive_webhook_event(
  p_provider text, p_event_type text, p_payload jsonb, p_header_event_id text, p_payload_size integer,
  p_auth_method text, p_signature_header text, p_ip inet, p_user_agent text, p_envelope jsonb default null
) returns table (status text, log_id bigint, event_id text)
language plpgsql volatile security definer set search_path = ''
as $$
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
$$;
comment on function dialbridge.receive_webhook_event(text, text, jsonb, text, integer, text, text, inet, text, jsonb) is
'Stores one authenticated event of any provider (idempotent on the identity its adapter computes) and
queues its processing in the same transaction; the edge function answers 2xx only after this commits.
''accepted'' for a new event, ''duplicate'' (with the stored row''s id) for one already stored. DB020 /
DB021 for an event the sender must fix (400), DB022 for an unknown provider. PhoneBurner''s events go to
its seed table through dialbridge.receive_phoneburner_event.';
revoke all on function dialbridge.receive_webhook_event(text, text, jsonb, text, integer, text, text, inet, text, jsonb) from public;
grant execute on function dialbridge.receive_webhook_event(text, text, jsonb, text, integer, text, text, inet, text, jsonb) to service_role;

create or replace function dialbridge.record_webhook_rejection(
  p_provider text, p_reason text, p_event_type_hint text, p_ip inet, p_payload_size integer, as_of timestamptz default now()
) returns integer
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_p dialbridge.webhook_providers := dialbridge.webhook_provider(p_provider);
  v_count integer;
begin
  if v_p.inbox = 'public.phoneburner_webhooks_log' then
    return dialbridge.record_phoneburner_webhook_rejection(p_reason, p_event_type_hint, p_ip, p_payload_size, as_of);
  end if;
  insert into dialbridge.webhook_rejections as r
    (provider, bucket_at, reason, event_type_hint, ip_address, rejection_count, max_payload_size_bytes, first_seen_at, last_seen_at)
  values (p_provider, pg_catalog.date_trunc('minute', as_of), p_reason,
          case when p_event_type_hint = any (v_p.event_types) then p_event_type_hint else 'unknown' end,
          p_ip, 1, p_payload_size, as_of, as_of)
  on conflict on constraint webhook_rejections_bucket_key do update
    set rejection_count = r.rejection_count + 1,
        max_payload_size_bytes = greatest(r.max_payload_size_bytes, excluded.max_payload_size_bytes),
        first_seen_at = least(r.first_seen_at, excluded.first_seen_at),
        last_seen_at = greatest(r.last_seen_at, excluded.last_seen_at)
  returning r.rejection_count into v_count;
  return v_count;
end
$$;
comment on function dialbridge.record_webhook_rejection(text, text, text, inet, integer, timestamptz) is
'Counts one rejected request of a provider''s endpoint in its minute bucket and returns the bucket''s count.
Hints that are not one of the provider''s event types are folded into ''unknown''.';
revoke all on function dialbridge.record_webhook_rejection(text, text, text, inet, integer, timestamptz) from public;
grant execute on function dialbridge.record_webhook_rejection(text, text, text, inet, integer, timestamptz) to service_role;

/** The delay before retry n (1-based): 5 s, 20 s, 80 s, … capped at an hour. */
create or replace function dialbridge.webhook_retry_delay(p_attempt integer) returns interval
language sql immutable parallel safe security invoker set search_path = ''
as $$ select least(pg_catalog.make_interval(secs => 5 * pg_catalog.power(4, greatest(p_attempt, 1) - 1)), interval '1 hour') $$;
comment on function dialbridge.webhook_retry_delay(integer) is 'Backoff before retry n (1-based): 5 s × 4^(n−1), at most an hour.';
revoke all on function dialbridge.webhook_retry_delay(integer) from public;

-- ---------------------------------------------------------------------------------------------------
-- processing: claim, run the adapter's batch, record the outcomes
-- ---------------------------------------------------------------------------------------------------
/** Serialises the projection of every provider's batches (one writer: hot statistics rows, no deadlocks). */
create or replace function dialbridge.lock_call_projection() returns void
language sql volatile security invoker set search_path = ''
as $$ select pg_catalog.pg_advisory_xact_lock(7308604897168450146) $$;
comment on function dialbridge.lock_call_projection() is
'Takes the transaction-level lock that lets one batch at a time (of any provider) store facts and project
calls: per-contact and per-session counters are hot rows concurrent batches would only queue on, and one
writer keeps the projection free of deadlocks. Claiming and normalising happen before it, concurrently.';
revoke all on function dialbridge.lock_call_projection() from public;

create or replace function dialbridge.process_webhook_events(
  p_provider text, p_limit integer default 100, as_of timestamptz default now()
) returns table (claimed integer, succeeded integer, skipped integer, retrying integer, failed integer,
                 next_retry_at timestamptz)
language plpgsql volatile security invoker set search_path = ''
as $$
#variable_conflict use_column
declare
  v_p dialbridge.webhook_providers := dialbridge.webhook_provider(p_provider);
  v_shared boolean := v_p.inbox = 'dialbridge.webhook_events';
  v_ids bigint[];
  v_out record;
  v_started timestamptz := pg_catalog.clock_timestamp();
  r_id bigint[] := '{}';
  r_status text[] := '{}';
  r_error text[] := '{}';
  r_code text[] := '{}';
  r_ms numeric[] := '{}';
  r_activity uuid[] := '{}';
begin
  -- before claiming: wait for receivers that counted on the queued job (dialbridge.queue_webhook_processing)
  perform dialbridge.await_webhook_receivers(p_provider);

  execute pg_catalog.format(
    'select coalesce(array_agg(x.id order by x.next_retry_at nulls first, x.id), ''{}'')
       from (select l.id, l.next_retry_at from %s l
              where l.processing_status in (''pending'', ''processing'') %s
                and (l.next_retry_at is null or l.next_retry_at <= $1)
              order by l.next_retry_at nulls first, l.id
              limit greatest($2, 1)
                for update skip locked) x',
    v_p.inbox, case when v_shared then 'and l.provider = $3' else '' end)
    into v_ids using as_of, p_limit, p_provider;

  if pg_catalog.cardinality(v_ids) > 0 then
    -- the adapter's batch: one outcome per claimed event
    for v_out in execute pg_catalog.format(
        'select o.log_id, o.status, o.error, o.code, o.ms, o.contact_activity_id from %s($1, $2, $3) o', v_p.process_fn)
        using p_provider, v_ids, as_of loop
      r_id := r_id || v_out.log_id;
      r_status := r_status || v_out.status;
      r_error := r_error || v_out.error;
      r_code := r_code || v_out.code;
      r_ms := r_ms || v_out.ms;
      r_activity := r_activity || v_out.contact_activity_id;
    end loop;
    -- an event the adapter said nothing about is an error of the adapter: retried, never lost
    select r_id || coalesce(array_agg(i), '{}'), r_status || coalesce(array_agg('error'::text), '{}'),
           r_error || coalesce(array_agg('the adapter returned no outcome for this event'::text), '{}'),
           r_code || coalesce(array_agg('DB066'::text), '{}'), r_ms || coalesce(array_agg(0::numeric), '{}'),
           r_activity || coalesce(array_agg(null::uuid), '{}')
      into r_id, r_status, r_error, r_code, r_ms, r_activity
      from unnest(v_ids) i where i <> all (r_id);
  end if;

  -- record the outcome of every claimed event
  execute pg_catalog.format($q$
    with upd as (
      update %s l
         set processing_status = case
               when r.status = 'success' then 'success'
               when r.status = 'skipped' then 'skipped'
               when r.status = 'invalid' then 'failed'
               when l.retry_count + 1 >= l.max_retries then 'failed'
               else 'pending' end,
             retry_count = case when r.status in ('invalid', 'error') then l.retry_count + 1 else l.retry_count end,
             next_retry_at = case when r.status = 'error' and l.retry_count + 1 < l.max_retries
                                  then $7 + dialbridge.webhook_retry_delay(l.retry_count + 1) end,
             last_retry_at = case when r.status in ('invalid', 'error') then $7 else l.last_retry_at end,
             processing_error = case when r.status = 'success' then null else r.error end,
             processing_error_code = case when r.status = 'success' then null else r.code end,
             processing_started_at = $8,
             processing_completed_at = pg_catalog.clock_timestamp(),
             processing_duration_ms = pg_catalog.round(r.ms)::integer,
             contact_activity_id = case when r.status = 'success' then coalesce(r.activity, l.contact_activity_id)
                                        else l.contact_activity_id end
        from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::numeric[], $6::uuid[])
               as r(id, status, error, code, ms, activity)
       where l.id = r.id
      returning l.processing_status as new_status, r.status as outcome)
    select count(*) filter (where upd.outcome = 'success')::integer,
           count(*) filter (where upd.outcome = 'skipped')::integer,
           count(*) filter (where upd.outcome in ('error', 'invalid') and upd.new_status = 'pending')::integer,
           count(*) filter (where upd.new_status = 'failed')::integer
      from upd$q$, v_p.inbox)
    into succeeded, skipped, retrying, failed
    using r_id, r_status, r_error, r_code, r_ms, r_activity, as_of, v_started;
  claimed := pg_catalog.cardinality(v_ids);
  execute pg_catalog.format(
    'select min(l.next_retry_at) from %s l
      where l.processing_status in (''pending'', ''processing'') and l.next_retry_at > $1 %s',
    v_p.inbox, case when v_shared then 'and l.provider = $2' else '' end)
    into next_retry_at using as_of, p_provider;
  return next;
end
$$;
comment on function dialbridge.process_webhook_events(text, integer, timestamptz) is
'The worker''s unit of work, for any provider: claims up to p_limit of its due events (FOR UPDATE SKIP
LOCKED, oldest retry first), runs the adapter''s batch stage on them (webhook_providers.process_fn) and
records every outcome in the same transaction: success, skipped, invalid (failed at once) or error
(retried after dialbridge.webhook_retry_delay, failed after max_retries). Returns the counts and when the
next retry falls due. Idempotent: processing an event again changes nothing.';
revoke all on function dialbridge.process_webhook_events(text, integer, timestamptz) from public;
grant execute on function dialbridge.process_webhook_events(text, integer, timestamptz) to service_role;

create or replace function dialbridge.reset_webhook_events_for_replay(
  p_provider text, p_since timestamptz default null, p_statuses text[] default array['failed'],
  p_event_type text default null, p_until timestamptz default null
) returns setof bigint
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_p dialbridge.webhook_providers := dialbridge.webhook_provider(p_provider);
begin
  return query execute pg_catalog.format(
    'update %s l
        set processing_status = ''pending'', retry_count = 0, next_retry_at = null,
            processing_error = null, processing_error_code = null
      where ($1::timestamptz is null or l.received_at >= $1)
        and ($2::timestamptz is null or l.received_at < $2)
        and ($3::text[] is null or l.processing_status = any ($3))
        and ($4::text is null or l.event_type = $4) %s
     returning l.id',
    v_p.inbox, case when v_p.inbox = 'dialbridge.webhook_events' then 'and l.provider = $5' else '' end)
    using p_since, p_until, p_statuses, p_event_type, p_provider;
end
$$;
comment on function dialbridge.reset_webhook_events_for_replay(text, timestamptz, text[], text, timestamptz) is
'Replay, for any provider: puts its matching stored events back to pending with a fresh retry budget and
returns their ids. Safe for any event: processing the same event again changes nothing. p_statuses null:
every status.';
revoke all on function dialbridge.reset_webhook_events_for_replay(text, timestamptz, text[], text, timestamptz) from public;
grant execute on function dialbridge.reset_webhook_events_for_replay(text, timestamptz, text[], text, timestamptz) to service_role;

-- ---------------------------------------------------------------------------------------------------
-- the merge: computed activity rows into contact_activities, with their effects
-- ---------------------------------------------------------------------------------------------------
create or replace function dialbridge.merge_call_activities(p_source_system text, p_rows dialbridge.call_activity_row[])
returns integer
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_row record;
  v_changed integer := 0;
  v_dispositions uuid[] := '{}';
  v_callbacks uuid[] := '{}';
  v_id uuid;
begin
  if p_rows is null or pg_catalog.cardinality(p_rows) = 0 then
    return 0;
  end if;
  for v_row in
    with desired as (
      select * from unnest(p_rows) r
    ), old as (
      select a.dedupe_key, a.contact_id, a.disposition_code, a.disposition_label, a.callback_scheduled_date,
             a.disposition_notes, a.disposition_set_at, a.user_id
        from public.contact_activities a
       where a.dedupe_key = any (array(select d.dedupe_key from desired d))
    ), up as (
      insert into public.contact_activities as a (
        dedupe_key, source_system, contact_id, matching_status, user_id, phoneburner_session_id, team_id,
        activity_type, call_started_at, call_connected_at, call_ended_at, ring_duration_seconds,
        call_duration_seconds, talk_time_seconds, call_outcome, answered_by, disposition_code, disposition_label,
        disposition_notes, disposition_set_at, callback_scheduled_date, recording_url, recording_duration_seconds,
        user_name, user_email, phoneburner_call_id, phoneburner_contact_id, phoneburner_event_id, details)
      select d.dedupe_key, p_source_system, d.contact_id, d.matching_status, d.user_id, d.phoneburner_session_id, d.team_id,
             d.activity_type, d.call_started_at, d.call_connected_at, d.call_ended_at, d.ring_duration_seconds,
             d.call_duration_seconds, d.talk_time_seconds, d.call_outcome, d.answered_by, d.disposition_code,
             d.disposition_label, d.disposition_notes, d.disposition_set_at, d.callback_scheduled_date, d.recording_url,
             d.recording_duration_seconds, d.user_name, d.user_email, d.phoneburner_call_id, d.phoneburner_contact_id,
             d.phoneburner_event_id, d.details
        from desired d
       order by d.dedupe_key
      on conflict (dedupe_key) do update set
        contact_id = case when a.matching_status = 'manually_linked' then a.contact_id else excluded.contact_id end,
        matching_status = case when a.matching_status = 'manually_linked' then a.matching_status else excluded.matching_status end,
        team_id = case when a.matching_status = 'manually_linked' then a.team_id else excluded.team_id end,
        user_id = excluded.user_id,
        phoneburner_session_id = excluded.phoneburner_session_id,
        activity_type = excluded.activity_type,
        call_started_at = excluded.call_started_at,
        call_connected_at = excluded.call_connected_at,
        call_ended_at = excluded.call_ended_at,
        ring_duration_seconds = excluded.ring_duration_seconds,
        call_duration_seconds = excluded.call_duration_seconds,
        talk_time_seconds = excluded.talk_time_seconds,
        call_outcome = excluded.call_outcome,
        answered_by = excluded.answered_by,
        disposition_code = excluded.disposition_code,
        disposition_label = excluded.disposition_label,
        disposition_notes = excluded.disposition_notes,
        disposition_set_at = excluded.disposition_set_at,
        callback_scheduled_date = excluded.callback_scheduled_date,
        recording_url = excluded.recording_url,
        recording_duration_seconds = excluded.recording_duration_seconds,
        user_name = excluded.user_name,
        user_email = excluded.user_email,
        phoneburner_call_id = excluded.phoneburner_call_id,
        phoneburner_contact_id = excluded.phoneburner_contact_id,
        phoneburner_event_id = excluded.phoneburner_event_id,
        details = excluded.details
      where (a.user_id, a.phoneburner_session_id, a.activity_type, a.call_started_at, a.call_connected_at,
             a.call_ended_at, a.ring_duration_seconds, a.call_duration_seconds, a.talk_time_seconds, a.call_outcome,
             a.answered_by, a.disposition_code, a.disposition_label, a.disposition_notes, a.disposition_set_at,
             a.callback_scheduled_date, a.recording_url, a.recording_duration_seconds, a.user_name, a.user_email,
             a.phoneburner_call_id, a.phoneburner_contact_id, a.phoneburner_event_id, a.details)
            is distinct from
            (excluded.user_id, excluded.phoneburner_session_id, excluded.activity_type, excluded.call_started_at,
             excluded.call_connected_at, excluded.call_ended_at, excluded.ring_duration_seconds,
             excluded.call_duration_seconds, excluded.talk_time_seconds, excluded.call_outcome, excluded.answered_by,
             excluded.disposition_code, excluded.disposition_label, excluded.disposition_notes,
             excluded.disposition_set_at, excluded.callback_scheduled_date, excluded.recording_url,
             excluded.recording_duration_seconds, excluded.user_name, excluded.user_email, excluded.phoneburner_call_id,
             excluded.phoneburner_contact_id, excluded.phoneburner_event_id, excluded.details)
         or (a.matching_status <> 'manually_linked'
             and (a.contact_id, a.matching_status, a.team_id)
                 is distinct from (excluded.contact_id, excluded.matching_status, excluded.team_id))
      returning a.id, a.dedupe_key, a.activity_type, a.contact_id, a.disposition_code, a.disposition_label,
                a.callback_scheduled_date, a.disposition_notes, a.disposition_set_at, a.user_id
    )
    select up.*, old.dedupe_key is null as is_new, old.contact_id as old_contact_id,
           old.disposition_code as old_code, old.disposition_label as old_label,
           old.callback_scheduled_date as old_callback_at, old.disposition_notes as old_notes,
           old.disposition_set_at as old_set_at, old.user_id as old_user_id
      from up left join old on old.dedupe_key = up.dedupe_key
     order by up.dedupe_key
  loop
    v_changed := v_changed + 1;
    continue when v_row.contact_id is null;
    if v_row.activity_type = 'callback_scheduled' then
      if v_row.is_new or v_row.old_contact_id is distinct from v_row.contact_id
         or (v_row.old_callback_at, v_row.old_notes, v_row.old_user_id)
            is distinct from (v_row.callback_scheduled_date, v_row.disposition_notes, v_row.user_id) then
        v_callbacks := v_callbacks || v_row.id;
      end if;
    elsif coalesce(v_row.disposition_code, v_row.disposition_label) is not null
          and (v_row.is_new or v_row.old_contact_id is distinct from v_row.contact_id
               or (v_row.old_code, v_row.old_label, v_row.old_notes, v_row.old_set_at, v_row.old_callback_at)
                  is distinct from (v_row.disposition_code, v_row.disposition_label, v_row.disposition_notes,
                                    v_row.disposition_set_at, v_row.callback_scheduled_date)) then
      -- first set or changed (code, label, notes, time or the callback date it schedules)
      v_dispositions := v_dispositions || v_row.id;
    end if;
  end loop;
  -- the batch's dispositions at once (set-based), then its callbacks (the result does not depend on the
  -- order: both resolve by event time)
  if pg_catalog.cardinality(v_dispositions) > 0 then
    perform dialbridge.apply_dispositions(v_dispositions);
  end if;
  foreach v_id in array v_callbacks loop
    perform dialbridge.apply_callback(v_id);
  end loop;

  return v_changed;
end
$$;
comment on function dialbridge.merge_call_activities(text, dialbridge.call_activity_row[]) is
'The order-independent merge of every provider: upserts the computed rows into contact_activities by
dedupe_key (only what changed is written, so the statistics triggers move exactly the difference; a manual
link is kept), then applies the effects of what changed: dialbridge.apply_dispositions once for the batch
(a matched call whose disposition is new or changed — code, label, notes, time, callback date — or that
just got its contact), then dialbridge.apply_callback (a matched callback row that is new or changed).
Returns the rows written. Raises when the disposition engine fails (the events retry); never skips it.';
revoke all on function dialbridge.merge_call_activities(text, dialbridge.call_activity_row[]) from public;

create or replace function dialbridge.project_phoneburner_calls(p_keys text[]) returns integer
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_keys text[] := array(select distinct k from unnest(p_keys) k where k like 'phoneburner:call:%' order by 1);
  v_changed integer := 0;
  v_key text;
  v_gone text[] := '{}';
  v_deleted integer;
begin
  if pg_catalog.cardinality(v_keys) = 0 then
    return 0;
  end if;

  -- dial sessions named by the calls: created when unknown (team and creator from the rep)
  insert into public.phoneburner_sessions (phoneburner_session_id, session_name, team_id, created_by_user_id)
  select distinct on (e.phoneburner_session_id) e.phoneburner_session_id,
         coalesce(e.session_name, 'PhoneBurner session ' || e.phoneburner_session_id), p.team_id, p.id
    from dialbridge.phoneburner_call_events e
    left join public.profiles p on p.phoneburner_user_id = e.phoneburner_user_id
   where e.call_key = any (v_keys) and e.phoneburner_session_id is not null
     and not exists (select 1 from public.phoneburner_sessions x where x.phoneburner_session_id = e.phoneburner_session_id)
   order by e.phoneburner_session_id, e.session_name is null, p.id is null, e.event_at, e.event_id
  on conflict (phoneburner_session_id) do nothing;
  -- a session created before its name was known gets the name
  update public.phoneburner_sessions s
     set session_name = n.session_name
    from (select distinct on (e.phoneburner_session_id) e.phoneburner_session_id, e.session_name
            from dialbridge.phoneburner_call_events e
           where e.call_key = any (v_keys) and e.phoneburner_session_id is not null and e.session_name is not null
           order by e.phoneburner_session_id, e.event_at, e.event_id) n
   where s.phoneburner_session_id = n.phoneburner_session_id
     and s.session_name = 'PhoneBurner session ' || s.phoneburner_session_id;

  v_changed := dialbridge.merge_call_activities('phoneburner',
    array(select row(d.*)::dialbridge.call_activity_row from dialbridge.phoneburner_call_activity_rows(v_keys) d));

  -- rows whose events now belong to another call (events without call id, re-correlated); checked key by
  -- key so that each check is an index probe whatever the table statistics say
  foreach v_key in array v_keys loop
    if not exists (select 1 from dialbridge.phoneburner_call_events e where e.call_key = v_key and e.kind = 'call') then
      v_gone := v_gone || v_key;
    end if;
    if not exists (select 1 from dialbridge.phoneburner_call_events e where e.call_key = v_key and e.callback_at is not null) then
      v_gone := v_gone || dialbridge.phoneburner_callback_key(v_key);
    end if;
  end loop;
  if pg_catalog.cardinality(v_gone) > 0 then
    delete from public.contact_activities a where a.dedupe_key = any (v_gone) and a.source_system = 'phoneburner';
    get diagnostics v_deleted = row_count;
    v_changed := v_changed + v_deleted;
  end if;
  return v_changed;
end
$$;
comment on function dialbridge.project_phoneburner_calls(text[]) is
'Projects the given PhoneBurner calls: creates unknown dial sessions, merges the rows their events add up
to (dialbridge.phoneburner_call_activity_rows) through the shared dialbridge.merge_call_activities (upsert
of what changed, then the disposition engine and callbacks), and deletes rows whose events moved to
another call (events without call id, re-correlated).';

-- ---------------------------------------------------------------------------------------------------
-- PhoneBurner: its batch stage, and its earlier entry points over the shared pipeline
-- ---------------------------------------------------------------------------------------------------
create or replace function dialbridge.phoneburner_process_events(p_provider text, p_ids bigint[], as_of timestamptz)
returns table (log_id bigint, status text, error text, code text, ms numeric, contact_activity_id uuid)
language plpgsql volatile security invoker set search_path = ''
as $$
#variable_conflict use_column
declare
  v_zone text;
  v_ids bigint[] := coalesce(p_ids, '{}');
  v_n integer;
  v_log public.phoneburner_webhooks_log;
  v_logs public.phoneburner_webhooks_log[];
  v_facts dialbridge.phoneburner_call_events[] := '{}';
  v_ingested record;
  v_status text[] := '{}';
  v_error text[] := '{}';
  v_code text[] := '{}';
  v_ms numeric[] := '{}';
  v_primary text[] := '{}';
  v_pair_i integer[] := '{}';
  v_pair_key text[] := '{}';
  v_keys text[];
  v_all_keys text[];
  v_failed_keys text[] := '{}';
  v_failed_error text[] := '{}';
  v_failed_code text[] := '{}';
  v_t0 timestamptz;
  v_share numeric := 0;
  v_ok integer := 0;
  v_msg text;
  v_state text;
  v_pos integer;
  i integer;
  k text;
begin
  v_zone := dialbridge.phoneburner_time_zone();
  perform pg_catalog.now() at time zone v_zone;  -- a misspelt zone stops the batch here, loudly

  v_n := pg_catalog.cardinality(v_ids);
  v_status := pg_catalog.array_fill(null::text, array[v_n]);
  v_error := pg_catalog.array_fill(null::text, array[v_n]);
  v_code := pg_catalog.array_fill(null::text, array[v_n]);
  v_ms := pg_catalog.array_fill(0::numeric, array[v_n]);
  v_primary := pg_catalog.array_fill(null::text, array[v_n]);

  -- 1. normalise each event in its own subtransaction: a bad event fails alone. Normalising only reads,
  --    so these subtransactions take no transaction id: a batch stays far from the 64 subtransactions a
  --    backend caches (past that, every other session's snapshot checks get slower).
  v_logs := array(select l from unnest(v_ids) with ordinality as u(id, ord)
                    join public.phoneburner_webhooks_log l on l.id = u.id order by u.ord);
  for i in 1 .. v_n loop
    v_log := v_logs[i];
    v_t0 := pg_catalog.clock_timestamp();
    v_status[i] := 'ok';
    begin
      v_facts := v_facts || dialbridge.normalize_phoneburner_event(v_log, v_zone);
    exception when others then
      get stacked diagnostics v_msg = message_text, v_state = returned_sqlstate;
      v_status[i] := case when v_state = 'DB060' then 'skipped' when v_state = 'DB061' then 'invalid' else 'error' end;
      v_error[i] := pg_catalog.left(v_msg, 1000);
      v_code[i] := v_state;
    end;
    v_ms[i] := extract(epoch from pg_catalog.clock_timestamp() - v_t0) * 1000;
  end loop;

  -- from here on one batch at a time (arbitrary constant key, 'dialbridge' + 'pb' in ASCII): claiming and
  -- normalising above overlap with the batch before, the rest waits for it to commit
  perform dialbridge.lock_call_projection();

  -- 1b. store the facts of the batch at once, and find which calls each event touches
  if pg_catalog.cardinality(v_facts) > 0 then
    v_t0 := pg_catalog.clock_timestamp();
    for v_ingested in select * from dialbridge.ingest_phoneburner_events(v_facts) loop
      i := pg_catalog.array_position(v_ids, v_ingested.log_id);
      if v_ingested.error is not null then
        v_status[i] := 'error';
        v_error[i] := v_ingested.error;
        v_code[i] := v_ingested.error_code;
        continue;
      end if;
      v_primary[i] := v_ingested.own_key;
      foreach k in array array[v_ingested.own_key] || v_ingested.keys loop
        if k is not null then
          v_pair_i := v_pair_i || i;
          v_pair_key := v_pair_key || k;
        end if;
      end loop;
    end loop;
    v_share := extract(epoch from pg_catalog.clock_timestamp() - v_t0) * 1000 / pg_catalog.cardinality(v_facts);
    for i in 1 .. v_n loop
      if v_status[i] = 'ok' then v_ms[i] := v_ms[i] + v_share; end if;
    end loop;
    v_share := 0;
  end if;

  -- 2. project every touched call once, statistics buffered and applied once at the end (each contact and
  --    session updated and locked once per batch, in id order); if that fails, one key at a time with
  --    statistics applied directly, to isolate the failure
  v_all_keys := array(select distinct x from unnest(v_pair_key) x order by 1);
  if pg_catalog.cardinality(v_all_keys) > 0 then
    v_t0 := pg_catalog.clock_timestamp();
    begin
      perform dialbridge.defer_call_stats();
      perform dialbridge.project_phoneburner_keys(v_all_keys);
      perform dialbridge.flush_call_stat_deltas();
    exception when others then
      perform pg_catalog.set_config('dialbridge.defer_call_stats', 'off', true);
      foreach k in array v_all_keys loop
        begin
          perform dialbridge.project_phoneburner_keys(array[k]);
        exception when others then
          get stacked diagnostics v_msg = message_text, v_state = returned_sqlstate;
          v_failed_keys := v_failed_keys || k;
          v_failed_error := v_failed_error || pg_catalog.left(v_msg, 1000);
          v_failed_code := v_failed_code || v_state;
        end;
      end loop;
    end;
    select count(*) into v_ok from unnest(v_status) s where s = 'ok';
    v_share := extract(epoch from pg_catalog.clock_timestamp() - v_t0) * 1000 / greatest(v_ok, 1);
  end if;

  for i in 1 .. v_n loop
    if v_status[i] = 'ok' then
      v_status[i] := 'success';
      v_ms[i] := v_ms[i] + v_share;
      if pg_catalog.cardinality(v_failed_keys) > 0 then
        for v_pos in 1 .. pg_catalog.cardinality(v_pair_i) loop
          if v_pair_i[v_pos] = i and v_pair_key[v_pos] = any (v_failed_keys) then
            v_status[i] := 'error';
            v_error[i] := v_failed_error[pg_catalog.array_position(v_failed_keys, v_pair_key[v_pos])];
            v_code[i] := v_failed_code[pg_catalog.array_position(v_failed_keys, v_pair_key[v_pos])];
            exit;
          end if;
        end loop;
      end if;
    end if;
  end loop;

  -- 3. the outcome of every event (the shared processor records it)
  return query
  select r.id, r.status, r.error, r.code, r.ms,
         case when r.status = 'success' then
           (select a.id from public.contact_activities a
             where a.dedupe_key in (r.primary_key, dialbridge.phoneburner_callback_key(r.primary_key))
             order by a.dedupe_key limit 1) end
    from unnest(v_ids, v_status, v_error, v_code, v_ms, v_primary) as r(id, status, error, code, ms, primary_key);
end
$$;
comment on function dialbridge.phoneburner_process_events(text, bigint[], timestamptz) is
'PhoneBurner''s batch stage (webhook_providers.process_fn), called by dialbridge.process_webhook_events
with the claimed ids: normalises each event in its own subtransaction (a bad event fails alone; normalising
only reads, so these subtransactions take no transaction id and a batch stays clear of the 64 a backend
caches), then under dialbridge.lock_call_projection stores the batch''s facts at once and projects every
touched call once, statistics buffered and applied once (if that fails, one key at a time to isolate the
failure). Returns one outcome per event: success, skipped (DB060), invalid (DB061) or error.';
revoke all on function dialbridge.phoneburner_process_events(text, bigint[], timestamptz) from public;

create or replace function dialbridge.receive_phoneburner_event(
  p_event_type text, p_payload jsonb, p_header_event_id text, p_payload_size integer, p_auth_method text,
  p_signature_header text, p_ip inet, p_user_agent text, p_envelope jsonb default null
) returns table (status text, log_id bigint, event_id text)
language plpgsql volatile security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  v_event_type text := dialbridge.check_webhook_event(p_event_type, p_payload);
  v_event_id text;
  v_refs record;
  v_log_id bigint;
begin
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
  perform dialbridge.queue_webhook_processing('phoneburner', v_log_id);
  return query select 'accepted'::text, v_log_id, v_event_id;
end
$$;
comment on function dialbridge.receive_phoneburner_event(text, jsonb, text, integer, text, text, inet, text, jsonb) is
'PhoneBurner''s store (its seed table public.phoneburner_webhooks_log; the PhoneBurner adapter of the
shared receive): stores one authenticated event, idempotent on dialbridge.phoneburner_event_identity, and
queues its processing in the same transaction through the shared dialbridge.queue_webhook_processing
(job phoneburner_webhooks_log__process). ''accepted'' for a new event, ''duplicate'' (with the stored
row''s id) for one already logged; the edge function answers 2xx only after this commits.';

create or replace function dialbridge.process_phoneburner_webhooks(p_limit integer default 100, as_of timestamptz default now())
returns table (claimed integer, succeeded integer, skipped integer, retrying integer, failed integer, next_retry_at timestamptz)
language sql volatile security invoker set search_path = ''
as $$ select * from dialbridge.process_webhook_events('phoneburner', p_limit, as_of) $$;
comment on function dialbridge.process_phoneburner_webhooks(integer, timestamptz) is
'dialbridge.process_webhook_events for PhoneBurner (its batch stage: dialbridge.phoneburner_process_events).';

create or replace function dialbridge.reset_phoneburner_webhooks_for_replay(
  p_since timestamptz default null, p_statuses text[] default array['failed'], p_event_type text default null,
  p_until timestamptz default null
) returns setof bigint
language sql volatile security invoker set search_path = ''
as $$ select * from dialbridge.reset_webhook_events_for_replay('phoneburner', p_since, p_statuses, p_event_type, p_until) $$;
comment on function dialbridge.reset_phoneburner_webhooks_for_replay(timestamptz, text[], text, timestamptz) is
'dialbridge.reset_webhook_events_for_replay for PhoneBurner.';

create or replace function dialbridge.phoneburner_receivers_lock_key() returns bigint
language sql immutable parallel safe security invoker set search_path = ''
as $$ select dialbridge.webhook_receivers_lock_key('phoneburner') $$;
comment on function dialbridge.phoneburner_receivers_lock_key() is
'Advisory lock key of PhoneBurner''s receivers'' barrier (dialbridge.webhook_receivers_lock_key).';

create or replace function dialbridge.await_phoneburner_receivers() returns void
language sql volatile security invoker set search_path = ''
as $$ select dialbridge.await_webhook_receivers('phoneburner') $$;
comment on function dialbridge.await_phoneburner_receivers() is 'dialbridge.await_webhook_receivers for PhoneBurner.';

create or replace function dialbridge.phoneburner_processor_awaits_receivers() returns boolean
language sql volatile security invoker set search_path = ''
as $$ select dialbridge.webhook_processor_awaits_receivers() $$;
comment on function dialbridge.phoneburner_processor_awaits_receivers() is
'dialbridge.webhook_processor_awaits_receivers: whether receivers may rely on an already queued job.';

create or replace function dialbridge.phoneburner_retry_delay(p_attempt integer) returns interval
language sql immutable parallel safe security invoker set search_path = ''
as $$ select dialbridge.webhook_retry_delay(p_attempt) $$;
comment on function dialbridge.phoneburner_retry_delay(integer) is 'dialbridge.webhook_retry_delay (5 s × 4^(n−1), at most an hour).';

create or replace view dialbridge.phoneburner_webhook_failures with (security_invoker = true) as
select f.log_id, f.event_id, f.event_type, f.state, f.error_code, f.error, f.retry_count, f.max_retries,
       f.next_retry_at, f.last_retry_at, f.received_at, f.event_at, f.provider_call_id as phoneburner_call_id,
       f.provider_session_id as phoneburner_session_id
  from dialbridge.webhook_failures f
 where f.provider = 'phoneburner';
comment on view dialbridge.phoneburner_webhook_failures is
'PhoneBurner''s rows of dialbridge.webhook_failures: events that failed processing (state failed: replay with `npm run replay`) or wait for a retry (state retrying). No payloads.';

select dialbridge.register_webhook_provider(
  p_provider => 'phoneburner',
  p_description => 'PhoneBurner power dialer (webhooks and reconciliation)',
  p_identity_fn => 'dialbridge.phoneburner_event_identity',
  p_refs_fn => 'dialbridge.phoneburner_event_refs',
  p_process_fn => 'dialbridge.phoneburner_process_events',
  p_event_types => dialbridge.phoneburner_event_types(),
  p_inbox => 'public.phoneburner_webhooks_log',
  p_task_identifier => 'phoneburner_webhooks_log__process',
  p_job_key => 'phoneburner_webhooks_log__process');

-- ---------------------------------------------------------------------------------------------------
-- the generic path: stored event → dialbridge.call_events (adapter) → activity (shared)
-- ---------------------------------------------------------------------------------------------------
/** The contact a generic provider's call is about: our key first, then a number exactly one contact has. */
create or replace function dialbridge.resolve_call_contact(p_sourceco_ids text[], p_phones text[]) returns uuid
language plpgsql stable security invoker set search_path = ''
as $_$
declare
  v_id text;
  v_contact uuid;
  v_candidates uuid[];
begin
  foreach v_id in array coalesce(p_sourceco_ids, '{}') loop
    select c.id into v_contact from public.contacts c where c.sourceco_contact_id = v_id;
    if v_contact is not null then return v_contact; end if;
    if v_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
      select c.id into v_contact from public.contacts c where c.id = v_id::uuid;
      if v_contact is not null then return v_contact; end if;
    end if;
  end loop;
  if pg_catalog.cardinality(p_phones) > 0 then
    select array_agg(distinct c.id) into v_candidates
      from public.contacts c where c.phone_e164 = any (p_phones);
    if pg_catalog.cardinality(v_candidates) = 1 then return v_candidates[1]; end if;
  end if;
  return null;
end
$_$;
comment on function dialbridge.resolve_call_contact(text[], text[]) is
'The contact of a generic provider''s call: by our key (contacts.sourceco_contact_id, or contacts.id), else
by the number called when exactly one contact has it; else null (the call is kept unmatched, to be linked
by hand with public.link_unmatched_activity).';
revoke all on function dialbridge.resolve_call_contact(text[], text[]) from public;

create or replace function dialbridge.call_activity_rows(p_keys text[]) returns setof dialbridge.call_activity_row
language plpgsql stable security invoker set search_path = ''
as $$
begin
  return query
  with f as (
    select e.* from dialbridge.call_events e where e.call_key = any (p_keys) and e.kind = 'call'
  ), agg as (
    select f.call_key,
           max(f.provider) as provider,
           max(f.call_id) as call_id,
           min(f.started_at) as started_at,
           min(f.connected_at) as connected_at,
           max(f.ended_at) as ended_at,
           max(f.ring_seconds) as ring_seconds,
           max(f.total_seconds) as total_seconds,
           max(f.talk_seconds) as talk_seconds,
           bool_or(f.connected) as connected_flag,
           (array_agg(f.outcome order by f.event_at desc, f.event_id desc) filter (where f.outcome is not null))[1] as outcome,
           (array_agg(f.answered_by order by f.event_at desc, f.event_id desc) filter (where f.answered_by is not null))[1] as answered_by,
           (array_agg(f.recording_url order by f.event_at desc, f.event_id desc) filter (where f.recording_url is not null))[1] as recording_url,
           max(f.recording_seconds) as recording_seconds,
           min(f.event_at) as first_event_at,
           (array_agg(f.event_id order by f.event_at, f.event_id))[1] as first_event_id,
           array_agg(f.sourceco_contact_id order by f.event_at, f.event_id) filter (where f.sourceco_contact_id is not null) as sourceco_ids,
           (array_agg(f.provider_contact_id order by f.event_at, f.event_id) filter (where f.provider_contact_id is not null))[1] as provider_contact_id,
           (array_agg(f.provider_session_id order by f.event_at, f.event_id) filter (where f.provider_session_id is not null))[1] as provider_session_id,
           (array_agg(f.provider_user_id order by f.event_at, f.event_id) filter (where f.provider_user_id is not null))[1] as provider_user_id,
           (array_agg(f.user_name order by f.event_at, f.event_id) filter (where f.user_name is not null))[1] as user_name,
           (array_agg(pg_catalog.lower(f.user_email) order by f.event_at, f.event_id) filter (where f.user_email is not null))[1] as user_email,
           pg_catalog.jsonb_object_agg(x.key, x.value order by f.event_at, f.event_id) filter (where x.key is not null) as extra,
           array_agg(distinct f.event_id order by f.event_id) as event_ids
      from f left join lateral pg_catalog.jsonb_each(f.extra) x on true
     group by f.call_key
  ), phones as (
    select f.call_key, array_agg(distinct p.phone order by p.phone) as phones
      from f cross join unnest(f.phone_e164) as p(phone)
     group by f.call_key
  ), disp as (
    select distinct on (f.call_key) f.call_key, f.disposition_code, f.disposition_label, f.disposition_notes, f.disposition_at
      from f
     where coalesce(f.disposition_code, f.disposition_label) is not null
     order by f.call_key, f.disposition_at desc nulls last, f.event_at desc, f.event_id desc
  ), disp_maps as materialized (
    select p.disposition_code, p.disposition_label, m.phoneburner_disposition_code, m.phoneburner_disposition_label,
           m.is_connected_outcome
      from (select distinct x.disposition_code, x.disposition_label from disp x) p
      cross join lateral dialbridge.find_disposition_mapping(p.disposition_code, p.disposition_label) m
  ), cb as (
    select distinct on (f.call_key) f.call_key, f.callback_at, f.callback_notes, f.event_id, f.event_at
      from f
     where f.callback_at is not null
     order by f.call_key, f.event_at desc, f.event_id desc
  ), base as (
    select a.*, ph.phones, d.disposition_code as code_sent, d.disposition_label as label_sent, d.disposition_notes,
           d.disposition_at, m.phoneburner_disposition_code as mapped_code, m.phoneburner_disposition_label as mapped_label,
           m.is_connected_outcome as mapped_connected, p.id as rep_id, p.team_id as rep_team_id,
           p.display_name as rep_display_name, cb.callback_at, cb.callback_notes, cb.event_id as callback_event_id,
           cb.event_at as callback_event_at, ml.contact_id as linked_contact_id, ml.team_id as linked_team_id
      from agg a
      left join phones ph on ph.call_key = a.call_key
      left join disp d on d.call_key = a.call_key
      left join disp_maps m on m.disposition_code is not distinct from d.disposition_code
                           and m.disposition_label is not distinct from d.disposition_label
      left join public.profiles p on pg_catalog.lower(p.email) = a.user_email
      left join cb on cb.call_key = a.call_key
      left join lateral (
        select x.contact_id, x.team_id from public.contact_activities x
         where x.dedupe_key in (a.call_key, a.provider || ':callback:' || pg_catalog.substr(a.call_key, pg_catalog.length(a.provider) + 7))
           and x.matching_status = 'manually_linked'
         order by x.dedupe_key limit 1) ml on true
  ), resolved as materialized (
    select b.*, coalesce(b.linked_contact_id, dialbridge.resolve_call_contact(b.sourceco_ids, b.phones)) as contact_id
      from base b
  ), r as (
    select x.*, c.team_id as contact_team_id,
           case when x.linked_contact_id is not null then 'manually_linked'
                when x.contact_id is not null then 'matched' else 'unmatched' end as matching_status,
           coalesce(x.outcome,
                    case when x.mapped_connected or x.connected_flag or x.connected_at is not null then 'connected' end)
             as outcome_final,
           coalesce(x.started_at, x.connected_at - pg_catalog.make_interval(secs => x.ring_seconds),
                    x.ended_at - pg_catalog.make_interval(secs => x.total_seconds), x.first_event_at) as started_final
      from resolved x left join public.contacts c on c.id = x.contact_id
  )
  -- the call
  select r.call_key, r.contact_id, r.matching_status, r.rep_id, null::uuid,
         case when r.linked_contact_id is not null then r.linked_team_id else coalesce(r.contact_team_id, r.rep_team_id) end,
         case when coalesce(r.code_sent, r.label_sent) is not null then 'disposition_set'
              when r.ended_at is not null or r.outcome is not null or r.total_seconds is not null then 'call_completed'
              when r.outcome_final in ('connected', 'voicemail') then 'call_connected'
              else 'call_attempt' end,
         r.started_final, r.connected_at, r.ended_at, r.ring_seconds,
         coalesce(r.total_seconds,
                  case when r.started_at is not null and r.ended_at >= r.started_at
                       then pg_catalog.round(extract(epoch from r.ended_at - r.started_at))::integer end),
         coalesce(r.talk_seconds,
                  case when r.outcome_final = 'connected' and r.connected_at is not null and r.ended_at >= r.connected_at
                       then pg_catalog.round(extract(epoch from r.ended_at - r.connected_at))::integer end),
         r.outcome_final, r.answered_by,
         coalesce(r.mapped_code, r.code_sent), coalesce(r.label_sent, r.mapped_label), r.disposition_notes,
         case when coalesce(r.code_sent, r.label_sent) is not null then coalesce(r.disposition_at, r.first_event_at) end,
         r.callback_at, r.recording_url, r.recording_seconds,
         coalesce(r.user_name, r.rep_display_name), r.user_email,
         null::text, null::text, null::text,
         coalesce(r.extra, '{}'::jsonb) || pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
           'provider', r.provider,
           'provider_call_id', r.call_id,
           'provider_contact_id', r.provider_contact_id,
           'provider_session_id', r.provider_session_id,
           'provider_user_id', r.provider_user_id,
           'connected_flag', r.connected_flag,
           'disposition_code_sent', case when r.code_sent is distinct from r.mapped_code then r.code_sent end,
           'disposition_unmapped', case when coalesce(r.code_sent, r.label_sent) is not null and r.mapped_code is null then true end,
           'event_ids', pg_catalog.to_jsonb(r.event_ids)))
    from r
  union all
  -- the callback scheduled on it
  select r.provider || ':callback:' || r.call_id, r.contact_id, r.matching_status, r.rep_id, null::uuid,
         case when r.linked_contact_id is not null then r.linked_team_id else coalesce(r.contact_team_id, r.rep_team_id) end,
         'callback_scheduled', null, null, null, null, null, null, null, null, null, null,
         r.callback_notes, null, r.callback_at, null, null,
         coalesce(r.user_name, r.rep_display_name), r.user_email, null, null, null,
         pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object('provider', r.provider, 'provider_call_id', r.call_id,
           'notes', r.callback_notes, 'event_id', r.callback_event_id, 'event_at', r.callback_event_at))
    from r
   where r.callback_at is not null;
end
$$;
comment on function dialbridge.call_activity_rows(text[]) is
'The contact_activities rows the stored call events of the given calls add up to (a call row, and a
callback_scheduled row when a callback was scheduled), whatever order the events came in: earliest start
and connection, latest end, outcome, recording and disposition by event time (ties by event id), the rep
by email, the contact by dialbridge.resolve_call_contact unless linked by hand. A pure function of those
events, the contacts, profiles and disposition mappings.';
revoke all on function dialbridge.call_activity_rows(text[]) from public;

/** Projects calls of generic providers: merges what their facts add up to, retires rows left without facts. */
create or replace function dialbridge.project_call_keys(p_provider text, p_keys text[]) returns integer
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_keys text[] := array(select distinct k from unnest(p_keys) k where k is not null order by 1);
  v_changed integer;
  v_gone text[];
  v_deleted integer;
begin
  if pg_catalog.cardinality(v_keys) = 0 then
    return 0;
  end if;
  v_changed := dialbridge.merge_call_activities(p_provider,
    array(select r from dialbridge.call_activity_rows(v_keys) r));
  -- a call whose facts are gone (a replay read its event differently), or that no longer has a callback
  select coalesce(array_agg(g), '{}') into v_gone
    from (select k as g from unnest(v_keys) k
           where not exists (select 1 from dialbridge.call_events e where e.call_key = k)
          union all
          select p_provider || ':callback:' || pg_catalog.substr(k, pg_catalog.length(p_provider) + 7)
            from unnest(v_keys) k
           where not exists (select 1 from dialbridge.call_events e where e.call_key = k and e.callback_at is not null)) x;
  delete from public.contact_activities a where a.dedupe_key = any (v_gone) and a.source_system = p_provider;
  get diagnostics v_deleted = row_count;
  return v_changed + v_deleted;
end
$$;
comment on function dialbridge.project_call_keys(text, text[]) is
'Projects the given calls of a generic provider: merges the rows their stored facts add up to
(dialbridge.call_activity_rows through dialbridge.merge_call_activities) and deletes the provider''s rows
whose facts are gone. Returns the rows written or deleted.';
revoke all on function dialbridge.project_call_keys(text, text[]) from public;

create or replace function dialbridge.project_call_events(p_provider text, p_ids bigint[], as_of timestamptz)
returns table (log_id bigint, status text, error text, code text, ms numeric, contact_activity_id uuid)
language plpgsql volatile security invoker set search_path = ''
as $$
#variable_conflict use_column
declare
  v_p dialbridge.webhook_providers := dialbridge.webhook_provider(p_provider);
  v_ids bigint[] := coalesce(p_ids, '{}');
  v_n integer := pg_catalog.cardinality(coalesce(p_ids, '{}'));
  v_event dialbridge.webhook_events;
  v_fact dialbridge.call_events;
  v_facts dialbridge.call_events[] := '{}';
  v_status text[];
  v_error text[];
  v_code text[];
  v_ms numeric[];
  v_key text[];
  v_keys text[];
  v_failed_keys text[] := '{}';
  v_failed_error text[] := '{}';
  v_failed_code text[] := '{}';
  v_t0 timestamptz;
  v_share numeric;
  v_msg text;
  v_state text;
  i integer;
  k text;
begin
  v_status := pg_catalog.array_fill(null::text, array[v_n]);
  v_error := pg_catalog.array_fill(null::text, array[v_n]);
  v_code := pg_catalog.array_fill(null::text, array[v_n]);
  v_ms := pg_catalog.array_fill(0::numeric, array[v_n]);
  v_key := pg_catalog.array_fill(null::text, array[v_n]);

  -- 1. the adapter reads each event in its own subtransaction (only reads: no transaction id taken)
  for i in 1 .. v_n loop
    v_t0 := pg_catalog.clock_timestamp();
    v_status[i] := 'ok';
    begin
      select * into strict v_event from dialbridge.webhook_events e where e.id = v_ids[i] and e.provider = p_provider;
      execute pg_catalog.format('select * from %s($1)', v_p.normalize_fn) into v_fact using v_event;
      if v_fact.kind is null or v_fact.kind not in ('call', 'ignored') then
        raise exception 'the % adapter read event % as kind "%": call or ignored expected', p_provider, v_event.event_id, v_fact.kind
          using errcode = 'DB061';
      end if;
      if v_fact.kind = 'call' and coalesce(v_fact.call_id, '') = '' then
        raise exception '% event % names no call', p_provider, v_event.event_id using errcode = 'DB061';
      end if;
      v_fact.log_id := v_event.id;
      v_fact.provider := p_provider;
      v_fact.event_id := v_event.event_id;
      v_fact.event_type := v_event.event_type;
      v_fact.event_at := coalesce(v_fact.event_at, v_event.event_at, v_event.received_at);
      v_fact.call_key := case when v_fact.kind = 'call' then p_provider || ':call:' || v_fact.call_id end;
      v_fact.phone_e164 := coalesce(v_fact.phone_e164, '{}');
      v_fact.extra := coalesce(v_fact.extra, '{}');
      v_fact.normalized_at := pg_catalog.now();
      v_facts := v_facts || v_fact;
      v_key[i] := v_fact.call_key;
    exception when others then
      get stacked diagnostics v_msg = message_text, v_state = returned_sqlstate;
      v_status[i] := case when v_state = 'DB060' then 'skipped' when v_state = 'DB061' then 'invalid' else 'error' end;
      v_error[i] := pg_catalog.left(v_msg, 1000);
      v_code[i] := v_state;
    end;
    v_ms[i] := extract(epoch from pg_catalog.clock_timestamp() - v_t0) * 1000;
  end loop;

  -- 2. one batch at a time from here on (every provider''s projection)
  perform dialbridge.lock_call_projection();
  v_t0 := pg_catalog.clock_timestamp();

  -- 2a. store the facts; a replay that reads an event differently replaces its row (and re-projects the
  --     call it named before). At once; row by row only to isolate a fact the table refuses.
  v_keys := array(select e.call_key from dialbridge.call_events e join unnest(v_facts) n on n.log_id = e.log_id
                   where e.call_key is not null);
  begin
    delete from dialbridge.call_events e using unnest(v_facts) n where e.log_id = n.log_id;
    insert into dialbridge.call_events select n.* from unnest(v_facts) n order by n.log_id;
  exception when others then
    foreach v_fact in array v_facts loop
      begin
        delete from dialbridge.call_events e where e.log_id = v_fact.log_id;
        insert into dialbridge.call_events select v_fact.*;
      exception when others then
        get stacked diagnostics v_msg = message_text, v_state = returned_sqlstate;
        i := pg_catalog.array_position(v_ids, v_fact.log_id);
        v_status[i] := case when v_state like '23%' then 'invalid' else 'error' end;
        v_error[i] := pg_catalog.left(v_msg, 1000);
        v_code[i] := v_state;
        v_key[i] := null;
      end;
    end loop;
  end;
  v_keys := array(select distinct x from unnest(v_keys || v_key) x where x is not null order by 1);

  -- 2b. project every touched call once, statistics applied once at the end; if that fails, one call at a
  --     time with statistics applied directly, to isolate the failure
  if pg_catalog.cardinality(v_keys) > 0 then
    begin
      perform dialbridge.defer_call_stats();
      perform dialbridge.project_call_keys(p_provider, v_keys);
      perform dialbridge.flush_call_stat_deltas();
    exception when others then
      perform pg_catalog.set_config('dialbridge.defer_call_stats', 'off', true);
      foreach k in array v_keys loop
        begin
          perform dialbridge.project_call_keys(p_provider, array[k]);
        exception when others then
          get stacked diagnostics v_msg = message_text, v_state = returned_sqlstate;
          v_failed_keys := v_failed_keys || k;
          v_failed_error := v_failed_error || pg_catalog.left(v_msg, 1000);
          v_failed_code := v_failed_code || v_state;
        end;
      end loop;
    end;
  end if;
  v_share := extract(epoch from pg_catalog.clock_timestamp() - v_t0) * 1000 / greatest(v_n, 1);

  -- 3. one outcome per event
  return query
  select r.id,
         case when r.status <> 'ok' then r.status when r.key = any (v_failed_keys) then 'error' else 'success' end,
         case when r.status <> 'ok' then r.error when r.key = any (v_failed_keys)
              then v_failed_error[pg_catalog.array_position(v_failed_keys, r.key)] end,
         case when r.status <> 'ok' then r.code when r.key = any (v_failed_keys)
              then v_failed_code[pg_catalog.array_position(v_failed_keys, r.key)] end,
         r.ms + v_share,
         case when r.status = 'ok' and r.key is not null then
           (select a.id from public.contact_activities a where a.dedupe_key = r.key) end
    from unnest(v_ids, v_status, v_error, v_code, v_ms, v_key) as r(id, status, error, code, ms, key);
end
$$;
comment on function dialbridge.project_call_events(text, bigint[], timestamptz) is
'The generic batch stage (webhook_providers.process_fn of every provider without its own): the adapter''s
normalize function reads each stored event into a dialbridge.call_events row in its own subtransaction
(DB060 skips it, DB061 or a fact the table refuses fails it at once, anything else retries); then, under
dialbridge.lock_call_projection, the batch''s facts are stored at once (replacing a replayed event''s
earlier reading) and every call they touch is projected once (dialbridge.project_call_keys), statistics
buffered and applied once; on a failure, one call at a time to isolate it. One outcome per event.';
revoke all on function dialbridge.project_call_events(text, bigint[], timestamptz) from public;


-- migrate:down
