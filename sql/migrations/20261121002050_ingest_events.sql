-- migrate:up
-- Processing PhoneBurner events, part 1: normalised call events (issue 3, "Processing").
--
-- Every logged event (public.phoneburner_webhooks_log) is read once into one row of
-- dialbridge.phoneburner_call_events: the same facts whichever payload shape carried them (seed 000
-- nested, seed 001 flat, real api_callbegin / api_calldone / api_contact_displayed, softphone_call_done).
-- The call's contact_activities rows are then a pure function of the set of its normalised events
-- (20261121002070_ingest_projection.sql): the order and the number of deliveries cannot change them.
--
-- Which call an event belongs to (its call key):
--   * it carries a provider call id  -> phoneburner:call:<call id>  (seed call.id / call_id, real call_id,
--     softphone call_id; api_callbegin and api_calldone of one call share it)
--   * it carries none (seed 001's flat examples) -> correlated by its subject (the PhoneBurner contact id,
--     else the SourceCo id, else the phone number) and time, by rules that read only the events' own
--     times and ids, so every order of arrival assigns the same key (dialbridge.phoneburner_idless_call_key).
--
-- Zone-less times (real PhoneBurner's start_time / end_time / follow_up, 'YYYY-MM-DD HH:MM:SS') are read in
-- the PhoneBurner account's time zone: the database setting dialbridge.phoneburner_time_zone, default
-- America/New_York (see dialbridge.phoneburner_time_zone()).

-- ---------------------------------------------------------------------------------------------------
-- Parsing helpers
-- ---------------------------------------------------------------------------------------------------
-- The small SQL helpers below are called for every field of every event. They carry no SET search_path
-- clause on purpose: a SET clause stops the planner from inlining a SQL function, and each call then
-- costs a function call plus a GUC save/restore (measured: 10-70 µs per call, several times the work
-- itself). Every name they use is schema-qualified, they are not security definer, and they are inlined
-- into callers that all run with search_path = ''.

/**
 * The time zone of PhoneBurner's zone-less times. PhoneBurner reports call times in the time zone set in
 * the account, without saying which: set it once per database with
 *   alter database <db> set dialbridge.phoneburner_time_zone = 'America/Denver';
 * Default America/New_York. A misspelt zone makes processing fail loudly (and retry), never guess.
 */
create or replace function dialbridge.phoneburner_time_zone() returns text
language sql stable parallel safe security invoker set search_path = ''
as $$
  select coalesce(nullif(pg_catalog.btrim(pg_catalog.current_setting('dialbridge.phoneburner_time_zone', true)), ''),
                  'America/New_York')
$$;

/**
 * A sender's time as timestamptz: ISO 8601 with a zone or epoch numbers, and zone-less
 * 'YYYY-MM-DD[ HH:MM[:SS]]' read in p_zone (the account's zone, or a callback's own timezone); null when
 * it is not a valid time (dialbridge.phoneburner_timestamptz): a bad field never costs the event.
 */
create or replace function dialbridge.phoneburner_event_time(p_value jsonb, p_zone text) returns timestamptz
language sql immutable parallel safe security invoker
as $$
  select case
    -- fast path: ISO 8601 with an explicit zone and a day every month has (the seed contract's form)
    when pg_catalog.jsonb_typeof(p_value) = 'string'
         and (p_value #>> '{}') ~ '^(?!0000)\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?(Z|[+-](0\d|1[0-4]):[0-5]\d)$'
      then (p_value #>> '{}')::timestamptz
    when pg_catalog.jsonb_typeof(p_value) in ('string', 'number')
      then dialbridge.phoneburner_timestamptz(p_value, p_zone)
  end
$$;

/** A JSON string or number as trimmed text (ids arrive as both); null for anything else or empty. */
create or replace function dialbridge.jsonb_scalar_text(p_value jsonb) returns text
language sql immutable parallel safe security invoker
as $$
  select case when pg_catalog.jsonb_typeof(p_value) in ('string', 'number')
              then nullif(pg_catalog.btrim(p_value #>> '{}'), '') end
$$;

/** Whole seconds from a JSON number or numeric string, 0 ≤ s ≤ 10 days; null otherwise. */
create or replace function dialbridge.jsonb_seconds(p_value jsonb) returns integer
language sql immutable parallel safe security invoker
as $$
  select case
    when pg_catalog.jsonb_typeof(p_value) = 'number' and (p_value #>> '{}')::numeric between 0 and 864000
      then pg_catalog.round((p_value #>> '{}')::numeric)::integer
    when pg_catalog.jsonb_typeof(p_value) = 'string' and pg_catalog.btrim(p_value #>> '{}') ~ '^\d{1,6}(\.\d+)?$'
         and pg_catalog.btrim(p_value #>> '{}')::numeric <= 864000
      then pg_catalog.round(pg_catalog.btrim(p_value #>> '{}')::numeric)::integer
  end
$$;

/** A JSON boolean, 1/0 or "1"/"0"/"true"/"false"/"yes"/"no" as boolean; null otherwise. */
create or replace function dialbridge.jsonb_flag(p_value jsonb) returns boolean
language sql immutable parallel safe security invoker
as $$
  select case
    when pg_catalog.jsonb_typeof(p_value) = 'boolean' then (p_value #>> '{}')::boolean
    when pg_catalog.jsonb_typeof(p_value) in ('number', 'string') then
      case pg_catalog.lower(pg_catalog.btrim(p_value #>> '{}'))
        when '1' then true when 'true' then true when 'yes' then true
        when '0' then false when 'false' then false when 'no' then false
      end
  end
$$;

/** A JSON string (trimmed, non-empty) as text; null for anything else. */
create or replace function dialbridge.jsonb_string(p_value jsonb) returns text
language sql immutable parallel safe security invoker
as $$
  select case when pg_catalog.jsonb_typeof(p_value) = 'string' then nullif(pg_catalog.btrim(p_value #>> '{}'), '') end
$$;

/**
 * The E.164 forms a dialled number may have been stored under ('+' and its digits; 10 digits are a
 * North American number without its country code). Empty for text with fewer than 7 or more than 15 digits.
 */
create or replace function dialbridge.phone_e164_candidates(p_phone text) returns text[]
language sql immutable parallel safe security invoker
as $$
  select case
    when pg_catalog.length(pg_catalog.regexp_replace(coalesce(p_phone, ''), '\D', '', 'g')) not between 7 and 15
      then '{}'::text[]
    when pg_catalog.length(pg_catalog.regexp_replace(p_phone, '\D', '', 'g')) = 10
         and pg_catalog.left(pg_catalog.btrim(p_phone), 1) <> '+'
      then array['+1' || pg_catalog.regexp_replace(p_phone, '\D', '', 'g'), '+' || pg_catalog.regexp_replace(p_phone, '\D', '', 'g')]
    else array['+' || pg_catalog.regexp_replace(p_phone, '\D', '', 'g')]
  end
$$;

/** answered_by in the activity vocabulary (decision_maker, gatekeeper, voicemail, answering_service, unknown). */
create or replace function dialbridge.phoneburner_answered_by(p_value text) returns text
language sql immutable parallel safe security invoker
as $$
  select case nullif(pg_catalog.btrim(pg_catalog.regexp_replace(pg_catalog.lower(p_value), '[^a-z]+', '_', 'g'), '_'), '')
    when 'decision_maker' then 'decision_maker' when 'dm' then 'decision_maker' when 'decisionmaker' then 'decision_maker'
    when 'contact' then 'decision_maker' when 'prospect' then 'decision_maker'
    when 'gatekeeper' then 'gatekeeper' when 'gate_keeper' then 'gatekeeper' when 'assistant' then 'gatekeeper'
    when 'receptionist' then 'gatekeeper'
    when 'voicemail' then 'voicemail' when 'voice_mail' then 'voicemail' when 'machine' then 'voicemail'
    when 'answering_machine' then 'voicemail' when 'vm' then 'voicemail'
    when 'answering_service' then 'answering_service'
    else case when p_value is null or pg_catalog.btrim(p_value) = '' then null else 'unknown' end
  end
$$;

/** A call.ended outcome in the seed vocabulary (completed, no_answer, busy, failed, rejected, voicemail); null if unknown. */
create or replace function dialbridge.phoneburner_outcome(p_value text) returns text
language sql immutable parallel safe security invoker
as $$
  select case nullif(pg_catalog.btrim(pg_catalog.regexp_replace(pg_catalog.lower(p_value), '[^a-z]+', '_', 'g'), '_'), '')
    when 'completed' then 'completed' when 'complete' then 'completed' when 'answered' then 'completed'
    when 'connected' then 'completed'
    when 'no_answer' then 'no_answer' when 'noanswer' then 'no_answer' when 'not_answered' then 'no_answer'
    when 'unanswered' then 'no_answer'
    when 'busy' then 'busy'
    when 'failed' then 'failed' when 'error' then 'failed' when 'canceled' then 'failed' when 'cancelled' then 'failed'
    when 'rejected' then 'rejected' when 'declined' then 'rejected'
    when 'voicemail' then 'voicemail' when 'voice_mail' then 'voicemail' when 'machine' then 'voicemail'
    when 'answering_machine' then 'voicemail'
  end
$$;

-- ---------------------------------------------------------------------------------------------------
-- phoneburner_call_events
-- ---------------------------------------------------------------------------------------------------
/**
 * One normalised row per processed event: the facts the projection merges, whatever shape carried them.
 * Private to dialbridge (never exposed); rebuilt from the log by a replay; goes with its log row.
 */
create table if not exists dialbridge.phoneburner_call_events (
  log_id bigint primary key references public.phoneburner_webhooks_log (id) on delete cascade,
  event_id text not null,
  event_type text not null,
  kind text not null,
  event_at timestamptz not null,
  call_id text,
  subject text,
  call_key text,
  is_start boolean not null default false,
  sourceco_contact_id text,
  phoneburner_contact_id text,
  phone_e164 text[] not null default '{}',
  phoneburner_user_id text,
  user_name text,
  user_email text,
  phoneburner_session_id text,
  session_name text,
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
  disposition_category text,
  disposition_notes text,
  disposition_at timestamptz,
  callback_at timestamptz,
  callback_notes text,
  callback_details jsonb,
  changes jsonb,
  updated_by jsonb,
  extra jsonb not null default '{}'::jsonb,
  normalized_at timestamptz not null default now()
);
alter table dialbridge.phoneburner_call_events enable row level security;
select dialbridge.ensure_constraint('dialbridge.phoneburner_call_events', 'phoneburner_call_events_kind_check',
  $c$check (kind in ('call', 'callback', 'contact_update', 'contact_displayed'))$c$);
select dialbridge.ensure_constraint('dialbridge.phoneburner_call_events', 'phoneburner_call_events_call_key_check',
  $c$check ((kind in ('call', 'callback')) = (call_key is not null))$c$);
select dialbridge.ensure_constraint('dialbridge.phoneburner_call_events', 'phoneburner_call_events_durations_check',
  $c$check (coalesce(ring_seconds, 0) >= 0 and coalesce(total_seconds, 0) >= 0 and coalesce(talk_seconds, 0) >= 0
    and coalesce(recording_seconds, 0) >= 0)$c$);
create index if not exists phoneburner_call_events_call_key_idx on dialbridge.phoneburner_call_events (call_key)
  where call_key is not null;
-- correlation of events without a call id: a subject's events around a time
create index if not exists phoneburner_call_events_subject_idx on dialbridge.phoneburner_call_events (subject, event_at)
  where subject is not null;

comment on table dialbridge.phoneburner_call_events is 'Normalised PhoneBurner events (one per processed log row): the facts contact_activities rows are computed from.';
comment on column dialbridge.phoneburner_call_events.kind is 'call (a stage or the whole call), callback, contact_update or contact_displayed.';
comment on column dialbridge.phoneburner_call_events.subject is 'Who the event is about, for events without a call id: pb:<PhoneBurner contact id>, sc:<SourceCo id> or tel:<E.164>.';
comment on column dialbridge.phoneburner_call_events.call_key is 'The call the event belongs to (dedupe_key of its call activity).';
comment on column dialbridge.phoneburner_call_events.is_start is 'call.started / api_callbegin: opens a call (used to correlate events without a call id).';
comment on column dialbridge.phoneburner_call_events.phone_e164 is 'E.164 forms of the dialled number, for matching within the dial session.';
comment on column dialbridge.phoneburner_call_events.connected is 'api_calldone''s connected flag (null when the event does not say).';

revoke all on table dialbridge.phoneburner_call_events from anon, authenticated;
grant select on table dialbridge.phoneburner_call_events to service_role;

-- ---------------------------------------------------------------------------------------------------
-- Normalisation
-- ---------------------------------------------------------------------------------------------------

/** The rep an event names, as {id, name, email} from user / agent / assigned_user / updated_by / flat ids. */
create or replace function dialbridge.phoneburner_event_rep(p_event_type text, p_payload jsonb)
returns table (user_id text, user_name text, user_email text)
language plpgsql immutable parallel safe security invoker set search_path = ''
as $$
declare
  v_obj jsonb;
begin
  v_obj := case
    when pg_catalog.jsonb_typeof(p_payload -> 'user') = 'object' then p_payload -> 'user'
    when pg_catalog.jsonb_typeof(p_payload -> 'agent') = 'object' then p_payload -> 'agent'
    when pg_catalog.jsonb_typeof(p_payload -> 'assigned_user') = 'object' then p_payload -> 'assigned_user'
    when pg_catalog.jsonb_typeof(p_payload -> 'updated_by') = 'object' then p_payload -> 'updated_by'
  end;
  -- a top-level user_id is the rep in the seed contract only (PhoneBurner's own payloads use it for the contact)
  user_id := coalesce(
    dialbridge.jsonb_scalar_text(v_obj -> 'id'), dialbridge.jsonb_scalar_text(v_obj -> 'user_id'),
    dialbridge.jsonb_scalar_text(v_obj -> 'member_user_id'), dialbridge.jsonb_scalar_text(p_payload -> 'assigned_user_id'),
    dialbridge.jsonb_scalar_text(p_payload -> 'custom_data' -> 'pb_user_id'),
    dialbridge.jsonb_scalar_text(p_payload -> 'member_user_id'), dialbridge.jsonb_scalar_text(p_payload -> 'pb_user_id'),
    case when pg_catalog.jsonb_typeof(p_payload -> 'updated_by') in ('string', 'number')
         then dialbridge.jsonb_scalar_text(p_payload -> 'updated_by') end,
    case when p_event_type not like 'api\_%' and p_event_type <> 'softphone_call_done'
         then dialbridge.jsonb_scalar_text(p_payload -> 'user_id') end);
  user_name := coalesce(dialbridge.jsonb_string(v_obj -> 'name'),
    nullif(pg_catalog.btrim(coalesce(dialbridge.jsonb_string(v_obj -> 'first_name'), '') || ' '
                            || coalesce(dialbridge.jsonb_string(v_obj -> 'last_name'), '')), ''),
    dialbridge.jsonb_string(p_payload -> 'user_name'));
  user_email := coalesce(dialbridge.jsonb_string(v_obj -> 'email'), dialbridge.jsonb_string(p_payload -> 'user_email'));
  return next;
end
$$;

/**
 * Reads one logged event into its normalised facts (the row is not stored here). Lenient on fields (a
 * malformed time or duration is left out), strict on what the event is for: an unknown event type raises
 * DB060 (the log row is marked skipped), an event that cannot mean anything raises DB061 (failed at
 * once: retrying cannot help; `npm run replay` after a fix). Messages never quote payload values.
 */
create or replace function dialbridge.normalize_phoneburner_event(p_log public.phoneburner_webhooks_log, p_zone text)
returns dialbridge.phoneburner_call_events
language plpgsql stable security invoker set search_path = ''
as $$
declare
  p jsonb := p_log.payload;
  t text := p_log.event_type;
  r dialbridge.phoneburner_call_events;
  v_obj jsonb;
  v_rep record;
  v_phone text;
  v_notes text;
  v_zone text;
begin
  r.log_id := p_log.id;
  r.event_id := p_log.event_id;
  r.event_type := t;
  r.extra := '{}'::jsonb;
  r.normalized_at := pg_catalog.now();
  r.is_start := false;
  r.call_id := coalesce(dialbridge.jsonb_scalar_text(p -> 'call_id'), dialbridge.jsonb_scalar_text(p -> 'call' -> 'id'),
                       dialbridge.jsonb_scalar_text(p -> 'callId'), dialbridge.jsonb_scalar_text(p -> 'call' -> 'call_id'));
  r.sourceco_contact_id := dialbridge.phoneburner_sourceco_id(p);
  if r.sourceco_contact_id is null
     and dialbridge.normalize_label(p -> 'contact' ->> 'crm_name') = 'sourceco' then
    r.sourceco_contact_id := dialbridge.jsonb_scalar_text(p -> 'contact' -> 'crm_id');  -- softphone_call_done
  end if;
  r.phoneburner_contact_id := coalesce(
    dialbridge.jsonb_scalar_text(p -> 'contact_id'), dialbridge.jsonb_scalar_text(p -> 'contact' -> 'id'),
    dialbridge.jsonb_scalar_text(p -> 'contact' -> 'user_id'), dialbridge.jsonb_scalar_text(p -> 'contact' -> 'contact_user_id'),
    dialbridge.jsonb_scalar_text(p -> 'contact_user_id'),
    case when t = 'api_contact_displayed' then dialbridge.jsonb_scalar_text(p -> 'user_id') end);
  r.phoneburner_session_id := coalesce(
    dialbridge.jsonb_scalar_text(p -> 'dial_session' -> 'id'), dialbridge.jsonb_scalar_text(p -> 'ds_id'),
    dialbridge.jsonb_scalar_text(p -> 'dial_session_id'), dialbridge.jsonb_scalar_text(p -> 'dialsession_id'),
    dialbridge.jsonb_scalar_text(p -> 'dialsession' -> 'id'));
  r.session_name := dialbridge.jsonb_string(p -> 'dial_session' -> 'name');
  select * into v_rep from dialbridge.phoneburner_event_rep(t, p);
  r.phoneburner_user_id := v_rep.user_id;
  r.user_name := v_rep.user_name;
  r.user_email := v_rep.user_email;
  v_phone := coalesce(dialbridge.jsonb_scalar_text(p -> 'call' -> 'to_number'), dialbridge.jsonb_scalar_text(p -> 'to_number'),
                      dialbridge.jsonb_scalar_text(p -> 'contact' -> 'phone'), dialbridge.jsonb_scalar_text(p -> 'phone'));
  r.phone_e164 := dialbridge.phone_e164_candidates(v_phone);
  r.event_at := coalesce(
    dialbridge.phoneburner_event_time(p -> 'timestamp', p_zone),
    case when t in ('api_calldone', 'softphone_call_done') then dialbridge.phoneburner_event_time(p -> 'end_time', p_zone) end,
    dialbridge.phoneburner_event_time(p -> 'start_time', p_zone),
    p_log.received_at);

  case t
  when 'call.started' then
    r.kind := 'call';
    r.is_start := true;
    r.started_at := coalesce(dialbridge.phoneburner_event_time(p -> 'call' -> 'started_at', p_zone),
                             dialbridge.phoneburner_event_time(p -> 'started_at', p_zone), r.event_at);
    r.extra := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'direction', coalesce(dialbridge.jsonb_string(p -> 'call' -> 'direction'), dialbridge.jsonb_string(p -> 'direction'))));

  when 'call.connected' then
    r.kind := 'call';
    v_obj := case when pg_catalog.jsonb_typeof(p -> 'connection_details') = 'object' then p -> 'connection_details' else p end;
    r.connected_at := coalesce(dialbridge.phoneburner_event_time(v_obj -> 'connected_at', p_zone),
                               dialbridge.phoneburner_event_time(p -> 'connected_at', p_zone), r.event_at);
    r.ring_seconds := coalesce(dialbridge.jsonb_seconds(v_obj -> 'ring_duration_seconds'),
                               dialbridge.jsonb_seconds(p -> 'ring_duration_seconds'));
    r.answered_by := dialbridge.phoneburner_answered_by(coalesce(dialbridge.jsonb_string(v_obj -> 'answered_by'),
                                                                 dialbridge.jsonb_string(p -> 'answered_by')));
    r.extra := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'detection_method', dialbridge.jsonb_string(v_obj -> 'detection_method'),
      'answered_by_sent', case when r.answered_by = 'unknown' then coalesce(dialbridge.jsonb_string(v_obj -> 'answered_by'),
                                                                             dialbridge.jsonb_string(p -> 'answered_by')) end));

  when 'call.ended' then
    r.kind := 'call';
    v_obj := case when pg_catalog.jsonb_typeof(p -> 'call_summary') = 'object' then p -> 'call_summary' else p end;
    r.ended_at := coalesce(dialbridge.phoneburner_event_time(v_obj -> 'ended_at', p_zone),
                           dialbridge.phoneburner_event_time(p -> 'ended_at', p_zone), r.event_at);
    r.total_seconds := coalesce(dialbridge.jsonb_seconds(v_obj -> 'total_duration_seconds'),
                                dialbridge.jsonb_seconds(p -> 'total_duration_seconds'),
                                dialbridge.jsonb_seconds(p -> 'call_duration'),
                                dialbridge.jsonb_seconds(p -> 'duration'));
    r.ring_seconds := coalesce(dialbridge.jsonb_seconds(v_obj -> 'ring_duration_seconds'),
                               dialbridge.jsonb_seconds(p -> 'ring_duration_seconds'));
    r.talk_seconds := coalesce(dialbridge.jsonb_seconds(v_obj -> 'talk_duration_seconds'),
                               dialbridge.jsonb_seconds(p -> 'talk_duration_seconds'),
                               dialbridge.jsonb_seconds(p -> 'talk_time_seconds'),
                               dialbridge.jsonb_seconds(p -> 'talk_time'));
    r.outcome := dialbridge.phoneburner_outcome(coalesce(dialbridge.jsonb_string(v_obj -> 'outcome'),
                                                         dialbridge.jsonb_string(p -> 'outcome')));
    if pg_catalog.jsonb_typeof(p -> 'recording') = 'object' then
      if dialbridge.jsonb_flag(p -> 'recording' -> 'available') is distinct from false then
        r.recording_url := dialbridge.jsonb_string(p -> 'recording' -> 'url');
        r.recording_seconds := dialbridge.jsonb_seconds(p -> 'recording' -> 'duration_seconds');
      end if;
    else
      r.recording_url := dialbridge.jsonb_string(p -> 'recording_url');
      r.recording_seconds := coalesce(dialbridge.jsonb_seconds(p -> 'recording_duration'),
                                      dialbridge.jsonb_seconds(p -> 'recording_duration_seconds'));
    end if;
    r.extra := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'outcome_sent', case when r.outcome is null then coalesce(dialbridge.jsonb_string(v_obj -> 'outcome'),
                                                                dialbridge.jsonb_string(p -> 'outcome')) end,
      'disconnect_reason', dialbridge.jsonb_string(v_obj -> 'disconnect_reason'),
      'disconnected_by', dialbridge.jsonb_string(v_obj -> 'disconnected_by'),
      'hold_seconds', dialbridge.jsonb_seconds(v_obj -> 'hold_duration_seconds')));

  when 'disposition.set' then
    r.kind := 'call';
    v_obj := case when pg_catalog.jsonb_typeof(p -> 'disposition') = 'object' then p -> 'disposition' else '{}'::jsonb end;
    r.disposition_code := coalesce(dialbridge.jsonb_scalar_text(v_obj -> 'code'), dialbridge.jsonb_scalar_text(p -> 'disposition_code'),
                                   dialbridge.jsonb_scalar_text(p -> 'disposition_id'));
    r.disposition_label := coalesce(dialbridge.jsonb_string(v_obj -> 'label'), dialbridge.jsonb_string(v_obj -> 'name'),
                                    dialbridge.jsonb_string(p -> 'disposition_label'), dialbridge.jsonb_string(p -> 'disposition_name'),
                                    dialbridge.jsonb_string(p -> 'disposition'));
    if r.disposition_code is null and r.disposition_label is null then
      raise exception 'disposition.set carries neither a disposition code nor a label' using errcode = 'DB061';
    end if;
    r.disposition_category := pg_catalog.lower(dialbridge.jsonb_string(v_obj -> 'category'));
    if r.disposition_category not in ('positive', 'neutral', 'negative', 'administrative') then
      r.disposition_category := null;
    end if;
    r.disposition_notes := coalesce(dialbridge.jsonb_string(v_obj -> 'notes'), dialbridge.jsonb_string(p -> 'notes'));
    r.disposition_at := coalesce(dialbridge.phoneburner_event_time(v_obj -> 'set_at', p_zone), r.event_at);
    r.callback_at := coalesce(dialbridge.phoneburner_event_time(v_obj -> 'callback_date', p_zone),
                              dialbridge.phoneburner_event_time(p -> 'callback_date', p_zone));
    if r.callback_at is not null then
      r.callback_details := pg_catalog.jsonb_build_object('source', t);
    end if;

  when 'callback.scheduled' then
    r.kind := 'callback';
    v_obj := case when pg_catalog.jsonb_typeof(p -> 'callback') = 'object' then p -> 'callback' else '{}'::jsonb end;
    v_zone := coalesce(dialbridge.jsonb_string(v_obj -> 'timezone'), p_zone);
    r.callback_at := coalesce(dialbridge.phoneburner_event_time(v_obj -> 'scheduled_for', v_zone),
                              dialbridge.phoneburner_event_time(p -> 'callback_date', v_zone),
                              dialbridge.phoneburner_event_time(p -> 'scheduled_for', v_zone));
    if r.callback_at is null then
      raise exception 'callback.scheduled carries no valid callback time' using errcode = 'DB061';
    end if;
    r.callback_notes := coalesce(dialbridge.jsonb_string(v_obj -> 'notes'), dialbridge.jsonb_string(p -> 'callback_notes'),
                                 dialbridge.jsonb_string(p -> 'notes'));
    r.callback_details := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'source', t,
      'timezone', dialbridge.jsonb_string(v_obj -> 'timezone'),
      'reminder_enabled', dialbridge.jsonb_flag(v_obj -> 'reminder_enabled'),
      'reminder_minutes_before', dialbridge.jsonb_seconds(v_obj -> 'reminder_minutes_before'),
      'auto_dial', dialbridge.jsonb_flag(v_obj -> 'auto_dial')));

  when 'contact.updated' then
    r.kind := 'contact_update';
    if pg_catalog.jsonb_typeof(p -> 'changes') is distinct from 'object' or p -> 'changes' = '{}'::jsonb then
      raise exception 'contact.updated carries no changes object' using errcode = 'DB061';
    end if;
    r.changes := p -> 'changes';
    r.updated_by := case
      when pg_catalog.jsonb_typeof(p -> 'updated_by') = 'object' then pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
        'user_id', coalesce(dialbridge.jsonb_scalar_text(p -> 'updated_by' -> 'user_id'),
                            dialbridge.jsonb_scalar_text(p -> 'updated_by' -> 'id')),
        'name', dialbridge.jsonb_string(p -> 'updated_by' -> 'name'),
        'email', dialbridge.jsonb_string(p -> 'updated_by' -> 'email')))
      when dialbridge.jsonb_scalar_text(p -> 'updated_by') is not null then
        pg_catalog.jsonb_build_object('user_id', dialbridge.jsonb_scalar_text(p -> 'updated_by'))
    end;
    r.phone_e164 := '{}';

  when 'api_callbegin' then
    r.kind := 'call';
    r.is_start := true;
    r.started_at := coalesce(dialbridge.phoneburner_event_time(p -> 'start_time', p_zone), r.event_at);
    r.extra := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object('direction', dialbridge.jsonb_string(p -> 'direction')));

  when 'api_calldone', 'softphone_call_done' then
    r.kind := 'call';
    r.started_at := dialbridge.phoneburner_event_time(p -> 'start_time', p_zone);
    r.ended_at := dialbridge.phoneburner_event_time(p -> 'end_time', p_zone);
    r.total_seconds := dialbridge.jsonb_seconds(p -> 'duration');
    r.connected := dialbridge.jsonb_flag(p -> 'connected');
    r.disposition_label := coalesce(dialbridge.jsonb_string(p -> 'status'), dialbridge.jsonb_string(p -> 'disposition'));
    r.disposition_code := dialbridge.jsonb_scalar_text(p -> 'disposition_code');
    if pg_catalog.jsonb_typeof(p -> 'call_notes') = 'array' then
      select nullif(pg_catalog.string_agg(pg_catalog.btrim(n #>> '{}'), E'\n' order by o), '') into v_notes
        from pg_catalog.jsonb_array_elements(p -> 'call_notes') with ordinality as x(n, o)
       where pg_catalog.jsonb_typeof(n) = 'string' and pg_catalog.btrim(n #>> '{}') <> '';
    else
      v_notes := dialbridge.jsonb_string(p -> 'call_notes');
    end if;
    r.disposition_notes := v_notes;
    if r.disposition_label is not null or r.disposition_code is not null then
      r.disposition_at := coalesce(r.ended_at, r.event_at);
    end if;
    r.recording_url := coalesce(dialbridge.jsonb_string(p -> 'recording_url_public'), dialbridge.jsonb_string(p -> 'recording_url'));
    r.callback_at := dialbridge.phoneburner_event_time(p -> 'follow_up', p_zone);
    if r.callback_at is not null then
      r.callback_details := pg_catalog.jsonb_build_object('source', t || '.follow_up');
    end if;
    r.extra := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object('direction', dialbridge.jsonb_string(p -> 'direction')));

  when 'api_contact_displayed' then
    r.kind := 'contact_displayed';

  else
    raise exception 'event type % is not projected', pg_catalog.left(t, 100) using errcode = 'DB060';
  end case;

  r.subject := case
    when r.kind not in ('call', 'callback') then null
    when r.phoneburner_contact_id is not null then 'pb:' || r.phoneburner_contact_id
    when r.sourceco_contact_id is not null then 'sc:' || r.sourceco_contact_id
    when pg_catalog.cardinality(r.phone_e164) > 0 then 'tel:' || r.phone_e164[1]
  end;
  r.call_key := case
    when r.kind not in ('call', 'callback') then null
    when r.call_id is not null then 'phoneburner:call:' || r.call_id
    when r.subject is null then 'phoneburner:call:idless:' || r.event_id
    else 'phoneburner:call:idless:' || r.event_id  -- provisional: dialbridge.phoneburner_idless_call_key decides
  end;
  return r;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- Correlating events without a call id
-- ---------------------------------------------------------------------------------------------------
-- Rules (G1 = 2 hours, G2 = 12 hours), reading only the subject's events' times, kinds and ids:
--   * a start S (call.started without call id) joins the earliest event with a call id of the same subject
--     in [S, S + G1] if no other start lies between them; otherwise it opens the call idless:<S's event id>;
--   * any other event E joins the call of the latest start of its subject in [E - G2, E]; without one, the
--     call of the nearest event with a call id within G1; without one, idless:<event id of the earliest
--     such event of the subject in [E - G1, E]>.
-- Every event's key is therefore a function of the set of events, not of their arrival order. Known limit:
-- a call that has no start event at all and lasts longer than G1 is split in two.

/** The call a start event without call id opens or joins (see the rules above). */
create or replace function dialbridge.phoneburner_idless_start_key(p_subject text, p_at timestamptz, p_event_id text)
returns text
language sql stable security invoker set search_path = ''
as $$
  select coalesce(
    (select 'phoneburner:call:' || g.call_id
       from dialbridge.phoneburner_call_events g
      where g.subject = p_subject and g.call_id is not null and g.kind in ('call', 'callback')
        and g.event_at >= p_at and g.event_at <= p_at + interval '2 hours'
        and not exists (
          select 1 from dialbridge.phoneburner_call_events s
           where s.subject = p_subject and s.call_id is null and s.is_start
             and (s.event_at, s.event_id) > (p_at, p_event_id) and s.event_at <= g.event_at)
      order by g.event_at, g.event_id
      limit 1),
    'phoneburner:call:idless:' || p_event_id)
$$;

/** The call key of a stored event (for events with a call id: phoneburner:call:<id>). */
create or replace function dialbridge.phoneburner_idless_call_key(p_log_id bigint) returns text
language plpgsql stable security invoker set search_path = ''
as $$
declare
  f dialbridge.phoneburner_call_events;
  v_key text;
begin
  select * into f from dialbridge.phoneburner_call_events e where e.log_id = p_log_id;
  if not found or f.kind not in ('call', 'callback') then
    return null;
  end if;
  if f.call_id is not null then
    return 'phoneburner:call:' || f.call_id;
  end if;
  if f.subject is null then
    return 'phoneburner:call:idless:' || f.event_id;
  end if;
  if f.is_start then
    return dialbridge.phoneburner_idless_start_key(f.subject, f.event_at, f.event_id);
  end if;

  select dialbridge.phoneburner_idless_start_key(s.subject, s.event_at, s.event_id) into v_key
    from dialbridge.phoneburner_call_events s
   where s.subject = f.subject and s.call_id is null and s.is_start
     and s.event_at <= f.event_at and s.event_at >= f.event_at - interval '12 hours'
   order by s.event_at desc, s.event_id desc
   limit 1;
  if v_key is not null then
    return v_key;
  end if;

  select 'phoneburner:call:' || g.call_id into v_key
    from dialbridge.phoneburner_call_events g
   where g.subject = f.subject and g.call_id is not null and g.kind in ('call', 'callback')
     and g.event_at between f.event_at - interval '2 hours' and f.event_at + interval '2 hours'
   order by pg_catalog.abs(extract(epoch from g.event_at - f.event_at)), g.event_at, g.event_id
   limit 1;
  if v_key is not null then
    return v_key;
  end if;

  select 'phoneburner:call:idless:' || e.event_id into v_key
    from dialbridge.phoneburner_call_events e
   where e.subject = f.subject and e.call_id is null and not e.is_start and e.kind in ('call', 'callback')
     and e.event_at between f.event_at - interval '2 hours' and f.event_at
   order by e.event_at, e.event_id
   limit 1;
  return coalesce(v_key, 'phoneburner:call:idless:' || f.event_id);
end
$$;

/**
 * Re-derives the call keys of a subject's events without call id around a time (the window every key a
 * new event can change lies in) and returns the keys whose events changed: old and new.
 */
create or replace function dialbridge.phoneburner_reassign_idless(p_subject text, p_at timestamptz) returns text[]
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_fact record;
  v_key text;
  v_changed text[] := '{}';
begin
  if p_subject is null then
    return v_changed;
  end if;
  for v_fact in
    select e.log_id, e.call_key
      from dialbridge.phoneburner_call_events e
     where e.subject = p_subject and e.call_id is null and e.kind in ('call', 'callback')
       and e.event_at between p_at - interval '14 hours' and p_at + interval '14 hours'
     order by e.event_at, e.event_id
  loop
    v_key := dialbridge.phoneburner_idless_call_key(v_fact.log_id);
    if v_key is distinct from v_fact.call_key then
      update dialbridge.phoneburner_call_events set call_key = v_key where log_id = v_fact.log_id;
      v_changed := v_changed || array[v_fact.call_key, v_key];
    end if;
  end loop;
  return v_changed;
end
$$;

revoke execute on all functions in schema dialbridge from public;
grant execute on function dialbridge.phoneburner_time_zone(), dialbridge.phoneburner_event_time(jsonb, text),
  dialbridge.jsonb_seconds(jsonb), dialbridge.jsonb_flag(jsonb), dialbridge.jsonb_string(jsonb), dialbridge.jsonb_scalar_text(jsonb),
  dialbridge.phone_e164_candidates(text), dialbridge.phoneburner_answered_by(text), dialbridge.phoneburner_outcome(text)
  to service_role;

-- migrate:down
-- Migrations are append-only (roll forward with a new one); this block stays empty so that
-- `supabase db push`, which runs the whole file, applies only the up part.
