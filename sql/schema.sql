--
-- PostgreSQL database dump
--

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: dialbridge; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA dialbridge;

--
-- Name: SCHEMA dialbridge; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA dialbridge IS 'dialbridge internals: helpers, trigger functions, event projection. Not exposed through the API.';

--
-- Name: reports; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA reports;

--
-- Name: SCHEMA reports; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA reports IS 'dialbridge reports: documented views (and a few RPCs) read by Metabase and by the frontend through PostgREST. Rows follow the caller''s team (RLS); Metabase sees every team.';

--
-- Name: activity_delta; Type: TYPE; Schema: dialbridge; Owner: -
--

CREATE TYPE dialbridge.activity_delta AS (
	sign integer,
	day date,
	team_id uuid,
	user_id uuid,
	session_id uuid,
	contact_id uuid,
	disposition_code text,
	label_key text,
	calls integer,
	connections integer,
	decision_maker_conversations integer,
	gatekeeper_conversations integer,
	voicemails integer,
	no_answers integer,
	talk_time_seconds bigint,
	call_duration_seconds bigint,
	dispositioned_calls integer,
	callbacks_scheduled integer,
	outcome_group text,
	is_meeting boolean
);

--
-- Name: TYPE activity_delta; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON TYPE dialbridge.activity_delta IS 'A signed, classified contribution of one contact_activities row (-1: as it was, +1: as it is).';

--
-- Name: activity_stat_delta; Type: TYPE; Schema: dialbridge; Owner: -
--

CREATE TYPE dialbridge.activity_stat_delta AS (
	sign integer,
	activity_id uuid,
	dedupe_key text,
	contact_id uuid,
	session_id uuid,
	disposition_code text,
	disposition_label text,
	disposition_notes text,
	is_call integer,
	is_connected integer,
	is_decision_maker integer,
	is_gatekeeper integer,
	is_voicemail integer,
	is_no_answer integer,
	duration_seconds integer,
	talk_seconds integer,
	attempt_at timestamp with time zone,
	connected_at timestamp with time zone,
	disposition_at timestamp with time zone,
	engaged_at timestamp with time zone,
	activity_at timestamp with time zone,
	is_qualified integer,
	is_meeting integer,
	is_disqualified integer,
	is_callback integer,
	member_stage integer
);

--
-- Name: disposition_step; Type: TYPE; Schema: dialbridge; Owner: -
--

CREATE TYPE dialbridge.disposition_step AS (
	activity_id uuid,
	contact_id uuid,
	mapping_id uuid,
	has_prev boolean,
	same_mapping boolean,
	prev_mapping_id uuid,
	prev_task_id uuid,
	prev_run_id uuid,
	set_at timestamp with time zone,
	label text,
	rep_id uuid,
	team_id uuid,
	dialed text
);

--
-- Name: last_disposition; Type: TYPE; Schema: dialbridge; Owner: -
--

CREATE TYPE dialbridge.last_disposition AS (
	code text,
	label text,
	set_at timestamp with time zone,
	notes text
);

--
-- Name: segment_delta; Type: TYPE; Schema: dialbridge; Owner: -
--

CREATE TYPE dialbridge.segment_delta AS (
	team_id uuid,
	day date,
	dimension text,
	value text,
	disposition_code text,
	label_key text,
	calls integer,
	connections integer,
	decision_maker_conversations integer,
	gatekeeper_conversations integer,
	voicemails integer,
	no_answers integer,
	talk_time_seconds bigint,
	call_duration_seconds bigint,
	dispositioned_calls integer,
	callbacks_scheduled integer
);

--
-- Name: TYPE segment_delta; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON TYPE dialbridge.segment_delta IS 'A signed contribution to dialbridge.segment_daily_stats.';

--
-- Name: text/csv; Type: DOMAIN; Schema: reports; Owner: -
--

CREATE DOMAIN reports."text/csv" AS text;

--
-- Name: DOMAIN "text/csv"; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON DOMAIN reports."text/csv" IS 'CSV text; PostgREST serves functions returning it as text/csv.';

--
-- Name: acquire_phoneburner_lease(uuid, text, integer); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.acquire_phoneburner_lease(p_user_id uuid, p_holder text, p_ttl_seconds integer DEFAULT 150) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_got boolean;
begin
  insert into dialbridge.phoneburner_account_leases as l (user_id, holder, acquired_at, expires_at)
  values (p_user_id, p_holder, now(), pg_catalog.clock_timestamp() + pg_catalog.make_interval(secs => p_ttl_seconds))
  on conflict (user_id) do update
    set holder = excluded.holder,
        acquired_at = case when l.holder = excluded.holder then l.acquired_at else excluded.acquired_at end,
        expires_at = excluded.expires_at
    where l.holder = excluded.holder or l.expires_at < pg_catalog.clock_timestamp()
  returning true into v_got;
  return coalesce(v_got, false);
end
$$;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: contact_activities; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contact_activities (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    contact_id uuid,
    user_id uuid,
    phoneburner_session_id uuid,
    team_id uuid,
    activity_type text NOT NULL,
    source_system text DEFAULT 'phoneburner'::text NOT NULL,
    matching_status text DEFAULT 'matched'::text NOT NULL,
    dedupe_key text,
    call_started_at timestamp with time zone,
    call_connected_at timestamp with time zone,
    call_ended_at timestamp with time zone,
    ring_duration_seconds integer,
    call_duration_seconds integer,
    talk_time_seconds integer,
    call_outcome text,
    answered_by text,
    disposition_code text,
    disposition_label text,
    disposition_notes text,
    disposition_set_at timestamp with time zone,
    callback_scheduled_date timestamp with time zone,
    callback_completed_at timestamp with time zone,
    callback_outcome text,
    recording_url text,
    recording_duration_seconds integer,
    recording_transcription text,
    user_name text,
    user_email text,
    phoneburner_call_id text,
    phoneburner_contact_id text,
    phoneburner_event_id text,
    details jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted_at timestamp with time zone,
    CONSTRAINT contact_activities_activity_type_check CHECK ((activity_type = ANY (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text, 'callback_scheduled'::text, 'voicemail_left'::text, 'email_sent'::text, 'email_opened'::text, 'meeting_scheduled'::text, 'contact_updated'::text, 'note'::text]))),
    CONSTRAINT contact_activities_answered_by_check CHECK ((answered_by = ANY (ARRAY['decision_maker'::text, 'gatekeeper'::text, 'voicemail'::text, 'answering_service'::text, 'unknown'::text]))),
    CONSTRAINT contact_activities_call_outcome_check CHECK ((call_outcome = ANY (ARRAY['connected'::text, 'voicemail'::text, 'no_answer'::text, 'busy'::text, 'failed'::text, 'rejected'::text]))),
    CONSTRAINT contact_activities_callback_outcome_check CHECK ((callback_outcome = ANY (ARRAY['completed'::text, 'rescheduled'::text, 'missed'::text, 'cancelled'::text]))),
    CONSTRAINT contact_activities_durations_check CHECK (((COALESCE(call_duration_seconds, 0) >= 0) AND (COALESCE(talk_time_seconds, 0) >= 0) AND (COALESCE(ring_duration_seconds, 0) >= 0) AND (COALESCE(recording_duration_seconds, 0) >= 0))),
    CONSTRAINT contact_activities_matching_status_check CHECK ((matching_status = ANY (ARRAY['matched'::text, 'unmatched'::text, 'manually_linked'::text]))),
    CONSTRAINT contact_activities_source_system_check CHECK ((source_system = ANY (ARRAY['phoneburner'::text, 'sourceco_platform'::text, 'manual'::text, 'manual_entry'::text, 'email_automation'::text, 'voipstudio'::text, 'bolna'::text]))),
    CONSTRAINT contact_activities_unmatched_has_no_contact_check CHECK (((matching_status <> 'unmatched'::text) OR (contact_id IS NULL)))
);

--
-- Name: TABLE contact_activities; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.contact_activities IS 'Contact timeline: one row per call (all its dialer events merged), plus callbacks, contact changes and manual entries.';

--
-- Name: COLUMN contact_activities.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.id IS 'Activity id (uuid).';

--
-- Name: COLUMN contact_activities.contact_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.contact_id IS 'The contact; null while the call is unmatched (or after the contact was deleted: its calls are kept).';

--
-- Name: COLUMN contact_activities.user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.user_id IS 'Rep who made the call.';

--
-- Name: COLUMN contact_activities.phoneburner_session_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.phoneburner_session_id IS 'Dial session the call belongs to (our session id).';

--
-- Name: COLUMN contact_activities.team_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.team_id IS 'Team the activity belongs to.';

--
-- Name: COLUMN contact_activities.activity_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.activity_type IS 'call_attempt, call_connected, call_completed, disposition_set (furthest stage a call reached), or callback_scheduled, contact_updated, voicemail_left, email_sent, email_opened, meeting_scheduled, note.';

--
-- Name: COLUMN contact_activities.source_system; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.source_system IS 'phoneburner, manual (logged by hand), sourceco_platform, voipstudio, bolna, …';

--
-- Name: COLUMN contact_activities.matching_status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.matching_status IS 'matched, unmatched (no contact found yet) or manually_linked.';

--
-- Name: COLUMN contact_activities.dedupe_key; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.dedupe_key IS 'Natural key of the activity (provider + call id + kind): makes ingestion idempotent.';

--
-- Name: COLUMN contact_activities.call_started_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.call_started_at IS 'When dialing began.';

--
-- Name: COLUMN contact_activities.call_connected_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.call_connected_at IS 'When the call was answered.';

--
-- Name: COLUMN contact_activities.call_ended_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.call_ended_at IS 'When the call ended.';

--
-- Name: COLUMN contact_activities.ring_duration_seconds; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.ring_duration_seconds IS 'Ringing time, seconds.';

--
-- Name: COLUMN contact_activities.call_duration_seconds; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.call_duration_seconds IS 'Total call duration (ringing + talk), seconds.';

--
-- Name: COLUMN contact_activities.talk_time_seconds; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.talk_time_seconds IS 'Conversation time, seconds.';

--
-- Name: COLUMN contact_activities.call_outcome; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.call_outcome IS 'connected, voicemail, no_answer, busy, failed or rejected.';

--
-- Name: COLUMN contact_activities.answered_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.answered_by IS 'decision_maker, gatekeeper, voicemail, answering_service or unknown.';

--
-- Name: COLUMN contact_activities.disposition_code; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.disposition_code IS 'Disposition code (seed contract) or the code of the mapping matched by label (real PhoneBurner).';

--
-- Name: COLUMN contact_activities.disposition_label; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.disposition_label IS 'Disposition label as the rep chose it.';

--
-- Name: COLUMN contact_activities.disposition_notes; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.disposition_notes IS 'Rep''s call notes.';

--
-- Name: COLUMN contact_activities.disposition_set_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.disposition_set_at IS 'When the disposition was set.';

--
-- Name: COLUMN contact_activities.callback_scheduled_date; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.callback_scheduled_date IS 'When the scheduled callback is due.';

--
-- Name: COLUMN contact_activities.callback_completed_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.callback_completed_at IS 'When the callback was made.';

--
-- Name: COLUMN contact_activities.callback_outcome; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.callback_outcome IS 'completed, rescheduled, missed or cancelled.';

--
-- Name: COLUMN contact_activities.recording_url; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.recording_url IS 'Link to the call recording.';

--
-- Name: COLUMN contact_activities.recording_duration_seconds; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.recording_duration_seconds IS 'Recording length, seconds.';

--
-- Name: COLUMN contact_activities.recording_transcription; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.recording_transcription IS 'Transcript, when available.';

--
-- Name: COLUMN contact_activities.user_name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.user_name IS 'Rep name at the time of the call.';

--
-- Name: COLUMN contact_activities.user_email; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.user_email IS 'Rep email at the time of the call.';

--
-- Name: COLUMN contact_activities.phoneburner_call_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.phoneburner_call_id IS 'PhoneBurner''s call id.';

--
-- Name: COLUMN contact_activities.phoneburner_contact_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.phoneburner_contact_id IS 'PhoneBurner''s contact id.';

--
-- Name: COLUMN contact_activities.phoneburner_event_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.phoneburner_event_id IS 'Event id of the first event that created the row.';

--
-- Name: COLUMN contact_activities.details; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.details IS 'Extra context (changed fields of contact_updated, callback notes, …).';

--
-- Name: COLUMN contact_activities.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.created_at IS 'When the activity was recorded.';

--
-- Name: COLUMN contact_activities.updated_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.updated_at IS 'When the activity last changed (a later event of the same call, a note).';

--
-- Name: COLUMN contact_activities.deleted_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.deleted_at IS 'Soft delete (records are kept for audit).';

--
-- Name: activity_call_stats(public.contact_activities); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.activity_call_stats(a public.contact_activities) RETURNS TABLE(is_call integer, is_connected integer, is_decision_maker integer, is_gatekeeper integer, is_voicemail integer, is_no_answer integer, duration_seconds integer, talk_seconds integer, attempt_at timestamp with time zone, connected_at timestamp with time zone, disposition_at timestamp with time zone, engaged_at timestamp with time zone, activity_at timestamp with time zone, is_qualified integer, is_meeting integer, is_disqualified integer, is_callback integer, member_stage integer)
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
  select
    k.call::integer,
    k.connected::integer,
    coalesce(k.connected and a.answered_by = 'decision_maker', false)::integer,
    coalesce(k.connected and a.answered_by = 'gatekeeper', false)::integer,
    coalesce(k.call and a.call_outcome = 'voicemail', false)::integer,
    coalesce(k.call and a.call_outcome in ('no_answer', 'busy'), false)::integer,
    case when k.call then coalesce(a.call_duration_seconds, 0) else 0 end,
    case when k.connected then coalesce(a.talk_time_seconds, 0) else 0 end,
    case when k.call then a.call_started_at end,
    case when k.connected then coalesce(a.call_connected_at, a.call_started_at) end,
    case when k.call and coalesce(a.disposition_code, a.disposition_label) is not null then a.disposition_set_at end,
    case when k.connected and a.talk_time_seconds > 120
          and coalesce(m.category, a.details ->> 'disposition_category') = 'positive'
         then coalesce(a.call_connected_at, a.call_started_at) end,
    case when k.call then greatest(a.call_started_at, a.call_connected_at, a.call_ended_at, a.disposition_set_at) end,
    coalesce(k.call and m.sourceco_contact_status = 'Qualified', false)::integer,
    coalesce(k.call and (m.phoneburner_disposition_code = 'MEETING_SET' or m.sourceco_contact_stage = 'Meeting Set'), false)::integer,
    coalesce(k.call and m.sourceco_contact_status = 'Disqualified', false)::integer,
    coalesce(a.deleted_at is null and a.activity_type = 'callback_scheduled', false)::integer,
    case when not k.call then 0
         when coalesce(a.disposition_code, a.disposition_label) is not null then 3
         when k.connected then 2
         else 1 end
  from (select coalesce(a.deleted_at is null and a.activity_type in ('call_attempt', 'call_connected', 'call_completed',
                                                                     'disposition_set', 'voicemail_left'), false) as call,
               coalesce(a.deleted_at is null and a.activity_type in ('call_attempt', 'call_connected', 'call_completed',
                                                                     'disposition_set', 'voicemail_left')
                        and a.call_outcome = 'connected', false) as connected) k
  left join public.disposition_mappings m
    on k.call and a.disposition_code is not null
   and m.phoneburner_disposition_code = a.disposition_code and m.is_active
$$;

--
-- Name: activity_deltas(public.contact_activities[], public.contact_activities[]); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.activity_deltas(p_old public.contact_activities[], p_new public.contact_activities[]) RETURNS dialbridge.activity_delta[]
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select pg_catalog.array_agg(row(d.sign, d.day, d.team_id, d.user_id, d.session_id, d.contact_id, d.disposition_code,
           d.label_key, d.calls, d.connections, d.decision_maker_conversations, d.gatekeeper_conversations, d.voicemails, d.no_answers, d.talk_time_seconds, d.call_duration_seconds, d.dispositioned_calls, d.callbacks_scheduled,
           coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end,
                    case when d.disposition_code <> '' or d.label_key <> '' then 'unmapped' else 'none' end),
           coalesce(case when cc.match_key is not null then cc.is_meeting else cl.is_meeting end, false)
         )::dialbridge.activity_delta)
    from (select -1 as sign, f.* from pg_catalog.unnest(p_old) o cross join lateral dialbridge.activity_facts(o) f
          union all
          select 1, f.* from pg_catalog.unnest(p_new) n cross join lateral dialbridge.activity_facts(n) f) d
    left join dialbridge.disposition_classes cc on d.disposition_code <> '' and cc.match_key = 'c:' || d.disposition_code
    left join dialbridge.disposition_classes cl on d.label_key <> '' and cl.match_key = 'l:' || d.label_key
$$;

--
-- Name: activity_facts(public.contact_activities); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.activity_facts(a public.contact_activities) RETURNS TABLE(day date, team_id uuid, user_id uuid, session_id uuid, contact_id uuid, disposition_code text, label_key text, calls integer, connections integer, decision_maker_conversations integer, gatekeeper_conversations integer, voicemails integer, no_answers integer, talk_time_seconds bigint, call_duration_seconds bigint, dispositioned_calls integer, callbacks_scheduled integer)
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
  select (coalesce(a.call_started_at, a.disposition_set_at, a.created_at)
            at time zone (select s.time_zone from dialbridge.report_settings s))::date,
         a.team_id, a.user_id, a.phoneburner_session_id, a.contact_id,
         case when k.is_call then coalesce(nullif(pg_catalog.upper(pg_catalog.btrim(a.disposition_code)), ''), '') else '' end,
         case when k.is_call then coalesce(dialbridge.normalize_label(a.disposition_label), '') else '' end,
         k.is_call::integer,
         k.is_connected::integer,
         coalesce(k.is_connected and a.answered_by operator(pg_catalog.=) 'decision_maker', false)::integer,
         coalesce(k.is_connected and a.answered_by operator(pg_catalog.=) 'gatekeeper', false)::integer,
         coalesce(k.is_call and a.call_outcome operator(pg_catalog.=) 'voicemail', false)::integer,
         coalesce(k.is_call and a.call_outcome operator(pg_catalog.=) any (array['no_answer', 'busy']), false)::integer,
         case when k.is_connected then coalesce(a.talk_time_seconds, 0)::bigint else 0::bigint end,
         case when k.is_call then coalesce(a.call_duration_seconds, 0)::bigint else 0::bigint end,
         (k.is_call and (nullif(pg_catalog.btrim(a.disposition_code), '') is not null
                         or nullif(pg_catalog.btrim(a.disposition_label), '') is not null))::integer,
         coalesce(a.activity_type operator(pg_catalog.=) 'callback_scheduled', false)::integer
    from (select c.is_call, coalesce(c.is_call and a.call_outcome operator(pg_catalog.=) 'connected', false) as is_connected
            from (select a.activity_type operator(pg_catalog.=) any
                           (array['call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left'])
                           as is_call) c) k
   where a.deleted_at is null
     and (k.is_call or a.activity_type operator(pg_catalog.=) 'callback_scheduled')
$$;

--
-- Name: activity_stat_deltas(public.contact_activities[], public.contact_activities[]); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.activity_stat_deltas(p_old public.contact_activities[], p_new public.contact_activities[]) RETURNS dialbridge.activity_stat_delta[]
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
-- plpgsql rather than sql: it keeps its plan for the session (a non-inlined SQL function is planned anew
-- on every call, which cost more than the work itself)
begin
  return (
  with o as (
    select x.id, x.dedupe_key, x.contact_id, x.phoneburner_session_id as session_id,
           x.disposition_code, x.disposition_label, x.disposition_notes, s.*
      from unnest(p_old) x cross join lateral dialbridge.activity_call_stats(x) s
     where s.is_call = 1 or s.is_callback = 1
  ), n as (
    select x.id, x.dedupe_key, x.contact_id, x.phoneburner_session_id as session_id,
           x.disposition_code, x.disposition_label, x.disposition_notes, s.*
      from unnest(p_new) x cross join lateral dialbridge.activity_call_stats(x) s
     where s.is_call = 1 or s.is_callback = 1
  )
  select array_agg(d)
    from (
      select row(-1, o.id, o.dedupe_key, o.contact_id, o.session_id, o.disposition_code, o.disposition_label,
                 o.disposition_notes, o.is_call, o.is_connected, o.is_decision_maker, o.is_gatekeeper, o.is_voicemail,
                 o.is_no_answer, o.duration_seconds, o.talk_seconds, o.attempt_at, o.connected_at, o.disposition_at,
                 o.engaged_at, o.activity_at, o.is_qualified, o.is_meeting, o.is_disqualified, o.is_callback,
                 o.member_stage)::dialbridge.activity_stat_delta as d
        from o where not exists (select 1 from n where n.id = o.id and row(o.*) is not distinct from row(n.*))
      union all
      select row(1, n.id, n.dedupe_key, n.contact_id, n.session_id, n.disposition_code, n.disposition_label,
                 n.disposition_notes, n.is_call, n.is_connected, n.is_decision_maker, n.is_gatekeeper, n.is_voicemail,
                 n.is_no_answer, n.duration_seconds, n.talk_seconds, n.attempt_at, n.connected_at, n.disposition_at,
                 n.engaged_at, n.activity_at, n.is_qualified, n.is_meeting, n.is_disqualified, n.is_callback,
                 n.member_stage)::dialbridge.activity_stat_delta
        from n where not exists (select 1 from o where o.id = n.id and row(o.*) is not distinct from row(n.*))
    ) x);
end
$$;

--
-- Name: apply_activity_changes(public.contact_activities[], public.contact_activities[]); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.apply_activity_changes(p_old public.contact_activities[], p_new public.contact_activities[]) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_deltas dialbridge.activity_delta[];
  v_contacts uuid[];
  v_rescore uuid[];
  v_zero bigint[];
  v_zero_totals bigint[];
  v_segments dialbridge.segment_delta[];
begin
  v_deltas := dialbridge.activity_deltas(p_old, p_new);
  if v_deltas is null then
    return;  -- no call or callback among the rows
  end if;

  -- Contacts first, in id order: their segment columns are read below and their score written last.
  select coalesce(pg_catalog.array_agg(distinct d.contact_id order by d.contact_id), '{}') into v_contacts
    from pg_catalog.unnest(v_deltas) d where d.contact_id is not null;
  perform 1 from public.contacts c where c.id = any (v_contacts) order by c.id for no key update;

  -- Per rep, day and disposition
  with g as (
    select d.team_id,
           d.user_id,
           d.day,
           d.disposition_code,
           d.label_key,
           sum(d.sign * d.calls)::integer as calls,
           sum(d.sign * d.connections)::integer as connections,
           sum(d.sign * d.decision_maker_conversations)::integer as decision_maker_conversations,
           sum(d.sign * d.gatekeeper_conversations)::integer as gatekeeper_conversations,
           sum(d.sign * d.voicemails)::integer as voicemails,
           sum(d.sign * d.no_answers)::integer as no_answers,
           sum(d.sign * d.talk_time_seconds)::bigint as talk_time_seconds,
           sum(d.sign * d.call_duration_seconds)::bigint as call_duration_seconds,
           sum(d.sign * d.dispositioned_calls)::integer as dispositioned_calls,
           sum(d.sign * d.callbacks_scheduled)::integer as callbacks_scheduled
      from pg_catalog.unnest(v_deltas) d
     group by d.team_id, d.user_id, d.day, d.disposition_code, d.label_key
  ), up as (
    insert into dialbridge.rep_daily_stats as t (team_id, user_id, day, disposition_code, label_key, calls, connections, decision_maker_conversations, gatekeeper_conversations, voicemails, no_answers, talk_time_seconds, call_duration_seconds, dispositioned_calls, callbacks_scheduled)
    select g.team_id, g.user_id, g.day, g.disposition_code, g.label_key, g.calls, g.connections, g.decision_maker_conversations, g.gatekeeper_conversations, g.voicemails, g.no_answers, g.talk_time_seconds, g.call_duration_seconds, g.dispositioned_calls, g.callbacks_scheduled
      from g g
     where (g.calls <> 0 or g.connections <> 0 or g.decision_maker_conversations <> 0 or g.gatekeeper_conversations <> 0 or g.voicemails <> 0 or g.no_answers <> 0 or g.talk_time_seconds <> 0 or g.call_duration_seconds <> 0 or g.dispositioned_calls <> 0 or g.callbacks_scheduled <> 0)
     order by g.team_id, g.user_id, g.day, g.disposition_code, g.label_key
    on conflict (team_id, user_id, day, disposition_code, label_key) do update
       set calls = t.calls + excluded.calls,
           connections = t.connections + excluded.connections,
           decision_maker_conversations = t.decision_maker_conversations + excluded.decision_maker_conversations,
           gatekeeper_conversations = t.gatekeeper_conversations + excluded.gatekeeper_conversations,
           voicemails = t.voicemails + excluded.voicemails,
           no_answers = t.no_answers + excluded.no_answers,
           talk_time_seconds = t.talk_time_seconds + excluded.talk_time_seconds,
           call_duration_seconds = t.call_duration_seconds + excluded.call_duration_seconds,
           dispositioned_calls = t.dispositioned_calls + excluded.dispositioned_calls,
           callbacks_scheduled = t.callbacks_scheduled + excluded.callbacks_scheduled,
           updated_at = now()
    returning t.id, t.calls, t.connections, t.decision_maker_conversations, t.gatekeeper_conversations, t.voicemails, t.no_answers, t.talk_time_seconds, t.call_duration_seconds, t.dispositioned_calls, t.callbacks_scheduled
  )
  select coalesce(pg_catalog.array_agg(up.id), '{}') into v_zero
    from up where up.calls = 0 and up.connections = 0 and up.decision_maker_conversations = 0 and up.gatekeeper_conversations = 0 and up.voicemails = 0 and up.no_answers = 0 and up.talk_time_seconds = 0 and up.call_duration_seconds = 0 and up.dispositioned_calls = 0 and up.callbacks_scheduled = 0;
  if pg_catalog.cardinality(v_zero) > 0 then
    delete from dialbridge.rep_daily_stats s where s.id = any (v_zero);
  end if;

  -- Per rep and day, classified
  with g as (
    select d.team_id,
           d.user_id,
           d.day,
           sum(d.sign * d.calls)::integer as calls,
           sum(d.sign * d.connections)::integer as connections,
           sum(d.sign * d.decision_maker_conversations)::integer as decision_maker_conversations,
           sum(d.sign * d.gatekeeper_conversations)::integer as gatekeeper_conversations,
           sum(d.sign * d.voicemails)::integer as voicemails,
           sum(d.sign * d.no_answers)::integer as no_answers,
           sum(d.sign * d.talk_time_seconds)::bigint as talk_time_seconds,
           sum(d.sign * d.call_duration_seconds)::bigint as call_duration_seconds,
           sum(d.sign * d.dispositioned_calls)::integer as dispositioned_calls,
           sum(d.sign * d.callbacks_scheduled)::integer as callbacks_scheduled,
           coalesce(sum(d.sign * d.calls) filter (where d.outcome_group = 'qualified'), 0)::integer as qualified,
           coalesce(sum(d.sign * d.calls) filter (where d.outcome_group = 'nurture'), 0)::integer as nurture,
           coalesce(sum(d.sign * d.calls) filter (where d.outcome_group = 'disqualified'), 0)::integer as disqualified,
           coalesce(sum(d.sign * d.calls) filter (where d.outcome_group = 'suppressed'), 0)::integer as suppressed,
           coalesce(sum(d.sign * d.calls) filter (where d.outcome_group in ('attempted', 'invalid', 'other')), 0)::integer as other_dispositions,
           coalesce(sum(d.sign * d.calls) filter (where d.outcome_group = 'unmapped'), 0)::integer as unmapped_dispositions,
           coalesce(sum(d.sign * d.calls) filter (where d.is_meeting), 0)::integer as meetings
      from pg_catalog.unnest(v_deltas) d
     group by d.team_id, d.user_id, d.day
  ), up as (
    insert into dialbridge.rep_day_totals as t (team_id, user_id, day, calls, connections, decision_maker_conversations, gatekeeper_conversations, voicemails, no_answers, talk_time_seconds, call_duration_seconds, dispositioned_calls, callbacks_scheduled, qualified, nurture, disqualified, suppressed, other_dispositions, unmapped_dispositions, meetings)
    select g.team_id, g.user_id, g.day, g.calls, g.connections, g.decision_maker_conversations, g.gatekeeper_conversations, g.voicemails, g.no_answers, g.talk_time_seconds, g.call_duration_seconds, g.dispositioned_calls, g.callbacks_scheduled, g.qualified, g.nurture, g.disqualified, g.suppressed, g.other_dispositions, g.unmapped_dispositions, g.meetings
      from g g
     where (g.calls <> 0 or g.connections <> 0 or g.decision_maker_conversations <> 0 or g.gatekeeper_conversations <> 0 or g.voicemails <> 0 or g.no_answers <> 0 or g.talk_time_seconds <> 0 or g.call_duration_seconds <> 0 or g.dispositioned_calls <> 0 or g.callbacks_scheduled <> 0 or g.qualified <> 0 or g.nurture <> 0 or g.disqualified <> 0 or g.suppressed <> 0 or g.other_dispositions <> 0 or g.unmapped_dispositions <> 0 or g.meetings <> 0)
     order by g.team_id, g.user_id, g.day
    on conflict (team_id, user_id, day) do update
       set calls = t.calls + excluded.calls,
           connections = t.connections + excluded.connections,
           decision_maker_conversations = t.decision_maker_conversations + excluded.decision_maker_conversations,
           gatekeeper_conversations = t.gatekeeper_conversations + excluded.gatekeeper_conversations,
           voicemails = t.voicemails + excluded.voicemails,
           no_answers = t.no_answers + excluded.no_answers,
           talk_time_seconds = t.talk_time_seconds + excluded.talk_time_seconds,
           call_duration_seconds = t.call_duration_seconds + excluded.call_duration_seconds,
           dispositioned_calls = t.dispositioned_calls + excluded.dispositioned_calls,
           callbacks_scheduled = t.callbacks_scheduled + excluded.callbacks_scheduled,
           qualified = t.qualified + excluded.qualified,
           nurture = t.nurture + excluded.nurture,
           disqualified = t.disqualified + excluded.disqualified,
           suppressed = t.suppressed + excluded.suppressed,
           other_dispositions = t.other_dispositions + excluded.other_dispositions,
           unmapped_dispositions = t.unmapped_dispositions + excluded.unmapped_dispositions,
           meetings = t.meetings + excluded.meetings,
           updated_at = now()
    returning t.id, t.calls, t.connections, t.decision_maker_conversations, t.gatekeeper_conversations, t.voicemails, t.no_answers, t.talk_time_seconds, t.call_duration_seconds, t.dispositioned_calls, t.callbacks_scheduled, t.qualified, t.nurture, t.disqualified, t.suppressed, t.other_dispositions, t.unmapped_dispositions, t.meetings
  )
  select coalesce(pg_catalog.array_agg(up.id), '{}') into v_zero
    from up where up.calls = 0 and up.connections = 0 and up.decision_maker_conversations = 0 and up.gatekeeper_conversations = 0 and up.voicemails = 0 and up.no_answers = 0 and up.talk_time_seconds = 0 and up.call_duration_seconds = 0 and up.dispositioned_calls = 0 and up.callbacks_scheduled = 0 and up.qualified = 0 and up.nurture = 0 and up.disqualified = 0 and up.suppressed = 0 and up.other_dispositions = 0 and up.unmapped_dispositions = 0 and up.meetings = 0;
  if pg_catalog.cardinality(v_zero) > 0 then
    delete from dialbridge.rep_day_totals s where s.id = any (v_zero);
  end if;

  -- Per session and disposition
  with g as (
    select d.session_id,
           d.team_id,
           d.disposition_code,
           d.label_key,
           sum(d.sign * d.calls)::integer as calls,
           sum(d.sign * d.connections)::integer as connections,
           sum(d.sign * d.decision_maker_conversations)::integer as decision_maker_conversations,
           sum(d.sign * d.gatekeeper_conversations)::integer as gatekeeper_conversations,
           sum(d.sign * d.voicemails)::integer as voicemails,
           sum(d.sign * d.no_answers)::integer as no_answers,
           sum(d.sign * d.talk_time_seconds)::bigint as talk_time_seconds,
           sum(d.sign * d.call_duration_seconds)::bigint as call_duration_seconds,
           sum(d.sign * d.dispositioned_calls)::integer as dispositioned_calls,
           sum(d.sign * d.callbacks_scheduled)::integer as callbacks_scheduled
      from pg_catalog.unnest(v_deltas) d
     where d.session_id is not null
     group by d.session_id, d.team_id, d.disposition_code, d.label_key
  ), up as (
    insert into dialbridge.session_stats as t (session_id, team_id, disposition_code, label_key, calls, connections, decision_maker_conversations, gatekeeper_conversations, voicemails, no_answers, talk_time_seconds, call_duration_seconds, dispositioned_calls, callbacks_scheduled)
    select g.session_id, g.team_id, g.disposition_code, g.label_key, g.calls, g.connections, g.decision_maker_conversations, g.gatekeeper_conversations, g.voicemails, g.no_answers, g.talk_time_seconds, g.call_duration_seconds, g.dispositioned_calls, g.callbacks_scheduled
      from g g
     where (g.calls <> 0 or g.connections <> 0 or g.decision_maker_conversations <> 0 or g.gatekeeper_conversations <> 0 or g.voicemails <> 0 or g.no_answers <> 0 or g.talk_time_seconds <> 0 or g.call_duration_seconds <> 0 or g.dispositioned_calls <> 0 or g.callbacks_scheduled <> 0)
     order by g.session_id, g.team_id, g.disposition_code, g.label_key
    on conflict (session_id, team_id, disposition_code, label_key) do update
       set calls = t.calls + excluded.calls,
           connections = t.connections + excluded.connections,
           decision_maker_conversations = t.decision_maker_conversations + excluded.decision_maker_conversations,
           gatekeeper_conversations = t.gatekeeper_conversations + excluded.gatekeeper_conversations,
           voicemails = t.voicemails + excluded.voicemails,
           no_answers = t.no_answers + excluded.no_answers,
           talk_time_seconds = t.talk_time_seconds + excluded.talk_time_seconds,
           call_duration_seconds = t.call_duration_seconds + excluded.call_duration_seconds,
           dispositioned_calls = t.dispositioned_calls + excluded.dispositioned_calls,
           callbacks_scheduled = t.callbacks_scheduled + excluded.callbacks_scheduled,
           updated_at = now()
    returning t.id, t.calls, t.connections, t.decision_maker_conversations, t.gatekeeper_conversations, t.voicemails, t.no_answers, t.talk_time_seconds, t.call_duration_seconds, t.dispositioned_calls, t.callbacks_scheduled
  )
  select coalesce(pg_catalog.array_agg(up.id), '{}') into v_zero
    from up where up.calls = 0 and up.connections = 0 and up.decision_maker_conversations = 0 and up.gatekeeper_conversations = 0 and up.voicemails = 0 and up.no_answers = 0 and up.talk_time_seconds = 0 and up.call_duration_seconds = 0 and up.dispositioned_calls = 0 and up.callbacks_scheduled = 0;
  if pg_catalog.cardinality(v_zero) > 0 then
    delete from dialbridge.session_stats s where s.id = any (v_zero);
  end if;

  -- Per session and contact, and per session classified with the distinct contacts dialed (connected):
  -- a contact counts when its calls (connections) in the session go from 0 to more, and stops when they
  -- fall back to 0. old = new − delta, since the upsert added the delta.
  with sc as (
    select d.session_id, d.team_id, d.contact_id,
           sum(d.sign * d.calls)::integer as calls, sum(d.sign * d.connections)::integer as connections
      from pg_catalog.unnest(v_deltas) d
     where d.session_id is not null and d.contact_id is not null and d.calls = 1
     group by d.session_id, d.team_id, d.contact_id
    having sum(d.sign * d.calls) <> 0 or sum(d.sign * d.connections) <> 0
  ), up as (
    insert into dialbridge.session_contact_stats as t (session_id, team_id, contact_id, calls, connections)
    select sc.session_id, sc.team_id, sc.contact_id, sc.calls, sc.connections
      from sc
     order by sc.session_id, sc.team_id, sc.contact_id
    on conflict (session_id, team_id, contact_id) do update
       set calls = t.calls + excluded.calls,
           connections = t.connections + excluded.connections,
           updated_at = now()
    returning t.id, t.session_id, t.team_id, t.contact_id, t.calls, t.connections
  ), reach as (
    select up.session_id, up.team_id,
           sum((up.calls > 0)::integer - ((up.calls - sc.calls) > 0)::integer)::integer as contacts_dialed,
           sum((up.connections > 0)::integer - ((up.connections - sc.connections) > 0)::integer)::integer as contacts_connected
      from up
      join sc on sc.session_id = up.session_id and sc.team_id is not distinct from up.team_id and sc.contact_id = up.contact_id
     group by up.session_id, up.team_id
  ), st as (
    select d.session_id,
           d.team_id,
           sum(d.sign * d.calls)::integer as calls,
           sum(d.sign * d.connections)::integer as connections,
           sum(d.sign * d.decision_maker_conversations)::integer as decision_maker_conversations,
           sum(d.sign * d.gatekeeper_conversations)::integer as gatekeeper_conversations,
           sum(d.sign * d.voicemails)::integer as voicemails,
           sum(d.sign * d.no_answers)::integer as no_answers,
           sum(d.sign * d.talk_time_seconds)::bigint as talk_time_seconds,
           sum(d.sign * d.call_duration_seconds)::bigint as call_duration_seconds,
           sum(d.sign * d.dispositioned_calls)::integer as dispositioned_calls,
           sum(d.sign * d.callbacks_scheduled)::integer as callbacks_scheduled,
           coalesce(sum(d.sign * d.calls) filter (where d.outcome_group = 'qualified'), 0)::integer as qualified,
           coalesce(sum(d.sign * d.calls) filter (where d.outcome_group = 'nurture'), 0)::integer as nurture,
           coalesce(sum(d.sign * d.calls) filter (where d.outcome_group = 'disqualified'), 0)::integer as disqualified,
           coalesce(sum(d.sign * d.calls) filter (where d.outcome_group = 'suppressed'), 0)::integer as suppressed,
           coalesce(sum(d.sign * d.calls) filter (where d.outcome_group in ('attempted', 'invalid', 'other')), 0)::integer as other_dispositions,
           coalesce(sum(d.sign * d.calls) filter (where d.outcome_group = 'unmapped'), 0)::integer as unmapped_dispositions,
           coalesce(sum(d.sign * d.calls) filter (where d.is_meeting), 0)::integer as meetings
      from pg_catalog.unnest(v_deltas) d
     where d.session_id is not null
     group by d.session_id, d.team_id
  ), g as (
    select x.session_id, x.team_id,
           sum(x.calls)::integer as calls, sum(x.connections)::integer as connections, sum(x.decision_maker_conversations)::integer as decision_maker_conversations, sum(x.gatekeeper_conversations)::integer as gatekeeper_conversations, sum(x.voicemails)::integer as voicemails, sum(x.no_answers)::integer as no_answers, sum(x.talk_time_seconds)::bigint as talk_time_seconds, sum(x.call_duration_seconds)::bigint as call_duration_seconds, sum(x.dispositioned_calls)::integer as dispositioned_calls, sum(x.callbacks_scheduled)::integer as callbacks_scheduled, sum(x.qualified)::integer as qualified, sum(x.nurture)::integer as nurture, sum(x.disqualified)::integer as disqualified, sum(x.suppressed)::integer as suppressed, sum(x.other_dispositions)::integer as other_dispositions, sum(x.unmapped_dispositions)::integer as unmapped_dispositions, sum(x.meetings)::integer as meetings, sum(x.contacts_dialed)::integer as contacts_dialed, sum(x.contacts_connected)::integer as contacts_connected
      from (select st.*, 0 as contacts_dialed, 0 as contacts_connected from st
            union all
            select r.session_id, r.team_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, r.contacts_dialed, r.contacts_connected
              from reach r) x
     group by x.session_id, x.team_id
  ), tot as (
    insert into dialbridge.session_totals as t (session_id, team_id, calls, connections, decision_maker_conversations, gatekeeper_conversations, voicemails, no_answers, talk_time_seconds, call_duration_seconds, dispositioned_calls, callbacks_scheduled, qualified, nurture, disqualified, suppressed, other_dispositions, unmapped_dispositions, meetings, contacts_dialed, contacts_connected)
    select g.session_id, g.team_id, g.calls, g.connections, g.decision_maker_conversations, g.gatekeeper_conversations, g.voicemails, g.no_answers, g.talk_time_seconds, g.call_duration_seconds, g.dispositioned_calls, g.callbacks_scheduled, g.qualified, g.nurture, g.disqualified, g.suppressed, g.other_dispositions, g.unmapped_dispositions, g.meetings, g.contacts_dialed, g.contacts_connected
      from g g
     where (g.calls <> 0 or g.connections <> 0 or g.decision_maker_conversations <> 0 or g.gatekeeper_conversations <> 0 or g.voicemails <> 0 or g.no_answers <> 0 or g.talk_time_seconds <> 0 or g.call_duration_seconds <> 0 or g.dispositioned_calls <> 0 or g.callbacks_scheduled <> 0 or g.qualified <> 0 or g.nurture <> 0 or g.disqualified <> 0 or g.suppressed <> 0 or g.other_dispositions <> 0 or g.unmapped_dispositions <> 0 or g.meetings <> 0 or g.contacts_dialed <> 0 or g.contacts_connected <> 0)
     order by g.session_id, g.team_id
    on conflict (session_id, team_id) do update
       set calls = t.calls + excluded.calls,
           connections = t.connections + excluded.connections,
           decision_maker_conversations = t.decision_maker_conversations + excluded.decision_maker_conversations,
           gatekeeper_conversations = t.gatekeeper_conversations + excluded.gatekeeper_conversations,
           voicemails = t.voicemails + excluded.voicemails,
           no_answers = t.no_answers + excluded.no_answers,
           talk_time_seconds = t.talk_time_seconds + excluded.talk_time_seconds,
           call_duration_seconds = t.call_duration_seconds + excluded.call_duration_seconds,
           dispositioned_calls = t.dispositioned_calls + excluded.dispositioned_calls,
           callbacks_scheduled = t.callbacks_scheduled + excluded.callbacks_scheduled,
           qualified = t.qualified + excluded.qualified,
           nurture = t.nurture + excluded.nurture,
           disqualified = t.disqualified + excluded.disqualified,
           suppressed = t.suppressed + excluded.suppressed,
           other_dispositions = t.other_dispositions + excluded.other_dispositions,
           unmapped_dispositions = t.unmapped_dispositions + excluded.unmapped_dispositions,
           meetings = t.meetings + excluded.meetings,
           contacts_dialed = t.contacts_dialed + excluded.contacts_dialed,
           contacts_connected = t.contacts_connected + excluded.contacts_connected,
           updated_at = now()
    returning t.id, t.calls, t.connections, t.decision_maker_conversations, t.gatekeeper_conversations, t.voicemails, t.no_answers, t.talk_time_seconds, t.call_duration_seconds, t.dispositioned_calls, t.callbacks_scheduled, t.qualified, t.nurture, t.disqualified, t.suppressed, t.other_dispositions, t.unmapped_dispositions, t.meetings, t.contacts_dialed, t.contacts_connected
  )
  select coalesce((select pg_catalog.array_agg(up.id) from up where up.calls = 0 and up.connections = 0), '{}'),
         coalesce((select pg_catalog.array_agg(up.id) from tot up where up.calls = 0 and up.connections = 0 and up.decision_maker_conversations = 0 and up.gatekeeper_conversations = 0 and up.voicemails = 0 and up.no_answers = 0 and up.talk_time_seconds = 0 and up.call_duration_seconds = 0 and up.dispositioned_calls = 0 and up.callbacks_scheduled = 0 and up.qualified = 0 and up.nurture = 0 and up.disqualified = 0 and up.suppressed = 0 and up.other_dispositions = 0 and up.unmapped_dispositions = 0 and up.meetings = 0 and up.contacts_dialed = 0 and up.contacts_connected = 0), '{}')
    into v_zero, v_zero_totals;
  if pg_catalog.cardinality(v_zero) > 0 then
    delete from dialbridge.session_contact_stats s where s.id = any (v_zero);
  end if;
  if pg_catalog.cardinality(v_zero_totals) > 0 then
    delete from dialbridge.session_totals s where s.id = any (v_zero_totals);
  end if;

  -- Per segment: the contact's current segment columns (locked above)
  select pg_catalog.array_agg(row(d.team_id, d.day, s.dimension, s.value, d.disposition_code, d.label_key,
           d.sign * d.calls, d.sign * d.connections, d.sign * d.decision_maker_conversations, d.sign * d.gatekeeper_conversations, d.sign * d.voicemails, d.sign * d.no_answers, d.sign * d.talk_time_seconds, d.sign * d.call_duration_seconds, d.sign * d.dispositioned_calls, d.sign * d.callbacks_scheduled)::dialbridge.segment_delta)
    into v_segments
    from pg_catalog.unnest(v_deltas) d
    left join public.contacts c on c.id = d.contact_id
   cross join lateral dialbridge.contact_segment_values(c.contact_type, c.list_source, c.industry, c.state, c.country) s;
  perform dialbridge.upsert_segment_deltas(v_segments);

  -- Contacts whose calls changed are marked for rescoring (an update that changed nothing a report counts
  -- cancels out here and nothing is marked).
  select coalesce(pg_catalog.array_agg(distinct x.contact_id), '{}') into v_rescore
    from (select d.contact_id
            from pg_catalog.unnest(v_deltas) d
           where d.contact_id is not null and d.calls = 1
           group by d.contact_id, d.day, d.team_id, d.user_id, d.session_id, d.disposition_code, d.label_key,
                    d.connections, d.decision_maker_conversations, d.gatekeeper_conversations, d.voicemails, d.no_answers, d.talk_time_seconds, d.call_duration_seconds, d.dispositioned_calls, d.callbacks_scheduled
          having sum(d.sign) <> 0) x;
  if pg_catalog.cardinality(v_rescore) > 0 then
    perform dialbridge.mark_contacts_for_scoring(v_rescore);
  end if;
end
$$;

--
-- Name: apply_call_stat_deltas(dialbridge.activity_stat_delta[]); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.apply_call_stat_deltas(p_deltas dialbridge.activity_stat_delta[]) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_deltas dialbridge.activity_stat_delta[] := p_deltas;
begin
  if v_deltas is null or pg_catalog.cardinality(v_deltas) = 0 then
    return;
  end if;

  -- contacts (locked in id order by the locking CTE)
  with d as (
    select * from unnest(v_deltas) where contact_id is not null and is_call = 1
  ), g as (
    select d.contact_id,
           sum(d.sign * d.is_call) as attempts,
           sum(d.sign * d.is_connected) as connected,
           sum(d.sign * d.is_decision_maker) as decision_maker,
           sum(d.sign * d.is_gatekeeper) as gatekeeper,
           sum(d.sign * d.is_voicemail) as voicemail,
           sum(d.sign * d.duration_seconds) as duration,
           sum(d.sign * d.talk_seconds) as talk,
           min(d.attempt_at) filter (where d.sign = 1) as new_first,
           max(d.attempt_at) filter (where d.sign = 1) as new_last,
           max(d.connected_at) filter (where d.sign = 1) as new_connected,
           max(d.engaged_at) filter (where d.sign = 1) as new_engaged,
           max(d.disposition_at) filter (where d.sign = 1) as new_disposition_at,
           (array_agg(row(d.disposition_code, d.disposition_label, d.disposition_at, d.disposition_notes)::dialbridge.last_disposition
                      order by d.disposition_at desc, d.dedupe_key desc nulls last, d.activity_id desc)
              filter (where d.sign = 1 and d.disposition_at is not null))[1] as new_disposition,
           array_agg(d.attempt_at) filter (where d.sign = -1 and d.attempt_at is not null) as old_attempts,
           array_agg(d.connected_at) filter (where d.sign = -1 and d.connected_at is not null) as old_connected,
           array_agg(d.engaged_at) filter (where d.sign = -1 and d.engaged_at is not null) as old_engaged,
           array_agg(d.disposition_at) filter (where d.sign = -1 and d.disposition_at is not null) as old_dispositions
      from d group by d.contact_id
  ), locked as (
    select c.id, c.total_call_attempts, c.total_calls_connected, c.total_calls_to_decision_maker,
           c.total_calls_to_gatekeeper, c.total_voicemails_left, c.total_call_duration_seconds,
           c.total_talk_time_seconds, c.first_call_attempt_at, c.last_call_attempt_at, c.last_call_connected_at,
           c.last_engaged_call_at, c.last_disposition_date
      from public.contacts c
     where c.id in (select g.contact_id from g)
     order by c.id
       for no key update
  ), calc as (
    select l.id,
           l.total_call_attempts + g.attempts as attempts,
           l.total_calls_connected + g.connected as connected,
           l.total_calls_to_decision_maker + g.decision_maker as decision_maker,
           l.total_calls_to_gatekeeper + g.gatekeeper as gatekeeper,
           l.total_voicemails_left + g.voicemail as voicemail,
           l.total_call_duration_seconds + g.duration as duration,
           l.total_talk_time_seconds + g.talk as talk,
           case
             when g.new_first is not null and (l.first_call_attempt_at is null or g.new_first <= l.first_call_attempt_at) then g.new_first
             when l.first_call_attempt_at = any (g.old_attempts) then
               (select a.call_started_at from public.contact_activities a
                 where a.contact_id = l.id and a.deleted_at is null and a.call_started_at is not null
                   and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
                 order by a.call_started_at limit 1)
             else l.first_call_attempt_at end as first_attempt,
           case
             when g.new_last is not null and (l.last_call_attempt_at is null or g.new_last >= l.last_call_attempt_at) then g.new_last
             when l.last_call_attempt_at = any (g.old_attempts) then
               (select a.call_started_at from public.contact_activities a
                 where a.contact_id = l.id and a.deleted_at is null and a.call_started_at is not null
                   and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
                 order by a.call_started_at desc limit 1)
             else l.last_call_attempt_at end as last_attempt,
           case
             when g.new_connected is not null and (l.last_call_connected_at is null or g.new_connected >= l.last_call_connected_at) then g.new_connected
             when l.last_call_connected_at = any (g.old_connected) then
               (select coalesce(a.call_connected_at, a.call_started_at) from public.contact_activities a
                 where a.contact_id = l.id and a.deleted_at is null and a.call_outcome = 'connected'
                   and coalesce(a.call_connected_at, a.call_started_at) is not null
                   and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
                 order by coalesce(a.call_connected_at, a.call_started_at) desc limit 1)
             else l.last_call_connected_at end as last_connected,
           case
             when g.new_engaged is not null and (l.last_engaged_call_at is null or g.new_engaged >= l.last_engaged_call_at) then g.new_engaged
             when l.last_engaged_call_at = any (g.old_engaged) then
               (select s.engaged_at from public.contact_activities a cross join lateral dialbridge.activity_call_stats(a) s
                 where a.contact_id = l.id and a.deleted_at is null and a.call_outcome = 'connected' and a.talk_time_seconds > 120
                   and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
                   and s.engaged_at is not null
                 order by coalesce(a.call_connected_at, a.call_started_at) desc limit 1)
             else l.last_engaged_call_at end as last_engaged,
           case
             when g.new_disposition_at is not null
                  and (l.last_disposition_date is null or g.new_disposition_at > l.last_disposition_date) then 'new'
             when g.new_disposition_at = l.last_disposition_date or l.last_disposition_date = any (g.old_dispositions) then 'reread'
             else 'keep' end as disposition_action,
           g.new_disposition
      from locked l join g on g.contact_id = l.id
  ), disp as (
    select calc.id, calc.disposition_action,
           case calc.disposition_action
             when 'new' then calc.new_disposition
             when 'reread' then
               (select row(a.disposition_code, a.disposition_label, a.disposition_set_at, a.disposition_notes)::dialbridge.last_disposition
                  from public.contact_activities a
                 where a.contact_id = calc.id and a.deleted_at is null and a.disposition_set_at is not null
                   and coalesce(a.disposition_code, a.disposition_label) is not null
                   and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
                 order by a.disposition_set_at desc, a.dedupe_key desc nulls last, a.id desc
                 limit 1)
           end as disposition
      from calc
  )
  update public.contacts c
     set total_call_attempts = calc.attempts,
         total_calls_connected = calc.connected,
         total_calls_to_decision_maker = calc.decision_maker,
         total_calls_to_gatekeeper = calc.gatekeeper,
         total_voicemails_left = calc.voicemail,
         total_call_duration_seconds = calc.duration,
         total_talk_time_seconds = calc.talk,
         average_talk_time_seconds = case when calc.connected > 0 then pg_catalog.round(calc.talk::numeric / calc.connected)::integer end,
         connection_rate_percentage = case when calc.attempts > 0
                                           then pg_catalog.round(calc.connected * 100.0 / calc.attempts, 2) end,
         first_call_attempt_at = calc.first_attempt,
         last_call_attempt_at = calc.last_attempt,
         last_call_connected_at = calc.last_connected,
         phone_verified_at = calc.last_connected,
         last_engaged_call_at = calc.last_engaged,
         last_disposition_code = case when disp.disposition_action = 'keep' then c.last_disposition_code
                                      else (disp.disposition).code end,
         last_disposition_label = case when disp.disposition_action = 'keep' then c.last_disposition_label
                                       else (disp.disposition).label end,
         last_disposition_date = case when disp.disposition_action = 'keep' then c.last_disposition_date
                                      else (disp.disposition).set_at end,
         last_disposition_notes = case when disp.disposition_action = 'keep' then c.last_disposition_notes
                                       else (disp.disposition).notes end,
         call_stats_last_calculated_at = pg_catalog.now()
    from calc join disp on disp.id = calc.id
   where c.id = calc.id;

  -- sessions (after contacts: the fixed lock order is contacts, sessions, session members)
  with d as (
    select * from unnest(v_deltas) where session_id is not null and (is_call = 1 or is_callback = 1)
  ), g as (
    select d.session_id,
           sum(d.sign * d.is_call) as dials,
           sum(d.sign * d.is_connected) as connections,
           sum(d.sign * d.is_decision_maker) as decision_maker,
           sum(d.sign * d.is_gatekeeper) as gatekeeper,
           sum(d.sign * d.is_voicemail) as voicemail,
           sum(d.sign * d.is_no_answer) as no_answer,
           sum(d.sign * d.duration_seconds) as call_time,
           sum(d.sign * d.talk_seconds) as talk,
           sum(d.sign * d.is_qualified) as qualified,
           sum(d.sign * d.is_meeting) as meetings,
           sum(d.sign * d.is_disqualified) as disqualified,
           sum(d.sign * d.is_callback) as callbacks,
           min(d.attempt_at) filter (where d.sign = 1) as new_started,
           max(d.activity_at) filter (where d.sign = 1) as new_activity,
           array_agg(d.attempt_at) filter (where d.sign = -1 and d.attempt_at is not null) as old_attempts,
           array_agg(d.activity_at) filter (where d.sign = -1 and d.activity_at is not null) as old_activity
      from d group by d.session_id
  ), locked as (
    select s.id, s.total_dials, s.total_connections, s.total_decision_maker_conversations,
           s.total_gatekeeper_conversations, s.total_voicemails_left, s.total_no_answers, s.total_call_time_seconds,
           s.total_talk_time_seconds, s.total_qualified_leads, s.total_meetings_scheduled, s.total_disqualified,
           s.total_callbacks_scheduled, s.started_at, s.last_activity_at
      from public.phoneburner_sessions s
     where s.id in (select g.session_id from g)
     order by s.id
       for no key update
  ), calc as (
    select l.id,
           l.total_dials + g.dials as dials,
           l.total_connections + g.connections as connections,
           l.total_decision_maker_conversations + g.decision_maker as decision_maker,
           l.total_gatekeeper_conversations + g.gatekeeper as gatekeeper,
           l.total_voicemails_left + g.voicemail as voicemail,
           l.total_no_answers + g.no_answer as no_answer,
           l.total_call_time_seconds + g.call_time as call_time,
           l.total_talk_time_seconds + g.talk as talk,
           l.total_qualified_leads + g.qualified as qualified,
           l.total_meetings_scheduled + g.meetings as meetings,
           l.total_disqualified + g.disqualified as disqualified,
           l.total_callbacks_scheduled + g.callbacks as callbacks,
           case
             when g.new_started is not null and (l.started_at is null or g.new_started <= l.started_at) then g.new_started
             when l.started_at = any (g.old_attempts) then
               (select a.call_started_at from public.contact_activities a
                 where a.phoneburner_session_id = l.id and a.deleted_at is null and a.call_started_at is not null
                   and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
                 order by a.call_started_at limit 1)
             else l.started_at end as started_at,
           case
             when g.new_activity is not null and (l.last_activity_at is null or g.new_activity >= l.last_activity_at) then g.new_activity
             when l.last_activity_at = any (g.old_activity) then
               (select greatest(a.call_started_at, a.call_connected_at, a.call_ended_at, a.disposition_set_at)
                  from public.contact_activities a
                 where a.phoneburner_session_id = l.id and a.deleted_at is null
                   and greatest(a.call_started_at, a.call_connected_at, a.call_ended_at, a.disposition_set_at) is not null
                   and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
                 order by greatest(a.call_started_at, a.call_connected_at, a.call_ended_at, a.disposition_set_at) desc limit 1)
             else l.last_activity_at end as last_activity_at
      from locked l join g on g.session_id = l.id
  )
  update public.phoneburner_sessions s
     set total_dials = calc.dials,
         total_connections = calc.connections,
         total_decision_maker_conversations = calc.decision_maker,
         total_gatekeeper_conversations = calc.gatekeeper,
         total_voicemails_left = calc.voicemail,
         total_no_answers = calc.no_answer,
         total_call_time_seconds = calc.call_time,
         total_talk_time_seconds = calc.talk,
         average_talk_time_seconds = case when calc.connections > 0 then pg_catalog.round(calc.talk::numeric / calc.connections)::integer end,
         total_qualified_leads = calc.qualified,
         total_meetings_scheduled = calc.meetings,
         total_disqualified = calc.disqualified,
         total_callbacks_scheduled = calc.callbacks,
         connection_rate_percentage = case when calc.dials > 0 then pg_catalog.round(calc.connections * 100.0 / calc.dials, 2) end,
         qualification_rate_percentage = case when calc.connections > 0
                                              then least(pg_catalog.round(calc.qualified * 100.0 / calc.connections, 2), 999.99) end,
         started_at = calc.started_at,
         last_activity_at = calc.last_activity_at
    from calc
   where s.id = calc.id;

  -- session members: state (dialed < connected < completed), last call, last disposition in the session
  with d as (
    select * from unnest(v_deltas) where sign = 1 and is_call = 1 and contact_id is not null and session_id is not null
  ), g as (
    select d.session_id, d.contact_id, max(d.member_stage) as stage, max(d.attempt_at) as last_called,
           bool_or(d.disposition_at is not null) as has_disposition
      from d group by d.session_id, d.contact_id
  ), locked as (
    select m.session_id, m.contact_id, m.state, m.last_called_at, m.last_disposition_code
      from public.phoneburner_session_contacts m
      join g on g.session_id = m.session_id and g.contact_id = m.contact_id
     order by m.session_id, m.contact_id
       for no key update of m
  )
  update public.phoneburner_session_contacts m
     set state = case when l.state in ('removed', 'failed') then l.state
                      else dialbridge.session_member_state(greatest(dialbridge.session_member_stage(l.state), g.stage)) end,
         last_called_at = greatest(l.last_called_at, g.last_called),
         last_disposition_code = case when g.has_disposition then
           (select a.disposition_code from public.contact_activities a
             where a.phoneburner_session_id = m.session_id and a.contact_id = m.contact_id and a.deleted_at is null
               and a.disposition_set_at is not null
               and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
             order by a.disposition_set_at desc, a.dedupe_key desc nulls last, a.id desc limit 1)
           else l.last_disposition_code end
    from locked l join g on g.session_id = l.session_id and g.contact_id = l.contact_id
   where m.session_id = l.session_id and m.contact_id = l.contact_id
     and (l.state not in ('removed', 'failed') and dialbridge.session_member_stage(l.state) < g.stage
          or l.last_called_at is distinct from greatest(l.last_called_at, g.last_called)
          or g.has_disposition);
end
$$;

--
-- Name: apply_callback(uuid); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.apply_callback(p_activity_id uuid) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  a public.contact_activities;
  c public.contacts;
  prev dialbridge.callback_applications;
  t public.tasks;
  v_found_task boolean := false;
  v_event_at timestamptz;
  v_notes text;
  v_tz text;
  v_rep uuid;
  v_team uuid;
  v_call_key text;
  v_is_latest boolean;
  v_status text;
  v_task_id uuid;
begin
  select * into a from public.contact_activities ca where ca.id = p_activity_id;
  if not found then
    raise exception 'activity % not found', p_activity_id using errcode = 'DB037';
  end if;
  if a.contact_id is null or a.deleted_at is not null or a.callback_scheduled_date is null then
    return;
  end if;

  select * into c from public.contacts ct where ct.id = a.contact_id for no key update;
  if not found then
    return;
  end if;

  -- When the callback was decided: the event time when the projection records it; else just after its
  -- call's disposition (a callback set with a disposition is the more specific plan); else when recorded.
  v_event_at := coalesce(
    dialbridge.timestamptz_or_null(a.details ->> 'event_at'),
    a.disposition_set_at,
    (select greatest(ca.disposition_set_at, ca.call_ended_at, ca.call_started_at) + interval '1 millisecond'
       from public.contact_activities ca
      where a.phoneburner_call_id is not null
        and ca.phoneburner_call_id = a.phoneburner_call_id
        and ca.contact_id = a.contact_id
        and ca.id <> a.id
        and ca.activity_type <> 'callback_scheduled'
      order by 1 desc nulls last
      limit 1),
    a.created_at);
  v_notes := nullif(pg_catalog.btrim(coalesce(a.details ->> 'notes', a.details ->> 'callback_notes',
                                              case when a.activity_type = 'callback_scheduled' then a.disposition_notes end)), '');
  v_tz := coalesce(nullif(pg_catalog.btrim(a.details ->> 'timezone'), ''), c.timezone);
  v_rep := coalesce(a.user_id, c.owner_id);
  v_team := coalesce(c.team_id, a.team_id);
  v_call_key := coalesce(a.phoneburner_call_id, a.id::text);

  select * into prev from dialbridge.callback_applications ap where ap.activity_id = a.id for update;
  if found
     and prev.contact_id = a.contact_id
     and prev.event_at = v_event_at
     and prev.scheduled_for = a.callback_scheduled_date
     and prev.assigned_to_user_id is not distinct from v_rep
     and prev.notes_md5 is not distinct from pg_catalog.md5(v_notes) then
    return;   -- already applied
  end if;

  -- the task of this callback, else of an earlier callback of the same call
  select * into t from public.tasks tk
   where tk.source = 'callback' and tk.source_activity_id = a.id
   order by (tk.status <> 'cancelled') desc, tk.created_at desc
   limit 1;
  v_found_task := found;
  if not v_found_task then
    select tk.* into t
      from dialbridge.callback_applications ap
      join public.tasks tk on tk.id = ap.task_id
     where ap.contact_id = a.contact_id and ap.call_key = v_call_key and ap.activity_id <> a.id
     order by ap.event_at desc, ap.activity_id desc
     limit 1;
    v_found_task := found;
  end if;

  -- an older callback of the same call arriving after a newer one changes nothing
  v_is_latest := not exists (
    select 1 from dialbridge.callback_applications ap
     where ap.contact_id = a.contact_id and ap.call_key = v_call_key and ap.activity_id <> a.id
       and (ap.event_at, ap.activity_id) > (v_event_at, a.id));

  if v_is_latest then
    v_status := case when c.do_not_call then 'cancelled' else 'open' end;
    if v_found_task and (t.status = 'open' or t.source_activity_id = a.id) then
      -- reschedule; a completed or cancelled callback reopens only when its time changed
      update public.tasks tk
         set due_at = a.callback_scheduled_date,
             assigned_to_user_id = v_rep,
             notes = case when c.do_not_call
                          then pg_catalog.concat_ws(E'\n\n', v_notes, 'Not scheduled: the contact is on the do-not-call list.')
                          else v_notes end,
             title = dialbridge.task_title('call', c, 'Scheduled callback'),
             status = case when tk.status = 'open' or tk.due_at is distinct from a.callback_scheduled_date
                           then v_status else tk.status end,
             completed_at = case when tk.status = 'completed' and tk.due_at is not distinct from a.callback_scheduled_date
                                 then tk.completed_at end
       where tk.id = t.id
      returning tk.id into v_task_id;
    else
      insert into public.tasks (contact_id, team_id, assigned_to_user_id, source_activity_id, source, task_type,
                                title, notes, due_at, priority, status)
      values (c.id, v_team, v_rep, a.id, 'callback', 'call',
              dialbridge.task_title('call', c, 'Scheduled callback'),
              case when c.do_not_call
                   then pg_catalog.concat_ws(E'\n\n', v_notes, 'Not scheduled: the contact is on the do-not-call list.')
                   else v_notes end,
              a.callback_scheduled_date, 'high', v_status)
      on conflict (source_activity_id, source) where source_activity_id is not null and status <> 'cancelled'
      do nothing
      returning id into v_task_id;
    end if;

    -- the callback is the follow-up call: a disposition's call task for the same call is not needed
    if v_status = 'open' then
      update public.tasks tk
         set status = 'cancelled',
             notes = pg_catalog.concat_ws(E'\n\n', tk.notes, 'Cancelled: replaced by the scheduled callback.')
        from public.contact_activities ca
       where ca.id = tk.source_activity_id
         and tk.contact_id = c.id
         and tk.source = 'disposition'
         and tk.task_type = 'call'
         and tk.status = 'open'
         and (ca.id = a.id or (a.phoneburner_call_id is not null and ca.phoneburner_call_id = a.phoneburner_call_id));
    end if;

    if dialbridge.claim_contact_mark(c.id, 'next_action', a.id, v_event_at) and not c.do_not_call then
      update public.contacts ct
         set next_action_type = 'call',
             next_action_date = dialbridge.local_date(a.callback_scheduled_date, v_tz),
             next_action_notes = coalesce(v_notes, 'Scheduled callback'),
             next_action_assigned_to_user_id = v_rep
       where ct.id = c.id;
    end if;
  else
    v_task_id := case when v_found_task then t.id end;
  end if;

  insert into dialbridge.callback_applications as ap
    (activity_id, contact_id, call_key, event_at, scheduled_for, assigned_to_user_id, notes_md5, task_id, applied_at)
  values (a.id, a.contact_id, v_call_key, v_event_at, a.callback_scheduled_date, v_rep, pg_catalog.md5(v_notes),
          v_task_id, now())
  on conflict (activity_id) do update
     set contact_id = excluded.contact_id, call_key = excluded.call_key, event_at = excluded.event_at,
         scheduled_for = excluded.scheduled_for, assigned_to_user_id = excluded.assigned_to_user_id,
         notes_md5 = excluded.notes_md5, task_id = excluded.task_id, applied_at = excluded.applied_at;
end
$$;

--
-- Name: apply_contact_changes(uuid); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.apply_contact_changes(p_activity_id uuid) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
  a public.contact_activities;
  c public.contacts;
  r record;
  v_changes jsonb;
  v_event_at timestamptz;
  v_event_id text;
  v_by text;
  v_column text;
  v_field text;
  v_old text;
  v_new text;
  v_current text;
  v_newest record;
  v_applied boolean;
  v_old_domain text;
  v_new_domain text;
begin
  select * into a from public.contact_activities ca where ca.id = p_activity_id;
  if not found then
    raise exception 'activity % not found', p_activity_id using errcode = 'DB037';
  end if;
  v_changes := a.details -> 'changes';
  if a.contact_id is null or a.deleted_at is not null or pg_catalog.jsonb_typeof(v_changes) is distinct from 'object' then
    return;
  end if;

  select * into c from public.contacts ct where ct.id = a.contact_id for no key update;
  if not found then
    return;
  end if;

  v_event_at := coalesce(dialbridge.timestamptz_or_null(a.details ->> 'event_at'), a.created_at);
  v_event_id := coalesce(a.phoneburner_event_id, a.id::text);
  v_by := case pg_catalog.jsonb_typeof(a.details -> 'updated_by')
            when 'object' then coalesce(a.details -> 'updated_by' ->> 'user_id', a.details -> 'updated_by' ->> 'id')
            when 'string' then a.details ->> 'updated_by'
            when 'number' then a.details ->> 'updated_by'
          end;

  -- our own audit rows: the SourceCo-side audit trigger stays out of the way
  perform pg_catalog.set_config('dialbridge.audited_by_caller', 'on', true);

  for r in select e.key, e.value from pg_catalog.jsonb_each(v_changes) e order by e.key loop
    v_column := dialbridge.synced_contact_column(r.key);
    v_field := coalesce(v_column, pg_catalog.left(r.key, 100));
    if exists (select 1 from public.contact_field_changes f
                where f.source_event_id = v_event_id and f.field_name = v_field) then
      continue;   -- this event's change of this field is already recorded
    end if;

    if pg_catalog.jsonb_typeof(r.value) = 'object' then
      v_old := r.value ->> 'old';
      v_new := r.value ->> 'new';
    else
      v_old := null;
      v_new := r.value #>> '{}';
    end if;
    v_new := nullif(pg_catalog.btrim(v_new), '');

    v_applied := false;
    if v_column is not null then
      select f.changed_at, f.source_event_id into v_newest
        from public.contact_field_changes f
       where f.contact_id = c.id and f.field_name = v_column and f.applied
       order by f.changed_at desc, f.source_event_id desc nulls last
       limit 1;
      v_applied := v_newest.changed_at is null
                   or (v_event_at, v_event_id) > (v_newest.changed_at, coalesce(v_newest.source_event_id, ''));
    end if;

    if v_applied then
      execute pg_catalog.format('select (%I)::text from public.contacts where id = $1', v_column)
        into v_current using c.id;
      execute pg_catalog.format('update public.contacts set %I = $1 where id = $2', v_column)
        using v_new, c.id;
      if v_column = 'email' then
        v_old_domain := dialbridge.email_domain(coalesce(v_current, v_old));
        v_new_domain := dialbridge.email_domain(v_new);
        if v_old_domain is not null and v_new_domain is not null and v_old_domain <> v_new_domain then
          update public.contacts ct
             set needs_review = true,
                 needs_review_reason = pg_catalog.format(
                   'Email domain changed from %s to %s in PhoneBurner: possible company change.',
                   v_old_domain, v_new_domain)
           where ct.id = c.id;
        end if;
      elsif v_column = 'phone' and v_current is distinct from v_new then
        update public.contacts ct
           set phone_number_invalid = false, phone_number_invalid_reason = null
         where ct.id = c.id and ct.phone_number_invalid;
      end if;
    end if;

    insert into public.contact_field_changes (contact_id, team_id, field_name, old_value, new_value, source_system,
                                              source_event_id, changed_by, changed_at, applied)
    values (c.id, c.team_id, v_field, coalesce(v_old, v_current), v_new, 'phoneburner', v_event_id, v_by,
            v_event_at, v_applied)
    on conflict (source_event_id, field_name) where source_event_id is not null do nothing;
  end loop;

  perform pg_catalog.set_config('dialbridge.audited_by_caller', '', true);
end
$_$;

--
-- Name: apply_disposition(uuid); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.apply_disposition(p_activity_id uuid) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  perform dialbridge.apply_dispositions(array[p_activity_id]);
end
$$;

--
-- Name: apply_dispositions(uuid[]); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.apply_dispositions(p_activity_ids uuid[]) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_missing uuid;
  v_rounds integer;
  v_round integer;
  v_ids uuid[];
  v_all_ids uuid[];
  v_all_rounds integer[];
  v_steps dialbridge.disposition_step[];
  v_workflows dialbridge.disposition_step[];
  v_followed_up uuid[];
begin
  if p_activity_ids is null or pg_catalog.cardinality(p_activity_ids) = 0 then
    return;
  end if;
  select u.id into v_missing
    from unnest(p_activity_ids) u(id)
   where not exists (select 1 from public.contact_activities ca where ca.id = u.id)
   limit 1;
  if found then
    raise exception 'activity % not found', v_missing using errcode = 'DB037';
  end if;

  -- rounds: a contact's calls in the order given, one per round
  select coalesce(pg_catalog.array_agg(x.id order by x.round, x.id), '{}'),
         coalesce(pg_catalog.array_agg(x.round order by x.round, x.id), '{}')
    into v_all_ids, v_all_rounds
    from (select y.id, row_number() over (partition by y.contact_id order by y.ord)::integer as round
            from (select distinct on (u.id) u.id, u.ord, ca.contact_id
                    from unnest(p_activity_ids) with ordinality u(id, ord)
                    join public.contact_activities ca on ca.id = u.id
                   where ca.contact_id is not null and ca.deleted_at is null
                     and (ca.disposition_code is not null or ca.disposition_label is not null)
                   order by u.id, u.ord) y) x;
  v_rounds := coalesce((select max(r) from unnest(v_all_rounds) r), 0);

  for v_round in 1 .. v_rounds loop
    v_ids := array(select x.id from unnest(v_all_ids, v_all_rounds) x(id, round) where x.round = v_round);

    -- everything a call does to its contact is serialised on the contact row (id order: no deadlock)
    perform 1 from public.contacts ct
     where ct.id in (select ca.contact_id from public.contact_activities ca where ca.id = any (v_ids))
     order by ct.id
       for no key update;
    perform 1 from dialbridge.disposition_applications d where d.activity_id = any (v_ids) order by d.activity_id for update;

    -- what each call applies; calls already applied as they are drop out (a replay changes nothing)
    with pairs as (
      select distinct a.disposition_code, a.disposition_label
        from public.contact_activities a where a.id = any (v_ids)
    ), maps as materialized (
      select p.disposition_code, p.disposition_label, m.id as mapping_id, m.phoneburner_disposition_label
        from pairs p
        left join lateral dialbridge.find_disposition_mapping(p.disposition_code, p.disposition_label) m on true
    )
    select coalesce(pg_catalog.array_agg(row(
             a.id, a.contact_id, mp.mapping_id, d.activity_id is not null,
             coalesce(d.activity_id is not null and d.contact_id = a.contact_id and d.mapping_id = mp.mapping_id, false),
             d.mapping_id, d.task_id, d.workflow_run_id,
             x.set_at,
             coalesce(nullif(pg_catalog.btrim(a.disposition_label), ''), mp.phoneburner_disposition_label, a.disposition_code),
             coalesce(a.user_id, c.owner_id), coalesce(c.team_id, a.team_id),
             (select sc.phone_e164 from public.phoneburner_session_contacts sc
               where sc.session_id = a.phoneburner_session_id and sc.contact_id = c.id)
           )::dialbridge.disposition_step order by a.id), '{}')
      into v_steps
      from public.contact_activities a
      join public.contacts c on c.id = a.contact_id
      join maps mp on mp.disposition_code is not distinct from a.disposition_code
                  and mp.disposition_label is not distinct from a.disposition_label
      cross join lateral (select coalesce(a.disposition_set_at, a.call_ended_at, a.call_started_at, a.created_at) as set_at) x
      left join dialbridge.disposition_applications d on d.activity_id = a.id
     where a.id = any (v_ids)
       and not (d.activity_id is not null
                and d.contact_id = a.contact_id
                and d.disposition_code is not distinct from a.disposition_code
                and d.disposition_label is not distinct from a.disposition_label
                and d.disposition_set_at = x.set_at
                and d.notes_md5 is not distinct from pg_catalog.md5(a.disposition_notes)
                and d.callback_at is not distinct from a.callback_scheduled_date
                and (d.mapping_id is not null or mp.mapping_id is null));
    continue when pg_catalog.cardinality(v_steps) = 0;

    -- a different disposition (or the call moved to another contact): undo what the previous one did that
    -- can be undone. Suppressions are never lifted by a disposition.
    update public.tasks t
       set status = 'cancelled',
           notes = pg_catalog.concat_ws(E'\n\n', t.notes,
                     pg_catalog.format('Cancelled: the call''s disposition changed to "%s".', s.label))
      from unnest(v_steps) s
     where s.has_prev and not s.same_mapping and s.prev_mapping_id is not null
       and t.id = s.prev_task_id and t.status = 'open';
    update public.workflow_runs w
       set status = 'cancelled',
           result = pg_catalog.jsonb_build_object('cancelled_because', 'the call''s disposition changed')
      from unnest(v_steps) s
     where s.has_prev and not s.same_mapping and s.prev_mapping_id is not null
       and w.id = s.prev_run_id and w.status = 'queued';

    -- suppression first: a do-not-call stops the call tasks and call next actions below
    insert into public.suppressions (contact_id, phone_e164, team_id, suppression_type, reason, source,
                                     source_activity_id, set_by_user_id, created_at)
    select c.id, coalesce(s.dialed, dialbridge.contact_phone_key(c)), s.team_id, 'legal',
           coalesce(m.suppress_reason, 'user_requested'), 'disposition', a.id, a.user_id, s.set_at
      from unnest(v_steps) s
      join public.disposition_mappings m on m.id = s.mapping_id
      join public.contact_activities a on a.id = s.activity_id
      join public.contacts c on c.id = s.contact_id
     where m.suppress_contact and m.mark_do_not_call
     order by c.id
    on conflict (source_activity_id, suppression_type) where source_activity_id is not null do nothing;
    update public.suppressions sp
       set expires_at = s.set_at + pg_catalog.make_interval(hours => 24 * m.suppress_duration_days)
      from unnest(v_steps) s
      join public.disposition_mappings m on m.id = s.mapping_id
     where m.suppress_contact and not m.mark_do_not_call
       and sp.source_activity_id = s.activity_id and sp.suppression_type = 'internal'
       and sp.lifted_at is null
       and sp.expires_at < s.set_at + pg_catalog.make_interval(hours => 24 * m.suppress_duration_days);
    insert into public.suppressions (contact_id, team_id, suppression_type, reason, source,
                                     source_activity_id, set_by_user_id, created_at, expires_at)
    select s.contact_id, s.team_id, 'internal',
           coalesce(m.suppress_reason, pg_catalog.lower(m.phoneburner_disposition_code)), 'disposition',
           a.id, a.user_id, s.set_at, s.set_at + pg_catalog.make_interval(hours => 24 * m.suppress_duration_days)
      from unnest(v_steps) s
      join public.disposition_mappings m on m.id = s.mapping_id
      join public.contact_activities a on a.id = s.activity_id
     where m.suppress_contact and not m.mark_do_not_call
       and not exists (select 1 from public.suppressions sp
                        where sp.source_activity_id = s.activity_id and sp.suppression_type = 'internal')
     order by s.contact_id;

    -- the number called is known bad (unless the contact's number has changed since)
    update public.contacts ct
       set phone_number_invalid = true,
           phone_number_invalid_reason = pg_catalog.lower(m.phoneburner_disposition_code)
      from unnest(v_steps) s
      join public.disposition_mappings m on m.id = s.mapping_id
     where ct.id = s.contact_id
       and m.mark_phone_invalid and not ct.phone_number_invalid
       and (s.dialed is null or s.dialed is not distinct from dialbridge.contact_phone_key(ct));

    -- the task: the same mapping again updates its open task; a call task is not needed when the call has
    -- an open callback task (the callback is the follow-up); else a new one (on a do-not-call contact it is
    -- recorded as cancelled)
    -- calls whose new call task an open callback task makes unnecessary (asked once, after the suppressions)
    v_followed_up := array(
      select s.activity_id
        from unnest(v_steps) s
        join public.disposition_mappings m on m.id = s.mapping_id
        join public.contact_activities a on a.id = s.activity_id
       where m.create_task and m.task_type = 'call' and not (s.same_mapping and s.prev_task_id is not null)
         and dialbridge.call_has_open_callback_task(s.contact_id, a.id, a.phoneburner_call_id));
    update public.tasks t
       set due_at = case when m.task_type = 'call' and a.callback_scheduled_date is not null then a.callback_scheduled_date
                         else s.set_at + pg_catalog.make_interval(hours => 24 * m.task_due_offset_days) end,
           notes = a.disposition_notes, assigned_to_user_id = s.rep_id,
           title = dialbridge.task_title(m.task_type, c, s.label)
      from unnest(v_steps) s
      join public.disposition_mappings m on m.id = s.mapping_id
      join public.contact_activities a on a.id = s.activity_id
      join public.contacts c on c.id = s.contact_id
     where m.create_task and s.same_mapping and s.prev_task_id is not null
       and t.id = s.prev_task_id and t.status = 'open';
    insert into public.tasks (contact_id, team_id, assigned_to_user_id, source_activity_id, source, task_type,
                              title, notes, due_at, priority, status)
    select c.id, s.team_id, s.rep_id, a.id, 'disposition', m.task_type,
           dialbridge.task_title(m.task_type, c, s.label),
           case when m.task_type = 'call' and c.do_not_call
                then pg_catalog.concat_ws(E'\n\n', a.disposition_notes, 'Not scheduled: the contact is on the do-not-call list.')
                else a.disposition_notes end,
           case when m.task_type = 'call' and a.callback_scheduled_date is not null then a.callback_scheduled_date
                else s.set_at + pg_catalog.make_interval(hours => 24 * m.task_due_offset_days) end,
           coalesce(m.task_priority, 'medium'),
           case when m.task_type = 'call' and c.do_not_call then 'cancelled' else 'open' end
      from unnest(v_steps) s
      join public.disposition_mappings m on m.id = s.mapping_id
      join public.contact_activities a on a.id = s.activity_id
      join public.contacts c on c.id = s.contact_id
     where m.create_task and not (s.same_mapping and s.prev_task_id is not null)
       and not (s.activity_id = any (v_followed_up))
     order by c.id
    on conflict (source_activity_id, source) where source_activity_id is not null and status <> 'cancelled'
    do nothing;

    -- the workflow, queued once per call (the same mapping again keeps its run)
    v_workflows := array(
      select s from unnest(v_steps) s join public.disposition_mappings m on m.id = s.mapping_id
       where m.trigger_workflow and not (s.same_mapping and s.prev_run_id is not null)
       order by s.activity_id);
    if pg_catalog.cardinality(v_workflows) > 0 then
      perform dialbridge.queue_workflow_runs(v_workflows);
    end if;

    -- status and stage: the contact's newest disposition wins, do-not-call keeps its status; next action:
    -- the newest disposition or callback wins, a callback date on the call wins over the offset. The claims
    -- (dialbridge.contact_marks, see claim_contact_mark) first, then both in one update of the contact.
    with claims as (
      insert into dialbridge.contact_marks as cm (contact_id, kind, activity_id, marked_at)
      select s.contact_id, k.kind, s.activity_id, s.set_at
        from unnest(v_steps) s
        join public.disposition_mappings m on m.id = s.mapping_id
       cross join lateral (values ('status'), ('next_action')) k(kind)
       where k.kind = 'next_action' or m.sourceco_contact_status is not null or m.sourceco_contact_stage is not null
       order by s.contact_id, k.kind
      on conflict (contact_id, kind) do update
         set activity_id = excluded.activity_id, marked_at = excluded.marked_at
       where cm.activity_id = excluded.activity_id
          or (cm.marked_at, cm.activity_id) < (excluded.marked_at, excluded.activity_id)
      returning cm.contact_id, cm.kind
    ), decided as (
      select s.contact_id, m.id as mapping_id, a.callback_scheduled_date, a.disposition_notes, s.set_at, s.label, s.rep_id,
             exists (select 1 from claims k where k.contact_id = s.contact_id and k.kind = 'status')
               and (not c.do_not_call or m.mark_do_not_call) as set_status,
             exists (select 1 from claims k where k.contact_id = s.contact_id and k.kind = 'next_action') as set_next,
             m.next_action_type is null or (m.next_action_type = 'call' and c.do_not_call) as clear_next
        from unnest(v_steps) s
        join public.disposition_mappings m on m.id = s.mapping_id
        join public.contact_activities a on a.id = s.activity_id
        join public.contacts c on c.id = s.contact_id
    )
    update public.contacts ct
       set contact_status = case when d.set_status then coalesce(m.sourceco_contact_status, ct.contact_status)
                                 else ct.contact_status end,
           contact_stage = case when d.set_status then coalesce(m.sourceco_contact_stage, ct.contact_stage)
                                else ct.contact_stage end,
           next_action_type = case when not d.set_next then ct.next_action_type when d.clear_next then null
                                   else m.next_action_type end,
           next_action_date = case when not d.set_next then ct.next_action_date when d.clear_next then null
                                   else coalesce(dialbridge.local_date(d.callback_scheduled_date, ct.timezone),
                                                 dialbridge.local_date(d.set_at, ct.timezone) + m.next_action_offset_days) end,
           next_action_notes = case when not d.set_next then ct.next_action_notes when d.clear_next then null
                                    else pg_catalog.concat_ws(': ', d.label, nullif(pg_catalog.btrim(d.disposition_notes), '')) end,
           next_action_assigned_to_user_id = case when not d.set_next then ct.next_action_assigned_to_user_id
                                                  when d.clear_next then null else d.rep_id end
      from decided d
      join public.disposition_mappings m on m.id = d.mapping_id
     where ct.id = d.contact_id and (d.set_status or d.set_next);

    -- what was applied: makes the next application of the same call a no-op or an adjustment
    insert into dialbridge.disposition_applications as d
      (activity_id, contact_id, mapping_id, disposition_code, disposition_label, disposition_set_at, notes_md5,
       callback_at, task_id, workflow_run_id, applied_at)
    select a.id, a.contact_id, s.mapping_id, a.disposition_code, a.disposition_label, s.set_at,
           pg_catalog.md5(a.disposition_notes), a.callback_scheduled_date,
           case when m.id is null or not m.create_task then null
                when s.same_mapping and s.prev_task_id is not null then s.prev_task_id
                when s.activity_id = any (v_followed_up) then null
                else (select t.id from public.tasks t
                       where t.source_activity_id = a.id and t.source = 'disposition' and t.status <> 'cancelled') end,
           case when m.id is null or not m.trigger_workflow then null
                when s.same_mapping and s.prev_run_id is not null then s.prev_run_id
                else (select w.id from public.workflow_runs w
                       where w.source_activity_id = a.id and w.workflow_name = m.workflow_name) end,
           now()
      from unnest(v_steps) s
      join public.contact_activities a on a.id = s.activity_id
      left join public.disposition_mappings m on m.id = s.mapping_id
     order by a.id
    on conflict (activity_id) do update
       set contact_id = excluded.contact_id, mapping_id = excluded.mapping_id,
           disposition_code = excluded.disposition_code, disposition_label = excluded.disposition_label,
           disposition_set_at = excluded.disposition_set_at, notes_md5 = excluded.notes_md5,
           callback_at = excluded.callback_at, task_id = excluded.task_id, workflow_run_id = excluded.workflow_run_id,
           applied_at = excluded.applied_at;
  end loop;
end
$$;

--
-- Name: apply_phone_normalizations(jsonb, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.apply_phone_normalizations(p_rows jsonb, as_of timestamp with time zone DEFAULT now()) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $_$
declare
  v_count integer;
begin
  if p_rows is null or pg_catalog.jsonb_typeof(p_rows) <> 'array' then
    raise exception 'phone normalisations must be a JSON array' using errcode = 'DB040';
  end if;
  if exists (select 1 from pg_catalog.jsonb_to_recordset(p_rows) as r(id uuid, phone text, phone_e164 text, phone_status text)
              where r.id is null or r.phone_status is null or r.phone_status not in ('valid', 'invalid', 'missing')
                 or (r.phone_status = 'valid') <> (r.phone_e164 is not null)
                 or (r.phone_e164 is not null and r.phone_e164 !~ '^\+[1-9][0-9]{6,14}$')) then
    raise exception 'each normalisation needs an id, a status valid|invalid|missing and an E.164 number exactly when valid'
      using errcode = 'DB040';
  end if;

  update public.contacts c
     set phone_e164 = r.phone_e164,
         phone_status = r.phone_status,
         phone_normalized_from = c.phone,
         phone_normalized_at = as_of,
         phone_number_invalid = case
           when r.phone_status = 'invalid' then true
           when c.phone_number_invalid_reason = 'unparseable' then false
           else c.phone_number_invalid end,
         phone_number_invalid_reason = case
           when r.phone_status = 'invalid' and (not c.phone_number_invalid or c.phone_number_invalid_reason is null)
             then 'unparseable'
           when r.phone_status <> 'invalid' and c.phone_number_invalid_reason = 'unparseable' then null
           else c.phone_number_invalid_reason end
    from (select distinct on (x.id) x.* from pg_catalog.jsonb_to_recordset(p_rows)
            as x(id uuid, phone text, phone_e164 text, phone_status text) order by x.id) r
   where c.id = r.id
     and c.phone is not distinct from r.phone
     and (c.phone_status is distinct from r.phone_status or c.phone_e164 is distinct from r.phone_e164
          or c.phone_normalized_from is distinct from c.phone);
  get diagnostics v_count = row_count;
  return v_count;
end
$_$;

--
-- Name: await_phoneburner_receivers(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.await_phoneburner_receivers() RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  perform pg_catalog.pg_advisory_lock(dialbridge.phoneburner_receivers_lock_key());
  perform pg_catalog.pg_advisory_unlock(dialbridge.phoneburner_receivers_lock_key());
exception when query_canceled or others then
  perform pg_catalog.pg_advisory_unlock(dialbridge.phoneburner_receivers_lock_key());
  raise;
end
$$;

--
-- Name: await_scoring_markers(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.await_scoring_markers() RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  perform pg_catalog.pg_advisory_lock(dialbridge.scoring_markers_lock_key());
  perform pg_catalog.pg_advisory_unlock(dialbridge.scoring_markers_lock_key());
exception when query_canceled or others then
  perform pg_catalog.pg_advisory_unlock(dialbridge.scoring_markers_lock_key());
  raise;
end
$$;

--
-- Name: best_call_time(uuid, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.best_call_time(p_contact_id uuid, p_as_of timestamp with time zone DEFAULT now()) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  v_contact record;
  v_zone text;
  v_day integer;
  v_day_connections integer;
  v_hour integer;
  v_hour_connections integer;
  v_level record;
  v_min_calls constant integer := 20;
begin
  select c.id, c.contact_type, c.industry, c.timezone into v_contact from public.contacts c where c.id = p_contact_id;
  if not found then
    raise exception 'contact % not found', p_contact_id using errcode = 'DB053';
  end if;
  v_zone := dialbridge.valid_time_zone(v_contact.timezone);

  -- The contact's own connections: most connections, then best rate, then the earliest bucket.
  with calls as (
    select (a.call_started_at at time zone v_zone) as local_at, (a.call_outcome = 'connected') as connected
      from public.contact_activities a
     where a.contact_id = p_contact_id and a.deleted_at is null
       and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
       and a.call_started_at is not null and a.call_started_at <= p_as_of
  )
  select b.bucket, b.connections into v_day, v_day_connections
    from (select pg_catalog.date_part('isodow', c.local_at)::integer as bucket,
                 count(*) filter (where c.connected)::integer as connections, count(*) as calls
            from calls c group by 1) b
   where b.connections > 0
   order by b.connections desc, b.connections::numeric / b.calls desc, b.bucket
   limit 1;

  if v_day is not null then
    with calls as (
      select (a.call_started_at at time zone v_zone) as local_at, (a.call_outcome = 'connected') as connected
        from public.contact_activities a
       where a.contact_id = p_contact_id and a.deleted_at is null
         and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
         and a.call_started_at is not null and a.call_started_at <= p_as_of
    )
    select b.bucket, b.connections into v_hour, v_hour_connections
      from (select pg_catalog.date_part('hour', c.local_at)::integer as bucket,
                   count(*) filter (where c.connected)::integer as connections, count(*) as calls
              from calls c group by 1) b
     where b.connections > 0
     order by b.connections desc, b.connections::numeric / b.calls desc, b.bucket
     limit 1;
    return pg_catalog.jsonb_build_object(
      'day_of_week', v_day, 'time_of_day', pg_catalog.make_time(v_hour, 0, 0), 'source', 'contact',
      'time_zone', v_zone,
      'basis', pg_catalog.jsonb_build_object('day_connections', v_day_connections, 'hour_connections', v_hour_connections));
  end if;

  -- No connection yet: the segment's best connection rates, most specific level with enough calls.
  for v_level in
    select * from (values (1, coalesce(v_contact.contact_type, ''), coalesce(v_contact.industry, ''), 'segment'),
                          (2, coalesce(v_contact.contact_type, ''), '*', 'segment'),
                          (3, '*', '*', 'everyone')) as l(rank, contact_type, industry, source)
     order by l.rank
  loop
    select s.day_of_week into v_day
      from (select h.day_of_week, sum(h.calls) as calls, sum(h.connections) as connections
              from dialbridge.call_hour_stats h
             where h.contact_type = v_level.contact_type and h.industry = v_level.industry
             group by h.day_of_week) s
     where s.calls >= v_min_calls and s.connections > 0
     order by s.connections::numeric / s.calls desc, s.connections desc, s.day_of_week
     limit 1;
    select s.hour into v_hour
      from (select h.hour, sum(h.calls) as calls, sum(h.connections) as connections
              from dialbridge.call_hour_stats h
             where h.contact_type = v_level.contact_type and h.industry = v_level.industry
             group by h.hour) s
     where s.calls >= v_min_calls and s.connections > 0
     order by s.connections::numeric / s.calls desc, s.connections desc, s.hour
     limit 1;
    if v_day is not null and v_hour is not null then
      return pg_catalog.jsonb_build_object(
        'day_of_week', v_day, 'time_of_day', pg_catalog.make_time(v_hour, 0, 0), 'source', v_level.source,
        'time_zone', v_zone,
        'basis', pg_catalog.jsonb_build_object('contact_type', v_level.contact_type, 'industry', v_level.industry,
                                               'min_calls_per_bucket', v_min_calls));
    end if;
  end loop;
  return pg_catalog.jsonb_build_object('day_of_week', null, 'time_of_day', null, 'source', null, 'time_zone', v_zone);
end
$$;

--
-- Name: buffer_or_apply_call_stat_deltas(dialbridge.activity_stat_delta[]); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.buffer_or_apply_call_stat_deltas(p_deltas dialbridge.activity_stat_delta[]) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if p_deltas is null or pg_catalog.cardinality(p_deltas) = 0 then
    return;
  end if;
  if pg_catalog.current_setting('dialbridge.defer_call_stats', true) = 'on'
     and pg_catalog.to_regclass('pg_temp.dialbridge_call_stat_deltas') is not null then
    insert into pg_temp.dialbridge_call_stat_deltas select * from unnest(p_deltas);
  else
    perform dialbridge.apply_call_stat_deltas(p_deltas);
  end if;
end
$$;

--
-- Name: call_has_open_callback_task(uuid, uuid, text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.call_has_open_callback_task(p_contact_id uuid, p_activity_id uuid, p_call_id text) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select exists (
    select 1
      from public.tasks t
      join public.contact_activities ca on ca.id = t.source_activity_id
     where t.contact_id = p_contact_id
       and t.source = 'callback'
       and t.status = 'open'
       and (ca.id = p_activity_id or (p_call_id is not null and ca.phoneburner_call_id = p_call_id)))
$$;

--
-- Name: called_ago(timestamp with time zone, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.called_ago(p_at timestamp with time zone, as_of timestamp with time zone DEFAULT now()) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select case when p_at is null then null
              when pg_catalog.floor(extract(epoch from (as_of - p_at)) / 86400) < 1 then 'Called today'
              when pg_catalog.floor(extract(epoch from (as_of - p_at)) / 86400) = 1 then 'Called 1 day ago'
              else 'Called ' || pg_catalog.floor(extract(epoch from (as_of - p_at)) / 86400)::integer || ' days ago' end
$$;

--
-- Name: claim_contact_mark(uuid, text, uuid, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.claim_contact_mark(p_contact_id uuid, p_kind text, p_activity_id uuid, p_at timestamp with time zone) RETURNS boolean
    LANGUAGE sql
    SET search_path TO ''
    AS $$
  with claimed as (
    insert into dialbridge.contact_marks as m (contact_id, kind, activity_id, marked_at)
    values (p_contact_id, p_kind, p_activity_id, p_at)
    on conflict (contact_id, kind) do update
       set activity_id = excluded.activity_id, marked_at = excluded.marked_at
     where m.activity_id = excluded.activity_id
        or (m.marked_at, m.activity_id) < (excluded.marked_at, excluded.activity_id)
    returning 1
  )
  select exists (select 1 from claimed)
$$;

--
-- Name: claim_pending_phones(integer); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.claim_pending_phones(p_limit integer DEFAULT 500) RETURNS TABLE(id uuid, phone text, country text)
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select c.id, c.phone, c.country
    from public.contacts c
   where c.phone_status = 'pending'
   order by c.id
   limit greatest(1, least(p_limit, 5000))
     for update skip locked
$$;

--
-- Name: claim_push_batch(uuid, text, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.claim_push_batch(p_batch_id uuid, p_holder text, as_of timestamp with time zone DEFAULT now()) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_batch public.phoneburner_push_batches;
  v_run public.phoneburner_push_runs;
  v_ids uuid[];
  v_contacts jsonb;
  v_contact_ids jsonb;
  v_session_pb_id text;
  v_name text;
begin
  select * into v_batch from public.phoneburner_push_batches where id = p_batch_id for update;
  if v_batch.id is null then
    return '{"state": "done", "why": "no such batch"}'::jsonb;
  end if;
  select * into v_run from public.phoneburner_push_runs where id = v_batch.run_id for update;
  if v_batch.status in ('succeeded', 'failed') or v_run.status in ('failed', 'succeeded', 'partially_succeeded', 'nothing_to_push') then
    return pg_catalog.jsonb_build_object('state', 'done', 'run_id', v_run.id);
  end if;
  if exists (select 1 from public.phoneburner_push_batches b
              where b.run_id = v_batch.run_id and b.batch_no < v_batch.batch_no and b.status <> 'succeeded') then
    return pg_catalog.jsonb_build_object('state', 'blocked', 'run_id', v_run.id);
  end if;

  -- send-time gate: whatever became blocked since the preview is excluded now (legal do-not-call always,
  -- other blocks unless the rep overrode them), and numbers are re-read
  with gate as (
    select rc.contact_id, b.block, b.detail
      from public.phoneburner_push_run_contacts rc
      join dialbridge.push_blocks(array(select x.contact_id from public.phoneburner_push_run_contacts x
                                         where x.run_id = v_run.id and x.batch_no = v_batch.batch_no and x.status = 'queued'),
                                  as_of) b on b.contact_id = rc.contact_id
     where rc.run_id = v_run.id and rc.batch_no = v_batch.batch_no and rc.status = 'queued'
       and (b.block = 'legal_dnc' or not rc.is_overridden)
  )
  update public.phoneburner_push_run_contacts rc
     set status = 'failed', error_field = 'do_not_call',
         error_message = 'Not sent: ' || pg_catalog.lower(dialbridge.push_reason_label(g.block)) || ' since the preview (' || g.detail || ')'
    from gate g
   where rc.run_id = v_run.id and rc.contact_id = g.contact_id;

  update public.phoneburner_push_run_contacts rc
     set status = 'failed', error_field = 'phone', error_message = 'Not sent: the number changed and is not valid now'
    from public.contacts c
   where rc.run_id = v_run.id and rc.batch_no = v_batch.batch_no and rc.status = 'queued'
     and c.id = rc.contact_id and (c.phone_status is distinct from 'valid' or c.phone_number_invalid and not rc.is_overridden);
  update public.phoneburner_push_run_contacts rc
     set phone_e164 = c.phone_e164
    from public.contacts c
   where rc.run_id = v_run.id and rc.batch_no = v_batch.batch_no and rc.status = 'queued'
     and c.id = rc.contact_id and rc.phone_e164 is distinct from c.phone_e164;

  v_ids := array(select rc.contact_id from public.phoneburner_push_run_contacts rc
                  where rc.run_id = v_run.id and rc.batch_no = v_batch.batch_no and rc.status = 'queued'
                  order by rc.position);
  if pg_catalog.cardinality(v_ids) = 0 then
    return pg_catalog.jsonb_build_object('state', 'empty', 'run_id', v_run.id, 'batch_id', v_batch.id);
  end if;

  v_name := v_run.session_name || case when v_run.api_style = 'dialsession' and v_run.batches_total > 1
                                       then ' (' || v_batch.batch_no || '/' || v_run.batches_total || ')' else '' end;
  -- seed contract: later batches (and pushes into an existing session) go into the known session
  select coalesce(
           (select s.phoneburner_session_id from public.phoneburner_sessions s where s.id = v_run.target_session_id),
           (select b.phoneburner_session_id from public.phoneburner_push_batches b
             where b.run_id = v_run.id and b.batch_no = 1 and b.status = 'succeeded'
               and b.phoneburner_session_id not like 'pending:%'))
    into v_session_pb_id;
  if v_run.api_style = 'dialsession' then
    v_session_pb_id := null;
  end if;

  select pg_catalog.jsonb_agg(
           case when v_run.api_style = 'dialsession' then
             pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
               'first_name', nullif(pg_catalog.btrim(c.first_name), ''),
               'last_name', nullif(pg_catalog.btrim(c.last_name), ''),
               'phone', rc.phone_e164,
               'email', nullif(pg_catalog.btrim(c.email), ''),
               'company', nullif(pg_catalog.btrim(c.company), ''),
               'title', nullif(pg_catalog.btrim(c.title), ''),
               'address1', nullif(pg_catalog.btrim(c.address_line1), ''),
               'city', nullif(pg_catalog.btrim(c.city), ''),
               'state', nullif(pg_catalog.btrim(c.state), ''),
               'zip', nullif(pg_catalog.btrim(c.zip), ''),
               'external_crm_data', pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                 'crm_id', c.sourceco_contact_id, 'crm_name', 'sourceco')),
               'custom_fields', (select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                                   'name', k.label, 'value', x.custom_fields ->> k.key, 'type', 1) order by k.ord)
                                   from dialbridge.phoneburner_custom_field_catalog() k where x.custom_fields ? k.key)))
           else
             pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
               'first_name', nullif(pg_catalog.btrim(c.first_name), ''),
               'last_name', nullif(pg_catalog.btrim(c.last_name), ''),
               'phone', rc.phone_e164,
               'email', nullif(pg_catalog.btrim(c.email), ''),
               'company', nullif(pg_catalog.btrim(c.company), ''),
               'title', nullif(pg_catalog.btrim(c.title), ''),
               'address', nullif(pg_catalog.btrim(c.address_line1), ''),
               'city', nullif(pg_catalog.btrim(c.city), ''),
               'state', nullif(pg_catalog.btrim(c.state), ''),
               'zip', nullif(pg_catalog.btrim(c.zip), ''),
               'country', nullif(pg_catalog.btrim(c.country), ''),
               'custom_fields', x.custom_fields))
           end order by rc.position),
         pg_catalog.jsonb_agg(rc.contact_id order by rc.position)
    into v_contacts, v_contact_ids
    from public.phoneburner_push_run_contacts rc
    join public.contacts c on c.id = rc.contact_id
    join dialbridge.phoneburner_call_context(v_ids) x on x.contact_id = rc.contact_id
   where rc.run_id = v_run.id and rc.batch_no = v_batch.batch_no and rc.status = 'queued';

  update public.phoneburner_push_batches
     set status = 'sending', attempts = attempts + 1, leased_by = p_holder, started_at = coalesce(started_at, as_of),
         next_attempt_at = null
   where id = v_batch.id;
  update public.phoneburner_push_runs
     set status = 'pushing', stage = 'uploading', started_at = coalesce(started_at, as_of),
         stage_detail = 'Uploading ' || pg_catalog.cardinality(v_ids) || ' contacts to "' || v_name || '"'
                        || case when v_run.batches_total > 1 then ' (batch ' || v_batch.batch_no || ' of ' || v_run.batches_total || ')' else '' end
   where id = v_run.id;

  return pg_catalog.jsonb_build_object(
    'state', 'ready',
    'run_id', v_run.id,
    'batch_id', v_batch.id,
    'batch_no', v_batch.batch_no,
    'batches_total', v_run.batches_total,
    'attempt', v_batch.attempts + 1,
    'api_style', v_run.api_style,
    'target_user_id', v_run.target_user_id,
    'request_key', v_batch.request_key,
    'session_name', v_name,
    'session_description', 'Pushed from SourceCo by dialbridge (' || v_run.contacts_ready || ' contacts)',
    'phoneburner_session_id', v_session_pb_id,
    -- the previous attempt may have reached PhoneBurner (no answer, or its sender died mid-call):
    -- the executor looks the session up by its key before sending anything again
    'needs_lookup', v_batch.attempts > 0
                    and ((v_batch.status = 'sending' and v_batch.leased_by is distinct from p_holder)
                         or (v_batch.status = 'retrying' and v_batch.last_error_code in ('PB_TIMEOUT', 'PB_NETWORK', 'PB_SERVER_ERROR'))),
    'last_error_code', v_batch.last_error_code,
    'update_existing', coalesce((v_run.options ->> 'update_existing')::boolean, true),
    'skip_duplicates', coalesce((v_run.options ->> 'skip_duplicates')::boolean, true),
    'contact_ids', v_contact_ids,
    'contacts', v_contacts);
end
$$;

--
-- Name: complete_push_batch(uuid, jsonb, timestamp with time zone, boolean); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.complete_push_batch(p_batch_id uuid, p_result jsonb, as_of timestamp with time zone DEFAULT now(), p_summary boolean DEFAULT true) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_batch public.phoneburner_push_batches;
  v_run public.phoneburner_push_runs;
  v_target public.profiles;
  v_pb_session text;
  v_session_id uuid;
  v_added integer;
  v_updated integer;
  v_failed integer;
  v_next uuid;
  v_contact_type text;
begin
  select * into v_batch from public.phoneburner_push_batches where id = p_batch_id for update;
  if v_batch.id is null then
    raise exception 'push batch not found' using errcode = 'DB044';
  end if;
  select * into v_run from public.phoneburner_push_runs where id = v_batch.run_id for update;
  if v_batch.status = 'succeeded' then
    return dialbridge.push_run_summary(v_run.id);
  end if;
  select * into v_target from public.profiles where id = v_run.target_user_id;

  if pg_catalog.to_regclass('pg_temp.push_results') is null then
    create temporary table push_results (
      contact_id uuid primary key, status text, phoneburner_contact_id text, field text, error text
    ) on commit drop;
  end if;
  truncate pg_temp.push_results;
  insert into pg_temp.push_results
  select rc.contact_id,
         coalesce(case when r.status in ('added', 'updated', 'failed') then r.status end, 'added'),
         nullif(pg_catalog.btrim(r.phoneburner_contact_id), ''), r.field, r.error
    from public.phoneburner_push_run_contacts rc
    left join pg_catalog.jsonb_to_recordset(coalesce(p_result -> 'contacts', '[]'::jsonb))
           as r(contact_id uuid, status text, phoneburner_contact_id text, field text, error text)
      on r.contact_id = rc.contact_id
   where rc.run_id = v_run.id and rc.batch_no = v_batch.batch_no and rc.status = 'queued'
  on conflict (contact_id) do nothing;

  select pg_catalog.count(*) filter (where status = 'added'), pg_catalog.count(*) filter (where status = 'updated'),
         pg_catalog.count(*) filter (where status = 'failed')
    into v_added, v_updated, v_failed
    from pg_temp.push_results;

  -- the session
  v_pb_session := coalesce(nullif(pg_catalog.btrim(p_result ->> 'phoneburner_session_id'), ''),
                           (select s.phoneburner_session_id from public.phoneburner_sessions s where s.id = v_run.target_session_id),
                           case when v_run.api_style = 'seed' then
                             (select b.phoneburner_session_id from public.phoneburner_push_batches b
                               where b.run_id = v_run.id and b.batch_no = 1 and b.status = 'succeeded') end,
                           'pending:' || v_batch.request_key);
  if v_added + v_updated > 0 or nullif(pg_catalog.btrim(p_result ->> 'phoneburner_session_id'), '') is not null then
    select case when pg_catalog.count(distinct c.contact_type) = 1 and pg_catalog.count(c.contact_type) = pg_catalog.count(*)
                then pg_catalog.min(c.contact_type) else 'mixed' end
      into v_contact_type
      from public.phoneburner_push_run_contacts rc join public.contacts c on c.id = rc.contact_id
     where rc.run_id = v_run.id and rc.batch_no is not null;

    insert into public.phoneburner_sessions as s (
      phoneburner_session_id, session_external_url, session_name, session_description, session_type, contact_type,
      target_industry, target_geography, session_status, created_by_user_id, team_id, created_at)
    values (
      v_pb_session, nullif(p_result ->> 'session_url', ''),
      v_run.session_name || case when v_run.api_style = 'dialsession' and v_run.batches_total > 1
                                 then ' (' || v_batch.batch_no || '/' || v_run.batches_total || ')' else '' end,
      'Pushed from SourceCo by dialbridge',
      case when v_run.request_shape = 'callback' then 'callback_followup'
           when v_contact_type = 'seller' then 'seller_prospecting'
           when v_contact_type = 'buyer' then 'buyer_outreach' end,
      v_contact_type,
      dialbridge.jsonb_single_text(v_run.filter -> 'industry'),
      coalesce(dialbridge.jsonb_single_text(v_run.filter -> 'geography'),
               pg_catalog.upper(dialbridge.jsonb_single_text(v_run.filter -> 'state'))),
      'active', v_run.target_user_id, coalesce(v_target.team_id, v_run.team_id), as_of)
    on conflict (phoneburner_session_id) do update
      set session_external_url = coalesce(excluded.session_external_url, s.session_external_url)
    returning s.id into v_session_id;

    -- session totals (total_contacts_added / _active) follow from these rows (the membership trigger)
    insert into public.phoneburner_session_contacts as m (session_id, contact_id, team_id, phoneburner_contact_id,
                                                          phone_e164, state, added_at, added_by_user_id)
      select v_session_id, r.contact_id, c.team_id, r.phoneburner_contact_id, rc.phone_e164, 'pending', as_of, v_run.user_id
        from pg_temp.push_results r
        join public.phoneburner_push_run_contacts rc on rc.run_id = v_run.id and rc.contact_id = r.contact_id
        join public.contacts c on c.id = r.contact_id
       where r.status in ('added', 'updated')
    on conflict (session_id, contact_id) do update
      set phoneburner_contact_id = coalesce(excluded.phoneburner_contact_id, m.phoneburner_contact_id),
          phone_e164 = excluded.phone_e164,
          state = case when m.state in ('removed', 'failed') then 'pending' else m.state end;
  end if;

  -- the contacts: PhoneBurner id (when reported and not another contact's), sync time and status
  update public.contacts c
     set phoneburner_last_sync_at = as_of,
         phoneburner_sync_status = case when r.status = 'failed' then 'failed' else 'synced' end,
         phoneburner_contact_id = case
           when r.phoneburner_contact_id is not null and not exists (
                  select 1 from public.contacts o where o.phoneburner_contact_id = r.phoneburner_contact_id and o.id <> c.id)
           then r.phoneburner_contact_id else c.phoneburner_contact_id end
    from pg_temp.push_results r
   where c.id = r.contact_id;

  update public.phoneburner_push_run_contacts rc
     set status = case r.status when 'added' then 'pushed' when 'updated' then 'updated' else 'failed' end,
         phoneburner_contact_id = r.phoneburner_contact_id,
         error_field = case when r.status = 'failed' then pg_catalog.left(r.field, 100) end,
         error_message = case when r.status = 'failed' then pg_catalog.left(coalesce(r.error, 'Rejected by PhoneBurner'), 500) end,
         pushed_at = case when r.status <> 'failed' then as_of end
    from pg_temp.push_results r
   where rc.run_id = v_run.id and rc.contact_id = r.contact_id;

  update public.phoneburner_push_batches
     set status = 'succeeded', finished_at = as_of, session_id = v_session_id, phoneburner_session_id = v_pb_session,
         last_error = null, last_error_code = null, next_attempt_at = null,
         response_summary = pg_catalog.jsonb_build_object('added', v_added, 'updated', v_updated, 'failed', v_failed)
   where id = v_batch.id;

  -- the run: counters from the per-contact rows (also counts contacts failed before sending)
  update public.phoneburner_push_runs r
     set contacts_added = x.added, contacts_updated = x.updated, contacts_failed = x.failed,
         contacts_done = x.added + x.updated + x.failed,
         batches_done = r.batches_done + 1,
         session_id = coalesce(r.session_id, v_session_id),
         phoneburner_session_id = coalesce(r.phoneburner_session_id, v_pb_session),
         session_url = coalesce(r.session_url, nullif(p_result ->> 'session_url', '')),
         redirect_url = coalesce(r.redirect_url, nullif(p_result ->> 'redirect_url', '')),
         stage = case when r.batches_done + 1 >= r.batches_total then 'done' else 'uploading' end,
         stage_detail = case when r.batches_done + 1 >= r.batches_total then null
                             else 'Uploaded batch ' || (r.batches_done + 1) || ' of ' || r.batches_total end,
         status = case when r.batches_done + 1 < r.batches_total then 'pushing'
                       when x.failed = 0 then 'succeeded'
                       when x.added + x.updated > 0 then 'partially_succeeded'
                       else 'failed' end,
         error = case when r.batches_done + 1 >= r.batches_total and x.failed > 0 and x.added + x.updated = 0
                      then 'PhoneBurner accepted none of the contacts' end,
         error_code = case when r.batches_done + 1 >= r.batches_total and x.failed > 0 and x.added + x.updated = 0
                           then 'PB_ALL_REJECTED' end,
         finished_at = case when r.batches_done + 1 >= r.batches_total then as_of end
    from (select pg_catalog.count(*) filter (where rc.status = 'pushed') as added,
                 pg_catalog.count(*) filter (where rc.status = 'updated') as updated,
                 pg_catalog.count(*) filter (where rc.status = 'failed') as failed
            from public.phoneburner_push_run_contacts rc where rc.run_id = v_run.id) x
   where r.id = v_run.id;

  select b.id into v_next from public.phoneburner_push_batches b
   where b.run_id = v_run.id and b.status = 'queued' order by b.batch_no limit 1;
  if v_next is not null then
    perform dialbridge.enqueue_push_batch(v_next);
  end if;
  if not p_summary then
    return pg_catalog.jsonb_build_object('run_id', v_run.id, 'next_batch_id', v_next);
  end if;
  return dialbridge.push_run_summary(v_run.id) || pg_catalog.jsonb_build_object('next_batch_id', v_next);
end
$$;

--
-- Name: contact_call_stats_from_rows(uuid); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.contact_call_stats_from_rows(p_contact_id uuid DEFAULT NULL::uuid) RETURNS TABLE(contact_id uuid, total_call_attempts integer, total_calls_connected integer, total_calls_to_decision_maker integer, total_calls_to_gatekeeper integer, total_voicemails_left integer, total_call_duration_seconds integer, total_talk_time_seconds integer, average_talk_time_seconds integer, connection_rate_percentage numeric, first_call_attempt_at timestamp with time zone, last_call_attempt_at timestamp with time zone, last_call_connected_at timestamp with time zone, phone_verified_at timestamp with time zone, last_disposition_code text, last_disposition_label text, last_disposition_date timestamp with time zone, last_disposition_notes text, last_engaged_call_at timestamp with time zone)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  with scope as (
    select c.id from public.contacts c
     where (p_contact_id is null or c.id = p_contact_id)
       and (p_contact_id is not null or c.total_call_attempts <> 0 or c.last_call_attempt_at is not null
            or c.last_disposition_date is not null
            or exists (select 1 from public.contact_activities a where a.contact_id = c.id))
  ), agg as (
    select a.contact_id,
           sum(s.is_call)::integer as attempts, sum(s.is_connected)::integer as connected,
           sum(s.is_decision_maker)::integer as dm, sum(s.is_gatekeeper)::integer as gk,
           sum(s.is_voicemail)::integer as vm, sum(s.duration_seconds)::integer as duration,
           sum(s.talk_seconds)::integer as talk, min(s.attempt_at) as first_at, max(s.attempt_at) as last_at,
           max(s.connected_at) as connected_at, max(s.engaged_at) as engaged_at
      from public.contact_activities a cross join lateral dialbridge.activity_call_stats(a) s
     where a.contact_id in (select id from scope) and s.is_call = 1
     group by a.contact_id
  ), disp as (
    select distinct on (a.contact_id) a.contact_id, a.disposition_code, a.disposition_label, a.disposition_set_at,
           a.disposition_notes
      from public.contact_activities a
     where a.contact_id in (select id from scope) and a.deleted_at is null and a.disposition_set_at is not null
       and coalesce(a.disposition_code, a.disposition_label) is not null
       and dialbridge.is_call_activity_type(a.activity_type)
     order by a.contact_id, a.disposition_set_at desc, a.dedupe_key desc nulls last, a.id desc
  )
  select sc.id, coalesce(g.attempts, 0), coalesce(g.connected, 0), coalesce(g.dm, 0), coalesce(g.gk, 0),
         coalesce(g.vm, 0), coalesce(g.duration, 0), coalesce(g.talk, 0),
         case when g.connected > 0 then pg_catalog.round(g.talk::numeric / g.connected)::integer end,
         case when g.attempts > 0 then pg_catalog.round(g.connected * 100.0 / g.attempts, 2) end,
         g.first_at, g.last_at, g.connected_at, g.connected_at,
         d.disposition_code, d.disposition_label, d.disposition_set_at, d.disposition_notes, g.engaged_at
    from scope sc
    left join agg g on g.contact_id = sc.id
    left join disp d on d.contact_id = sc.id
$$;

--
-- Name: contacts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contacts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    first_name text,
    last_name text,
    email text,
    phone text,
    company text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    sourceco_contact_id text,
    team_id uuid,
    owner_id uuid,
    title text,
    address_line1 text,
    city text,
    state text,
    zip text,
    country text,
    timezone text,
    contact_type text,
    legacy_contact_type text,
    buyer_type text,
    firm_type text,
    industry text,
    aum_usd numeric(18,2),
    fund_size_usd numeric(18,2),
    target_sectors text[],
    target_geographies text[],
    target_ebitda_min_usd numeric(18,2),
    target_ebitda_max_usd numeric(18,2),
    ebitda_usd numeric(18,2),
    list_source text,
    relationship_notes text,
    call_talking_points text,
    assistant_name text,
    assistant_phone text,
    contact_status text,
    contact_stage text,
    needs_review boolean DEFAULT false NOT NULL,
    needs_review_reason text,
    last_call_attempt_at timestamp with time zone,
    last_call_connected_at timestamp with time zone,
    first_call_attempt_at timestamp with time zone,
    total_call_attempts integer DEFAULT 0 NOT NULL,
    total_calls_connected integer DEFAULT 0 NOT NULL,
    total_calls_to_decision_maker integer DEFAULT 0 NOT NULL,
    total_calls_to_gatekeeper integer DEFAULT 0 NOT NULL,
    total_voicemails_left integer DEFAULT 0 NOT NULL,
    total_call_duration_seconds integer DEFAULT 0 NOT NULL,
    total_talk_time_seconds integer DEFAULT 0 NOT NULL,
    average_talk_time_seconds integer,
    best_call_day_of_week integer,
    best_call_time_of_day time without time zone,
    connection_rate_percentage numeric(5,2),
    phoneburner_contact_id text,
    phoneburner_last_sync_at timestamp with time zone,
    phoneburner_sync_status text DEFAULT 'synced'::text,
    phone_number_invalid boolean DEFAULT false NOT NULL,
    phone_number_invalid_reason text,
    phone_verified_at timestamp with time zone,
    do_not_call boolean DEFAULT false NOT NULL,
    do_not_call_reason text,
    do_not_call_set_at timestamp with time zone,
    do_not_call_set_by_user_id uuid,
    next_action_type text,
    next_action_date date,
    next_action_notes text,
    next_action_assigned_to_user_id uuid,
    last_disposition_code text,
    last_disposition_label text,
    last_disposition_date timestamp with time zone,
    last_disposition_notes text,
    gatekeeper_name text,
    gatekeeper_phone_extension text,
    gatekeeper_notes text,
    call_engagement_score integer,
    last_engaged_call_at timestamp with time zone,
    days_since_last_engaged_call integer,
    call_stats_last_calculated_at timestamp with time zone,
    call_stats_stale boolean DEFAULT false NOT NULL,
    phone_e164 text,
    phone_status text,
    phone_normalized_from text,
    phone_normalized_at timestamp with time zone,
    CONSTRAINT contacts_contact_type_check CHECK (((contact_type = ANY (ARRAY['buyer'::text, 'seller'::text])) OR (NOT (contact_type IS DISTINCT FROM legacy_contact_type))))
);

--
-- Name: TABLE contacts; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.contacts IS 'SourceCo contacts (buyers and sellers) with the call-tracking, suppression, next-action and PhoneBurner sync columns dialbridge maintains.';

--
-- Name: COLUMN contacts.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.id IS 'Contact id (uuid).';

--
-- Name: COLUMN contacts.first_name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.first_name IS 'First name.';

--
-- Name: COLUMN contacts.last_name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.last_name IS 'Last name.';

--
-- Name: COLUMN contacts.email; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.email IS 'Primary email address.';

--
-- Name: COLUMN contacts.phone; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.phone IS 'Primary phone number as entered or synced.';

--
-- Name: COLUMN contacts.company; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.company IS 'Company or firm name.';

--
-- Name: COLUMN contacts.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.created_at IS 'When the contact was created.';

--
-- Name: COLUMN contacts.updated_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.updated_at IS 'When the contact''s own data last changed (fields, team, owner, status, next action, compliance flags); call statistics and scores do not move it.';

--
-- Name: COLUMN contacts.sourceco_contact_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.sourceco_contact_id IS 'Text key carried through the dialer and back (PhoneBurner custom field "SourceCo ID"); defaults to the uuid.';

--
-- Name: COLUMN contacts.team_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.team_id IS 'Team that works this contact; scopes who sees it.';

--
-- Name: COLUMN contacts.owner_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.owner_id IS 'Rep who owns the relationship.';

--
-- Name: COLUMN contacts.title; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.title IS 'Job title.';

--
-- Name: COLUMN contacts.address_line1; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.address_line1 IS 'Street address.';

--
-- Name: COLUMN contacts.city; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.city IS 'City.';

--
-- Name: COLUMN contacts.state; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.state IS 'State or region (US: two-letter code).';

--
-- Name: COLUMN contacts.zip; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.zip IS 'Postal code.';

--
-- Name: COLUMN contacts.country; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.country IS 'Country (ISO 3166 alpha-2 preferred).';

--
-- Name: COLUMN contacts.timezone; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.timezone IS 'IANA time zone of the contact, used for legal calling hours.';

--
-- Name: COLUMN contacts.contact_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.contact_type IS 'buyer (PE firm, strategic, family office…) or seller (business owner).';

--
-- Name: COLUMN contacts.legacy_contact_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.legacy_contact_type IS 'SourceCo''s original contact_type when it was neither buyer nor seller as dialbridge was installed; that row may keep it, every other value must be buyer or seller. Rows still to clean up: contact_type = legacy_contact_type.';

--
-- Name: COLUMN contacts.buyer_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.buyer_type IS 'Buyer type, e.g. "PE Firm - Lower Middle Market", Strategic, Family Office.';

--
-- Name: COLUMN contacts.firm_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.firm_type IS 'Firm type, e.g. Independent Sponsor.';

--
-- Name: COLUMN contacts.industry; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.industry IS 'Industry (sellers) or primary sector focus.';

--
-- Name: COLUMN contacts.aum_usd; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.aum_usd IS 'Assets under management, USD (buyers).';

--
-- Name: COLUMN contacts.fund_size_usd; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.fund_size_usd IS 'Current fund size, USD (buyers).';

--
-- Name: COLUMN contacts.target_sectors; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.target_sectors IS 'Sectors the buyer targets.';

--
-- Name: COLUMN contacts.target_geographies; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.target_geographies IS 'Geographies the buyer targets.';

--
-- Name: COLUMN contacts.target_ebitda_min_usd; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.target_ebitda_min_usd IS 'Lower bound of the buyer''s target EBITDA range, USD.';

--
-- Name: COLUMN contacts.target_ebitda_max_usd; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.target_ebitda_max_usd IS 'Upper bound of the buyer''s target EBITDA range, USD.';

--
-- Name: COLUMN contacts.ebitda_usd; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.ebitda_usd IS 'Company EBITDA, USD (sellers).';

--
-- Name: COLUMN contacts.list_source; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.list_source IS 'Where the contact came from (list, campaign, import).';

--
-- Name: COLUMN contacts.relationship_notes; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.relationship_notes IS 'Relationship context for reps.';

--
-- Name: COLUMN contacts.call_talking_points; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.call_talking_points IS 'Talking points pushed to the dialer for the next call.';

--
-- Name: COLUMN contacts.assistant_name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.assistant_name IS 'Assistant''s name.';

--
-- Name: COLUMN contacts.assistant_phone; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.assistant_phone IS 'Assistant''s phone.';

--
-- Name: COLUMN contacts.contact_status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.contact_status IS 'SourceCo status set by dispositions: Qualified, Nurture, Disqualified, Suppressed, Invalid, Attempted.';

--
-- Name: COLUMN contacts.contact_stage; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.contact_stage IS 'SourceCo stage set by dispositions: Engaged, Follow-up, Meeting Set, Dead, Paused, Outreach.';

--
-- Name: COLUMN contacts.needs_review; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.needs_review IS 'Flagged for a person to look at (e.g. the email domain changed in the dialer: possible company change).';

--
-- Name: COLUMN contacts.needs_review_reason; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.needs_review_reason IS 'Why the contact was flagged for review.';

--
-- Name: COLUMN contacts.last_call_attempt_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.last_call_attempt_at IS 'Start of the most recent call attempt (any outcome).';

--
-- Name: COLUMN contacts.last_call_connected_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.last_call_connected_at IS 'Most recent call answered by a person (not voicemail).';

--
-- Name: COLUMN contacts.first_call_attempt_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.first_call_attempt_at IS 'Start of the first ever call attempt.';

--
-- Name: COLUMN contacts.total_call_attempts; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.total_call_attempts IS 'Calls attempted (one per call, however many events it produced).';

--
-- Name: COLUMN contacts.total_calls_connected; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.total_calls_connected IS 'Calls answered by a person (not voicemail).';

--
-- Name: COLUMN contacts.total_calls_to_decision_maker; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.total_calls_to_decision_maker IS 'Calls answered by the decision maker.';

--
-- Name: COLUMN contacts.total_calls_to_gatekeeper; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.total_calls_to_gatekeeper IS 'Calls answered by a gatekeeper.';

--
-- Name: COLUMN contacts.total_voicemails_left; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.total_voicemails_left IS 'Calls that reached voicemail.';

--
-- Name: COLUMN contacts.total_call_duration_seconds; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.total_call_duration_seconds IS 'Sum of call durations including ringing, seconds.';

--
-- Name: COLUMN contacts.total_talk_time_seconds; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.total_talk_time_seconds IS 'Sum of conversation time, seconds.';

--
-- Name: COLUMN contacts.average_talk_time_seconds; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.average_talk_time_seconds IS 'total_talk_time_seconds / total_calls_connected.';

--
-- Name: COLUMN contacts.best_call_day_of_week; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.best_call_day_of_week IS 'ISO day of week with the best connection rate (1 = Monday).';

--
-- Name: COLUMN contacts.best_call_time_of_day; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.best_call_time_of_day IS 'Hour of day with the best connection rate.';

--
-- Name: COLUMN contacts.connection_rate_percentage; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.connection_rate_percentage IS 'total_calls_connected / total_call_attempts × 100.';

--
-- Name: COLUMN contacts.phoneburner_contact_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.phoneburner_contact_id IS 'PhoneBurner''s id of this contact (contact.user_id in callbacks).';

--
-- Name: COLUMN contacts.phoneburner_last_sync_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.phoneburner_last_sync_at IS 'Last time the contact was pushed to or synced from PhoneBurner.';

--
-- Name: COLUMN contacts.phoneburner_sync_status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.phoneburner_sync_status IS 'synced, pending, failed or conflict.';

--
-- Name: COLUMN contacts.phone_number_invalid; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.phone_number_invalid IS 'The number is known bad (wrong number or disconnected disposition, or unparseable).';

--
-- Name: COLUMN contacts.phone_number_invalid_reason; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.phone_number_invalid_reason IS 'Why the number is invalid: disconnected, wrong_person, business_closed, unparseable.';

--
-- Name: COLUMN contacts.phone_verified_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.phone_verified_at IS 'Last call answered by a person: proves the number works.';

--
-- Name: COLUMN contacts.do_not_call; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.do_not_call IS 'Never call. Set with a suppression row; never lifted by a disposition or a sync.';

--
-- Name: COLUMN contacts.do_not_call_reason; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.do_not_call_reason IS 'user_requested, legal_requirement or internal_policy.';

--
-- Name: COLUMN contacts.do_not_call_set_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.do_not_call_set_at IS 'When do-not-call was set.';

--
-- Name: COLUMN contacts.do_not_call_set_by_user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.do_not_call_set_by_user_id IS 'Who set do-not-call (null: the contact asked on a call).';

--
-- Name: COLUMN contacts.next_action_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.next_action_type IS 'Next planned action: call, email, send_materials, schedule_meeting, …';

--
-- Name: COLUMN contacts.next_action_date; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.next_action_date IS 'When the next action is due.';

--
-- Name: COLUMN contacts.next_action_notes; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.next_action_notes IS 'Context for the next action.';

--
-- Name: COLUMN contacts.next_action_assigned_to_user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.next_action_assigned_to_user_id IS 'Rep the next action is assigned to.';

--
-- Name: COLUMN contacts.last_disposition_code; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.last_disposition_code IS 'Disposition code of the most recent dispositioned call.';

--
-- Name: COLUMN contacts.last_disposition_label; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.last_disposition_label IS 'Disposition label of the most recent dispositioned call.';

--
-- Name: COLUMN contacts.last_disposition_date; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.last_disposition_date IS 'When the most recent disposition was set.';

--
-- Name: COLUMN contacts.last_disposition_notes; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.last_disposition_notes IS 'Rep notes of the most recent disposition.';

--
-- Name: COLUMN contacts.gatekeeper_name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.gatekeeper_name IS 'Name of the assistant or receptionist.';

--
-- Name: COLUMN contacts.gatekeeper_phone_extension; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.gatekeeper_phone_extension IS 'Gatekeeper''s extension.';

--
-- Name: COLUMN contacts.gatekeeper_notes; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.gatekeeper_notes IS 'Tips for getting past the gatekeeper.';

--
-- Name: COLUMN contacts.call_engagement_score; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.call_engagement_score IS 'Engagement score 0–100 from connection rate, talk time, dispositions and recency.';

--
-- Name: COLUMN contacts.last_engaged_call_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.last_engaged_call_at IS 'Last meaningful conversation (over 2 minutes, positive outcome).';

--
-- Name: COLUMN contacts.days_since_last_engaged_call; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.days_since_last_engaged_call IS 'Days since last_engaged_call_at, refreshed nightly.';

--
-- Name: COLUMN contacts.call_stats_last_calculated_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.call_stats_last_calculated_at IS 'When the call statistics last changed.';

--
-- Name: COLUMN contacts.call_stats_stale; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.call_stats_stale IS 'Statistics need a recompute (set by reconciliation when drift is found).';

--
-- Name: COLUMN contacts.phone_e164; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.phone_e164 IS 'The phone number in E.164 (+12125550123), normalised with libphonenumber; set only when phone_status is valid.';

--
-- Name: COLUMN contacts.phone_status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.phone_status IS 'valid (phone_e164 set), invalid (unparseable: flagged, never guessed), missing (no number) or pending (changed, not normalised yet).';

--
-- Name: COLUMN contacts.phone_normalized_from; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.phone_normalized_from IS 'The phone value phone_e164 and phone_status were computed from.';

--
-- Name: COLUMN contacts.phone_normalized_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contacts.phone_normalized_at IS 'When the number was last normalised.';

--
-- Name: contact_phone_key(public.contacts); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.contact_phone_key(p_contact public.contacts) RETURNS text
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select coalesce(nullif(pg_catalog.to_jsonb(p_contact) ->> 'phone_e164', ''), dialbridge.suppression_phone(p_contact.phone))
$$;

--
-- Name: contact_segment_values(text, text, text, text, text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.contact_segment_values(p_contact_type text, p_list_source text, p_industry text, p_state text, p_country text) RETURNS TABLE(dimension text, value text)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select v.dimension, v.value
    from (values ('contact_type', nullif(pg_catalog.btrim(p_contact_type), '')),
                 ('list_source', nullif(pg_catalog.btrim(p_list_source), '')),
                 ('industry', nullif(pg_catalog.btrim(p_industry), '')),
                 ('geography', coalesce(nullif(pg_catalog.btrim(p_state), ''), nullif(pg_catalog.btrim(p_country), ''))))
         as v(dimension, value)
$$;

--
-- Name: contacts_matching(jsonb, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.contacts_matching(p_filter jsonb, as_of timestamp with time zone DEFAULT now()) RETURNS SETOF uuid
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  v_filter jsonb := coalesce(p_filter, '{}'::jsonb);
  v_segments uuid[];
  v_ids uuid[];
begin
  perform dialbridge.validate_contact_filter(v_filter);
  if v_filter ? 'segment_id' and pg_catalog.jsonb_typeof(v_filter -> 'segment_id') <> 'null' then
    v_segments := case pg_catalog.jsonb_typeof(v_filter -> 'segment_id')
      when 'string' then array[(v_filter ->> 'segment_id')::uuid]
      else (select pg_catalog.array_agg(e::uuid) from pg_catalog.jsonb_array_elements_text(v_filter -> 'segment_id') e) end;
    if (select pg_catalog.count(*) from public.contact_segments s where s.id = any (v_segments))
       < pg_catalog.cardinality(array(select distinct pg_catalog.unnest(v_segments))) then
      raise exception 'saved segment not found' using errcode = 'DB043';
    end if;
    v_ids := array(
      select m from public.contact_segments s, dialbridge.contacts_matching_filter(s.filter, as_of) m
       where s.id = any (v_segments)
      intersect
      select m from dialbridge.contacts_matching_filter(v_filter - 'segment_id', as_of) m);
  else
    v_ids := array(select dialbridge.contacts_matching_filter(v_filter, as_of));
  end if;

  if coalesce((v_filter ->> 'dialable_only')::boolean, false) then
    return query
      select c.id from public.contacts c
       where c.id = any (v_ids)
         and c.phone_status is distinct from 'invalid' and c.phone_status is distinct from 'missing'
         and not c.phone_number_invalid and not c.do_not_call
         and c.id not in (select b.contact_id from dialbridge.push_blocks(v_ids, as_of) b);
  else
    return query select pg_catalog.unnest(v_ids);
  end if;
end
$$;

--
-- Name: contacts_matching_filter(jsonb, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.contacts_matching_filter(p_filter jsonb, as_of timestamp with time zone DEFAULT now()) RETURNS SETOF uuid
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select c.id
    from public.contacts c
   where (p_filter ->> 'contact_type' is null or c.contact_type = p_filter ->> 'contact_type')
     and (dialbridge.jsonb_lower_texts(p_filter -> 'buyer_type') is null
          or pg_catalog.lower(c.buyer_type) = any (dialbridge.jsonb_lower_texts(p_filter -> 'buyer_type')))
     and (dialbridge.jsonb_lower_texts(p_filter -> 'industry') is null
          or pg_catalog.lower(c.industry) = any (dialbridge.jsonb_lower_texts(p_filter -> 'industry'))
          or exists (select 1 from pg_catalog.unnest(c.target_sectors) t
                      where pg_catalog.lower(t) = any (dialbridge.jsonb_lower_texts(p_filter -> 'industry'))))
     and (dialbridge.jsonb_lower_texts(p_filter -> 'state') is null
          or pg_catalog.lower(c.state) = any (dialbridge.jsonb_lower_texts(p_filter -> 'state')))
     and (dialbridge.jsonb_lower_texts(p_filter -> 'geography') is null
          or pg_catalog.lower(c.state) = any (dialbridge.jsonb_lower_texts(p_filter -> 'geography'))
          or pg_catalog.lower(c.city) = any (dialbridge.jsonb_lower_texts(p_filter -> 'geography'))
          or exists (select 1 from pg_catalog.unnest(c.target_geographies) g
                      where pg_catalog.lower(g) = any (dialbridge.jsonb_lower_texts(p_filter -> 'geography'))))
     and (p_filter -> 'engagement_min' is null or pg_catalog.jsonb_typeof(p_filter -> 'engagement_min') = 'null'
          or c.call_engagement_score >= (p_filter ->> 'engagement_min')::numeric)
     and (p_filter -> 'engagement_max' is null or pg_catalog.jsonb_typeof(p_filter -> 'engagement_max') = 'null'
          or c.call_engagement_score <= (p_filter ->> 'engagement_max')::numeric)
     and (p_filter ->> 'last_contact_older_than_days' is null
          or c.last_call_attempt_at is null
          or c.last_call_attempt_at < as_of - pg_catalog.make_interval(days => (p_filter ->> 'last_contact_older_than_days')::integer))
     and (p_filter ->> 'last_contact_within_days' is null
          or c.last_call_attempt_at >= as_of - pg_catalog.make_interval(days => (p_filter ->> 'last_contact_within_days')::integer))
     and (p_filter ->> 'created_within_days' is null
          or c.created_at >= as_of - pg_catalog.make_interval(days => (p_filter ->> 'created_within_days')::integer))
     and (p_filter ->> 'never_contacted' is null
          or (c.last_call_attempt_at is null) = (p_filter ->> 'never_contacted')::boolean)
     and (p_filter ->> 'owner_id' is null or c.owner_id = (p_filter ->> 'owner_id')::uuid)
     and (p_filter ->> 'next_action_due_by' is null
          or (c.next_action_type = 'call' and c.next_action_date <= (p_filter ->> 'next_action_due_by')::date))
     and (p_filter ->> 'search' is null or pg_catalog.btrim(p_filter ->> 'search') = ''
          or pg_catalog.strpos(pg_catalog.lower(pg_catalog.concat_ws(' ', c.first_name, c.last_name, c.company, c.email)),
                               pg_catalog.lower(pg_catalog.btrim(p_filter ->> 'search'))) > 0)
     and ((dialbridge.jsonb_lower_texts(p_filter -> 'deal_id') is null
           and dialbridge.jsonb_lower_texts(p_filter -> 'deal_status') is null)
          or exists (select 1 from public.deal_contacts d
                      where d.contact_id = c.id
                        and (dialbridge.jsonb_lower_texts(p_filter -> 'deal_id') is null
                             or pg_catalog.lower(d.deal_id) = any (dialbridge.jsonb_lower_texts(p_filter -> 'deal_id')))
                        and (dialbridge.jsonb_lower_texts(p_filter -> 'deal_status') is null
                             or d.deal_status = any (dialbridge.jsonb_lower_texts(p_filter -> 'deal_status')))))
$$;

--
-- Name: csv_field(text, boolean); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.csv_field(p_value text, p_is_text boolean DEFAULT true) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $_$
  select case
    when p_value is null then ''
    else (select case when v ~ '[",\r\n]' or v ~ '^\s|\s$' then '"' || pg_catalog.replace(v, '"', '""') || '"' else v end
            from (select case when p_is_text and p_value ~ '^[=+\-@\t\r]' then '''' || p_value else p_value end as v) x)
  end
$_$;

--
-- Name: current_app_role(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.current_app_role() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select p.role from public.profiles p where p.id = auth.uid() and p.is_active
$$;

--
-- Name: current_phoneburner_user_id(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.current_phoneburner_user_id() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select p.phoneburner_user_id from public.profiles p where p.id = auth.uid() and p.is_active
$$;

--
-- Name: current_team_id(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.current_team_id() RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select p.team_id from public.profiles p where p.id = auth.uid() and p.is_active
$$;

--
-- Name: defer_call_stats(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.defer_call_stats() RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if pg_catalog.to_regclass('pg_temp.dialbridge_call_stat_deltas') is null then
    create temporary table dialbridge_call_stat_deltas of dialbridge.activity_stat_delta on commit delete rows;
  end if;
  perform pg_catalog.set_config('dialbridge.defer_call_stats', 'on', true);
end
$$;

--
-- Name: defer_push_batch(uuid, timestamp with time zone, text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.defer_push_batch(p_batch_id uuid, p_run_at timestamp with time zone, p_detail text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  update public.phoneburner_push_batches
     set status = case when status = 'queued' then 'queued' else 'retrying' end, next_attempt_at = p_run_at
   where id = p_batch_id and status not in ('succeeded', 'failed');
  update public.phoneburner_push_runs r
     set stage = 'waiting_to_retry', stage_detail = pg_catalog.left(p_detail, 500)
    from public.phoneburner_push_batches b
   where b.id = p_batch_id and r.id = b.run_id and r.status in ('queued', 'pushing');
  perform dialbridge.enqueue_push_batch(p_batch_id, p_run_at);
end
$$;

--
-- Name: dial_time_text(numeric); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.dial_time_text(p_minutes numeric) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select case when p_minutes is null or p_minutes <= 0 then 'none'
              when p_minutes < 60 then '~' || pg_catalog.ceil(p_minutes)::integer || ' minutes'
              else '~' || pg_catalog.round(p_minutes / 60, 1) || ' hours' end
$$;

--
-- Name: disposition_label_example(text, text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.disposition_label_example(p_code text, p_label_key text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select coalesce(
    (select a.disposition_label from public.contact_activities a
      where p_code <> '' and a.disposition_code = p_code and a.disposition_label is not null limit 1),
    (select a.disposition_label from public.contact_activities a
      where p_label_key <> '' and a.disposition_code is null and a.disposition_label is not null
        and dialbridge.normalize_label(a.disposition_label) = p_label_key limit 1))
$$;

--
-- Name: due_callback_pushes(timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.due_callback_pushes(as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(user_id uuid, team_id uuid, due_on date, contact_ids uuid[], existing_session_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  with due as (
    select t.assigned_to_user_id as user_id, p.team_id, t.contact_id,
           (t.due_at at time zone dialbridge.phoneburner_time_zone())::date as due_on, pg_catalog.min(t.due_at) as first_due
      from public.tasks t
      join public.profiles p on p.id = t.assigned_to_user_id and p.is_active
      join public.push_settings ps on ps.team_id = p.team_id and ps.auto_add_callbacks_to_session
      join public.phoneburner_oauth_tokens tok on tok.user_id = p.id and tok.access_token is not null
     where t.source = 'callback' and t.task_type = 'call' and t.status = 'open' and t.contact_id is not null
       and (t.due_at at time zone dialbridge.phoneburner_time_zone())::date = (as_of at time zone dialbridge.phoneburner_time_zone())::date
     group by t.assigned_to_user_id, p.team_id, t.contact_id, (t.due_at at time zone dialbridge.phoneburner_time_zone())::date
  )
  select d.user_id, d.team_id, d.due_on, pg_catalog.array_agg(d.contact_id order by d.first_due, d.contact_id),
         (select s.id from public.phoneburner_sessions s
           where s.created_by_user_id = d.user_id and s.session_type = 'callback_followup' and s.session_status = 'active'
             and s.deleted_at is null and s.phoneburner_session_id not like 'pending:%'
             and (s.created_at at time zone dialbridge.phoneburner_time_zone())::date = d.due_on
           order by s.created_at desc limit 1)
    from due d
   group by d.user_id, d.team_id, d.due_on
$$;

--
-- Name: email_domain(text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.email_domain(p_email text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $_$
  select nullif(pg_catalog.lower(pg_catalog."substring"(pg_catalog.btrim(p_email), '@([^@[:space:]]+)$')), '')
$_$;

--
-- Name: engagement_score_breakdown(uuid, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.engagement_score_breakdown(p_contact_id uuid, p_as_of timestamp with time zone DEFAULT now()) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  v_base constant integer := 50;
  v_calls integer;
  v_connected integer;
  v_talk bigint;
  v_rate numeric;
  v_rate_points integer := 0;
  v_avg_talk numeric;
  v_talk_points integer := 0;
  v_items jsonb;
  v_delta_sum integer;
  v_disposition_points integer;
  v_last_engaged timestamptz;
  v_days integer;
  v_recency_points integer := 0;
  v_raw integer;
begin
  if not exists (select 1 from public.contacts c where c.id = p_contact_id) then
    raise exception 'contact % not found', p_contact_id using errcode = 'DB053';
  end if;

  with calls as (
    select a.id, a.call_outcome = 'connected' as connected,
           coalesce(a.talk_time_seconds, 0) as talk_seconds,
           coalesce(a.call_connected_at, a.call_started_at) as connected_at,
           nullif(pg_catalog.upper(pg_catalog.btrim(a.disposition_code)), '') as code_key,
           dialbridge.normalize_label(a.disposition_label) as label_key,
           a.details ->> 'disposition_category' as sent_category
      from public.contact_activities a
     where a.contact_id = p_contact_id and a.deleted_at is null
       and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
       and coalesce(a.call_started_at, a.disposition_set_at, a.created_at) <= p_as_of
  ), classified as (
    select c.*,
           case when cc.match_key is not null then cc.code else cl.code end as mapping_code,
           case when cc.match_key is not null then cc.engagement_score_delta else cl.engagement_score_delta end as delta,
           coalesce(case when cc.match_key is not null then cc.category else cl.category end, c.sent_category) as category
      from calls c
      left join dialbridge.disposition_classes cc on cc.match_key = 'c:' || c.code_key
      left join dialbridge.disposition_classes cl on cl.match_key = 'l:' || c.label_key
  ), totals as (
    select count(*)::integer as calls,
           count(*) filter (where k.connected)::integer as connected,
           coalesce(sum(k.talk_seconds) filter (where k.connected), 0)::bigint as talk,
           max(k.connected_at) filter (where k.connected and k.talk_seconds > 120 and k.category = 'positive'
                                        and k.connected_at <= p_as_of) as last_engaged
      from classified k
  ), items as (
    select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
             'code', i.mapping_code, 'calls', i.calls, 'delta', i.delta, 'points', i.calls * i.delta)
             order by i.mapping_code) as items,
           coalesce(sum(i.calls * i.delta), 0)::integer as delta_sum
      from (select k.mapping_code, k.delta, count(*)::integer as calls
              from classified k where k.mapping_code is not null
             group by k.mapping_code, k.delta) i
  )
  select t.calls, t.connected, t.talk, t.last_engaged, coalesce(i.items, '[]'::jsonb), i.delta_sum
    into v_calls, v_connected, v_talk, v_last_engaged, v_items, v_delta_sum
    from totals t cross join items i;

  if v_calls > 0 then
    v_rate := pg_catalog.round(v_connected * 100.0 / v_calls, 2);
    v_rate_points := pg_catalog.floor(v_rate / 5)::integer;
  end if;
  if v_connected > 0 then
    v_avg_talk := pg_catalog.round(v_talk::numeric / v_connected, 1);
    v_talk_points := case when v_avg_talk > 180 then 15 when v_avg_talk > 120 then 10 when v_avg_talk > 60 then 5 else 0 end;
  end if;
  v_disposition_points := greatest(-50, least(50, v_delta_sum));
  if v_last_engaged is not null then
    v_days := pg_catalog.floor(pg_catalog.date_part('epoch', p_as_of - v_last_engaged) / 86400)::integer;
    v_recency_points := case when v_days > 180 then -20 when v_days > 90 then -10 when v_days > 30 then -5 else 0 end;
  end if;
  v_raw := v_base + v_rate_points + v_talk_points + v_disposition_points + v_recency_points;

  return pg_catalog.jsonb_build_object(
    'as_of', p_as_of,
    'base', v_base,
    'connection_rate', pg_catalog.jsonb_build_object('calls', v_calls, 'connected_calls', v_connected,
                         'rate_pct', v_rate, 'points', v_rate_points),
    'talk_time', pg_catalog.jsonb_build_object('connected_calls', v_connected, 'total_seconds', v_talk,
                   'average_seconds', v_avg_talk, 'points', v_talk_points),
    'dispositions', pg_catalog.jsonb_build_object('items', v_items, 'sum_of_deltas', v_delta_sum,
                      'points', v_disposition_points),
    'recency', pg_catalog.jsonb_build_object('last_engaged_call_at', v_last_engaged,
                 'days_since_last_engaged_call', v_days, 'points', v_recency_points),
    'raw_score', v_raw,
    'score', greatest(0, least(100, v_raw)));
end
$$;

--
-- Name: enqueue_phone_normalization(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

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

--
-- Name: enqueue_push_batch(uuid, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.enqueue_push_batch(p_batch_id uuid, p_run_at timestamp with time zone DEFAULT NULL::timestamp with time zone) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_target uuid;
begin
  select r.target_user_id into v_target
    from public.phoneburner_push_batches b join public.phoneburner_push_runs r on r.id = b.run_id
   where b.id = p_batch_id;
  perform graphile_worker.add_job('phoneburner_push_runs__push_batch',
    pg_catalog.json_build_object('batch_id', p_batch_id),
    queue_name := 'phoneburner:' || coalesce(v_target::text, 'unknown'),
    run_at := coalesce(p_run_at, now()),
    max_attempts := 8,
    job_key := 'phoneburner_push_batch:' || p_batch_id,
    job_key_mode := 'replace');
end
$$;

--
-- Name: ensure_constraint(regclass, text, text, boolean); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.ensure_constraint(p_table regclass, p_name text, p_definition text, p_not_valid boolean DEFAULT false) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if not exists (select 1 from pg_catalog.pg_constraint where conrelid = p_table and conname = p_name) then
    execute format('alter table %s add constraint %I %s%s', p_table, p_name, p_definition,
                   case when p_not_valid then ' not valid' else '' end);
  end if;
end
$$;

--
-- Name: expected_rep_daily_stats(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.expected_rep_daily_stats() RETURNS TABLE(team_id uuid, user_id uuid, day date, disposition_code text, label_key text, calls integer, connections integer, decision_maker_conversations integer, gatekeeper_conversations integer, voicemails integer, no_answers integer, talk_time_seconds bigint, call_duration_seconds bigint, dispositioned_calls integer, callbacks_scheduled integer)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select f.team_id, f.user_id, f.day, f.disposition_code, f.label_key,
         sum(f.calls)::integer, sum(f.connections)::integer, sum(f.decision_maker_conversations)::integer, sum(f.gatekeeper_conversations)::integer, sum(f.voicemails)::integer, sum(f.no_answers)::integer, sum(f.talk_time_seconds)::bigint, sum(f.call_duration_seconds)::bigint, sum(f.dispositioned_calls)::integer, sum(f.callbacks_scheduled)::integer
    from public.contact_activities a cross join lateral dialbridge.activity_facts(a) f
   group by f.team_id, f.user_id, f.day, f.disposition_code, f.label_key
$$;

--
-- Name: expected_rep_day_totals(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.expected_rep_day_totals() RETURNS TABLE(team_id uuid, user_id uuid, day date, calls integer, connections integer, decision_maker_conversations integer, gatekeeper_conversations integer, voicemails integer, no_answers integer, talk_time_seconds bigint, call_duration_seconds bigint, dispositioned_calls integer, callbacks_scheduled integer, qualified integer, nurture integer, disqualified integer, suppressed integer, other_dispositions integer, unmapped_dispositions integer, meetings integer)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select f.team_id, f.user_id, f.day,
         sum(f.calls)::integer, sum(f.connections)::integer, sum(f.decision_maker_conversations)::integer, sum(f.gatekeeper_conversations)::integer, sum(f.voicemails)::integer, sum(f.no_answers)::integer, sum(f.talk_time_seconds)::bigint, sum(f.call_duration_seconds)::bigint, sum(f.dispositioned_calls)::integer, sum(f.callbacks_scheduled)::integer,
         coalesce(sum(f.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when f.disposition_code <> '' or f.label_key <> '' then 'unmapped' else 'none' end) = 'qualified'), 0)::integer,
         coalesce(sum(f.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when f.disposition_code <> '' or f.label_key <> '' then 'unmapped' else 'none' end) = 'nurture'), 0)::integer,
         coalesce(sum(f.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when f.disposition_code <> '' or f.label_key <> '' then 'unmapped' else 'none' end) = 'disqualified'), 0)::integer,
         coalesce(sum(f.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when f.disposition_code <> '' or f.label_key <> '' then 'unmapped' else 'none' end) = 'suppressed'), 0)::integer,
         coalesce(sum(f.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when f.disposition_code <> '' or f.label_key <> '' then 'unmapped' else 'none' end) in ('attempted', 'invalid', 'other')), 0)::integer,
         coalesce(sum(f.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when f.disposition_code <> '' or f.label_key <> '' then 'unmapped' else 'none' end) = 'unmapped'), 0)::integer,
         coalesce(sum(f.calls) filter (where coalesce(case when cc.match_key is not null then cc.is_meeting else cl.is_meeting end, false)), 0)::integer
    from public.contact_activities a
   cross join lateral dialbridge.activity_facts(a) f
    left join dialbridge.disposition_classes cc on f.disposition_code <> '' and cc.match_key = 'c:' || f.disposition_code
    left join dialbridge.disposition_classes cl on f.label_key <> '' and cl.match_key = 'l:' || f.label_key
   group by f.team_id, f.user_id, f.day
$$;

--
-- Name: expected_segment_daily_stats(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.expected_segment_daily_stats() RETURNS TABLE(team_id uuid, day date, dimension text, value text, disposition_code text, label_key text, calls integer, connections integer, decision_maker_conversations integer, gatekeeper_conversations integer, voicemails integer, no_answers integer, talk_time_seconds bigint, call_duration_seconds bigint, dispositioned_calls integer, callbacks_scheduled integer)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select f.team_id, f.day, s.dimension, s.value, f.disposition_code, f.label_key,
         sum(f.calls)::integer, sum(f.connections)::integer, sum(f.decision_maker_conversations)::integer, sum(f.gatekeeper_conversations)::integer, sum(f.voicemails)::integer, sum(f.no_answers)::integer, sum(f.talk_time_seconds)::bigint, sum(f.call_duration_seconds)::bigint, sum(f.dispositioned_calls)::integer, sum(f.callbacks_scheduled)::integer
    from public.contact_activities a
   cross join lateral dialbridge.activity_facts(a) f
    left join public.contacts c on c.id = f.contact_id
   cross join lateral dialbridge.contact_segment_values(c.contact_type, c.list_source, c.industry, c.state, c.country) s
   group by f.team_id, f.day, s.dimension, s.value, f.disposition_code, f.label_key
$$;

--
-- Name: expected_session_contact_stats(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.expected_session_contact_stats() RETURNS TABLE(session_id uuid, team_id uuid, contact_id uuid, calls integer, connections integer)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select f.session_id, f.team_id, f.contact_id, sum(f.calls)::integer, sum(f.connections)::integer
    from public.contact_activities a cross join lateral dialbridge.activity_facts(a) f
   where f.session_id is not null and f.contact_id is not null and f.calls = 1
   group by f.session_id, f.team_id, f.contact_id
$$;

--
-- Name: expected_session_stats(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.expected_session_stats() RETURNS TABLE(session_id uuid, team_id uuid, disposition_code text, label_key text, calls integer, connections integer, decision_maker_conversations integer, gatekeeper_conversations integer, voicemails integer, no_answers integer, talk_time_seconds bigint, call_duration_seconds bigint, dispositioned_calls integer, callbacks_scheduled integer)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select f.session_id, f.team_id, f.disposition_code, f.label_key,
         sum(f.calls)::integer, sum(f.connections)::integer, sum(f.decision_maker_conversations)::integer, sum(f.gatekeeper_conversations)::integer, sum(f.voicemails)::integer, sum(f.no_answers)::integer, sum(f.talk_time_seconds)::bigint, sum(f.call_duration_seconds)::bigint, sum(f.dispositioned_calls)::integer, sum(f.callbacks_scheduled)::integer
    from public.contact_activities a cross join lateral dialbridge.activity_facts(a) f
   where f.session_id is not null
   group by f.session_id, f.team_id, f.disposition_code, f.label_key
$$;

--
-- Name: expected_session_totals(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.expected_session_totals() RETURNS TABLE(session_id uuid, team_id uuid, calls integer, connections integer, decision_maker_conversations integer, gatekeeper_conversations integer, voicemails integer, no_answers integer, talk_time_seconds bigint, call_duration_seconds bigint, dispositioned_calls integer, callbacks_scheduled integer, qualified integer, nurture integer, disqualified integer, suppressed integer, other_dispositions integer, unmapped_dispositions integer, meetings integer, contacts_dialed integer, contacts_connected integer)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  with st as (
    select f.session_id, f.team_id,
           sum(f.calls)::integer, sum(f.connections)::integer, sum(f.decision_maker_conversations)::integer, sum(f.gatekeeper_conversations)::integer, sum(f.voicemails)::integer, sum(f.no_answers)::integer, sum(f.talk_time_seconds)::bigint, sum(f.call_duration_seconds)::bigint, sum(f.dispositioned_calls)::integer, sum(f.callbacks_scheduled)::integer,
           coalesce(sum(f.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when f.disposition_code <> '' or f.label_key <> '' then 'unmapped' else 'none' end) = 'qualified'), 0)::integer,
           coalesce(sum(f.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when f.disposition_code <> '' or f.label_key <> '' then 'unmapped' else 'none' end) = 'nurture'), 0)::integer,
           coalesce(sum(f.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when f.disposition_code <> '' or f.label_key <> '' then 'unmapped' else 'none' end) = 'disqualified'), 0)::integer,
           coalesce(sum(f.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when f.disposition_code <> '' or f.label_key <> '' then 'unmapped' else 'none' end) = 'suppressed'), 0)::integer,
           coalesce(sum(f.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when f.disposition_code <> '' or f.label_key <> '' then 'unmapped' else 'none' end) in ('attempted', 'invalid', 'other')), 0)::integer,
           coalesce(sum(f.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when f.disposition_code <> '' or f.label_key <> '' then 'unmapped' else 'none' end) = 'unmapped'), 0)::integer,
           coalesce(sum(f.calls) filter (where coalesce(case when cc.match_key is not null then cc.is_meeting else cl.is_meeting end, false)), 0)::integer
      from public.contact_activities a
   cross join lateral dialbridge.activity_facts(a) f
    left join dialbridge.disposition_classes cc on f.disposition_code <> '' and cc.match_key = 'c:' || f.disposition_code
    left join dialbridge.disposition_classes cl on f.label_key <> '' and cl.match_key = 'l:' || f.label_key
     where f.session_id is not null
     group by f.session_id, f.team_id
  ), reach as (
    select s.session_id, s.team_id, count(*)::integer as dialed, count(*) filter (where s.connections > 0)::integer as connected
      from dialbridge.expected_session_contact_stats() s
     group by s.session_id, s.team_id
  )
  select st.*, coalesce(r.dialed, 0), coalesce(r.connected, 0)
    from st left join reach r on r.session_id = st.session_id and r.team_id is not distinct from st.team_id
$$;

--
-- Name: fail_push_batch(uuid, jsonb, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.fail_push_batch(p_batch_id uuid, p_error jsonb, as_of timestamp with time zone DEFAULT now()) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_batch public.phoneburner_push_batches;
  v_message text := pg_catalog.left(coalesce(p_error ->> 'message', 'PhoneBurner push failed'), 1000);
begin
  select * into v_batch from public.phoneburner_push_batches where id = p_batch_id for update;
  if v_batch.id is null then
    raise exception 'push batch not found' using errcode = 'DB044';
  end if;
  if v_batch.status in ('succeeded', 'failed') then
    return dialbridge.push_run_summary(v_batch.run_id);
  end if;
  perform 1 from public.phoneburner_push_runs where id = v_batch.run_id for update;

  update public.phoneburner_push_batches
     set status = 'failed',
         finished_at = as_of,
         last_error = case when id = p_batch_id then v_message else 'Not sent: batch ' || v_batch.batch_no || ' failed' end,
         last_error_code = coalesce(p_error ->> 'code', 'PB_ERROR')
   where run_id = v_batch.run_id and batch_no >= v_batch.batch_no and status not in ('succeeded', 'failed');

  update public.phoneburner_push_run_contacts
     set status = 'failed',
         error_field = null,
         error_message = case when batch_no = v_batch.batch_no then v_message
                              else 'Not sent: batch ' || v_batch.batch_no || ' failed (' || v_message || ')' end
   where run_id = v_batch.run_id and batch_no >= v_batch.batch_no and status = 'queued';

  update public.phoneburner_push_runs r
     set contacts_added = x.added, contacts_updated = x.updated, contacts_failed = x.failed,
         contacts_done = x.added + x.updated + x.failed,
         batches_done = r.batches_total,
         status = case when x.added + x.updated > 0 then 'partially_succeeded' else 'failed' end,
         stage = 'done', stage_detail = null,
         error = v_message, error_code = coalesce(p_error ->> 'code', 'PB_ERROR'),
         finished_at = as_of
    from (select pg_catalog.count(*) filter (where rc.status = 'pushed') as added,
                 pg_catalog.count(*) filter (where rc.status = 'updated') as updated,
                 pg_catalog.count(*) filter (where rc.status = 'failed') as failed
            from public.phoneburner_push_run_contacts rc where rc.run_id = v_batch.run_id) x
   where r.id = v_batch.run_id;
  return dialbridge.push_run_summary(v_batch.run_id);
end
$$;

--
-- Name: disposition_mappings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.disposition_mappings (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    phoneburner_disposition_code text NOT NULL,
    phoneburner_disposition_label text,
    label_aliases text[] DEFAULT '{}'::text[] NOT NULL,
    category text,
    sourceco_contact_status text,
    sourceco_contact_stage text,
    is_connected_outcome boolean,
    trigger_workflow boolean DEFAULT false NOT NULL,
    workflow_name text,
    workflow_config jsonb,
    create_task boolean DEFAULT false NOT NULL,
    task_type text,
    task_due_offset_days integer,
    task_priority text,
    suppress_contact boolean DEFAULT false NOT NULL,
    suppress_duration_days integer,
    suppress_reason text,
    mark_phone_invalid boolean DEFAULT false NOT NULL,
    mark_do_not_call boolean DEFAULT false NOT NULL,
    next_action_type text,
    next_action_offset_days integer,
    engagement_score_delta integer DEFAULT 0 NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    notes text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by_user_id uuid,
    CONSTRAINT disposition_mappings_category_check CHECK ((category = ANY (ARRAY['positive'::text, 'neutral'::text, 'negative'::text, 'administrative'::text]))),
    CONSTRAINT disposition_mappings_dnc_suppresses_check CHECK (((NOT mark_do_not_call) OR suppress_contact)),
    CONSTRAINT disposition_mappings_engagement_score_delta_check CHECK (((engagement_score_delta >= '-50'::integer) AND (engagement_score_delta <= 50))),
    CONSTRAINT disposition_mappings_next_action_check CHECK (((next_action_offset_days IS NULL) OR ((next_action_offset_days >= 0) AND (next_action_type IS NOT NULL)))),
    CONSTRAINT disposition_mappings_stage_check CHECK ((sourceco_contact_stage = ANY (ARRAY['Engaged'::text, 'Follow-up'::text, 'Meeting Set'::text, 'Dead'::text, 'Paused'::text, 'Outreach'::text]))),
    CONSTRAINT disposition_mappings_status_check CHECK ((sourceco_contact_status = ANY (ARRAY['Qualified'::text, 'Nurture'::text, 'Disqualified'::text, 'Suppressed'::text, 'Invalid'::text, 'Attempted'::text]))),
    CONSTRAINT disposition_mappings_suppression_duration_check CHECK (((NOT suppress_contact) OR (COALESCE(suppress_duration_days, 0) > 0))),
    CONSTRAINT disposition_mappings_task_check CHECK (((NOT create_task) OR ((task_type IS NOT NULL) AND (COALESCE(task_due_offset_days, '-1'::integer) >= 0)))),
    CONSTRAINT disposition_mappings_task_priority_check CHECK ((task_priority = ANY (ARRAY['low'::text, 'medium'::text, 'high'::text, 'urgent'::text]))),
    CONSTRAINT disposition_mappings_task_type_check CHECK ((task_type = ANY (ARRAY['call'::text, 'email'::text, 'meeting_prep'::text, 'research'::text, 'send_materials'::text, 'follow_up'::text]))),
    CONSTRAINT disposition_mappings_workflow_check CHECK (((NOT trigger_workflow) OR (workflow_name IS NOT NULL)))
);

--
-- Name: TABLE disposition_mappings; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.disposition_mappings IS 'What each dialer disposition does: contact status and stage, task, suppression, next action, engagement delta. Admin-editable.';

--
-- Name: COLUMN disposition_mappings.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.id IS 'Mapping id (uuid).';

--
-- Name: COLUMN disposition_mappings.phoneburner_disposition_code; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.phoneburner_disposition_code IS 'Disposition code (seed contract, e.g. INTERESTED).';

--
-- Name: COLUMN disposition_mappings.phoneburner_disposition_label; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.phoneburner_disposition_label IS 'Label as shown in PhoneBurner; real PhoneBurner sends only the label, matched case-, space- and punctuation-insensitively.';

--
-- Name: COLUMN disposition_mappings.label_aliases; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.label_aliases IS 'Other labels that mean the same disposition (e.g. "Left Message" for LEFT_VOICEMAIL).';

--
-- Name: COLUMN disposition_mappings.category; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.category IS 'positive, neutral, negative or administrative (reporting split qualified / nurture / disqualified).';

--
-- Name: COLUMN disposition_mappings.sourceco_contact_status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.sourceco_contact_status IS 'Status the contact gets.';

--
-- Name: COLUMN disposition_mappings.sourceco_contact_stage; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.sourceco_contact_stage IS 'Stage the contact gets.';

--
-- Name: COLUMN disposition_mappings.is_connected_outcome; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.is_connected_outcome IS 'Whether the disposition implies a live conversation (null: decide from the call).';

--
-- Name: COLUMN disposition_mappings.trigger_workflow; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.trigger_workflow IS 'Queue workflow_name when the disposition is set.';

--
-- Name: COLUMN disposition_mappings.workflow_name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.workflow_name IS 'Workflow queued when trigger_workflow (send_deal_memo, create_calendar_event, …).';

--
-- Name: COLUMN disposition_mappings.workflow_config; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.workflow_config IS 'Parameters passed to the workflow.';

--
-- Name: COLUMN disposition_mappings.create_task; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.create_task IS 'Create a task (task_type, due task_due_offset_days later, task_priority).';

--
-- Name: COLUMN disposition_mappings.task_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.task_type IS 'Type of the task created.';

--
-- Name: COLUMN disposition_mappings.task_due_offset_days; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.task_due_offset_days IS 'Days from the disposition to the task due date.';

--
-- Name: COLUMN disposition_mappings.task_priority; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.task_priority IS 'low, medium, high or urgent.';

--
-- Name: COLUMN disposition_mappings.suppress_contact; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.suppress_contact IS 'Suppress the contact for suppress_duration_days (9999: permanent).';

--
-- Name: COLUMN disposition_mappings.suppress_duration_days; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.suppress_duration_days IS 'Days to suppress the contact.';

--
-- Name: COLUMN disposition_mappings.suppress_reason; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.suppress_reason IS 'Reason recorded on the suppression (user_requested, not_interested, …).';

--
-- Name: COLUMN disposition_mappings.mark_phone_invalid; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.mark_phone_invalid IS 'Flag the phone number as invalid.';

--
-- Name: COLUMN disposition_mappings.mark_do_not_call; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.mark_do_not_call IS 'Legal do-not-call: permanent, never lifted by a later disposition.';

--
-- Name: COLUMN disposition_mappings.next_action_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.next_action_type IS 'Next action set on the contact.';

--
-- Name: COLUMN disposition_mappings.next_action_offset_days; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.next_action_offset_days IS 'Days until the next action.';

--
-- Name: COLUMN disposition_mappings.engagement_score_delta; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.engagement_score_delta IS 'Change applied to the engagement score (−50..50).';

--
-- Name: COLUMN disposition_mappings.is_active; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.is_active IS 'Inactive mappings are ignored (the disposition shows as unmapped).';

--
-- Name: COLUMN disposition_mappings.notes; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.notes IS 'Why the mapping is set up this way.';

--
-- Name: COLUMN disposition_mappings.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.created_at IS 'When the mapping was created.';

--
-- Name: COLUMN disposition_mappings.updated_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.updated_at IS 'When an admin last changed the mapping.';

--
-- Name: COLUMN disposition_mappings.created_by_user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.created_by_user_id IS 'Admin who created the mapping (null: seeded).';

--
-- Name: find_disposition_mapping(text, text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.find_disposition_mapping(p_code text, p_label text) RETURNS public.disposition_mappings
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select m.*
    from public.disposition_mappings m
   where m.is_active
     and (   (p_code is not null and m.phoneburner_disposition_code = pg_catalog.upper(pg_catalog.btrim(p_code)))
          or (dialbridge.normalize_label(p_label) is not null
              and (   dialbridge.normalize_label(m.phoneburner_disposition_label) = dialbridge.normalize_label(p_label)
                   or dialbridge.normalized_aliases(m.label_aliases) @> array[dialbridge.normalize_label(p_label)])))
   order by (p_code is not null and m.phoneburner_disposition_code = pg_catalog.upper(pg_catalog.btrim(p_code))) desc,
            m.phoneburner_disposition_code
   limit 1
$$;

--
-- Name: flush_call_stat_deltas(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.flush_call_stat_deltas() RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_deltas dialbridge.activity_stat_delta[];
begin
  perform pg_catalog.set_config('dialbridge.defer_call_stats', 'off', true);
  if pg_catalog.to_regclass('pg_temp.dialbridge_call_stat_deltas') is null then
    return 0;
  end if;
  select array_agg(row(x.net, x.activity_id, x.dedupe_key, x.contact_id, x.session_id, x.disposition_code,
                       x.disposition_label, x.disposition_notes, x.is_call, x.is_connected, x.is_decision_maker,
                       x.is_gatekeeper, x.is_voicemail, x.is_no_answer, x.duration_seconds, x.talk_seconds, x.attempt_at,
                       x.connected_at, x.disposition_at, x.engaged_at, x.activity_at, x.is_qualified, x.is_meeting,
                       x.is_disqualified, x.is_callback, x.member_stage)::dialbridge.activity_stat_delta)
    into v_deltas
    from (select sum(d.sign)::integer as net, d.activity_id, d.dedupe_key, d.contact_id, d.session_id, d.disposition_code,
                 d.disposition_label, d.disposition_notes, d.is_call, d.is_connected, d.is_decision_maker,
                 d.is_gatekeeper, d.is_voicemail, d.is_no_answer, d.duration_seconds, d.talk_seconds, d.attempt_at,
                 d.connected_at, d.disposition_at, d.engaged_at, d.activity_at, d.is_qualified, d.is_meeting,
                 d.is_disqualified, d.is_callback, d.member_stage
            from pg_temp.dialbridge_call_stat_deltas d
           group by d.activity_id, d.dedupe_key, d.contact_id, d.session_id, d.disposition_code, d.disposition_label,
                    d.disposition_notes, d.is_call, d.is_connected, d.is_decision_maker, d.is_gatekeeper,
                    d.is_voicemail, d.is_no_answer, d.duration_seconds, d.talk_seconds, d.attempt_at, d.connected_at,
                    d.disposition_at, d.engaged_at, d.activity_at, d.is_qualified, d.is_meeting, d.is_disqualified,
                    d.is_callback, d.member_stage
          having sum(d.sign) <> 0) x;
  delete from pg_temp.dialbridge_call_stat_deltas;
  perform dialbridge.apply_call_stat_deltas(v_deltas);
  return coalesce(pg_catalog.cardinality(v_deltas), 0);
end
$$;

--
-- Name: format_mmss(numeric); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.format_mmss(p_seconds numeric) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select case when p_seconds is null then null
              else (pg_catalog.round(p_seconds)::bigint / 60)::text || ':'
                   || pg_catalog.lpad((pg_catalog.round(p_seconds)::bigint % 60)::text, 2, '0') end
$$;

--
-- Name: format_usd_short(numeric); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.format_usd_short(p_amount numeric) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $_$
  select case when p_amount is null then null
              when pg_catalog.abs(p_amount) >= 1e9 then '$' || pg_catalog.trim_scale(pg_catalog.round(p_amount / 1e9, 1)) || 'B'
              when pg_catalog.abs(p_amount) >= 1e6 then '$' || pg_catalog.trim_scale(pg_catalog.round(p_amount / 1e6, 1)) || 'M'
              when pg_catalog.abs(p_amount) >= 1e3 then '$' || pg_catalog.trim_scale(pg_catalog.round(p_amount / 1e3, 1)) || 'K'
              else '$' || pg_catalog.trim_scale(pg_catalog.round(p_amount, 0)) end
$_$;

--
-- Name: health(timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.health(p_as_of timestamp with time zone DEFAULT now()) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $_$
declare
  v_alive_within constant interval := interval '150 seconds';
  v_migrations jsonb := null;
  v_candidate jsonb;
  v_source record;
  v_count bigint;
  v_latest text;
  v_beat record;
  v_workers_alive integer;
  v_queue jsonb := null;
  v_alive boolean;
begin
  -- migrations: the bookkeeping table with the latest version wins
  for v_source in
    select * from (values ('dbmate', 'public', 'schema_migrations'),
                          ('supabase', 'supabase_migrations', 'schema_migrations')) as s(name, nsp, rel)
  loop
    if pg_catalog.to_regclass(pg_catalog.format('%I.%I', v_source.nsp, v_source.rel)) is not null then
      execute pg_catalog.format('select count(*), max(version::text) from %I.%I', v_source.nsp, v_source.rel)
         into v_count, v_latest;
      v_candidate := pg_catalog.jsonb_build_object('source', v_source.name, 'applied', v_count, 'latest', v_latest);
      if v_migrations is null or coalesce(v_latest, '') > coalesce(v_migrations ->> 'latest', '') then
        v_migrations := v_candidate;
      end if;
    end if;
  end loop;

  -- worker: the freshest beat of a process that has not stopped
  select h.last_beat_at, h.last_cron_lag_seconds, h.concurrency
    into v_beat
    from dialbridge.worker_heartbeats h
   where h.stopped_at is null
   order by h.last_beat_at desc
   limit 1;
  select count(*) into v_workers_alive
    from dialbridge.worker_heartbeats h
   where h.stopped_at is null and h.last_beat_at > p_as_of - v_alive_within;
  v_alive := v_workers_alive > 0;

  -- queue counts (graphile-worker's public view; absent where the worker schema was never installed)
  if pg_catalog.to_regclass('graphile_worker.jobs') is not null then
    execute $q$
      select pg_catalog.jsonb_build_object(
               'waiting', count(*) filter (where j.locked_at is null and j.attempts < j.max_attempts and j.run_at <= $1),
               'scheduled', count(*) filter (where j.locked_at is null and j.attempts < j.max_attempts and j.run_at > $1),
               'locked', count(*) filter (where j.locked_at is not null),
               'failed', count(*) filter (where j.attempts >= j.max_attempts and j.locked_at is null),
               'oldest_waiting_seconds', pg_catalog.round(pg_catalog.date_part('epoch',
                   $1 - min(j.run_at) filter (where j.locked_at is null and j.attempts < j.max_attempts and j.run_at <= $1)
                 )::numeric, 1))
        from graphile_worker.jobs j
    $q$ into v_queue using p_as_of;
  end if;

  return pg_catalog.jsonb_build_object(
    'status', case when v_alive then 'ok' else 'degraded' end,
    'database', pg_catalog.jsonb_build_object(
      'ok', true,
      'server_version', pg_catalog.current_setting('server_version'),
      'now', p_as_of),
    'migrations', coalesce(v_migrations, pg_catalog.jsonb_build_object('source', null, 'applied', 0, 'latest', null)),
    'worker', pg_catalog.jsonb_build_object(
      'alive', v_alive,
      'processes_alive', v_workers_alive,
      'last_heartbeat_at', v_beat.last_beat_at,
      'seconds_since_heartbeat', pg_catalog.round(pg_catalog.date_part('epoch', p_as_of - v_beat.last_beat_at)::numeric, 1),
      'last_cron_lag_seconds', v_beat.last_cron_lag_seconds,
      'alive_within_seconds', pg_catalog.date_part('epoch', v_alive_within),
      'queue', v_queue));
end
$_$;

--
-- Name: humanize_reason(text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.humanize_reason(p_reason text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select case when p_reason is null or pg_catalog.btrim(p_reason) = '' then null
              else pg_catalog.upper(pg_catalog.left(pg_catalog.replace(pg_catalog.btrim(p_reason), '_', ' '), 1))
                   || pg_catalog.lower(pg_catalog.substr(pg_catalog.replace(pg_catalog.btrim(p_reason), '_', ' '), 2)) end
$$;

--
-- Name: phoneburner_call_events; Type: TABLE; Schema: dialbridge; Owner: -
--

CREATE TABLE dialbridge.phoneburner_call_events (
    log_id bigint NOT NULL,
    event_id text NOT NULL,
    event_type text NOT NULL,
    kind text NOT NULL,
    event_at timestamp with time zone NOT NULL,
    call_id text,
    subject text,
    call_key text,
    is_start boolean DEFAULT false NOT NULL,
    sourceco_contact_id text,
    phoneburner_contact_id text,
    phone_e164 text[] DEFAULT '{}'::text[] NOT NULL,
    phoneburner_user_id text,
    user_name text,
    user_email text,
    phoneburner_session_id text,
    session_name text,
    started_at timestamp with time zone,
    connected_at timestamp with time zone,
    ended_at timestamp with time zone,
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
    disposition_at timestamp with time zone,
    callback_at timestamp with time zone,
    callback_notes text,
    callback_details jsonb,
    changes jsonb,
    updated_by jsonb,
    extra jsonb DEFAULT '{}'::jsonb NOT NULL,
    normalized_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT phoneburner_call_events_call_key_check CHECK (((kind = ANY (ARRAY['call'::text, 'callback'::text])) = (call_key IS NOT NULL))),
    CONSTRAINT phoneburner_call_events_durations_check CHECK (((COALESCE(ring_seconds, 0) >= 0) AND (COALESCE(total_seconds, 0) >= 0) AND (COALESCE(talk_seconds, 0) >= 0) AND (COALESCE(recording_seconds, 0) >= 0))),
    CONSTRAINT phoneburner_call_events_kind_check CHECK ((kind = ANY (ARRAY['call'::text, 'callback'::text, 'contact_update'::text, 'contact_displayed'::text])))
);

--
-- Name: TABLE phoneburner_call_events; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON TABLE dialbridge.phoneburner_call_events IS 'Normalised PhoneBurner events (one per processed log row): the facts contact_activities rows are computed from.';

--
-- Name: COLUMN phoneburner_call_events.kind; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.phoneburner_call_events.kind IS 'call (a stage or the whole call), callback, contact_update or contact_displayed.';

--
-- Name: COLUMN phoneburner_call_events.subject; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.phoneburner_call_events.subject IS 'Who the event is about, for events without a call id: pb:<PhoneBurner contact id>, sc:<SourceCo id> or tel:<E.164>.';

--
-- Name: COLUMN phoneburner_call_events.call_key; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.phoneburner_call_events.call_key IS 'The call the event belongs to (dedupe_key of its call activity).';

--
-- Name: COLUMN phoneburner_call_events.is_start; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.phoneburner_call_events.is_start IS 'call.started / api_callbegin: opens a call (used to correlate events without a call id).';

--
-- Name: COLUMN phoneburner_call_events.phone_e164; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.phoneburner_call_events.phone_e164 IS 'E.164 forms of the dialled number, for matching within the dial session.';

--
-- Name: COLUMN phoneburner_call_events.connected; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.phoneburner_call_events.connected IS 'api_calldone''s connected flag (null when the event does not say).';

--
-- Name: ingest_phoneburner_events(dialbridge.phoneburner_call_events[]); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.ingest_phoneburner_events(p_facts dialbridge.phoneburner_call_events[]) RETURNS TABLE(log_id bigint, own_key text, keys text[], error text, error_code text)
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
#variable_conflict use_column
declare
  r dialbridge.phoneburner_call_events;
  v_old dialbridge.phoneburner_call_events;
  v_replaced dialbridge.phoneburner_call_events[] := '{}';
  v_keys text[];
  v_own text;
  v_msg text;
  v_state text;
begin
  if p_facts is null or pg_catalog.cardinality(p_facts) = 0 then
    return;
  end if;
  -- a replay that reads an event differently (normalisation fixed since): the old row goes, the new comes
  for v_old in
    delete from dialbridge.phoneburner_call_events e
     using unnest(p_facts) n
     where e.log_id = n.log_id
       and (e.event_id, e.event_type, e.kind, e.event_at, e.call_id, e.subject, e.is_start, e.sourceco_contact_id,
            e.phoneburner_contact_id, e.phone_e164, e.phoneburner_user_id, e.user_name, e.user_email,
            e.phoneburner_session_id, e.session_name, e.started_at, e.connected_at, e.ended_at, e.ring_seconds,
            e.total_seconds, e.talk_seconds, e.connected, e.outcome, e.answered_by, e.recording_url, e.recording_seconds,
            e.disposition_code, e.disposition_label, e.disposition_category, e.disposition_notes, e.disposition_at,
            e.callback_at, e.callback_notes, e.callback_details, e.changes, e.updated_by, e.extra)
           is distinct from
           (n.event_id, n.event_type, n.kind, n.event_at, n.call_id, n.subject, n.is_start, n.sourceco_contact_id,
            n.phoneburner_contact_id, n.phone_e164, n.phoneburner_user_id, n.user_name, n.user_email,
            n.phoneburner_session_id, n.session_name, n.started_at, n.connected_at, n.ended_at, n.ring_seconds,
            n.total_seconds, n.talk_seconds, n.connected, n.outcome, n.answered_by, n.recording_url, n.recording_seconds,
            n.disposition_code, n.disposition_label, n.disposition_category, n.disposition_notes, n.disposition_at,
            n.callback_at, n.callback_notes, n.callback_details, n.changes, n.updated_by, n.extra)
    returning e.*
  loop
    v_replaced := v_replaced || v_old;
  end loop;
  insert into dialbridge.phoneburner_call_events
  select n.* from unnest(p_facts) n order by n.log_id
  on conflict (log_id) do nothing;

  foreach r in array p_facts loop
    v_keys := '{}';
    v_own := null;
    select x.* into v_old from unnest(v_replaced) x where x.log_id = r.log_id;
    if v_old.log_id is not null and v_old.call_key is not null then
      v_keys := v_keys || v_old.call_key;
    end if;
    begin
      if r.kind in ('call', 'callback') then
        if r.subject is not null and exists (
             select 1 from dialbridge.phoneburner_call_events e
              where e.subject = r.subject and e.call_id is null and e.kind in ('call', 'callback')
                and e.event_at between r.event_at - interval '14 hours' and r.event_at + interval '14 hours') then
          v_keys := v_keys || dialbridge.phoneburner_reassign_idless(r.subject, r.event_at);
        end if;
        if v_old.log_id is not null and v_old.subject is not null
           and (v_old.subject is distinct from r.subject or v_old.event_at is distinct from r.event_at) then
          v_keys := v_keys || dialbridge.phoneburner_reassign_idless(v_old.subject, v_old.event_at);
        end if;
        if r.call_id is not null then
          v_own := r.call_key;
        else
          select e.call_key into v_own from dialbridge.phoneburner_call_events e where e.log_id = r.log_id;
        end if;
      elsif r.kind = 'contact_update' then
        v_own := 'phoneburner:contact_updated:' || r.event_id;
      elsif r.kind = 'contact_displayed' then
        -- never attributes a call; it may tell us PhoneBurner's id for a contact we pushed to that session
        if r.sourceco_contact_id is not null and r.phoneburner_contact_id is not null and r.phoneburner_session_id is not null then
          update public.phoneburner_session_contacts m
             set phoneburner_contact_id = r.phoneburner_contact_id
            from public.phoneburner_sessions s, public.contacts c
           where s.phoneburner_session_id = r.phoneburner_session_id and m.session_id = s.id
             and c.sourceco_contact_id = r.sourceco_contact_id and m.contact_id = c.id
             and m.phoneburner_contact_id is distinct from r.phoneburner_contact_id;
          if found then
            v_keys := v_keys || array(
              select a.dedupe_key from public.contact_activities a
               where a.matching_status = 'unmatched' and a.phoneburner_contact_id = r.phoneburner_contact_id
                 and a.dedupe_key like 'phoneburner:call:%');
          end if;
        end if;
      end if;
      log_id := r.log_id;
      own_key := v_own;
      keys := array(select distinct k from unnest(v_keys) k where k is not null and k is distinct from v_own order by 1);
      error := null;
      error_code := null;
    exception when others then
      get stacked diagnostics v_msg = message_text, v_state = returned_sqlstate;
      log_id := r.log_id;
      own_key := null;
      keys := '{}';
      error := pg_catalog.left(v_msg, 1000);
      error_code := v_state;
    end;
    return next;
  end loop;
end
$$;

--
-- Name: is_admin(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.is_admin() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select coalesce((select p.role = 'admin' from public.profiles p where p.id = auth.uid() and p.is_active), false)
$$;

--
-- Name: is_call_activity_type(text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.is_call_activity_type(p_activity_type text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select p_activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
$$;

--
-- Name: is_manager_or_admin(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.is_manager_or_admin() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select coalesce((select p.role in ('manager', 'admin') from public.profiles p where p.id = auth.uid() and p.is_active), false)
$$;

--
-- Name: jsonb_first_id(jsonb[]); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.jsonb_first_id(p_values jsonb[]) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
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

--
-- Name: jsonb_flag(jsonb); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.jsonb_flag(p_value jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select case
    when pg_catalog.jsonb_typeof(p_value) = 'boolean' then (p_value #>> '{}')::boolean
    when pg_catalog.jsonb_typeof(p_value) in ('number', 'string') then
      case pg_catalog.lower(pg_catalog.btrim(p_value #>> '{}'))
        when '1' then true when 'true' then true when 'yes' then true
        when '0' then false when 'false' then false when 'no' then false
      end
  end
$$;

--
-- Name: jsonb_id(jsonb); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.jsonb_id(p_value jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select case when pg_catalog.jsonb_typeof(p_value) in ('string', 'number')
              then nullif(pg_catalog.btrim(p_value #>> '{}'), '') end
$$;

--
-- Name: jsonb_lower_texts(jsonb); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.jsonb_lower_texts(p_value jsonb) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select case pg_catalog.jsonb_typeof(p_value)
    when 'string' then array[pg_catalog.lower(pg_catalog.btrim(p_value #>> '{}'))]
    when 'array' then (select pg_catalog.array_agg(pg_catalog.lower(pg_catalog.btrim(e #>> '{}')))
                         from pg_catalog.jsonb_array_elements(p_value) e where pg_catalog.jsonb_typeof(e) = 'string')
  end
$$;

--
-- Name: jsonb_scalar_text(jsonb); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.jsonb_scalar_text(p_value jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select case when pg_catalog.jsonb_typeof(p_value) in ('string', 'number')
              then nullif(pg_catalog.btrim(p_value #>> '{}'), '') end
$$;

--
-- Name: jsonb_seconds(jsonb); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.jsonb_seconds(p_value jsonb) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $_$
  select case
    when pg_catalog.jsonb_typeof(p_value) = 'number' and (p_value #>> '{}')::numeric between 0 and 864000
      then pg_catalog.round((p_value #>> '{}')::numeric)::integer
    when pg_catalog.jsonb_typeof(p_value) = 'string' and pg_catalog.btrim(p_value #>> '{}') ~ '^\d{1,6}(\.\d+)?$'
         and pg_catalog.btrim(p_value #>> '{}')::numeric <= 864000
      then pg_catalog.round(pg_catalog.btrim(p_value #>> '{}')::numeric)::integer
  end
$_$;

--
-- Name: jsonb_single_text(jsonb); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.jsonb_single_text(p_value jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select case when pg_catalog.jsonb_typeof(p_value) = 'string' then nullif(pg_catalog.btrim(p_value #>> '{}'), '')
              when pg_catalog.jsonb_typeof(p_value) = 'array' and pg_catalog.jsonb_array_length(p_value) = 1
                   and pg_catalog.jsonb_typeof(p_value -> 0) = 'string' then nullif(pg_catalog.btrim(p_value ->> 0), '') end
$$;

--
-- Name: jsonb_string(jsonb); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.jsonb_string(p_value jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select case when pg_catalog.jsonb_typeof(p_value) = 'string' then nullif(pg_catalog.btrim(p_value #>> '{}'), '') end
$$;

--
-- Name: legal_do_not_call(uuid[]); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.legal_do_not_call(p_contact_ids uuid[]) RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select c.id
    from public.contacts c
   where c.id = any (p_contact_ids)
     and (c.do_not_call
          or exists (select 1 from public.suppressions s
                      where s.contact_id = c.id and s.suppression_type = 'legal' and s.lifted_at is null)
          or (c.phone_e164 is not null and exists (
                select 1 from public.suppressions s
                 where s.phone_e164 = c.phone_e164 and s.suppression_type = 'legal' and s.lifted_at is null))
          or (c.phone_e164 is not null and exists (
                select 1 from public.contacts o where o.phone_e164 = c.phone_e164 and o.id <> c.id and o.do_not_call)))
$$;

--
-- Name: link_pushed_session(text, text, text, text[], text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.link_pushed_session(p_phoneburner_session_id text, p_sourceco_contact_id text, p_phoneburner_contact_id text, p_phones text[], p_phoneburner_user_id text DEFAULT NULL::text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_session uuid;
begin
  if p_phoneburner_session_id is null
     or exists (select 1 from public.phoneburner_sessions s where s.phoneburner_session_id = p_phoneburner_session_id) then
    return null;
  end if;
  select s.id into v_session
    from public.phoneburner_sessions s
    join public.phoneburner_session_contacts m on m.session_id = s.id
    join public.contacts c on c.id = m.contact_id
    left join public.profiles p on p.id = s.created_by_user_id
   where s.phoneburner_session_id like 'pending:%'
     and s.deleted_at is null
     and (p_phoneburner_user_id is null or p.phoneburner_user_id is null or p.phoneburner_user_id = p_phoneburner_user_id)
     and (c.sourceco_contact_id = p_sourceco_contact_id
          or (p_phoneburner_contact_id is not null and m.phoneburner_contact_id = p_phoneburner_contact_id)
          or (p_sourceco_contact_id is null and p_phoneburner_contact_id is null and m.phone_e164 = any (p_phones)))
   order by s.created_at desc
   limit 1
   for update of s skip locked;
  if v_session is null then
    return null;
  end if;
  update public.phoneburner_sessions set phoneburner_session_id = p_phoneburner_session_id where id = v_session;
  update public.phoneburner_push_batches b
     set phoneburner_session_id = p_phoneburner_session_id
   where b.session_id = v_session and b.phoneburner_session_id like 'pending:%';
  update public.phoneburner_push_runs r
     set phoneburner_session_id = p_phoneburner_session_id
   where r.session_id = v_session and r.phoneburner_session_id like 'pending:%';
  return v_session;
end
$$;

--
-- Name: local_date(timestamp with time zone, text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.local_date(p_at timestamp with time zone, p_timezone text) RETURNS date
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
begin
  return (p_at at time zone coalesce(nullif(pg_catalog.btrim(p_timezone), ''), 'UTC'))::date;
exception when invalid_parameter_value then
  return (p_at at time zone 'UTC')::date;
end
$$;

--
-- Name: mark_contacts_for_scoring(uuid[]); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.mark_contacts_for_scoring(p_contact_ids uuid[]) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  -- contacts only (a deleted contact's calls lose their contact_id: nothing left to score)
  insert into dialbridge.contacts_to_score (contact_id)
  select c.id from public.contacts c where c.id = any (p_contact_ids) order by c.id
  on conflict (contact_id) do nothing;
  if pg_catalog.to_regnamespace('graphile_worker') is null then
    return;
  end if;
  begin
    begin
      if pg_catalog.pg_try_advisory_xact_lock_shared(dialbridge.scoring_markers_lock_key()) then
        if exists (select 1 from graphile_worker._private_jobs j
                    where j.key = 'contacts__score:marked' and j.locked_at is null and j.attempts = 0) then
          return;  -- the queued job claims after its barrier, i.e. after this transaction
        end if;
      end if;
    exception when others then
      null;  -- e.g. a graphile-worker whose tables changed: queue the ordinary way below
    end;
    perform graphile_worker.add_job('contacts__score', '{"marked": true}'::json,
      job_key := 'contacts__score:marked', job_key_mode := 'preserve_run_at', max_attempts := 5);
  exception when others then
    raise warning 'dialbridge: could not queue contacts__score (%): marked contacts wait for the sweep', sqlstate;
  end;
end
$$;

--
-- Name: normalize_label(text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.normalize_label(p_label text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select nullif(pg_catalog.regexp_replace(pg_catalog.lower(p_label), '[^a-z0-9]+', '', 'g'), '')
$$;

--
-- Name: phoneburner_webhooks_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.phoneburner_webhooks_log (
    id bigint NOT NULL,
    event_id text NOT NULL,
    event_type text NOT NULL,
    payload jsonb NOT NULL,
    payload_size_bytes integer,
    phoneburner_call_id text,
    phoneburner_contact_id text,
    sourceco_contact_id text,
    phoneburner_user_id text,
    phoneburner_session_id text,
    event_at timestamp with time zone,
    processing_status text DEFAULT 'pending'::text NOT NULL,
    processing_error text,
    processing_error_code text,
    processing_started_at timestamp with time zone,
    processing_completed_at timestamp with time zone,
    processing_duration_ms integer,
    retry_count integer DEFAULT 0 NOT NULL,
    max_retries integer DEFAULT 5 NOT NULL,
    next_retry_at timestamp with time zone,
    last_retry_at timestamp with time zone,
    auth_method text,
    signature_header text,
    signature_valid boolean,
    ip_address inet,
    user_agent text,
    contact_activity_id uuid,
    task_id uuid,
    received_at timestamp with time zone DEFAULT now() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    partition_date date GENERATED ALWAYS AS (((received_at AT TIME ZONE 'UTC'::text))::date) STORED,
    envelope jsonb,
    CONSTRAINT phoneburner_webhooks_log_auth_method_check CHECK ((auth_method = ANY (ARRAY['hmac'::text, 'url_token'::text, 'softphone_hmac'::text, 'replay'::text, 'reconciliation'::text]))),
    CONSTRAINT phoneburner_webhooks_log_processing_status_check CHECK ((processing_status = ANY (ARRAY['pending'::text, 'processing'::text, 'success'::text, 'failed'::text, 'skipped'::text, 'duplicate'::text]))),
    CONSTRAINT phoneburner_webhooks_log_retries_check CHECK (((retry_count >= 0) AND (max_retries >= 0)))
);

--
-- Name: TABLE phoneburner_webhooks_log; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.phoneburner_webhooks_log IS 'Every dialer event as received (stored before it is acknowledged) and its processing state. Service role only.';

--
-- Name: COLUMN phoneburner_webhooks_log.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.id IS 'Arrival order.';

--
-- Name: COLUMN phoneburner_webhooks_log.event_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.event_id IS 'Event identity: payload event_id, else the X-Phoneburner-Event-ID header, else <event type>:<call id>, else <event type>:sha256:<digest of the payload>.';

--
-- Name: COLUMN phoneburner_webhooks_log.event_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.event_type IS 'call.started, call.connected, call.ended, disposition.set, callback.scheduled, contact.updated, api_callbegin, api_calldone, api_contact_displayed, softphone_call_done.';

--
-- Name: COLUMN phoneburner_webhooks_log.payload; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.payload IS 'The event body as received (PII: never log it whole).';

--
-- Name: COLUMN phoneburner_webhooks_log.payload_size_bytes; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.payload_size_bytes IS 'Size of the raw body.';

--
-- Name: COLUMN phoneburner_webhooks_log.phoneburner_call_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.phoneburner_call_id IS 'PhoneBurner''s call id carried by the event.';

--
-- Name: COLUMN phoneburner_webhooks_log.phoneburner_contact_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.phoneburner_contact_id IS 'PhoneBurner''s contact id carried by the event.';

--
-- Name: COLUMN phoneburner_webhooks_log.sourceco_contact_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.sourceco_contact_id IS 'Our contact key carried back by the dialer (custom field "SourceCo ID").';

--
-- Name: COLUMN phoneburner_webhooks_log.phoneburner_user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.phoneburner_user_id IS 'PhoneBurner user (agent) who made the call.';

--
-- Name: COLUMN phoneburner_webhooks_log.phoneburner_session_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.phoneburner_session_id IS 'PhoneBurner dial session id carried by the event.';

--
-- Name: COLUMN phoneburner_webhooks_log.event_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.event_at IS 'When the event happened according to the sender.';

--
-- Name: COLUMN phoneburner_webhooks_log.processing_status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.processing_status IS 'pending, processing, success, failed (after the last retry), skipped or duplicate.';

--
-- Name: COLUMN phoneburner_webhooks_log.processing_error; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.processing_error IS 'Last processing error.';

--
-- Name: COLUMN phoneburner_webhooks_log.processing_error_code; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.processing_error_code IS 'Machine-readable code of the last processing error.';

--
-- Name: COLUMN phoneburner_webhooks_log.processing_started_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.processing_started_at IS 'When the last processing attempt began.';

--
-- Name: COLUMN phoneburner_webhooks_log.processing_completed_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.processing_completed_at IS 'When processing finished (success, skipped or duplicate).';

--
-- Name: COLUMN phoneburner_webhooks_log.processing_duration_ms; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.processing_duration_ms IS 'Duration of the last processing attempt, milliseconds.';

--
-- Name: COLUMN phoneburner_webhooks_log.retry_count; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.retry_count IS 'Processing attempts that failed.';

--
-- Name: COLUMN phoneburner_webhooks_log.max_retries; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.max_retries IS 'Attempts allowed before the event is marked failed.';

--
-- Name: COLUMN phoneburner_webhooks_log.next_retry_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.next_retry_at IS 'When the next attempt is due (backoff).';

--
-- Name: COLUMN phoneburner_webhooks_log.last_retry_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.last_retry_at IS 'When the last retry ran.';

--
-- Name: COLUMN phoneburner_webhooks_log.auth_method; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.auth_method IS 'How the sender was authenticated: hmac, url_token, softphone_hmac.';

--
-- Name: COLUMN phoneburner_webhooks_log.signature_header; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.signature_header IS 'Signature header as received (for audit of rejected or replayed events).';

--
-- Name: COLUMN phoneburner_webhooks_log.signature_valid; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.signature_valid IS 'Whether the signature verified.';

--
-- Name: COLUMN phoneburner_webhooks_log.ip_address; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.ip_address IS 'Sender address.';

--
-- Name: COLUMN phoneburner_webhooks_log.user_agent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.user_agent IS 'Sender user agent.';

--
-- Name: COLUMN phoneburner_webhooks_log.contact_activity_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.contact_activity_id IS 'Activity the event was projected into.';

--
-- Name: COLUMN phoneburner_webhooks_log.task_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.task_id IS 'Task the event created (callbacks).';

--
-- Name: COLUMN phoneburner_webhooks_log.received_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.received_at IS 'When the event reached our endpoint.';

--
-- Name: COLUMN phoneburner_webhooks_log.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.created_at IS 'When the row was written.';

--
-- Name: COLUMN phoneburner_webhooks_log.updated_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.updated_at IS 'When the processing state last changed.';

--
-- Name: COLUMN phoneburner_webhooks_log.partition_date; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.partition_date IS 'UTC day of arrival (for retention and per-day reports).';

--
-- Name: COLUMN phoneburner_webhooks_log.envelope; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.envelope IS 'When an intermediary wrapped the event as {body: {…}, …}: the wrapper''s other top-level fields (e.g. Transcript), as received. payload holds the unwrapped event.';

--
-- Name: normalize_phoneburner_event(public.phoneburner_webhooks_log, text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.normalize_phoneburner_event(p_log public.phoneburner_webhooks_log, p_zone text) RETURNS dialbridge.phoneburner_call_events
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
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

--
-- Name: normalized_aliases(text[]); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.normalized_aliases(p_aliases text[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select coalesce(array_agg(dialbridge.normalize_label(a)) filter (where dialbridge.normalize_label(a) is not null), '{}')
    from unnest(p_aliases) as a
$$;

--
-- Name: pending_phones_for_push(uuid[], jsonb, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.pending_phones_for_push(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(id uuid, phone text, country text)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select c.id, c.phone, c.country
    from public.contacts c
   where c.id = any (dialbridge.resolve_push_selection(p_contact_ids, p_filter, as_of))
     and c.phone_status = 'pending'
$$;

--
-- Name: perform_workflow_run(uuid); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.perform_workflow_run(p_run_id uuid) RETURNS text
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_status text;
begin
  update public.workflow_runs w
     set status = 'recorded',
         processed_at = pg_catalog.clock_timestamp(),
         result = pg_catalog.jsonb_build_object(
           'delivered', false,
           'note', 'No integration performs this workflow yet: recorded for people and later integrations to act on.')
   where w.id = p_run_id
     and w.status = 'queued'
  returning w.status into v_status;
  if v_status is null then
    select w.status into v_status from public.workflow_runs w where w.id = p_run_id;
  end if;
  return v_status;
end
$$;

--
-- Name: phone_e164_candidates(text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.phone_e164_candidates(p_phone text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select case
    when pg_catalog.length(pg_catalog.regexp_replace(coalesce(p_phone, ''), '\D', '', 'g')) not between 7 and 15
      then '{}'::text[]
    when pg_catalog.length(pg_catalog.regexp_replace(p_phone, '\D', '', 'g')) = 10
         and pg_catalog.left(pg_catalog.btrim(p_phone), 1) <> '+'
      then array['+1' || pg_catalog.regexp_replace(p_phone, '\D', '', 'g'), '+' || pg_catalog.regexp_replace(p_phone, '\D', '', 'g')]
    else array['+' || pg_catalog.regexp_replace(p_phone, '\D', '', 'g')]
  end
$$;

--
-- Name: phoneburner_accounts_to_reconcile(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.phoneburner_accounts_to_reconcile() RETURNS TABLE(user_id uuid, team_id uuid, contacts_synced_until timestamp with time zone)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select p.id, p.team_id, s.contacts_synced_until
    from public.phoneburner_oauth_tokens t
    join public.profiles p on p.id = t.user_id and p.is_active
    left join dialbridge.phoneburner_sync_state s on s.user_id = p.id
   where t.access_token is not null
   order by p.id
$$;

--
-- Name: phoneburner_answered_by(text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.phoneburner_answered_by(p_value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
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

--
-- Name: phoneburner_call_activity_rows(text[]); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.phoneburner_call_activity_rows(p_keys text[]) RETURNS TABLE(dedupe_key text, contact_id uuid, matching_status text, user_id uuid, phoneburner_session_id uuid, team_id uuid, activity_type text, call_started_at timestamp with time zone, call_connected_at timestamp with time zone, call_ended_at timestamp with time zone, ring_duration_seconds integer, call_duration_seconds integer, talk_time_seconds integer, call_outcome text, answered_by text, disposition_code text, disposition_label text, disposition_notes text, disposition_set_at timestamp with time zone, callback_scheduled_date timestamp with time zone, recording_url text, recording_duration_seconds integer, user_name text, user_email text, phoneburner_call_id text, phoneburner_contact_id text, phoneburner_event_id text, details jsonb)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
#variable_conflict use_column
begin
  -- plpgsql (not sql) so that find_disposition_mapping, created by a later migration, binds at run time
  return query
  with f as (
    select e.* from dialbridge.phoneburner_call_events e where e.call_key = any (p_keys)
  ), agg as (
    select f.call_key,
           bool_or(f.kind = 'call') as has_call,
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
           min(f.event_at) filter (where f.kind = 'call') as first_call_event_at,
           (array_agg(f.event_id order by f.event_at, f.event_id) filter (where f.kind = 'call'))[1] as first_call_event_id,
           (array_agg(f.event_id order by f.event_at, f.event_id) filter (where f.callback_at is not null))[1] as first_callback_event_id,
           (array_agg(f.phoneburner_contact_id order by f.event_at, f.event_id) filter (where f.phoneburner_contact_id is not null))[1] as pb_contact_id,
           (array_agg(f.phoneburner_session_id order by f.event_at, f.event_id) filter (where f.phoneburner_session_id is not null))[1] as pb_session_id,
           (array_agg(f.extra ->> 'direction' order by f.event_at, f.event_id) filter (where f.extra ? 'direction'))[1] as direction,
           (array_agg(f.extra ->> 'disconnect_reason' order by f.event_at desc, f.event_id desc) filter (where f.extra ? 'disconnect_reason'))[1] as disconnect_reason,
           (array_agg(f.extra ->> 'outcome_sent' order by f.event_at desc, f.event_id desc) filter (where f.extra ? 'outcome_sent'))[1] as outcome_sent,
           array_agg(f.sourceco_contact_id order by f.event_at, f.event_id) filter (where f.sourceco_contact_id is not null) as sourceco_ids,
           array_agg(f.phoneburner_contact_id order by f.event_at, f.event_id) filter (where f.phoneburner_contact_id is not null) as pb_ids,
           array_agg(f.event_id order by f.event_id) filter (where f.kind = 'call') as call_event_ids
      from f
     group by f.call_key
  ), phones as (
    select f.call_key, array_agg(distinct p.phone order by p.phone) as phones
      from f cross join unnest(f.phone_e164) as p(phone)
     group by f.call_key
  ), rep as (
    select distinct on (f.call_key) f.call_key, f.phoneburner_user_id, f.user_name, f.user_email
      from f
     where f.kind = 'call' and coalesce(f.phoneburner_user_id, f.user_name, f.user_email) is not null
     order by f.call_key,
              case when f.event_type in ('call.started', 'api_callbegin', 'api_calldone', 'softphone_call_done') then 0
                   when f.event_type = 'disposition.set' then 1 else 2 end,
              f.event_at, f.event_id
  ), disp as (
    select distinct on (f.call_key) f.call_key, f.disposition_code, f.disposition_label, f.disposition_category,
           f.disposition_notes, f.disposition_at
      from f
     where f.kind = 'call' and coalesce(f.disposition_code, f.disposition_label) is not null
     order by f.call_key, f.disposition_at desc nulls last, f.event_at desc, f.event_id desc
  ), disp_maps as materialized (
    -- the mapping of each distinct disposition once (a batch has a handful), not once per call
    select p.disposition_code, p.disposition_label, m.phoneburner_disposition_code, m.phoneburner_disposition_label,
           m.category, m.is_connected_outcome
      from (select distinct x.disposition_code, x.disposition_label from disp x) p
      cross join lateral dialbridge.find_disposition_mapping(p.disposition_code, p.disposition_label) m
  ), cb as (
    select distinct on (f.call_key) f.call_key, f.callback_at, f.callback_notes,
           coalesce(f.callback_details, '{}'::jsonb)
             || pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object('notes', f.callback_notes, 'event_at', f.event_at))
             as callback_details,
           f.phoneburner_user_id, f.user_name, f.user_email
      from f
     where f.callback_at is not null
     order by f.call_key, f.event_at desc, f.event_id desc
  ), base as (
    select a.*, ph.phones,
           r.user_name as rep_name, r.user_email as rep_email,
           d.disposition_code as code_sent, d.disposition_label as label_sent, d.disposition_category as category_sent,
           d.disposition_notes, d.disposition_at,
           m.phoneburner_disposition_code as mapped_code, m.phoneburner_disposition_label as mapped_label,
           m.category as mapped_category, m.is_connected_outcome as mapped_connected,
           s.id as session_id, s.team_id as session_team_id,
           p.id as rep_id, p.team_id as rep_team_id, p.display_name as rep_display_name, p.email as rep_profile_email,
           cb.callback_at, cb.callback_notes, cb.callback_details, cb.user_name as cb_name, cb.user_email as cb_email,
           cbp.id as cb_rep_id, cbp.display_name as cb_display_name, cbp.email as cb_profile_email,
           ml.contact_id as linked_contact_id, ml.team_id as linked_team_id
      from agg a
      left join phones ph on ph.call_key = a.call_key
      left join rep r on r.call_key = a.call_key
      left join disp d on d.call_key = a.call_key
      left join disp_maps m on m.disposition_code is not distinct from d.disposition_code
                           and m.disposition_label is not distinct from d.disposition_label
      left join public.phoneburner_sessions s on s.phoneburner_session_id = a.pb_session_id
      left join public.profiles p on p.phoneburner_user_id = r.phoneburner_user_id
      left join cb on cb.call_key = a.call_key
      left join public.profiles cbp on cbp.phoneburner_user_id = cb.phoneburner_user_id
      left join lateral (
        select x.contact_id, x.team_id
          from public.contact_activities x
         where x.dedupe_key in (a.call_key, dialbridge.phoneburner_callback_key(a.call_key))
           and x.matching_status = 'manually_linked'
         order by x.dedupe_key
         limit 1) ml on true
  ), resolved as materialized (
    select b.*,
           coalesce(b.linked_contact_id,
                    dialbridge.resolve_phoneburner_contact(b.sourceco_ids, b.pb_ids, b.phones, b.session_id)) as resolved_contact_id
      from base b
  ), derived as materialized (
    select r.*, c.team_id as contact_team_id,
           dialbridge.phoneburner_call_outcome(r.outcome, r.answered_by, r.connected_flag, r.connected_at, r.talk_seconds,
             r.mapped_code, r.mapped_connected, r.label_sent) as outcome_final,
           coalesce(r.started_at,
                    least(r.connected_at - pg_catalog.make_interval(secs => r.ring_seconds),
                          r.ended_at - pg_catalog.make_interval(secs => r.total_seconds)),
                    r.first_call_event_at) as started_final
      from resolved r
      left join public.contacts c on c.id = r.resolved_contact_id
  ), result_rows as (
    select
      d.call_key as dedupe_key,
      d.resolved_contact_id as contact_id,
      case when d.linked_contact_id is not null then 'manually_linked'
           when d.resolved_contact_id is not null then 'matched' else 'unmatched' end as matching_status,
      case when d.linked_contact_id is not null then d.linked_team_id
           else coalesce(d.contact_team_id, d.rep_team_id, d.session_team_id) end as team_id,
      d.*
    from derived d
  )
  -- the call
  select r.dedupe_key, r.contact_id, r.matching_status, r.rep_id, r.session_id, r.team_id,
         case when coalesce(r.code_sent, r.label_sent) is not null then 'disposition_set'
              when r.ended_at is not null or r.outcome is not null or r.total_seconds is not null
                   or r.connected_flag is not null then 'call_completed'
              when r.outcome_final in ('connected', 'voicemail') or r.connected_at is not null then 'call_connected'
              else 'call_attempt' end,
         r.started_final, r.connected_at, r.ended_at, r.ring_seconds,
         coalesce(r.total_seconds,
                  case when r.started_at is not null and r.ended_at >= r.started_at
                       then pg_catalog.round(extract(epoch from r.ended_at - r.started_at))::integer end),
         coalesce(r.talk_seconds,
                  case when r.outcome_final = 'connected' then
                    coalesce(case when r.connected_at is not null and r.ended_at >= r.connected_at
                                  then pg_catalog.round(extract(epoch from r.ended_at - r.connected_at))::integer end,
                             r.total_seconds) end),
         r.outcome_final,
         coalesce(r.answered_by,
                  dialbridge.phoneburner_inferred_answered_by(r.outcome_final, r.mapped_code, r.mapped_category, r.mapped_connected)),
         coalesce(r.mapped_code, r.code_sent),
         coalesce(r.label_sent, r.mapped_label),
         r.disposition_notes,
         case when coalesce(r.code_sent, r.label_sent) is not null then r.disposition_at end,
         r.callback_at,
         r.recording_url, r.recording_seconds,
         coalesce(r.rep_name, r.rep_display_name), coalesce(r.rep_email, r.rep_profile_email),
         r.call_id, r.pb_contact_id, r.first_call_event_id,
         pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
           'direction', r.direction,
           'outcome_sent', coalesce(r.outcome, r.outcome_sent),
           'disconnect_reason', r.disconnect_reason,
           'connected_flag', r.connected_flag,
           'answered_by_inferred', case when r.answered_by is null and r.outcome_final in ('connected', 'voicemail') then true end,
           'disposition_code_sent', case when r.code_sent is distinct from r.mapped_code then r.code_sent end,
           'disposition_category', r.category_sent,
           'disposition_unmapped', case when coalesce(r.code_sent, r.label_sent) is not null and r.mapped_code is null then true end,
           'event_ids', pg_catalog.to_jsonb(r.call_event_ids)))
    from result_rows r
   where r.has_call
  union all
  -- the callback scheduled on it
  select dialbridge.phoneburner_callback_key(r.dedupe_key), r.contact_id, r.matching_status,
         coalesce(r.cb_rep_id, r.rep_id), r.session_id, r.team_id, 'callback_scheduled',
         null, null, null, null, null, null, null, null, null, null,
         r.callback_notes, null, r.callback_at, null, null,
         coalesce(r.cb_name, r.cb_display_name, r.rep_name, r.rep_display_name),
         coalesce(r.cb_email, r.cb_profile_email, r.rep_email, r.rep_profile_email),
         r.call_id, r.pb_contact_id, r.first_callback_event_id,
         coalesce(r.callback_details, '{}'::jsonb)
    from result_rows r
   where r.callback_at is not null;
end
$$;

--
-- Name: phoneburner_call_context(uuid[]); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.phoneburner_call_context(p_contact_ids uuid[]) RETURNS TABLE(contact_id uuid, custom_fields jsonb)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  with deals as (
    select d.contact_id,
           pg_catalog.count(*) filter (where d.deal_status = 'active') as active_deals,
           (pg_catalog.array_agg(d.deal_name || coalesce(' - ' || pg_catalog.to_char(d.presented_at at time zone 'UTC', 'Mon YYYY'), '')
              order by d.presented_at desc nulls last) filter (where d.presented_at is not null))[1] as last_presented,
           (pg_catalog.array_agg(d.outcome order by d.presented_at desc nulls last) filter (where d.presented_at is not null))[1] as last_outcome
      from public.deal_contacts d
     where d.contact_id = any (p_contact_ids)
     group by d.contact_id
  )
  select c.id, pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
    'sourceco_contact_id', c.sourceco_contact_id,
    'contact_type', c.contact_type,
    'buyer_type', c.buyer_type,
    'firm_type', c.firm_type,
    'industry', c.industry,
    'aum', dialbridge.format_usd_short(c.aum_usd),
    'fund_size', dialbridge.format_usd_short(c.fund_size_usd),
    'target_ebitda_range', case when c.target_ebitda_min_usd is not null or c.target_ebitda_max_usd is not null then
        coalesce(dialbridge.format_usd_short(c.target_ebitda_min_usd), '?') || ' - ' || coalesce(dialbridge.format_usd_short(c.target_ebitda_max_usd), '?') end,
    'ebitda', dialbridge.format_usd_short(c.ebitda_usd),
    'target_sectors', nullif(pg_catalog.array_to_string(c.target_sectors, ', '), ''),
    'target_geographies', nullif(pg_catalog.array_to_string(c.target_geographies, ', '), ''),
    'last_contact_date', pg_catalog.to_char(c.last_call_attempt_at at time zone 'UTC', 'YYYY-MM-DD'),
    'last_contact_method', case when c.last_call_attempt_at is not null then 'call' end,
    'last_contact_outcome', c.last_disposition_label,
    'total_calls_attempted', nullif(c.total_call_attempts, 0)::text,
    'engagement_score', c.call_engagement_score::text,
    'active_deals_count', nullif(d.active_deals, 0)::text,
    'last_deal_presented', d.last_presented,
    'last_deal_outcome', d.last_outcome,
    'call_talking_points', nullif(pg_catalog.btrim(c.call_talking_points), ''),
    'relationship_notes', nullif(pg_catalog.btrim(c.relationship_notes), ''),
    'preferred_contact_time', case when c.best_call_day_of_week is not null or c.best_call_time_of_day is not null then
        pg_catalog.concat_ws(' ', (array['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'])[c.best_call_day_of_week],
                             'around ' || pg_catalog.to_char(c.best_call_time_of_day, 'HH24:MI')) end,
    'assistant_name', coalesce(nullif(pg_catalog.btrim(c.assistant_name), ''), nullif(pg_catalog.btrim(c.gatekeeper_name), '')),
    'assistant_phone', nullif(pg_catalog.btrim(c.assistant_phone), ''),
    'gatekeeper_notes', nullif(pg_catalog.btrim(c.gatekeeper_notes), ''),
    'contact_owner', o.display_name,
    'contact_owner_email', o.email,
    'contact_source', c.list_source))
    from public.contacts c
    left join public.profiles o on o.id = c.owner_id
    left join deals d on d.contact_id = c.id
   where c.id = any (p_contact_ids)
$$;

--
-- Name: phoneburner_call_id(jsonb); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.phoneburner_call_id(p_payload jsonb) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
begin
  return dialbridge.jsonb_first_id(array[p_payload -> 'call_id', p_payload -> 'call' -> 'id',
                                         p_payload -> 'callId', p_payload -> 'call' -> 'call_id']);
end
$$;

--
-- Name: phoneburner_call_outcome(text, text, boolean, timestamp with time zone, integer, text, boolean, text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.phoneburner_call_outcome(p_outcome text, p_answered_by text, p_connected boolean, p_connected_at timestamp with time zone, p_talk integer, p_mapping_code text, p_mapping_connected boolean, p_label text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
declare
  l text := coalesce(dialbridge.normalize_label(p_label), '');
begin
  return case
    when p_outcome in ('no_answer', 'busy', 'failed', 'rejected') then p_outcome
    when p_outcome = 'voicemail' or p_answered_by = 'voicemail' then 'voicemail'
    when p_answered_by in ('decision_maker', 'gatekeeper', 'answering_service') then 'connected'
    when p_mapping_code = 'LEFT_VOICEMAIL' or l ~ '(voicemail|leftmessage|leftvm)' then 'voicemail'
    when p_answered_by = 'unknown' or p_connected_at is not null or p_connected then 'connected'
    when p_outcome = 'completed' and coalesce(p_talk, 0) > 0 then 'connected'
    when p_connected = false or p_mapping_code = 'NO_ANSWER' or l in ('noanswer', 'busy')
      then case when l like '%busy%' then 'busy' else 'no_answer' end
    when p_outcome = 'completed' then 'no_answer'
    when p_mapping_connected or (l like '%connected%' and l not like '%disconnect%') then 'connected'
  end;
end
$$;

--
-- Name: phoneburner_callback_key(text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.phoneburner_callback_key(p_call_key text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select 'phoneburner:callback:' || pg_catalog.substr(p_call_key, 18)
$$;

--
-- Name: phoneburner_credentials(uuid); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.phoneburner_credentials(p_user_id uuid) RETURNS TABLE(access_token text, refresh_token text, expires_at timestamp with time zone)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select t.access_token, t.refresh_token, t.expires_at
    from public.phoneburner_oauth_tokens t
   where t.user_id = p_user_id and t.access_token is not null
$$;

--
-- Name: phoneburner_custom_field_catalog(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.phoneburner_custom_field_catalog() RETURNS TABLE(ord integer, key text, label text)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  values (1, 'sourceco_contact_id', 'SourceCo ID'), (2, 'contact_type', 'Contact Type'), (3, 'buyer_type', 'Buyer Type'),
         (4, 'firm_type', 'Firm Type'), (5, 'industry', 'Industry'), (6, 'aum', 'AUM'), (7, 'fund_size', 'Fund Size'),
         (8, 'target_ebitda_range', 'Target EBITDA Range'), (9, 'ebitda', 'EBITDA'), (10, 'target_sectors', 'Target Sectors'),
         (11, 'target_geographies', 'Target Geographies'), (12, 'last_contact_date', 'Last Contact Date'),
         (13, 'last_contact_method', 'Last Contact Method'), (14, 'last_contact_outcome', 'Last Contact Outcome'),
         (15, 'total_calls_attempted', 'Calls Attempted'), (16, 'engagement_score', 'Engagement Score'),
         (17, 'active_deals_count', 'Active Deals'), (18, 'last_deal_presented', 'Last Deal Presented'),
         (19, 'last_deal_outcome', 'Last Deal Outcome'), (20, 'call_talking_points', 'Talking Points'),
         (21, 'relationship_notes', 'Relationship Notes'), (22, 'preferred_contact_time', 'Preferred Contact Time'),
         (23, 'assistant_name', 'Assistant Name'), (24, 'assistant_phone', 'Assistant Phone'),
         (25, 'gatekeeper_notes', 'Gatekeeper Notes'), (26, 'contact_owner', 'Contact Owner'),
         (27, 'contact_owner_email', 'Contact Owner Email'), (28, 'contact_source', 'Contact Source')
$$;

--
-- Name: phoneburner_event_identity(text, jsonb, text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.phoneburner_event_identity(p_event_type text, p_payload jsonb, p_header_event_id text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
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

--
-- Name: phoneburner_event_refs(text, jsonb, text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.phoneburner_event_refs(p_event_type text, p_payload jsonb, p_zone text DEFAULT NULL::text) RETURNS TABLE(call_id text, contact_id text, sourceco_contact_id text, user_id text, session_id text, event_at timestamp with time zone)
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
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

--
-- Name: phoneburner_event_rep(text, jsonb); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.phoneburner_event_rep(p_event_type text, p_payload jsonb) RETURNS TABLE(user_id text, user_name text, user_email text)
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
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

--
-- Name: phoneburner_event_time(jsonb, text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.phoneburner_event_time(p_value jsonb, p_zone text) RETURNS timestamp with time zone
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $_$
  select case
    -- fast path: ISO 8601 with an explicit zone and a day every month has (the seed contract's form)
    when pg_catalog.jsonb_typeof(p_value) = 'string'
         and (p_value #>> '{}') ~ '^(?!0000)\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?(Z|[+-](0\d|1[0-4]):[0-5]\d)$'
      then (p_value #>> '{}')::timestamptz
    when pg_catalog.jsonb_typeof(p_value) in ('string', 'number')
      then dialbridge.phoneburner_timestamptz(p_value, p_zone)
  end
$_$;

--
-- Name: phoneburner_event_types(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.phoneburner_event_types() RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select array['call.started', 'call.connected', 'call.ended', 'disposition.set', 'callback.scheduled',
               'contact.updated', 'api_contact_displayed', 'api_callbegin', 'api_calldone',
               'softphone_call_done']
$$;

--
-- Name: phoneburner_idless_call_key(bigint); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.phoneburner_idless_call_key(p_log_id bigint) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
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

--
-- Name: phoneburner_idless_start_key(text, timestamp with time zone, text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.phoneburner_idless_start_key(p_subject text, p_at timestamp with time zone, p_event_id text) RETURNS text
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
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

--
-- Name: phoneburner_inferred_answered_by(text, text, text, boolean); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.phoneburner_inferred_answered_by(p_outcome text, p_mapping_code text, p_mapping_category text, p_mapping_connected boolean) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select case
    when p_outcome = 'voicemail' then 'voicemail'
    when p_outcome is distinct from 'connected' then null
    when p_mapping_code in ('SPOKE_TO_GATEKEEPER', 'GATEKEEPER') then 'gatekeeper'
    when p_mapping_connected and p_mapping_category in ('positive', 'negative') then 'decision_maker'
    else 'unknown'
  end
$$;

--
-- Name: phoneburner_outcome(text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.phoneburner_outcome(p_value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
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

--
-- Name: phoneburner_processor_awaits_receivers(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.phoneburner_processor_awaits_receivers() RETURNS boolean
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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

--
-- Name: phoneburner_reassign_idless(text, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.phoneburner_reassign_idless(p_subject text, p_at timestamp with time zone) RETURNS text[]
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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

--
-- Name: phoneburner_receivers_lock_key(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.phoneburner_receivers_lock_key() RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$ select 7308604897168450351::bigint $$;

--
-- Name: phoneburner_retry_delay(integer); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.phoneburner_retry_delay(p_attempt integer) RETURNS interval
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select least(pg_catalog.make_interval(secs => 5 * pg_catalog.power(4, greatest(p_attempt, 1) - 1)), interval '1 hour')
$$;

--
-- Name: phoneburner_sourceco_id(jsonb); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.phoneburner_sourceco_id(p_payload jsonb) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
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

--
-- Name: phoneburner_time_zone(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.phoneburner_time_zone() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select coalesce(nullif(pg_catalog.btrim(pg_catalog.current_setting('dialbridge.phoneburner_time_zone', true)), ''),
                  'America/New_York')
$$;

--
-- Name: phoneburner_timestamptz(jsonb, text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.phoneburner_timestamptz(p_value jsonb, p_zone text DEFAULT 'UTC'::text) RETURNS timestamp with time zone
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $_$
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
$_$;

--
-- Name: reads_all_reports(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.reads_all_reports() RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select pg_catalog.pg_has_role(current_user, 'dialbridge_metabase', 'usage')
      or pg_catalog.pg_has_role(current_user, 'service_role', 'usage')
$$;

--
-- Name: reads_pipeline_reports(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.reads_pipeline_reports() RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO ''
    BEGIN ATOMIC
 SELECT (dialbridge.reads_all_reports() OR dialbridge.is_admin());
END;

--
-- Name: report_time_zone(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.report_time_zone() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select s.time_zone from dialbridge.report_settings s
$$;

--
-- Name: report_today(timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.report_today(p_as_of timestamp with time zone DEFAULT now()) RETURNS date
    LANGUAGE sql STABLE
    SET search_path TO ''
    BEGIN ATOMIC
 SELECT ((p_as_of AT TIME ZONE dialbridge.report_time_zone()))::date AS timezone;
END;

--
-- Name: rep_day_totals; Type: TABLE; Schema: dialbridge; Owner: -
--

CREATE TABLE dialbridge.rep_day_totals (
    id bigint NOT NULL,
    team_id uuid,
    user_id uuid,
    day date NOT NULL,
    calls integer DEFAULT 0 NOT NULL,
    connections integer DEFAULT 0 NOT NULL,
    decision_maker_conversations integer DEFAULT 0 NOT NULL,
    gatekeeper_conversations integer DEFAULT 0 NOT NULL,
    voicemails integer DEFAULT 0 NOT NULL,
    no_answers integer DEFAULT 0 NOT NULL,
    talk_time_seconds bigint DEFAULT 0 NOT NULL,
    call_duration_seconds bigint DEFAULT 0 NOT NULL,
    dispositioned_calls integer DEFAULT 0 NOT NULL,
    callbacks_scheduled integer DEFAULT 0 NOT NULL,
    qualified integer DEFAULT 0 NOT NULL,
    nurture integer DEFAULT 0 NOT NULL,
    disqualified integer DEFAULT 0 NOT NULL,
    suppressed integer DEFAULT 0 NOT NULL,
    other_dispositions integer DEFAULT 0 NOT NULL,
    unmapped_dispositions integer DEFAULT 0 NOT NULL,
    meetings integer DEFAULT 0 NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE rep_day_totals; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON TABLE dialbridge.rep_day_totals IS 'Roll-up per team, rep and report day with dispositions classified (reclassified when a mapping changes); what the rep reports read.';

--
-- Name: COLUMN rep_day_totals.day; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_day_totals.day IS 'Report day (reporting time zone).';

--
-- Name: COLUMN rep_day_totals.calls; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_day_totals.calls IS 'Calls (one row per call in contact_activities).';

--
-- Name: COLUMN rep_day_totals.connections; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_day_totals.connections IS 'Calls answered by a person.';

--
-- Name: COLUMN rep_day_totals.decision_maker_conversations; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_day_totals.decision_maker_conversations IS 'Connections with the decision maker.';

--
-- Name: COLUMN rep_day_totals.gatekeeper_conversations; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_day_totals.gatekeeper_conversations IS 'Connections with a gatekeeper.';

--
-- Name: COLUMN rep_day_totals.voicemails; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_day_totals.voicemails IS 'Calls that reached voicemail.';

--
-- Name: COLUMN rep_day_totals.no_answers; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_day_totals.no_answers IS 'Calls not answered (no answer, busy).';

--
-- Name: COLUMN rep_day_totals.talk_time_seconds; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_day_totals.talk_time_seconds IS 'Conversation time, seconds.';

--
-- Name: COLUMN rep_day_totals.call_duration_seconds; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_day_totals.call_duration_seconds IS 'Call time including ringing, seconds.';

--
-- Name: COLUMN rep_day_totals.dispositioned_calls; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_day_totals.dispositioned_calls IS 'Calls with a disposition.';

--
-- Name: COLUMN rep_day_totals.callbacks_scheduled; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_day_totals.callbacks_scheduled IS 'Callbacks scheduled (callback_scheduled activities).';

--
-- Name: COLUMN rep_day_totals.qualified; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_day_totals.qualified IS 'Calls dispositioned with SourceCo status Qualified.';

--
-- Name: COLUMN rep_day_totals.nurture; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_day_totals.nurture IS 'Calls dispositioned with SourceCo status Nurture.';

--
-- Name: COLUMN rep_day_totals.disqualified; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_day_totals.disqualified IS 'Calls dispositioned with SourceCo status Disqualified.';

--
-- Name: COLUMN rep_day_totals.suppressed; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_day_totals.suppressed IS 'Calls dispositioned with SourceCo status Suppressed.';

--
-- Name: COLUMN rep_day_totals.other_dispositions; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_day_totals.other_dispositions IS 'Calls dispositioned Attempted, Invalid or with no status.';

--
-- Name: COLUMN rep_day_totals.unmapped_dispositions; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_day_totals.unmapped_dispositions IS 'Calls whose disposition matches no active mapping.';

--
-- Name: COLUMN rep_day_totals.meetings; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_day_totals.meetings IS 'Calls dispositioned as a meeting (code MEETING_SET or stage Meeting Set).';

--
-- Name: contact_field_changes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contact_field_changes (
    id bigint NOT NULL,
    contact_id uuid NOT NULL,
    team_id uuid,
    field_name text NOT NULL,
    old_value text,
    new_value text,
    source_system text NOT NULL,
    source_event_id text,
    changed_by text,
    changed_at timestamp with time zone NOT NULL,
    applied boolean DEFAULT true NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT contact_field_changes_source_system_check CHECK ((source_system = ANY (ARRAY['phoneburner'::text, 'sourceco_platform'::text, 'manual'::text, 'reconciliation'::text, 'voipstudio'::text, 'bolna'::text])))
);

--
-- Name: TABLE contact_field_changes; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.contact_field_changes IS 'Field-by-field audit of contact changes from dialer sync: old and new value, source, event time, and whether it was applied (last write wins).';

--
-- Name: COLUMN contact_field_changes.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_field_changes.id IS 'Change id (in recording order).';

--
-- Name: COLUMN contact_field_changes.contact_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_field_changes.contact_id IS 'The contact that changed.';

--
-- Name: COLUMN contact_field_changes.team_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_field_changes.team_id IS 'Team of the contact; scopes who sees the change.';

--
-- Name: COLUMN contact_field_changes.field_name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_field_changes.field_name IS 'Changed field (phone, email, title, …).';

--
-- Name: COLUMN contact_field_changes.old_value; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_field_changes.old_value IS 'Value before the change (as reported by the source).';

--
-- Name: COLUMN contact_field_changes.new_value; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_field_changes.new_value IS 'Value after the change.';

--
-- Name: COLUMN contact_field_changes.source_system; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_field_changes.source_system IS 'Where the change came from.';

--
-- Name: COLUMN contact_field_changes.source_event_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_field_changes.source_event_id IS 'Event that carried the change.';

--
-- Name: COLUMN contact_field_changes.changed_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_field_changes.changed_by IS 'Who changed it in the source system.';

--
-- Name: COLUMN contact_field_changes.changed_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_field_changes.changed_at IS 'When the change happened in the source (event time).';

--
-- Name: COLUMN contact_field_changes.applied; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_field_changes.applied IS 'false when a newer write already won (stale change, kept for audit).';

--
-- Name: COLUMN contact_field_changes.recorded_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_field_changes.recorded_at IS 'When dialbridge recorded the change.';

--
-- Name: report_contact_field_changes; Type: VIEW; Schema: dialbridge; Owner: -
--

CREATE VIEW dialbridge.report_contact_field_changes WITH (security_barrier='true') AS
 SELECT f.id,
    f.contact_id,
    f.team_id,
    f.field_name,
    f.old_value,
    f.new_value,
    f.source_system,
    f.source_event_id,
    f.changed_by,
    f.changed_at,
    f.applied,
    f.recorded_at
   FROM public.contact_field_changes f
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR (f.team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin));

--
-- Name: VIEW report_contact_field_changes; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON VIEW dialbridge.report_contact_field_changes IS 'Contact field changes the caller may see. Read by reports views.';

--
-- Name: profiles; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.profiles (
    id uuid NOT NULL,
    team_id uuid,
    role text DEFAULT 'rep'::text NOT NULL,
    display_name text,
    email text,
    phoneburner_user_id text,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT profiles_role_check CHECK ((role = ANY (ARRAY['rep'::text, 'manager'::text, 'admin'::text])))
);

--
-- Name: TABLE profiles; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.profiles IS 'SourceCo users (one per auth.users row): team, role and PhoneBurner user id.';

--
-- Name: COLUMN profiles.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.profiles.id IS 'The auth.users id of this user.';

--
-- Name: COLUMN profiles.team_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.profiles.team_id IS 'The team whose contacts, calls and sessions this user works.';

--
-- Name: COLUMN profiles.role; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.profiles.role IS 'rep: works the team''s contacts; manager: also deletes and manages the team''s rows; admin: everything, including disposition mappings.';

--
-- Name: COLUMN profiles.display_name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.profiles.display_name IS 'Name shown on activities and scorecards.';

--
-- Name: COLUMN profiles.email; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.profiles.email IS 'Sign-in email (copied from auth.users when the profile is created).';

--
-- Name: COLUMN profiles.phoneburner_user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.profiles.phoneburner_user_id IS 'PhoneBurner''s user id for this rep (agent.user_id in callbacks); used to attribute calls.';

--
-- Name: COLUMN profiles.is_active; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.profiles.is_active IS 'Inactive users keep their history but see nothing.';

--
-- Name: COLUMN profiles.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.profiles.created_at IS 'When the profile was created.';

--
-- Name: COLUMN profiles.updated_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.profiles.updated_at IS 'When the profile last changed.';

--
-- Name: report_profiles; Type: VIEW; Schema: dialbridge; Owner: -
--

CREATE VIEW dialbridge.report_profiles WITH (security_barrier='true') AS
 SELECT p.id,
    p.team_id,
    p.display_name,
    p.email,
    p.is_active
   FROM public.profiles p
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR (p.id = ( SELECT auth.uid() AS uid)) OR (p.team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin));

--
-- Name: VIEW report_profiles; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON VIEW dialbridge.report_profiles IS 'Names of the people the caller may see. Read by reports views.';

--
-- Name: phoneburner_push_runs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.phoneburner_push_runs (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    request_id text NOT NULL,
    team_id uuid,
    user_id uuid,
    target_user_id uuid,
    request_shape text DEFAULT 'dialbridge'::text NOT NULL,
    entity_type text,
    api_style text DEFAULT 'dialsession'::text NOT NULL,
    filter jsonb,
    filter_fingerprint text,
    options jsonb DEFAULT '{}'::jsonb NOT NULL,
    session_name text NOT NULL,
    target_session_id uuid,
    session_id uuid,
    phoneburner_session_id text,
    session_url text,
    redirect_url text,
    status text DEFAULT 'queued'::text NOT NULL,
    stage text DEFAULT 'queued'::text NOT NULL,
    stage_detail text,
    total_contacts integer DEFAULT 0 NOT NULL,
    contacts_ready integer DEFAULT 0 NOT NULL,
    contacts_excluded integer DEFAULT 0 NOT NULL,
    contacts_overridden integer DEFAULT 0 NOT NULL,
    contacts_done integer DEFAULT 0 NOT NULL,
    contacts_added integer DEFAULT 0 NOT NULL,
    contacts_updated integer DEFAULT 0 NOT NULL,
    contacts_failed integer DEFAULT 0 NOT NULL,
    batches_total integer DEFAULT 0 NOT NULL,
    batches_done integer DEFAULT 0 NOT NULL,
    error text,
    error_code text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    started_at timestamp with time zone,
    finished_at timestamp with time zone,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT phoneburner_push_runs_api_style_check CHECK ((api_style = ANY (ARRAY['dialsession'::text, 'seed'::text]))),
    CONSTRAINT phoneburner_push_runs_counters_check CHECK ((((contacts_ready + contacts_excluded) = total_contacts) AND (contacts_done <= contacts_ready) AND (((contacts_added + contacts_updated) + contacts_failed) <= contacts_ready) AND (batches_done <= batches_total))),
    CONSTRAINT phoneburner_push_runs_request_shape_check CHECK ((request_shape = ANY (ARRAY['dialbridge'::text, 'sourceco'::text, 'callback'::text]))),
    CONSTRAINT phoneburner_push_runs_stage_check CHECK ((stage = ANY (ARRAY['queued'::text, 'mapping'::text, 'uploading'::text, 'waiting_to_retry'::text, 'done'::text]))),
    CONSTRAINT phoneburner_push_runs_status_check CHECK ((status = ANY (ARRAY['queued'::text, 'pushing'::text, 'succeeded'::text, 'partially_succeeded'::text, 'failed'::text, 'nothing_to_push'::text])))
);

--
-- Name: TABLE phoneburner_push_runs; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.phoneburner_push_runs IS 'The push log: every push of a list into PhoneBurner with who, when, the session, counts, overrides and progress (updated live; subscribe with Realtime).';

--
-- Name: COLUMN phoneburner_push_runs.request_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.request_id IS 'Idempotency key of the push (sent to PhoneBurner as custom_data.request_id); the same key never pushes twice.';

--
-- Name: COLUMN phoneburner_push_runs.user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.user_id IS 'Who pushed.';

--
-- Name: COLUMN phoneburner_push_runs.target_user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.target_user_id IS 'Whose PhoneBurner account received the list (an admin or manager may push for a rep).';

--
-- Name: COLUMN phoneburner_push_runs.request_shape; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.request_shape IS 'dialbridge (this API), sourceco (SourceCo''s existing frontend) or callback (callback follow-through).';

--
-- Name: COLUMN phoneburner_push_runs.entity_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.entity_type IS 'SourceCo entity type the contacts were chosen by (contacts, listings, contact_list, …).';

--
-- Name: COLUMN phoneburner_push_runs.api_style; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.api_style IS 'dialsession (real PhoneBurner: POST /rest/1/dialsession) or seed (POST /v2/contacts/bulk).';

--
-- Name: COLUMN phoneburner_push_runs.filter; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.filter IS 'The contact filter of a filter-based push.';

--
-- Name: COLUMN phoneburner_push_runs.filter_fingerprint; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.filter_fingerprint IS 'Hash of the filter (or of the contact ids): finds the rep''s session for "the same list again".';

--
-- Name: COLUMN phoneburner_push_runs.options; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.options IS 'Push options as requested (thresholds, overrides, update_existing, …).';

--
-- Name: COLUMN phoneburner_push_runs.session_name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.session_name IS 'Name of the dial session.';

--
-- Name: COLUMN phoneburner_push_runs.target_session_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.target_session_id IS 'Existing session the contacts were added to (seed contract only).';

--
-- Name: COLUMN phoneburner_push_runs.session_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.session_id IS 'The (first) dial session the contacts went into.';

--
-- Name: COLUMN phoneburner_push_runs.phoneburner_session_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.phoneburner_session_id IS 'PhoneBurner''s id of that session (pending:… until PhoneBurner reports it).';

--
-- Name: COLUMN phoneburner_push_runs.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.status IS 'queued, pushing, succeeded, partially_succeeded (some contacts rejected), failed, nothing_to_push (all excluded).';

--
-- Name: COLUMN phoneburner_push_runs.stage; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.stage IS 'Progress stage: queued, mapping, uploading, waiting_to_retry, done.';

--
-- Name: COLUMN phoneburner_push_runs.stage_detail; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.stage_detail IS 'What is happening now, in words (e.g. "PhoneBurner is busy; retrying in 2 s").';

--
-- Name: COLUMN phoneburner_push_runs.total_contacts; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.total_contacts IS 'Contacts considered.';

--
-- Name: COLUMN phoneburner_push_runs.contacts_ready; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.contacts_ready IS 'Contacts to push (after exclusions, including overrides).';

--
-- Name: COLUMN phoneburner_push_runs.contacts_excluded; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.contacts_excluded IS 'Contacts excluded (see phoneburner_push_run_contacts for each reason).';

--
-- Name: COLUMN phoneburner_push_runs.contacts_overridden; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.contacts_overridden IS 'Excluded contacts force-included by override (see push_overrides).';

--
-- Name: COLUMN phoneburner_push_runs.contacts_done; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.contacts_done IS 'Contacts sent so far (progress: contacts_done of contacts_ready).';

--
-- Name: COLUMN phoneburner_push_runs.contacts_added; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.contacts_added IS 'Contacts PhoneBurner added.';

--
-- Name: COLUMN phoneburner_push_runs.contacts_updated; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.contacts_updated IS 'Contacts PhoneBurner updated (already in the session).';

--
-- Name: COLUMN phoneburner_push_runs.contacts_failed; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.contacts_failed IS 'Contacts PhoneBurner rejected or that could not be sent (error per contact).';

--
-- Name: COLUMN phoneburner_push_runs.batches_total; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.batches_total IS 'Batches of at most 500 contacts.';

--
-- Name: COLUMN phoneburner_push_runs.batches_done; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.batches_done IS 'Batches finished.';

--
-- Name: COLUMN phoneburner_push_runs.error; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.error IS 'Why the run failed, in words.';

--
-- Name: COLUMN phoneburner_push_runs.error_code; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.error_code IS 'Machine-readable failure code (e.g. PB_RATE_LIMITED, PB_TIMEOUT, PB_AUTH).';

--
-- Name: COLUMN phoneburner_push_runs.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.created_at IS 'When the push was requested.';

--
-- Name: COLUMN phoneburner_push_runs.finished_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_runs.finished_at IS 'When the last batch finished.';

--
-- Name: report_push_runs; Type: VIEW; Schema: dialbridge; Owner: -
--

CREATE VIEW dialbridge.report_push_runs WITH (security_barrier='true') AS
 SELECT r.id,
    r.team_id,
    r.user_id,
    r.target_user_id,
    r.status,
    r.error_code,
    r.created_at,
    r.finished_at,
    r.updated_at
   FROM public.phoneburner_push_runs r
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR (r.team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin));

--
-- Name: VIEW report_push_runs; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON VIEW dialbridge.report_push_runs IS 'Push runs (status and error code only) the caller may see. Read by the alerts.';

--
-- Name: teams; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.teams (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE teams; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.teams IS 'Calling teams. Reps and managers see the rows of their own team; admins see all.';

--
-- Name: COLUMN teams.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.teams.id IS 'Team id (uuid).';

--
-- Name: COLUMN teams.name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.teams.name IS 'Team name shown in reports.';

--
-- Name: COLUMN teams.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.teams.created_at IS 'When the team was created.';

--
-- Name: COLUMN teams.updated_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.teams.updated_at IS 'When the team last changed.';

--
-- Name: report_teams; Type: VIEW; Schema: dialbridge; Owner: -
--

CREATE VIEW dialbridge.report_teams WITH (security_barrier='true') AS
 SELECT t.id,
    t.name
   FROM public.teams t
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR (t.id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin));

--
-- Name: VIEW report_teams; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON VIEW dialbridge.report_teams IS 'Teams the caller may see. Read by reports views.';

--
-- Name: report_webhook_events; Type: VIEW; Schema: dialbridge; Owner: -
--

CREATE VIEW dialbridge.report_webhook_events WITH (security_barrier='true') AS
 SELECT w.id,
    w.event_type,
    w.processing_status,
    w.processing_error_code,
    w.retry_count,
    w.max_retries,
    w.next_retry_at,
    w.received_at,
    w.processing_started_at,
    w.processing_completed_at,
    w.signature_valid,
    w.auth_method,
    (w.sourceco_contact_id IS NOT NULL) AS has_sourceco_contact_id
   FROM public.phoneburner_webhooks_log w
  WHERE ( SELECT dialbridge.reads_pipeline_reports() AS reads_pipeline_reports);

--
-- Name: VIEW report_webhook_events; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON VIEW dialbridge.report_webhook_events IS 'Webhook log without payloads, for admins and reporting readers. Read by pipeline health.';

--
-- Name: phoneburner_webhook_rejections; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.phoneburner_webhook_rejections (
    id bigint NOT NULL,
    bucket_at timestamp with time zone NOT NULL,
    reason text NOT NULL,
    event_type_hint text DEFAULT 'unknown'::text NOT NULL,
    ip_address inet,
    rejection_count integer DEFAULT 0 NOT NULL,
    max_payload_size_bytes integer,
    first_seen_at timestamp with time zone NOT NULL,
    last_seen_at timestamp with time zone NOT NULL,
    CONSTRAINT phoneburner_webhook_rejections_count_check CHECK ((rejection_count >= 0)),
    CONSTRAINT phoneburner_webhook_rejections_reason_check CHECK ((reason = ANY (ARRAY['missing_auth'::text, 'bad_signature'::text, 'bad_token'::text, 'auth_not_accepted_for_event'::text, 'malformed_body'::text, 'invalid_envelope'::text, 'too_large'::text])))
);

--
-- Name: TABLE phoneburner_webhook_rejections; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.phoneburner_webhook_rejections IS 'Webhook requests refused (401/400/413), counted per minute, reason, event type hint and IP. Bodies are never stored. Service role only.';

--
-- Name: COLUMN phoneburner_webhook_rejections.bucket_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhook_rejections.bucket_at IS 'Start of the minute the rejections fell in.';

--
-- Name: COLUMN phoneburner_webhook_rejections.reason; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhook_rejections.reason IS 'missing_auth, bad_signature, bad_token, auth_not_accepted_for_event (a URL token on a seed-contract event), malformed_body, invalid_envelope, too_large.';

--
-- Name: COLUMN phoneburner_webhook_rejections.event_type_hint; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhook_rejections.event_type_hint IS 'Event type named by the request''s URL or headers, if it is a known one; else unknown (the body is not trusted).';

--
-- Name: COLUMN phoneburner_webhook_rejections.ip_address; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhook_rejections.ip_address IS 'Source IP (x-forwarded-for).';

--
-- Name: COLUMN phoneburner_webhook_rejections.rejection_count; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhook_rejections.rejection_count IS 'Requests rejected in this bucket.';

--
-- Name: COLUMN phoneburner_webhook_rejections.max_payload_size_bytes; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhook_rejections.max_payload_size_bytes IS 'Largest body size seen in this bucket (as declared or counted).';

--
-- Name: report_webhook_rejections; Type: VIEW; Schema: dialbridge; Owner: -
--

CREATE VIEW dialbridge.report_webhook_rejections WITH (security_barrier='true') AS
 SELECT r.bucket_at,
    r.reason,
    r.event_type_hint,
    r.rejection_count
   FROM public.phoneburner_webhook_rejections r
  WHERE ( SELECT dialbridge.reads_pipeline_reports() AS reads_pipeline_reports);

--
-- Name: VIEW report_webhook_rejections; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON VIEW dialbridge.report_webhook_rejections IS 'Rejected webhook requests per minute, for admins and reporting readers. Read by pipeline health.';

--
-- Name: pipeline_alerts(timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.pipeline_alerts(p_as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(severity text, rule text, subject text, fires boolean, observed numeric, threshold numeric, detail text, evaluated_at timestamp with time zone)
    LANGUAGE sql STABLE
    SET search_path TO ''
    BEGIN ATOMIC
 WITH ev24 AS (
          SELECT e.processing_status,
             e.retry_count,
             e.has_sourceco_contact_id
            FROM dialbridge.report_webhook_events e
           WHERE ((e.received_at > (pipeline_alerts.p_as_of - '24:00:00'::interval)) AND (e.received_at <= pipeline_alerts.p_as_of))
         ), traffic AS (
          SELECT GREATEST(( SELECT max(e.received_at) AS max
                    FROM dialbridge.report_webhook_events e
                   WHERE (e.received_at <= pipeline_alerts.p_as_of)), ( SELECT (max(r.bucket_at) + '00:01:00'::interval)
                    FROM dialbridge.report_webhook_rejections r
                   WHERE (r.bucket_at <= pipeline_alerts.p_as_of))) AS last_at,
             ( SELECT count(*) AS count
                    FROM dialbridge.report_webhook_events e
                   WHERE ((e.received_at > (pipeline_alerts.p_as_of - '01:05:00'::interval)) AND (e.received_at <= (pipeline_alerts.p_as_of - '00:05:00'::interval)))) AS flowing
         ), auth AS (
          SELECT COALESCE(f.target_user_id, f.user_id) AS rep_id,
             count(*) AS failures
            FROM dialbridge.report_push_runs f
           WHERE ((f.error_code = 'PB_AUTH'::text) AND (COALESCE(f.finished_at, f.updated_at) > (pipeline_alerts.p_as_of - '01:00:00'::interval)) AND (COALESCE(f.finished_at, f.updated_at) <= pipeline_alerts.p_as_of) AND (NOT (EXISTS ( SELECT 1
                    FROM dialbridge.report_push_runs s
                   WHERE ((COALESCE(s.target_user_id, s.user_id) = COALESCE(f.target_user_id, f.user_id)) AND (s.status = ANY (ARRAY['succeeded'::text, 'partially_succeeded'::text])) AND (COALESCE(s.finished_at, s.updated_at) > COALESCE(f.finished_at, f.updated_at)) AND (COALESCE(s.finished_at, s.updated_at) <= pipeline_alerts.p_as_of))))))
           GROUP BY COALESCE(f.target_user_id, f.user_id)
         ), team_weeks AS (
          SELECT d.team_id,
             sum(d.calls) FILTER (WHERE (d.day > (dialbridge.report_today(pipeline_alerts.p_as_of) - 7))) AS dials_now,
             sum(d.connections) FILTER (WHERE (d.day > (dialbridge.report_today(pipeline_alerts.p_as_of) - 7))) AS conn_now,
             sum(d.calls) FILTER (WHERE (d.day <= (dialbridge.report_today(pipeline_alerts.p_as_of) - 7))) AS dials_before,
             sum(d.connections) FILTER (WHERE (d.day <= (dialbridge.report_today(pipeline_alerts.p_as_of) - 7))) AS conn_before
            FROM dialbridge.rep_day_totals d
           WHERE ((d.day > (dialbridge.report_today(pipeline_alerts.p_as_of) - 14)) AND (d.day <= dialbridge.report_today(pipeline_alerts.p_as_of)))
           GROUP BY d.team_id
         ), rep_week AS (
          SELECT d.user_id,
             sum(d.calls) AS dials,
             sum(d.connections) AS conns,
             sum(d.talk_time_seconds) AS talk
            FROM dialbridge.rep_day_totals d
           WHERE ((d.day > (dialbridge.report_today(pipeline_alerts.p_as_of) - 7)) AND (d.day <= dialbridge.report_today(pipeline_alerts.p_as_of)) AND (d.user_id IS NOT NULL))
           GROUP BY d.user_id
         ), alerts AS (
          SELECT 'critical'::text AS severity,
             'webhook_endpoint_down'::text AS rule,
             NULL::text AS subject,
             COALESCE(((t.last_at < (pipeline_alerts.p_as_of - '00:05:00'::interval)) AND (t.flowing > 0)), false) AS fires,
             round(((date_part('epoch'::text, (pipeline_alerts.p_as_of - t.last_at)) / (60)::double precision))::numeric, 1) AS observed,
             (5)::numeric AS threshold,
             'Minutes since the last webhook request, when events were arriving in the hour before.'::text AS detail
            FROM traffic t
           WHERE dialbridge.reads_pipeline_reports()
         UNION ALL
          SELECT 'high'::text,
             'webhook_processing_failing'::text,
             NULL::text,
             (count(*) FILTER (WHERE ((e.processing_status = 'failed'::text) OR ((e.processing_status = ANY (ARRAY['pending'::text, 'processing'::text])) AND (e.retry_count > 0)))) > 50),
             count(*) FILTER (WHERE ((e.processing_status = 'failed'::text) OR ((e.processing_status = ANY (ARRAY['pending'::text, 'processing'::text])) AND (e.retry_count > 0)))) AS count,
             50,
             'Events failed or retrying in the last 24 hours.'::text
            FROM ev24 e
          HAVING dialbridge.reads_pipeline_reports()
         UNION ALL
          SELECT 'high'::text,
             'webhook_backlog'::text,
             NULL::text,
             (count(*) > 100),
             count(*) AS count,
             100,
             'Events received and not processed yet.'::text
            FROM dialbridge.report_webhook_events e
           WHERE ((e.processing_status = ANY (ARRAY['pending'::text, 'processing'::text])) AND (e.received_at <= pipeline_alerts.p_as_of))
          HAVING dialbridge.reads_pipeline_reports()
         UNION ALL
          SELECT 'medium'::text,
             'missing_sourceco_contact_id'::text,
             NULL::text,
             COALESCE((((100.0 * (count(*) FILTER (WHERE (NOT e.has_sourceco_contact_id)))::numeric) / (NULLIF(count(*), 0))::numeric) > (1)::numeric), false) AS "coalesce",
             round(((100.0 * (count(*) FILTER (WHERE (NOT e.has_sourceco_contact_id)))::numeric) / (NULLIF(count(*), 0))::numeric), 2) AS round,
             1,
             'Percent of events in the last 24 hours without a SourceCo contact id.'::text
            FROM ev24 e
          HAVING dialbridge.reads_pipeline_reports()
         UNION ALL
          SELECT 'medium'::text,
             'webhook_success_rate'::text,
             NULL::text,
             COALESCE((((100.0 * (count(*) FILTER (WHERE (e.processing_status = 'success'::text)))::numeric) / (NULLIF(count(*) FILTER (WHERE (e.processing_status = ANY (ARRAY['success'::text, 'failed'::text]))), 0))::numeric) < 99.5), false) AS "coalesce",
             round(((100.0 * (count(*) FILTER (WHERE (e.processing_status = 'success'::text)))::numeric) / (NULLIF(count(*) FILTER (WHERE (e.processing_status = ANY (ARRAY['success'::text, 'failed'::text]))), 0))::numeric), 2) AS round,
             99.5,
             'Percent of events processed successfully in the last 24 hours.'::text
            FROM ev24 e
          HAVING dialbridge.reads_pipeline_reports()
         UNION ALL
          SELECT 'medium'::text,
             'webhook_latency'::text,
             NULL::text,
             COALESCE((x.p95 > (10)::double precision), false) AS "coalesce",
             round((x.p95)::numeric, 2) AS round,
             10,
             '95th percentile of seconds from receipt to processing, last hour.'::text
            FROM ( SELECT percentile_cont((0.95)::double precision) WITHIN GROUP (ORDER BY (date_part('epoch'::text, (e.processing_completed_at - e.received_at)))) AS p95
                    FROM dialbridge.report_webhook_events e
                   WHERE ((e.received_at > (pipeline_alerts.p_as_of - '01:00:00'::interval)) AND (e.received_at <= pipeline_alerts.p_as_of) AND (e.processing_status = 'success'::text) AND (e.processing_completed_at IS NOT NULL))) x
           WHERE dialbridge.reads_pipeline_reports()
         UNION ALL
          SELECT 'critical'::text,
             'phoneburner_api_key_rejected'::text,
             COALESCE(p.display_name, p.email, 'Unknown rep'::text) AS "coalesce",
             true,
             a_1.failures,
             0,
             'Pushes refused by PhoneBurner for bad credentials in the last hour: the rep must reconnect PhoneBurner.'::text
            FROM (auth a_1
              LEFT JOIN dialbridge.report_profiles p ON ((p.id = a_1.rep_id)))
         UNION ALL
          SELECT 'critical'::text,
             'phoneburner_api_key_rejected'::text,
             NULL::text,
             false,
             0,
             0,
             'Pushes refused by PhoneBurner for bad credentials in the last hour.'::text
           WHERE (NOT (EXISTS ( SELECT 1
                    FROM auth)))
         UNION ALL
          SELECT 'medium'::text,
             'reconciliation_discrepancies'::text,
             NULL::text,
             (count(DISTINCT f.contact_id) > 10),
             count(DISTINCT f.contact_id) AS count,
             10,
             'Contacts the reconciliation corrected in the last 24 hours.'::text
            FROM dialbridge.report_contact_field_changes f
           WHERE ((f.source_system = 'reconciliation'::text) AND (f.recorded_at > (pipeline_alerts.p_as_of - '24:00:00'::interval)) AND (f.recorded_at <= pipeline_alerts.p_as_of))
         UNION ALL
          SELECT 'low'::text,
             'connection_rate_drop'::text,
             COALESCE(t.name, 'No team'::text) AS "coalesce",
             COALESCE(((w.conn_before > 0) AND (((((w.conn_before)::numeric / (w.dials_before)::numeric) - ((w.conn_now)::numeric / (w.dials_now)::numeric)) / ((w.conn_before)::numeric / (w.dials_before)::numeric)) > 0.10)), false) AS "coalesce",
             round(
                 CASE
                     WHEN (w.conn_before > 0) THEN (((100)::numeric * (((w.conn_before)::numeric / (w.dials_before)::numeric) - ((w.conn_now)::numeric / (w.dials_now)::numeric))) / ((w.conn_before)::numeric / (w.dials_before)::numeric))
                     ELSE NULL::numeric
                 END, 1) AS round,
             10,
             format('Relative drop in %%: connection rate %s%% over the last 7 days vs %s%% the 7 days before.'::text, round(((100.0 * (w.conn_now)::numeric) / (w.dials_now)::numeric), 1), round(((100.0 * (w.conn_before)::numeric) / (w.dials_before)::numeric), 1)) AS format
            FROM (team_weeks w
              LEFT JOIN dialbridge.report_teams t ON ((t.id = w.team_id)))
           WHERE ((w.dials_now >= 20) AND (w.dials_before >= 20))
         UNION ALL
          SELECT 'low'::text,
             'rep_connection_rate_low'::text,
             COALESCE(p.display_name, p.email, 'Unknown rep'::text) AS "coalesce",
             (((100.0 * (r.conns)::numeric) / (r.dials)::numeric) < (20)::numeric),
             round(((100.0 * (r.conns)::numeric) / (r.dials)::numeric), 1) AS round,
             20,
             'Rep connection rate over the last 7 days (at least 20 dials).'::text
            FROM (rep_week r
              LEFT JOIN dialbridge.report_profiles p ON ((p.id = r.user_id)))
           WHERE (r.dials >= 20)
         UNION ALL
          SELECT 'low'::text,
             'rep_avg_talk_time_low'::text,
             COALESCE(p.display_name, p.email, 'Unknown rep'::text) AS "coalesce",
             ((r.talk / (r.conns)::numeric) < (90)::numeric),
             round((r.talk / (r.conns)::numeric), 1) AS round,
             90,
             'Rep average talk time per connected call, seconds, last 7 days (at least 5 connections).'::text
            FROM (rep_week r
              LEFT JOIN dialbridge.report_profiles p ON ((p.id = r.user_id)))
           WHERE (r.conns >= 5)
         )
  SELECT a.severity,
     a.rule,
     a.subject,
     a.fires,
     a.observed,
     a.threshold,
     a.detail,
     pipeline_alerts.p_as_of AS p_as_of
    FROM alerts a
   ORDER BY
         CASE a.severity
             WHEN 'critical'::text THEN 1
             WHEN 'high'::text THEN 2
             WHEN 'medium'::text THEN 3
             ELSE 4
         END, a.rule, a.subject;
END;

--
-- Name: pipeline_health(timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.pipeline_health(p_as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(window_name text, window_start timestamp with time zone, window_end timestamp with time zone, events_received bigint, events_processed bigint, events_skipped bigint, events_failed bigint, events_retrying bigint, backlog bigint, oldest_backlog_age_seconds numeric, latency_p50_seconds numeric, latency_p95_seconds numeric, latency_max_seconds numeric, success_rate_pct numeric, signature_failures bigint, other_rejections bigint, missing_sourceco_contact_id bigint, missing_sourceco_contact_id_pct numeric, last_event_received_at timestamp with time zone)
    LANGUAGE sql STABLE
    SET search_path TO ''
    BEGIN ATOMIC
 WITH windows(name, span, ord) AS (
          VALUES ('last_hour'::text,'01:00:00'::interval,1), ('last_24_hours'::text,'24:00:00'::interval,2), ('last_7_days'::text,'7 days'::interval,3)
         ), backlog AS (
          SELECT count(*) AS n,
             max(date_part('epoch'::text, (pipeline_health.p_as_of - e.received_at))) AS oldest
            FROM dialbridge.report_webhook_events e
           WHERE ((e.processing_status = ANY (ARRAY['pending'::text, 'processing'::text])) AND (e.received_at <= pipeline_health.p_as_of))
         ), last_event AS (
          SELECT max(e.received_at) AS at
            FROM dialbridge.report_webhook_events e
           WHERE (e.received_at <= pipeline_health.p_as_of)
         )
  SELECT w.name,
     (pipeline_health.p_as_of - w.span),
     pipeline_health.p_as_of AS p_as_of,
     COALESCE(ev.received, (0)::bigint) AS "coalesce",
     COALESCE(ev.processed, (0)::bigint) AS "coalesce",
     COALESCE(ev.skipped, (0)::bigint) AS "coalesce",
     COALESCE(ev.failed, (0)::bigint) AS "coalesce",
     COALESCE(ev.retrying, (0)::bigint) AS "coalesce",
     b.n,
     round((b.oldest)::numeric, 1) AS round,
     round((ev.p50)::numeric, 2) AS round,
     round((ev.p95)::numeric, 2) AS round,
     round((ev.lmax)::numeric, 2) AS round,
     round(((100.0 * (ev.processed)::numeric) / (NULLIF((ev.processed + ev.failed), 0))::numeric), 2) AS round,
     COALESCE(rj.signature, (0)::bigint) AS "coalesce",
     COALESCE(rj.other, (0)::bigint) AS "coalesce",
     COALESCE(ev.missing, (0)::bigint) AS "coalesce",
     round(((100.0 * (ev.missing)::numeric) / (NULLIF(ev.received, 0))::numeric), 2) AS round,
     l.at
    FROM ((((windows w
      CROSS JOIN backlog b)
      CROSS JOIN last_event l)
      CROSS JOIN LATERAL ( SELECT count(*) AS received,
             count(*) FILTER (WHERE (e.processing_status = 'success'::text)) AS processed,
             count(*) FILTER (WHERE (e.processing_status = ANY (ARRAY['skipped'::text, 'duplicate'::text]))) AS skipped,
             count(*) FILTER (WHERE (e.processing_status = 'failed'::text)) AS failed,
             count(*) FILTER (WHERE ((e.processing_status = ANY (ARRAY['pending'::text, 'processing'::text])) AND (e.retry_count > 0))) AS retrying,
             count(*) FILTER (WHERE (NOT e.has_sourceco_contact_id)) AS missing,
             percentile_cont((0.5)::double precision) WITHIN GROUP (ORDER BY (date_part('epoch'::text, (e.processing_completed_at - e.received_at)))) FILTER (WHERE ((e.processing_status = 'success'::text) AND (e.processing_completed_at IS NOT NULL))) AS p50,
             percentile_cont((0.95)::double precision) WITHIN GROUP (ORDER BY (date_part('epoch'::text, (e.processing_completed_at - e.received_at)))) FILTER (WHERE ((e.processing_status = 'success'::text) AND (e.processing_completed_at IS NOT NULL))) AS p95,
             max(date_part('epoch'::text, (e.processing_completed_at - e.received_at))) FILTER (WHERE (e.processing_status = 'success'::text)) AS lmax
            FROM dialbridge.report_webhook_events e
           WHERE ((e.received_at > (pipeline_health.p_as_of - w.span)) AND (e.received_at <= pipeline_health.p_as_of))) ev)
      CROSS JOIN LATERAL ( SELECT sum(r.rejection_count) FILTER (WHERE (r.reason = ANY (ARRAY['missing_auth'::text, 'bad_signature'::text, 'bad_token'::text]))) AS signature,
             sum(r.rejection_count) FILTER (WHERE (r.reason <> ALL (ARRAY['missing_auth'::text, 'bad_signature'::text, 'bad_token'::text]))) AS other
            FROM dialbridge.report_webhook_rejections r
           WHERE ((r.bucket_at > (pipeline_health.p_as_of - w.span)) AND (r.bucket_at <= pipeline_health.p_as_of))) rj)
   ORDER BY w.ord;
END;

--
-- Name: process_phoneburner_webhooks(integer, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.process_phoneburner_webhooks(p_limit integer DEFAULT 100, as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(claimed integer, succeeded integer, skipped integer, retrying integer, failed integer, next_retry_at timestamp with time zone)
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
#variable_conflict use_column
declare
  v_zone text;
  v_ids bigint[];
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
  v_batch_started timestamptz := pg_catalog.clock_timestamp();
  v_t0 timestamptz;
  v_share numeric := 0;
  v_ok integer := 0;
  v_msg text;
  v_state text;
  v_pos integer;
  i integer;
  k text;
begin
  -- before claiming: wait for receivers that counted on the queued job (see 20261121002000_webhook_receive.sql)
  perform dialbridge.await_phoneburner_receivers();
  v_zone := dialbridge.phoneburner_time_zone();
  perform pg_catalog.now() at time zone v_zone;  -- a misspelt zone stops the batch here, loudly

  select coalesce(array_agg(x.id order by x.next_retry_at nulls first, x.id), '{}') into v_ids
    from (select l.id, l.next_retry_at
            from public.phoneburner_webhooks_log l
           where l.processing_status in ('pending', 'processing')
             and (l.next_retry_at is null or l.next_retry_at <= as_of)
           order by l.next_retry_at nulls first, l.id
           limit greatest(p_limit, 1)
             for update skip locked) x;
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
  perform pg_catalog.pg_advisory_xact_lock(7308604897168450146);

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

  -- 3. record the outcome of every claimed event
  with upd as (
  update public.phoneburner_webhooks_log l
     set processing_status = case
           when r.status = 'success' then 'success'
           when r.status = 'skipped' then 'skipped'
           when r.status = 'invalid' then 'failed'
           when l.retry_count + 1 >= l.max_retries then 'failed'
           else 'pending' end,
         retry_count = case when r.status in ('invalid', 'error') then l.retry_count + 1 else l.retry_count end,
         next_retry_at = case when r.status = 'error' and l.retry_count + 1 < l.max_retries
                              then as_of + dialbridge.phoneburner_retry_delay(l.retry_count + 1) end,
         last_retry_at = case when r.status in ('invalid', 'error') then as_of else l.last_retry_at end,
         processing_error = case when r.status = 'success' then null else r.error end,
         processing_error_code = case when r.status = 'success' then null else r.code end,
         processing_started_at = v_batch_started,
         processing_completed_at = pg_catalog.clock_timestamp(),
         processing_duration_ms = pg_catalog.round(r.ms)::integer,
         contact_activity_id = case when r.status = 'success' then
           coalesce((select a.id from public.contact_activities a
                      where a.dedupe_key in (r.primary_key, dialbridge.phoneburner_callback_key(r.primary_key))
                      order by a.dedupe_key limit 1), l.contact_activity_id)
           else l.contact_activity_id end
    from unnest(v_ids, v_status, v_error, v_code, v_ms, v_primary) as r(id, status, error, code, ms, primary_key)
   where l.id = r.id
  returning l.processing_status as new_status, r.status as outcome
  )
  select count(*) filter (where upd.outcome = 'success'),
         count(*) filter (where upd.outcome = 'skipped'),
         count(*) filter (where upd.outcome in ('error', 'invalid') and upd.new_status = 'pending'),
         count(*) filter (where upd.new_status = 'failed')
    into succeeded, skipped, retrying, failed
    from upd;
  claimed := v_n;
  select min(l.next_retry_at) into next_retry_at
    from public.phoneburner_webhooks_log l
   where l.processing_status in ('pending', 'processing') and l.next_retry_at > as_of;
  return next;
end
$$;

--
-- Name: project_phoneburner_calls(text[]); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.project_phoneburner_calls(p_keys text[]) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_keys text[] := array(select distinct k from unnest(p_keys) k where k like 'phoneburner:call:%' order by 1);
  v_row record;
  v_changed integer := 0;
  v_key text;
  v_gone text[] := '{}';
  v_deleted integer;
  v_dispositions uuid[] := '{}';
  v_callbacks uuid[] := '{}';
  v_id uuid;
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

  for v_row in
    with desired as (
      select * from dialbridge.phoneburner_call_activity_rows(v_keys)
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
      select d.dedupe_key, 'phoneburner', d.contact_id, d.matching_status, d.user_id, d.phoneburner_session_id, d.team_id,
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

--
-- Name: project_phoneburner_contact_updates(text[]); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.project_phoneburner_contact_updates(p_keys text[]) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_keys text[] := array(select distinct k from unnest(p_keys) k where k like 'phoneburner:contact_updated:%' order by 1);
  v_row record;
  v_changed integer := 0;
begin
  if pg_catalog.cardinality(v_keys) = 0 then
    return 0;
  end if;
  for v_row in
    with desired as (
      select 'phoneburner:contact_updated:' || e.event_id as dedupe_key,
             coalesce(ml.contact_id, r.contact_id) as contact_id,
             case when ml.contact_id is not null then 'manually_linked'
                  when r.contact_id is not null then 'matched' else 'unmatched' end as matching_status,
             p.id as user_id,
             case when ml.contact_id is not null then ml.team_id else coalesce(c.team_id, p.team_id) end as team_id,
             coalesce(e.user_name, p.display_name) as user_name,
             coalesce(e.user_email, p.email) as user_email,
             e.phoneburner_contact_id, e.event_id,
             pg_catalog.jsonb_build_object('changes', e.changes, 'updated_by', e.updated_by, 'event_at', e.event_at) as details
        from dialbridge.phoneburner_call_events e
        left join public.profiles p on p.phoneburner_user_id = e.phoneburner_user_id
        left join lateral (
          select dialbridge.resolve_phoneburner_contact(
                   case when e.sourceco_contact_id is not null then array[e.sourceco_contact_id] end,
                   case when e.phoneburner_contact_id is not null then array[e.phoneburner_contact_id] end,
                   '{}', null) as contact_id) r on true
        left join lateral (
          select x.contact_id, x.team_id from public.contact_activities x
           where x.dedupe_key = 'phoneburner:contact_updated:' || e.event_id and x.matching_status = 'manually_linked') ml on true
        left join public.contacts c on c.id = r.contact_id
       where e.kind = 'contact_update' and e.event_id in (select pg_catalog.substr(k, 29) from unnest(v_keys) k)
    ), old as (
      select a.dedupe_key, a.contact_id from public.contact_activities a
       where a.dedupe_key = any (array(select d.dedupe_key from desired d))
    ), up as (
      insert into public.contact_activities as a (
        dedupe_key, source_system, activity_type, contact_id, matching_status, user_id, team_id, user_name, user_email,
        phoneburner_contact_id, phoneburner_event_id, details)
      select d.dedupe_key, 'phoneburner', 'contact_updated', d.contact_id, d.matching_status, d.user_id, d.team_id,
             d.user_name, d.user_email, d.phoneburner_contact_id, d.event_id, d.details
        from desired d
       order by d.dedupe_key
      on conflict (dedupe_key) do update set
        contact_id = case when a.matching_status = 'manually_linked' then a.contact_id else excluded.contact_id end,
        matching_status = case when a.matching_status = 'manually_linked' then a.matching_status else excluded.matching_status end,
        team_id = case when a.matching_status = 'manually_linked' then a.team_id else excluded.team_id end,
        user_id = excluded.user_id,
        user_name = excluded.user_name,
        user_email = excluded.user_email,
        phoneburner_contact_id = excluded.phoneburner_contact_id,
        details = excluded.details
      where (a.user_id, a.user_name, a.user_email, a.phoneburner_contact_id, a.details)
            is distinct from (excluded.user_id, excluded.user_name, excluded.user_email, excluded.phoneburner_contact_id, excluded.details)
         or (a.matching_status <> 'manually_linked'
             and (a.contact_id, a.matching_status, a.team_id)
                 is distinct from (excluded.contact_id, excluded.matching_status, excluded.team_id))
      returning a.id, a.dedupe_key, a.contact_id
    )
    select up.*, old.dedupe_key is null as is_new, old.contact_id as old_contact_id
      from up left join old on old.dedupe_key = up.dedupe_key
     order by up.dedupe_key
  loop
    v_changed := v_changed + 1;
    if v_row.contact_id is not null and (v_row.is_new or v_row.old_contact_id is distinct from v_row.contact_id) then
      perform dialbridge.apply_contact_changes(v_row.id);
    end if;
  end loop;
  return v_changed;
end
$$;

--
-- Name: project_phoneburner_keys(text[]); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.project_phoneburner_keys(p_keys text[]) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  return dialbridge.project_phoneburner_calls(p_keys) + dialbridge.project_phoneburner_contact_updates(p_keys);
end
$$;

--
-- Name: push_blocks(uuid[], timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.push_blocks(p_contact_ids uuid[], as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(contact_id uuid, block text, detail text, blocked_until timestamp with time zone)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_uid uuid := auth.uid();
  v_all boolean;
  v_team uuid;
  v_visible uuid[];
  v_ids uuid[];
  v_phones text[];
begin
  if v_uid is null then
    -- server-side callers only: the service role, or a direct connection without request claims
    v_all := coalesce(auth.role(), 'service_role') = 'service_role';
  else
    v_all := dialbridge.is_admin();
    v_team := dialbridge.current_team_id();
  end if;
  if not v_all and v_team is null then
    return;
  end if;
  v_visible := array(select c.id from public.contacts c where c.id = any (p_contact_ids) and (v_all or c.team_id = v_team));
  -- the engine's rules are asked only about contacts with something to find (do-not-call flag, a
  -- suppression row of the contact or of its number): the same answer, without normalising thousands of
  -- clean numbers again (a valid phone_e164 is its own suppression key)
  select pg_catalog.array_agg(c.id order by c.id), pg_catalog.array_agg(coalesce(c.phone_e164, c.phone) order by c.id)
    into v_ids, v_phones
    from public.contacts c
   where c.id = any (v_visible)
     and (c.do_not_call
          or exists (select 1 from public.suppressions s where s.contact_id = c.id)
          or exists (select 1 from public.suppressions s
                      where s.phone_e164 = coalesce(c.phone_e164, dialbridge.suppression_phone(c.phone))));

  return query
  with hits as (
    select s.contact_id as id,
           case when s.is_legal then 'legal_dnc' when s.until is null then 'internal_dnc' else 'suppressed' end as kind,
           case when s.is_legal and s.reason = 'user_requested' then 'Requested removal'
                when s.is_legal and s.reason = 'legal_requirement' then 'Legal DNC list'
                else coalesce(dialbridge.humanize_reason(s.reason), 'Suppressed') end as detail,
           s.until, 1 as src
      from dialbridge.suppression_statuses(coalesce(v_ids, '{}'), coalesce(v_phones, '{}'), as_of) s
     where s.is_suppressed
    union all
    select c.id, 'legal_dnc', 'Number marked do-not-call on another contact', null::timestamptz, 2
      from public.contacts c
      join public.contacts o on o.phone_e164 = c.phone_e164 and o.id <> c.id
     where c.id = any (v_visible) and c.phone_e164 is not null and o.do_not_call
  )
  select distinct on (h.id) h.id, h.kind, h.detail, h.until
    from hits h
   order by h.id, case h.kind when 'legal_dnc' then 1 when 'internal_dnc' then 2 else 3 end,
            h.until desc nulls first, h.src;
end
$$;

--
-- Name: push_candidates(uuid[], jsonb, timestamp with time zone, boolean); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.push_candidates(p_contact_ids uuid[], p_options jsonb DEFAULT '{}'::jsonb, as_of timestamp with time zone DEFAULT now(), p_for_push boolean DEFAULT false) RETURNS TABLE(contact_id uuid, ord integer, team_id uuid, display_name text, company text, contact_type text, phone_e164 text, email text, status text, reason text, detail text, blocked_until timestamp with time zone, is_overridable boolean, is_overridden boolean, overridden_reason text, override_reason text, override_refused boolean, action text, warnings text[], time_zone text, local_time text, is_outside_calling_hours boolean, last_call_attempt_at timestamp with time zone)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
#variable_conflict use_column
declare
  v_options jsonb := coalesce(p_options, '{}'::jsonb);
  v_skip_recent boolean;
  v_recent_days integer;
  v_update_existing boolean;
  v_target uuid;
begin
  perform dialbridge.validate_push_options(v_options);
  v_skip_recent := coalesce((v_options ->> 'skip_recently_contacted')::boolean, true);
  v_recent_days := (v_options ->> 'skip_recent_days')::integer;
  v_update_existing := coalesce((v_options ->> 'update_existing')::boolean, true);
  v_target := (v_options ->> 'target_session_id')::uuid;

  return query
  with input as (
    select x.id, pg_catalog.min(x.n)::integer as ord
      from pg_catalog.unnest(p_contact_ids) with ordinality as x(id, n)
     where x.id is not null
     group by x.id
  ), base as (
    select c.id, i.ord, c.team_id, c.first_name, c.last_name, c.company, c.contact_type, c.email, c.phone,
           c.phone_e164, c.phone_status, c.phone_number_invalid, c.phone_number_invalid_reason,
           c.last_call_attempt_at, c.timezone, c.state, c.country,
           nullif(pg_catalog.btrim(pg_catalog.concat_ws(' ', nullif(pg_catalog.btrim(c.first_name), ''),
                                                         nullif(pg_catalog.btrim(c.last_name), ''))), '') as full_name,
           case when not v_skip_recent then 0
                when v_recent_days is not null then v_recent_days
                when c.contact_type = 'buyer' then coalesce(ps.recent_contact_days_buyer, 7)
                when c.contact_type = 'seller' then coalesce(ps.recent_contact_days_seller, 14)
                else coalesce(ps.recent_contact_days_other, 7) end as recent_days,
           coalesce(ps.active_session_days, 14) as active_session_days
      from input i
      join public.contacts c on c.id = i.id
      left join public.push_settings ps on ps.team_id = c.team_id
  ), blocks as (
    select b.* from dialbridge.push_blocks(array(select base.id from base), as_of) b
  ), sessions as (
    select distinct on (m.contact_id) m.contact_id, s.id as session_id, s.session_name, m.added_at
      from public.phoneburner_session_contacts m
      join public.phoneburner_sessions s on s.id = m.session_id
      join base on base.id = m.contact_id
     where s.session_status = 'active' and s.deleted_at is null
       and m.state in ('pending', 'dialed')
       and (s.id = v_target
            or coalesce(s.last_activity_at, s.created_at) >= as_of - pg_catalog.make_interval(days => base.active_session_days))
     order by m.contact_id, (s.id is not distinct from v_target) desc, m.added_at desc
  ), overrides as (
    select distinct on ((o ->> 'contact_id')::uuid) (o ->> 'contact_id')::uuid as id,
           nullif(pg_catalog.btrim(o ->> 'reason'), '') as why
      from pg_catalog.jsonb_array_elements(coalesce(v_options -> 'overrides', '[]'::jsonb)) o
     order by (o ->> 'contact_id')::uuid
  ), checked as (
    select b.*, bl.block, bl.detail as block_detail, bl.blocked_until, s.session_id, s.session_name, s.added_at,
           coalesce(s.session_id is not null and s.session_id = v_target, false) as in_target,
           ov.id is not null as has_override, ov.why,
           case
             when bl.block is not null then bl.block
             when b.phone_status = 'invalid' then 'invalid_phone'
             when b.phone_status = 'missing' or b.phone_status is null then 'missing_phone'
             when b.phone_status = 'pending' and p_for_push then 'invalid_phone'
             when b.phone_number_invalid then 'invalid_phone'
             when nullif(pg_catalog.btrim(b.first_name), '') is null or nullif(pg_catalog.btrim(b.last_name), '') is null then 'missing_name'
             when b.recent_days > 0 and b.last_call_attempt_at >= as_of - pg_catalog.make_interval(days => b.recent_days) then 'recently_contacted'
             when s.session_id is not null and not (s.session_id is not distinct from v_target and v_update_existing) then 'already_in_session'
           end as first_reason
      from base b
      left join blocks bl on bl.contact_id = b.id
      left join sessions s on s.contact_id = b.id
      left join overrides ov on ov.id = b.id
  ), classified as (
    select k.*,
           case
             when k.first_reason is null then null
             when k.first_reason in ('legal_dnc', 'missing_phone') then false
             when k.first_reason = 'invalid_phone' then k.phone_status = 'valid'
             else true end as overridable
      from checked k
  ), pre as (
    -- ready before duplicate checks: no reason, or overridden past an overridable one
    select k.*, (k.first_reason is null or (k.overridable and k.has_override)) as pre_ready
      from classified k
  ), dup_phone as (
    select p.id,
           pg_catalog.first_value(p.full_name) over w as first_name_seen,
           pg_catalog.row_number() over w as rn
      from pre p
     where p.pre_ready and p.phone_e164 is not null
    window w as (partition by p.phone_e164 order by p.ord)
  ), after_phone as (
    select p.*, dp.first_name_seen as phone_dup_of
      from pre p
      left join dup_phone dp on dp.id = p.id and dp.rn > 1
  ), dup_email as (
    select p.id, pg_catalog.first_value(p.full_name) over w as first_name_seen, pg_catalog.row_number() over w as rn
      from after_phone p
     where p.pre_ready and p.phone_dup_of is null and nullif(pg_catalog.btrim(p.email), '') is not null
    window w as (partition by pg_catalog.lower(pg_catalog.btrim(p.email)) order by p.ord)
  ), after_email as (
    select p.*, de.first_name_seen as email_dup_of
      from after_phone p
      left join dup_email de on de.id = p.id and de.rn > 1
  ), dup_name as (
    select p.id, pg_catalog.row_number() over w as rn
      from after_email p
     where p.pre_ready and p.phone_dup_of is null and p.email_dup_of is null
       and p.full_name is not null and nullif(pg_catalog.btrim(p.company), '') is not null
    window w as (partition by pg_catalog.lower(p.full_name), pg_catalog.lower(pg_catalog.btrim(p.company)) order by p.ord)
  ), deduped as (
    select p.*,
           case when p.phone_dup_of is not null then 'Same phone as ' || coalesce(p.phone_dup_of, 'an earlier contact')
                when p.email_dup_of is not null then 'Same email as ' || coalesce(p.email_dup_of, 'an earlier contact')
                when dn.id is not null then 'Same name and company as an earlier contact' end as dup_detail
      from after_email p
      left join dup_name dn on dn.id = p.id and dn.rn > 1
  ), final as (
    select d.*,
           coalesce(d.first_reason, case when d.dup_detail is not null then 'duplicate_in_list' end) as natural_reason
      from deduped d
  ), zones as (
    -- candidate time zones: the contact's own, else its US state's, else every US zone for a +1 number
    -- (the preview shows calling hours; a push does not need them)
    select f.id, z.tz
      from final f
      cross join lateral (
        select tzn.name as tz from dialbridge.time_zone_names tzn where tzn.name = pg_catalog.btrim(f.timezone)
        union all
        select st.time_zone from dialbridge.us_state_time_zones st
         where st.state = pg_catalog.upper(pg_catalog.btrim(f.state))
           and not exists (select 1 from dialbridge.time_zone_names t2 where t2.name = pg_catalog.btrim(f.timezone))
        union all
        select u.tz from pg_catalog.unnest(array['America/New_York', 'America/Chicago', 'America/Denver',
                 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu']) u(tz)
         where f.phone_e164 like '+1%'
           and not exists (select 1 from dialbridge.time_zone_names t2 where t2.name = pg_catalog.btrim(f.timezone))
           and not exists (select 1 from dialbridge.us_state_time_zones s2 where s2.state = pg_catalog.upper(pg_catalog.btrim(f.state)))
      ) z
     where not p_for_push
  ), hours as (
    select zz.id,
           pg_catalog.string_agg(zz.tz, ', ' order by zz.tz) as tzs,
           pg_catalog.string_agg(pg_catalog.to_char(as_of at time zone zz.tz, 'HH24:MI'), ', ' order by zz.tz) as local_times,
           pg_catalog.bool_or(not ((as_of at time zone zz.tz)::time >= w.start_local
                                   and (as_of at time zone zz.tz)::time < w.end_local)) as outside
      from zones zz
      join final f on f.id = zz.id
      cross join lateral (
        select r.start_local, r.end_local from public.calling_window_rules r
         where r.region in ('US-' || pg_catalog.upper(pg_catalog.btrim(f.state)), 'default')
         order by r.region = 'default' limit 1) w
     group by zz.id
  )
  select f.id, f.ord, f.team_id,
         coalesce(f.full_name, nullif(pg_catalog.btrim(f.email), ''), f.phone, 'Unnamed contact'),
         nullif(pg_catalog.btrim(f.company), ''), f.contact_type, f.phone_e164, nullif(pg_catalog.btrim(f.email), ''),
         case when f.natural_reason is null or (f.has_override and coalesce(f.overridable, true)) then 'ready' else 'excluded' end,
         case when f.natural_reason is null or (f.has_override and coalesce(f.overridable, true)) then null else f.natural_reason end,
         case f.natural_reason
           when 'legal_dnc' then f.block_detail
           when 'internal_dnc' then f.block_detail
           when 'suppressed' then f.block_detail || ' (until ' || pg_catalog.to_char(f.blocked_until at time zone 'UTC', 'YYYY-MM-DD') || ')'
           when 'invalid_phone' then case
             when f.phone_status = 'invalid' then 'Number cannot be read as a phone number'
             when f.phone_status = 'pending' then 'Number changed and not verified yet'
             else 'Flagged: ' || coalesce(pg_catalog.lower(dialbridge.humanize_reason(f.phone_number_invalid_reason)), 'known bad number') end
           when 'missing_phone' then 'No phone number'
           when 'missing_name' then case when nullif(pg_catalog.btrim(f.first_name), '') is null then 'No first name' else 'No last name' end
           when 'recently_contacted' then dialbridge.called_ago(f.last_call_attempt_at, as_of)
           when 'already_in_session' then case when f.in_target then 'Already in this session'
             else 'In "' || f.session_name || '" since ' || pg_catalog.to_char(f.added_at at time zone 'UTC', 'YYYY-MM-DD') end
           when 'duplicate_in_list' then f.dup_detail
         end,
         case when f.natural_reason = 'suppressed' then f.blocked_until end,
         coalesce(f.overridable, f.natural_reason is not null),
         f.natural_reason is not null and f.has_override and coalesce(f.overridable, true),
         case when f.natural_reason is not null and f.has_override and coalesce(f.overridable, true) then f.natural_reason end,
         case when f.natural_reason is not null and f.has_override and coalesce(f.overridable, true) then f.why end,
         f.natural_reason is not null and f.has_override and not coalesce(f.overridable, true),
         case when f.in_target then 'update' else 'add' end,
         array_remove(array[
           case when nullif(pg_catalog.btrim(f.email), '') is null then 'missing_email' end,
           case when nullif(pg_catalog.btrim(f.company), '') is null then 'missing_company' end,
           case when f.phone_status = 'pending' and not p_for_push then 'phone_unverified' end], null),
         h.tzs, h.local_times, coalesce(h.outside, false), f.last_call_attempt_at
    from final f
    left join hours h on h.id = f.id
   order by f.ord;
end
$$;

--
-- Name: push_fingerprint(uuid[], jsonb); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.push_fingerprint(p_contact_ids uuid[], p_filter jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select pg_catalog.md5(case
    when p_contact_ids is not null and pg_catalog.cardinality(p_contact_ids) > 0
      then 'ids:' || (select pg_catalog.string_agg(distinct x::text, ',' order by x::text) from pg_catalog.unnest(p_contact_ids) x)
    else 'filter:' || coalesce(p_filter, '{}'::jsonb)::text end)
$$;

--
-- Name: push_reason_label(text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.push_reason_label(p_reason text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select case p_reason
    when 'legal_dnc' then 'Legal do-not-call'
    when 'internal_dnc' then 'Internal do-not-call'
    when 'suppressed' then 'Suppressed'
    when 'invalid_phone' then 'Invalid phone number'
    when 'missing_phone' then 'Missing phone number'
    when 'missing_name' then 'Missing first or last name'
    when 'recently_contacted' then 'Recently contacted'
    when 'already_in_session' then 'Already in an active session'
    when 'duplicate_in_list' then 'Duplicate in this list'
    when 'missing_email' then 'Missing email (pushed without)'
    when 'missing_company' then 'Missing company (pushed without)'
    when 'phone_unverified' then 'Number changed, checked again at push'
    else p_reason end
$$;

--
-- Name: push_reason_rank(text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.push_reason_rank(p_reason text) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select pg_catalog.array_position(array['legal_dnc', 'internal_dnc', 'suppressed', 'invalid_phone', 'missing_phone',
    'missing_name', 'recently_contacted', 'already_in_session', 'duplicate_in_list'], p_reason)
$$;

--
-- Name: push_run_owner(text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.push_run_owner(p_request_id text) RETURNS TABLE(user_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select r.user_id from public.phoneburner_push_runs r where r.request_id = p_request_id
$$;

--
-- Name: push_run_summary(uuid); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.push_run_summary(p_run_id uuid) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_run public.phoneburner_push_runs;
  v_uid uuid := auth.uid();
begin
  select * into v_run from public.phoneburner_push_runs where id = p_run_id;
  if v_run.id is null or (v_uid is not null and not (v_run.team_id is not distinct from dialbridge.current_team_id()
                                                     or dialbridge.is_admin())) then
    raise exception 'push run not found' using errcode = 'DB044';
  end if;
  return pg_catalog.jsonb_build_object(
    'run_id', v_run.id,
    'request_id', v_run.request_id,
    'status', v_run.status,
    'stage', v_run.stage,
    'stage_detail', v_run.stage_detail,
    'progress', pg_catalog.jsonb_build_object('done', v_run.contacts_done, 'total', v_run.contacts_ready,
                                              'batches_done', v_run.batches_done, 'batches_total', v_run.batches_total),
    'session_name', v_run.session_name,
    'session_id', v_run.session_id,
    'phoneburner_session_id', case when v_run.phoneburner_session_id like 'pending:%' then null else v_run.phoneburner_session_id end,
    'session_url', v_run.session_url,
    'redirect_url', case when v_uid is null or v_uid = v_run.user_id then v_run.redirect_url end,
    'api_style', v_run.api_style,
    'total_contacts', v_run.total_contacts,
    'contacts_ready', v_run.contacts_ready,
    'contacts_added', v_run.contacts_added,
    'contacts_updated', v_run.contacts_updated,
    'contacts_failed', v_run.contacts_failed,
    'contacts_excluded', v_run.contacts_excluded,
    'contacts_overridden', v_run.contacts_overridden,
    'batches_total', v_run.batches_total,
    'error', v_run.error,
    'error_code', v_run.error_code,
    'exclusions', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'contact_id', rc.contact_id,
               'name', coalesce(nullif(pg_catalog.btrim(pg_catalog.concat_ws(' ', c.first_name, c.last_name)), ''), c.email, 'Unnamed contact'),
               'company', c.company,
               'reason', dialbridge.push_reason_label(rc.reason) || coalesce(': ' || rc.detail, ''),
               'reason_code', rc.reason,
               'detail', rc.detail) order by rc.position)
        from public.phoneburner_push_run_contacts rc join public.contacts c on c.id = rc.contact_id
       where rc.run_id = v_run.id and rc.status = 'excluded'), '[]'::jsonb),
    'failures', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'contact_id', rc.contact_id,
               'name', coalesce(nullif(pg_catalog.btrim(pg_catalog.concat_ws(' ', c.first_name, c.last_name)), ''), c.email, 'Unnamed contact'),
               'field', rc.error_field, 'error', rc.error_message) order by rc.position)
        from public.phoneburner_push_run_contacts rc join public.contacts c on c.id = rc.contact_id
       where rc.run_id = v_run.id and rc.status = 'failed'), '[]'::jsonb));
end
$$;

--
-- Name: queue_workflow_runs(dialbridge.disposition_step[]); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.queue_workflow_runs(p_steps dialbridge.disposition_step[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_specs graphile_worker.job_spec[];
begin
  with queued as (
    insert into public.workflow_runs as w (team_id, contact_id, source_activity_id, workflow_name, workflow_config,
                                           requested_by_user_id, requested_at, status, job_key)
    select s.team_id, s.contact_id, s.activity_id, m.workflow_name, coalesce(m.workflow_config, '{}'::jsonb),
           s.rep_id, s.set_at, 'queued', 'contacts__run_disposition_workflow:' || s.activity_id
      from unnest(p_steps) s
      join public.disposition_mappings m on m.id = s.mapping_id
     order by s.activity_id
    on conflict (source_activity_id, workflow_name) do update
       set status = 'queued', workflow_config = excluded.workflow_config, requested_at = excluded.requested_at,
           requested_by_user_id = excluded.requested_by_user_id, processed_at = null, result = null, error = null
     where w.status = 'cancelled'
    returning w.*
  )
  select coalesce(pg_catalog.array_agg(row(
           'contacts__run_disposition_workflow',
           pg_catalog.json_build_object('run_id', q.id, 'workflow_name', q.workflow_name,
                                        'workflow_config', q.workflow_config, 'contact_id', q.contact_id,
                                        'activity_id', q.source_activity_id),
           null, null, 10, q.job_key, null, null)::graphile_worker.job_spec order by q.source_activity_id), '{}')
    into v_specs
    from queued q;
  if pg_catalog.cardinality(v_specs) > 0 then
    perform graphile_worker.add_jobs(v_specs, false);
  end if;
end
$$;

--
-- Name: reapply_dispositions(text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.reapply_dispositions(p_code text DEFAULT NULL::text) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  r record;
  n integer := 0;
begin
  for r in
    with candidates as materialized (
      select a.id, a.contact_id, a.disposition_code, a.disposition_label,
             coalesce(a.disposition_set_at, a.call_ended_at, a.call_started_at, a.created_at) as set_at
        from public.contact_activities a
       where a.contact_id is not null
         and a.deleted_at is null
         and (a.disposition_code is not null or a.disposition_label is not null)
         and not exists (select 1 from dialbridge.disposition_applications d
                          where d.activity_id = a.id and d.mapping_id is not null)
    )
    select k.id
      from candidates k
     cross join lateral dialbridge.find_disposition_mapping(k.disposition_code, k.disposition_label) m
     where m.id is not null
       and (p_code is null or m.phoneburner_disposition_code = pg_catalog.upper(pg_catalog.btrim(p_code)))
     order by k.contact_id, k.set_at, k.id
  loop
    perform dialbridge.apply_disposition(r.id);
    n := n + 1;
  end loop;
  return n;
end
$$;

--
-- Name: rebuild_rollups(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.rebuild_rollups() RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  lock table dialbridge.rep_daily_stats, dialbridge.rep_day_totals, dialbridge.session_stats,
             dialbridge.session_contact_stats, dialbridge.session_totals, dialbridge.segment_daily_stats in exclusive mode;
  delete from dialbridge.rep_daily_stats;
  insert into dialbridge.rep_daily_stats (team_id, user_id, day, disposition_code, label_key, calls, connections, decision_maker_conversations, gatekeeper_conversations, voicemails, no_answers, talk_time_seconds, call_duration_seconds, dispositioned_calls, callbacks_scheduled)
  select * from dialbridge.expected_rep_daily_stats();
  delete from dialbridge.session_stats;
  insert into dialbridge.session_stats (session_id, team_id, disposition_code, label_key, calls, connections, decision_maker_conversations, gatekeeper_conversations, voicemails, no_answers, talk_time_seconds, call_duration_seconds, dispositioned_calls, callbacks_scheduled)
  select * from dialbridge.expected_session_stats();
  delete from dialbridge.session_contact_stats;
  insert into dialbridge.session_contact_stats (session_id, team_id, contact_id, calls, connections)
  select * from dialbridge.expected_session_contact_stats();
  delete from dialbridge.segment_daily_stats;
  insert into dialbridge.segment_daily_stats (team_id, day, dimension, value, disposition_code, label_key, calls, connections, decision_maker_conversations, gatekeeper_conversations, voicemails, no_answers, talk_time_seconds, call_duration_seconds, dispositioned_calls, callbacks_scheduled)
  select * from dialbridge.expected_segment_daily_stats();
  perform dialbridge.reclassify_totals();
end
$$;

--
-- Name: receive_phoneburner_event(text, jsonb, text, integer, text, text, inet, text, jsonb); Type: FUNCTION; Schema: dialbridge; Owner: -
--

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

--
-- Name: reclassify_totals(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.reclassify_totals() RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  lock table dialbridge.rep_day_totals, dialbridge.session_totals in exclusive mode;
  delete from dialbridge.rep_day_totals;
  insert into dialbridge.rep_day_totals (team_id, user_id, day, calls, connections, decision_maker_conversations, gatekeeper_conversations, voicemails, no_answers, talk_time_seconds, call_duration_seconds, dispositioned_calls, callbacks_scheduled, qualified, nurture, disqualified, suppressed, other_dispositions, unmapped_dispositions, meetings)
  select r.team_id, r.user_id, r.day,
         sum(r.calls)::integer, sum(r.connections)::integer, sum(r.decision_maker_conversations)::integer, sum(r.gatekeeper_conversations)::integer, sum(r.voicemails)::integer, sum(r.no_answers)::integer, sum(r.talk_time_seconds)::bigint, sum(r.call_duration_seconds)::bigint, sum(r.dispositioned_calls)::integer, sum(r.callbacks_scheduled)::integer,
         coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when r.disposition_code <> '' or r.label_key <> '' then 'unmapped' else 'none' end) = 'qualified'), 0)::integer,
         coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when r.disposition_code <> '' or r.label_key <> '' then 'unmapped' else 'none' end) = 'nurture'), 0)::integer,
         coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when r.disposition_code <> '' or r.label_key <> '' then 'unmapped' else 'none' end) = 'disqualified'), 0)::integer,
         coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when r.disposition_code <> '' or r.label_key <> '' then 'unmapped' else 'none' end) = 'suppressed'), 0)::integer,
         coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when r.disposition_code <> '' or r.label_key <> '' then 'unmapped' else 'none' end) in ('attempted', 'invalid', 'other')), 0)::integer,
         coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when r.disposition_code <> '' or r.label_key <> '' then 'unmapped' else 'none' end) = 'unmapped'), 0)::integer,
         coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.is_meeting else cl.is_meeting end, false)), 0)::integer
    from dialbridge.rep_daily_stats r
    left join dialbridge.disposition_classes cc on r.disposition_code <> '' and cc.match_key = 'c:' || r.disposition_code
    left join dialbridge.disposition_classes cl on r.label_key <> '' and cl.match_key = 'l:' || r.label_key
   group by r.team_id, r.user_id, r.day;
  delete from dialbridge.session_totals;
  insert into dialbridge.session_totals (session_id, team_id, calls, connections, decision_maker_conversations, gatekeeper_conversations, voicemails, no_answers, talk_time_seconds, call_duration_seconds, dispositioned_calls, callbacks_scheduled, qualified, nurture, disqualified, suppressed, other_dispositions, unmapped_dispositions, meetings, contacts_dialed, contacts_connected)
  with st as (
    select r.session_id, r.team_id,
           sum(r.calls)::integer as calls, sum(r.connections)::integer as connections, sum(r.decision_maker_conversations)::integer as decision_maker_conversations, sum(r.gatekeeper_conversations)::integer as gatekeeper_conversations, sum(r.voicemails)::integer as voicemails, sum(r.no_answers)::integer as no_answers, sum(r.talk_time_seconds)::bigint as talk_time_seconds, sum(r.call_duration_seconds)::bigint as call_duration_seconds, sum(r.dispositioned_calls)::integer as dispositioned_calls, sum(r.callbacks_scheduled)::integer as callbacks_scheduled,
           coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when r.disposition_code <> '' or r.label_key <> '' then 'unmapped' else 'none' end) = 'qualified'), 0)::integer as qualified,
           coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when r.disposition_code <> '' or r.label_key <> '' then 'unmapped' else 'none' end) = 'nurture'), 0)::integer as nurture,
           coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when r.disposition_code <> '' or r.label_key <> '' then 'unmapped' else 'none' end) = 'disqualified'), 0)::integer as disqualified,
           coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when r.disposition_code <> '' or r.label_key <> '' then 'unmapped' else 'none' end) = 'suppressed'), 0)::integer as suppressed,
           coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when r.disposition_code <> '' or r.label_key <> '' then 'unmapped' else 'none' end) in ('attempted', 'invalid', 'other')), 0)::integer as other_dispositions,
           coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when r.disposition_code <> '' or r.label_key <> '' then 'unmapped' else 'none' end) = 'unmapped'), 0)::integer as unmapped_dispositions,
           coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.is_meeting else cl.is_meeting end, false)), 0)::integer as meetings
      from dialbridge.session_stats r
      left join dialbridge.disposition_classes cc on r.disposition_code <> '' and cc.match_key = 'c:' || r.disposition_code
      left join dialbridge.disposition_classes cl on r.label_key <> '' and cl.match_key = 'l:' || r.label_key
     group by r.session_id, r.team_id
  ), reach as (
    select s.session_id, s.team_id, count(*)::integer as dialed, count(*) filter (where s.connections > 0)::integer as connected
      from dialbridge.session_contact_stats s
     group by s.session_id, s.team_id
  )
  select st.*, coalesce(r.dialed, 0), coalesce(r.connected, 0)
    from st left join reach r on r.session_id = st.session_id and r.team_id is not distinct from st.team_id;
end
$$;

--
-- Name: recompute_contact_call_stats(uuid); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.recompute_contact_call_stats(p_contact_id uuid DEFAULT NULL::uuid) RETURNS TABLE(contact_id uuid, column_name text, stored_value text, recomputed_value text)
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_id uuid;
begin
  if p_contact_id is null then
    -- all contacts: find the drifted ones without locking anything, then fix them one at a time, in id
    -- order, each checked again under its own row lock (the projection keeps running meanwhile)
    for v_id in
      select t.contact_id
        from dialbridge.contact_call_stats_from_rows(null) t
        join public.contacts c on c.id = t.contact_id
       where (c.total_call_attempts, c.total_calls_connected, c.total_calls_to_decision_maker, c.total_calls_to_gatekeeper,
              c.total_voicemails_left, c.total_call_duration_seconds, c.total_talk_time_seconds, c.average_talk_time_seconds,
              c.connection_rate_percentage, c.first_call_attempt_at, c.last_call_attempt_at, c.last_call_connected_at,
              c.phone_verified_at, c.last_disposition_code, c.last_disposition_label, c.last_disposition_date,
              c.last_disposition_notes, c.last_engaged_call_at)
             is distinct from
             (t.total_call_attempts, t.total_calls_connected, t.total_calls_to_decision_maker, t.total_calls_to_gatekeeper,
              t.total_voicemails_left, t.total_call_duration_seconds, t.total_talk_time_seconds, t.average_talk_time_seconds,
              t.connection_rate_percentage, t.first_call_attempt_at, t.last_call_attempt_at, t.last_call_connected_at,
              t.phone_verified_at, t.last_disposition_code, t.last_disposition_label, t.last_disposition_date,
              t.last_disposition_notes, t.last_engaged_call_at)
       order by t.contact_id
    loop
      return query select * from dialbridge.recompute_contact_call_stats(v_id);
    end loop;
    return;
  end if;

  return query
  with truth as (
    select * from dialbridge.contact_call_stats_from_rows(p_contact_id)
  ), cur_rows as (
    select c.id, c.total_call_attempts, c.total_calls_connected, c.total_calls_to_decision_maker,
           c.total_calls_to_gatekeeper, c.total_voicemails_left, c.total_call_duration_seconds,
           c.total_talk_time_seconds, c.average_talk_time_seconds, c.connection_rate_percentage,
           c.first_call_attempt_at, c.last_call_attempt_at, c.last_call_connected_at, c.phone_verified_at,
           c.last_disposition_code, c.last_disposition_label, c.last_disposition_date, c.last_disposition_notes,
           c.last_engaged_call_at
      from public.contacts c
     where c.id in (select t.contact_id from truth t)
     order by c.id
       for no key update
  ), diff as (
    select cur.id, o.key as column_name, o.value #>> '{}' as stored_value, n.value #>> '{}' as recomputed_value
      from cur_rows cur
      join truth t on t.contact_id = cur.id
      cross join lateral pg_catalog.jsonb_each(pg_catalog.to_jsonb(cur) - 'id') o
      join lateral pg_catalog.jsonb_each(pg_catalog.to_jsonb(t) - 'contact_id') n on n.key = o.key
     where o.value is distinct from n.value
  ), fixed as (
    update public.contacts c
       set total_call_attempts = t.total_call_attempts,
           total_calls_connected = t.total_calls_connected,
           total_calls_to_decision_maker = t.total_calls_to_decision_maker,
           total_calls_to_gatekeeper = t.total_calls_to_gatekeeper,
           total_voicemails_left = t.total_voicemails_left,
           total_call_duration_seconds = t.total_call_duration_seconds,
           total_talk_time_seconds = t.total_talk_time_seconds,
           average_talk_time_seconds = t.average_talk_time_seconds,
           connection_rate_percentage = t.connection_rate_percentage,
           first_call_attempt_at = t.first_call_attempt_at,
           last_call_attempt_at = t.last_call_attempt_at,
           last_call_connected_at = t.last_call_connected_at,
           phone_verified_at = t.phone_verified_at,
           last_disposition_code = t.last_disposition_code,
           last_disposition_label = t.last_disposition_label,
           last_disposition_date = t.last_disposition_date,
           last_disposition_notes = t.last_disposition_notes,
           last_engaged_call_at = t.last_engaged_call_at,
           call_stats_stale = false,
           call_stats_last_calculated_at = pg_catalog.now()
      from truth t
     where c.id = t.contact_id and c.id in (select diff.id from diff)
    returning c.id
  )
  select diff.id, diff.column_name, diff.stored_value, diff.recomputed_value
    from diff
   where diff.id in (select fixed.id from fixed)
   order by diff.id, diff.column_name;
end
$$;

--
-- Name: recompute_rollups(boolean); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.recompute_rollups(p_repair boolean DEFAULT true) RETURNS TABLE(rollup text, differences bigint)
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_total bigint := 0;
  v_count bigint;
begin
  if p_repair then
    lock table dialbridge.rep_daily_stats, dialbridge.rep_day_totals, dialbridge.session_stats,
               dialbridge.session_contact_stats, dialbridge.session_totals, dialbridge.segment_daily_stats in exclusive mode;
  end if;

  with e as materialized (select * from dialbridge.expected_rep_daily_stats()),
       r as materialized (select s.team_id, s.user_id, s.day, s.disposition_code, s.label_key, s.calls, s.connections, s.decision_maker_conversations, s.gatekeeper_conversations, s.voicemails, s.no_answers, s.talk_time_seconds, s.call_duration_seconds, s.dispositioned_calls, s.callbacks_scheduled from dialbridge.rep_daily_stats s)
  select count(*) into v_count from (
    (select * from r except all select * from e)
    union all
    (select * from e except all select * from r)) x;
  rollup := 'rep_daily_stats'; differences := v_count; v_total := v_total + v_count;
  return next;

  with e as materialized (select * from dialbridge.expected_rep_day_totals()),
       r as materialized (select s.team_id, s.user_id, s.day, s.calls, s.connections, s.decision_maker_conversations, s.gatekeeper_conversations, s.voicemails, s.no_answers, s.talk_time_seconds, s.call_duration_seconds, s.dispositioned_calls, s.callbacks_scheduled, s.qualified, s.nurture, s.disqualified, s.suppressed, s.other_dispositions, s.unmapped_dispositions, s.meetings from dialbridge.rep_day_totals s)
  select count(*) into v_count from (
    (select * from r except all select * from e)
    union all
    (select * from e except all select * from r)) x;
  rollup := 'rep_day_totals'; differences := v_count; v_total := v_total + v_count;
  return next;

  with e as materialized (select * from dialbridge.expected_session_stats()),
       r as materialized (select s.session_id, s.team_id, s.disposition_code, s.label_key, s.calls, s.connections, s.decision_maker_conversations, s.gatekeeper_conversations, s.voicemails, s.no_answers, s.talk_time_seconds, s.call_duration_seconds, s.dispositioned_calls, s.callbacks_scheduled from dialbridge.session_stats s)
  select count(*) into v_count from (
    (select * from r except all select * from e)
    union all
    (select * from e except all select * from r)) x;
  rollup := 'session_stats'; differences := v_count; v_total := v_total + v_count;
  return next;

  with e as materialized (select * from dialbridge.expected_session_contact_stats()),
       r as materialized (select s.session_id, s.team_id, s.contact_id, s.calls, s.connections from dialbridge.session_contact_stats s)
  select count(*) into v_count from (
    (select * from r except all select * from e)
    union all
    (select * from e except all select * from r)) x;
  rollup := 'session_contact_stats'; differences := v_count; v_total := v_total + v_count;
  return next;

  with e as materialized (select * from dialbridge.expected_session_totals()),
       r as materialized (select s.session_id, s.team_id, s.calls, s.connections, s.decision_maker_conversations, s.gatekeeper_conversations, s.voicemails, s.no_answers, s.talk_time_seconds, s.call_duration_seconds, s.dispositioned_calls, s.callbacks_scheduled, s.qualified, s.nurture, s.disqualified, s.suppressed, s.other_dispositions, s.unmapped_dispositions, s.meetings, s.contacts_dialed, s.contacts_connected from dialbridge.session_totals s)
  select count(*) into v_count from (
    (select * from r except all select * from e)
    union all
    (select * from e except all select * from r)) x;
  rollup := 'session_totals'; differences := v_count; v_total := v_total + v_count;
  return next;

  with e as materialized (select * from dialbridge.expected_segment_daily_stats()),
       r as materialized (select s.team_id, s.day, s.dimension, s.value, s.disposition_code, s.label_key, s.calls, s.connections, s.decision_maker_conversations, s.gatekeeper_conversations, s.voicemails, s.no_answers, s.talk_time_seconds, s.call_duration_seconds, s.dispositioned_calls, s.callbacks_scheduled from dialbridge.segment_daily_stats s)
  select count(*) into v_count from (
    (select * from r except all select * from e)
    union all
    (select * from e except all select * from r)) x;
  rollup := 'segment_daily_stats'; differences := v_count; v_total := v_total + v_count;
  return next;

  if p_repair and v_total > 0 then
    perform dialbridge.rebuild_rollups();
  end if;
end
$$;

--
-- Name: recompute_session_call_stats(uuid); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.recompute_session_call_stats(p_session_id uuid DEFAULT NULL::uuid) RETURNS TABLE(session_id uuid, column_name text, stored_value text, recomputed_value text)
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_id uuid;
begin
  if p_session_id is null then
    -- all sessions: drifted ones found without locks, then fixed one at a time under their row lock
    for v_id in
      select t.session_id
        from dialbridge.session_call_stats_from_rows(null) t
        join public.phoneburner_sessions s on s.id = t.session_id
       where (s.total_contacts_added, s.total_contacts_active, s.total_contacts_completed, s.total_dials, s.total_connections,
              s.total_decision_maker_conversations, s.total_gatekeeper_conversations, s.total_voicemails_left,
              s.total_no_answers, s.total_call_time_seconds, s.total_talk_time_seconds, s.average_talk_time_seconds,
              s.total_qualified_leads, s.total_meetings_scheduled, s.total_disqualified, s.total_callbacks_scheduled,
              s.connection_rate_percentage, s.qualification_rate_percentage, s.started_at, s.last_activity_at)
             is distinct from
             (t.total_contacts_added, t.total_contacts_active, t.total_contacts_completed, t.total_dials, t.total_connections,
              t.total_decision_maker_conversations, t.total_gatekeeper_conversations, t.total_voicemails_left,
              t.total_no_answers, t.total_call_time_seconds, t.total_talk_time_seconds, t.average_talk_time_seconds,
              t.total_qualified_leads, t.total_meetings_scheduled, t.total_disqualified, t.total_callbacks_scheduled,
              t.connection_rate_percentage, t.qualification_rate_percentage, t.started_at, t.last_activity_at)
       order by t.session_id
    loop
      return query select * from dialbridge.recompute_session_call_stats(v_id);
    end loop;
    return;
  end if;

  return query
  with truth as (
    select * from dialbridge.session_call_stats_from_rows(p_session_id)
  ), cur_rows as (
    select s.id, s.total_contacts_added, s.total_contacts_active, s.total_contacts_completed, s.total_dials,
           s.total_connections, s.total_decision_maker_conversations, s.total_gatekeeper_conversations,
           s.total_voicemails_left, s.total_no_answers, s.total_call_time_seconds, s.total_talk_time_seconds,
           s.average_talk_time_seconds, s.total_qualified_leads, s.total_meetings_scheduled, s.total_disqualified,
           s.total_callbacks_scheduled, s.connection_rate_percentage, s.qualification_rate_percentage,
           s.started_at, s.last_activity_at
      from public.phoneburner_sessions s
     where s.id in (select t.session_id from truth t)
     order by s.id
       for no key update
  ), diff as (
    select cur.id, o.key as column_name, o.value #>> '{}' as stored_value, n.value #>> '{}' as recomputed_value
      from cur_rows cur
      join truth t on t.session_id = cur.id
      cross join lateral pg_catalog.jsonb_each(pg_catalog.to_jsonb(cur) - 'id') o
      join lateral pg_catalog.jsonb_each(pg_catalog.to_jsonb(t) - 'session_id') n on n.key = o.key
     where o.value is distinct from n.value
  ), fixed as (
    update public.phoneburner_sessions s
       set total_contacts_added = t.total_contacts_added,
           total_contacts_active = t.total_contacts_active,
           total_contacts_completed = t.total_contacts_completed,
           total_dials = t.total_dials,
           total_connections = t.total_connections,
           total_decision_maker_conversations = t.total_decision_maker_conversations,
           total_gatekeeper_conversations = t.total_gatekeeper_conversations,
           total_voicemails_left = t.total_voicemails_left,
           total_no_answers = t.total_no_answers,
           total_call_time_seconds = t.total_call_time_seconds,
           total_talk_time_seconds = t.total_talk_time_seconds,
           average_talk_time_seconds = t.average_talk_time_seconds,
           total_qualified_leads = t.total_qualified_leads,
           total_meetings_scheduled = t.total_meetings_scheduled,
           total_disqualified = t.total_disqualified,
           total_callbacks_scheduled = t.total_callbacks_scheduled,
           connection_rate_percentage = t.connection_rate_percentage,
           qualification_rate_percentage = t.qualification_rate_percentage,
           started_at = t.started_at,
           last_activity_at = t.last_activity_at
      from truth t
     where s.id = t.session_id and s.id in (select diff.id from diff)
    returning s.id
  )
  select diff.id, diff.column_name, diff.stored_value, diff.recomputed_value
    from diff
   where diff.id in (select fixed.id from fixed)
   order by diff.id, diff.column_name;
end
$$;

--
-- Name: reconcile_phoneburner_contacts(uuid, jsonb); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.reconcile_phoneburner_contacts(p_user_id uuid, p_contacts jsonb) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  r record;
  v_changes jsonb;
  v_count integer := 0;
  v_payload jsonb;
  v_status text;
begin
  for r in
    select x.*, c.id as our_id, c.sourceco_contact_id as our_key, c.first_name as o_first_name, c.last_name as o_last_name,
           c.email as o_email, c.phone as o_phone, c.phone_e164 as o_phone_e164, c.company as o_company, c.title as o_title,
           c.address_line1 as o_address_line1, c.city as o_city, c.state as o_state, c.zip as o_zip,
           c.phoneburner_contact_id as o_pb_id
      from (select y.*, dialbridge.phoneburner_event_time(pg_catalog.to_jsonb(y.modified_at), dialbridge.phoneburner_time_zone()) as modified_ts
              from pg_catalog.jsonb_to_recordset(p_contacts) as y(phoneburner_contact_id text, sourceco_contact_id text,
                   modified_at text, first_name text, last_name text, email text, phone_e164 text, phone text,
                   company text, title text, address_line1 text, city text, state text, zip text)) x
      left join lateral (
        select ct.* from public.contacts ct
         where (x.sourceco_contact_id is not null and ct.sourceco_contact_id = x.sourceco_contact_id)
            or (x.sourceco_contact_id is null and x.phoneburner_contact_id is not null and ct.phoneburner_contact_id = x.phoneburner_contact_id)
         order by (ct.sourceco_contact_id = x.sourceco_contact_id) desc limit 1) c on true
  loop
    if r.our_id is null or r.phoneburner_contact_id is null or r.modified_ts is null then
      continue;
    end if;
    if r.o_pb_id is null and not exists (select 1 from public.contacts o where o.phoneburner_contact_id = r.phoneburner_contact_id) then
      update public.contacts set phoneburner_contact_id = r.phoneburner_contact_id where id = r.our_id;
    end if;
    -- only fields PhoneBurner reports and that differ (numbers compared in E.164)
    select coalesce(pg_catalog.jsonb_object_agg(f.field, pg_catalog.jsonb_build_object('old', f.ours, 'new', f.theirs)), '{}'::jsonb)
      into v_changes
      from (values
              ('first_name', r.o_first_name, r.first_name),
              ('last_name', r.o_last_name, r.last_name),
              ('email', r.o_email, r.email),
              ('company', r.o_company, r.company),
              ('title', r.o_title, r.title),
              ('address_line1', r.o_address_line1, r.address_line1),
              ('city', r.o_city, r.city),
              ('state', r.o_state, r.state),
              ('zip', r.o_zip, r.zip)) as f(field, ours, theirs)
     where f.theirs is not null and nullif(pg_catalog.btrim(f.theirs), '') is not null
       and pg_catalog.lower(pg_catalog.btrim(coalesce(f.ours, ''))) <> pg_catalog.lower(pg_catalog.btrim(f.theirs));
    if r.phone_e164 is not null and r.phone_e164 is distinct from r.o_phone_e164
       and dialbridge.suppression_phone(r.o_phone) is distinct from r.phone_e164 then
      v_changes := v_changes || pg_catalog.jsonb_build_object('phone', pg_catalog.jsonb_build_object('old', r.o_phone, 'new', r.phone_e164));
    end if;
    if v_changes = '{}'::jsonb then
      continue;
    end if;
    v_payload := pg_catalog.jsonb_build_object(
      'event', 'contact.updated',
      'event_id', 'reconciliation:' || r.phoneburner_contact_id || ':' || pg_catalog.to_char(r.modified_ts at time zone 'UTC', 'YYYYMMDD"T"HH24MISS'),
      'timestamp', pg_catalog.to_char(r.modified_ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
      'contact_id', r.phoneburner_contact_id,
      'changes', v_changes,
      'updated_by', pg_catalog.jsonb_build_object('user_id', 'reconciliation', 'name', 'Daily reconciliation'),
      'custom_fields', pg_catalog.jsonb_build_object('sourceco_contact_id', r.our_key));
    select s.status into v_status
      from dialbridge.receive_phoneburner_event('contact.updated', v_payload, null,
             pg_catalog.octet_length(v_payload::text), 'reconciliation', null, null, 'dialbridge reconciliation') s;
    if v_status = 'accepted' then
      v_count := v_count + 1;
    end if;
  end loop;
  return v_count;
end
$$;

--
-- Name: record_contact_reconciliation(uuid, timestamp with time zone, integer, integer, text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.record_contact_reconciliation(p_user_id uuid, p_synced_until timestamp with time zone, p_seen integer, p_changed integer, p_error text DEFAULT NULL::text) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  insert into dialbridge.phoneburner_sync_state as s (user_id, contacts_synced_until, contacts_last_run_at, contacts_seen,
                                                      contacts_changed, last_error)
  values (p_user_id, p_synced_until, now(), coalesce(p_seen, 0), coalesce(p_changed, 0), p_error)
  on conflict (user_id) do update
    set contacts_synced_until = coalesce(excluded.contacts_synced_until, s.contacts_synced_until),
        contacts_last_run_at = excluded.contacts_last_run_at,
        contacts_seen = excluded.contacts_seen, contacts_changed = excluded.contacts_changed,
        last_error = excluded.last_error
$$;

--
-- Name: record_phoneburner_webhook_rejection(text, text, inet, integer, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.record_phoneburner_webhook_rejection(p_reason text, p_event_type_hint text, p_ip inet, p_payload_size integer, as_of timestamp with time zone DEFAULT now()) RETURNS integer
    LANGUAGE sql
    SET search_path TO ''
    AS $$
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

--
-- Name: record_push_batch_retry(uuid, jsonb, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.record_push_batch_retry(p_batch_id uuid, p_error jsonb, as_of timestamp with time zone DEFAULT now()) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  with b as (
    update public.phoneburner_push_batches
       set status = 'retrying', last_error = pg_catalog.left(p_error ->> 'message', 1000), last_error_code = p_error ->> 'code',
           next_attempt_at = (p_error ->> 'retry_at')::timestamptz
     where id = p_batch_id and status in ('sending', 'retrying')
    returning run_id
  )
  update public.phoneburner_push_runs r
     set stage = 'waiting_to_retry',
         stage_detail = pg_catalog.left(coalesce(p_error ->> 'detail', p_error ->> 'message'), 500)
    from b where r.id = b.run_id
$$;

--
-- Name: record_push_contact_errors(uuid, jsonb); Type: FUNCTION; Schema: dialbridge; Owner: -
--

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

--
-- Name: record_push_run(jsonb, jsonb, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.record_push_run(p_run jsonb, p_rows jsonb, as_of timestamp with time zone DEFAULT now()) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_uid uuid := auth.uid();
  v_caller public.profiles;
  v_target public.profiles;
  v_target_id uuid := coalesce((p_run ->> 'target_user_id')::uuid, auth.uid());
  v_session public.phoneburner_sessions;
  v_run_id uuid;
  v_batch_size integer := coalesce((p_run -> 'options' ->> 'batch_size')::integer, 500);
  v_ready integer;
  v_bad integer;
begin
  select * into v_caller from public.profiles where id = v_uid and is_active;
  if v_caller.id is null or (v_caller.team_id is null and v_caller.role <> 'admin') then
    raise exception 'only active team members can push contacts' using errcode = 'DB042';
  end if;
  select * into v_target from public.profiles where id = v_target_id;
  if v_target.id is null or not v_target.is_active then
    raise exception 'the target PhoneBurner user is unknown or inactive' using errcode = 'DB042';
  end if;
  if v_target.id <> v_caller.id and not (
       v_caller.role = 'admin'
       or (v_caller.role = 'manager' and v_target.team_id is not distinct from v_caller.team_id)) then
    raise exception 'only admins and the team''s managers may push into another rep''s PhoneBurner account'
      using errcode = 'DB042';
  end if;

  if pg_catalog.to_regclass('pg_temp.push_rows') is null then
    create temporary table push_rows (
      contact_id uuid primary key, ord integer, status text, reason text, detail text, is_overridden boolean,
      overridden_reason text, override_reason text, phone_e164 text
    ) on commit drop;
  end if;
  truncate pg_temp.push_rows;
  insert into pg_temp.push_rows
  select r.contact_id, r.ord, r.status, r.reason, r.detail, coalesce(r.is_overridden, false), r.overridden_reason,
         r.override_reason, r.phone_e164
    from pg_catalog.jsonb_to_recordset(p_rows) as r(contact_id uuid, ord integer, status text, reason text, detail text,
         is_overridden boolean, overridden_reason text, override_reason text, phone_e164 text);

  -- every contact visible to the caller
  select pg_catalog.count(*) into v_bad
    from pg_temp.push_rows r left join public.contacts c on c.id = r.contact_id
   where c.id is null or not (v_caller.role = 'admin' or c.team_id is not distinct from v_caller.team_id);
  if v_bad > 0 then
    raise exception '% contact(s) not found or not visible to you', v_bad using errcode = 'DB043';
  end if;
  -- legal do-not-call, read again: never pushed, whatever the request said
  select pg_catalog.count(*) into v_bad
    from dialbridge.legal_do_not_call(array(select x.contact_id from pg_temp.push_rows x where x.status = 'ready'));
  if v_bad > 0 then
    raise exception '% contact(s) are on the legal do-not-call list and can never be pushed', v_bad using errcode = 'DB041';
  end if;
  select pg_catalog.count(*) into v_bad
    from pg_temp.push_rows r join public.contacts c on c.id = r.contact_id
   where r.status = 'ready' and (c.phone_status is distinct from 'valid' or c.phone_e164 is distinct from r.phone_e164);
  if v_bad > 0 then
    raise exception '% contact(s) changed while the push was prepared; preview again', v_bad using errcode = 'DB048';
  end if;
  if exists (select 1 from pg_temp.push_rows r where r.is_overridden
               and (r.overridden_reason in ('legal_dnc', 'missing_phone') or coalesce(pg_catalog.btrim(r.override_reason), '') = '')) then
    raise exception 'every override needs a reason, and legal do-not-call cannot be overridden' using errcode = 'DB045';
  end if;

  select pg_catalog.count(*) into v_ready from pg_temp.push_rows where status = 'ready';
  if v_ready > 10000 then
    raise exception '% contacts are ready; push at most 10,000 at once', v_ready using errcode = 'DB047';
  end if;

  if p_run ->> 'target_session_id' is not null then
    select * into v_session from public.phoneburner_sessions where id = (p_run ->> 'target_session_id')::uuid;
    if v_session.id is null or v_session.deleted_at is not null
       or not (v_caller.role = 'admin' or v_session.team_id is not distinct from v_caller.team_id) then
      raise exception 'the dial session to add to was not found' using errcode = 'DB046';
    end if;
    if v_session.session_status <> 'active' then
      raise exception 'the dial session "%" is %; choose an active session or create a new one',
        v_session.session_name, v_session.session_status using errcode = 'DB046';
    end if;
    if v_session.created_by_user_id is distinct from v_target.id then
      raise exception 'the dial session "%" belongs to another PhoneBurner account', v_session.session_name using errcode = 'DB046';
    end if;
    if coalesce(p_run ->> 'api_style', 'dialsession') = 'dialsession' then
      raise exception 'PhoneBurner''s dial-session API starts a new session for every push; create a new session'
        using errcode = 'DB046';
    end if;
  end if;

  insert into public.phoneburner_push_runs (
    request_id, team_id, user_id, target_user_id, request_shape, entity_type, api_style, filter, filter_fingerprint,
    options, session_name, target_session_id, status, stage, total_contacts, contacts_ready, contacts_excluded,
    contacts_overridden, batches_total, created_at, finished_at)
  select p_run ->> 'request_id', coalesce(v_target.team_id, v_caller.team_id), v_caller.id, v_target.id,
         coalesce(p_run ->> 'request_shape', 'dialbridge'), p_run ->> 'entity_type',
         coalesce(p_run ->> 'api_style', 'dialsession'), p_run -> 'filter', p_run ->> 'filter_fingerprint',
         coalesce(p_run -> 'options', '{}'::jsonb), pg_catalog.left(p_run ->> 'session_name', 255), v_session.id,
         case when v_ready = 0 then 'nothing_to_push' else 'queued' end,
         case when v_ready = 0 then 'done' else 'queued' end,
         pg_catalog.count(*), v_ready, pg_catalog.count(*) - v_ready,
         pg_catalog.count(*) filter (where r.is_overridden),
         (v_ready + v_batch_size - 1) / v_batch_size,
         as_of, case when v_ready = 0 then as_of end
    from pg_temp.push_rows r
  returning id into v_run_id;

  insert into public.phoneburner_push_run_contacts (run_id, contact_id, team_id, position, batch_no, status, reason,
                                                    detail, is_overridden, phone_e164)
  select v_run_id, r.contact_id, c.team_id, r.ord,
         case when r.status = 'ready'
              then ((pg_catalog.row_number() over (partition by r.status = 'ready' order by r.ord) - 1) / v_batch_size + 1)::integer end,
         case when r.status = 'ready' then 'queued' else 'excluded' end,
         case when r.status = 'ready' then null else r.reason end,
         case when r.status = 'ready' then null else r.detail end,
         r.is_overridden, r.phone_e164
    from pg_temp.push_rows r join public.contacts c on c.id = r.contact_id;

  insert into public.push_overrides (run_id, contact_id, team_id, overridden_reason, overridden_detail, override_reason,
                                     overridden_by_user_id, created_at)
  select v_run_id, r.contact_id, c.team_id, r.overridden_reason, r.detail, pg_catalog.btrim(r.override_reason), v_caller.id, as_of
    from pg_temp.push_rows r join public.contacts c on c.id = r.contact_id
   where r.is_overridden;

  insert into public.phoneburner_push_batches (run_id, batch_no, request_key, contact_count)
  select v_run_id, rc.batch_no, (p_run ->> 'request_id') || ':' || rc.batch_no, pg_catalog.count(*)
    from public.phoneburner_push_run_contacts rc
   where rc.run_id = v_run_id and rc.batch_no is not null
   group by rc.batch_no;

  return v_run_id;
end
$$;

--
-- Name: record_session_call_counts(uuid, jsonb, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.record_session_call_counts(p_user_id uuid, p_sessions jsonb, as_of timestamp with time zone DEFAULT now()) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $_$
declare
  r record;
  v_session uuid;
  v_count integer := 0;
begin
  for r in
    select dialbridge.jsonb_id(e -> 'id') as pb_id,
           coalesce(dialbridge.jsonb_id(e -> 'total_calls'), dialbridge.jsonb_id(e -> 'calls'),
                    dialbridge.jsonb_id(e -> 'call_count'), dialbridge.jsonb_id(e -> 'dials')) as calls,
           e -> 'custom_data' ->> 'request_id' as request_key
      from pg_catalog.jsonb_array_elements(p_sessions) e
     where pg_catalog.jsonb_typeof(e) = 'object'
  loop
    continue when r.pb_id is null or r.calls is null or r.calls !~ '^\d+$';
    select s.id into v_session from public.phoneburner_sessions s where s.phoneburner_session_id = r.pb_id;
    if v_session is null and r.request_key is not null then
      select b.session_id into v_session
        from public.phoneburner_push_batches b join public.phoneburner_push_runs pr on pr.id = b.run_id
       where b.request_key = r.request_key and pr.target_user_id = p_user_id and b.session_id is not null;
      if v_session is not null then
        update public.phoneburner_sessions set phoneburner_session_id = r.pb_id
         where id = v_session and phoneburner_session_id like 'pending:%';
        update public.phoneburner_push_batches set phoneburner_session_id = r.pb_id
         where session_id = v_session and phoneburner_session_id like 'pending:%';
        update public.phoneburner_push_runs set phoneburner_session_id = r.pb_id
         where session_id = v_session and phoneburner_session_id like 'pending:%';
      end if;
    end if;
    continue when v_session is null;
    insert into public.phoneburner_session_call_checks (session_id, team_id, checked_at, provider_calls, recorded_calls)
    select s.id, s.team_id, as_of, r.calls::integer,
           (select pg_catalog.count(distinct a.phoneburner_call_id)::integer from public.contact_activities a
             where a.phoneburner_session_id = s.id and a.phoneburner_call_id is not null and a.deleted_at is null)
      from public.phoneburner_sessions s where s.id = v_session
    on conflict (session_id, checked_at) do nothing;
    v_count := v_count + 1;
  end loop;
  update dialbridge.phoneburner_sync_state set sessions_checked_at = as_of where user_id = p_user_id;
  return v_count;
end
$_$;

--
-- Name: record_worker_heartbeat(text, text, integer, integer, integer, timestamp with time zone, numeric, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.record_worker_heartbeat(p_worker_id text, p_hostname text, p_pid integer, p_concurrency integer, p_task_count integer, p_started_at timestamp with time zone, p_cron_lag_seconds numeric DEFAULT NULL::numeric, p_as_of timestamp with time zone DEFAULT now()) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  insert into dialbridge.worker_heartbeats as h
         (worker_id, hostname, pid, concurrency, task_count, started_at, last_beat_at, last_cron_lag_seconds)
  values (p_worker_id, p_hostname, p_pid, p_concurrency, p_task_count, p_started_at,
          greatest(p_as_of, p_started_at), p_cron_lag_seconds)
  on conflict (worker_id) do update
     set last_beat_at = greatest(h.last_beat_at, excluded.last_beat_at),
         last_cron_lag_seconds = coalesce(excluded.last_cron_lag_seconds, h.last_cron_lag_seconds),
         concurrency = excluded.concurrency,
         task_count = excluded.task_count,
         stopped_at = null;
  delete from dialbridge.worker_heartbeats
   where last_beat_at < p_as_of - interval '7 days';
end
$$;

--
-- Name: record_worker_stopped(text, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.record_worker_stopped(p_worker_id text, p_as_of timestamp with time zone DEFAULT now()) RETURNS void
    LANGUAGE sql
    SET search_path TO ''
    AS $$
  update dialbridge.worker_heartbeats
     set stopped_at = greatest(p_as_of, started_at),
         last_beat_at = greatest(last_beat_at, p_as_of)
   where worker_id = p_worker_id
$$;

--
-- Name: refresh_call_hour_stats(timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.refresh_call_hour_stats(p_as_of timestamp with time zone DEFAULT now()) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_rows integer;
begin
  lock table dialbridge.call_hour_stats in exclusive mode;
  delete from dialbridge.call_hour_stats;
  with zones as (
    select z.name from pg_catalog.pg_timezone_names z
  ), calls as (
    select coalesce(c.contact_type, '') as contact_type, coalesce(c.industry, '') as industry,
           (a.call_started_at at time zone coalesce(z.name, dialbridge.report_time_zone())) as local_at,
           (a.call_outcome = 'connected') as connected
      from public.contact_activities a
      join public.contacts c on c.id = a.contact_id
      left join zones z on z.name = pg_catalog.btrim(c.timezone)
     where a.deleted_at is null
       and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
       and a.call_started_at > p_as_of - interval '365 days' and a.call_started_at <= p_as_of
  ), buckets as (
    select c.contact_type, c.industry, pg_catalog.date_part('isodow', c.local_at)::integer as day_of_week,
           pg_catalog.date_part('hour', c.local_at)::integer as hour, c.connected
      from calls c
  )
  insert into dialbridge.call_hour_stats (contact_type, industry, day_of_week, hour, calls, connections, refreshed_at)
  select case when grouping(b.contact_type) = 1 then '*' else b.contact_type end,
         case when grouping(b.industry) = 1 then '*' else b.industry end,
         b.day_of_week, b.hour, count(*)::integer, count(*) filter (where b.connected)::integer, now()
    from buckets b
   group by grouping sets ((b.contact_type, b.industry, b.day_of_week, b.hour),
                           (b.contact_type, b.day_of_week, b.hour),
                           (b.day_of_week, b.hour));
  get diagnostics v_rows = row_count;
  return v_rows;
end
$$;

--
-- Name: refresh_disposition_classes(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.refresh_disposition_classes() RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  lock table dialbridge.disposition_classes in exclusive mode;
  delete from dialbridge.disposition_classes;
  insert into dialbridge.disposition_classes
         (match_key, code, label, category, status, stage, outcome_group, is_meeting, engagement_score_delta)
  select distinct on (k.match_key)
         k.match_key, m.phoneburner_disposition_code, m.phoneburner_disposition_label,
         m.category, m.sourceco_contact_status, m.sourceco_contact_stage,
         coalesce(pg_catalog.lower(m.sourceco_contact_status), 'other'),
         (m.phoneburner_disposition_code = 'MEETING_SET' or coalesce(m.sourceco_contact_stage = 'Meeting Set', false)),
         m.engagement_score_delta
    from public.disposition_mappings m
   cross join lateral (
           select 'c:' || m.phoneburner_disposition_code
           union all
           select 'l:' || dialbridge.normalize_label(m.phoneburner_disposition_label)
           union all
           select 'l:' || dialbridge.normalize_label(a.alias) from pg_catalog.unnest(m.label_aliases) as a(alias)
         ) as k(match_key)
   where m.is_active and k.match_key is not null
   order by k.match_key, m.phoneburner_disposition_code;
end
$$;

--
-- Name: release_phoneburner_lease(uuid, text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.release_phoneburner_lease(p_user_id uuid, p_holder text) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  delete from dialbridge.phoneburner_account_leases where user_id = p_user_id and holder = p_holder
$$;

--
-- Name: reset_phoneburner_webhooks_for_replay(timestamp with time zone, text[], text, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.reset_phoneburner_webhooks_for_replay(p_since timestamp with time zone DEFAULT NULL::timestamp with time zone, p_statuses text[] DEFAULT ARRAY['failed'::text], p_event_type text DEFAULT NULL::text, p_until timestamp with time zone DEFAULT NULL::timestamp with time zone) RETURNS SETOF bigint
    LANGUAGE sql
    SET search_path TO ''
    AS $$
  update public.phoneburner_webhooks_log l
     set processing_status = 'pending', retry_count = 0, next_retry_at = null,
         processing_error = null, processing_error_code = null
   where (p_since is null or l.received_at >= p_since)
     and (p_until is null or l.received_at < p_until)
     and (p_statuses is null or l.processing_status = any (p_statuses))
     and (p_event_type is null or l.event_type = p_event_type)
  returning l.id
$$;

--
-- Name: resolve_entity_contacts(text, jsonb); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.resolve_entity_contacts(p_entity_type text, p_ids jsonb) RETURNS uuid[]
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $_$
declare
  v_keys text[];
begin
  if p_ids is null or pg_catalog.jsonb_typeof(p_ids) <> 'array' then
    raise exception 'entity ids must be an array' using errcode = 'DB040';
  end if;
  v_keys := array(select pg_catalog.btrim(e) from pg_catalog.jsonb_array_elements_text(p_ids) e);
  case p_entity_type
    when 'contacts', 'buyer_contacts' then
      return array(
        select x.id from (
          select c.id, k.n
            from pg_catalog.unnest(v_keys) with ordinality as k(key, n)
            join public.contacts c
              on c.id = case when k.key ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then k.key::uuid end
          union all
          select c.id, k.n
            from pg_catalog.unnest(v_keys) with ordinality as k(key, n)
            join public.contacts c on c.sourceco_contact_id = k.key) x
        group by x.id order by pg_catalog.min(x.n));
    when 'listings' then
      return array(
        select d.contact_id
          from public.deal_contacts d
          join pg_catalog.unnest(v_keys) with ordinality as k(key, n) on d.deal_id = k.key
         where d.is_primary
            or not exists (select 1 from public.deal_contacts p where p.deal_id = d.deal_id and p.is_primary)
         group by d.contact_id
         order by pg_catalog.min(k.n), d.contact_id);
    when 'contact_list' then
      if exists (select 1 from pg_catalog.unnest(v_keys) k
                  where k !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') then
        raise exception 'contact_list ids must be saved segment ids (uuids)' using errcode = 'DB040';
      end if;
      return array(select dialbridge.contacts_matching(pg_catalog.jsonb_build_object('segment_id', pg_catalog.to_jsonb(v_keys))));
    else
      raise exception 'entity_type "%" is not supported', p_entity_type using errcode = 'DB040';
  end case;
end
$_$;

--
-- Name: resolve_inline_contacts(jsonb); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.resolve_inline_contacts(p_items jsonb) RETURNS uuid[]
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
  v_item jsonb;
  v_id uuid;
  v_ids uuid[] := '{}';
  v_team uuid := dialbridge.current_team_id();
  v_name text;
begin
  if p_items is null or pg_catalog.jsonb_typeof(p_items) <> 'array' then
    raise exception 'inline_contacts must be an array' using errcode = 'DB040';
  end if;
  if pg_catalog.jsonb_array_length(p_items) > 5000 then
    raise exception 'at most 5,000 inline contacts per push' using errcode = 'DB047';
  end if;
  for v_item in select * from pg_catalog.jsonb_array_elements(p_items) loop
    v_id := null;
    if v_item ->> 'contact_id' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
      select c.id into v_id from public.contacts c where c.id = (v_item ->> 'contact_id')::uuid;
    end if;
    if v_id is null and v_item ->> 'contact_id' is not null then
      select c.id into v_id from public.contacts c where c.sourceco_contact_id = v_item ->> 'contact_id';
    end if;
    if v_id is null and v_item ->> 'phone_e164' is not null then
      select c.id into v_id from public.contacts c
       where c.phone_e164 = v_item ->> 'phone_e164' and c.team_id is not distinct from v_team
       order by c.created_at limit 1;
    end if;
    if v_id is null then
      if v_team is null then
        raise exception 'only members of a team can push new contacts' using errcode = 'DB042';
      end if;
      v_name := nullif(pg_catalog.btrim(v_item ->> 'name'), '');
      insert into public.contacts (team_id, owner_id, first_name, last_name, email, phone, company, list_source)
      values (v_team, auth.uid(),
              pg_catalog.split_part(v_name, ' ', 1),
              nullif(pg_catalog.btrim(pg_catalog.substr(v_name, pg_catalog.length(pg_catalog.split_part(v_name, ' ', 1)) + 1)), ''),
              nullif(pg_catalog.btrim(v_item ->> 'email'), ''), nullif(pg_catalog.btrim(v_item ->> 'phone'), ''),
              nullif(pg_catalog.btrim(v_item ->> 'company'), ''), 'inline push')
      returning id into v_id;
    end if;
    v_ids := v_ids || v_id;
  end loop;
  return v_ids;
end
$_$;

--
-- Name: resolve_phoneburner_contact(text[], text[], text[], uuid); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.resolve_phoneburner_contact(p_sourceco_ids text[], p_phoneburner_ids text[], p_phones text[], p_session_id uuid) RETURNS uuid
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $_$
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
  foreach v_id in array coalesce(p_phoneburner_ids, '{}') loop
    select c.id into v_contact from public.contacts c where c.phoneburner_contact_id = v_id;
    if v_contact is not null then return v_contact; end if;
    select m.contact_id into v_contact
      from public.phoneburner_session_contacts m
     where m.phoneburner_contact_id = v_id
     order by (m.session_id = p_session_id) desc nulls last, m.added_at desc, m.contact_id
     limit 1;
    if v_contact is not null then return v_contact; end if;
  end loop;
  if p_session_id is not null and pg_catalog.cardinality(p_phones) > 0 then
    select array_agg(distinct m.contact_id) into v_candidates
      from public.phoneburner_session_contacts m
     where m.session_id = p_session_id and m.phone_e164 = any (p_phones) and m.state <> 'removed';
    if pg_catalog.cardinality(v_candidates) = 1 then return v_candidates[1]; end if;
  end if;
  return null;
end
$_$;

--
-- Name: resolve_push_selection(uuid[], jsonb, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.resolve_push_selection(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone DEFAULT now()) RETURNS uuid[]
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
begin
  if p_contact_ids is not null and pg_catalog.cardinality(p_contact_ids) > 0 then
    if pg_catalog.cardinality(p_contact_ids) > 20000 then
      raise exception 'at most 20,000 contacts per push' using errcode = 'DB047';
    end if;
    return p_contact_ids;
  end if;
  if p_filter is null then
    raise exception 'choose contacts: give contact ids or a filter' using errcode = 'DB040';
  end if;
  return array(select dialbridge.contacts_matching(p_filter, as_of));
end
$$;

--
-- Name: resume_stalled_push_batches(interval, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.resume_stalled_push_batches(p_stalled_after interval DEFAULT '00:03:00'::interval, as_of timestamp with time zone DEFAULT now()) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_batch uuid;
  v_count integer := 0;
begin
  for v_batch in
    select distinct on (b.run_id) b.id
      from public.phoneburner_push_batches b
      join public.phoneburner_push_runs r on r.id = b.run_id
     where r.status in ('queued', 'pushing')
       and b.status in ('queued', 'sending', 'retrying')
     order by b.run_id, b.batch_no
  loop
    if exists (select 1 from public.phoneburner_push_batches b
                where b.id = v_batch and b.updated_at < as_of - p_stalled_after
                  and coalesce(b.next_attempt_at, '-infinity') < as_of) then
      perform dialbridge.enqueue_push_batch(v_batch);
      v_count := v_count + 1;
    end if;
  end loop;
  return v_count;
end
$$;

--
-- Name: score_contacts(uuid[], timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.score_contacts(p_contact_ids uuid[], p_as_of timestamp with time zone DEFAULT now()) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_id uuid;
  v_count integer := 0;
begin
  for v_id in
    select c.id from public.contacts c where c.id = any (p_contact_ids) order by c.id for no key update
  loop
    perform public.calculate_contact_engagement_score(v_id, p_as_of);
    v_count := v_count + 1;
  end loop;
  return v_count;
end
$$;

--
-- Name: score_contacts_after(uuid, integer, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.score_contacts_after(p_after_id uuid, p_limit integer DEFAULT 500, p_as_of timestamp with time zone DEFAULT now()) RETURNS uuid
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_ids uuid[];
begin
  select pg_catalog.array_agg(x.id order by x.id) into v_ids
    from (select c.id from public.contacts c
           where p_after_id is null or c.id > p_after_id
           order by c.id limit greatest(p_limit, 1)) x;
  if v_ids is null then
    return null;
  end if;
  perform dialbridge.score_contacts(v_ids, p_as_of);
  return v_ids[pg_catalog.cardinality(v_ids)];
end
$$;

--
-- Name: score_marked_contacts(integer, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.score_marked_contacts(p_limit integer DEFAULT 100, p_as_of timestamp with time zone DEFAULT now()) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_ids uuid[];
  v_id uuid;
begin
  perform dialbridge.await_scoring_markers();
  select coalesce(pg_catalog.array_agg(x.id order by x.id), '{}') into v_ids
    from (select c.id from public.contacts c
           where c.id in (select m.contact_id from dialbridge.contacts_to_score m
                           order by m.contact_id limit greatest(p_limit, 1))
           order by c.id
             for no key update skip locked) x;
  if pg_catalog.cardinality(v_ids) = 0 then
    return 0;
  end if;
  delete from dialbridge.contacts_to_score m where m.contact_id = any (v_ids);
  foreach v_id in array v_ids loop
    perform public.calculate_contact_engagement_score(v_id, p_as_of);
  end loop;
  return pg_catalog.cardinality(v_ids);
end
$$;

--
-- Name: scoring_markers_lock_key(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.scoring_markers_lock_key() RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$ select 7308604897168450352::bigint $$;

--
-- Name: session_call_stats_from_rows(uuid); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.session_call_stats_from_rows(p_session_id uuid DEFAULT NULL::uuid) RETURNS TABLE(session_id uuid, total_contacts_added integer, total_contacts_active integer, total_contacts_completed integer, total_dials integer, total_connections integer, total_decision_maker_conversations integer, total_gatekeeper_conversations integer, total_voicemails_left integer, total_no_answers integer, total_call_time_seconds integer, total_talk_time_seconds integer, average_talk_time_seconds integer, total_qualified_leads integer, total_meetings_scheduled integer, total_disqualified integer, total_callbacks_scheduled integer, connection_rate_percentage numeric, qualification_rate_percentage numeric, started_at timestamp with time zone, last_activity_at timestamp with time zone)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  with scope as (
    select s.id from public.phoneburner_sessions s where p_session_id is null or s.id = p_session_id
  ), agg as (
    select a.phoneburner_session_id as session_id,
           sum(s.is_call)::integer as dials, sum(s.is_connected)::integer as connections,
           sum(s.is_decision_maker)::integer as dm, sum(s.is_gatekeeper)::integer as gk,
           sum(s.is_voicemail)::integer as vm, sum(s.is_no_answer)::integer as no_answer,
           sum(s.duration_seconds)::integer as call_time, sum(s.talk_seconds)::integer as talk,
           sum(s.is_qualified)::integer as qualified, sum(s.is_meeting)::integer as meetings,
           sum(s.is_disqualified)::integer as disqualified, sum(s.is_callback)::integer as callbacks,
           min(s.attempt_at) as started_at, max(s.activity_at) as last_activity_at
      from public.contact_activities a cross join lateral dialbridge.activity_call_stats(a) s
     where a.phoneburner_session_id in (select id from scope) and (s.is_call = 1 or s.is_callback = 1)
     group by a.phoneburner_session_id
  ), members as (
    select m.session_id, count(*)::integer as added,
           (count(*) filter (where m.state in ('pending', 'dialed', 'connected')))::integer as active,
           (count(*) filter (where m.state = 'completed'))::integer as completed
      from public.phoneburner_session_contacts m
     where m.session_id in (select id from scope)
     group by m.session_id
  )
  select sc.id, coalesce(m.added, 0), coalesce(m.active, 0), coalesce(m.completed, 0),
         coalesce(g.dials, 0), coalesce(g.connections, 0), coalesce(g.dm, 0), coalesce(g.gk, 0), coalesce(g.vm, 0),
         coalesce(g.no_answer, 0), coalesce(g.call_time, 0), coalesce(g.talk, 0),
         case when g.connections > 0 then pg_catalog.round(g.talk::numeric / g.connections)::integer end,
         coalesce(g.qualified, 0), coalesce(g.meetings, 0), coalesce(g.disqualified, 0), coalesce(g.callbacks, 0),
         case when g.dials > 0 then pg_catalog.round(g.connections * 100.0 / g.dials, 2) end,
         case when g.connections > 0 then least(pg_catalog.round(g.qualified * 100.0 / g.connections, 2), 999.99) end,
         g.started_at, g.last_activity_at
    from scope sc
    left join agg g on g.session_id = sc.id
    left join members m on m.session_id = sc.id
$$;

--
-- Name: session_member_stage(text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.session_member_stage(p_state text) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select case p_state when 'pending' then 0 when 'dialed' then 1 when 'connected' then 2 when 'completed' then 3 end
$$;

--
-- Name: session_member_state(integer); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.session_member_state(p_stage integer) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select case p_stage when 1 then 'dialed' when 2 then 'connected' when 3 then 'completed' else 'pending' end
$$;

--
-- Name: session_suggestions(text, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.session_suggestions(p_fingerprint text, as_of timestamp with time zone DEFAULT now()) RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select pg_catalog.jsonb_build_object(
    'suggested_session', (
      select pg_catalog.jsonb_build_object('session_id', s.id, 'session_name', s.session_name,
               'phoneburner_session_id', s.phoneburner_session_id, 'total_contacts', s.total_contacts_added,
               'last_activity_at', coalesce(s.last_activity_at, s.created_at), 'pushed_at', r.created_at)
        from public.phoneburner_push_runs r
        join public.phoneburner_sessions s on s.id = r.session_id
       where r.user_id = auth.uid() and r.filter_fingerprint = p_fingerprint
         and r.created_at >= as_of - interval '30 days' and r.created_at <= as_of
         and s.session_status = 'active' and s.deleted_at is null
       order by r.created_at desc limit 1),
    'recent_sessions', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('session_id', x.id, 'session_name', x.session_name,
               'phoneburner_session_id', x.phoneburner_session_id, 'total_contacts', x.total_contacts_added,
               'last_activity_at', x.last_at) order by x.last_at desc)
        from (select s.id, s.session_name, s.phoneburner_session_id, s.total_contacts_added,
                     coalesce(s.last_activity_at, s.created_at) as last_at
                from public.phoneburner_sessions s
               where s.created_by_user_id = auth.uid() and s.session_status = 'active' and s.deleted_at is null
               order by coalesce(s.last_activity_at, s.created_at) desc limit 10) x), '[]'::jsonb))
$$;

--
-- Name: set_report_time_zone(text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.set_report_time_zone(p_time_zone text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if p_time_zone is null or not exists (select 1 from pg_catalog.pg_timezone_names z where z.name = p_time_zone) then
    raise exception 'unknown time zone: %', coalesce(p_time_zone, '(null)')
      using errcode = 'DB052', hint = 'Use an IANA name such as America/New_York (select name from pg_timezone_names).';
  end if;
  update dialbridge.report_settings set time_zone = p_time_zone, updated_at = now() where id;
  perform dialbridge.rebuild_rollups();
end
$$;

--
-- Name: start_push_run(jsonb, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.start_push_run(p_request jsonb, as_of timestamp with time zone DEFAULT now()) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
  v_request_id text := nullif(pg_catalog.btrim(p_request ->> 'request_id'), '');
  v_options jsonb := coalesce(p_request -> 'options', '{}'::jsonb);
  v_filter jsonb := p_request -> 'filter';
  v_contact_ids uuid[];
  v_ids uuid[];
  v_rows jsonb;
  v_existing record;
  v_run_id uuid;
  v_refused integer;
  v_unjustified integer;
  v_key text;
begin
  if auth.uid() is null then
    raise exception 'sign in to push contacts' using errcode = 'DB042';
  end if;
  if p_request is null or pg_catalog.jsonb_typeof(p_request) <> 'object' then
    raise exception 'the push request must be a JSON object' using errcode = 'DB040';
  end if;
  for v_key in select pg_catalog.jsonb_object_keys(p_request) loop
    if v_key not in ('request_id', 'contact_ids', 'filter', 'options', 'target_user_id', 'api_style', 'request_shape',
                     'entity_type') then
      raise exception 'unknown push request key "%"', v_key using errcode = 'DB040';
    end if;
  end loop;
  if v_request_id is null or pg_catalog.length(v_request_id) > 200 then
    raise exception 'request_id is required (at most 200 characters)' using errcode = 'DB040';
  end if;
  if v_filter is not null and pg_catalog.jsonb_typeof(v_filter) = 'null' then
    v_filter := null;
  end if;
  perform dialbridge.validate_contact_filter(v_filter);
  perform dialbridge.validate_push_options(v_options);
  if coalesce(p_request ->> 'api_style', 'dialsession') not in ('dialsession', 'seed') then
    raise exception 'api_style must be "dialsession" or "seed"' using errcode = 'DB040';
  end if;
  if p_request -> 'contact_ids' is not null and pg_catalog.jsonb_typeof(p_request -> 'contact_ids') <> 'null' then
    if pg_catalog.jsonb_typeof(p_request -> 'contact_ids') <> 'array' or exists (
         select 1 from pg_catalog.jsonb_array_elements(p_request -> 'contact_ids') e
          where coalesce(e #>> '{}', '') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') then
      raise exception 'contact_ids must be an array of uuids' using errcode = 'DB040';
    end if;
    v_contact_ids := array(select (e #>> '{}')::uuid from pg_catalog.jsonb_array_elements(p_request -> 'contact_ids') e);
  end if;

  -- idempotency: the same key never starts a second run
  select r.id, r.user_id into v_existing from public.phoneburner_push_runs r where r.request_id = v_request_id;
  if v_existing.id is null and exists (select 1 from dialbridge.push_run_owner(v_request_id)) then
    raise exception 'request_id % is already used by another push', v_request_id using errcode = 'DB040';
  end if;
  if v_existing.id is not null then
    if v_existing.user_id is distinct from auth.uid() then
      raise exception 'request_id % is already used by another push', v_request_id using errcode = 'DB040';
    end if;
    return dialbridge.push_run_summary(v_existing.id) || '{"replayed": true}'::jsonb;
  end if;

  v_ids := dialbridge.resolve_push_selection(v_contact_ids, v_filter, as_of);
  if pg_catalog.cardinality(v_ids) = 0 then
    raise exception 'no contacts found for this selection' using errcode = 'DB043';
  end if;

  select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'contact_id', c.contact_id, 'ord', c.ord, 'status', c.status, 'reason', c.reason, 'detail', c.detail,
           'is_overridden', c.is_overridden, 'overridden_reason', c.overridden_reason,
           'override_reason', c.override_reason, 'phone_e164', c.phone_e164) order by c.ord),
         pg_catalog.count(*) filter (where c.override_refused and c.reason = 'legal_dnc'),
         pg_catalog.count(*) filter (where c.is_overridden and coalesce(pg_catalog.btrim(c.override_reason), '') = '')
    into v_rows, v_refused, v_unjustified
    from dialbridge.push_candidates(v_ids, v_options, as_of, true) c;
  if v_rows is null then
    raise exception 'no contacts found for this selection' using errcode = 'DB043';
  end if;
  if v_refused > 0 then
    raise exception '% contact(s) are on the legal do-not-call list: that can never be overridden', v_refused
      using errcode = 'DB041';
  end if;
  if v_unjustified > 0 then
    raise exception '% override(s) without a reason: say why each excluded contact is included', v_unjustified
      using errcode = 'DB045';
  end if;

  v_run_id := dialbridge.record_push_run(
    pg_catalog.jsonb_build_object(
      'request_id', v_request_id,
      'target_user_id', p_request ->> 'target_user_id',
      'request_shape', coalesce(p_request ->> 'request_shape', 'dialbridge'),
      'entity_type', p_request ->> 'entity_type',
      'api_style', coalesce(p_request ->> 'api_style', v_options ->> 'api_style', 'dialsession'),
      'filter', v_filter,
      'filter_fingerprint', dialbridge.push_fingerprint(v_contact_ids, v_filter),
      'options', v_options,
      'target_session_id', v_options ->> 'target_session_id',
      'session_name', coalesce(nullif(pg_catalog.btrim(v_options ->> 'session_name'), ''),
                               dialbridge.suggest_session_name(
                                 coalesce(nullif(array(select (e ->> 'contact_id')::uuid from pg_catalog.jsonb_array_elements(v_rows) e
                                                        where e ->> 'status' = 'ready'), '{}'), v_ids),
                                 v_filter, as_of))),
    v_rows, as_of);
  return dialbridge.push_run_summary(v_run_id) || '{"replayed": false}'::jsonb;
end
$_$;

--
-- Name: store_phoneburner_token(uuid, text, text, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.store_phoneburner_token(p_user_id uuid, p_access_token text, p_refresh_token text, p_expires_at timestamp with time zone) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  update public.phoneburner_oauth_tokens
     set access_token = p_access_token, refresh_token = coalesce(p_refresh_token, refresh_token), expires_at = p_expires_at
   where user_id = p_user_id
$$;

--
-- Name: report_contacts; Type: VIEW; Schema: dialbridge; Owner: -
--

CREATE VIEW dialbridge.report_contacts WITH (security_barrier='true') AS
 SELECT c.id,
    c.first_name,
    c.last_name,
    c.email,
    c.phone,
    c.company,
    c.created_at,
    c.updated_at,
    c.sourceco_contact_id,
    c.team_id,
    c.owner_id,
    c.title,
    c.address_line1,
    c.city,
    c.state,
    c.zip,
    c.country,
    c.timezone,
    c.contact_type,
    c.legacy_contact_type,
    c.buyer_type,
    c.firm_type,
    c.industry,
    c.aum_usd,
    c.fund_size_usd,
    c.target_sectors,
    c.target_geographies,
    c.target_ebitda_min_usd,
    c.target_ebitda_max_usd,
    c.ebitda_usd,
    c.list_source,
    c.relationship_notes,
    c.call_talking_points,
    c.assistant_name,
    c.assistant_phone,
    c.contact_status,
    c.contact_stage,
    c.needs_review,
    c.needs_review_reason,
    c.last_call_attempt_at,
    c.last_call_connected_at,
    c.first_call_attempt_at,
    c.total_call_attempts,
    c.total_calls_connected,
    c.total_calls_to_decision_maker,
    c.total_calls_to_gatekeeper,
    c.total_voicemails_left,
    c.total_call_duration_seconds,
    c.total_talk_time_seconds,
    c.average_talk_time_seconds,
    c.best_call_day_of_week,
    c.best_call_time_of_day,
    c.connection_rate_percentage,
    c.phoneburner_contact_id,
    c.phoneburner_last_sync_at,
    c.phoneburner_sync_status,
    c.phone_number_invalid,
    c.phone_number_invalid_reason,
    c.phone_verified_at,
    c.do_not_call,
    c.do_not_call_reason,
    c.do_not_call_set_at,
    c.do_not_call_set_by_user_id,
    c.next_action_type,
    c.next_action_date,
    c.next_action_notes,
    c.next_action_assigned_to_user_id,
    c.last_disposition_code,
    c.last_disposition_label,
    c.last_disposition_date,
    c.last_disposition_notes,
    c.gatekeeper_name,
    c.gatekeeper_phone_extension,
    c.gatekeeper_notes,
    c.call_engagement_score,
    c.last_engaged_call_at,
    c.days_since_last_engaged_call,
    c.call_stats_last_calculated_at,
    c.call_stats_stale,
    c.phone_e164,
    c.phone_status,
    c.phone_normalized_from,
    c.phone_normalized_at
   FROM public.contacts c
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR (c.team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin));

--
-- Name: VIEW report_contacts; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON VIEW dialbridge.report_contacts IS 'Contacts the caller may see (team rule of contacts'' RLS; reporting readers see all). Read by reports views.';

--
-- Name: tasks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tasks (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    contact_id uuid,
    team_id uuid,
    assigned_to_user_id uuid,
    created_by_user_id uuid,
    source_activity_id uuid,
    source text DEFAULT 'manual'::text NOT NULL,
    task_type text DEFAULT 'call'::text NOT NULL,
    title text NOT NULL,
    notes text,
    due_at timestamp with time zone NOT NULL,
    priority text DEFAULT 'medium'::text NOT NULL,
    status text DEFAULT 'open'::text NOT NULL,
    completed_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT tasks_completed_check CHECK (((status = 'completed'::text) = (completed_at IS NOT NULL))),
    CONSTRAINT tasks_priority_check CHECK ((priority = ANY (ARRAY['low'::text, 'medium'::text, 'high'::text, 'urgent'::text]))),
    CONSTRAINT tasks_source_check CHECK ((source = ANY (ARRAY['manual'::text, 'disposition'::text, 'callback'::text, 'system'::text]))),
    CONSTRAINT tasks_status_check CHECK ((status = ANY (ARRAY['open'::text, 'completed'::text, 'cancelled'::text]))),
    CONSTRAINT tasks_task_type_check CHECK ((task_type = ANY (ARRAY['call'::text, 'email'::text, 'meeting_prep'::text, 'research'::text, 'send_materials'::text, 'follow_up'::text])))
);

--
-- Name: TABLE tasks; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.tasks IS 'Callbacks and follow-ups assigned to reps.';

--
-- Name: COLUMN tasks.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tasks.id IS 'Task id (uuid).';

--
-- Name: COLUMN tasks.contact_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tasks.contact_id IS 'Contact the task is about.';

--
-- Name: COLUMN tasks.team_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tasks.team_id IS 'Team the task belongs to.';

--
-- Name: COLUMN tasks.assigned_to_user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tasks.assigned_to_user_id IS 'Rep who should do it.';

--
-- Name: COLUMN tasks.created_by_user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tasks.created_by_user_id IS 'Who created it (null: created by a disposition or callback).';

--
-- Name: COLUMN tasks.source_activity_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tasks.source_activity_id IS 'Call or callback activity that created the task.';

--
-- Name: COLUMN tasks.source; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tasks.source IS 'manual, disposition, callback or system.';

--
-- Name: COLUMN tasks.task_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tasks.task_type IS 'call, email, meeting_prep, research, send_materials or follow_up.';

--
-- Name: COLUMN tasks.title; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tasks.title IS 'What to do.';

--
-- Name: COLUMN tasks.notes; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tasks.notes IS 'Context (e.g. the rep''s call notes).';

--
-- Name: COLUMN tasks.due_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tasks.due_at IS 'When it is due.';

--
-- Name: COLUMN tasks.priority; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tasks.priority IS 'low, medium, high or urgent.';

--
-- Name: COLUMN tasks.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tasks.status IS 'open, completed or cancelled.';

--
-- Name: COLUMN tasks.completed_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tasks.completed_at IS 'When it was completed.';

--
-- Name: COLUMN tasks.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tasks.created_at IS 'When the task was created.';

--
-- Name: COLUMN tasks.updated_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tasks.updated_at IS 'When the task last changed.';

--
-- Name: report_tasks; Type: VIEW; Schema: dialbridge; Owner: -
--

CREATE VIEW dialbridge.report_tasks WITH (security_barrier='true') AS
 SELECT t.id,
    t.contact_id,
    t.team_id,
    t.assigned_to_user_id,
    t.created_by_user_id,
    t.source_activity_id,
    t.source,
    t.task_type,
    t.title,
    t.notes,
    t.due_at,
    t.priority,
    t.status,
    t.completed_at,
    t.created_at,
    t.updated_at
   FROM public.tasks t
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR (t.team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin));

--
-- Name: VIEW report_tasks; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON VIEW dialbridge.report_tasks IS 'Tasks the caller may see. Read by reports views.';

--
-- Name: success_metrics(timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.success_metrics(p_as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(metric text, period_days integer, value numeric, target text, meets_target boolean, detail text)
    LANGUAGE sql STABLE
    SET search_path TO ''
    BEGIN ATOMIC
 WITH days AS (
          SELECT d.id,
             d.team_id,
             d.user_id,
             d.day,
             d.calls,
             d.connections,
             d.decision_maker_conversations,
             d.gatekeeper_conversations,
             d.voicemails,
             d.no_answers,
             d.talk_time_seconds,
             d.call_duration_seconds,
             d.dispositioned_calls,
             d.callbacks_scheduled,
             d.qualified,
             d.nurture,
             d.disqualified,
             d.suppressed,
             d.other_dispositions,
             d.unmapped_dispositions,
             d.meetings,
             d.updated_at
            FROM dialbridge.rep_day_totals d
           WHERE ((d.day > (dialbridge.report_today(success_metrics.p_as_of) - 90)) AND (d.day <= dialbridge.report_today(success_metrics.p_as_of)))
         ), m AS (
          SELECT 1 AS ord,
             'disposition_coverage_pct'::text AS metric,
             90 AS period_days,
             round(((100.0 * (sum(d.dispositioned_calls))::numeric) / (NULLIF(sum(d.calls), 0))::numeric), 1) AS value,
             '> 90'::text AS target,
             (90)::numeric AS above,
             'Calls with a disposition set.'::text AS detail
            FROM days d
         UNION ALL
          SELECT 2,
             'callback_completion_on_time_pct'::text,
             90,
             round(((100.0 * (count(*) FILTER (WHERE ((t.status = 'completed'::text) AND (t.completed_at <= (t.due_at + '1 day'::interval)))))::numeric) / (NULLIF(count(*), 0))::numeric), 1) AS round,
             '> 80'::text,
             80,
             'Callbacks due in the period completed by the end of the day after they were due.'::text
            FROM dialbridge.report_tasks t
           WHERE ((t.source = 'callback'::text) AND (t.status <> 'cancelled'::text) AND (t.due_at > (success_metrics.p_as_of - '90 days'::interval)) AND (t.due_at <= success_metrics.p_as_of))
         UNION ALL
          SELECT 3,
             'webhook_success_rate_pct'::text,
             90,
             round(((100.0 * (count(*) FILTER (WHERE (e.processing_status = 'success'::text)))::numeric) / (NULLIF(count(*) FILTER (WHERE (e.processing_status = ANY (ARRAY['success'::text, 'failed'::text]))), 0))::numeric), 2) AS round,
             '> 99.5'::text,
             99.5,
             'Webhooks processed successfully (admins and reporting readers).'::text
            FROM dialbridge.report_webhook_events e
           WHERE ((e.received_at > (success_metrics.p_as_of - '90 days'::interval)) AND (e.received_at <= success_metrics.p_as_of))
         UNION ALL
          SELECT 4,
             'dials_per_rep_per_day'::text,
             30,
             round(avg(x.dials), 1) AS round,
             '+20% over baseline'::text,
             NULL::numeric,
             'Average dials per rep on days the rep dialed.'::text
            FROM ( SELECT d.user_id,
                     d.day,
                     sum(d.calls) AS dials
                    FROM days d
                   WHERE ((d.day > (dialbridge.report_today(success_metrics.p_as_of) - 30)) AND (d.user_id IS NOT NULL))
                   GROUP BY d.user_id, d.day
                  HAVING (sum(d.calls) > 0)) x
         UNION ALL
          SELECT 5,
             'connection_rate_pct'::text,
             30,
             round(((100.0 * (sum(d.connections))::numeric) / (NULLIF(sum(d.calls), 0))::numeric), 1) AS round,
             'establish baseline, improve'::text,
             NULL::numeric,
             'Connected calls / calls.'::text
            FROM days d
           WHERE (d.day > (dialbridge.report_today(success_metrics.p_as_of) - 30))
         UNION ALL
          SELECT 6,
             'meetings_booked_from_calls'::text,
             90,
             COALESCE(sum(d.meetings), (0)::bigint) AS "coalesce",
             'track attribution'::text,
             NULL::numeric,
             'Calls dispositioned as a meeting.'::text
            FROM days d
         UNION ALL
          SELECT 7,
             'contact_accuracy_pct'::text,
             90,
             round(((100.0 * (count(*) FILTER (WHERE (NOT c.phone_number_invalid)))::numeric) / (NULLIF(count(*), 0))::numeric), 1) AS round,
             '> 95'::text,
             95,
             'Contacts called in the period whose number is not flagged invalid.'::text
            FROM dialbridge.report_contacts c
           WHERE ((c.last_call_attempt_at > (success_metrics.p_as_of - '90 days'::interval)) AND (c.last_call_attempt_at <= success_metrics.p_as_of))
         )
  SELECT m.metric,
     m.period_days,
     m.value,
     m.target,
         CASE
             WHEN (m.above IS NOT NULL) THEN (m.value > m.above)
             ELSE NULL::boolean
         END AS "case",
     m.detail
    FROM m
   ORDER BY m.ord;
END;

--
-- Name: suggest_session_name(uuid[], jsonb, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.suggest_session_name(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone DEFAULT now()) RETURNS text
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select pg_catalog.concat_ws(' - ',
    case when pg_catalog.count(distinct c.contact_type) = 1 and pg_catalog.count(c.contact_type) = pg_catalog.count(*)
         then case pg_catalog.min(c.contact_type) when 'buyer' then 'Buyers' when 'seller' then 'Sellers' end end,
    case when pg_catalog.count(distinct c.contact_type) = 1 and pg_catalog.min(c.contact_type) = 'buyer'
              and pg_catalog.count(distinct c.buyer_type) = 1 and pg_catalog.count(c.buyer_type) = pg_catalog.count(*)
         then pg_catalog.min(c.buyer_type) end,
    dialbridge.jsonb_single_text(p_filter -> 'industry'),
    coalesce(dialbridge.jsonb_single_text(p_filter -> 'geography'),
             pg_catalog.upper(dialbridge.jsonb_single_text(p_filter -> 'state'))),
    pg_catalog.to_char(as_of at time zone 'UTC', 'Mon YYYY'))
    from public.contacts c
   where c.id = any (p_contact_ids)
$$;

--
-- Name: suppression_phone(text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.suppression_phone(p_phone text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $_$
  select case
           when v.digits = '' then null
           when v.has_plus and pg_catalog.length(v.digits) between 8 and 15 then '+' || v.digits
           when not v.has_plus and pg_catalog.length(v.digits) = 10 then '+1' || v.digits
           when not v.has_plus and pg_catalog.length(v.digits) = 11 and pg_catalog.left(v.digits, 1) = '1' then '+' || v.digits
         end
    from (select pg_catalog.ltrim(t.base) like '+%' as has_plus,
                 pg_catalog.regexp_replace(t.base, '[^0-9]', '', 'g') as digits
            from (select pg_catalog.regexp_replace(p_phone, '\s*(ext\.?|extension|x|#)\s*[0-9]+\s*$', '', 'i') as base) t
         ) v
$_$;

--
-- Name: suppression_status(uuid, text, timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.suppression_status(p_contact_id uuid, p_phone_e164 text, p_as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(is_suppressed boolean, is_legal boolean, reason text, until timestamp with time zone)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select s.is_suppressed, s.is_legal, s.reason, s.until
    from dialbridge.suppression_statuses(array[p_contact_id], array[p_phone_e164], p_as_of) s
$$;

--
-- Name: suppression_statuses(uuid[], text[], timestamp with time zone); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.suppression_statuses(p_contact_ids uuid[], p_phones text[], p_as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(ordinality bigint, contact_id uuid, phone_e164 text, is_suppressed boolean, is_legal boolean, reason text, until timestamp with time zone)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  with input as (
    select i.n as ordinality, i.contact_id, dialbridge.suppression_phone(i.phone) as phone_e164
      from unnest(p_contact_ids, p_phones) with ordinality as i (contact_id, phone, n)
  ),
  hits as (
    select i.ordinality, s.suppression_type, s.reason, s.expires_at
      from input i
      join public.suppressions s on s.contact_id = i.contact_id
     where (s.lifted_at is null or s.lifted_at > p_as_of)
       and (s.expires_at is null or s.expires_at > p_as_of)
    union all
    select i.ordinality, s.suppression_type, s.reason, s.expires_at
      from input i
      join public.suppressions s on s.phone_e164 = i.phone_e164
     where (s.suppression_type = 'legal' or s.contact_id is null)
       and (s.contact_id = i.contact_id) is not true   -- counted by the contact branch
       and (s.lifted_at is null or s.lifted_at > p_as_of)
       and (s.expires_at is null or s.expires_at > p_as_of)
    union all
    select i.ordinality, 'legal', coalesce(c.do_not_call_reason, 'legal_requirement'), null::timestamptz
      from input i
      join public.contacts c on c.id = i.contact_id
     where c.do_not_call
  )
  select i.ordinality, i.contact_id, i.phone_e164,
         count(h.ordinality) > 0,
         coalesce(bool_or(h.suppression_type = 'legal'), false),
         (array_agg(h.reason order by h.suppression_type = 'legal' desc, h.expires_at desc nulls first)
            filter (where h.ordinality is not null))[1],
         case when bool_or(h.ordinality is not null and h.expires_at is null) then null else max(h.expires_at) end
    from input i
    left join hits h on h.ordinality = i.ordinality
   group by i.ordinality, i.contact_id, i.phone_e164
   order by i.ordinality
$$;

--
-- Name: synced_contact_column(text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.synced_contact_column(p_field text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select case pg_catalog.lower(pg_catalog.btrim(p_field))
           when 'phone' then 'phone'
           when 'email' then 'email'
           when 'first_name' then 'first_name'
           when 'last_name' then 'last_name'
           when 'company' then 'company'
           when 'title' then 'title'
           when 'address' then 'address_line1'
           when 'address_line1' then 'address_line1'
           when 'city' then 'city'
           when 'state' then 'state'
           when 'zip' then 'zip'
         end
$$;

--
-- Name: task_title(text, public.contacts, text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.task_title(p_task_type text, p_contact public.contacts, p_label text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
  select pg_catalog.concat_ws(' – ',
           (case p_task_type
              when 'call' then 'Call'
              when 'email' then 'Email'
              when 'meeting_prep' then 'Prepare the meeting with'
              when 'research' then 'Research'
              when 'send_materials' then 'Send materials to'
              when 'follow_up' then 'Follow up with'
              else 'Follow up with'
            end) || ' ' ||
           coalesce(nullif(pg_catalog.btrim(pg_catalog.concat_ws(' ', p_contact.first_name, p_contact.last_name)), ''),
                    nullif(pg_catalog.btrim(p_contact.company), ''), 'contact'),
           nullif(pg_catalog.btrim(p_label), ''))
$$;

--
-- Name: tg__set_updated_at(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.tg__set_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  new.updated_at := now();
  return new;
end
$$;

--
-- Name: tg_contact_activities__aggregate_calls(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.tg_contact_activities__aggregate_calls() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if tg_op = 'INSERT' then
    perform dialbridge.buffer_or_apply_call_stat_deltas(dialbridge.activity_stat_deltas(
      null, array(select r::public.contact_activities from new_rows r)));
  elsif tg_op = 'UPDATE' then
    perform dialbridge.buffer_or_apply_call_stat_deltas(dialbridge.activity_stat_deltas(
      array(select r::public.contact_activities from old_rows r), array(select r::public.contact_activities from new_rows r)));
  elsif tg_op = 'DELETE' then
    perform dialbridge.buffer_or_apply_call_stat_deltas(dialbridge.activity_stat_deltas(
      array(select r::public.contact_activities from old_rows r), null));
  end if;
  return null;
end
$$;

--
-- Name: tg_contact_activities__call_defaults(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.tg_contact_activities__call_defaults() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if new.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left') then
    new.call_started_at := coalesce(new.call_started_at, new.call_connected_at, new.call_ended_at,
                                    new.disposition_set_at, new.created_at, pg_catalog.now());
    if coalesce(new.disposition_code, new.disposition_label) is not null and new.disposition_set_at is null then
      new.disposition_set_at := coalesce(new.call_ended_at, new.call_started_at);
    end if;
  end if;
  return new;
end
$$;

--
-- Name: tg_contact_activities__rollups_delete(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.tg_contact_activities__rollups_delete() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform dialbridge.apply_activity_changes((select pg_catalog.array_agg(o::public.contact_activities) from old_rows o), null);
  return null;
end
$$;

--
-- Name: tg_contact_activities__rollups_insert(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.tg_contact_activities__rollups_insert() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform dialbridge.apply_activity_changes(null, (select pg_catalog.array_agg(n::public.contact_activities) from new_rows n));
  return null;
end
$$;

--
-- Name: tg_contact_activities__rollups_update(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.tg_contact_activities__rollups_update() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform dialbridge.apply_activity_changes((select pg_catalog.array_agg(o::public.contact_activities) from old_rows o),
                                            (select pg_catalog.array_agg(n::public.contact_activities) from new_rows n));
  return null;
end
$$;

--
-- Name: tg_contacts__audit_field_changes(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.tg_contacts__audit_field_changes() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if coalesce(pg_catalog.current_setting('dialbridge.audited_by_caller', true), '') = 'on' then
    return null;
  end if;
  insert into public.contact_field_changes (contact_id, team_id, field_name, old_value, new_value, source_system,
                                            changed_by, changed_at, applied)
  select new.id, new.team_id, f.field_name, f.old_value, f.new_value, 'sourceco_platform',
         coalesce((select auth.uid())::text, 'system'), now(), true
    from (values ('phone', old.phone, new.phone),
                 ('email', old.email, new.email),
                 ('first_name', old.first_name, new.first_name),
                 ('last_name', old.last_name, new.last_name),
                 ('company', old.company, new.company),
                 ('title', old.title, new.title),
                 ('address_line1', old.address_line1, new.address_line1),
                 ('city', old.city, new.city),
                 ('state', old.state, new.state),
                 ('zip', old.zip, new.zip)) as f (field_name, old_value, new_value)
   where f.old_value is distinct from f.new_value;
  return null;
end
$$;

--
-- Name: tg_contacts__default_sourceco_id(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.tg_contacts__default_sourceco_id() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  new.sourceco_contact_id := coalesce(new.sourceco_contact_id, new.id::text);
  return new;
end
$$;

--
-- Name: tg_contacts__enqueue_phone_normalization(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.tg_contacts__enqueue_phone_normalization() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if tg_op = 'INSERT' then
    if exists (select 1 from new_rows where phone_status = 'pending') then
      perform dialbridge.enqueue_phone_normalization();
    end if;
  elsif exists (select 1 from new_rows n join old_rows o on o.id = n.id
                 where n.phone_status = 'pending'
                   and (o.phone_status is distinct from 'pending' or o.phone is distinct from n.phone)) then
    perform dialbridge.enqueue_phone_normalization();
  end if;
  return null;
end
$$;

--
-- Name: tg_contacts__keep_do_not_call(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.tg_contacts__keep_do_not_call() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if tg_op = 'UPDATE' and old.do_not_call then
    if not new.do_not_call then
      if exists (select 1 from public.suppressions s
                  where s.contact_id = old.id and s.suppression_type = 'legal' and s.lifted_at is null) then
        raise exception 'contact % is on the do-not-call list: do_not_call cannot be cleared', old.id
          using errcode = 'DB030',
                hint = 'Do-not-call is permanent. An admin may lift a legal suppression recorded in error with public.lift_suppression().';
      end if;
      new.do_not_call_reason := null;
      new.do_not_call_set_at := null;
      new.do_not_call_set_by_user_id := null;
      return new;
    end if;
    new.do_not_call_reason := coalesce(old.do_not_call_reason, new.do_not_call_reason);
    new.do_not_call_set_at := coalesce(old.do_not_call_set_at, new.do_not_call_set_at);
    new.do_not_call_set_by_user_id := coalesce(old.do_not_call_set_by_user_id, new.do_not_call_set_by_user_id);
    return new;
  end if;

  if new.do_not_call then
    new.do_not_call_reason := coalesce(new.do_not_call_reason, 'legal_requirement');
    new.do_not_call_set_at := coalesce(new.do_not_call_set_at, now());
    new.do_not_call_set_by_user_id := coalesce(new.do_not_call_set_by_user_id, (select auth.uid()));
  end if;
  return new;
end
$$;

--
-- Name: tg_contacts__keep_legal_suppressions(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.tg_contacts__keep_legal_suppressions() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  -- contacts.phone_e164 (push migrations) when present, read softly
  v_phone text := coalesce(nullif(pg_catalog.to_jsonb(old) ->> 'phone_e164', ''), dialbridge.suppression_phone(old.phone));
begin
  update public.suppressions s
     set contact_id = null,
         phone_e164 = coalesce(s.phone_e164, v_phone)
   where s.contact_id = old.id
     and s.suppression_type = 'legal'
     and s.lifted_at is null
     and coalesce(s.phone_e164, v_phone) is not null;
  return old;
end
$$;

--
-- Name: tg_contacts__move_segment_rollups(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.tg_contacts__move_segment_rollups() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_segments dialbridge.segment_delta[];
  v_new_type text; v_new_source text; v_new_industry text; v_new_state text; v_new_country text;
begin
  if tg_op = 'UPDATE' then
    v_new_type := new.contact_type; v_new_source := new.list_source; v_new_industry := new.industry;
    v_new_state := new.state; v_new_country := new.country;
  end if;
  with f as (
    select f.* from public.contact_activities a cross join lateral dialbridge.activity_facts(a) f
     where a.contact_id = old.id
  ), d as (
    select -1 as sign, f.*, s.dimension, s.value
      from f cross join lateral dialbridge.contact_segment_values(old.contact_type, old.list_source, old.industry, old.state, old.country) s
    union all
    select 1, f.*, s.dimension, s.value
      from f cross join lateral dialbridge.contact_segment_values(v_new_type, v_new_source, v_new_industry, v_new_state, v_new_country) s
  )
  select pg_catalog.array_agg(row(d.team_id, d.day, d.dimension, d.value, d.disposition_code, d.label_key,
           d.sign * d.calls, d.sign * d.connections, d.sign * d.decision_maker_conversations,
           d.sign * d.gatekeeper_conversations, d.sign * d.voicemails, d.sign * d.no_answers,
           d.sign * d.talk_time_seconds, d.sign * d.call_duration_seconds, d.sign * d.dispositioned_calls,
           d.sign * d.callbacks_scheduled)::dialbridge.segment_delta)
    into v_segments
    from d;
  perform dialbridge.upsert_segment_deltas(v_segments);
  if tg_op = 'DELETE' then
    return old;
  end if;
  return null;
end
$$;

--
-- Name: tg_contacts__phone_status(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.tg_contacts__phone_status() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if new.phone is null or pg_catalog.btrim(new.phone) = '' then
    new.phone_status := 'missing';
    new.phone_e164 := null;
    new.phone_normalized_from := new.phone;
    new.phone_normalized_at := now();
    if new.phone_number_invalid and new.phone_number_invalid_reason = 'unparseable' then
      new.phone_number_invalid := false;
      new.phone_number_invalid_reason := null;
    end if;
  elsif new.phone_normalized_from is distinct from new.phone
        or new.phone_status is null or new.phone_status in ('missing', 'pending') then
    new.phone_status := 'pending';
    new.phone_e164 := null;
  end if;
  return new;
end
$$;

--
-- Name: tg_contacts__record_do_not_call(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.tg_contacts__record_do_not_call() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if not exists (select 1 from public.suppressions s
                  where s.contact_id = new.id and s.suppression_type = 'legal' and s.lifted_at is null) then
    insert into public.suppressions (contact_id, phone_e164, team_id, suppression_type, reason, source,
                                     set_by_user_id, created_at)
    values (new.id, coalesce(nullif(pg_catalog.to_jsonb(new) ->> 'phone_e164', ''), dialbridge.suppression_phone(new.phone)),
            new.team_id, 'legal',
            coalesce(new.do_not_call_reason, 'legal_requirement'),
            case when (select auth.uid()) is null then 'system' else 'manual' end,
            new.do_not_call_set_by_user_id, coalesce(new.do_not_call_set_at, now()));
  end if;
  return null;
end
$$;

--
-- Name: tg_disposition_mappings__enqueue_rescore(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.tg_disposition_mappings__enqueue_rescore() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if pg_catalog.to_regprocedure('graphile_worker.add_job(text, json, text, timestamp with time zone, integer, text, integer, text[], text)') is not null then
    perform graphile_worker.add_job('contacts__score', pg_catalog.json_build_object('all', true),
                                    run_at := now() + interval '1 minute', job_key := 'contacts__score:all',
                                    max_attempts := 5);
  end if;
  return null;
end
$$;

--
-- Name: tg_disposition_mappings__reclassify_totals(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.tg_disposition_mappings__reclassify_totals() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform dialbridge.reclassify_totals();
  return null;
end
$$;

--
-- Name: tg_disposition_mappings__refresh_classes(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.tg_disposition_mappings__refresh_classes() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform dialbridge.refresh_disposition_classes();
  return null;
end
$$;

--
-- Name: tg_phoneburner_call_events__link_pushed_session(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.tg_phoneburner_call_events__link_pushed_session() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if new.phoneburner_session_id is not null then
    perform dialbridge.link_pushed_session(new.phoneburner_session_id, new.sourceco_contact_id,
                                           new.phoneburner_contact_id, new.phone_e164, new.phoneburner_user_id);
  end if;
  return null;
end
$$;

--
-- Name: tg_phoneburner_session_contacts__count_members(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.tg_phoneburner_session_contacts__count_members() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_old public.phoneburner_session_contacts[];
  v_new public.phoneburner_session_contacts[];
begin
  if tg_op in ('UPDATE', 'DELETE') then
    v_old := array(select r::public.phoneburner_session_contacts from old_rows r);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    v_new := array(select r::public.phoneburner_session_contacts from new_rows r);
  end if;
  with d as (
    select -1 as sign, x.session_id, x.state from unnest(v_old) x
    union all
    select 1, x.session_id, x.state from unnest(v_new) x
  ), g as (
    select d.session_id,
           sum(d.sign) as added,
           sum(d.sign) filter (where d.state in ('pending', 'dialed', 'connected')) as active,
           sum(d.sign) filter (where d.state = 'completed') as completed
      from d group by d.session_id
  ), locked as (
    select s.id from public.phoneburner_sessions s where s.id in (select g.session_id from g) order by s.id for no key update
  )
  update public.phoneburner_sessions s
     set total_contacts_added = s.total_contacts_added + g.added,
         total_contacts_active = s.total_contacts_active + coalesce(g.active, 0),
         total_contacts_completed = s.total_contacts_completed + coalesce(g.completed, 0)
    from g join locked l on l.id = g.session_id
   where s.id = g.session_id
     and (g.added <> 0 or coalesce(g.active, 0) <> 0 or coalesce(g.completed, 0) <> 0);
  return null;
end
$$;

--
-- Name: tg_suppressions__guard(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.tg_suppressions__guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_nested boolean := pg_catalog.pg_trigger_depth() > 1;
begin
  if tg_op = 'DELETE' then
    if v_nested and (old.suppression_type = 'internal' or old.lifted_at is not null or old.phone_e164 is null) then
      return old;   -- cascade from the contact's deletion
    end if;
    if old.suppression_type = 'legal' then
      raise exception 'a legal do-not-call suppression is never deleted'
        using errcode = 'DB031', hint = 'An admin may lift one recorded in error with public.lift_suppression().';
    end if;
    if old.lifted_at is null and (old.expires_at is null or old.expires_at > now()) then
      raise exception 'an active suppression is lifted with public.lift_suppression(), not deleted'
        using errcode = 'DB031';
    end if;
    return old;
  end if;

  -- UPDATE
  if v_nested then
    -- ON DELETE SET NULL of a referenced row, or the contact's deletion detaching a legal row
    if new.contact_id is distinct from old.contact_id and new.contact_id is not null then
      raise exception 'a suppression cannot move to another contact' using errcode = 'DB031';
    end if;
    if new.phone_e164 is distinct from old.phone_e164 and old.phone_e164 is not null then
      raise exception 'a suppression''s phone number cannot change' using errcode = 'DB031';
    end if;
    if (new.source_activity_id is distinct from old.source_activity_id and new.source_activity_id is not null)
       or (new.set_by_user_id is distinct from old.set_by_user_id and new.set_by_user_id is not null)
       or (new.lifted_by_user_id is distinct from old.lifted_by_user_id and new.lifted_by_user_id is not null) then
      raise exception 'only an ON DELETE action may clear a suppression''s references' using errcode = 'DB031';
    end if;
  else
    if (new.contact_id, new.phone_e164, new.source_activity_id, new.set_by_user_id)
       is distinct from (old.contact_id, old.phone_e164, old.source_activity_id, old.set_by_user_id) then
      raise exception 'a suppression''s contact, phone, source and author never change' using errcode = 'DB031';
    end if;
  end if;

  if (new.suppression_type, new.reason, new.source, new.created_at)
     is distinct from (old.suppression_type, old.reason, old.source, old.created_at) then
    raise exception 'a suppression''s kind, reason, source and start never change' using errcode = 'DB031';
  end if;

  if new.expires_at is distinct from old.expires_at then
    if old.suppression_type = 'legal' or old.lifted_at is not null or old.expires_at is null
       or (new.expires_at is not null and new.expires_at < old.expires_at) then
      raise exception 'a suppression is shortened only by lifting it with public.lift_suppression()'
        using errcode = 'DB031';
    end if;
  end if;

  if old.lifted_at is not null then
    if (new.lifted_at, new.lift_reason) is distinct from (old.lifted_at, old.lift_reason)
       or (new.lifted_by_user_id is distinct from old.lifted_by_user_id and not v_nested) then
      raise exception 'a lifted suppression is kept as it was lifted (audit)' using errcode = 'DB031';
    end if;
    return new;
  end if;

  if new.lifted_at is not null then
    if pg_catalog.length(pg_catalog.btrim(coalesce(new.lift_reason, ''))) < 10 then
      raise exception 'lifting a suppression needs a reason (at least 10 characters)' using errcode = 'DB033';
    end if;
    if (select auth.uid()) is null or new.lifted_by_user_id is distinct from (select auth.uid()) then
      raise exception 'a suppression is lifted by a signed-in user, recorded as the one lifting it'
        using errcode = 'DB032';
    end if;
    if old.suppression_type = 'legal' and not (select dialbridge.is_admin()) then
      raise exception 'only an admin may lift a legal do-not-call suppression, and only to correct a record made in error'
        using errcode = 'DB032';
    end if;
    if old.suppression_type = 'internal'
       and not ((select dialbridge.is_admin())
                or ((select dialbridge.is_manager_or_admin()) and old.team_id = (select dialbridge.current_team_id()))) then
      raise exception 'only a manager of the team or an admin may lift an internal suppression' using errcode = 'DB032';
    end if;
    new.lifted_at := now();   -- never backdated
  elsif new.lifted_by_user_id is not null or new.lift_reason is not null then
    raise exception 'lifting a suppression sets lifted_at, lifted_by_user_id and lift_reason together' using errcode = 'DB031';
  end if;
  return new;
end
$$;

--
-- Name: tg_suppressions__mark_contact_do_not_call(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.tg_suppressions__mark_contact_do_not_call() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  update public.contacts c
     set do_not_call = true,
         do_not_call_reason = new.reason,
         do_not_call_set_at = new.created_at,
         do_not_call_set_by_user_id = new.set_by_user_id
   where c.id = new.contact_id
     and not c.do_not_call;

  update public.contacts c
     set next_action_type = null, next_action_date = null, next_action_notes = null,
         next_action_assigned_to_user_id = null
   where c.id = new.contact_id
     and c.next_action_type = 'call';

  update public.tasks t
     set status = 'cancelled',
         notes = pg_catalog.concat_ws(E'\n\n', t.notes, 'Cancelled: the contact is on the do-not-call list.')
   where t.contact_id = new.contact_id
     and t.status = 'open'
     and t.task_type = 'call';
  return null;
end
$$;

--
-- Name: tg_users__create_profile(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.tg_users__create_profile() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  insert into public.profiles (id, email, display_name)
  values (new.id, new.email,
          coalesce(new.raw_user_meta_data ->> 'full_name', new.raw_user_meta_data ->> 'name', new.email))
  on conflict (id) do nothing;
  return new;
end
$$;

--
-- Name: timestamptz_or_null(text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.timestamptz_or_null(p_text text) RETURNS timestamp with time zone
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
begin
  return nullif(pg_catalog.btrim(p_text), '')::timestamptz;
exception when others then
  return null;
end
$$;

--
-- Name: upsert_segment_deltas(dialbridge.segment_delta[]); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.upsert_segment_deltas(p_deltas dialbridge.segment_delta[]) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_zero bigint[];
begin
  if coalesce(pg_catalog.cardinality(p_deltas), 0) = 0 then
    return;
  end if;
  with g as (
    select d.team_id, d.day, d.dimension, d.value, d.disposition_code, d.label_key,
           sum(d.calls)::integer as calls,
           sum(d.connections)::integer as connections,
           sum(d.decision_maker_conversations)::integer as decision_maker_conversations,
           sum(d.gatekeeper_conversations)::integer as gatekeeper_conversations,
           sum(d.voicemails)::integer as voicemails,
           sum(d.no_answers)::integer as no_answers,
           sum(d.talk_time_seconds)::bigint as talk_time_seconds,
           sum(d.call_duration_seconds)::bigint as call_duration_seconds,
           sum(d.dispositioned_calls)::integer as dispositioned_calls,
           sum(d.callbacks_scheduled)::integer as callbacks_scheduled
      from pg_catalog.unnest(p_deltas) d
     group by d.team_id, d.day, d.dimension, d.value, d.disposition_code, d.label_key
  ), up as (
    insert into dialbridge.segment_daily_stats as t (team_id, day, dimension, value, disposition_code, label_key, calls, connections, decision_maker_conversations, gatekeeper_conversations, voicemails, no_answers, talk_time_seconds, call_duration_seconds, dispositioned_calls, callbacks_scheduled)
    select g.team_id, g.day, g.dimension, g.value, g.disposition_code, g.label_key, g.calls, g.connections, g.decision_maker_conversations, g.gatekeeper_conversations, g.voicemails, g.no_answers, g.talk_time_seconds, g.call_duration_seconds, g.dispositioned_calls, g.callbacks_scheduled
      from g g
     where (g.calls <> 0 or g.connections <> 0 or g.decision_maker_conversations <> 0 or g.gatekeeper_conversations <> 0 or g.voicemails <> 0 or g.no_answers <> 0 or g.talk_time_seconds <> 0 or g.call_duration_seconds <> 0 or g.dispositioned_calls <> 0 or g.callbacks_scheduled <> 0)
     order by g.team_id, g.day, g.dimension, g.value, g.disposition_code, g.label_key
    on conflict (team_id, day, dimension, value, disposition_code, label_key) do update
       set calls = t.calls + excluded.calls,
           connections = t.connections + excluded.connections,
           decision_maker_conversations = t.decision_maker_conversations + excluded.decision_maker_conversations,
           gatekeeper_conversations = t.gatekeeper_conversations + excluded.gatekeeper_conversations,
           voicemails = t.voicemails + excluded.voicemails,
           no_answers = t.no_answers + excluded.no_answers,
           talk_time_seconds = t.talk_time_seconds + excluded.talk_time_seconds,
           call_duration_seconds = t.call_duration_seconds + excluded.call_duration_seconds,
           dispositioned_calls = t.dispositioned_calls + excluded.dispositioned_calls,
           callbacks_scheduled = t.callbacks_scheduled + excluded.callbacks_scheduled,
           updated_at = now()
    returning t.id, t.calls, t.connections, t.decision_maker_conversations, t.gatekeeper_conversations, t.voicemails, t.no_answers, t.talk_time_seconds, t.call_duration_seconds, t.dispositioned_calls, t.callbacks_scheduled
  )
  select coalesce(pg_catalog.array_agg(up.id), '{}') into v_zero from up where up.calls = 0 and up.connections = 0 and up.decision_maker_conversations = 0 and up.gatekeeper_conversations = 0 and up.voicemails = 0 and up.no_answers = 0 and up.talk_time_seconds = 0 and up.call_duration_seconds = 0 and up.dispositioned_calls = 0 and up.callbacks_scheduled = 0;
  if pg_catalog.cardinality(v_zero) > 0 then
    delete from dialbridge.segment_daily_stats s where s.id = any (v_zero);
  end if;
end
$$;

--
-- Name: valid_time_zone(text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.valid_time_zone(p_time_zone text) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
begin
  if p_time_zone is null or pg_catalog.btrim(p_time_zone) = '' then
    return dialbridge.report_time_zone();
  end if;
  perform now() at time zone pg_catalog.btrim(p_time_zone);
  return pg_catalog.btrim(p_time_zone);
exception when invalid_parameter_value then
  return dialbridge.report_time_zone();
end
$$;

--
-- Name: validate_contact_filter(jsonb, boolean); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.validate_contact_filter(p_filter jsonb, p_allow_segment boolean DEFAULT true) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $_$
declare
  v_key text;
  v_value jsonb;
  v_type text;
begin
  if p_filter is null then
    return true;
  end if;
  if pg_catalog.jsonb_typeof(p_filter) <> 'object' then
    raise exception 'the filter must be a JSON object' using errcode = 'DB040';
  end if;
  for v_key, v_value in select * from pg_catalog.jsonb_each(p_filter) loop
    v_type := pg_catalog.jsonb_typeof(v_value);
    if v_type = 'null' then
      continue;
    end if;
    case v_key
      when 'contact_type' then
        if v_type <> 'string' or v_value #>> '{}' not in ('buyer', 'seller') then
          raise exception 'filter contact_type must be "buyer" or "seller"' using errcode = 'DB040';
        end if;
      when 'buyer_type', 'industry', 'state', 'geography', 'deal_id', 'deal_status' then
        if not (v_type = 'string' or (v_type = 'array' and not exists (
                  select 1 from pg_catalog.jsonb_array_elements(v_value) e where pg_catalog.jsonb_typeof(e) <> 'string'))) then
          raise exception 'filter % must be a string or an array of strings', v_key using errcode = 'DB040';
        end if;
      when 'engagement_min', 'engagement_max' then
        if v_type <> 'number' or (v_value #>> '{}')::numeric not between 0 and 100 then
          raise exception 'filter % must be a number from 0 to 100', v_key using errcode = 'DB040';
        end if;
      when 'last_contact_older_than_days', 'last_contact_within_days', 'created_within_days' then
        if v_type <> 'number' or (v_value #>> '{}')::numeric <> pg_catalog.trunc((v_value #>> '{}')::numeric)
           or (v_value #>> '{}')::numeric not between 0 and 36500 then
          raise exception 'filter % must be a whole number of days', v_key using errcode = 'DB040';
        end if;
      when 'never_contacted', 'dialable_only' then
        if v_type <> 'boolean' then
          raise exception 'filter % must be true or false', v_key using errcode = 'DB040';
        end if;
      when 'owner_id' then
        if v_type <> 'string' or v_value #>> '{}' !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
          raise exception 'filter owner_id must be a uuid' using errcode = 'DB040';
        end if;
      when 'segment_id' then
        if not p_allow_segment then
          raise exception 'a saved segment cannot refer to another segment' using errcode = 'DB040';
        end if;
        if not ((v_type = 'string' and v_value #>> '{}' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')
                or (v_type = 'array' and pg_catalog.jsonb_array_length(v_value) > 0 and not exists (
                  select 1 from pg_catalog.jsonb_array_elements(v_value) e
                   where pg_catalog.jsonb_typeof(e) <> 'string'
                      or e #>> '{}' !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'))) then
          raise exception 'filter segment_id must be a uuid or an array of uuids' using errcode = 'DB040';
        end if;
      when 'next_action_due_by' then
        if v_type <> 'string' or v_value #>> '{}' !~ '^\d{4}-\d{2}-\d{2}$' then
          raise exception 'filter next_action_due_by must be a date (YYYY-MM-DD)' using errcode = 'DB040';
        end if;
      when 'search' then
        if v_type <> 'string' or pg_catalog.length(v_value #>> '{}') > 200 then
          raise exception 'filter search must be a string of at most 200 characters' using errcode = 'DB040';
        end if;
      else
        raise exception 'unknown filter key "%"', v_key using errcode = 'DB040',
          hint = 'contact_type, buyer_type, industry, state, geography, engagement_min, engagement_max, last_contact_older_than_days, last_contact_within_days, never_contacted, created_within_days, deal_id, deal_status, segment_id, owner_id, next_action_due_by, search, dialable_only';
    end case;
  end loop;
  return true;
end
$_$;

--
-- Name: validate_push_options(jsonb); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.validate_push_options(p_options jsonb) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $_$
declare
  v_key text;
  v_value jsonb;
  v_type text;
begin
  if p_options is null then
    return true;
  end if;
  if pg_catalog.jsonb_typeof(p_options) <> 'object' then
    raise exception 'push options must be a JSON object' using errcode = 'DB040';
  end if;
  for v_key, v_value in select * from pg_catalog.jsonb_each(p_options) loop
    v_type := pg_catalog.jsonb_typeof(v_value);
    if v_type = 'null' then
      continue;
    end if;
    case v_key
      when 'skip_recently_contacted', 'update_existing', 'skip_duplicates', 'auto_start' then
        if v_type <> 'boolean' then
          raise exception 'option % must be true or false', v_key using errcode = 'DB040';
        end if;
      when 'skip_recent_days' then
        if v_type <> 'number' or (v_value #>> '{}')::numeric <> pg_catalog.trunc((v_value #>> '{}')::numeric)
           or (v_value #>> '{}')::numeric not between 0 and 365 then
          raise exception 'option skip_recent_days must be a whole number from 0 to 365' using errcode = 'DB040';
        end if;
      when 'detail_limit' then
        if v_type <> 'number' or (v_value #>> '{}')::numeric not between 0 and 10000 then
          raise exception 'option detail_limit must be a number from 0 to 10000' using errcode = 'DB040';
        end if;
      when 'batch_size' then
        if v_type <> 'number' or (v_value #>> '{}')::numeric <> pg_catalog.trunc((v_value #>> '{}')::numeric)
           or (v_value #>> '{}')::numeric not between 1 and 500 then
          raise exception 'option batch_size must be a whole number from 1 to 500' using errcode = 'DB040';
        end if;
      when 'target_session_id' then
        if v_type <> 'string' or v_value #>> '{}' !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
          raise exception 'option target_session_id must be a uuid' using errcode = 'DB040';
        end if;
      when 'session_name' then
        if v_type <> 'string' or pg_catalog.length(v_value #>> '{}') > 255 then
          raise exception 'option session_name must be a string of at most 255 characters' using errcode = 'DB040';
        end if;
      when 'api_style' then
        if v_type <> 'string' or v_value #>> '{}' not in ('dialsession', 'seed') then
          raise exception 'option api_style must be "dialsession" or "seed"' using errcode = 'DB040';
        end if;
      when 'overrides' then
        if v_type <> 'array' or exists (
             select 1 from pg_catalog.jsonb_array_elements(v_value) e
              where pg_catalog.jsonb_typeof(e) <> 'object'
                 or coalesce(e ->> 'contact_id', '') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                 or exists (select 1 from pg_catalog.jsonb_object_keys(e) k where k not in ('contact_id', 'reason'))
                 or (e ? 'reason' and pg_catalog.jsonb_typeof(e -> 'reason') not in ('string', 'null'))) then
          raise exception 'option overrides must be an array of {contact_id, reason}' using errcode = 'DB040';
        end if;
      else
        raise exception 'unknown push option "%"', v_key using errcode = 'DB040',
          hint = 'skip_recently_contacted, skip_recent_days, update_existing, skip_duplicates, auto_start, target_session_id, overrides, detail_limit, session_name, api_style, batch_size';
    end case;
  end loop;
  return true;
end
$_$;

--
-- Name: calculate_contact_engagement_score(uuid, timestamp with time zone); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.calculate_contact_engagement_score(p_contact_id uuid, p_as_of timestamp with time zone DEFAULT now()) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_breakdown jsonb;
  v_best jsonb;
  v_score integer;
begin
  v_breakdown := dialbridge.engagement_score_breakdown(p_contact_id, p_as_of);
  v_best := dialbridge.best_call_time(p_contact_id, p_as_of);
  v_score := (v_breakdown ->> 'score')::integer;

  insert into dialbridge.contact_scores as s (contact_id, team_id, score, breakdown, best_call_time, as_of, computed_at)
  select c.id, c.team_id, v_score, v_breakdown, v_best, p_as_of, now()
    from public.contacts c where c.id = p_contact_id
  on conflict (contact_id) do update
     set team_id = excluded.team_id, score = excluded.score, breakdown = excluded.breakdown,
         best_call_time = excluded.best_call_time, as_of = excluded.as_of, computed_at = excluded.computed_at;

  update public.contacts c
     set call_engagement_score = v_score,
         days_since_last_engaged_call = (v_breakdown #>> '{recency,days_since_last_engaged_call}')::integer,
         best_call_day_of_week = (v_best ->> 'day_of_week')::integer,
         best_call_time_of_day = (v_best ->> 'time_of_day')::time
   where c.id = p_contact_id
     and (c.call_engagement_score, c.days_since_last_engaged_call, c.best_call_day_of_week, c.best_call_time_of_day)
         is distinct from (v_score, (v_breakdown #>> '{recency,days_since_last_engaged_call}')::integer,
                           (v_best ->> 'day_of_week')::integer, (v_best ->> 'time_of_day')::time);
  return v_score;
end
$$;

--
-- Name: FUNCTION calculate_contact_engagement_score(p_contact_id uuid, p_as_of timestamp with time zone); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.calculate_contact_engagement_score(p_contact_id uuid, p_as_of timestamp with time zone) IS 'Engagement score 0–100 of a contact as of a time (seed 000, corrected); stores it with its explanation in reports.contact_engagement.';

--
-- Name: contact_dialability(uuid[], timestamp with time zone); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.contact_dialability(p_contact_ids uuid[], as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(contact_id uuid, is_dialable boolean, blocked_reason text, blocked_label text, detail text)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select c.id,
         b.block is null and c.phone_status in ('valid', 'pending') and not c.phone_number_invalid,
         coalesce(b.block, case when c.phone_status = 'invalid' or c.phone_number_invalid then 'invalid_phone'
                                when c.phone_status = 'missing' or c.phone_status is null then 'missing_phone' end),
         dialbridge.push_reason_label(coalesce(b.block, case when c.phone_status = 'invalid' or c.phone_number_invalid then 'invalid_phone'
                                when c.phone_status = 'missing' or c.phone_status is null then 'missing_phone' end)),
         coalesce(b.detail || coalesce(' (until ' || pg_catalog.to_char(b.blocked_until at time zone 'UTC', 'YYYY-MM-DD') || ')', ''),
                  case when c.phone_status = 'invalid' then 'Number cannot be read as a phone number'
                       when c.phone_number_invalid then 'Flagged: ' || coalesce(pg_catalog.lower(dialbridge.humanize_reason(c.phone_number_invalid_reason)), 'known bad number')
                       when c.phone_status = 'missing' or c.phone_status is null then 'No phone number' end)
    from public.contacts c
    left join dialbridge.push_blocks(p_contact_ids, as_of) b on b.contact_id = c.id
   where c.id = any (p_contact_ids)
$$;

--
-- Name: count_dialable(jsonb, uuid[], timestamp with time zone); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.count_dialable(p_filter jsonb DEFAULT NULL::jsonb, p_contact_ids uuid[] DEFAULT NULL::uuid[], as_of timestamp with time zone DEFAULT now()) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  v_ids uuid[];
  v_total integer;
  v_dialable integer;
begin
  if auth.uid() is null then
    raise exception 'sign in to count contacts' using errcode = 'DB042';
  end if;
  v_ids := case when p_contact_ids is not null and pg_catalog.cardinality(p_contact_ids) > 0 then p_contact_ids
                else array(select dialbridge.contacts_matching(coalesce(p_filter, '{}'::jsonb) - 'dialable_only', as_of)) end;
  select pg_catalog.count(*), pg_catalog.count(*) filter (where d.is_dialable)
    into v_total, v_dialable
    from public.contact_dialability(v_ids, as_of) d;
  return pg_catalog.jsonb_build_object('dialable', v_dialable, 'total', v_total,
                                       'label', v_dialable || ' dialable / ' || v_total || ' total');
end
$$;

--
-- Name: suppressions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.suppressions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    contact_id uuid,
    phone_e164 text,
    team_id uuid,
    suppression_type text NOT NULL,
    reason text NOT NULL,
    source text DEFAULT 'manual'::text NOT NULL,
    source_activity_id uuid,
    set_by_user_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone,
    lifted_at timestamp with time zone,
    lifted_by_user_id uuid,
    lift_reason text,
    CONSTRAINT suppressions_expiry_after_start_check CHECK (((expires_at IS NULL) OR (expires_at > created_at))),
    CONSTRAINT suppressions_legal_never_expires_check CHECK (((suppression_type <> 'legal'::text) OR (expires_at IS NULL))),
    CONSTRAINT suppressions_lift_audited_check CHECK (((lifted_at IS NULL) = (lift_reason IS NULL))),
    CONSTRAINT suppressions_source_check CHECK ((source = ANY (ARRAY['disposition'::text, 'manual'::text, 'import'::text, 'sync'::text, 'system'::text]))),
    CONSTRAINT suppressions_target_check CHECK (((contact_id IS NOT NULL) OR (phone_e164 IS NOT NULL))),
    CONSTRAINT suppressions_type_check CHECK ((suppression_type = ANY (ARRAY['legal'::text, 'internal'::text])))
);

--
-- Name: TABLE suppressions; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.suppressions IS 'Do-not-call and other suppressions by contact and/or phone. Legal ones are permanent and never overridable; lifting is an audited admin action.';

--
-- Name: COLUMN suppressions.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.suppressions.id IS 'Suppression id (uuid).';

--
-- Name: COLUMN suppressions.contact_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.suppressions.contact_id IS 'Suppressed contact.';

--
-- Name: COLUMN suppressions.phone_e164; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.suppressions.phone_e164 IS 'Suppressed phone number (E.164), whichever contact carries it.';

--
-- Name: COLUMN suppressions.team_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.suppressions.team_id IS 'Team of the contact (null: global number suppression).';

--
-- Name: COLUMN suppressions.suppression_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.suppressions.suppression_type IS 'legal (do-not-call request or legal list: never overridable) or internal (policy, e.g. not interested for 365 days).';

--
-- Name: COLUMN suppressions.reason; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.suppressions.reason IS 'Why: user_requested, not_interested, wrong_number, legal_requirement, …';

--
-- Name: COLUMN suppressions.source; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.suppressions.source IS 'disposition, manual, import, sync or system.';

--
-- Name: COLUMN suppressions.source_activity_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.suppressions.source_activity_id IS 'Call whose disposition created the suppression.';

--
-- Name: COLUMN suppressions.set_by_user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.suppressions.set_by_user_id IS 'Who set it (the rep on the call, for dispositions).';

--
-- Name: COLUMN suppressions.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.suppressions.created_at IS 'When the suppression was recorded (it applies from then).';

--
-- Name: COLUMN suppressions.expires_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.suppressions.expires_at IS 'When an internal suppression ends (null: permanent).';

--
-- Name: COLUMN suppressions.lifted_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.suppressions.lifted_at IS 'When an authorised person lifted it.';

--
-- Name: COLUMN suppressions.lifted_by_user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.suppressions.lifted_by_user_id IS 'Who lifted it.';

--
-- Name: COLUMN suppressions.lift_reason; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.suppressions.lift_reason IS 'Why it was lifted (required to lift).';

--
-- Name: lift_suppression(uuid, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.lift_suppression(p_suppression_id uuid, p_reason text) RETURNS public.suppressions
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v public.suppressions;
begin
  if (select auth.uid()) is null then
    raise exception 'sign in to lift a suppression' using errcode = 'DB032';
  end if;
  if pg_catalog.length(pg_catalog.btrim(coalesce(p_reason, ''))) < 10 then
    raise exception 'lifting a suppression needs a reason (at least 10 characters)' using errcode = 'DB033';
  end if;
  select * into v from public.suppressions s where s.id = p_suppression_id for update;
  if not found or not (v.team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin())) then
    raise exception 'suppression % not found', p_suppression_id using errcode = 'DB034';
  end if;
  if v.lifted_at is not null or (v.expires_at is not null and v.expires_at <= now()) then
    raise exception 'suppression % is not active (already lifted or expired)', p_suppression_id using errcode = 'DB035';
  end if;
  -- the guard trigger checks the role again, so direct updates follow the same rules
  update public.suppressions s
     set lifted_at = now(), lifted_by_user_id = (select auth.uid()), lift_reason = pg_catalog.btrim(p_reason)
   where s.id = v.id
  returning * into v;

  if v.suppression_type = 'legal' and v.contact_id is not null then
    update public.contacts c
       set do_not_call = false
     where c.id = v.contact_id
       and c.do_not_call
       and not exists (select 1 from public.suppressions s
                        where s.contact_id = v.contact_id and s.suppression_type = 'legal' and s.lifted_at is null);
  end if;
  return v;
end
$$;

--
-- Name: link_unmatched_activity(uuid, uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.link_unmatched_activity(p_activity_id uuid, p_contact_id uuid) RETURNS SETOF public.contact_activities
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_activity public.contact_activities;
  v_contact public.contacts;
  v_keys text[];
  v_row public.contact_activities;
  v_ids uuid[] := '{}';
  v_service boolean := coalesce(auth.role(), '') = 'service_role';
begin
  if not v_service and auth.uid() is null then
    raise exception 'sign in to link an activity' using errcode = 'DB062';
  end if;
  select * into v_activity from public.contact_activities a where a.id = p_activity_id;
  select * into v_contact from public.contacts c where c.id = p_contact_id;
  if v_activity.id is null or v_contact.id is null
     or not (v_service or dialbridge.is_admin()
             or v_activity.team_id is not distinct from dialbridge.current_team_id()) then
    raise exception 'activity or contact not found' using errcode = 'DB063';
  end if;
  if not (v_service or dialbridge.is_admin()
          or (dialbridge.current_team_id() is not null
              and v_activity.team_id = dialbridge.current_team_id()
              and v_contact.team_id = dialbridge.current_team_id())) then
    raise exception 'only a rep of the activity''s team can link it, to a contact of that team' using errcode = 'DB065';
  end if;
  if v_activity.matching_status <> 'unmatched' then
    raise exception 'the activity is already linked to a contact' using errcode = 'DB064';
  end if;

  v_keys := case
    when v_activity.dedupe_key like 'phoneburner:call:%'
      then array[v_activity.dedupe_key, dialbridge.phoneburner_callback_key(v_activity.dedupe_key)]
    when v_activity.dedupe_key like 'phoneburner:callback:%'
      then array[v_activity.dedupe_key, 'phoneburner:call:' || pg_catalog.substr(v_activity.dedupe_key, 22)]
    else array[]::text[] end;

  for v_row in
    update public.contact_activities a
       set contact_id = p_contact_id,
           matching_status = 'manually_linked',
           team_id = coalesce(v_contact.team_id, a.team_id)
     where (a.id = p_activity_id or a.dedupe_key = any (v_keys)) and a.matching_status = 'unmatched'
    returning a.*
  loop
    v_ids := v_ids || v_row.id;
  end loop;

  -- effects that waited for a contact, in a fixed order (the call before its callback)
  for v_row in select * from public.contact_activities a where a.id = any (v_ids) order by a.dedupe_key nulls last, a.id loop
    if v_row.activity_type = 'callback_scheduled' then
      perform dialbridge.apply_callback(v_row.id);
    elsif v_row.activity_type = 'contact_updated' then
      perform dialbridge.apply_contact_changes(v_row.id);
    elsif coalesce(v_row.disposition_code, v_row.disposition_label) is not null then
      perform dialbridge.apply_disposition(v_row.id);
    end if;
  end loop;

  return query select * from public.contact_activities a where a.id = any (v_ids) order by a.dedupe_key nulls last, a.id;
end
$$;

--
-- Name: FUNCTION link_unmatched_activity(p_activity_id uuid, p_contact_id uuid); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.link_unmatched_activity(p_activity_id uuid, p_contact_id uuid) IS 'Links an unmatched call (with its callback) or contact change to a contact: statistics move to the contact and pending effects apply. Admins, or reps of the activity''s team for a contact of that team.';

--
-- Name: preview_push(uuid[], jsonb, jsonb, timestamp with time zone); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.preview_push(p_contact_ids uuid[] DEFAULT NULL::uuid[], p_filter jsonb DEFAULT NULL::jsonb, p_options jsonb DEFAULT '{}'::jsonb, as_of timestamp with time zone DEFAULT now()) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  v_ids uuid[];
  v_limit integer := coalesce((p_options ->> 'detail_limit')::integer, 100);
  v_minutes numeric;
  v_result jsonb;
begin
  if auth.uid() is null then
    raise exception 'sign in to preview a push' using errcode = 'DB042';
  end if;
  perform dialbridge.validate_contact_filter(p_filter);
  perform dialbridge.validate_push_options(p_options);
  v_ids := dialbridge.resolve_push_selection(p_contact_ids, p_filter, as_of);
  select coalesce(ps.minutes_per_contact, 2.5) into v_minutes
    from (select 1) one left join public.push_settings ps on ps.team_id = dialbridge.current_team_id();

  with cand as (
    select * from dialbridge.push_candidates(v_ids, p_options, as_of, false)
  ), groups as (
    select c.reason, pg_catalog.count(*) as n,
           pg_catalog.bool_and(c.is_overridable) as all_overridable,
           pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
             'contact_id', c.contact_id, 'name', c.display_name, 'company', c.company, 'detail', c.detail,
             'is_overridable', c.is_overridable, 'blocked_until', c.blocked_until,
             'override_refused', c.override_refused) order by c.ord)
             filter (where c.rn <= v_limit) as contacts
      from (select cand.*, pg_catalog.row_number() over (partition by cand.reason order by cand.ord) as rn
              from cand where cand.status = 'excluded') c
     group by c.reason
  ), warns as (
    select w.warning, pg_catalog.count(*) as n,
           pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('contact_id', w.contact_id, 'name', w.display_name,
             'company', w.company) order by w.ord) filter (where w.rn <= v_limit) as contacts
      from (select cand.*, x.warning, pg_catalog.row_number() over (partition by x.warning order by cand.ord) as rn
              from cand, pg_catalog.unnest(cand.warnings) x(warning) where cand.status = 'ready') w
     group by w.warning
  ), outside as (
    select pg_catalog.count(*) as n,
           pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('contact_id', o.contact_id, 'name', o.display_name,
             'company', o.company, 'local_time', o.local_time, 'time_zone', o.time_zone) order by o.ord)
             filter (where o.rn <= v_limit) as contacts
      from (select cand.*, pg_catalog.row_number() over (order by cand.ord) as rn
              from cand where cand.status = 'ready' and cand.is_outside_calling_hours) o
  ), totals as (
    select pg_catalog.count(*) as total,
           pg_catalog.count(*) filter (where cand.status = 'ready') as ready,
           pg_catalog.count(*) filter (where cand.status = 'excluded') as excluded,
           pg_catalog.count(*) filter (where cand.is_overridden) as overridden,
           pg_catalog.count(*) filter (where cand.status = 'ready' or cand.reason not in
             ('legal_dnc', 'internal_dnc', 'suppressed', 'invalid_phone', 'missing_phone')) as dialable,
           pg_catalog.count(*) filter (where cand.status = 'ready' and cand.action = 'update') as updates
      from cand
  )
  select pg_catalog.jsonb_build_object(
      'total', t.total,
      'ready_count', t.ready,
      'excluded_count', t.excluded,
      'overridden_count', t.overridden,
      'update_count', t.updates,
      'dialable_count', t.dialable,
      'dialable_label', t.dialable || ' dialable / ' || t.total || ' total',
      'excluded', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                     'reason', g.reason, 'label', dialbridge.push_reason_label(g.reason), 'count', g.n,
                     'is_overridable', coalesce(g.all_overridable, false),
                     'contacts', coalesce(g.contacts, '[]'::jsonb), 'more', g.n - least(g.n, v_limit))
                   order by dialbridge.push_reason_rank(g.reason)) from groups g), '[]'::jsonb),
      'warnings', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                     'warning', w.warning, 'label', dialbridge.push_reason_label(w.warning), 'count', w.n,
                     'contacts', coalesce(w.contacts, '[]'::jsonb), 'more', w.n - least(w.n, v_limit))
                   order by w.warning) from warns w), '[]'::jsonb),
      'outside_calling_hours', (select pg_catalog.jsonb_build_object('count', o.n,
                     'contacts', coalesce(o.contacts, '[]'::jsonb), 'more', o.n - least(o.n, v_limit))
                   from outside o),
      'estimated_dial_minutes', pg_catalog.round(t.ready * v_minutes, 1),
      'estimated_dial_time', dialbridge.dial_time_text(t.ready * v_minutes),
      'suggested_session_name', coalesce(nullif(p_options ->> 'session_name', ''),
                                          dialbridge.suggest_session_name(
                                            coalesce(nullif(array(select cand.contact_id from cand where cand.status = 'ready'), '{}'), v_ids),
                                            p_filter, as_of)),
      'as_of', as_of)
    || dialbridge.session_suggestions(dialbridge.push_fingerprint(p_contact_ids, p_filter), as_of)
    into v_result
    from totals t;
  return v_result;
end
$$;

--
-- Name: reapply_dispositions(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.reapply_dispositions(p_code text DEFAULT NULL::text) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if not (select dialbridge.is_admin()) then
    raise exception 'only admins re-apply disposition mappings' using errcode = 'DB036';
  end if;
  return dialbridge.reapply_dispositions(p_code);
end
$$;

--
-- Name: export_csv(text, jsonb, text, integer); Type: FUNCTION; Schema: reports; Owner: -
--

CREATE FUNCTION reports.export_csv(p_report text, p_filters jsonb DEFAULT '{}'::jsonb, p_order_by text DEFAULT NULL::text, p_limit integer DEFAULT 100000) RETURNS reports."text/csv"
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $_$
declare
  v_view oid;
  v_columns text[];
  v_types text[];
  v_is_text boolean[];
  v_where text[] := '{}';
  v_order text[] := '{}';
  v_key text;
  v_value jsonb;
  v_op text;
  v_arg jsonb;
  v_idx integer;
  v_item text;
  v_parts text[];
  v_header text;
  v_line text;
  v_sql text;
  v_body text;
  v_ops constant jsonb := '{"eq": "=", "neq": "<>", "gt": ">", "gte": ">=", "lt": "<", "lte": "<="}';
begin
  select c.oid into v_view
    from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'reports' and c.relkind = 'v' and c.relname = p_report;
  if v_view is null then
    raise exception 'unknown report: %', coalesce(p_report, '(null)')
      using errcode = 'DB050', hint = 'A view of the reports schema, e.g. rep_performance_daily.';
  end if;

  select pg_catalog.array_agg(a.attname::text order by a.attnum),
         pg_catalog.array_agg(pg_catalog.format_type(a.atttypid, a.atttypmod) order by a.attnum),
         pg_catalog.array_agg(t.typcategory = 'S' order by a.attnum)
    into v_columns, v_types, v_is_text
    from pg_catalog.pg_attribute a join pg_catalog.pg_type t on t.oid = a.atttypid
   where a.attrelid = v_view and a.attnum > 0 and not a.attisdropped;

  -- filters
  if p_filters is not null and pg_catalog.jsonb_typeof(p_filters) <> 'object' then
    raise exception 'p_filters must be a JSON object' using errcode = 'DB051';
  end if;
  for v_key, v_value in select f.key, f.value from pg_catalog.jsonb_each(coalesce(p_filters, '{}'::jsonb)) f loop
    v_idx := pg_catalog.array_position(v_columns, v_key);
    if v_idx is null then
      raise exception 'unknown column % in report %', v_key, p_report using errcode = 'DB051';
    end if;
    if pg_catalog.jsonb_typeof(v_value) = 'null' then
      v_where := v_where || pg_catalog.format('%I is null', v_key);
    elsif pg_catalog.jsonb_typeof(v_value) in ('string', 'number', 'boolean') then
      v_where := v_where || pg_catalog.format('%I = %L::%s', v_key, v_value #>> '{}', v_types[v_idx]);
    elsif pg_catalog.jsonb_typeof(v_value) = 'object' then
      for v_op, v_arg in select o.key, o.value from pg_catalog.jsonb_each(v_value) o loop
        if v_ops ? v_op then
          if pg_catalog.jsonb_typeof(v_arg) not in ('string', 'number', 'boolean') then
            raise exception 'filter %.% needs a value', v_key, v_op using errcode = 'DB051';
          end if;
          v_where := v_where || pg_catalog.format('%I %s %L::%s', v_key, v_ops ->> v_op, v_arg #>> '{}', v_types[v_idx]);
        elsif v_op = 'in' then
          if pg_catalog.jsonb_typeof(v_arg) <> 'array' then
            raise exception 'filter %.in needs an array', v_key using errcode = 'DB051';
          end if;
          v_where := v_where || pg_catalog.format('%I = any (%L::%s[])', v_key,
            (select coalesce(pg_catalog.array_agg(e #>> '{}'), '{}') from pg_catalog.jsonb_array_elements(v_arg) e)::text,
            v_types[v_idx]);
        elsif v_op = 'is_null' then
          if pg_catalog.jsonb_typeof(v_arg) <> 'boolean' then
            raise exception 'filter %.is_null needs true or false', v_key using errcode = 'DB051';
          end if;
          v_where := v_where || pg_catalog.format('%I is %s null', v_key, case when (v_arg #>> '{}')::boolean then '' else 'not' end);
        else
          raise exception 'unknown filter operator % (use eq, neq, gt, gte, lt, lte, in, is_null)', v_op using errcode = 'DB051';
        end if;
      end loop;
    else
      raise exception 'filter % must be a value or an object of operators', v_key using errcode = 'DB051';
    end if;
  end loop;

  -- order
  if p_order_by is not null and pg_catalog.btrim(p_order_by) <> '' then
    foreach v_item in array pg_catalog.string_to_array(p_order_by, ',') loop
      v_parts := pg_catalog.regexp_match(pg_catalog.btrim(v_item), '^([a-z_][a-z0-9_]*)(?:\s+(asc|desc))?$', 'i');
      if v_parts is null or pg_catalog.array_position(v_columns, pg_catalog.lower(v_parts[1])) is null then
        raise exception 'cannot order report % by "%"', p_report, pg_catalog.btrim(v_item) using errcode = 'DB051';
      end if;
      v_order := v_order || pg_catalog.format('%I %s nulls last', pg_catalog.lower(v_parts[1]), coalesce(pg_catalog.lower(v_parts[2]), 'asc'));
    end loop;
  end if;

  if p_limit is null or p_limit < 1 or p_limit > 1000000 then
    raise exception 'p_limit must be between 1 and 1000000' using errcode = 'DB051';
  end if;

  select pg_catalog.string_agg(dialbridge.csv_field(c, false), ',' order by i) into v_header
    from pg_catalog.unnest(v_columns) with ordinality as u(c, i);
  select pg_catalog.string_agg(pg_catalog.format('dialbridge.csv_field(v.%I::text, %L)', c, t), $q$ || ',' || $q$ order by i)
    into v_line
    from rows from (pg_catalog.unnest(v_columns), pg_catalog.unnest(v_is_text)) with ordinality as u(c, t, i);

  v_sql := pg_catalog.format(
    'select pg_catalog.string_agg(%s, E''\r\n''%s) from (select * from reports.%I%s%s limit %s) v',
    v_line,
    case when pg_catalog.cardinality(v_order) > 0
         then ' order by ' || pg_catalog.array_to_string((select pg_catalog.array_agg('v.' || o) from pg_catalog.unnest(v_order) o), ', ')
         else '' end,
    p_report,
    case when pg_catalog.cardinality(v_where) > 0 then ' where ' || pg_catalog.array_to_string(v_where, ' and ') else '' end,
    case when pg_catalog.cardinality(v_order) > 0 then ' order by ' || pg_catalog.array_to_string(v_order, ', ') else '' end,
    p_limit);
  execute v_sql into v_body;
  return v_header || E'\r\n' || coalesce(v_body || E'\r\n', '');
end
$_$;

--
-- Name: FUNCTION export_csv(p_report text, p_filters jsonb, p_order_by text, p_limit integer); Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON FUNCTION reports.export_csv(p_report text, p_filters jsonb, p_order_by text, p_limit integer) IS 'Any reports view as CSV, filtered, ordered and limited, under the caller''s row-level security. RPC: rpc/export_csv with Accept: text/csv.';

--
-- Name: rep_scorecard(date, date); Type: FUNCTION; Schema: reports; Owner: -
--

CREATE FUNCTION reports.rep_scorecard(p_from date, p_to date) RETURNS TABLE(team_id uuid, team_name text, rep_id uuid, rep_name text, dials integer, connections integer, connection_rate_pct numeric, talk_time_seconds bigint, talk_time_hours numeric, avg_talk_time_seconds integer, avg_talk_time text, decision_maker_conversations integer, voicemails integer, qualified integer, nurture integer, disqualified integer, meetings integer, callbacks_scheduled integer, qualification_rate_pct numeric, disposition_coverage_pct numeric, rank_by_connections bigint)
    LANGUAGE sql STABLE
    SET search_path TO ''
    BEGIN ATOMIC
 WITH s AS (
          SELECT r.team_id,
             r.user_id,
             (sum(r.calls))::integer AS dials,
             (sum(r.connections))::integer AS connections,
             (sum(r.talk_time_seconds))::bigint AS talk,
             (sum(r.decision_maker_conversations))::integer AS dm,
             (sum(r.voicemails))::integer AS vm,
             (COALESCE(sum(r.qualified), (0)::bigint))::integer AS qualified,
             (COALESCE(sum(r.nurture), (0)::bigint))::integer AS nurture,
             (COALESCE(sum(r.disqualified), (0)::bigint))::integer AS disqualified,
             (COALESCE(sum(r.meetings), (0)::bigint))::integer AS meetings,
             (sum(r.callbacks_scheduled))::integer AS callbacks,
             (sum(r.dispositioned_calls))::integer AS dispositioned
            FROM dialbridge.rep_day_totals r
           WHERE (((r.day >= rep_scorecard.p_from) AND (r.day <= rep_scorecard.p_to)) AND (r.user_id IS NOT NULL))
           GROUP BY r.team_id, r.user_id
         )
  SELECT s.team_id,
     t.name,
     s.user_id,
     COALESCE(p.display_name, p.email, 'Unknown rep'::text) AS "coalesce",
     s.dials,
     s.connections,
     round(((100.0 * (s.connections)::numeric) / (NULLIF(s.dials, 0))::numeric), 1) AS round,
     s.talk,
     round(((s.talk)::numeric / 3600.0), 2) AS round,
     (round(((s.talk)::numeric / (NULLIF(s.connections, 0))::numeric)))::integer AS round,
     dialbridge.format_mmss(((s.talk)::numeric / (NULLIF(s.connections, 0))::numeric)) AS format_mmss,
     s.dm,
     s.vm,
     s.qualified,
     s.nurture,
     s.disqualified,
     s.meetings,
     s.callbacks,
     round(((100.0 * (s.qualified)::numeric) / (NULLIF(s.connections, 0))::numeric), 1) AS round,
     round(((100.0 * (s.dispositioned)::numeric) / (NULLIF(s.dials, 0))::numeric), 1) AS round,
     rank() OVER (ORDER BY s.connections DESC) AS rank
    FROM ((s
      LEFT JOIN dialbridge.report_profiles p ON ((p.id = s.user_id)))
      LEFT JOIN dialbridge.report_teams t ON ((t.id = s.team_id)))
   ORDER BY s.connections DESC, COALESCE(p.display_name, p.email, 'Unknown rep'::text);
END;

--
-- Name: FUNCTION rep_scorecard(p_from date, p_to date); Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON FUNCTION reports.rep_scorecard(p_from date, p_to date) IS 'Rep scorecard between two report days (inclusive), ranked by connections. RPC: rpc/rep_scorecard {p_from, p_to}.';

--
-- Name: call_hour_stats; Type: TABLE; Schema: dialbridge; Owner: -
--

CREATE TABLE dialbridge.call_hour_stats (
    contact_type text NOT NULL,
    industry text NOT NULL,
    day_of_week integer NOT NULL,
    hour integer NOT NULL,
    calls integer NOT NULL,
    connections integer NOT NULL,
    refreshed_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT call_hour_stats_bucket_check CHECK ((((day_of_week >= 1) AND (day_of_week <= 7)) AND ((hour >= 0) AND (hour <= 23)) AND ((connections >= 0) AND (connections <= calls))))
);

--
-- Name: TABLE call_hour_stats; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON TABLE dialbridge.call_hour_stats IS 'Connection rates per contact segment, day of week and hour (contact local time), last 365 days; rebuilt nightly. Fallback for the best time to call.';

--
-- Name: COLUMN call_hour_stats.contact_type; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.call_hour_stats.contact_type IS 'Contact type (buyer, seller; '''' when blank; * = any).';

--
-- Name: COLUMN call_hour_stats.industry; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.call_hour_stats.industry IS 'Industry ('''' when blank; * = any).';

--
-- Name: COLUMN call_hour_stats.day_of_week; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.call_hour_stats.day_of_week IS 'ISO day of week, 1 = Monday.';

--
-- Name: COLUMN call_hour_stats.hour; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.call_hour_stats.hour IS 'Hour of day, 0–23, contact local time.';

--
-- Name: callback_applications; Type: TABLE; Schema: dialbridge; Owner: -
--

CREATE TABLE dialbridge.callback_applications (
    activity_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    call_key text NOT NULL,
    event_at timestamp with time zone NOT NULL,
    scheduled_for timestamp with time zone NOT NULL,
    assigned_to_user_id uuid,
    notes_md5 text,
    task_id uuid,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE callback_applications; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON TABLE dialbridge.callback_applications IS 'What each callback activity applied (its task, schedule, event time): makes apply_callback idempotent and lets later callbacks reschedule.';

--
-- Name: contact_marks; Type: TABLE; Schema: dialbridge; Owner: -
--

CREATE TABLE dialbridge.contact_marks (
    contact_id uuid NOT NULL,
    kind text NOT NULL,
    activity_id uuid NOT NULL,
    marked_at timestamp with time zone NOT NULL,
    CONSTRAINT contact_marks_kind_check CHECK ((kind = ANY (ARRAY['status'::text, 'next_action'::text])))
);

--
-- Name: TABLE contact_marks; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON TABLE dialbridge.contact_marks IS 'Newest activity (by event time) that set a contact''s status or next action.';

--
-- Name: contact_scores; Type: TABLE; Schema: dialbridge; Owner: -
--

CREATE TABLE dialbridge.contact_scores (
    contact_id uuid NOT NULL,
    team_id uuid,
    score integer NOT NULL,
    breakdown jsonb NOT NULL,
    best_call_time jsonb NOT NULL,
    as_of timestamp with time zone NOT NULL,
    computed_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT contact_scores_score_check CHECK (((score >= 0) AND (score <= 100)))
);

--
-- Name: TABLE contact_scores; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON TABLE dialbridge.contact_scores IS 'Engagement score per contact with its explanation (factors, points) and best time to call, as of the last computation.';

--
-- Name: COLUMN contact_scores.team_id; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.contact_scores.team_id IS 'The contact''s team when scored (for row-level security).';

--
-- Name: COLUMN contact_scores.score; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.contact_scores.score IS 'Engagement score 0–100 (same as contacts.call_engagement_score).';

--
-- Name: COLUMN contact_scores.breakdown; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.contact_scores.breakdown IS 'Factors: base, connection_rate, talk_time, dispositions (per mapping code), recency; raw_score before clamping.';

--
-- Name: COLUMN contact_scores.best_call_time; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.contact_scores.best_call_time IS 'Best day of week and hour to call, and where it comes from (contact, segment, everyone).';

--
-- Name: COLUMN contact_scores.as_of; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.contact_scores.as_of IS 'The time the score describes (calls after it are not counted).';

--
-- Name: COLUMN contact_scores.computed_at; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.contact_scores.computed_at IS 'When it was computed.';

--
-- Name: contacts_to_score; Type: TABLE; Schema: dialbridge; Owner: -
--

CREATE TABLE dialbridge.contacts_to_score (
    contact_id uuid NOT NULL,
    marked_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE contacts_to_score; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON TABLE dialbridge.contacts_to_score IS 'Contacts whose calls changed and whose engagement score and best time to call await the contacts__score job.';

--
-- Name: COLUMN contacts_to_score.marked_at; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.contacts_to_score.marked_at IS 'When the contact was first marked since its last scoring.';

--
-- Name: disposition_applications; Type: TABLE; Schema: dialbridge; Owner: -
--

CREATE TABLE dialbridge.disposition_applications (
    activity_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    mapping_id uuid,
    disposition_code text,
    disposition_label text,
    disposition_set_at timestamp with time zone NOT NULL,
    notes_md5 text,
    callback_at timestamp with time zone,
    task_id uuid,
    workflow_run_id uuid,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE disposition_applications; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON TABLE dialbridge.disposition_applications IS 'What each call''s disposition applied (mapping, task, workflow run): makes apply_disposition idempotent and reversible.';

--
-- Name: disposition_classes; Type: TABLE; Schema: dialbridge; Owner: -
--

CREATE TABLE dialbridge.disposition_classes (
    match_key text NOT NULL,
    code text NOT NULL,
    label text,
    category text,
    status text,
    stage text,
    outcome_group text NOT NULL,
    is_meeting boolean NOT NULL,
    engagement_score_delta integer NOT NULL
);

--
-- Name: TABLE disposition_classes; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON TABLE dialbridge.disposition_classes IS 'Disposition classification keyed c:<code> / l:<normalised label or alias> (active mappings, find_disposition_mapping precedence); refreshed from disposition_mappings by trigger.';

--
-- Name: COLUMN disposition_classes.match_key; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.disposition_classes.match_key IS 'c:<CODE> or l:<normalised label or alias>.';

--
-- Name: COLUMN disposition_classes.outcome_group; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.disposition_classes.outcome_group IS 'The mapping''s SourceCo status in lower case (other when unset).';

--
-- Name: COLUMN disposition_classes.is_meeting; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.disposition_classes.is_meeting IS 'Code MEETING_SET or stage Meeting Set.';

--
-- Name: phoneburner_account_leases; Type: TABLE; Schema: dialbridge; Owner: -
--

CREATE TABLE dialbridge.phoneburner_account_leases (
    user_id uuid NOT NULL,
    holder text NOT NULL,
    acquired_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL
);

--
-- Name: TABLE phoneburner_account_leases; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON TABLE dialbridge.phoneburner_account_leases IS 'Serialises calls to one rep''s PhoneBurner account across the edge function and the worker.';

--
-- Name: phoneburner_sync_state; Type: TABLE; Schema: dialbridge; Owner: -
--

CREATE TABLE dialbridge.phoneburner_sync_state (
    user_id uuid NOT NULL,
    contacts_synced_until timestamp with time zone,
    contacts_last_run_at timestamp with time zone,
    contacts_seen integer DEFAULT 0 NOT NULL,
    contacts_changed integer DEFAULT 0 NOT NULL,
    sessions_checked_at timestamp with time zone,
    last_error text,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE phoneburner_sync_state; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON TABLE dialbridge.phoneburner_sync_state IS 'Daily reconciliation progress per PhoneBurner account (watermark of the contacts pull, last errors).';

--
-- Name: phoneburner_webhook_failures; Type: VIEW; Schema: dialbridge; Owner: -
--

CREATE VIEW dialbridge.phoneburner_webhook_failures WITH (security_invoker='true') AS
 SELECT l.id AS log_id,
    l.event_id,
    l.event_type,
        CASE
            WHEN (l.processing_status = 'failed'::text) THEN 'failed'::text
            ELSE 'retrying'::text
        END AS state,
    l.processing_error_code AS error_code,
    l.processing_error AS error,
    l.retry_count,
    l.max_retries,
    l.next_retry_at,
    l.last_retry_at,
    l.received_at,
    l.event_at,
    l.phoneburner_call_id,
    l.phoneburner_session_id
   FROM public.phoneburner_webhooks_log l
  WHERE ((l.processing_status = 'failed'::text) OR ((l.processing_status = ANY (ARRAY['pending'::text, 'processing'::text])) AND (l.retry_count > 0)));

--
-- Name: VIEW phoneburner_webhook_failures; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON VIEW dialbridge.phoneburner_webhook_failures IS 'PhoneBurner events that failed processing (state failed: gave up, replay with `npm run replay`) or are waiting for a retry (state retrying). No payloads.';

--
-- Name: COLUMN phoneburner_webhook_failures.log_id; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.phoneburner_webhook_failures.log_id IS 'phoneburner_webhooks_log.id of the event.';

--
-- Name: COLUMN phoneburner_webhook_failures.state; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.phoneburner_webhook_failures.state IS 'failed (no more automatic retries) or retrying (next_retry_at says when).';

--
-- Name: COLUMN phoneburner_webhook_failures.error_code; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.phoneburner_webhook_failures.error_code IS 'SQLSTATE of the last error: DB061 = the event can never be projected (see docs/error_codes.md), others are retried.';

--
-- Name: COLUMN phoneburner_webhook_failures.error; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.phoneburner_webhook_failures.error IS 'Message of the last error.';

--
-- Name: COLUMN phoneburner_webhook_failures.retry_count; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.phoneburner_webhook_failures.retry_count IS 'Failed attempts so far.';

--
-- Name: COLUMN phoneburner_webhook_failures.max_retries; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.phoneburner_webhook_failures.max_retries IS 'Attempts allowed before the event is failed.';

--
-- Name: COLUMN phoneburner_webhook_failures.next_retry_at; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.phoneburner_webhook_failures.next_retry_at IS 'When the next attempt is due (retrying only).';

--
-- Name: COLUMN phoneburner_webhook_failures.last_retry_at; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.phoneburner_webhook_failures.last_retry_at IS 'When the last attempt failed.';

--
-- Name: COLUMN phoneburner_webhook_failures.received_at; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.phoneburner_webhook_failures.received_at IS 'When the event reached the webhook.';

--
-- Name: COLUMN phoneburner_webhook_failures.event_at; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.phoneburner_webhook_failures.event_at IS 'When it happened according to the sender.';

--
-- Name: rep_daily_stats; Type: TABLE; Schema: dialbridge; Owner: -
--

CREATE TABLE dialbridge.rep_daily_stats (
    id bigint NOT NULL,
    team_id uuid,
    user_id uuid,
    day date NOT NULL,
    disposition_code text DEFAULT ''::text NOT NULL,
    label_key text DEFAULT ''::text NOT NULL,
    calls integer DEFAULT 0 NOT NULL,
    connections integer DEFAULT 0 NOT NULL,
    decision_maker_conversations integer DEFAULT 0 NOT NULL,
    gatekeeper_conversations integer DEFAULT 0 NOT NULL,
    voicemails integer DEFAULT 0 NOT NULL,
    no_answers integer DEFAULT 0 NOT NULL,
    talk_time_seconds bigint DEFAULT 0 NOT NULL,
    call_duration_seconds bigint DEFAULT 0 NOT NULL,
    dispositioned_calls integer DEFAULT 0 NOT NULL,
    callbacks_scheduled integer DEFAULT 0 NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE rep_daily_stats; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON TABLE dialbridge.rep_daily_stats IS 'Roll-up of contact_activities per team, rep, report day and disposition; kept by triggers, checked by recompute_rollups().';

--
-- Name: COLUMN rep_daily_stats.user_id; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_daily_stats.user_id IS 'Rep (null: the dialer did not say).';

--
-- Name: COLUMN rep_daily_stats.day; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_daily_stats.day IS 'Report day (reporting time zone) of the call or callback.';

--
-- Name: COLUMN rep_daily_stats.disposition_code; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_daily_stats.disposition_code IS 'Disposition code, upper-cased ('''' when none).';

--
-- Name: COLUMN rep_daily_stats.label_key; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_daily_stats.label_key IS 'Disposition label, normalised (dialbridge.normalize_label; '''' when none).';

--
-- Name: COLUMN rep_daily_stats.calls; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_daily_stats.calls IS 'Calls (one row per call in contact_activities).';

--
-- Name: COLUMN rep_daily_stats.connections; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_daily_stats.connections IS 'Calls answered by a person.';

--
-- Name: COLUMN rep_daily_stats.decision_maker_conversations; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_daily_stats.decision_maker_conversations IS 'Connections with the decision maker.';

--
-- Name: COLUMN rep_daily_stats.gatekeeper_conversations; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_daily_stats.gatekeeper_conversations IS 'Connections with a gatekeeper.';

--
-- Name: COLUMN rep_daily_stats.voicemails; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_daily_stats.voicemails IS 'Calls that reached voicemail.';

--
-- Name: COLUMN rep_daily_stats.no_answers; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_daily_stats.no_answers IS 'Calls not answered (no answer, busy).';

--
-- Name: COLUMN rep_daily_stats.talk_time_seconds; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_daily_stats.talk_time_seconds IS 'Conversation time, seconds.';

--
-- Name: COLUMN rep_daily_stats.call_duration_seconds; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_daily_stats.call_duration_seconds IS 'Call time including ringing, seconds.';

--
-- Name: COLUMN rep_daily_stats.dispositioned_calls; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_daily_stats.dispositioned_calls IS 'Calls with a disposition.';

--
-- Name: COLUMN rep_daily_stats.callbacks_scheduled; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.rep_daily_stats.callbacks_scheduled IS 'Callbacks scheduled (callback_scheduled activities).';

--
-- Name: rep_daily_classified; Type: VIEW; Schema: dialbridge; Owner: -
--

CREATE VIEW dialbridge.rep_daily_classified WITH (security_invoker='true') AS
 SELECT r.id,
    r.team_id,
    r.user_id,
    r.day,
    r.disposition_code,
    r.label_key,
    r.calls,
    r.connections,
    r.decision_maker_conversations,
    r.gatekeeper_conversations,
    r.voicemails,
    r.no_answers,
    r.talk_time_seconds,
    r.call_duration_seconds,
    r.dispositioned_calls,
    r.callbacks_scheduled,
    r.updated_at,
        CASE
            WHEN (cc.match_key IS NOT NULL) THEN cc.code
            ELSE cl.code
        END AS mapping_code,
        CASE
            WHEN (cc.match_key IS NOT NULL) THEN cc.label
            ELSE cl.label
        END AS mapping_label,
    COALESCE(
        CASE
            WHEN (cc.match_key IS NOT NULL) THEN cc.outcome_group
            ELSE cl.outcome_group
        END,
        CASE
            WHEN ((r.disposition_code <> ''::text) OR (r.label_key <> ''::text)) THEN 'unmapped'::text
            ELSE 'none'::text
        END) AS outcome_group,
    COALESCE(
        CASE
            WHEN (cc.match_key IS NOT NULL) THEN cc.is_meeting
            ELSE cl.is_meeting
        END, false) AS is_meeting
   FROM ((dialbridge.rep_daily_stats r
     LEFT JOIN dialbridge.disposition_classes cc ON (((r.disposition_code <> ''::text) AND (cc.match_key = ('c:'::text || r.disposition_code)))))
     LEFT JOIN dialbridge.disposition_classes cl ON (((r.label_key <> ''::text) AND (cl.match_key = ('l:'::text || r.label_key)))));

--
-- Name: VIEW rep_daily_classified; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON VIEW dialbridge.rep_daily_classified IS 'rep_daily_stats with the disposition class of each row.';

--
-- Name: rep_daily_stats_id_seq; Type: SEQUENCE; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.rep_daily_stats ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME dialbridge.rep_daily_stats_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: rep_day_totals_id_seq; Type: SEQUENCE; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.rep_day_totals ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME dialbridge.rep_day_totals_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: report_contact_activities; Type: VIEW; Schema: dialbridge; Owner: -
--

CREATE VIEW dialbridge.report_contact_activities WITH (security_barrier='true') AS
 SELECT a.id,
    a.contact_id,
    a.user_id,
    a.phoneburner_session_id,
    a.team_id,
    a.activity_type,
    a.source_system,
    a.matching_status,
    a.dedupe_key,
    a.call_started_at,
    a.call_connected_at,
    a.call_ended_at,
    a.ring_duration_seconds,
    a.call_duration_seconds,
    a.talk_time_seconds,
    a.call_outcome,
    a.answered_by,
    a.disposition_code,
    a.disposition_label,
    a.disposition_notes,
    a.disposition_set_at,
    a.callback_scheduled_date,
    a.callback_completed_at,
    a.callback_outcome,
    a.recording_url,
    a.recording_duration_seconds,
    a.recording_transcription,
    a.user_name,
    a.user_email,
    a.phoneburner_call_id,
    a.phoneburner_contact_id,
    a.phoneburner_event_id,
    a.details,
    a.created_at,
    a.updated_at,
    a.deleted_at
   FROM public.contact_activities a
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR (a.team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin));

--
-- Name: VIEW report_contact_activities; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON VIEW dialbridge.report_contact_activities IS 'Activities the caller may see (team rule; reporting readers see all). Read by reports views.';

--
-- Name: phoneburner_sessions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.phoneburner_sessions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    phoneburner_session_id text NOT NULL,
    session_external_url text,
    session_name text NOT NULL,
    session_description text,
    session_type text,
    contact_type text,
    target_industry text,
    target_geography text,
    total_contacts_added integer DEFAULT 0 NOT NULL,
    total_contacts_active integer DEFAULT 0 NOT NULL,
    total_contacts_completed integer DEFAULT 0 NOT NULL,
    total_dials integer DEFAULT 0 NOT NULL,
    total_connections integer DEFAULT 0 NOT NULL,
    total_decision_maker_conversations integer DEFAULT 0 NOT NULL,
    total_gatekeeper_conversations integer DEFAULT 0 NOT NULL,
    total_voicemails_left integer DEFAULT 0 NOT NULL,
    total_no_answers integer DEFAULT 0 NOT NULL,
    total_call_time_seconds integer DEFAULT 0 NOT NULL,
    total_talk_time_seconds integer DEFAULT 0 NOT NULL,
    average_talk_time_seconds integer,
    total_qualified_leads integer DEFAULT 0 NOT NULL,
    total_meetings_scheduled integer DEFAULT 0 NOT NULL,
    total_disqualified integer DEFAULT 0 NOT NULL,
    total_callbacks_scheduled integer DEFAULT 0 NOT NULL,
    connection_rate_percentage numeric(5,2),
    qualification_rate_percentage numeric(5,2),
    session_status text DEFAULT 'active'::text NOT NULL,
    started_at timestamp with time zone,
    last_activity_at timestamp with time zone,
    completed_at timestamp with time zone,
    created_by_user_id uuid,
    team_id uuid,
    is_shared boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted_at timestamp with time zone,
    CONSTRAINT phoneburner_sessions_contact_type_check CHECK ((contact_type = ANY (ARRAY['buyer'::text, 'seller'::text, 'mixed'::text]))),
    CONSTRAINT phoneburner_sessions_counters_check CHECK (((total_dials >= 0) AND (total_connections >= 0) AND (total_connections <= total_dials) AND (total_contacts_added >= 0) AND (total_call_time_seconds >= 0) AND (total_talk_time_seconds >= 0))),
    CONSTRAINT phoneburner_sessions_session_status_check CHECK ((session_status = ANY (ARRAY['active'::text, 'paused'::text, 'completed'::text, 'archived'::text]))),
    CONSTRAINT phoneburner_sessions_session_type_check CHECK ((session_type = ANY (ARRAY['buyer_outreach'::text, 'seller_prospecting'::text, 'callback_followup'::text, 'reactivation'::text])))
);

--
-- Name: TABLE phoneburner_sessions; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.phoneburner_sessions IS 'PhoneBurner dial sessions with counters and rates maintained as calls are recorded (one call counted once).';

--
-- Name: COLUMN phoneburner_sessions.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.id IS 'Session id (uuid).';

--
-- Name: COLUMN phoneburner_sessions.phoneburner_session_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.phoneburner_session_id IS 'PhoneBurner''s dial session id (ds_id).';

--
-- Name: COLUMN phoneburner_sessions.session_external_url; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.session_external_url IS 'Link that opens the session in PhoneBurner.';

--
-- Name: COLUMN phoneburner_sessions.session_name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.session_name IS 'Session name, e.g. "Buyers - PE Firm - Feb 2026".';

--
-- Name: COLUMN phoneburner_sessions.session_description; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.session_description IS 'Free-text description.';

--
-- Name: COLUMN phoneburner_sessions.session_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.session_type IS 'buyer_outreach, seller_prospecting, callback_followup or reactivation.';

--
-- Name: COLUMN phoneburner_sessions.contact_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.contact_type IS 'buyer, seller or mixed.';

--
-- Name: COLUMN phoneburner_sessions.target_industry; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.target_industry IS 'Industry the list was filtered on.';

--
-- Name: COLUMN phoneburner_sessions.target_geography; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.target_geography IS 'Geography the list was filtered on.';

--
-- Name: COLUMN phoneburner_sessions.total_contacts_added; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.total_contacts_added IS 'Contacts ever added to the session.';

--
-- Name: COLUMN phoneburner_sessions.total_contacts_active; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.total_contacts_active IS 'Contacts not yet called or completed.';

--
-- Name: COLUMN phoneburner_sessions.total_contacts_completed; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.total_contacts_completed IS 'Contacts with a final disposition.';

--
-- Name: COLUMN phoneburner_sessions.total_dials; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.total_dials IS 'Calls made in the session.';

--
-- Name: COLUMN phoneburner_sessions.total_connections; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.total_connections IS 'Calls answered by a person.';

--
-- Name: COLUMN phoneburner_sessions.total_decision_maker_conversations; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.total_decision_maker_conversations IS 'Calls answered by the decision maker.';

--
-- Name: COLUMN phoneburner_sessions.total_gatekeeper_conversations; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.total_gatekeeper_conversations IS 'Calls answered by a gatekeeper.';

--
-- Name: COLUMN phoneburner_sessions.total_voicemails_left; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.total_voicemails_left IS 'Calls that reached voicemail.';

--
-- Name: COLUMN phoneburner_sessions.total_no_answers; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.total_no_answers IS 'Calls not answered (no answer, busy).';

--
-- Name: COLUMN phoneburner_sessions.total_call_time_seconds; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.total_call_time_seconds IS 'Time on calls including ringing, seconds.';

--
-- Name: COLUMN phoneburner_sessions.total_talk_time_seconds; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.total_talk_time_seconds IS 'Conversation time, seconds.';

--
-- Name: COLUMN phoneburner_sessions.average_talk_time_seconds; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.average_talk_time_seconds IS 'total_talk_time_seconds / total_connections.';

--
-- Name: COLUMN phoneburner_sessions.total_qualified_leads; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.total_qualified_leads IS 'Calls dispositioned as qualified (status Qualified).';

--
-- Name: COLUMN phoneburner_sessions.total_meetings_scheduled; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.total_meetings_scheduled IS 'Calls dispositioned as meeting set.';

--
-- Name: COLUMN phoneburner_sessions.total_disqualified; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.total_disqualified IS 'Calls dispositioned as disqualified.';

--
-- Name: COLUMN phoneburner_sessions.total_callbacks_scheduled; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.total_callbacks_scheduled IS 'Callbacks scheduled from the session''s calls.';

--
-- Name: COLUMN phoneburner_sessions.connection_rate_percentage; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.connection_rate_percentage IS 'total_connections / total_dials × 100.';

--
-- Name: COLUMN phoneburner_sessions.qualification_rate_percentage; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.qualification_rate_percentage IS 'total_qualified_leads / total_connections × 100.';

--
-- Name: COLUMN phoneburner_sessions.session_status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.session_status IS 'active, paused, completed or archived.';

--
-- Name: COLUMN phoneburner_sessions.started_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.started_at IS 'First dial in the session.';

--
-- Name: COLUMN phoneburner_sessions.last_activity_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.last_activity_at IS 'Most recent call or disposition.';

--
-- Name: COLUMN phoneburner_sessions.completed_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.completed_at IS 'When the session was marked complete.';

--
-- Name: COLUMN phoneburner_sessions.created_by_user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.created_by_user_id IS 'Rep who created the session.';

--
-- Name: COLUMN phoneburner_sessions.team_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.team_id IS 'Team the session belongs to.';

--
-- Name: COLUMN phoneburner_sessions.is_shared; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.is_shared IS 'Shared across the team.';

--
-- Name: COLUMN phoneburner_sessions.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.created_at IS 'When the session was created.';

--
-- Name: COLUMN phoneburner_sessions.updated_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.updated_at IS 'When the session last changed.';

--
-- Name: COLUMN phoneburner_sessions.deleted_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_sessions.deleted_at IS 'Soft delete (the session and its calls are kept for reports).';

--
-- Name: report_phoneburner_sessions; Type: VIEW; Schema: dialbridge; Owner: -
--

CREATE VIEW dialbridge.report_phoneburner_sessions WITH (security_barrier='true') AS
 SELECT s.id,
    s.phoneburner_session_id,
    s.session_external_url,
    s.session_name,
    s.session_description,
    s.session_type,
    s.contact_type,
    s.target_industry,
    s.target_geography,
    s.total_contacts_added,
    s.total_contacts_active,
    s.total_contacts_completed,
    s.total_dials,
    s.total_connections,
    s.total_decision_maker_conversations,
    s.total_gatekeeper_conversations,
    s.total_voicemails_left,
    s.total_no_answers,
    s.total_call_time_seconds,
    s.total_talk_time_seconds,
    s.average_talk_time_seconds,
    s.total_qualified_leads,
    s.total_meetings_scheduled,
    s.total_disqualified,
    s.total_callbacks_scheduled,
    s.connection_rate_percentage,
    s.qualification_rate_percentage,
    s.session_status,
    s.started_at,
    s.last_activity_at,
    s.completed_at,
    s.created_by_user_id,
    s.team_id,
    s.is_shared,
    s.created_at,
    s.updated_at,
    s.deleted_at
   FROM public.phoneburner_sessions s
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR (s.team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin));

--
-- Name: VIEW report_phoneburner_sessions; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON VIEW dialbridge.report_phoneburner_sessions IS 'Dial sessions the caller may see. Read by reports views.';

--
-- Name: phoneburner_session_contacts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.phoneburner_session_contacts (
    session_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    team_id uuid,
    phoneburner_contact_id text,
    phone_e164 text,
    state text DEFAULT 'pending'::text NOT NULL,
    added_at timestamp with time zone DEFAULT now() NOT NULL,
    added_by_user_id uuid,
    last_called_at timestamp with time zone,
    last_disposition_code text,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT phoneburner_session_contacts_state_check CHECK ((state = ANY (ARRAY['pending'::text, 'dialed'::text, 'connected'::text, 'completed'::text, 'removed'::text, 'failed'::text])))
);

--
-- Name: TABLE phoneburner_session_contacts; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.phoneburner_session_contacts IS 'Membership of contacts in dial sessions, with PhoneBurner''s contact id and the contact''s state in that session.';

--
-- Name: COLUMN phoneburner_session_contacts.session_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_session_contacts.session_id IS 'The dial session.';

--
-- Name: COLUMN phoneburner_session_contacts.contact_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_session_contacts.contact_id IS 'The contact pushed into the session.';

--
-- Name: COLUMN phoneburner_session_contacts.team_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_session_contacts.team_id IS 'Team of the session; scopes who sees the membership.';

--
-- Name: COLUMN phoneburner_session_contacts.phoneburner_contact_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_session_contacts.phoneburner_contact_id IS 'PhoneBurner''s id of the contact in this session.';

--
-- Name: COLUMN phoneburner_session_contacts.phone_e164; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_session_contacts.phone_e164 IS 'Number pushed for this contact (E.164), used to match calls back.';

--
-- Name: COLUMN phoneburner_session_contacts.state; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_session_contacts.state IS 'pending, dialed, connected, completed (final disposition), removed or failed (rejected by PhoneBurner).';

--
-- Name: COLUMN phoneburner_session_contacts.added_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_session_contacts.added_at IS 'When the contact was pushed into the session.';

--
-- Name: COLUMN phoneburner_session_contacts.added_by_user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_session_contacts.added_by_user_id IS 'Who pushed the contact.';

--
-- Name: COLUMN phoneburner_session_contacts.last_called_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_session_contacts.last_called_at IS 'Most recent call to the contact in this session.';

--
-- Name: COLUMN phoneburner_session_contacts.last_disposition_code; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_session_contacts.last_disposition_code IS 'Most recent disposition in this session.';

--
-- Name: COLUMN phoneburner_session_contacts.updated_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_session_contacts.updated_at IS 'When the membership last changed.';

--
-- Name: report_session_contacts; Type: VIEW; Schema: dialbridge; Owner: -
--

CREATE VIEW dialbridge.report_session_contacts WITH (security_barrier='true') AS
 SELECT m.session_id,
    m.contact_id,
    m.team_id,
    m.phoneburner_contact_id,
    m.phone_e164,
    m.state,
    m.added_at,
    m.added_by_user_id,
    m.last_called_at,
    m.last_disposition_code,
    m.updated_at
   FROM public.phoneburner_session_contacts m
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR (m.team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin));

--
-- Name: VIEW report_session_contacts; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON VIEW dialbridge.report_session_contacts IS 'Session memberships the caller may see. Read by reports views.';

--
-- Name: report_settings; Type: TABLE; Schema: dialbridge; Owner: -
--

CREATE TABLE dialbridge.report_settings (
    id boolean DEFAULT true NOT NULL,
    time_zone text DEFAULT 'America/New_York'::text NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT report_settings_single_row_check CHECK (id)
);

--
-- Name: TABLE report_settings; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON TABLE dialbridge.report_settings IS 'Reporting settings (one row): the time zone of report days.';

--
-- Name: COLUMN report_settings.time_zone; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.report_settings.time_zone IS 'IANA time zone whose calendar days the roll-ups and "due today" use.';

--
-- Name: segment_daily_stats; Type: TABLE; Schema: dialbridge; Owner: -
--

CREATE TABLE dialbridge.segment_daily_stats (
    id bigint NOT NULL,
    team_id uuid,
    day date NOT NULL,
    dimension text NOT NULL,
    value text,
    disposition_code text DEFAULT ''::text NOT NULL,
    label_key text DEFAULT ''::text NOT NULL,
    calls integer DEFAULT 0 NOT NULL,
    connections integer DEFAULT 0 NOT NULL,
    decision_maker_conversations integer DEFAULT 0 NOT NULL,
    gatekeeper_conversations integer DEFAULT 0 NOT NULL,
    voicemails integer DEFAULT 0 NOT NULL,
    no_answers integer DEFAULT 0 NOT NULL,
    talk_time_seconds bigint DEFAULT 0 NOT NULL,
    call_duration_seconds bigint DEFAULT 0 NOT NULL,
    dispositioned_calls integer DEFAULT 0 NOT NULL,
    callbacks_scheduled integer DEFAULT 0 NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT segment_daily_stats_dimension_check CHECK ((dimension = ANY (ARRAY['contact_type'::text, 'list_source'::text, 'industry'::text, 'geography'::text])))
);

--
-- Name: TABLE segment_daily_stats; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON TABLE dialbridge.segment_daily_stats IS 'Roll-up of contact_activities per team, report day, contact segment dimension/value and disposition; kept by triggers on contact_activities and contacts.';

--
-- Name: COLUMN segment_daily_stats.dimension; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.segment_daily_stats.dimension IS 'contact_type, list_source, industry or geography (state, else country).';

--
-- Name: COLUMN segment_daily_stats.value; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.segment_daily_stats.value IS 'The contact''s value for the dimension (null: blank, or the call is unmatched).';

--
-- Name: COLUMN segment_daily_stats.disposition_code; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.segment_daily_stats.disposition_code IS 'Disposition code, upper-cased ('''' when none).';

--
-- Name: COLUMN segment_daily_stats.label_key; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.segment_daily_stats.label_key IS 'Disposition label, normalised (dialbridge.normalize_label; '''' when none).';

--
-- Name: COLUMN segment_daily_stats.calls; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.segment_daily_stats.calls IS 'Calls (one row per call in contact_activities).';

--
-- Name: COLUMN segment_daily_stats.connections; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.segment_daily_stats.connections IS 'Calls answered by a person.';

--
-- Name: COLUMN segment_daily_stats.decision_maker_conversations; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.segment_daily_stats.decision_maker_conversations IS 'Connections with the decision maker.';

--
-- Name: COLUMN segment_daily_stats.gatekeeper_conversations; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.segment_daily_stats.gatekeeper_conversations IS 'Connections with a gatekeeper.';

--
-- Name: COLUMN segment_daily_stats.voicemails; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.segment_daily_stats.voicemails IS 'Calls that reached voicemail.';

--
-- Name: COLUMN segment_daily_stats.no_answers; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.segment_daily_stats.no_answers IS 'Calls not answered (no answer, busy).';

--
-- Name: COLUMN segment_daily_stats.talk_time_seconds; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.segment_daily_stats.talk_time_seconds IS 'Conversation time, seconds.';

--
-- Name: COLUMN segment_daily_stats.call_duration_seconds; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.segment_daily_stats.call_duration_seconds IS 'Call time including ringing, seconds.';

--
-- Name: COLUMN segment_daily_stats.dispositioned_calls; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.segment_daily_stats.dispositioned_calls IS 'Calls with a disposition.';

--
-- Name: COLUMN segment_daily_stats.callbacks_scheduled; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.segment_daily_stats.callbacks_scheduled IS 'Callbacks scheduled (callback_scheduled activities).';

--
-- Name: segment_classified; Type: VIEW; Schema: dialbridge; Owner: -
--

CREATE VIEW dialbridge.segment_classified WITH (security_invoker='true') AS
 SELECT r.id,
    r.team_id,
    r.day,
    r.dimension,
    r.value,
    r.disposition_code,
    r.label_key,
    r.calls,
    r.connections,
    r.decision_maker_conversations,
    r.gatekeeper_conversations,
    r.voicemails,
    r.no_answers,
    r.talk_time_seconds,
    r.call_duration_seconds,
    r.dispositioned_calls,
    r.callbacks_scheduled,
    r.updated_at,
    COALESCE(
        CASE
            WHEN (cc.match_key IS NOT NULL) THEN cc.outcome_group
            ELSE cl.outcome_group
        END,
        CASE
            WHEN ((r.disposition_code <> ''::text) OR (r.label_key <> ''::text)) THEN 'unmapped'::text
            ELSE 'none'::text
        END) AS outcome_group,
    COALESCE(
        CASE
            WHEN (cc.match_key IS NOT NULL) THEN cc.is_meeting
            ELSE cl.is_meeting
        END, false) AS is_meeting
   FROM ((dialbridge.segment_daily_stats r
     LEFT JOIN dialbridge.disposition_classes cc ON (((r.disposition_code <> ''::text) AND (cc.match_key = ('c:'::text || r.disposition_code)))))
     LEFT JOIN dialbridge.disposition_classes cl ON (((r.label_key <> ''::text) AND (cl.match_key = ('l:'::text || r.label_key)))));

--
-- Name: VIEW segment_classified; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON VIEW dialbridge.segment_classified IS 'segment_daily_stats with the disposition class of each row.';

--
-- Name: segment_daily_stats_id_seq; Type: SEQUENCE; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.segment_daily_stats ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME dialbridge.segment_daily_stats_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: session_contact_stats; Type: TABLE; Schema: dialbridge; Owner: -
--

CREATE TABLE dialbridge.session_contact_stats (
    id bigint NOT NULL,
    session_id uuid NOT NULL,
    team_id uuid,
    contact_id uuid NOT NULL,
    calls integer DEFAULT 0 NOT NULL,
    connections integer DEFAULT 0 NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE session_contact_stats; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON TABLE dialbridge.session_contact_stats IS 'Roll-up of calls per dial session and contact; kept by triggers.';

--
-- Name: session_contact_stats_id_seq; Type: SEQUENCE; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.session_contact_stats ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME dialbridge.session_contact_stats_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: session_stats; Type: TABLE; Schema: dialbridge; Owner: -
--

CREATE TABLE dialbridge.session_stats (
    id bigint NOT NULL,
    session_id uuid NOT NULL,
    team_id uuid,
    disposition_code text DEFAULT ''::text NOT NULL,
    label_key text DEFAULT ''::text NOT NULL,
    calls integer DEFAULT 0 NOT NULL,
    connections integer DEFAULT 0 NOT NULL,
    decision_maker_conversations integer DEFAULT 0 NOT NULL,
    gatekeeper_conversations integer DEFAULT 0 NOT NULL,
    voicemails integer DEFAULT 0 NOT NULL,
    no_answers integer DEFAULT 0 NOT NULL,
    talk_time_seconds bigint DEFAULT 0 NOT NULL,
    call_duration_seconds bigint DEFAULT 0 NOT NULL,
    dispositioned_calls integer DEFAULT 0 NOT NULL,
    callbacks_scheduled integer DEFAULT 0 NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE session_stats; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON TABLE dialbridge.session_stats IS 'Roll-up of contact_activities per dial session and disposition; kept by triggers.';

--
-- Name: COLUMN session_stats.disposition_code; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_stats.disposition_code IS 'Disposition code, upper-cased ('''' when none).';

--
-- Name: COLUMN session_stats.label_key; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_stats.label_key IS 'Disposition label, normalised (dialbridge.normalize_label; '''' when none).';

--
-- Name: COLUMN session_stats.calls; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_stats.calls IS 'Calls (one row per call in contact_activities).';

--
-- Name: COLUMN session_stats.connections; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_stats.connections IS 'Calls answered by a person.';

--
-- Name: COLUMN session_stats.decision_maker_conversations; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_stats.decision_maker_conversations IS 'Connections with the decision maker.';

--
-- Name: COLUMN session_stats.gatekeeper_conversations; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_stats.gatekeeper_conversations IS 'Connections with a gatekeeper.';

--
-- Name: COLUMN session_stats.voicemails; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_stats.voicemails IS 'Calls that reached voicemail.';

--
-- Name: COLUMN session_stats.no_answers; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_stats.no_answers IS 'Calls not answered (no answer, busy).';

--
-- Name: COLUMN session_stats.talk_time_seconds; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_stats.talk_time_seconds IS 'Conversation time, seconds.';

--
-- Name: COLUMN session_stats.call_duration_seconds; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_stats.call_duration_seconds IS 'Call time including ringing, seconds.';

--
-- Name: COLUMN session_stats.dispositioned_calls; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_stats.dispositioned_calls IS 'Calls with a disposition.';

--
-- Name: COLUMN session_stats.callbacks_scheduled; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_stats.callbacks_scheduled IS 'Callbacks scheduled (callback_scheduled activities).';

--
-- Name: session_stats_id_seq; Type: SEQUENCE; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.session_stats ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME dialbridge.session_stats_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: session_totals; Type: TABLE; Schema: dialbridge; Owner: -
--

CREATE TABLE dialbridge.session_totals (
    id bigint NOT NULL,
    session_id uuid NOT NULL,
    team_id uuid,
    calls integer DEFAULT 0 NOT NULL,
    connections integer DEFAULT 0 NOT NULL,
    decision_maker_conversations integer DEFAULT 0 NOT NULL,
    gatekeeper_conversations integer DEFAULT 0 NOT NULL,
    voicemails integer DEFAULT 0 NOT NULL,
    no_answers integer DEFAULT 0 NOT NULL,
    talk_time_seconds bigint DEFAULT 0 NOT NULL,
    call_duration_seconds bigint DEFAULT 0 NOT NULL,
    dispositioned_calls integer DEFAULT 0 NOT NULL,
    callbacks_scheduled integer DEFAULT 0 NOT NULL,
    qualified integer DEFAULT 0 NOT NULL,
    nurture integer DEFAULT 0 NOT NULL,
    disqualified integer DEFAULT 0 NOT NULL,
    suppressed integer DEFAULT 0 NOT NULL,
    other_dispositions integer DEFAULT 0 NOT NULL,
    unmapped_dispositions integer DEFAULT 0 NOT NULL,
    meetings integer DEFAULT 0 NOT NULL,
    contacts_dialed integer DEFAULT 0 NOT NULL,
    contacts_connected integer DEFAULT 0 NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE session_totals; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON TABLE dialbridge.session_totals IS 'Roll-up per dial session with dispositions classified and distinct contacts dialed/connected; what the session and campaign reports read.';

--
-- Name: COLUMN session_totals.calls; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_totals.calls IS 'Calls (one row per call in contact_activities).';

--
-- Name: COLUMN session_totals.connections; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_totals.connections IS 'Calls answered by a person.';

--
-- Name: COLUMN session_totals.decision_maker_conversations; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_totals.decision_maker_conversations IS 'Connections with the decision maker.';

--
-- Name: COLUMN session_totals.gatekeeper_conversations; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_totals.gatekeeper_conversations IS 'Connections with a gatekeeper.';

--
-- Name: COLUMN session_totals.voicemails; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_totals.voicemails IS 'Calls that reached voicemail.';

--
-- Name: COLUMN session_totals.no_answers; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_totals.no_answers IS 'Calls not answered (no answer, busy).';

--
-- Name: COLUMN session_totals.talk_time_seconds; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_totals.talk_time_seconds IS 'Conversation time, seconds.';

--
-- Name: COLUMN session_totals.call_duration_seconds; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_totals.call_duration_seconds IS 'Call time including ringing, seconds.';

--
-- Name: COLUMN session_totals.dispositioned_calls; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_totals.dispositioned_calls IS 'Calls with a disposition.';

--
-- Name: COLUMN session_totals.callbacks_scheduled; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_totals.callbacks_scheduled IS 'Callbacks scheduled (callback_scheduled activities).';

--
-- Name: COLUMN session_totals.qualified; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_totals.qualified IS 'Calls dispositioned with SourceCo status Qualified.';

--
-- Name: COLUMN session_totals.nurture; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_totals.nurture IS 'Calls dispositioned with SourceCo status Nurture.';

--
-- Name: COLUMN session_totals.disqualified; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_totals.disqualified IS 'Calls dispositioned with SourceCo status Disqualified.';

--
-- Name: COLUMN session_totals.suppressed; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_totals.suppressed IS 'Calls dispositioned with SourceCo status Suppressed.';

--
-- Name: COLUMN session_totals.other_dispositions; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_totals.other_dispositions IS 'Calls dispositioned Attempted, Invalid or with no status.';

--
-- Name: COLUMN session_totals.unmapped_dispositions; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_totals.unmapped_dispositions IS 'Calls whose disposition matches no active mapping.';

--
-- Name: COLUMN session_totals.meetings; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_totals.meetings IS 'Calls dispositioned as a meeting (code MEETING_SET or stage Meeting Set).';

--
-- Name: COLUMN session_totals.contacts_dialed; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_totals.contacts_dialed IS 'Distinct contacts called at least once in the session.';

--
-- Name: COLUMN session_totals.contacts_connected; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.session_totals.contacts_connected IS 'Distinct contacts reached (a connected call) in the session.';

--
-- Name: session_totals_id_seq; Type: SEQUENCE; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.session_totals ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME dialbridge.session_totals_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: sourceco_contact_columns; Type: TABLE; Schema: dialbridge; Owner: -
--

CREATE TABLE dialbridge.sourceco_contact_columns (
    column_name text NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE sourceco_contact_columns; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON TABLE dialbridge.sourceco_contact_columns IS 'Columns public.contacts had before dialbridge''s first migration (SourceCo''s own); the browser keeps writing them.';

--
-- Name: time_zone_names; Type: TABLE; Schema: dialbridge; Owner: -
--

CREATE TABLE dialbridge.time_zone_names (
    name text NOT NULL
);

--
-- Name: TABLE time_zone_names; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON TABLE dialbridge.time_zone_names IS 'IANA time zone names known to this server (copy of pg_timezone_names).';

--
-- Name: us_state_time_zones; Type: TABLE; Schema: dialbridge; Owner: -
--

CREATE TABLE dialbridge.us_state_time_zones (
    state text NOT NULL,
    time_zone text NOT NULL
);

--
-- Name: TABLE us_state_time_zones; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON TABLE dialbridge.us_state_time_zones IS 'IANA time zones per US state (split states have several).';

--
-- Name: worker_heartbeats; Type: TABLE; Schema: dialbridge; Owner: -
--

CREATE TABLE dialbridge.worker_heartbeats (
    worker_id text NOT NULL,
    hostname text NOT NULL,
    pid integer NOT NULL,
    concurrency integer NOT NULL,
    task_count integer NOT NULL,
    started_at timestamp with time zone NOT NULL,
    last_beat_at timestamp with time zone NOT NULL,
    last_cron_lag_seconds numeric(10,3),
    stopped_at timestamp with time zone,
    CONSTRAINT worker_heartbeats_counts_check CHECK (((pid > 0) AND (concurrency > 0) AND (task_count >= 0))),
    CONSTRAINT worker_heartbeats_order_check CHECK (((last_beat_at >= started_at) AND ((stopped_at IS NULL) OR (stopped_at >= started_at))))
);

--
-- Name: TABLE worker_heartbeats; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON TABLE dialbridge.worker_heartbeats IS 'Heartbeats of graphile-worker processes: written on start, every minute by a cron job, and on a clean stop.';

--
-- Name: COLUMN worker_heartbeats.worker_id; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.worker_heartbeats.worker_id IS 'hostname:pid:start time of the worker process.';

--
-- Name: COLUMN worker_heartbeats.concurrency; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.worker_heartbeats.concurrency IS 'Jobs the process runs at once.';

--
-- Name: COLUMN worker_heartbeats.task_count; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.worker_heartbeats.task_count IS 'Task identifiers the process knows.';

--
-- Name: COLUMN worker_heartbeats.last_beat_at; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.worker_heartbeats.last_beat_at IS 'Last heartbeat: the process started, ran its heartbeat cron job, or stopped.';

--
-- Name: COLUMN worker_heartbeats.last_cron_lag_seconds; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.worker_heartbeats.last_cron_lag_seconds IS 'How late the last heartbeat cron job ran after its scheduled minute: queue latency.';

--
-- Name: COLUMN worker_heartbeats.stopped_at; Type: COMMENT; Schema: dialbridge; Owner: -
--

COMMENT ON COLUMN dialbridge.worker_heartbeats.stopped_at IS 'When the process stopped cleanly (null while it runs or after a crash).';

--
-- Name: calling_window_rules; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.calling_window_rules (
    region text NOT NULL,
    start_local time without time zone NOT NULL,
    end_local time without time zone NOT NULL,
    source text,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT calling_window_rules_region_check CHECK (((region = 'default'::text) OR (region ~ '^[A-Z]{2}(-[A-Z]{2})?$'::text))),
    CONSTRAINT calling_window_rules_window_check CHECK ((start_local < end_local))
);

--
-- Name: TABLE calling_window_rules; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.calling_window_rules IS 'Calling windows in the called party''s local time: default (federal 08:00–21:00) and stricter state rules (US-FL 08:00–20:00).';

--
-- Name: COLUMN calling_window_rules.region; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.calling_window_rules.region IS 'default, a country (US) or a US state (US-FL).';

--
-- Name: COLUMN calling_window_rules.start_local; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.calling_window_rules.start_local IS 'Earliest local time to call.';

--
-- Name: COLUMN calling_window_rules.end_local; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.calling_window_rules.end_local IS 'Latest local time to call (exclusive).';

--
-- Name: COLUMN calling_window_rules.source; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.calling_window_rules.source IS 'The rule this window implements.';

--
-- Name: contact_field_changes_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contact_field_changes ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.contact_field_changes_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: contact_segments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contact_segments (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    team_id uuid,
    name text NOT NULL,
    description text,
    filter jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_by_user_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT contact_segments_filter_check CHECK (dialbridge.validate_contact_filter(filter, false))
);

--
-- Name: TABLE contact_segments; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.contact_segments IS 'Saved dynamic segments: a contact filter re-evaluated on every use (push entity contact_list, filter segment_id).';

--
-- Name: COLUMN contact_segments.name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_segments.name IS 'Segment name, e.g. "Inactive PE Buyers - 90+ Days".';

--
-- Name: COLUMN contact_segments.filter; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_segments.filter IS 'The contact filter (same keys as preview_push''s filter, without segment_id).';

--
-- Name: deal_contacts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.deal_contacts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    deal_id text NOT NULL,
    deal_name text,
    deal_status text DEFAULT 'active'::text NOT NULL,
    contact_id uuid NOT NULL,
    team_id uuid,
    is_primary boolean DEFAULT false NOT NULL,
    presented_at timestamp with time zone,
    outcome text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT deal_contacts_deal_status_check CHECK ((deal_status = ANY (ARRAY['active'::text, 'closed'::text, 'passed'::text, 'on_hold'::text])))
);

--
-- Name: TABLE deal_contacts; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.deal_contacts IS 'Contacts linked to deals (SourceCo listings): buyers a deal was presented to, a seller''s main contact.';

--
-- Name: COLUMN deal_contacts.deal_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deal_contacts.deal_id IS 'SourceCo''s deal (listing) id.';

--
-- Name: COLUMN deal_contacts.deal_name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deal_contacts.deal_name IS 'Deal name shown to reps, e.g. "Collision Repair Platform".';

--
-- Name: COLUMN deal_contacts.deal_status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deal_contacts.deal_status IS 'active, closed, passed or on_hold.';

--
-- Name: COLUMN deal_contacts.is_primary; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deal_contacts.is_primary IS 'The deal''s main contact (pushed for the listings entity).';

--
-- Name: COLUMN deal_contacts.presented_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deal_contacts.presented_at IS 'When the deal was presented to this contact.';

--
-- Name: COLUMN deal_contacts.outcome; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deal_contacts.outcome IS 'The contact''s answer, e.g. "Passed - Too early stage".';

--
-- Name: phoneburner_session_call_checks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.phoneburner_session_call_checks (
    id bigint NOT NULL,
    session_id uuid NOT NULL,
    team_id uuid,
    checked_at timestamp with time zone DEFAULT now() NOT NULL,
    provider_calls integer NOT NULL,
    recorded_calls integer NOT NULL,
    missing_calls integer GENERATED ALWAYS AS (GREATEST((provider_calls - recorded_calls), 0)) STORED,
    CONSTRAINT phoneburner_session_call_checks_counts_check CHECK (((provider_calls >= 0) AND (recorded_calls >= 0)))
);

--
-- Name: TABLE phoneburner_session_call_checks; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.phoneburner_session_call_checks IS 'Daily comparison of PhoneBurner''s call count per dial session with the calls dialbridge recorded.';

--
-- Name: COLUMN phoneburner_session_call_checks.checked_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_session_call_checks.checked_at IS 'When the counts were compared.';

--
-- Name: COLUMN phoneburner_session_call_checks.provider_calls; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_session_call_checks.provider_calls IS 'Calls PhoneBurner reports for the session.';

--
-- Name: COLUMN phoneburner_session_call_checks.recorded_calls; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_session_call_checks.recorded_calls IS 'Calls dialbridge recorded for the session (contact_activities with a PhoneBurner call id).';

--
-- Name: COLUMN phoneburner_session_call_checks.missing_calls; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_session_call_checks.missing_calls IS 'Calls PhoneBurner made that never reached dialbridge.';

--
-- Name: phoneburner_call_drift; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.phoneburner_call_drift WITH (security_invoker='true') AS
 SELECT DISTINCT ON (k.session_id) k.session_id,
    s.session_name,
    s.phoneburner_session_id,
    k.team_id,
    s.created_by_user_id,
    k.checked_at,
    k.provider_calls,
    k.recorded_calls,
    k.missing_calls
   FROM (public.phoneburner_session_call_checks k
     JOIN public.phoneburner_sessions s ON ((s.id = k.session_id)))
  ORDER BY k.session_id, k.checked_at DESC;

--
-- Name: VIEW phoneburner_call_drift; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON VIEW public.phoneburner_call_drift IS 'Per dial session, the latest daily check: calls PhoneBurner reports, calls dialbridge recorded, and the calls that never reached dialbridge (missing_calls > 0 means lost callbacks).';

--
-- Name: COLUMN phoneburner_call_drift.session_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_call_drift.session_id IS 'The dial session (our id).';

--
-- Name: COLUMN phoneburner_call_drift.session_name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_call_drift.session_name IS 'Session name.';

--
-- Name: COLUMN phoneburner_call_drift.phoneburner_session_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_call_drift.phoneburner_session_id IS 'PhoneBurner''s id of the session.';

--
-- Name: COLUMN phoneburner_call_drift.team_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_call_drift.team_id IS 'Team the session belongs to.';

--
-- Name: COLUMN phoneburner_call_drift.created_by_user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_call_drift.created_by_user_id IS 'Rep whose session it is.';

--
-- Name: COLUMN phoneburner_call_drift.checked_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_call_drift.checked_at IS 'When the counts were last compared.';

--
-- Name: COLUMN phoneburner_call_drift.provider_calls; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_call_drift.provider_calls IS 'Calls PhoneBurner reports for the session.';

--
-- Name: COLUMN phoneburner_call_drift.recorded_calls; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_call_drift.recorded_calls IS 'Calls dialbridge recorded.';

--
-- Name: COLUMN phoneburner_call_drift.missing_calls; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_call_drift.missing_calls IS 'Calls we never received.';

--
-- Name: phoneburner_oauth_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.phoneburner_oauth_tokens (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    access_token text,
    refresh_token text,
    expires_at timestamp with time zone,
    display_name text,
    has_access_token boolean GENERATED ALWAYS AS ((access_token IS NOT NULL)) STORED,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE phoneburner_oauth_tokens; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.phoneburner_oauth_tokens IS 'Per-rep PhoneBurner tokens. Token columns are readable by the service role only.';

--
-- Name: COLUMN phoneburner_oauth_tokens.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_oauth_tokens.id IS 'Row id (uuid).';

--
-- Name: COLUMN phoneburner_oauth_tokens.user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_oauth_tokens.user_id IS 'The rep the token belongs to (one row per rep).';

--
-- Name: COLUMN phoneburner_oauth_tokens.access_token; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_oauth_tokens.access_token IS 'PhoneBurner access token (OAuth or personal). Readable by the service role only.';

--
-- Name: COLUMN phoneburner_oauth_tokens.refresh_token; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_oauth_tokens.refresh_token IS 'OAuth refresh token. Readable by the service role only.';

--
-- Name: COLUMN phoneburner_oauth_tokens.expires_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_oauth_tokens.expires_at IS 'When the access token expires (null: personal access token, no expiry).';

--
-- Name: COLUMN phoneburner_oauth_tokens.display_name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_oauth_tokens.display_name IS 'PhoneBurner account name shown in settings.';

--
-- Name: COLUMN phoneburner_oauth_tokens.has_access_token; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_oauth_tokens.has_access_token IS 'Whether a token is set (what the browser may know).';

--
-- Name: COLUMN phoneburner_oauth_tokens.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_oauth_tokens.created_at IS 'When the token was first stored.';

--
-- Name: COLUMN phoneburner_oauth_tokens.updated_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_oauth_tokens.updated_at IS 'When the token was last replaced.';

--
-- Name: phoneburner_push_batches; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.phoneburner_push_batches (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    run_id uuid NOT NULL,
    batch_no integer NOT NULL,
    request_key text NOT NULL,
    status text DEFAULT 'queued'::text NOT NULL,
    contact_count integer DEFAULT 0 NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    session_id uuid,
    phoneburner_session_id text,
    next_attempt_at timestamp with time zone,
    last_error text,
    last_error_code text,
    response_summary jsonb,
    leased_by text,
    started_at timestamp with time zone,
    finished_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT phoneburner_push_batches_batch_no_check CHECK (((batch_no >= 1) AND ((contact_count >= 0) AND (contact_count <= 500)) AND (attempts >= 0))),
    CONSTRAINT phoneburner_push_batches_status_check CHECK ((status = ANY (ARRAY['queued'::text, 'sending'::text, 'retrying'::text, 'succeeded'::text, 'failed'::text])))
);

--
-- Name: TABLE phoneburner_push_batches; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.phoneburner_push_batches IS 'Batches of a push run (at most 500 contacts each), their attempts and last error. Service role only.';

--
-- Name: COLUMN phoneburner_push_batches.request_key; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_batches.request_key IS 'Idempotency key of this batch (<request_id>:<batch_no>): sent as custom_data.request_id and looked up before any retry.';

--
-- Name: COLUMN phoneburner_push_batches.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_batches.status IS 'queued, sending, retrying (waiting for the next attempt), succeeded, failed.';

--
-- Name: COLUMN phoneburner_push_batches.attempts; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_batches.attempts IS 'PhoneBurner calls made for this batch.';

--
-- Name: COLUMN phoneburner_push_batches.next_attempt_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_batches.next_attempt_at IS 'When the next attempt is due.';

--
-- Name: COLUMN phoneburner_push_batches.last_error; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_batches.last_error IS 'Last error (rate limit, timeout, PhoneBurner''s message).';

--
-- Name: phoneburner_push_log; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.phoneburner_push_log WITH (security_invoker='true') AS
 SELECT r.id AS run_id,
    r.created_at AS pushed_at,
    r.user_id AS pushed_by_user_id,
    p.display_name AS pushed_by,
    r.target_user_id,
    t.display_name AS pushed_for,
    r.team_id,
    r.session_name,
    r.session_id,
    NULLIF(r.phoneburner_session_id, ''::text) AS phoneburner_session_id,
    r.status,
    r.total_contacts,
    (r.contacts_added + r.contacts_updated) AS contacts_pushed,
    r.contacts_excluded,
    r.contacts_overridden,
    r.contacts_failed,
    r.api_style,
    r.request_shape,
    r.finished_at
   FROM ((public.phoneburner_push_runs r
     LEFT JOIN public.profiles p ON ((p.id = r.user_id)))
     LEFT JOIN public.profiles t ON ((t.id = r.target_user_id)));

--
-- Name: VIEW phoneburner_push_log; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON VIEW public.phoneburner_push_log IS 'Push log (seed 001 US-001): who pushed how many contacts into which dial session, when, with how many exclusions and overrides.';

--
-- Name: COLUMN phoneburner_push_log.run_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_log.run_id IS 'The push run (phoneburner_push_runs.id).';

--
-- Name: COLUMN phoneburner_push_log.pushed_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_log.pushed_at IS 'When the push was requested.';

--
-- Name: COLUMN phoneburner_push_log.pushed_by_user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_log.pushed_by_user_id IS 'Who pushed (profile id).';

--
-- Name: COLUMN phoneburner_push_log.pushed_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_log.pushed_by IS 'Who pushed.';

--
-- Name: COLUMN phoneburner_push_log.target_user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_log.target_user_id IS 'Whose PhoneBurner account received the list (profile id).';

--
-- Name: COLUMN phoneburner_push_log.pushed_for; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_log.pushed_for IS 'Whose PhoneBurner account received the list.';

--
-- Name: COLUMN phoneburner_push_log.team_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_log.team_id IS 'Team of the push.';

--
-- Name: COLUMN phoneburner_push_log.session_name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_log.session_name IS 'Name of the dial session.';

--
-- Name: COLUMN phoneburner_push_log.session_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_log.session_id IS 'The (first) dial session the contacts went into (our id).';

--
-- Name: COLUMN phoneburner_push_log.phoneburner_session_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_log.phoneburner_session_id IS 'PhoneBurner''s id of that session (pending:… until PhoneBurner reports it).';

--
-- Name: COLUMN phoneburner_push_log.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_log.status IS 'queued, pushing, succeeded, partially_succeeded, failed or nothing_to_push.';

--
-- Name: COLUMN phoneburner_push_log.total_contacts; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_log.total_contacts IS 'Contacts considered.';

--
-- Name: COLUMN phoneburner_push_log.contacts_pushed; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_log.contacts_pushed IS 'Contacts PhoneBurner accepted (added or updated).';

--
-- Name: COLUMN phoneburner_push_log.contacts_excluded; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_log.contacts_excluded IS 'Contacts excluded before pushing.';

--
-- Name: COLUMN phoneburner_push_log.contacts_overridden; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_log.contacts_overridden IS 'Excluded contacts force-included by override.';

--
-- Name: COLUMN phoneburner_push_log.contacts_failed; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_log.contacts_failed IS 'Contacts PhoneBurner rejected or that could not be sent.';

--
-- Name: COLUMN phoneburner_push_log.api_style; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_log.api_style IS 'dialsession (real PhoneBurner) or seed (the seed contract).';

--
-- Name: COLUMN phoneburner_push_log.request_shape; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_log.request_shape IS 'dialbridge, sourceco (SourceCo''s frontend) or callback (callback follow-through).';

--
-- Name: COLUMN phoneburner_push_log.finished_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_log.finished_at IS 'When the last batch finished.';

--
-- Name: phoneburner_push_run_contacts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.phoneburner_push_run_contacts (
    run_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    team_id uuid,
    "position" integer NOT NULL,
    batch_no integer,
    status text NOT NULL,
    reason text,
    detail text,
    is_overridden boolean DEFAULT false NOT NULL,
    phone_e164 text,
    phoneburner_contact_id text,
    error_field text,
    error_message text,
    pushed_at timestamp with time zone,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT phoneburner_push_run_contacts_reason_check CHECK ((((status = 'excluded'::text) = (reason IS NOT NULL)) AND ((status = 'excluded'::text) = (batch_no IS NULL)))),
    CONSTRAINT phoneburner_push_run_contacts_status_check CHECK ((status = ANY (ARRAY['queued'::text, 'pushed'::text, 'updated'::text, 'failed'::text, 'excluded'::text])))
);

--
-- Name: TABLE phoneburner_push_run_contacts; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.phoneburner_push_run_contacts IS 'Every contact of every push: excluded with the reason, or its result in PhoneBurner (with the rejected field and error).';

--
-- Name: COLUMN phoneburner_push_run_contacts."position"; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_run_contacts."position" IS 'Order in the list as requested.';

--
-- Name: COLUMN phoneburner_push_run_contacts.batch_no; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_run_contacts.batch_no IS 'Batch the contact was sent in (null when excluded before sending).';

--
-- Name: COLUMN phoneburner_push_run_contacts.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_run_contacts.status IS 'queued, pushed, updated (already in the session), failed or excluded.';

--
-- Name: COLUMN phoneburner_push_run_contacts.reason; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_run_contacts.reason IS 'Exclusion reason (legal_dnc, internal_dnc, suppressed, invalid_phone, missing_phone, missing_name, recently_contacted, already_in_session, duplicate_in_list).';

--
-- Name: COLUMN phoneburner_push_run_contacts.detail; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_run_contacts.detail IS 'The exclusion in words ("Called 2 days ago").';

--
-- Name: COLUMN phoneburner_push_run_contacts.is_overridden; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_run_contacts.is_overridden IS 'Excluded by a rule but force-included by an override (audited in push_overrides).';

--
-- Name: COLUMN phoneburner_push_run_contacts.phone_e164; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_run_contacts.phone_e164 IS 'Number pushed.';

--
-- Name: COLUMN phoneburner_push_run_contacts.phoneburner_contact_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_run_contacts.phoneburner_contact_id IS 'PhoneBurner''s id for the contact, when PhoneBurner reported one.';

--
-- Name: COLUMN phoneburner_push_run_contacts.error_field; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_run_contacts.error_field IS 'Field PhoneBurner rejected (e.g. phone).';

--
-- Name: COLUMN phoneburner_push_run_contacts.error_message; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_run_contacts.error_message IS 'PhoneBurner''s error for this contact, or why it could not be sent.';

--
-- Name: COLUMN phoneburner_push_run_contacts.pushed_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_push_run_contacts.pushed_at IS 'When PhoneBurner accepted the contact.';

--
-- Name: phoneburner_session_call_checks_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.phoneburner_session_call_checks ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.phoneburner_session_call_checks_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: phoneburner_webhook_rejections_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.phoneburner_webhook_rejections ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.phoneburner_webhook_rejections_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: phoneburner_webhooks_log_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.phoneburner_webhooks_log ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.phoneburner_webhooks_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: push_overrides; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.push_overrides (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    run_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    team_id uuid,
    overridden_reason text NOT NULL,
    overridden_detail text,
    override_reason text NOT NULL,
    overridden_by_user_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT push_overrides_never_legal_dnc_check CHECK (((overridden_reason <> 'legal_dnc'::text) AND (overridden_reason <> 'missing_phone'::text))),
    CONSTRAINT push_overrides_reason_given_check CHECK ((length(btrim(override_reason)) > 0))
);

--
-- Name: TABLE push_overrides; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.push_overrides IS 'Audit trail of push overrides: who force-included an excluded contact, when, past which rule and why. Legal do-not-call can never appear here.';

--
-- Name: COLUMN push_overrides.overridden_reason; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.push_overrides.overridden_reason IS 'The exclusion rule overridden (recently_contacted, internal_dnc, …).';

--
-- Name: COLUMN push_overrides.overridden_detail; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.push_overrides.overridden_detail IS 'The exclusion as the rep saw it ("Called 2 days ago").';

--
-- Name: COLUMN push_overrides.override_reason; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.push_overrides.override_reason IS 'Why the rep overrode it (required).';

--
-- Name: COLUMN push_overrides.overridden_by_user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.push_overrides.overridden_by_user_id IS 'Who overrode it.';

--
-- Name: COLUMN push_overrides.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.push_overrides.created_at IS 'When.';

--
-- Name: push_settings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.push_settings (
    team_id uuid NOT NULL,
    recent_contact_days_buyer integer DEFAULT 7 NOT NULL,
    recent_contact_days_seller integer DEFAULT 14 NOT NULL,
    recent_contact_days_other integer DEFAULT 7 NOT NULL,
    active_session_days integer DEFAULT 14 NOT NULL,
    minutes_per_contact numeric(5,2) DEFAULT 2.5 NOT NULL,
    auto_add_callbacks_to_session boolean DEFAULT false NOT NULL,
    updated_by_user_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT push_settings_ranges_check CHECK ((((recent_contact_days_buyer >= 0) AND (recent_contact_days_buyer <= 365)) AND ((recent_contact_days_seller >= 0) AND (recent_contact_days_seller <= 365)) AND ((recent_contact_days_other >= 0) AND (recent_contact_days_other <= 365)) AND ((active_session_days >= 1) AND (active_session_days <= 365)) AND (minutes_per_contact > (0)::numeric) AND (minutes_per_contact <= (60)::numeric)))
);

--
-- Name: TABLE push_settings; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.push_settings IS 'Per-team push settings. A team without a row uses the defaults (buyers 7 days, sellers 14, 2.5 min per contact).';

--
-- Name: COLUMN push_settings.recent_contact_days_buyer; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.push_settings.recent_contact_days_buyer IS 'Buyers called within this many days are excluded as recently contacted (0: never).';

--
-- Name: COLUMN push_settings.recent_contact_days_seller; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.push_settings.recent_contact_days_seller IS 'Sellers called within this many days are excluded as recently contacted (0: never).';

--
-- Name: COLUMN push_settings.recent_contact_days_other; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.push_settings.recent_contact_days_other IS 'Contacts without a type called within this many days are excluded (0: never).';

--
-- Name: COLUMN push_settings.active_session_days; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.push_settings.active_session_days IS 'A dial session counts as active for duplicate checks while it had activity within this many days.';

--
-- Name: COLUMN push_settings.minutes_per_contact; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.push_settings.minutes_per_contact IS 'Dial time estimate per contact (ring, talk, disposition), minutes.';

--
-- Name: COLUMN push_settings.auto_add_callbacks_to_session; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.push_settings.auto_add_callbacks_to_session IS 'On a callback''s date, push the contact into the rep''s "Callbacks" dial session automatically.';

--
-- Name: unmapped_dispositions; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.unmapped_dispositions WITH (security_invoker='true') AS
 WITH received AS (
         SELECT a.disposition_code,
            a.disposition_label,
            count(*) AS call_count,
            count(DISTINCT a.contact_id) AS contact_count,
            min(COALESCE(a.disposition_set_at, a.created_at)) AS first_seen_at,
            max(COALESCE(a.disposition_set_at, a.created_at)) AS last_seen_at,
            (array_agg(a.id ORDER BY COALESCE(a.disposition_set_at, a.created_at) DESC, a.id DESC))[1] AS example_activity_id
           FROM public.contact_activities a
          WHERE (((a.disposition_code IS NOT NULL) OR (a.disposition_label IS NOT NULL)) AND (a.deleted_at IS NULL))
          GROUP BY a.disposition_code, a.disposition_label
        )
 SELECT r.disposition_code,
    r.disposition_label,
    r.call_count,
    r.contact_count,
    r.first_seen_at,
    r.last_seen_at,
    r.example_activity_id
   FROM received r
  WHERE ((dialbridge.find_disposition_mapping(r.disposition_code, r.disposition_label)).id IS NULL);

--
-- Name: VIEW unmapped_dispositions; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON VIEW public.unmapped_dispositions IS 'Dispositions from the dialer that no active disposition mapping matches, for review: add a mapping, then run reapply_dispositions(code). Shows the calls the viewer may see.';

--
-- Name: COLUMN unmapped_dispositions.disposition_code; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.unmapped_dispositions.disposition_code IS 'Disposition code as received (null when the dialer sent only a label, as real PhoneBurner does).';

--
-- Name: COLUMN unmapped_dispositions.disposition_label; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.unmapped_dispositions.disposition_label IS 'Disposition label as received.';

--
-- Name: COLUMN unmapped_dispositions.call_count; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.unmapped_dispositions.call_count IS 'Calls recorded with this disposition.';

--
-- Name: COLUMN unmapped_dispositions.contact_count; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.unmapped_dispositions.contact_count IS 'Distinct contacts among those calls (unmatched calls not counted).';

--
-- Name: COLUMN unmapped_dispositions.first_seen_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.unmapped_dispositions.first_seen_at IS 'First time it was set.';

--
-- Name: COLUMN unmapped_dispositions.last_seen_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.unmapped_dispositions.last_seen_at IS 'Most recent time it was set.';

--
-- Name: COLUMN unmapped_dispositions.example_activity_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.unmapped_dispositions.example_activity_id IS 'The most recent call with it (contact_activities.id).';

--
-- Name: workflow_runs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.workflow_runs (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    team_id uuid,
    contact_id uuid,
    source_activity_id uuid,
    workflow_name text NOT NULL,
    workflow_config jsonb DEFAULT '{}'::jsonb NOT NULL,
    status text DEFAULT 'queued'::text NOT NULL,
    requested_by_user_id uuid,
    requested_at timestamp with time zone NOT NULL,
    job_key text,
    processed_at timestamp with time zone,
    result jsonb,
    error text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT workflow_runs_status_check CHECK ((status = ANY (ARRAY['queued'::text, 'recorded'::text, 'delivered'::text, 'failed'::text, 'cancelled'::text])))
);

--
-- Name: TABLE workflow_runs; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.workflow_runs IS 'Workflows triggered by call dispositions (e.g. send_deal_memo), one per call and workflow: queued, then recorded by the worker for people and integrations to act on.';

--
-- Name: COLUMN workflow_runs.team_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.workflow_runs.team_id IS 'Team of the contact.';

--
-- Name: COLUMN workflow_runs.contact_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.workflow_runs.contact_id IS 'Contact the workflow is about.';

--
-- Name: COLUMN workflow_runs.source_activity_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.workflow_runs.source_activity_id IS 'Call whose disposition triggered it.';

--
-- Name: COLUMN workflow_runs.workflow_name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.workflow_runs.workflow_name IS 'Workflow from the disposition mapping (send_deal_memo, create_calendar_event, high_priority_alert, …).';

--
-- Name: COLUMN workflow_runs.workflow_config; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.workflow_runs.workflow_config IS 'The mapping''s workflow_config at the time (template ids, delays, …).';

--
-- Name: COLUMN workflow_runs.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.workflow_runs.status IS 'queued (waiting for the worker), recorded (handled; nothing sent yet), delivered (sent by an integration), failed, cancelled (the call''s disposition changed before it ran).';

--
-- Name: COLUMN workflow_runs.requested_by_user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.workflow_runs.requested_by_user_id IS 'Rep whose disposition triggered it.';

--
-- Name: COLUMN workflow_runs.requested_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.workflow_runs.requested_at IS 'When the disposition was set.';

--
-- Name: COLUMN workflow_runs.job_key; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.workflow_runs.job_key IS 'graphile-worker job key (one job per call).';

--
-- Name: COLUMN workflow_runs.processed_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.workflow_runs.processed_at IS 'When the worker handled it.';

--
-- Name: COLUMN workflow_runs.result; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.workflow_runs.result IS 'What the worker or integration did.';

--
-- Name: COLUMN workflow_runs.error; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.workflow_runs.error IS 'Last error, if it failed.';

--
-- Name: session_performance; Type: VIEW; Schema: reports; Owner: -
--

CREATE VIEW reports.session_performance WITH (security_invoker='true') AS
 SELECT s.id AS session_id,
    s.phoneburner_session_id,
    s.session_name,
    s.session_type,
    s.contact_type,
    s.target_industry,
    s.target_geography,
    s.session_status,
    s.team_id,
    t.name AS team_name,
    s.created_by_user_id AS created_by_id,
    COALESCE(p.display_name, p.email) AS created_by_name,
    s.created_at,
    s.started_at,
    s.last_activity_at,
    s.completed_at,
    s.session_external_url,
    s.total_contacts_added AS contacts_added,
    COALESCE(x.contacts_dialed, 0) AS contacts_dialed,
    COALESCE(x.contacts_connected, 0) AS contacts_connected,
    round(((100.0 * (x.contacts_connected)::numeric) / (NULLIF(x.contacts_dialed, 0))::numeric), 1) AS contact_connection_rate_pct,
    COALESCE(x.calls, 0) AS dials,
    COALESCE(x.connections, 0) AS connections,
    round(((100.0 * (x.connections)::numeric) / (NULLIF(x.calls, 0))::numeric), 1) AS connection_rate_pct,
    COALESCE(x.decision_maker_conversations, 0) AS decision_maker_conversations,
    COALESCE(x.gatekeeper_conversations, 0) AS gatekeeper_conversations,
    COALESCE(x.voicemails, 0) AS voicemails,
    COALESCE(x.no_answers, 0) AS no_answers,
    COALESCE(x.talk_time_seconds, (0)::bigint) AS talk_time_seconds,
    round(((COALESCE(x.talk_time_seconds, (0)::bigint))::numeric / 3600.0), 2) AS talk_time_hours,
    dialbridge.format_mmss(((x.talk_time_seconds)::numeric / (NULLIF(x.connections, 0))::numeric)) AS avg_talk_time,
    COALESCE(x.qualified, 0) AS qualified,
    COALESCE(x.nurture, 0) AS nurture,
    COALESCE(x.disqualified, 0) AS disqualified,
    COALESCE(x.meetings, 0) AS meetings,
    COALESCE(x.callbacks_scheduled, 0) AS callbacks_scheduled,
    round(((100.0 * (x.qualified)::numeric) / (NULLIF(x.connections, 0))::numeric), 1) AS qualification_rate_pct,
    round(((100.0 * (x.dispositioned_calls)::numeric) / (NULLIF(x.calls, 0))::numeric), 1) AS disposition_coverage_pct
   FROM (((dialbridge.report_phoneburner_sessions s
     LEFT JOIN LATERAL ( SELECT (sum(r.calls))::integer AS calls,
            (sum(r.connections))::integer AS connections,
            (sum(r.decision_maker_conversations))::integer AS decision_maker_conversations,
            (sum(r.gatekeeper_conversations))::integer AS gatekeeper_conversations,
            (sum(r.voicemails))::integer AS voicemails,
            (sum(r.no_answers))::integer AS no_answers,
            (sum(r.talk_time_seconds))::bigint AS talk_time_seconds,
            (sum(r.dispositioned_calls))::integer AS dispositioned_calls,
            (sum(r.qualified))::integer AS qualified,
            (sum(r.nurture))::integer AS nurture,
            (sum(r.disqualified))::integer AS disqualified,
            (sum(r.meetings))::integer AS meetings,
            (sum(r.callbacks_scheduled))::integer AS callbacks_scheduled,
            (sum(r.contacts_dialed))::integer AS contacts_dialed,
            (sum(r.contacts_connected))::integer AS contacts_connected
           FROM dialbridge.session_totals r
          WHERE (r.session_id = s.id)) x ON (true))
     LEFT JOIN dialbridge.report_profiles p ON ((p.id = s.created_by_user_id)))
     LEFT JOIN dialbridge.report_teams t ON ((t.id = s.team_id)))
  WHERE (s.deleted_at IS NULL);

--
-- Name: VIEW session_performance; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON VIEW reports.session_performance IS 'Dial sessions with their performance (seed 002 session cards and detail, seed 000 query 3): contacts added, dialed and connected, calls, rates, talk time, outcomes.';

--
-- Name: COLUMN session_performance.session_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.session_id IS 'Dial session id.';

--
-- Name: COLUMN session_performance.phoneburner_session_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.phoneburner_session_id IS 'PhoneBurner''s dial session id.';

--
-- Name: COLUMN session_performance.session_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.session_name IS 'Session name.';

--
-- Name: COLUMN session_performance.session_type; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.session_type IS 'buyer_outreach, seller_prospecting, callback_followup or reactivation.';

--
-- Name: COLUMN session_performance.contact_type; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.contact_type IS 'buyer, seller (or mixed for sessions; unspecified when blank).';

--
-- Name: COLUMN session_performance.target_industry; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.target_industry IS 'Industry the session''s list targets.';

--
-- Name: COLUMN session_performance.target_geography; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.target_geography IS 'Geography the session''s list targets.';

--
-- Name: COLUMN session_performance.session_status; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.session_status IS 'active, paused, completed or archived.';

--
-- Name: COLUMN session_performance.team_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.team_id IS 'Team id.';

--
-- Name: COLUMN session_performance.team_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.team_name IS 'Team name.';

--
-- Name: COLUMN session_performance.created_by_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.created_by_id IS 'Who created the session.';

--
-- Name: COLUMN session_performance.created_by_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.created_by_name IS 'Name of who created the session.';

--
-- Name: COLUMN session_performance.created_at; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.created_at IS 'When created.';

--
-- Name: COLUMN session_performance.started_at; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.started_at IS 'First dial in the session.';

--
-- Name: COLUMN session_performance.last_activity_at; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.last_activity_at IS 'Most recent call or disposition in the session.';

--
-- Name: COLUMN session_performance.completed_at; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.completed_at IS 'When the session was marked complete.';

--
-- Name: COLUMN session_performance.session_external_url; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.session_external_url IS 'Link to the session in PhoneBurner.';

--
-- Name: COLUMN session_performance.contacts_added; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.contacts_added IS 'Contacts added to the session.';

--
-- Name: COLUMN session_performance.contacts_dialed; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.contacts_dialed IS 'Distinct contacts called at least once in the session.';

--
-- Name: COLUMN session_performance.contacts_connected; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.contacts_connected IS 'Distinct contacts reached in the session.';

--
-- Name: COLUMN session_performance.contact_connection_rate_pct; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.contact_connection_rate_pct IS 'contacts_connected / contacts_dialed × 100 (the session card''s rate).';

--
-- Name: COLUMN session_performance.dials; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.dials IS 'Calls made (one per call, however many dialer events it produced).';

--
-- Name: COLUMN session_performance.connections; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.connections IS 'Calls answered by a person (call outcome connected; voicemail is not a connection).';

--
-- Name: COLUMN session_performance.connection_rate_pct; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.connection_rate_pct IS 'connections / dials × 100.';

--
-- Name: COLUMN session_performance.decision_maker_conversations; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.decision_maker_conversations IS 'Connections with the decision maker.';

--
-- Name: COLUMN session_performance.gatekeeper_conversations; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.gatekeeper_conversations IS 'Connections with a gatekeeper.';

--
-- Name: COLUMN session_performance.voicemails; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.voicemails IS 'Calls that reached voicemail.';

--
-- Name: COLUMN session_performance.no_answers; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.no_answers IS 'Calls not answered (no answer, busy).';

--
-- Name: COLUMN session_performance.talk_time_seconds; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.talk_time_seconds IS 'Conversation time of connected calls, seconds.';

--
-- Name: COLUMN session_performance.talk_time_hours; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.talk_time_hours IS 'Conversation time, hours.';

--
-- Name: COLUMN session_performance.avg_talk_time; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.avg_talk_time IS 'Average talk time per connection, m:ss.';

--
-- Name: COLUMN session_performance.qualified; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.qualified IS 'Calls dispositioned with SourceCo status Qualified.';

--
-- Name: COLUMN session_performance.nurture; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.nurture IS 'Calls dispositioned with SourceCo status Nurture.';

--
-- Name: COLUMN session_performance.disqualified; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.disqualified IS 'Calls dispositioned with SourceCo status Disqualified.';

--
-- Name: COLUMN session_performance.meetings; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.meetings IS 'Calls dispositioned as a meeting (code MEETING_SET or stage Meeting Set).';

--
-- Name: COLUMN session_performance.callbacks_scheduled; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.callbacks_scheduled IS 'Callbacks scheduled.';

--
-- Name: COLUMN session_performance.qualification_rate_pct; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.qualification_rate_pct IS 'qualified / connections × 100.';

--
-- Name: COLUMN session_performance.disposition_coverage_pct; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_performance.disposition_coverage_pct IS 'Calls with a disposition / calls × 100 (target > 90).';

--
-- Name: campaign_comparison_90d; Type: VIEW; Schema: reports; Owner: -
--

CREATE VIEW reports.campaign_comparison_90d WITH (security_invoker='true') AS
 SELECT s.session_id,
    s.session_name,
    s.session_type,
    s.contact_type,
    s.target_industry,
    s.target_geography,
    s.team_name,
    s.created_by_name,
    s.contacts_added,
    s.contacts_dialed,
    s.dials,
    s.connections,
    s.connection_rate_pct,
    s.qualified,
    s.qualification_rate_pct,
    s.meetings,
    s.talk_time_hours,
    s.started_at,
    s.last_activity_at
   FROM reports.session_performance s
  WHERE ((s.session_status = 'active'::text) AND (s.started_at >= (now() - '90 days'::interval)))
  ORDER BY s.last_activity_at DESC NULLS LAST;

--
-- Name: VIEW campaign_comparison_90d; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON VIEW reports.campaign_comparison_90d IS 'Seed 000 query 3: active sessions started in the last 90 days, latest activity first.';

--
-- Name: COLUMN campaign_comparison_90d.session_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_comparison_90d.session_id IS 'Dial session id.';

--
-- Name: COLUMN campaign_comparison_90d.session_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_comparison_90d.session_name IS 'Session name.';

--
-- Name: COLUMN campaign_comparison_90d.session_type; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_comparison_90d.session_type IS 'buyer_outreach, seller_prospecting, callback_followup or reactivation.';

--
-- Name: COLUMN campaign_comparison_90d.contact_type; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_comparison_90d.contact_type IS 'buyer, seller (or mixed for sessions; unspecified when blank).';

--
-- Name: COLUMN campaign_comparison_90d.target_industry; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_comparison_90d.target_industry IS 'Industry the session''s list targets.';

--
-- Name: COLUMN campaign_comparison_90d.target_geography; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_comparison_90d.target_geography IS 'Geography the session''s list targets.';

--
-- Name: COLUMN campaign_comparison_90d.team_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_comparison_90d.team_name IS 'Team name.';

--
-- Name: COLUMN campaign_comparison_90d.created_by_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_comparison_90d.created_by_name IS 'Name of who created the session.';

--
-- Name: COLUMN campaign_comparison_90d.contacts_added; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_comparison_90d.contacts_added IS 'Contacts added to the session.';

--
-- Name: COLUMN campaign_comparison_90d.contacts_dialed; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_comparison_90d.contacts_dialed IS 'Distinct contacts called at least once in the session.';

--
-- Name: COLUMN campaign_comparison_90d.dials; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_comparison_90d.dials IS 'Calls made (one per call, however many dialer events it produced).';

--
-- Name: COLUMN campaign_comparison_90d.connections; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_comparison_90d.connections IS 'Calls answered by a person (call outcome connected; voicemail is not a connection).';

--
-- Name: COLUMN campaign_comparison_90d.connection_rate_pct; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_comparison_90d.connection_rate_pct IS 'connections / dials × 100.';

--
-- Name: COLUMN campaign_comparison_90d.qualified; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_comparison_90d.qualified IS 'Calls dispositioned with SourceCo status Qualified.';

--
-- Name: COLUMN campaign_comparison_90d.qualification_rate_pct; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_comparison_90d.qualification_rate_pct IS 'qualified / connections × 100.';

--
-- Name: COLUMN campaign_comparison_90d.meetings; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_comparison_90d.meetings IS 'Calls dispositioned as a meeting (code MEETING_SET or stage Meeting Set).';

--
-- Name: COLUMN campaign_comparison_90d.talk_time_hours; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_comparison_90d.talk_time_hours IS 'Conversation time, hours.';

--
-- Name: COLUMN campaign_comparison_90d.started_at; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_comparison_90d.started_at IS 'First dial in the session.';

--
-- Name: COLUMN campaign_comparison_90d.last_activity_at; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_comparison_90d.last_activity_at IS 'Most recent call or disposition in the session.';

--
-- Name: campaign_segments; Type: VIEW; Schema: reports; Owner: -
--

CREATE VIEW reports.campaign_segments WITH (security_invoker='true') AS
 SELECT s.team_id,
    s.team_name,
    COALESCE(s.contact_type, 'unspecified'::text) AS contact_type,
    COALESCE(s.session_type, 'unspecified'::text) AS session_type,
    COALESCE(s.target_industry, 'unspecified'::text) AS target_industry,
    COALESCE(s.target_geography, 'unspecified'::text) AS target_geography,
    (count(*))::integer AS sessions,
    (sum(s.contacts_added))::integer AS contacts_added,
    (sum(s.contacts_dialed))::integer AS contacts_dialed,
    (sum(s.dials))::integer AS dials,
    (sum(s.connections))::integer AS connections,
    round(((100.0 * (sum(s.connections))::numeric) / (NULLIF(sum(s.dials), 0))::numeric), 1) AS connection_rate_pct,
    (sum(s.talk_time_seconds))::bigint AS talk_time_seconds,
    round((sum(s.talk_time_seconds) / 3600.0), 2) AS talk_time_hours,
    (sum(s.qualified))::integer AS qualified,
    (sum(s.meetings))::integer AS meetings,
    round(((100.0 * (sum(s.qualified))::numeric) / (NULLIF(sum(s.connections), 0))::numeric), 1) AS qualification_rate_pct,
    round(((sum(s.meetings))::numeric / NULLIF((sum(s.talk_time_seconds) / 3600.0), (0)::numeric)), 2) AS meetings_per_talk_hour,
    min(s.started_at) AS first_started_at,
    max(s.last_activity_at) AS last_activity_at
   FROM reports.session_performance s
  GROUP BY s.team_id, s.team_name, COALESCE(s.contact_type, 'unspecified'::text), COALESCE(s.session_type, 'unspecified'::text), COALESCE(s.target_industry, 'unspecified'::text), COALESCE(s.target_geography, 'unspecified'::text);

--
-- Name: VIEW campaign_segments; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON VIEW reports.campaign_segments IS 'Sessions compared by segment (US-012): contact type, session type, target industry and geography.';

--
-- Name: COLUMN campaign_segments.team_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_segments.team_id IS 'Team id.';

--
-- Name: COLUMN campaign_segments.team_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_segments.team_name IS 'Team name.';

--
-- Name: COLUMN campaign_segments.contact_type; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_segments.contact_type IS 'buyer, seller (or mixed for sessions; unspecified when blank).';

--
-- Name: COLUMN campaign_segments.session_type; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_segments.session_type IS 'buyer_outreach, seller_prospecting, callback_followup or reactivation.';

--
-- Name: COLUMN campaign_segments.target_industry; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_segments.target_industry IS 'Industry the session''s list targets.';

--
-- Name: COLUMN campaign_segments.target_geography; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_segments.target_geography IS 'Geography the session''s list targets.';

--
-- Name: COLUMN campaign_segments.sessions; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_segments.sessions IS 'Sessions in the segment.';

--
-- Name: COLUMN campaign_segments.contacts_added; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_segments.contacts_added IS 'Contacts added to the session.';

--
-- Name: COLUMN campaign_segments.contacts_dialed; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_segments.contacts_dialed IS 'Distinct contacts called at least once in the session.';

--
-- Name: COLUMN campaign_segments.dials; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_segments.dials IS 'Calls made (one per call, however many dialer events it produced).';

--
-- Name: COLUMN campaign_segments.connections; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_segments.connections IS 'Calls answered by a person (call outcome connected; voicemail is not a connection).';

--
-- Name: COLUMN campaign_segments.connection_rate_pct; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_segments.connection_rate_pct IS 'connections / dials × 100.';

--
-- Name: COLUMN campaign_segments.talk_time_seconds; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_segments.talk_time_seconds IS 'Conversation time of connected calls, seconds.';

--
-- Name: COLUMN campaign_segments.talk_time_hours; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_segments.talk_time_hours IS 'Conversation time, hours.';

--
-- Name: COLUMN campaign_segments.qualified; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_segments.qualified IS 'Calls dispositioned with SourceCo status Qualified.';

--
-- Name: COLUMN campaign_segments.meetings; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_segments.meetings IS 'Calls dispositioned as a meeting (code MEETING_SET or stage Meeting Set).';

--
-- Name: COLUMN campaign_segments.qualification_rate_pct; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_segments.qualification_rate_pct IS 'qualified / connections × 100.';

--
-- Name: COLUMN campaign_segments.meetings_per_talk_hour; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_segments.meetings_per_talk_hour IS 'Meetings per hour of talk time (effort return).';

--
-- Name: COLUMN campaign_segments.first_started_at; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_segments.first_started_at IS 'Earliest session start in the segment.';

--
-- Name: COLUMN campaign_segments.last_activity_at; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.campaign_segments.last_activity_at IS 'Most recent call or disposition in the session.';

--
-- Name: contact_engagement; Type: VIEW; Schema: reports; Owner: -
--

CREATE VIEW reports.contact_engagement WITH (security_invoker='true') AS
 SELECT c.id AS contact_id,
    c.team_id,
    c.first_name,
    c.last_name,
    c.company,
    c.contact_type,
    c.industry,
    c.call_engagement_score AS score,
    ((s.breakdown #>> '{connection_rate,rate_pct}'::text[]))::numeric AS connection_rate_pct,
    ((s.breakdown #>> '{connection_rate,points}'::text[]))::integer AS connection_rate_points,
    ((s.breakdown #>> '{talk_time,average_seconds}'::text[]))::numeric AS avg_talk_time_seconds,
    ((s.breakdown #>> '{talk_time,points}'::text[]))::integer AS talk_time_points,
    ((s.breakdown #>> '{dispositions,sum_of_deltas}'::text[]))::integer AS disposition_deltas,
    ((s.breakdown #>> '{dispositions,points}'::text[]))::integer AS disposition_points,
    c.days_since_last_engaged_call,
    ((s.breakdown #>> '{recency,points}'::text[]))::integer AS recency_points,
    ((s.breakdown ->> 'raw_score'::text))::integer AS raw_score,
    c.last_engaged_call_at,
    c.best_call_day_of_week,
    c.best_call_time_of_day,
    (s.best_call_time ->> 'source'::text) AS best_call_time_source,
    s.breakdown,
    s.as_of AS scored_as_of,
    s.computed_at AS scored_at
   FROM (dialbridge.report_contacts c
     LEFT JOIN dialbridge.contact_scores s ON ((s.contact_id = c.id)));

--
-- Name: VIEW contact_engagement; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON VIEW reports.contact_engagement IS 'Engagement score of each contact with the factors that produced it (seed 000 scoring, corrected) and the best time to call.';

--
-- Name: COLUMN contact_engagement.contact_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_engagement.contact_id IS 'Contact id.';

--
-- Name: COLUMN contact_engagement.team_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_engagement.team_id IS 'Team id.';

--
-- Name: COLUMN contact_engagement.first_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_engagement.first_name IS 'Contact first name.';

--
-- Name: COLUMN contact_engagement.last_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_engagement.last_name IS 'Contact last name.';

--
-- Name: COLUMN contact_engagement.company; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_engagement.company IS 'Contact company.';

--
-- Name: COLUMN contact_engagement.contact_type; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_engagement.contact_type IS 'buyer, seller (or mixed for sessions; unspecified when blank).';

--
-- Name: COLUMN contact_engagement.industry; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_engagement.industry IS 'Contact industry (unspecified when blank).';

--
-- Name: COLUMN contact_engagement.score; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_engagement.score IS 'Engagement score 0–100.';

--
-- Name: COLUMN contact_engagement.connection_rate_pct; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_engagement.connection_rate_pct IS 'connections / dials × 100.';

--
-- Name: COLUMN contact_engagement.connection_rate_points; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_engagement.connection_rate_points IS 'Points from the connection rate (rate ÷ 5, 0–20).';

--
-- Name: COLUMN contact_engagement.avg_talk_time_seconds; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_engagement.avg_talk_time_seconds IS 'Average talk time per connection, seconds.';

--
-- Name: COLUMN contact_engagement.talk_time_points; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_engagement.talk_time_points IS 'Points from average talk time (+5 over 1 min, +10 over 2, +15 over 3).';

--
-- Name: COLUMN contact_engagement.disposition_deltas; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_engagement.disposition_deltas IS 'Sum of the mapping engagement deltas of the contact''s dispositions.';

--
-- Name: COLUMN contact_engagement.disposition_points; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_engagement.disposition_points IS 'Points from dispositions (the sum, bounded to −50…+50).';

--
-- Name: COLUMN contact_engagement.days_since_last_engaged_call; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_engagement.days_since_last_engaged_call IS 'Days since the last engaged call (connected, over 2 minutes, positive).';

--
-- Name: COLUMN contact_engagement.recency_points; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_engagement.recency_points IS 'Recency penalty (−5 over 30 days, −10 over 90, −20 over 180).';

--
-- Name: COLUMN contact_engagement.raw_score; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_engagement.raw_score IS 'Score before clamping to 0–100.';

--
-- Name: COLUMN contact_engagement.last_engaged_call_at; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_engagement.last_engaged_call_at IS 'Last engaged call.';

--
-- Name: COLUMN contact_engagement.best_call_day_of_week; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_engagement.best_call_day_of_week IS 'Best ISO day of week to call (1 = Monday).';

--
-- Name: COLUMN contact_engagement.best_call_time_of_day; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_engagement.best_call_time_of_day IS 'Best hour to call (contact''s time zone when known).';

--
-- Name: COLUMN contact_engagement.best_call_time_source; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_engagement.best_call_time_source IS 'contact (its own connections), segment or everyone.';

--
-- Name: COLUMN contact_engagement.breakdown; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_engagement.breakdown IS 'Every factor of the score as JSON.';

--
-- Name: COLUMN contact_engagement.scored_as_of; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_engagement.scored_as_of IS 'The time the score describes.';

--
-- Name: COLUMN contact_engagement.scored_at; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_engagement.scored_at IS 'When the score was computed.';

--
-- Name: contact_timeline; Type: VIEW; Schema: reports; Owner: -
--

CREATE VIEW reports.contact_timeline WITH (security_invoker='true') AS
 WITH activities AS (
         SELECT a.id,
            a.contact_id,
            a.user_id,
            a.phoneburner_session_id,
            a.team_id,
            a.activity_type,
            a.source_system,
            a.matching_status,
            a.dedupe_key,
            a.call_started_at,
            a.call_connected_at,
            a.call_ended_at,
            a.ring_duration_seconds,
            a.call_duration_seconds,
            a.talk_time_seconds,
            a.call_outcome,
            a.answered_by,
            a.disposition_code,
            a.disposition_label,
            a.disposition_notes,
            a.disposition_set_at,
            a.callback_scheduled_date,
            a.callback_completed_at,
            a.callback_outcome,
            a.recording_url,
            a.recording_duration_seconds,
            a.recording_transcription,
            a.user_name,
            a.user_email,
            a.phoneburner_call_id,
            a.phoneburner_contact_id,
            a.phoneburner_event_id,
            a.details,
            a.created_at,
            a.updated_at,
            a.deleted_at,
            COALESCE(p.display_name, a.user_name) AS rep_display,
            (a.activity_type = ANY (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text, 'voicemail_left'::text])) AS is_call,
                CASE
                    WHEN (a.call_outcome = 'connected'::text) THEN 'Connected'::text
                    WHEN (a.call_outcome = 'voicemail'::text) THEN 'Voicemail'::text
                    WHEN (a.call_outcome = 'no_answer'::text) THEN 'No answer'::text
                    WHEN (a.call_outcome = 'busy'::text) THEN 'Busy'::text
                    WHEN (a.call_outcome = 'failed'::text) THEN 'Failed'::text
                    WHEN (a.call_outcome = 'rejected'::text) THEN 'Rejected'::text
                    ELSE 'Attempted'::text
                END AS call_outcome_text
           FROM (dialbridge.report_contact_activities a
             LEFT JOIN dialbridge.report_profiles p ON ((p.id = a.user_id)))
          WHERE ((a.contact_id IS NOT NULL) AND (a.deleted_at IS NULL))
        )
 SELECT a.contact_id,
    a.team_id,
    COALESCE(a.call_started_at, a.disposition_set_at, a.created_at) AS occurred_at,
        CASE
            WHEN a.is_call THEN 'call'::text
            WHEN (a.activity_type = 'callback_scheduled'::text) THEN 'callback'::text
            WHEN (a.activity_type = 'contact_updated'::text) THEN 'contact_change'::text
            WHEN (a.activity_type = ANY (ARRAY['email_sent'::text, 'email_opened'::text])) THEN 'email'::text
            WHEN (a.activity_type = 'meeting_scheduled'::text) THEN 'meeting'::text
            ELSE a.activity_type
        END AS item_type,
    a.activity_type,
        CASE
            WHEN a.is_call THEN ((((('Call - '::text || a.call_outcome_text) || ' ('::text) || dialbridge.format_mmss((COALESCE(a.talk_time_seconds, 0))::numeric)) || ')'::text) || COALESCE((' - '::text || a.rep_display), ''::text))
            WHEN (a.activity_type = 'callback_scheduled'::text) THEN (('Callback scheduled'::text || COALESCE((' for '::text || to_char((a.callback_scheduled_date AT TIME ZONE dialbridge.report_time_zone()), 'YYYY-MM-DD HH24:MI'::text)), ''::text)) || COALESCE((' - '::text || a.rep_display), ''::text))
            WHEN (a.activity_type = 'contact_updated'::text) THEN ('Contact updated'::text || COALESCE(((' ('::text || ( SELECT string_agg(k.k, ', '::text ORDER BY k.k) AS string_agg
               FROM jsonb_object_keys(
                    CASE
                        WHEN (jsonb_typeof((a.details -> 'changes'::text)) = 'object'::text) THEN (a.details -> 'changes'::text)
                        ELSE NULL::jsonb
                    END) k(k))) || ')'::text), ''::text))
            WHEN (a.activity_type = 'email_sent'::text) THEN 'Email - Sent'::text
            WHEN (a.activity_type = 'email_opened'::text) THEN 'Email - Opened'::text
            WHEN (a.activity_type = 'meeting_scheduled'::text) THEN 'Meeting scheduled'::text
            ELSE initcap(replace(a.activity_type, '_'::text, ' '::text))
        END AS title,
        CASE
            WHEN a.is_call THEN a.call_outcome_text
            ELSE NULL::text
        END AS outcome,
    a.call_duration_seconds,
    dialbridge.format_mmss((a.call_duration_seconds)::numeric) AS call_duration,
    a.talk_time_seconds,
    dialbridge.format_mmss((a.talk_time_seconds)::numeric) AS talk_time,
    a.user_id AS rep_id,
    a.rep_display AS rep_name,
    a.disposition_code,
    a.disposition_label,
    COALESCE(a.disposition_notes, (a.details ->> 'notes'::text), (a.details ->> 'callback_notes'::text)) AS notes,
    a.recording_url,
    a.callback_scheduled_date AS due_at,
    a.phoneburner_session_id AS session_id,
    a.source_system,
    'contact_activities'::text AS source_table,
    a.id AS source_id
   FROM activities a
UNION ALL
 SELECT t.contact_id,
    t.team_id,
    COALESCE(t.completed_at, t.created_at) AS occurred_at,
    'task'::text AS item_type,
    t.task_type AS activity_type,
    (('Task - '::text || t.title) ||
        CASE t.status
            WHEN 'completed'::text THEN ' (completed)'::text
            WHEN 'cancelled'::text THEN ' (cancelled)'::text
            ELSE ''::text
        END) AS title,
        CASE t.status
            WHEN 'completed'::text THEN 'Completed'::text
            WHEN 'cancelled'::text THEN 'Cancelled'::text
            ELSE 'Open'::text
        END AS outcome,
    NULL::integer AS call_duration_seconds,
    NULL::text AS call_duration,
    NULL::integer AS talk_time_seconds,
    NULL::text AS talk_time,
    t.assigned_to_user_id AS rep_id,
    p.display_name AS rep_name,
    NULL::text AS disposition_code,
    NULL::text AS disposition_label,
    t.notes,
    NULL::text AS recording_url,
    t.due_at,
    NULL::uuid AS session_id,
    t.source AS source_system,
    'tasks'::text AS source_table,
    t.id AS source_id
   FROM (dialbridge.report_tasks t
     LEFT JOIN dialbridge.report_profiles p ON ((p.id = t.assigned_to_user_id)))
  WHERE (t.contact_id IS NOT NULL);

--
-- Name: VIEW contact_timeline; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON VIEW reports.contact_timeline IS 'Everything that happened with a contact (US-010, seed 000 query 4): calls with outcome, duration (m:ss), rep, notes and recording; callbacks; tasks; contact changes; other activities. Filter contact_id and item_type; order by occurred_at desc.';

--
-- Name: COLUMN contact_timeline.contact_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_timeline.contact_id IS 'Contact id.';

--
-- Name: COLUMN contact_timeline.team_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_timeline.team_id IS 'Team id.';

--
-- Name: COLUMN contact_timeline.occurred_at; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_timeline.occurred_at IS 'When it happened (call start, else disposition time, else when recorded).';

--
-- Name: COLUMN contact_timeline.item_type; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_timeline.item_type IS 'call, callback, task, contact_change, email, meeting, note.';

--
-- Name: COLUMN contact_timeline.activity_type; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_timeline.activity_type IS 'Activity type as recorded (call: its furthest stage; task: task type).';

--
-- Name: COLUMN contact_timeline.title; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_timeline.title IS 'One-line summary (timeline: "Call - Connected (3:42) - Sarah") or the task title (follow-ups).';

--
-- Name: COLUMN contact_timeline.outcome; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_timeline.outcome IS 'Call outcome in words (Connected, Voicemail, No answer, …) or task status.';

--
-- Name: COLUMN contact_timeline.call_duration_seconds; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_timeline.call_duration_seconds IS 'Call duration including ringing, seconds.';

--
-- Name: COLUMN contact_timeline.call_duration; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_timeline.call_duration IS 'Call duration, m:ss.';

--
-- Name: COLUMN contact_timeline.talk_time_seconds; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_timeline.talk_time_seconds IS 'Conversation time of connected calls, seconds.';

--
-- Name: COLUMN contact_timeline.talk_time; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_timeline.talk_time IS 'Talk time, m:ss.';

--
-- Name: COLUMN contact_timeline.rep_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_timeline.rep_id IS 'Rep (profile id).';

--
-- Name: COLUMN contact_timeline.rep_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_timeline.rep_name IS 'Rep name.';

--
-- Name: COLUMN contact_timeline.disposition_code; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_timeline.disposition_code IS 'Disposition code.';

--
-- Name: COLUMN contact_timeline.disposition_label; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_timeline.disposition_label IS 'Disposition label.';

--
-- Name: COLUMN contact_timeline.notes; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_timeline.notes IS 'Rep notes (call notes, callback notes, task notes).';

--
-- Name: COLUMN contact_timeline.recording_url; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_timeline.recording_url IS 'Link to the call recording.';

--
-- Name: COLUMN contact_timeline.due_at; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_timeline.due_at IS 'When it is due.';

--
-- Name: COLUMN contact_timeline.session_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_timeline.session_id IS 'Dial session id.';

--
-- Name: COLUMN contact_timeline.source_system; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_timeline.source_system IS 'Where the activity came from (phoneburner, manual, …) or the task source.';

--
-- Name: COLUMN contact_timeline.source_table; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_timeline.source_table IS 'Table of the underlying row (contact_activities or tasks).';

--
-- Name: COLUMN contact_timeline.source_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.contact_timeline.source_id IS 'Id of the underlying row.';

--
-- Name: disposition_breakdown_daily; Type: VIEW; Schema: reports; Owner: -
--

CREATE VIEW reports.disposition_breakdown_daily WITH (security_invoker='true') AS
 SELECT r.day AS period_start,
    r.team_id,
    t.name AS team_name,
    r.user_id AS rep_id,
    COALESCE(p.display_name, p.email, 'Unknown rep'::text) AS rep_name,
    COALESCE(r.mapping_code, NULLIF(r.disposition_code, ''::text), ('(label) '::text || r.label_key)) AS disposition,
    r.mapping_label AS disposition_label,
    r.outcome_group,
    r.is_meeting,
    (sum(r.calls))::integer AS calls,
    (sum(r.connections))::integer AS connections,
    (sum(r.talk_time_seconds))::bigint AS talk_time_seconds
   FROM ((dialbridge.rep_daily_classified r
     LEFT JOIN dialbridge.report_profiles p ON ((p.id = r.user_id)))
     LEFT JOIN dialbridge.report_teams t ON ((t.id = r.team_id)))
  WHERE ((r.calls > 0) AND ((r.disposition_code <> ''::text) OR (r.label_key <> ''::text)))
  GROUP BY r.day, r.team_id, t.name, r.user_id, p.display_name, p.email, COALESCE(r.mapping_code, NULLIF(r.disposition_code, ''::text), ('(label) '::text || r.label_key)), r.mapping_label, r.outcome_group, r.is_meeting;

--
-- Name: VIEW disposition_breakdown_daily; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON VIEW reports.disposition_breakdown_daily IS 'Dispositioned calls per report day, rep and disposition, with the outcome group.';

--
-- Name: COLUMN disposition_breakdown_daily.period_start; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.disposition_breakdown_daily.period_start IS 'First report day of the period (reporting time zone).';

--
-- Name: COLUMN disposition_breakdown_daily.team_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.disposition_breakdown_daily.team_id IS 'Team id.';

--
-- Name: COLUMN disposition_breakdown_daily.team_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.disposition_breakdown_daily.team_name IS 'Team name.';

--
-- Name: COLUMN disposition_breakdown_daily.rep_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.disposition_breakdown_daily.rep_id IS 'Rep (profile id).';

--
-- Name: COLUMN disposition_breakdown_daily.rep_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.disposition_breakdown_daily.rep_name IS 'Rep name.';

--
-- Name: COLUMN disposition_breakdown_daily.disposition; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.disposition_breakdown_daily.disposition IS 'Mapping code (or the unmapped code, or the label when only a label came).';

--
-- Name: COLUMN disposition_breakdown_daily.disposition_label; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.disposition_breakdown_daily.disposition_label IS 'Disposition label.';

--
-- Name: COLUMN disposition_breakdown_daily.outcome_group; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.disposition_breakdown_daily.outcome_group IS 'qualified, nurture, disqualified, suppressed, invalid, attempted, other, unmapped.';

--
-- Name: COLUMN disposition_breakdown_daily.is_meeting; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.disposition_breakdown_daily.is_meeting IS 'Whether the disposition is a meeting.';

--
-- Name: COLUMN disposition_breakdown_daily.calls; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.disposition_breakdown_daily.calls IS 'Calls.';

--
-- Name: COLUMN disposition_breakdown_daily.connections; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.disposition_breakdown_daily.connections IS 'Calls answered by a person (call outcome connected; voicemail is not a connection).';

--
-- Name: COLUMN disposition_breakdown_daily.talk_time_seconds; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.disposition_breakdown_daily.talk_time_seconds IS 'Conversation time of connected calls, seconds.';

--
-- Name: follow_ups; Type: VIEW; Schema: reports; Owner: -
--

CREATE VIEW reports.follow_ups WITH (security_invoker='true') AS
 WITH today AS (
         SELECT dialbridge.report_today() AS d,
            dialbridge.report_time_zone() AS tz
        ), items AS (
         SELECT 'task'::text AS source,
            t.id AS source_id,
            t.contact_id,
            t.team_id,
            t.assigned_to_user_id AS rep_id,
            t.task_type AS action_type,
            t.title,
            t.notes,
            t.due_at,
            ((t.due_at AT TIME ZONE y_1.tz))::date AS due_date,
            t.priority
           FROM (dialbridge.report_tasks t
             CROSS JOIN today y_1)
          WHERE ((t.status = 'open'::text) AND (t.contact_id IS NOT NULL) AND (t.due_at < (((y_1.d + 1))::timestamp without time zone AT TIME ZONE y_1.tz)))
        UNION ALL
         SELECT 'next_action'::text,
            c_1.id,
            c_1.id,
            c_1.team_id,
            c_1.next_action_assigned_to_user_id,
            c_1.next_action_type,
            ('Next action: '::text || c_1.next_action_type),
            c_1.next_action_notes,
            ((c_1.next_action_date)::timestamp without time zone AT TIME ZONE y_1.tz) AS timezone,
            c_1.next_action_date,
            NULL::text
           FROM (dialbridge.report_contacts c_1
             CROSS JOIN today y_1)
          WHERE ((c_1.next_action_date <= y_1.d) AND (c_1.next_action_type IS NOT NULL) AND (NOT (EXISTS ( SELECT 1
                   FROM dialbridge.report_tasks t
                  WHERE ((t.contact_id = c_1.id) AND (t.status = 'open'::text) AND (((t.due_at AT TIME ZONE y_1.tz))::date = c_1.next_action_date))))))
        )
 SELECT i.source,
    i.source_id,
    i.contact_id,
    i.team_id,
    i.rep_id,
    COALESCE(p.display_name, p.email, 'Unassigned'::text) AS rep_name,
    i.action_type,
    i.title,
    i.notes,
    i.due_at,
    i.due_date,
    i.priority,
        CASE
            WHEN (i.due_date < y.d) THEN 'overdue'::text
            ELSE 'due_today'::text
        END AS status,
    GREATEST((y.d - i.due_date), 0) AS days_overdue,
    c.first_name,
    c.last_name,
    c.company,
    c.phone,
    c.email,
    c.last_disposition_label,
    c.last_call_attempt_at,
    c.call_engagement_score
   FROM (((items i
     CROSS JOIN today y)
     JOIN dialbridge.report_contacts c ON ((c.id = i.contact_id)))
     LEFT JOIN dialbridge.report_profiles p ON ((p.id = i.rep_id)))
  WHERE (NOT ((i.action_type = 'call'::text) AND (c.do_not_call OR c.phone_number_invalid)));

--
-- Name: VIEW follow_ups; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON VIEW reports.follow_ups IS 'Follow-ups due today or overdue (seed 000 query 2), per rep: open tasks and contacts'' next actions, without calls to do-not-call or invalid numbers. "Today" is in the reporting time zone.';

--
-- Name: COLUMN follow_ups.source; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_ups.source IS 'task (an open task) or next_action (the contact''s next action).';

--
-- Name: COLUMN follow_ups.source_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_ups.source_id IS 'Id of the underlying row.';

--
-- Name: COLUMN follow_ups.contact_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_ups.contact_id IS 'Contact id.';

--
-- Name: COLUMN follow_ups.team_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_ups.team_id IS 'Team id.';

--
-- Name: COLUMN follow_ups.rep_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_ups.rep_id IS 'Rep (profile id).';

--
-- Name: COLUMN follow_ups.rep_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_ups.rep_name IS 'Rep name.';

--
-- Name: COLUMN follow_ups.action_type; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_ups.action_type IS 'What to do: call, email, send_materials, meeting_prep, …';

--
-- Name: COLUMN follow_ups.title; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_ups.title IS 'One-line summary (timeline: "Call - Connected (3:42) - Sarah") or the task title (follow-ups).';

--
-- Name: COLUMN follow_ups.notes; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_ups.notes IS 'Rep notes (call notes, callback notes, task notes).';

--
-- Name: COLUMN follow_ups.due_at; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_ups.due_at IS 'When it is due.';

--
-- Name: COLUMN follow_ups.due_date; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_ups.due_date IS 'Due date (reporting time zone).';

--
-- Name: COLUMN follow_ups.priority; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_ups.priority IS 'Task priority.';

--
-- Name: COLUMN follow_ups.status; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_ups.status IS 'overdue or due_today (follow-ups); pending, dialed, connected, … (session contacts).';

--
-- Name: COLUMN follow_ups.days_overdue; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_ups.days_overdue IS 'Days past due (0 when due today).';

--
-- Name: COLUMN follow_ups.first_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_ups.first_name IS 'Contact first name.';

--
-- Name: COLUMN follow_ups.last_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_ups.last_name IS 'Contact last name.';

--
-- Name: COLUMN follow_ups.company; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_ups.company IS 'Contact company.';

--
-- Name: COLUMN follow_ups.phone; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_ups.phone IS 'Contact phone.';

--
-- Name: COLUMN follow_ups.email; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_ups.email IS 'Contact email.';

--
-- Name: COLUMN follow_ups.last_disposition_label; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_ups.last_disposition_label IS 'Disposition of the contact''s last dispositioned call.';

--
-- Name: COLUMN follow_ups.last_call_attempt_at; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_ups.last_call_attempt_at IS 'Contact''s last call attempt.';

--
-- Name: COLUMN follow_ups.call_engagement_score; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_ups.call_engagement_score IS 'Contact''s engagement score (0–100).';

--
-- Name: follow_up_summary; Type: VIEW; Schema: reports; Owner: -
--

CREATE VIEW reports.follow_up_summary WITH (security_invoker='true') AS
 SELECT f.team_id,
    f.rep_id,
    f.rep_name,
    (count(*) FILTER (WHERE (f.status = 'due_today'::text)))::integer AS due_today,
    (count(*) FILTER (WHERE (f.status = 'overdue'::text)))::integer AS overdue,
    (count(*) FILTER (WHERE (f.action_type = 'call'::text)))::integer AS calls_due,
    max(f.days_overdue) AS oldest_overdue_days
   FROM reports.follow_ups f
  GROUP BY f.team_id, f.rep_id, f.rep_name;

--
-- Name: VIEW follow_up_summary; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON VIEW reports.follow_up_summary IS 'Per rep: follow-ups due today, overdue, calls due and the oldest overdue.';

--
-- Name: COLUMN follow_up_summary.team_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_up_summary.team_id IS 'Team id.';

--
-- Name: COLUMN follow_up_summary.rep_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_up_summary.rep_id IS 'Rep (profile id).';

--
-- Name: COLUMN follow_up_summary.rep_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_up_summary.rep_name IS 'Rep name.';

--
-- Name: COLUMN follow_up_summary.due_today; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_up_summary.due_today IS 'Follow-ups due today.';

--
-- Name: COLUMN follow_up_summary.overdue; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_up_summary.overdue IS 'Follow-ups overdue.';

--
-- Name: COLUMN follow_up_summary.calls_due; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_up_summary.calls_due IS 'Follow-ups that are calls.';

--
-- Name: COLUMN follow_up_summary.oldest_overdue_days; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.follow_up_summary.oldest_overdue_days IS 'Days the oldest overdue follow-up is late.';

--
-- Name: pipeline_alerts; Type: VIEW; Schema: reports; Owner: -
--

CREATE VIEW reports.pipeline_alerts WITH (security_invoker='true') AS
 SELECT pipeline_alerts.severity,
    pipeline_alerts.rule,
    pipeline_alerts.subject,
    pipeline_alerts.fires,
    pipeline_alerts.observed,
    pipeline_alerts.threshold,
    pipeline_alerts.detail,
    pipeline_alerts.evaluated_at
   FROM dialbridge.pipeline_alerts(now()) pipeline_alerts(severity, rule, subject, fires, observed, threshold, detail, evaluated_at);

--
-- Name: VIEW pipeline_alerts; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON VIEW reports.pipeline_alerts IS 'Seed 001 alert rules evaluated now: which fire, what was observed, the threshold.';

--
-- Name: COLUMN pipeline_alerts.severity; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_alerts.severity IS 'critical, high, medium or low.';

--
-- Name: COLUMN pipeline_alerts.rule; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_alerts.rule IS 'Alert rule.';

--
-- Name: COLUMN pipeline_alerts.subject; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_alerts.subject IS 'Team or rep the row is about (null: the whole pipeline).';

--
-- Name: COLUMN pipeline_alerts.fires; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_alerts.fires IS 'Whether the alert fires now.';

--
-- Name: COLUMN pipeline_alerts.observed; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_alerts.observed IS 'The measured value.';

--
-- Name: COLUMN pipeline_alerts.threshold; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_alerts.threshold IS 'The threshold it is compared with.';

--
-- Name: COLUMN pipeline_alerts.detail; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_alerts.detail IS 'What is measured.';

--
-- Name: COLUMN pipeline_alerts.evaluated_at; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_alerts.evaluated_at IS 'When evaluated.';

--
-- Name: pipeline_health; Type: VIEW; Schema: reports; Owner: -
--

CREATE VIEW reports.pipeline_health WITH (security_invoker='true') AS
 SELECT pipeline_health.window_name,
    pipeline_health.window_start,
    pipeline_health.window_end,
    pipeline_health.events_received,
    pipeline_health.events_processed,
    pipeline_health.events_skipped,
    pipeline_health.events_failed,
    pipeline_health.events_retrying,
    pipeline_health.backlog,
    pipeline_health.oldest_backlog_age_seconds,
    pipeline_health.latency_p50_seconds,
    pipeline_health.latency_p95_seconds,
    pipeline_health.latency_max_seconds,
    pipeline_health.success_rate_pct,
    pipeline_health.signature_failures,
    pipeline_health.other_rejections,
    pipeline_health.missing_sourceco_contact_id,
    pipeline_health.missing_sourceco_contact_id_pct,
    pipeline_health.last_event_received_at
   FROM dialbridge.pipeline_health(now()) pipeline_health(window_name, window_start, window_end, events_received, events_processed, events_skipped, events_failed, events_retrying, backlog, oldest_backlog_age_seconds, latency_p50_seconds, latency_p95_seconds, latency_max_seconds, success_rate_pct, signature_failures, other_rejections, missing_sourceco_contact_id, missing_sourceco_contact_id_pct, last_event_received_at);

--
-- Name: VIEW pipeline_health; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON VIEW reports.pipeline_health IS 'Webhook pipeline over the last hour, 24 hours and 7 days: received, processed, failed, retrying, backlog, latency, signature failures, missing SourceCo ids. Admins and reporting readers.';

--
-- Name: COLUMN pipeline_health.window_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_health.window_name IS 'last_hour, last_24_hours or last_7_days.';

--
-- Name: COLUMN pipeline_health.window_start; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_health.window_start IS 'Start of the window.';

--
-- Name: COLUMN pipeline_health.window_end; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_health.window_end IS 'End of the window (now).';

--
-- Name: COLUMN pipeline_health.events_received; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_health.events_received IS 'Webhook events received in the window.';

--
-- Name: COLUMN pipeline_health.events_processed; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_health.events_processed IS 'Events processed successfully.';

--
-- Name: COLUMN pipeline_health.events_skipped; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_health.events_skipped IS 'Events skipped or duplicates.';

--
-- Name: COLUMN pipeline_health.events_failed; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_health.events_failed IS 'Events that failed for good.';

--
-- Name: COLUMN pipeline_health.events_retrying; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_health.events_retrying IS 'Events waiting for a retry.';

--
-- Name: COLUMN pipeline_health.backlog; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_health.backlog IS 'Events received and not processed yet (now).';

--
-- Name: COLUMN pipeline_health.oldest_backlog_age_seconds; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_health.oldest_backlog_age_seconds IS 'Age of the oldest unprocessed event, seconds.';

--
-- Name: COLUMN pipeline_health.latency_p50_seconds; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_health.latency_p50_seconds IS 'Median seconds from receipt to processing.';

--
-- Name: COLUMN pipeline_health.latency_p95_seconds; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_health.latency_p95_seconds IS '95th percentile seconds from receipt to processing (target < 10).';

--
-- Name: COLUMN pipeline_health.latency_max_seconds; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_health.latency_max_seconds IS 'Slowest receipt-to-processing, seconds.';

--
-- Name: COLUMN pipeline_health.success_rate_pct; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_health.success_rate_pct IS 'processed / (processed + failed) × 100 (target > 99.5).';

--
-- Name: COLUMN pipeline_health.signature_failures; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_health.signature_failures IS 'Requests rejected for a missing or bad signature or token.';

--
-- Name: COLUMN pipeline_health.other_rejections; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_health.other_rejections IS 'Requests rejected for other reasons (malformed, too large, …).';

--
-- Name: COLUMN pipeline_health.missing_sourceco_contact_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_health.missing_sourceco_contact_id IS 'Events without a SourceCo contact id.';

--
-- Name: COLUMN pipeline_health.missing_sourceco_contact_id_pct; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_health.missing_sourceco_contact_id_pct IS 'Percent of events without a SourceCo contact id (alert over 1).';

--
-- Name: COLUMN pipeline_health.last_event_received_at; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.pipeline_health.last_event_received_at IS 'Last event received.';

--
-- Name: rep_leaderboard_30d; Type: VIEW; Schema: reports; Owner: -
--

CREATE VIEW reports.rep_leaderboard_30d WITH (security_invoker='true') AS
 SELECT rep_scorecard.team_id,
    rep_scorecard.team_name,
    rep_scorecard.rep_id,
    rep_scorecard.rep_name,
    rep_scorecard.dials,
    rep_scorecard.connections,
    rep_scorecard.connection_rate_pct,
    rep_scorecard.talk_time_seconds,
    rep_scorecard.talk_time_hours,
    rep_scorecard.avg_talk_time_seconds,
    rep_scorecard.avg_talk_time,
    rep_scorecard.decision_maker_conversations,
    rep_scorecard.voicemails,
    rep_scorecard.qualified,
    rep_scorecard.nurture,
    rep_scorecard.disqualified,
    rep_scorecard.meetings,
    rep_scorecard.callbacks_scheduled,
    rep_scorecard.qualification_rate_pct,
    rep_scorecard.disposition_coverage_pct,
    rep_scorecard.rank_by_connections
   FROM reports.rep_scorecard((dialbridge.report_today() - 29), dialbridge.report_today()) rep_scorecard(team_id, team_name, rep_id, rep_name, dials, connections, connection_rate_pct, talk_time_seconds, talk_time_hours, avg_talk_time_seconds, avg_talk_time, decision_maker_conversations, voicemails, qualified, nurture, disqualified, meetings, callbacks_scheduled, qualification_rate_pct, disposition_coverage_pct, rank_by_connections);

--
-- Name: VIEW rep_leaderboard_30d; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON VIEW reports.rep_leaderboard_30d IS 'Rep scorecard over the last 30 report days (today included), ranked by connections: seed 000 query 1 on the roll-ups.';

--
-- Name: COLUMN rep_leaderboard_30d.team_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_leaderboard_30d.team_id IS 'Team id.';

--
-- Name: COLUMN rep_leaderboard_30d.team_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_leaderboard_30d.team_name IS 'Team name.';

--
-- Name: COLUMN rep_leaderboard_30d.rep_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_leaderboard_30d.rep_id IS 'Rep (profile id).';

--
-- Name: COLUMN rep_leaderboard_30d.rep_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_leaderboard_30d.rep_name IS 'Rep name.';

--
-- Name: COLUMN rep_leaderboard_30d.dials; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_leaderboard_30d.dials IS 'Calls made (one per call, however many dialer events it produced).';

--
-- Name: COLUMN rep_leaderboard_30d.connections; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_leaderboard_30d.connections IS 'Calls answered by a person (call outcome connected; voicemail is not a connection).';

--
-- Name: COLUMN rep_leaderboard_30d.connection_rate_pct; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_leaderboard_30d.connection_rate_pct IS 'connections / dials × 100.';

--
-- Name: COLUMN rep_leaderboard_30d.talk_time_seconds; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_leaderboard_30d.talk_time_seconds IS 'Conversation time of connected calls, seconds.';

--
-- Name: COLUMN rep_leaderboard_30d.talk_time_hours; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_leaderboard_30d.talk_time_hours IS 'Conversation time, hours.';

--
-- Name: COLUMN rep_leaderboard_30d.avg_talk_time_seconds; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_leaderboard_30d.avg_talk_time_seconds IS 'Average talk time per connection, seconds.';

--
-- Name: COLUMN rep_leaderboard_30d.avg_talk_time; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_leaderboard_30d.avg_talk_time IS 'Average talk time per connection, m:ss.';

--
-- Name: COLUMN rep_leaderboard_30d.decision_maker_conversations; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_leaderboard_30d.decision_maker_conversations IS 'Connections with the decision maker.';

--
-- Name: COLUMN rep_leaderboard_30d.voicemails; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_leaderboard_30d.voicemails IS 'Calls that reached voicemail.';

--
-- Name: COLUMN rep_leaderboard_30d.qualified; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_leaderboard_30d.qualified IS 'Calls dispositioned with SourceCo status Qualified.';

--
-- Name: COLUMN rep_leaderboard_30d.nurture; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_leaderboard_30d.nurture IS 'Calls dispositioned with SourceCo status Nurture.';

--
-- Name: COLUMN rep_leaderboard_30d.disqualified; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_leaderboard_30d.disqualified IS 'Calls dispositioned with SourceCo status Disqualified.';

--
-- Name: COLUMN rep_leaderboard_30d.meetings; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_leaderboard_30d.meetings IS 'Calls dispositioned as a meeting (code MEETING_SET or stage Meeting Set).';

--
-- Name: COLUMN rep_leaderboard_30d.callbacks_scheduled; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_leaderboard_30d.callbacks_scheduled IS 'Callbacks scheduled.';

--
-- Name: COLUMN rep_leaderboard_30d.qualification_rate_pct; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_leaderboard_30d.qualification_rate_pct IS 'qualified / connections × 100.';

--
-- Name: COLUMN rep_leaderboard_30d.disposition_coverage_pct; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_leaderboard_30d.disposition_coverage_pct IS 'Calls with a disposition / calls × 100 (target > 90).';

--
-- Name: COLUMN rep_leaderboard_30d.rank_by_connections; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_leaderboard_30d.rank_by_connections IS 'Rank by connections (1 = most).';

--
-- Name: rep_performance_daily; Type: VIEW; Schema: reports; Owner: -
--

CREATE VIEW reports.rep_performance_daily WITH (security_invoker='true') AS
 SELECT r.day AS period_start,
    r.team_id,
    t.name AS team_name,
    r.user_id AS rep_id,
    COALESCE(p.display_name, p.email, 'Unknown rep'::text) AS rep_name,
    r.calls AS dials,
    r.connections,
    round(((100.0 * (r.connections)::numeric) / (NULLIF(r.calls, 0))::numeric), 1) AS connection_rate_pct,
    r.decision_maker_conversations,
    r.gatekeeper_conversations,
    r.voicemails,
    r.no_answers,
    r.talk_time_seconds,
    round(((r.talk_time_seconds)::numeric / 3600.0), 2) AS talk_time_hours,
    (round(((r.talk_time_seconds)::numeric / (NULLIF(r.connections, 0))::numeric)))::integer AS avg_talk_time_seconds,
    dialbridge.format_mmss(((r.talk_time_seconds)::numeric / (NULLIF(r.connections, 0))::numeric)) AS avg_talk_time,
    r.dispositioned_calls,
    round(((100.0 * (r.dispositioned_calls)::numeric) / (NULLIF(r.calls, 0))::numeric), 1) AS disposition_coverage_pct,
    r.qualified,
    r.nurture,
    r.disqualified,
    r.suppressed,
    r.other_dispositions,
    r.unmapped_dispositions,
    r.meetings,
    r.callbacks_scheduled,
    round(((100.0 * (r.qualified)::numeric) / (NULLIF(r.connections, 0))::numeric), 1) AS qualification_rate_pct
   FROM ((dialbridge.rep_day_totals r
     LEFT JOIN dialbridge.report_profiles p ON ((p.id = r.user_id)))
     LEFT JOIN dialbridge.report_teams t ON ((t.id = r.team_id)));

--
-- Name: VIEW rep_performance_daily; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON VIEW reports.rep_performance_daily IS 'Rep performance per report day (seed 000 query 1, US-011): dials, connections, rates, talk time, dispositions split by outcome, meetings, callbacks. Filter period_start for a range.';

--
-- Name: COLUMN rep_performance_daily.period_start; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.period_start IS 'First report day of the period (reporting time zone).';

--
-- Name: COLUMN rep_performance_daily.team_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.team_id IS 'Team id.';

--
-- Name: COLUMN rep_performance_daily.team_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.team_name IS 'Team name.';

--
-- Name: COLUMN rep_performance_daily.rep_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.rep_id IS 'Rep (profile id).';

--
-- Name: COLUMN rep_performance_daily.rep_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.rep_name IS 'Rep name.';

--
-- Name: COLUMN rep_performance_daily.dials; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.dials IS 'Calls made (one per call, however many dialer events it produced).';

--
-- Name: COLUMN rep_performance_daily.connections; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.connections IS 'Calls answered by a person (call outcome connected; voicemail is not a connection).';

--
-- Name: COLUMN rep_performance_daily.connection_rate_pct; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.connection_rate_pct IS 'connections / dials × 100.';

--
-- Name: COLUMN rep_performance_daily.decision_maker_conversations; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.decision_maker_conversations IS 'Connections with the decision maker.';

--
-- Name: COLUMN rep_performance_daily.gatekeeper_conversations; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.gatekeeper_conversations IS 'Connections with a gatekeeper.';

--
-- Name: COLUMN rep_performance_daily.voicemails; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.voicemails IS 'Calls that reached voicemail.';

--
-- Name: COLUMN rep_performance_daily.no_answers; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.no_answers IS 'Calls not answered (no answer, busy).';

--
-- Name: COLUMN rep_performance_daily.talk_time_seconds; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.talk_time_seconds IS 'Conversation time of connected calls, seconds.';

--
-- Name: COLUMN rep_performance_daily.talk_time_hours; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.talk_time_hours IS 'Conversation time, hours.';

--
-- Name: COLUMN rep_performance_daily.avg_talk_time_seconds; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.avg_talk_time_seconds IS 'Average talk time per connection, seconds.';

--
-- Name: COLUMN rep_performance_daily.avg_talk_time; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.avg_talk_time IS 'Average talk time per connection, m:ss.';

--
-- Name: COLUMN rep_performance_daily.dispositioned_calls; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.dispositioned_calls IS 'Calls with a disposition.';

--
-- Name: COLUMN rep_performance_daily.disposition_coverage_pct; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.disposition_coverage_pct IS 'Calls with a disposition / calls × 100 (target > 90).';

--
-- Name: COLUMN rep_performance_daily.qualified; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.qualified IS 'Calls dispositioned with SourceCo status Qualified.';

--
-- Name: COLUMN rep_performance_daily.nurture; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.nurture IS 'Calls dispositioned with SourceCo status Nurture.';

--
-- Name: COLUMN rep_performance_daily.disqualified; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.disqualified IS 'Calls dispositioned with SourceCo status Disqualified.';

--
-- Name: COLUMN rep_performance_daily.suppressed; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.suppressed IS 'Calls dispositioned with SourceCo status Suppressed (do not call).';

--
-- Name: COLUMN rep_performance_daily.other_dispositions; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.other_dispositions IS 'Calls dispositioned Attempted, Invalid or with no status.';

--
-- Name: COLUMN rep_performance_daily.unmapped_dispositions; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.unmapped_dispositions IS 'Calls whose disposition matches no active mapping.';

--
-- Name: COLUMN rep_performance_daily.meetings; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.meetings IS 'Calls dispositioned as a meeting (code MEETING_SET or stage Meeting Set).';

--
-- Name: COLUMN rep_performance_daily.callbacks_scheduled; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.callbacks_scheduled IS 'Callbacks scheduled.';

--
-- Name: COLUMN rep_performance_daily.qualification_rate_pct; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_daily.qualification_rate_pct IS 'qualified / connections × 100.';

--
-- Name: rep_performance_monthly; Type: VIEW; Schema: reports; Owner: -
--

CREATE VIEW reports.rep_performance_monthly WITH (security_invoker='true') AS
 WITH m AS (
         SELECT (date_trunc('month'::text, (r.day)::timestamp with time zone))::date AS period_start,
            r.team_id,
            r.user_id,
            (sum(r.calls))::integer AS dials,
            (sum(r.connections))::integer AS connections,
            (sum(r.decision_maker_conversations))::integer AS decision_maker_conversations,
            (sum(r.gatekeeper_conversations))::integer AS gatekeeper_conversations,
            (sum(r.voicemails))::integer AS voicemails,
            (sum(r.no_answers))::integer AS no_answers,
            (sum(r.talk_time_seconds))::bigint AS talk_time_seconds,
            (sum(r.dispositioned_calls))::integer AS dispositioned_calls,
            (COALESCE(sum(r.qualified), (0)::bigint))::integer AS qualified,
            (COALESCE(sum(r.nurture), (0)::bigint))::integer AS nurture,
            (COALESCE(sum(r.disqualified), (0)::bigint))::integer AS disqualified,
            (COALESCE(sum(r.suppressed), (0)::bigint))::integer AS suppressed,
            (COALESCE(sum(r.other_dispositions), (0)::bigint))::integer AS other_dispositions,
            (COALESCE(sum(r.unmapped_dispositions), (0)::bigint))::integer AS unmapped,
            (COALESCE(sum(r.meetings), (0)::bigint))::integer AS meetings,
            (sum(r.callbacks_scheduled))::integer AS callbacks_scheduled
           FROM dialbridge.rep_day_totals r
          GROUP BY ((date_trunc('month'::text, (r.day)::timestamp with time zone))::date), r.team_id, r.user_id
        )
 SELECT m.period_start,
    m.team_id,
    t.name AS team_name,
    m.user_id AS rep_id,
    COALESCE(p.display_name, p.email, 'Unknown rep'::text) AS rep_name,
    m.dials,
    m.connections,
    round(((100.0 * (m.connections)::numeric) / (NULLIF(m.dials, 0))::numeric), 1) AS connection_rate_pct,
    m.decision_maker_conversations,
    m.gatekeeper_conversations,
    m.voicemails,
    m.no_answers,
    m.talk_time_seconds,
    round(((m.talk_time_seconds)::numeric / 3600.0), 2) AS talk_time_hours,
    (round(((m.talk_time_seconds)::numeric / (NULLIF(m.connections, 0))::numeric)))::integer AS avg_talk_time_seconds,
    dialbridge.format_mmss(((m.talk_time_seconds)::numeric / (NULLIF(m.connections, 0))::numeric)) AS avg_talk_time,
    m.dispositioned_calls,
    round(((100.0 * (m.dispositioned_calls)::numeric) / (NULLIF(m.dials, 0))::numeric), 1) AS disposition_coverage_pct,
    m.qualified,
    m.nurture,
    m.disqualified,
    m.suppressed,
    m.other_dispositions,
    m.unmapped AS unmapped_dispositions,
    m.meetings,
    m.callbacks_scheduled,
    round(((100.0 * (m.qualified)::numeric) / (NULLIF(m.connections, 0))::numeric), 1) AS qualification_rate_pct
   FROM ((m
     LEFT JOIN dialbridge.report_profiles p ON ((p.id = m.user_id)))
     LEFT JOIN dialbridge.report_teams t ON ((t.id = m.team_id)));

--
-- Name: VIEW rep_performance_monthly; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON VIEW reports.rep_performance_monthly IS 'Rep performance per calendar month. Same columns as rep_performance_daily.';

--
-- Name: COLUMN rep_performance_monthly.period_start; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.period_start IS 'First report day of the period (reporting time zone).';

--
-- Name: COLUMN rep_performance_monthly.team_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.team_id IS 'Team id.';

--
-- Name: COLUMN rep_performance_monthly.team_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.team_name IS 'Team name.';

--
-- Name: COLUMN rep_performance_monthly.rep_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.rep_id IS 'Rep (profile id).';

--
-- Name: COLUMN rep_performance_monthly.rep_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.rep_name IS 'Rep name.';

--
-- Name: COLUMN rep_performance_monthly.dials; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.dials IS 'Calls made (one per call, however many dialer events it produced).';

--
-- Name: COLUMN rep_performance_monthly.connections; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.connections IS 'Calls answered by a person (call outcome connected; voicemail is not a connection).';

--
-- Name: COLUMN rep_performance_monthly.connection_rate_pct; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.connection_rate_pct IS 'connections / dials × 100.';

--
-- Name: COLUMN rep_performance_monthly.decision_maker_conversations; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.decision_maker_conversations IS 'Connections with the decision maker.';

--
-- Name: COLUMN rep_performance_monthly.gatekeeper_conversations; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.gatekeeper_conversations IS 'Connections with a gatekeeper.';

--
-- Name: COLUMN rep_performance_monthly.voicemails; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.voicemails IS 'Calls that reached voicemail.';

--
-- Name: COLUMN rep_performance_monthly.no_answers; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.no_answers IS 'Calls not answered (no answer, busy).';

--
-- Name: COLUMN rep_performance_monthly.talk_time_seconds; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.talk_time_seconds IS 'Conversation time of connected calls, seconds.';

--
-- Name: COLUMN rep_performance_monthly.talk_time_hours; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.talk_time_hours IS 'Conversation time, hours.';

--
-- Name: COLUMN rep_performance_monthly.avg_talk_time_seconds; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.avg_talk_time_seconds IS 'Average talk time per connection, seconds.';

--
-- Name: COLUMN rep_performance_monthly.avg_talk_time; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.avg_talk_time IS 'Average talk time per connection, m:ss.';

--
-- Name: COLUMN rep_performance_monthly.dispositioned_calls; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.dispositioned_calls IS 'Calls with a disposition.';

--
-- Name: COLUMN rep_performance_monthly.disposition_coverage_pct; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.disposition_coverage_pct IS 'Calls with a disposition / calls × 100 (target > 90).';

--
-- Name: COLUMN rep_performance_monthly.qualified; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.qualified IS 'Calls dispositioned with SourceCo status Qualified.';

--
-- Name: COLUMN rep_performance_monthly.nurture; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.nurture IS 'Calls dispositioned with SourceCo status Nurture.';

--
-- Name: COLUMN rep_performance_monthly.disqualified; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.disqualified IS 'Calls dispositioned with SourceCo status Disqualified.';

--
-- Name: COLUMN rep_performance_monthly.suppressed; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.suppressed IS 'Calls dispositioned with SourceCo status Suppressed (do not call).';

--
-- Name: COLUMN rep_performance_monthly.other_dispositions; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.other_dispositions IS 'Calls dispositioned Attempted, Invalid or with no status.';

--
-- Name: COLUMN rep_performance_monthly.unmapped_dispositions; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.unmapped_dispositions IS 'Calls whose disposition matches no active mapping.';

--
-- Name: COLUMN rep_performance_monthly.meetings; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.meetings IS 'Calls dispositioned as a meeting (code MEETING_SET or stage Meeting Set).';

--
-- Name: COLUMN rep_performance_monthly.callbacks_scheduled; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.callbacks_scheduled IS 'Callbacks scheduled.';

--
-- Name: COLUMN rep_performance_monthly.qualification_rate_pct; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_monthly.qualification_rate_pct IS 'qualified / connections × 100.';

--
-- Name: rep_performance_weekly; Type: VIEW; Schema: reports; Owner: -
--

CREATE VIEW reports.rep_performance_weekly WITH (security_invoker='true') AS
 WITH w AS (
         SELECT (date_trunc('week'::text, (r.day)::timestamp with time zone))::date AS period_start,
            r.team_id,
            r.user_id,
            (sum(r.calls))::integer AS dials,
            (sum(r.connections))::integer AS connections,
            (sum(r.decision_maker_conversations))::integer AS decision_maker_conversations,
            (sum(r.gatekeeper_conversations))::integer AS gatekeeper_conversations,
            (sum(r.voicemails))::integer AS voicemails,
            (sum(r.no_answers))::integer AS no_answers,
            (sum(r.talk_time_seconds))::bigint AS talk_time_seconds,
            (sum(r.dispositioned_calls))::integer AS dispositioned_calls,
            (COALESCE(sum(r.qualified), (0)::bigint))::integer AS qualified,
            (COALESCE(sum(r.nurture), (0)::bigint))::integer AS nurture,
            (COALESCE(sum(r.disqualified), (0)::bigint))::integer AS disqualified,
            (COALESCE(sum(r.suppressed), (0)::bigint))::integer AS suppressed,
            (COALESCE(sum(r.other_dispositions), (0)::bigint))::integer AS other_dispositions,
            (COALESCE(sum(r.unmapped_dispositions), (0)::bigint))::integer AS unmapped,
            (COALESCE(sum(r.meetings), (0)::bigint))::integer AS meetings,
            (sum(r.callbacks_scheduled))::integer AS callbacks_scheduled
           FROM dialbridge.rep_day_totals r
          GROUP BY ((date_trunc('week'::text, (r.day)::timestamp with time zone))::date), r.team_id, r.user_id
        )
 SELECT w.period_start,
    w.team_id,
    t.name AS team_name,
    w.user_id AS rep_id,
    COALESCE(p.display_name, p.email, 'Unknown rep'::text) AS rep_name,
    w.dials,
    w.connections,
    round(((100.0 * (w.connections)::numeric) / (NULLIF(w.dials, 0))::numeric), 1) AS connection_rate_pct,
    w.decision_maker_conversations,
    w.gatekeeper_conversations,
    w.voicemails,
    w.no_answers,
    w.talk_time_seconds,
    round(((w.talk_time_seconds)::numeric / 3600.0), 2) AS talk_time_hours,
    (round(((w.talk_time_seconds)::numeric / (NULLIF(w.connections, 0))::numeric)))::integer AS avg_talk_time_seconds,
    dialbridge.format_mmss(((w.talk_time_seconds)::numeric / (NULLIF(w.connections, 0))::numeric)) AS avg_talk_time,
    w.dispositioned_calls,
    round(((100.0 * (w.dispositioned_calls)::numeric) / (NULLIF(w.dials, 0))::numeric), 1) AS disposition_coverage_pct,
    w.qualified,
    w.nurture,
    w.disqualified,
    w.suppressed,
    w.other_dispositions,
    w.unmapped AS unmapped_dispositions,
    w.meetings,
    w.callbacks_scheduled,
    round(((100.0 * (w.qualified)::numeric) / (NULLIF(w.connections, 0))::numeric), 1) AS qualification_rate_pct
   FROM ((w
     LEFT JOIN dialbridge.report_profiles p ON ((p.id = w.user_id)))
     LEFT JOIN dialbridge.report_teams t ON ((t.id = w.team_id)));

--
-- Name: VIEW rep_performance_weekly; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON VIEW reports.rep_performance_weekly IS 'Rep performance per ISO week (Monday start). Same columns as rep_performance_daily.';

--
-- Name: COLUMN rep_performance_weekly.period_start; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.period_start IS 'First report day of the period (reporting time zone).';

--
-- Name: COLUMN rep_performance_weekly.team_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.team_id IS 'Team id.';

--
-- Name: COLUMN rep_performance_weekly.team_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.team_name IS 'Team name.';

--
-- Name: COLUMN rep_performance_weekly.rep_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.rep_id IS 'Rep (profile id).';

--
-- Name: COLUMN rep_performance_weekly.rep_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.rep_name IS 'Rep name.';

--
-- Name: COLUMN rep_performance_weekly.dials; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.dials IS 'Calls made (one per call, however many dialer events it produced).';

--
-- Name: COLUMN rep_performance_weekly.connections; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.connections IS 'Calls answered by a person (call outcome connected; voicemail is not a connection).';

--
-- Name: COLUMN rep_performance_weekly.connection_rate_pct; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.connection_rate_pct IS 'connections / dials × 100.';

--
-- Name: COLUMN rep_performance_weekly.decision_maker_conversations; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.decision_maker_conversations IS 'Connections with the decision maker.';

--
-- Name: COLUMN rep_performance_weekly.gatekeeper_conversations; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.gatekeeper_conversations IS 'Connections with a gatekeeper.';

--
-- Name: COLUMN rep_performance_weekly.voicemails; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.voicemails IS 'Calls that reached voicemail.';

--
-- Name: COLUMN rep_performance_weekly.no_answers; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.no_answers IS 'Calls not answered (no answer, busy).';

--
-- Name: COLUMN rep_performance_weekly.talk_time_seconds; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.talk_time_seconds IS 'Conversation time of connected calls, seconds.';

--
-- Name: COLUMN rep_performance_weekly.talk_time_hours; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.talk_time_hours IS 'Conversation time, hours.';

--
-- Name: COLUMN rep_performance_weekly.avg_talk_time_seconds; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.avg_talk_time_seconds IS 'Average talk time per connection, seconds.';

--
-- Name: COLUMN rep_performance_weekly.avg_talk_time; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.avg_talk_time IS 'Average talk time per connection, m:ss.';

--
-- Name: COLUMN rep_performance_weekly.dispositioned_calls; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.dispositioned_calls IS 'Calls with a disposition.';

--
-- Name: COLUMN rep_performance_weekly.disposition_coverage_pct; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.disposition_coverage_pct IS 'Calls with a disposition / calls × 100 (target > 90).';

--
-- Name: COLUMN rep_performance_weekly.qualified; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.qualified IS 'Calls dispositioned with SourceCo status Qualified.';

--
-- Name: COLUMN rep_performance_weekly.nurture; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.nurture IS 'Calls dispositioned with SourceCo status Nurture.';

--
-- Name: COLUMN rep_performance_weekly.disqualified; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.disqualified IS 'Calls dispositioned with SourceCo status Disqualified.';

--
-- Name: COLUMN rep_performance_weekly.suppressed; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.suppressed IS 'Calls dispositioned with SourceCo status Suppressed (do not call).';

--
-- Name: COLUMN rep_performance_weekly.other_dispositions; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.other_dispositions IS 'Calls dispositioned Attempted, Invalid or with no status.';

--
-- Name: COLUMN rep_performance_weekly.unmapped_dispositions; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.unmapped_dispositions IS 'Calls whose disposition matches no active mapping.';

--
-- Name: COLUMN rep_performance_weekly.meetings; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.meetings IS 'Calls dispositioned as a meeting (code MEETING_SET or stage Meeting Set).';

--
-- Name: COLUMN rep_performance_weekly.callbacks_scheduled; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.callbacks_scheduled IS 'Callbacks scheduled.';

--
-- Name: COLUMN rep_performance_weekly.qualification_rate_pct; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.rep_performance_weekly.qualification_rate_pct IS 'qualified / connections × 100.';

--
-- Name: segment_performance_daily; Type: VIEW; Schema: reports; Owner: -
--

CREATE VIEW reports.segment_performance_daily WITH (security_invoker='true') AS
 WITH g AS (
         SELECT r.day,
            r.team_id,
            r.dimension,
            r.value,
            (sum(r.calls))::integer AS dials,
            (sum(r.connections))::integer AS connections,
            (sum(r.talk_time_seconds))::bigint AS talk,
            (sum(r.dispositioned_calls))::integer AS disp,
            (COALESCE(sum(r.calls) FILTER (WHERE (r.outcome_group = 'qualified'::text)), (0)::bigint))::integer AS qualified,
            (COALESCE(sum(r.calls) FILTER (WHERE (r.outcome_group = 'nurture'::text)), (0)::bigint))::integer AS nurture,
            (COALESCE(sum(r.calls) FILTER (WHERE (r.outcome_group = 'disqualified'::text)), (0)::bigint))::integer AS disqualified,
            (COALESCE(sum(r.calls) FILTER (WHERE r.is_meeting), (0)::bigint))::integer AS meetings,
            (sum(r.callbacks_scheduled))::integer AS callbacks
           FROM dialbridge.segment_classified r
          GROUP BY r.day, r.team_id, r.dimension, r.value
        )
 SELECT g.day AS period_start,
    g.team_id,
    t.name AS team_name,
    g.dimension,
    COALESCE(g.value, 'unspecified'::text) AS segment,
    g.dials,
    g.connections,
    round(((100.0 * (g.connections)::numeric) / (NULLIF(g.dials, 0))::numeric), 1) AS connection_rate_pct,
    g.talk AS talk_time_seconds,
    round(((g.talk)::numeric / 3600.0), 2) AS talk_time_hours,
    dialbridge.format_mmss(((g.talk)::numeric / (NULLIF(g.connections, 0))::numeric)) AS avg_talk_time,
    g.qualified,
    g.nurture,
    g.disqualified,
    g.meetings,
    g.callbacks AS callbacks_scheduled,
    round(((100.0 * (g.qualified)::numeric) / (NULLIF(g.connections, 0))::numeric), 1) AS qualification_rate_pct,
    round(((100.0 * (g.disp)::numeric) / (NULLIF(g.dials, 0))::numeric), 1) AS disposition_coverage_pct
   FROM (g
     LEFT JOIN dialbridge.report_teams t ON ((t.id = g.team_id)));

--
-- Name: VIEW segment_performance_daily; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON VIEW reports.segment_performance_daily IS 'Calls by contact segment per report day (US-012): dimension contact_type, list_source, industry or geography (state, else country) and its value.';

--
-- Name: COLUMN segment_performance_daily.period_start; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.segment_performance_daily.period_start IS 'First report day of the period (reporting time zone).';

--
-- Name: COLUMN segment_performance_daily.team_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.segment_performance_daily.team_id IS 'Team id.';

--
-- Name: COLUMN segment_performance_daily.team_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.segment_performance_daily.team_name IS 'Team name.';

--
-- Name: COLUMN segment_performance_daily.dimension; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.segment_performance_daily.dimension IS 'Segment dimension: contact_type, list_source, industry or geography (state, else country).';

--
-- Name: COLUMN segment_performance_daily.segment; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.segment_performance_daily.segment IS 'The segment value (unspecified when blank).';

--
-- Name: COLUMN segment_performance_daily.dials; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.segment_performance_daily.dials IS 'Calls made (one per call, however many dialer events it produced).';

--
-- Name: COLUMN segment_performance_daily.connections; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.segment_performance_daily.connections IS 'Calls answered by a person (call outcome connected; voicemail is not a connection).';

--
-- Name: COLUMN segment_performance_daily.connection_rate_pct; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.segment_performance_daily.connection_rate_pct IS 'connections / dials × 100.';

--
-- Name: COLUMN segment_performance_daily.talk_time_seconds; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.segment_performance_daily.talk_time_seconds IS 'Conversation time of connected calls, seconds.';

--
-- Name: COLUMN segment_performance_daily.talk_time_hours; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.segment_performance_daily.talk_time_hours IS 'Conversation time, hours.';

--
-- Name: COLUMN segment_performance_daily.avg_talk_time; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.segment_performance_daily.avg_talk_time IS 'Average talk time per connection, m:ss.';

--
-- Name: COLUMN segment_performance_daily.qualified; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.segment_performance_daily.qualified IS 'Calls dispositioned with SourceCo status Qualified.';

--
-- Name: COLUMN segment_performance_daily.nurture; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.segment_performance_daily.nurture IS 'Calls dispositioned with SourceCo status Nurture.';

--
-- Name: COLUMN segment_performance_daily.disqualified; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.segment_performance_daily.disqualified IS 'Calls dispositioned with SourceCo status Disqualified.';

--
-- Name: COLUMN segment_performance_daily.meetings; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.segment_performance_daily.meetings IS 'Calls dispositioned as a meeting (code MEETING_SET or stage Meeting Set).';

--
-- Name: COLUMN segment_performance_daily.callbacks_scheduled; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.segment_performance_daily.callbacks_scheduled IS 'Callbacks scheduled.';

--
-- Name: COLUMN segment_performance_daily.qualification_rate_pct; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.segment_performance_daily.qualification_rate_pct IS 'qualified / connections × 100.';

--
-- Name: COLUMN segment_performance_daily.disposition_coverage_pct; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.segment_performance_daily.disposition_coverage_pct IS 'Calls with a disposition / calls × 100 (target > 90).';

--
-- Name: session_activity; Type: VIEW; Schema: reports; Owner: -
--

CREATE VIEW reports.session_activity WITH (security_invoker='true') AS
 SELECT a.phoneburner_session_id AS session_id,
    a.team_id,
    a.id AS activity_id,
    COALESCE(a.call_started_at, a.disposition_set_at, a.created_at) AS occurred_at,
    a.user_id AS rep_id,
    COALESCE(p.display_name, a.user_name) AS rep_name,
    a.contact_id,
    c.first_name,
    c.last_name,
    c.company,
        CASE
            WHEN (a.call_outcome = 'connected'::text) THEN 'Connected'::text
            WHEN (a.call_outcome = 'voicemail'::text) THEN 'Voicemail'::text
            WHEN (a.call_outcome = 'no_answer'::text) THEN 'No answer'::text
            WHEN (a.call_outcome = 'busy'::text) THEN 'Busy'::text
            WHEN (a.call_outcome IS NOT NULL) THEN initcap(a.call_outcome)
            ELSE 'Attempted'::text
        END AS outcome,
    a.talk_time_seconds,
    dialbridge.format_mmss((a.talk_time_seconds)::numeric) AS talk_time,
    a.disposition_code,
    a.disposition_label,
    "left"(a.disposition_notes, 200) AS notes_preview,
    a.recording_url
   FROM ((dialbridge.report_contact_activities a
     LEFT JOIN dialbridge.report_contacts c ON ((c.id = a.contact_id)))
     LEFT JOIN dialbridge.report_profiles p ON ((p.id = a.user_id)))
  WHERE ((a.phoneburner_session_id IS NOT NULL) AND (a.deleted_at IS NULL) AND (a.activity_type = ANY (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text, 'voicemail_left'::text])));

--
-- Name: VIEW session_activity; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON VIEW reports.session_activity IS 'Session detail, recent activity: each call of a session with rep, contact, outcome, talk time and disposition. Filter session_id; order by occurred_at desc.';

--
-- Name: COLUMN session_activity.session_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_activity.session_id IS 'Dial session id.';

--
-- Name: COLUMN session_activity.team_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_activity.team_id IS 'Team id.';

--
-- Name: COLUMN session_activity.activity_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_activity.activity_id IS 'Activity id.';

--
-- Name: COLUMN session_activity.occurred_at; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_activity.occurred_at IS 'When it happened (call start, else disposition time, else when recorded).';

--
-- Name: COLUMN session_activity.rep_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_activity.rep_id IS 'Rep (profile id).';

--
-- Name: COLUMN session_activity.rep_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_activity.rep_name IS 'Rep name.';

--
-- Name: COLUMN session_activity.contact_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_activity.contact_id IS 'Contact id.';

--
-- Name: COLUMN session_activity.first_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_activity.first_name IS 'Contact first name.';

--
-- Name: COLUMN session_activity.last_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_activity.last_name IS 'Contact last name.';

--
-- Name: COLUMN session_activity.company; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_activity.company IS 'Contact company.';

--
-- Name: COLUMN session_activity.outcome; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_activity.outcome IS 'Call outcome in words (Connected, Voicemail, No answer, …) or task status.';

--
-- Name: COLUMN session_activity.talk_time_seconds; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_activity.talk_time_seconds IS 'Conversation time of connected calls, seconds.';

--
-- Name: COLUMN session_activity.talk_time; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_activity.talk_time IS 'Talk time, m:ss.';

--
-- Name: COLUMN session_activity.disposition_code; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_activity.disposition_code IS 'Disposition code.';

--
-- Name: COLUMN session_activity.disposition_label; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_activity.disposition_label IS 'Disposition label.';

--
-- Name: COLUMN session_activity.notes_preview; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_activity.notes_preview IS 'First 200 characters of the rep''s notes.';

--
-- Name: COLUMN session_activity.recording_url; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_activity.recording_url IS 'Link to the call recording.';

--
-- Name: session_contacts; Type: VIEW; Schema: reports; Owner: -
--

CREATE VIEW reports.session_contacts WITH (security_invoker='true') AS
 SELECT m.session_id,
    m.team_id,
    m.contact_id,
    c.first_name,
    c.last_name,
    c.company,
        CASE
            WHEN (COALESCE(x.connections, 0) > 0) THEN 'connected'::text
            WHEN (COALESCE(x.calls, 0) > 0) THEN 'dialed'::text
            ELSE m.state
        END AS status,
    m.state AS membership_state,
    COALESCE(x.calls, 0) AS calls,
    COALESCE(x.connections, 0) AS connections,
    m.last_called_at,
    m.last_disposition_code,
    m.added_at,
    c.call_engagement_score
   FROM ((dialbridge.report_session_contacts m
     JOIN dialbridge.report_contacts c ON ((c.id = m.contact_id)))
     LEFT JOIN ( SELECT s.session_id,
            s.contact_id,
            (sum(s.calls))::integer AS calls,
            (sum(s.connections))::integer AS connections
           FROM dialbridge.session_contact_stats s
          GROUP BY s.session_id, s.contact_id) x ON (((x.session_id = m.session_id) AND (x.contact_id = m.contact_id))));

--
-- Name: VIEW session_contacts; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON VIEW reports.session_contacts IS 'Session detail: each contact of a session with its status (pending, dialed, connected, …) and calls.';

--
-- Name: COLUMN session_contacts.session_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_contacts.session_id IS 'Dial session id.';

--
-- Name: COLUMN session_contacts.team_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_contacts.team_id IS 'Team id.';

--
-- Name: COLUMN session_contacts.contact_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_contacts.contact_id IS 'Contact id.';

--
-- Name: COLUMN session_contacts.first_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_contacts.first_name IS 'Contact first name.';

--
-- Name: COLUMN session_contacts.last_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_contacts.last_name IS 'Contact last name.';

--
-- Name: COLUMN session_contacts.company; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_contacts.company IS 'Contact company.';

--
-- Name: COLUMN session_contacts.status; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_contacts.status IS 'overdue or due_today (follow-ups); pending, dialed, connected, … (session contacts).';

--
-- Name: COLUMN session_contacts.membership_state; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_contacts.membership_state IS 'State of the contact in the session as the push and dialer recorded it.';

--
-- Name: COLUMN session_contacts.calls; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_contacts.calls IS 'Calls.';

--
-- Name: COLUMN session_contacts.connections; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_contacts.connections IS 'Calls answered by a person (call outcome connected; voicemail is not a connection).';

--
-- Name: COLUMN session_contacts.last_called_at; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_contacts.last_called_at IS 'Last call to the contact in this session.';

--
-- Name: COLUMN session_contacts.last_disposition_code; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_contacts.last_disposition_code IS 'Last disposition in this session.';

--
-- Name: COLUMN session_contacts.added_at; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_contacts.added_at IS 'When the contact was added to the session.';

--
-- Name: COLUMN session_contacts.call_engagement_score; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.session_contacts.call_engagement_score IS 'Contact''s engagement score (0–100).';

--
-- Name: success_metrics; Type: VIEW; Schema: reports; Owner: -
--

CREATE VIEW reports.success_metrics WITH (security_invoker='true') AS
 SELECT success_metrics.metric,
    success_metrics.period_days,
    success_metrics.value,
    success_metrics.target,
    success_metrics.meets_target,
    success_metrics.detail
   FROM dialbridge.success_metrics(now()) success_metrics(metric, period_days, value, target, meets_target, detail);

--
-- Name: VIEW success_metrics; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON VIEW reports.success_metrics IS 'Seed 001 90-day success metrics the data can measure, with targets.';

--
-- Name: COLUMN success_metrics.metric; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.success_metrics.metric IS 'Metric.';

--
-- Name: COLUMN success_metrics.period_days; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.success_metrics.period_days IS 'Days the metric covers.';

--
-- Name: COLUMN success_metrics.value; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.success_metrics.value IS 'Measured value.';

--
-- Name: COLUMN success_metrics.target; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.success_metrics.target IS 'Seed 001 target.';

--
-- Name: COLUMN success_metrics.meets_target; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.success_metrics.meets_target IS 'Whether the target is met (null: no numeric target).';

--
-- Name: COLUMN success_metrics.detail; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.success_metrics.detail IS 'What is measured.';

--
-- Name: time_to_meeting; Type: VIEW; Schema: reports; Owner: -
--

CREATE VIEW reports.time_to_meeting WITH (security_invoker='true') AS
 WITH meeting_keys AS (
         SELECT k.match_key
           FROM dialbridge.disposition_classes k
          WHERE k.is_meeting
        ), meetings AS (
         SELECT a.contact_id,
            min(COALESCE(a.disposition_set_at, a.call_started_at, a.created_at)) AS first_meeting_at,
            (count(*))::integer AS meeting_calls
           FROM dialbridge.report_contact_activities a
          WHERE ((a.contact_id IS NOT NULL) AND (a.deleted_at IS NULL) AND (a.activity_type = ANY (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text, 'voicemail_left'::text])) AND ((a.disposition_code IN ( SELECT substr(k.match_key, 3) AS substr
                   FROM meeting_keys k
                  WHERE (k.match_key ~~ 'c:%'::text))) OR ((a.disposition_code IS NULL) AND (a.disposition_label IS NOT NULL) AND (('l:'::text || dialbridge.normalize_label(a.disposition_label)) IN ( SELECT k.match_key
                   FROM meeting_keys k)))))
          GROUP BY a.contact_id
        )
 SELECT c.id AS contact_id,
    c.team_id,
    c.first_name,
    c.last_name,
    c.company,
    COALESCE(c.contact_type, 'unspecified'::text) AS contact_type,
    COALESCE(c.list_source, 'unspecified'::text) AS list_source,
    COALESCE(c.industry, 'unspecified'::text) AS industry,
    COALESCE(NULLIF(c.state, ''::text), NULLIF(c.country, ''::text), 'unspecified'::text) AS geography,
    c.first_call_attempt_at AS first_call_at,
    m.first_meeting_at,
    m.meeting_calls,
    round(((date_part('epoch'::text, (m.first_meeting_at - c.first_call_attempt_at)) / (86400)::double precision))::numeric, 1) AS days_to_meeting
   FROM (meetings m
     JOIN dialbridge.report_contacts c ON ((c.id = m.contact_id)));

--
-- Name: VIEW time_to_meeting; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON VIEW reports.time_to_meeting IS 'Contacts who got a meeting: time from their first call to the first call dispositioned as a meeting.';

--
-- Name: COLUMN time_to_meeting.contact_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.time_to_meeting.contact_id IS 'Contact id.';

--
-- Name: COLUMN time_to_meeting.team_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.time_to_meeting.team_id IS 'Team id.';

--
-- Name: COLUMN time_to_meeting.first_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.time_to_meeting.first_name IS 'Contact first name.';

--
-- Name: COLUMN time_to_meeting.last_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.time_to_meeting.last_name IS 'Contact last name.';

--
-- Name: COLUMN time_to_meeting.company; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.time_to_meeting.company IS 'Contact company.';

--
-- Name: COLUMN time_to_meeting.contact_type; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.time_to_meeting.contact_type IS 'buyer, seller (or mixed for sessions; unspecified when blank).';

--
-- Name: COLUMN time_to_meeting.list_source; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.time_to_meeting.list_source IS 'Where the contact came from (unspecified when blank).';

--
-- Name: COLUMN time_to_meeting.industry; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.time_to_meeting.industry IS 'Contact industry (unspecified when blank).';

--
-- Name: COLUMN time_to_meeting.geography; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.time_to_meeting.geography IS 'Contact state, else country (unspecified when blank).';

--
-- Name: COLUMN time_to_meeting.first_call_at; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.time_to_meeting.first_call_at IS 'The contact''s first call attempt.';

--
-- Name: COLUMN time_to_meeting.first_meeting_at; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.time_to_meeting.first_meeting_at IS 'When the contact''s first meeting disposition was set.';

--
-- Name: COLUMN time_to_meeting.meeting_calls; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.time_to_meeting.meeting_calls IS 'Calls dispositioned as a meeting.';

--
-- Name: COLUMN time_to_meeting.days_to_meeting; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.time_to_meeting.days_to_meeting IS 'Days from first call to first meeting.';

--
-- Name: time_to_meeting_by_segment; Type: VIEW; Schema: reports; Owner: -
--

CREATE VIEW reports.time_to_meeting_by_segment WITH (security_invoker='true') AS
 SELECT t.team_id,
    t.contact_type,
    t.list_source,
    t.industry,
    (count(*))::integer AS contacts_with_meeting,
    round(avg(t.days_to_meeting), 1) AS avg_days_to_meeting,
    round((percentile_cont((0.5)::double precision) WITHIN GROUP (ORDER BY ((t.days_to_meeting)::double precision)))::numeric, 1) AS median_days_to_meeting,
    min(t.days_to_meeting) AS fastest_days,
    max(t.days_to_meeting) AS slowest_days
   FROM reports.time_to_meeting t
  WHERE (t.days_to_meeting IS NOT NULL)
  GROUP BY t.team_id, t.contact_type, t.list_source, t.industry;

--
-- Name: VIEW time_to_meeting_by_segment; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON VIEW reports.time_to_meeting_by_segment IS 'Time from first call to meeting by contact type, list source and industry: count, average and median days.';

--
-- Name: COLUMN time_to_meeting_by_segment.team_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.time_to_meeting_by_segment.team_id IS 'Team id.';

--
-- Name: COLUMN time_to_meeting_by_segment.contact_type; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.time_to_meeting_by_segment.contact_type IS 'buyer, seller (or mixed for sessions; unspecified when blank).';

--
-- Name: COLUMN time_to_meeting_by_segment.list_source; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.time_to_meeting_by_segment.list_source IS 'Where the contact came from (unspecified when blank).';

--
-- Name: COLUMN time_to_meeting_by_segment.industry; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.time_to_meeting_by_segment.industry IS 'Contact industry (unspecified when blank).';

--
-- Name: COLUMN time_to_meeting_by_segment.contacts_with_meeting; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.time_to_meeting_by_segment.contacts_with_meeting IS 'Contacts who got a meeting.';

--
-- Name: COLUMN time_to_meeting_by_segment.avg_days_to_meeting; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.time_to_meeting_by_segment.avg_days_to_meeting IS 'Average days from first call to meeting.';

--
-- Name: COLUMN time_to_meeting_by_segment.median_days_to_meeting; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.time_to_meeting_by_segment.median_days_to_meeting IS 'Median days from first call to meeting.';

--
-- Name: COLUMN time_to_meeting_by_segment.fastest_days; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.time_to_meeting_by_segment.fastest_days IS 'Fewest days from first call to meeting.';

--
-- Name: COLUMN time_to_meeting_by_segment.slowest_days; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.time_to_meeting_by_segment.slowest_days IS 'Most days from first call to meeting.';

--
-- Name: unmapped_dispositions; Type: VIEW; Schema: reports; Owner: -
--

CREATE VIEW reports.unmapped_dispositions WITH (security_invoker='true') AS
 SELECT u.team_id,
    t.name AS team_name,
    NULLIF(u.disposition_code, ''::text) AS disposition_code,
    dialbridge.disposition_label_example(u.disposition_code, u.label_key) AS example_label,
    NULLIF(u.label_key, ''::text) AS normalized_label,
    u.calls,
    u.reps,
    u.first_day,
    u.last_day
   FROM (( SELECT r.team_id,
            r.disposition_code,
            r.label_key,
            (sum(r.calls))::integer AS calls,
            (count(DISTINCT r.user_id))::integer AS reps,
            min(r.day) AS first_day,
            max(r.day) AS last_day
           FROM dialbridge.rep_daily_classified r
          WHERE ((r.outcome_group = 'unmapped'::text) AND (r.calls > 0))
          GROUP BY r.team_id, r.disposition_code, r.label_key) u
     LEFT JOIN dialbridge.report_teams t ON ((t.id = u.team_id)));

--
-- Name: VIEW unmapped_dispositions; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON VIEW reports.unmapped_dispositions IS 'Dispositions that match no active mapping (code or label), with how often and since when: add a mapping or an alias for each.';

--
-- Name: COLUMN unmapped_dispositions.team_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.unmapped_dispositions.team_id IS 'Team id.';

--
-- Name: COLUMN unmapped_dispositions.team_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.unmapped_dispositions.team_name IS 'Team name.';

--
-- Name: COLUMN unmapped_dispositions.disposition_code; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.unmapped_dispositions.disposition_code IS 'Disposition code.';

--
-- Name: COLUMN unmapped_dispositions.example_label; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.unmapped_dispositions.example_label IS 'A label reps chose for this disposition.';

--
-- Name: COLUMN unmapped_dispositions.normalized_label; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.unmapped_dispositions.normalized_label IS 'The label normalised for matching (case, spaces and punctuation ignored).';

--
-- Name: COLUMN unmapped_dispositions.calls; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.unmapped_dispositions.calls IS 'Calls.';

--
-- Name: COLUMN unmapped_dispositions.reps; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.unmapped_dispositions.reps IS 'Reps who used it.';

--
-- Name: COLUMN unmapped_dispositions.first_day; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.unmapped_dispositions.first_day IS 'First report day it was used.';

--
-- Name: COLUMN unmapped_dispositions.last_day; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.unmapped_dispositions.last_day IS 'Last report day it was used.';

--
-- Name: unmatched_activities; Type: VIEW; Schema: reports; Owner: -
--

CREATE VIEW reports.unmatched_activities WITH (security_invoker='true') AS
 SELECT a.id AS activity_id,
    a.team_id,
    a.created_at,
    COALESCE(a.call_started_at, a.created_at) AS occurred_at,
    a.activity_type,
    a.source_system,
    a.user_id AS rep_id,
    COALESCE(p.display_name, a.user_name) AS rep_name,
    a.phoneburner_session_id AS session_id,
    s.session_name,
    a.phoneburner_call_id,
    a.phoneburner_contact_id,
    a.call_outcome,
    a.disposition_code,
    a.disposition_label,
    round(((date_part('epoch'::text, (now() - a.created_at)) / (3600)::double precision))::numeric, 1) AS age_hours
   FROM ((dialbridge.report_contact_activities a
     LEFT JOIN dialbridge.report_profiles p ON ((p.id = a.user_id)))
     LEFT JOIN dialbridge.report_phoneburner_sessions s ON ((s.id = a.phoneburner_session_id)))
  WHERE ((a.matching_status = 'unmatched'::text) AND (a.deleted_at IS NULL));

--
-- Name: VIEW unmatched_activities; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON VIEW reports.unmatched_activities IS 'Dialer activities not linked to a contact yet (matching_status unmatched), oldest needing attention.';

--
-- Name: COLUMN unmatched_activities.activity_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.unmatched_activities.activity_id IS 'Activity id.';

--
-- Name: COLUMN unmatched_activities.team_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.unmatched_activities.team_id IS 'Team id.';

--
-- Name: COLUMN unmatched_activities.created_at; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.unmatched_activities.created_at IS 'When created.';

--
-- Name: COLUMN unmatched_activities.occurred_at; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.unmatched_activities.occurred_at IS 'When it happened (call start, else disposition time, else when recorded).';

--
-- Name: COLUMN unmatched_activities.activity_type; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.unmatched_activities.activity_type IS 'Activity type as recorded (call: its furthest stage; task: task type).';

--
-- Name: COLUMN unmatched_activities.source_system; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.unmatched_activities.source_system IS 'Where the activity came from (phoneburner, manual, …) or the task source.';

--
-- Name: COLUMN unmatched_activities.rep_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.unmatched_activities.rep_id IS 'Rep (profile id).';

--
-- Name: COLUMN unmatched_activities.rep_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.unmatched_activities.rep_name IS 'Rep name.';

--
-- Name: COLUMN unmatched_activities.session_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.unmatched_activities.session_id IS 'Dial session id.';

--
-- Name: COLUMN unmatched_activities.session_name; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.unmatched_activities.session_name IS 'Session name.';

--
-- Name: COLUMN unmatched_activities.phoneburner_call_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.unmatched_activities.phoneburner_call_id IS 'PhoneBurner''s call id.';

--
-- Name: COLUMN unmatched_activities.phoneburner_contact_id; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.unmatched_activities.phoneburner_contact_id IS 'PhoneBurner''s contact id.';

--
-- Name: COLUMN unmatched_activities.call_outcome; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.unmatched_activities.call_outcome IS 'Call outcome as recorded.';

--
-- Name: COLUMN unmatched_activities.disposition_code; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.unmatched_activities.disposition_code IS 'Disposition code.';

--
-- Name: COLUMN unmatched_activities.disposition_label; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.unmatched_activities.disposition_label IS 'Disposition label.';

--
-- Name: COLUMN unmatched_activities.age_hours; Type: COMMENT; Schema: reports; Owner: -
--

COMMENT ON COLUMN reports.unmatched_activities.age_hours IS 'Hours since the activity was recorded.';

--
-- Name: call_hour_stats call_hour_stats_pkey; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.call_hour_stats
    ADD CONSTRAINT call_hour_stats_pkey PRIMARY KEY (contact_type, industry, day_of_week, hour);

--
-- Name: callback_applications callback_applications_pkey; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.callback_applications
    ADD CONSTRAINT callback_applications_pkey PRIMARY KEY (activity_id);

--
-- Name: contact_marks contact_marks_pkey; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.contact_marks
    ADD CONSTRAINT contact_marks_pkey PRIMARY KEY (contact_id, kind);

--
-- Name: contact_scores contact_scores_pkey; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.contact_scores
    ADD CONSTRAINT contact_scores_pkey PRIMARY KEY (contact_id);

--
-- Name: contacts_to_score contacts_to_score_pkey; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.contacts_to_score
    ADD CONSTRAINT contacts_to_score_pkey PRIMARY KEY (contact_id);

--
-- Name: disposition_applications disposition_applications_pkey; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.disposition_applications
    ADD CONSTRAINT disposition_applications_pkey PRIMARY KEY (activity_id);

--
-- Name: disposition_classes disposition_classes_pkey; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.disposition_classes
    ADD CONSTRAINT disposition_classes_pkey PRIMARY KEY (match_key);

--
-- Name: phoneburner_account_leases phoneburner_account_leases_pkey; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.phoneburner_account_leases
    ADD CONSTRAINT phoneburner_account_leases_pkey PRIMARY KEY (user_id);

--
-- Name: phoneburner_call_events phoneburner_call_events_pkey; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.phoneburner_call_events
    ADD CONSTRAINT phoneburner_call_events_pkey PRIMARY KEY (log_id);

--
-- Name: phoneburner_sync_state phoneburner_sync_state_pkey; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.phoneburner_sync_state
    ADD CONSTRAINT phoneburner_sync_state_pkey PRIMARY KEY (user_id);

--
-- Name: rep_daily_stats rep_daily_stats_key; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.rep_daily_stats
    ADD CONSTRAINT rep_daily_stats_key UNIQUE NULLS NOT DISTINCT (team_id, user_id, day, disposition_code, label_key);

--
-- Name: rep_daily_stats rep_daily_stats_pkey; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.rep_daily_stats
    ADD CONSTRAINT rep_daily_stats_pkey PRIMARY KEY (id);

--
-- Name: rep_day_totals rep_day_totals_key; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.rep_day_totals
    ADD CONSTRAINT rep_day_totals_key UNIQUE NULLS NOT DISTINCT (team_id, user_id, day);

--
-- Name: rep_day_totals rep_day_totals_pkey; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.rep_day_totals
    ADD CONSTRAINT rep_day_totals_pkey PRIMARY KEY (id);

--
-- Name: report_settings report_settings_pkey; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.report_settings
    ADD CONSTRAINT report_settings_pkey PRIMARY KEY (id);

--
-- Name: segment_daily_stats segment_daily_stats_key; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.segment_daily_stats
    ADD CONSTRAINT segment_daily_stats_key UNIQUE NULLS NOT DISTINCT (team_id, day, dimension, value, disposition_code, label_key);

--
-- Name: segment_daily_stats segment_daily_stats_pkey; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.segment_daily_stats
    ADD CONSTRAINT segment_daily_stats_pkey PRIMARY KEY (id);

--
-- Name: session_contact_stats session_contact_stats_key; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.session_contact_stats
    ADD CONSTRAINT session_contact_stats_key UNIQUE NULLS NOT DISTINCT (session_id, team_id, contact_id);

--
-- Name: session_contact_stats session_contact_stats_pkey; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.session_contact_stats
    ADD CONSTRAINT session_contact_stats_pkey PRIMARY KEY (id);

--
-- Name: session_stats session_stats_key; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.session_stats
    ADD CONSTRAINT session_stats_key UNIQUE NULLS NOT DISTINCT (session_id, team_id, disposition_code, label_key);

--
-- Name: session_stats session_stats_pkey; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.session_stats
    ADD CONSTRAINT session_stats_pkey PRIMARY KEY (id);

--
-- Name: session_totals session_totals_key; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.session_totals
    ADD CONSTRAINT session_totals_key UNIQUE NULLS NOT DISTINCT (session_id, team_id);

--
-- Name: session_totals session_totals_pkey; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.session_totals
    ADD CONSTRAINT session_totals_pkey PRIMARY KEY (id);

--
-- Name: sourceco_contact_columns sourceco_contact_columns_pkey; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.sourceco_contact_columns
    ADD CONSTRAINT sourceco_contact_columns_pkey PRIMARY KEY (column_name);

--
-- Name: time_zone_names time_zone_names_pkey; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.time_zone_names
    ADD CONSTRAINT time_zone_names_pkey PRIMARY KEY (name);

--
-- Name: us_state_time_zones us_state_time_zones_pkey; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.us_state_time_zones
    ADD CONSTRAINT us_state_time_zones_pkey PRIMARY KEY (state, time_zone);

--
-- Name: worker_heartbeats worker_heartbeats_pkey; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.worker_heartbeats
    ADD CONSTRAINT worker_heartbeats_pkey PRIMARY KEY (worker_id);

--
-- Name: calling_window_rules calling_window_rules_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.calling_window_rules
    ADD CONSTRAINT calling_window_rules_pkey PRIMARY KEY (region);

--
-- Name: contact_activities contact_activities_dedupe_key_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contact_activities
    ADD CONSTRAINT contact_activities_dedupe_key_key UNIQUE (dedupe_key);

--
-- Name: contact_activities contact_activities_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contact_activities
    ADD CONSTRAINT contact_activities_pkey PRIMARY KEY (id);

--
-- Name: contact_field_changes contact_field_changes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contact_field_changes
    ADD CONSTRAINT contact_field_changes_pkey PRIMARY KEY (id);

--
-- Name: contact_segments contact_segments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contact_segments
    ADD CONSTRAINT contact_segments_pkey PRIMARY KEY (id);

--
-- Name: contacts contacts_best_call_day_of_week_check; Type: CHECK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE public.contacts
    ADD CONSTRAINT contacts_best_call_day_of_week_check CHECK (((best_call_day_of_week >= 1) AND (best_call_day_of_week <= 7))) NOT VALID;

--
-- Name: contacts contacts_call_counters_check; Type: CHECK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE public.contacts
    ADD CONSTRAINT contacts_call_counters_check CHECK (((total_call_attempts >= 0) AND (total_calls_connected >= 0) AND (total_calls_connected <= total_call_attempts) AND (total_calls_to_decision_maker >= 0) AND (total_calls_to_gatekeeper >= 0) AND (total_voicemails_left >= 0) AND (total_call_duration_seconds >= 0) AND (total_talk_time_seconds >= 0))) NOT VALID;

--
-- Name: contacts contacts_call_engagement_score_check; Type: CHECK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE public.contacts
    ADD CONSTRAINT contacts_call_engagement_score_check CHECK (((call_engagement_score >= 0) AND (call_engagement_score <= 100))) NOT VALID;

--
-- Name: contacts contacts_next_action_type_check; Type: CHECK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE public.contacts
    ADD CONSTRAINT contacts_next_action_type_check CHECK ((next_action_type = ANY (ARRAY['call'::text, 'email'::text, 'send_materials'::text, 'schedule_meeting'::text, 'meeting_prep'::text, 'research'::text, 'remarket'::text]))) NOT VALID;

--
-- Name: contacts contacts_phone_e164_check; Type: CHECK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE public.contacts
    ADD CONSTRAINT contacts_phone_e164_check CHECK ((((phone_e164 IS NOT NULL) = (NOT (phone_status IS DISTINCT FROM 'valid'::text))) AND ((phone_e164 IS NULL) OR (phone_e164 ~ '^\+[1-9][0-9]{6,14}$'::text)))) NOT VALID;

--
-- Name: contacts contacts_phone_status_check; Type: CHECK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE public.contacts
    ADD CONSTRAINT contacts_phone_status_check CHECK ((phone_status = ANY (ARRAY['valid'::text, 'invalid'::text, 'missing'::text, 'pending'::text]))) NOT VALID;

--
-- Name: contacts contacts_phoneburner_sync_status_check; Type: CHECK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE public.contacts
    ADD CONSTRAINT contacts_phoneburner_sync_status_check CHECK ((phoneburner_sync_status = ANY (ARRAY['synced'::text, 'pending'::text, 'failed'::text, 'conflict'::text]))) NOT VALID;

--
-- Name: contacts contacts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contacts
    ADD CONSTRAINT contacts_pkey PRIMARY KEY (id);

--
-- Name: contacts contacts_target_ebitda_range_check; Type: CHECK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE public.contacts
    ADD CONSTRAINT contacts_target_ebitda_range_check CHECK (((target_ebitda_min_usd IS NULL) OR (target_ebitda_max_usd IS NULL) OR (target_ebitda_min_usd <= target_ebitda_max_usd))) NOT VALID;

--
-- Name: deal_contacts deal_contacts_deal_id_contact_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.deal_contacts
    ADD CONSTRAINT deal_contacts_deal_id_contact_id_key UNIQUE (deal_id, contact_id);

--
-- Name: deal_contacts deal_contacts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.deal_contacts
    ADD CONSTRAINT deal_contacts_pkey PRIMARY KEY (id);

--
-- Name: disposition_mappings disposition_mappings_phoneburner_disposition_code_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.disposition_mappings
    ADD CONSTRAINT disposition_mappings_phoneburner_disposition_code_key UNIQUE (phoneburner_disposition_code);

--
-- Name: disposition_mappings disposition_mappings_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.disposition_mappings
    ADD CONSTRAINT disposition_mappings_pkey PRIMARY KEY (id);

--
-- Name: phoneburner_oauth_tokens phoneburner_oauth_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_oauth_tokens
    ADD CONSTRAINT phoneburner_oauth_tokens_pkey PRIMARY KEY (id);

--
-- Name: phoneburner_oauth_tokens phoneburner_oauth_tokens_user_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_oauth_tokens
    ADD CONSTRAINT phoneburner_oauth_tokens_user_id_key UNIQUE (user_id);

--
-- Name: phoneburner_push_batches phoneburner_push_batches_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_push_batches
    ADD CONSTRAINT phoneburner_push_batches_pkey PRIMARY KEY (id);

--
-- Name: phoneburner_push_batches phoneburner_push_batches_request_key_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_push_batches
    ADD CONSTRAINT phoneburner_push_batches_request_key_key UNIQUE (request_key);

--
-- Name: phoneburner_push_batches phoneburner_push_batches_run_id_batch_no_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_push_batches
    ADD CONSTRAINT phoneburner_push_batches_run_id_batch_no_key UNIQUE (run_id, batch_no);

--
-- Name: phoneburner_push_run_contacts phoneburner_push_run_contacts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_push_run_contacts
    ADD CONSTRAINT phoneburner_push_run_contacts_pkey PRIMARY KEY (run_id, contact_id);

--
-- Name: phoneburner_push_runs phoneburner_push_runs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_push_runs
    ADD CONSTRAINT phoneburner_push_runs_pkey PRIMARY KEY (id);

--
-- Name: phoneburner_push_runs phoneburner_push_runs_request_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_push_runs
    ADD CONSTRAINT phoneburner_push_runs_request_id_key UNIQUE (request_id);

--
-- Name: phoneburner_session_call_checks phoneburner_session_call_checks_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_session_call_checks
    ADD CONSTRAINT phoneburner_session_call_checks_pkey PRIMARY KEY (id);

--
-- Name: phoneburner_session_call_checks phoneburner_session_call_checks_session_id_checked_at_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_session_call_checks
    ADD CONSTRAINT phoneburner_session_call_checks_session_id_checked_at_key UNIQUE (session_id, checked_at);

--
-- Name: phoneburner_session_contacts phoneburner_session_contacts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_session_contacts
    ADD CONSTRAINT phoneburner_session_contacts_pkey PRIMARY KEY (session_id, contact_id);

--
-- Name: phoneburner_sessions phoneburner_sessions_phoneburner_session_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_sessions
    ADD CONSTRAINT phoneburner_sessions_phoneburner_session_id_key UNIQUE (phoneburner_session_id);

--
-- Name: phoneburner_sessions phoneburner_sessions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_sessions
    ADD CONSTRAINT phoneburner_sessions_pkey PRIMARY KEY (id);

--
-- Name: phoneburner_webhook_rejections phoneburner_webhook_rejections_bucket_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_webhook_rejections
    ADD CONSTRAINT phoneburner_webhook_rejections_bucket_key UNIQUE NULLS NOT DISTINCT (bucket_at, reason, event_type_hint, ip_address);

--
-- Name: phoneburner_webhook_rejections phoneburner_webhook_rejections_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_webhook_rejections
    ADD CONSTRAINT phoneburner_webhook_rejections_pkey PRIMARY KEY (id);

--
-- Name: phoneburner_webhooks_log phoneburner_webhooks_log_event_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_webhooks_log
    ADD CONSTRAINT phoneburner_webhooks_log_event_id_key UNIQUE (event_id);

--
-- Name: phoneburner_webhooks_log phoneburner_webhooks_log_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_webhooks_log
    ADD CONSTRAINT phoneburner_webhooks_log_pkey PRIMARY KEY (id);

--
-- Name: profiles profiles_phoneburner_user_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.profiles
    ADD CONSTRAINT profiles_phoneburner_user_id_key UNIQUE (phoneburner_user_id);

--
-- Name: profiles profiles_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.profiles
    ADD CONSTRAINT profiles_pkey PRIMARY KEY (id);

--
-- Name: push_overrides push_overrides_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.push_overrides
    ADD CONSTRAINT push_overrides_pkey PRIMARY KEY (id);

--
-- Name: push_overrides push_overrides_run_id_contact_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.push_overrides
    ADD CONSTRAINT push_overrides_run_id_contact_id_key UNIQUE (run_id, contact_id);

--
-- Name: push_settings push_settings_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.push_settings
    ADD CONSTRAINT push_settings_pkey PRIMARY KEY (team_id);

--
-- Name: suppressions suppressions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.suppressions
    ADD CONSTRAINT suppressions_pkey PRIMARY KEY (id);

--
-- Name: tasks tasks_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tasks
    ADD CONSTRAINT tasks_pkey PRIMARY KEY (id);

--
-- Name: teams teams_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.teams
    ADD CONSTRAINT teams_name_key UNIQUE (name);

--
-- Name: teams teams_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.teams
    ADD CONSTRAINT teams_pkey PRIMARY KEY (id);

--
-- Name: workflow_runs workflow_runs_activity_workflow_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.workflow_runs
    ADD CONSTRAINT workflow_runs_activity_workflow_key UNIQUE (source_activity_id, workflow_name);

--
-- Name: workflow_runs workflow_runs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.workflow_runs
    ADD CONSTRAINT workflow_runs_pkey PRIMARY KEY (id);

--
-- Name: callback_applications_call_idx; Type: INDEX; Schema: dialbridge; Owner: -
--

CREATE INDEX callback_applications_call_idx ON dialbridge.callback_applications USING btree (contact_id, call_key, event_at DESC);

--
-- Name: contact_scores_team_idx; Type: INDEX; Schema: dialbridge; Owner: -
--

CREATE INDEX contact_scores_team_idx ON dialbridge.contact_scores USING btree (team_id);

--
-- Name: disposition_applications_contact_idx; Type: INDEX; Schema: dialbridge; Owner: -
--

CREATE INDEX disposition_applications_contact_idx ON dialbridge.disposition_applications USING btree (contact_id);

--
-- Name: disposition_applications_unmapped_idx; Type: INDEX; Schema: dialbridge; Owner: -
--

CREATE INDEX disposition_applications_unmapped_idx ON dialbridge.disposition_applications USING btree (activity_id) WHERE (mapping_id IS NULL);

--
-- Name: phoneburner_call_events_call_key_idx; Type: INDEX; Schema: dialbridge; Owner: -
--

CREATE INDEX phoneburner_call_events_call_key_idx ON dialbridge.phoneburner_call_events USING btree (call_key) WHERE (call_key IS NOT NULL);

--
-- Name: phoneburner_call_events_event_id_key; Type: INDEX; Schema: dialbridge; Owner: -
--

CREATE UNIQUE INDEX phoneburner_call_events_event_id_key ON dialbridge.phoneburner_call_events USING btree (event_id);

--
-- Name: phoneburner_call_events_subject_idx; Type: INDEX; Schema: dialbridge; Owner: -
--

CREATE INDEX phoneburner_call_events_subject_idx ON dialbridge.phoneburner_call_events USING btree (subject, event_at) WHERE (subject IS NOT NULL);

--
-- Name: rep_daily_stats_day_idx; Type: INDEX; Schema: dialbridge; Owner: -
--

CREATE INDEX rep_daily_stats_day_idx ON dialbridge.rep_daily_stats USING btree (day);

--
-- Name: rep_day_totals_day_idx; Type: INDEX; Schema: dialbridge; Owner: -
--

CREATE INDEX rep_day_totals_day_idx ON dialbridge.rep_day_totals USING btree (day);

--
-- Name: segment_daily_stats_day_idx; Type: INDEX; Schema: dialbridge; Owner: -
--

CREATE INDEX segment_daily_stats_day_idx ON dialbridge.segment_daily_stats USING btree (day);

--
-- Name: session_contact_stats_team_idx; Type: INDEX; Schema: dialbridge; Owner: -
--

CREATE INDEX session_contact_stats_team_idx ON dialbridge.session_contact_stats USING btree (team_id);

--
-- Name: session_stats_team_idx; Type: INDEX; Schema: dialbridge; Owner: -
--

CREATE INDEX session_stats_team_idx ON dialbridge.session_stats USING btree (team_id);

--
-- Name: session_totals_team_idx; Type: INDEX; Schema: dialbridge; Owner: -
--

CREATE INDEX session_totals_team_idx ON dialbridge.session_totals USING btree (team_id);

--
-- Name: contact_activities_contact_calls_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contact_activities_contact_calls_idx ON public.contact_activities USING btree (contact_id, call_started_at) WHERE ((deleted_at IS NULL) AND (activity_type = ANY (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text, 'voicemail_left'::text])));

--
-- Name: contact_activities_contact_connected_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contact_activities_contact_connected_idx ON public.contact_activities USING btree (contact_id, COALESCE(call_connected_at, call_started_at)) WHERE ((deleted_at IS NULL) AND (call_outcome = 'connected'::text) AND (activity_type = ANY (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text, 'voicemail_left'::text])));

--
-- Name: contact_activities_contact_date_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contact_activities_contact_date_idx ON public.contact_activities USING btree (contact_id, call_started_at DESC);

--
-- Name: contact_activities_contact_disposition_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contact_activities_contact_disposition_idx ON public.contact_activities USING btree (contact_id, disposition_set_at DESC, dedupe_key DESC NULLS LAST, id DESC) WHERE ((deleted_at IS NULL) AND (disposition_set_at IS NOT NULL) AND (activity_type = ANY (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text, 'voicemail_left'::text])));

--
-- Name: contact_activities_contact_engaged_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contact_activities_contact_engaged_idx ON public.contact_activities USING btree (contact_id, COALESCE(call_connected_at, call_started_at)) WHERE ((deleted_at IS NULL) AND (call_outcome = 'connected'::text) AND (talk_time_seconds > 120) AND (activity_type = ANY (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text, 'voicemail_left'::text])));

--
-- Name: contact_activities_created_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contact_activities_created_at_idx ON public.contact_activities USING btree (created_at DESC);

--
-- Name: contact_activities_disposition_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contact_activities_disposition_idx ON public.contact_activities USING btree (disposition_code) WHERE (disposition_code IS NOT NULL);

--
-- Name: contact_activities_label_only_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contact_activities_label_only_idx ON public.contact_activities USING btree (dialbridge.normalize_label(disposition_label)) WHERE ((disposition_code IS NULL) AND (disposition_label IS NOT NULL));

--
-- Name: contact_activities_member_disposition_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contact_activities_member_disposition_idx ON public.contact_activities USING btree (phoneburner_session_id, contact_id, disposition_set_at DESC, dedupe_key DESC NULLS LAST, id DESC) WHERE ((deleted_at IS NULL) AND (disposition_set_at IS NOT NULL) AND (activity_type = ANY (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text, 'voicemail_left'::text])));

--
-- Name: contact_activities_pb_call_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contact_activities_pb_call_idx ON public.contact_activities USING btree (phoneburner_call_id) WHERE (phoneburner_call_id IS NOT NULL);

--
-- Name: contact_activities_session_activity_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contact_activities_session_activity_idx ON public.contact_activities USING btree (phoneburner_session_id, GREATEST(call_started_at, call_connected_at, call_ended_at, disposition_set_at)) WHERE ((deleted_at IS NULL) AND (activity_type = ANY (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text, 'voicemail_left'::text])));

--
-- Name: contact_activities_session_calls_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contact_activities_session_calls_idx ON public.contact_activities USING btree (phoneburner_session_id, call_started_at) WHERE ((deleted_at IS NULL) AND (activity_type = ANY (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text, 'voicemail_left'::text])));

--
-- Name: contact_activities_session_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contact_activities_session_idx ON public.contact_activities USING btree (phoneburner_session_id);

--
-- Name: contact_activities_team_date_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contact_activities_team_date_idx ON public.contact_activities USING btree (team_id, call_started_at DESC);

--
-- Name: contact_activities_unmatched_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contact_activities_unmatched_idx ON public.contact_activities USING btree (created_at) WHERE (matching_status = 'unmatched'::text);

--
-- Name: contact_activities_unmatched_pb_contact_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contact_activities_unmatched_pb_contact_idx ON public.contact_activities USING btree (phoneburner_contact_id) WHERE ((matching_status = 'unmatched'::text) AND (phoneburner_contact_id IS NOT NULL));

--
-- Name: contact_activities_user_date_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contact_activities_user_date_idx ON public.contact_activities USING btree (user_id, call_started_at DESC);

--
-- Name: contact_field_changes_contact_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contact_field_changes_contact_idx ON public.contact_field_changes USING btree (contact_id, field_name, changed_at DESC);

--
-- Name: contact_field_changes_event_field_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX contact_field_changes_event_field_key ON public.contact_field_changes USING btree (source_event_id, field_name) WHERE (source_event_id IS NOT NULL);

--
-- Name: contact_field_changes_team_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contact_field_changes_team_idx ON public.contact_field_changes USING btree (team_id);

--
-- Name: contact_segments_created_by_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contact_segments_created_by_idx ON public.contact_segments USING btree (created_by_user_id);

--
-- Name: contact_segments_team_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contact_segments_team_idx ON public.contact_segments USING btree (team_id);

--
-- Name: contacts_contact_type_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contacts_contact_type_idx ON public.contacts USING btree (team_id, contact_type);

--
-- Name: contacts_do_not_call_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contacts_do_not_call_idx ON public.contacts USING btree (id) WHERE do_not_call;

--
-- Name: contacts_engagement_score_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contacts_engagement_score_idx ON public.contacts USING btree (call_engagement_score DESC);

--
-- Name: contacts_last_call_attempt_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contacts_last_call_attempt_idx ON public.contacts USING btree (last_call_attempt_at DESC);

--
-- Name: contacts_next_action_date_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contacts_next_action_date_idx ON public.contacts USING btree (next_action_date) WHERE (next_action_date IS NOT NULL);

--
-- Name: contacts_owner_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contacts_owner_id_idx ON public.contacts USING btree (owner_id);

--
-- Name: contacts_phone_e164_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contacts_phone_e164_idx ON public.contacts USING btree (phone_e164) WHERE (phone_e164 IS NOT NULL);

--
-- Name: contacts_phone_invalid_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contacts_phone_invalid_idx ON public.contacts USING btree (id) WHERE phone_number_invalid;

--
-- Name: contacts_phone_pending_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contacts_phone_pending_idx ON public.contacts USING btree (id) WHERE (phone_status = 'pending'::text);

--
-- Name: contacts_phoneburner_contact_id_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX contacts_phoneburner_contact_id_key ON public.contacts USING btree (phoneburner_contact_id) WHERE (phoneburner_contact_id IS NOT NULL);

--
-- Name: contacts_sourceco_contact_id_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX contacts_sourceco_contact_id_key ON public.contacts USING btree (sourceco_contact_id);

--
-- Name: contacts_team_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contacts_team_id_idx ON public.contacts USING btree (team_id);

--
-- Name: deal_contacts_contact_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX deal_contacts_contact_idx ON public.deal_contacts USING btree (contact_id);

--
-- Name: deal_contacts_team_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX deal_contacts_team_idx ON public.deal_contacts USING btree (team_id);

--
-- Name: disposition_mappings_aliases_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX disposition_mappings_aliases_idx ON public.disposition_mappings USING gin (dialbridge.normalized_aliases(label_aliases)) WHERE is_active;

--
-- Name: disposition_mappings_label_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX disposition_mappings_label_key ON public.disposition_mappings USING btree (dialbridge.normalize_label(phoneburner_disposition_label)) WHERE is_active;

--
-- Name: phoneburner_push_batches_open_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX phoneburner_push_batches_open_idx ON public.phoneburner_push_batches USING btree (updated_at) WHERE (status = ANY (ARRAY['queued'::text, 'sending'::text, 'retrying'::text]));

--
-- Name: phoneburner_push_run_contacts_batch_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX phoneburner_push_run_contacts_batch_idx ON public.phoneburner_push_run_contacts USING btree (run_id, batch_no, "position");

--
-- Name: phoneburner_push_run_contacts_contact_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX phoneburner_push_run_contacts_contact_idx ON public.phoneburner_push_run_contacts USING btree (contact_id);

--
-- Name: phoneburner_push_run_contacts_team_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX phoneburner_push_run_contacts_team_idx ON public.phoneburner_push_run_contacts USING btree (team_id);

--
-- Name: phoneburner_push_runs_active_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX phoneburner_push_runs_active_idx ON public.phoneburner_push_runs USING btree (created_at) WHERE (status = ANY (ARRAY['queued'::text, 'pushing'::text]));

--
-- Name: phoneburner_push_runs_fingerprint_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX phoneburner_push_runs_fingerprint_idx ON public.phoneburner_push_runs USING btree (user_id, filter_fingerprint, created_at DESC);

--
-- Name: phoneburner_push_runs_session_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX phoneburner_push_runs_session_idx ON public.phoneburner_push_runs USING btree (session_id);

--
-- Name: phoneburner_push_runs_team_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX phoneburner_push_runs_team_idx ON public.phoneburner_push_runs USING btree (team_id, created_at DESC);

--
-- Name: phoneburner_push_runs_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX phoneburner_push_runs_user_idx ON public.phoneburner_push_runs USING btree (user_id, created_at DESC);

--
-- Name: phoneburner_session_call_checks_session_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX phoneburner_session_call_checks_session_idx ON public.phoneburner_session_call_checks USING btree (session_id, checked_at DESC);

--
-- Name: phoneburner_session_call_checks_team_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX phoneburner_session_call_checks_team_idx ON public.phoneburner_session_call_checks USING btree (team_id);

--
-- Name: phoneburner_session_contacts_contact_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX phoneburner_session_contacts_contact_idx ON public.phoneburner_session_contacts USING btree (contact_id);

--
-- Name: phoneburner_session_contacts_pb_contact_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX phoneburner_session_contacts_pb_contact_idx ON public.phoneburner_session_contacts USING btree (phoneburner_contact_id) WHERE (phoneburner_contact_id IS NOT NULL);

--
-- Name: phoneburner_session_contacts_phone_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX phoneburner_session_contacts_phone_idx ON public.phoneburner_session_contacts USING btree (session_id, phone_e164);

--
-- Name: phoneburner_session_contacts_team_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX phoneburner_session_contacts_team_idx ON public.phoneburner_session_contacts USING btree (team_id);

--
-- Name: phoneburner_sessions_created_by_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX phoneburner_sessions_created_by_idx ON public.phoneburner_sessions USING btree (created_by_user_id);

--
-- Name: phoneburner_sessions_last_activity_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX phoneburner_sessions_last_activity_idx ON public.phoneburner_sessions USING btree (last_activity_at DESC);

--
-- Name: phoneburner_sessions_team_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX phoneburner_sessions_team_id_idx ON public.phoneburner_sessions USING btree (team_id, session_status, last_activity_at DESC);

--
-- Name: phoneburner_webhook_rejections_bucket_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX phoneburner_webhook_rejections_bucket_idx ON public.phoneburner_webhook_rejections USING btree (bucket_at DESC);

--
-- Name: phoneburner_webhooks_log_actionable_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX phoneburner_webhooks_log_actionable_idx ON public.phoneburner_webhooks_log USING btree (next_retry_at NULLS FIRST, id) WHERE (processing_status = ANY (ARRAY['pending'::text, 'processing'::text]));

--
-- Name: phoneburner_webhooks_log_call_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX phoneburner_webhooks_log_call_idx ON public.phoneburner_webhooks_log USING btree (phoneburner_call_id) WHERE (phoneburner_call_id IS NOT NULL);

--
-- Name: phoneburner_webhooks_log_received_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX phoneburner_webhooks_log_received_idx ON public.phoneburner_webhooks_log USING btree (received_at DESC);

--
-- Name: phoneburner_webhooks_log_status_received_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX phoneburner_webhooks_log_status_received_idx ON public.phoneburner_webhooks_log USING btree (processing_status, received_at DESC);

--
-- Name: phoneburner_webhooks_log_type_received_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX phoneburner_webhooks_log_type_received_idx ON public.phoneburner_webhooks_log USING btree (event_type, received_at DESC);

--
-- Name: profiles_team_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX profiles_team_id_idx ON public.profiles USING btree (team_id);

--
-- Name: push_overrides_contact_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX push_overrides_contact_idx ON public.push_overrides USING btree (contact_id);

--
-- Name: push_overrides_team_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX push_overrides_team_idx ON public.push_overrides USING btree (team_id, created_at DESC);

--
-- Name: push_overrides_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX push_overrides_user_idx ON public.push_overrides USING btree (overridden_by_user_id);

--
-- Name: suppressions_contact_any_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX suppressions_contact_any_idx ON public.suppressions USING btree (contact_id);

--
-- Name: suppressions_contact_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX suppressions_contact_idx ON public.suppressions USING btree (contact_id) WHERE (lifted_at IS NULL);

--
-- Name: suppressions_phone_any_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX suppressions_phone_any_idx ON public.suppressions USING btree (phone_e164);

--
-- Name: suppressions_phone_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX suppressions_phone_idx ON public.suppressions USING btree (phone_e164) WHERE (lifted_at IS NULL);

--
-- Name: suppressions_source_activity_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX suppressions_source_activity_key ON public.suppressions USING btree (source_activity_id, suppression_type) WHERE (source_activity_id IS NOT NULL);

--
-- Name: suppressions_team_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX suppressions_team_idx ON public.suppressions USING btree (team_id);

--
-- Name: tasks_assignee_due_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tasks_assignee_due_idx ON public.tasks USING btree (assigned_to_user_id, due_at) WHERE (status = 'open'::text);

--
-- Name: tasks_contact_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tasks_contact_idx ON public.tasks USING btree (contact_id);

--
-- Name: tasks_source_activity_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tasks_source_activity_idx ON public.tasks USING btree (source_activity_id) WHERE (source_activity_id IS NOT NULL);

--
-- Name: tasks_source_activity_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX tasks_source_activity_key ON public.tasks USING btree (source_activity_id, source) WHERE ((source_activity_id IS NOT NULL) AND (status <> 'cancelled'::text));

--
-- Name: tasks_team_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tasks_team_idx ON public.tasks USING btree (team_id);

--
-- Name: workflow_runs_contact_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX workflow_runs_contact_idx ON public.workflow_runs USING btree (contact_id);

--
-- Name: workflow_runs_status_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX workflow_runs_status_idx ON public.workflow_runs USING btree (workflow_name, status) WHERE (status = ANY (ARRAY['queued'::text, 'recorded'::text]));

--
-- Name: workflow_runs_team_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX workflow_runs_team_idx ON public.workflow_runs USING btree (team_id, created_at DESC);

--
-- Name: phoneburner_sync_state _100_timestamps; Type: TRIGGER; Schema: dialbridge; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON dialbridge.phoneburner_sync_state FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

--
-- Name: phoneburner_call_events _400_link_pushed_session; Type: TRIGGER; Schema: dialbridge; Owner: -
--

CREATE TRIGGER _400_link_pushed_session AFTER INSERT OR UPDATE OF phoneburner_session_id ON dialbridge.phoneburner_call_events FOR EACH ROW EXECUTE FUNCTION dialbridge.tg_phoneburner_call_events__link_pushed_session();

--
-- Name: contact_activities _050_call_defaults; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _050_call_defaults BEFORE INSERT OR UPDATE ON public.contact_activities FOR EACH ROW EXECUTE FUNCTION dialbridge.tg_contact_activities__call_defaults();

--
-- Name: contacts _050_default_sourceco_id; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _050_default_sourceco_id BEFORE INSERT OR UPDATE OF sourceco_contact_id ON public.contacts FOR EACH ROW EXECUTE FUNCTION dialbridge.tg_contacts__default_sourceco_id();

--
-- Name: contacts _060_phone_status; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _060_phone_status BEFORE INSERT OR UPDATE OF phone, phone_e164, phone_status, phone_normalized_from ON public.contacts FOR EACH ROW EXECUTE FUNCTION dialbridge.tg_contacts__phone_status();

--
-- Name: calling_window_rules _100_timestamps; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.calling_window_rules FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

--
-- Name: contact_activities _100_timestamps; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.contact_activities FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

--
-- Name: contact_segments _100_timestamps; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.contact_segments FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

--
-- Name: contacts _100_timestamps; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE OF sourceco_contact_id, team_id, owner_id, first_name, last_name, email, phone, company, title, address_line1, city, state, zip, country, timezone, contact_type, buyer_type, firm_type, industry, aum_usd, fund_size_usd, target_sectors, target_geographies, target_ebitda_min_usd, target_ebitda_max_usd, ebitda_usd, list_source, relationship_notes, call_talking_points, assistant_name, assistant_phone, contact_status, contact_stage, needs_review, needs_review_reason, phone_number_invalid, do_not_call, do_not_call_reason, next_action_type, next_action_date, next_action_notes, next_action_assigned_to_user_id, gatekeeper_name, gatekeeper_phone_extension, gatekeeper_notes ON public.contacts FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

--
-- Name: deal_contacts _100_timestamps; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.deal_contacts FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

--
-- Name: disposition_mappings _100_timestamps; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.disposition_mappings FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

--
-- Name: phoneburner_oauth_tokens _100_timestamps; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.phoneburner_oauth_tokens FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

--
-- Name: phoneburner_push_batches _100_timestamps; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.phoneburner_push_batches FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

--
-- Name: phoneburner_push_run_contacts _100_timestamps; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.phoneburner_push_run_contacts FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

--
-- Name: phoneburner_push_runs _100_timestamps; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.phoneburner_push_runs FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

--
-- Name: phoneburner_session_contacts _100_timestamps; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.phoneburner_session_contacts FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

--
-- Name: phoneburner_sessions _100_timestamps; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.phoneburner_sessions FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

--
-- Name: phoneburner_webhooks_log _100_timestamps; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.phoneburner_webhooks_log FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

--
-- Name: profiles _100_timestamps; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.profiles FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

--
-- Name: push_settings _100_timestamps; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.push_settings FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

--
-- Name: tasks _100_timestamps; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.tasks FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

--
-- Name: teams _100_timestamps; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.teams FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

--
-- Name: workflow_runs _100_timestamps; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.workflow_runs FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

--
-- Name: suppressions _200_guard; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _200_guard BEFORE DELETE OR UPDATE ON public.suppressions FOR EACH ROW EXECUTE FUNCTION dialbridge.tg_suppressions__guard();

--
-- Name: contacts _200_keep_do_not_call; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _200_keep_do_not_call BEFORE INSERT OR UPDATE OF do_not_call, do_not_call_reason, do_not_call_set_at, do_not_call_set_by_user_id ON public.contacts FOR EACH ROW EXECUTE FUNCTION dialbridge.tg_contacts__keep_do_not_call();

--
-- Name: contacts _300_keep_legal_suppressions; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _300_keep_legal_suppressions BEFORE DELETE ON public.contacts FOR EACH ROW EXECUTE FUNCTION dialbridge.tg_contacts__keep_legal_suppressions();

--
-- Name: contact_activities _500_aggregate_calls_after_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _500_aggregate_calls_after_delete AFTER DELETE ON public.contact_activities REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_contact_activities__aggregate_calls();

--
-- Name: contact_activities _500_aggregate_calls_after_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _500_aggregate_calls_after_insert AFTER INSERT ON public.contact_activities REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_contact_activities__aggregate_calls();

--
-- Name: contact_activities _500_aggregate_calls_after_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _500_aggregate_calls_after_update AFTER UPDATE ON public.contact_activities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_contact_activities__aggregate_calls();

--
-- Name: phoneburner_session_contacts _500_count_members_after_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _500_count_members_after_delete AFTER DELETE ON public.phoneburner_session_contacts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_phoneburner_session_contacts__count_members();

--
-- Name: phoneburner_session_contacts _500_count_members_after_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _500_count_members_after_insert AFTER INSERT ON public.phoneburner_session_contacts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_phoneburner_session_contacts__count_members();

--
-- Name: phoneburner_session_contacts _500_count_members_after_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _500_count_members_after_update AFTER UPDATE ON public.phoneburner_session_contacts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_phoneburner_session_contacts__count_members();

--
-- Name: contacts _500_detach_segment_rollups; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _500_detach_segment_rollups BEFORE DELETE ON public.contacts FOR EACH ROW EXECUTE FUNCTION dialbridge.tg_contacts__move_segment_rollups();

--
-- Name: contacts _500_move_segment_rollups; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _500_move_segment_rollups AFTER UPDATE OF contact_type, list_source, industry, state, country ON public.contacts FOR EACH ROW WHEN (((old.contact_type IS DISTINCT FROM new.contact_type) OR (old.list_source IS DISTINCT FROM new.list_source) OR (old.industry IS DISTINCT FROM new.industry) OR (old.state IS DISTINCT FROM new.state) OR (old.country IS DISTINCT FROM new.country))) EXECUTE FUNCTION dialbridge.tg_contacts__move_segment_rollups();

--
-- Name: contact_activities _500_rollups_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _500_rollups_delete AFTER DELETE ON public.contact_activities REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_contact_activities__rollups_delete();

--
-- Name: contact_activities _500_rollups_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _500_rollups_insert AFTER INSERT ON public.contact_activities REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_contact_activities__rollups_insert();

--
-- Name: contact_activities _500_rollups_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _500_rollups_update AFTER UPDATE ON public.contact_activities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_contact_activities__rollups_update();

--
-- Name: suppressions _600_mark_contact_do_not_call; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _600_mark_contact_do_not_call AFTER INSERT ON public.suppressions FOR EACH ROW WHEN (((new.suppression_type = 'legal'::text) AND (new.contact_id IS NOT NULL))) EXECUTE FUNCTION dialbridge.tg_suppressions__mark_contact_do_not_call();

--
-- Name: contacts _600_record_do_not_call; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _600_record_do_not_call AFTER INSERT OR UPDATE OF do_not_call ON public.contacts FOR EACH ROW WHEN (new.do_not_call) EXECUTE FUNCTION dialbridge.tg_contacts__record_do_not_call();

--
-- Name: contacts _610_audit_field_changes; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _610_audit_field_changes AFTER UPDATE OF phone, email, first_name, last_name, company, title, address_line1, city, state, zip ON public.contacts FOR EACH ROW EXECUTE FUNCTION dialbridge.tg_contacts__audit_field_changes();

--
-- Name: disposition_mappings _700_refresh_classes; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _700_refresh_classes AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.disposition_mappings FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_disposition_mappings__refresh_classes();

--
-- Name: disposition_mappings _800_reclassify_totals; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _800_reclassify_totals AFTER INSERT OR DELETE OR UPDATE OF phoneburner_disposition_code, phoneburner_disposition_label, label_aliases, sourceco_contact_status, sourceco_contact_stage, is_active ON public.disposition_mappings FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_disposition_mappings__reclassify_totals();

--
-- Name: contacts _900_enqueue_phone_normalization; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _900_enqueue_phone_normalization AFTER UPDATE ON public.contacts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_contacts__enqueue_phone_normalization();

--
-- Name: contacts _900_enqueue_phone_normalization_on_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _900_enqueue_phone_normalization_on_insert AFTER INSERT ON public.contacts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_contacts__enqueue_phone_normalization();

--
-- Name: disposition_mappings _900_enqueue_rescore; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _900_enqueue_rescore AFTER INSERT OR DELETE OR UPDATE ON public.disposition_mappings FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_disposition_mappings__enqueue_rescore();

--
-- Name: callback_applications callback_applications_activity_id_fkey; Type: FK CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.callback_applications
    ADD CONSTRAINT callback_applications_activity_id_fkey FOREIGN KEY (activity_id) REFERENCES public.contact_activities(id) ON DELETE CASCADE;

--
-- Name: callback_applications callback_applications_contact_id_fkey; Type: FK CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.callback_applications
    ADD CONSTRAINT callback_applications_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

--
-- Name: callback_applications callback_applications_task_id_fkey; Type: FK CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.callback_applications
    ADD CONSTRAINT callback_applications_task_id_fkey FOREIGN KEY (task_id) REFERENCES public.tasks(id) ON DELETE SET NULL;

--
-- Name: contact_marks contact_marks_contact_id_fkey; Type: FK CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.contact_marks
    ADD CONSTRAINT contact_marks_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

--
-- Name: contact_scores contact_scores_contact_id_fkey; Type: FK CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.contact_scores
    ADD CONSTRAINT contact_scores_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

--
-- Name: contacts_to_score contacts_to_score_contact_id_fkey; Type: FK CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.contacts_to_score
    ADD CONSTRAINT contacts_to_score_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

--
-- Name: disposition_applications disposition_applications_activity_id_fkey; Type: FK CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.disposition_applications
    ADD CONSTRAINT disposition_applications_activity_id_fkey FOREIGN KEY (activity_id) REFERENCES public.contact_activities(id) ON DELETE CASCADE;

--
-- Name: disposition_applications disposition_applications_contact_id_fkey; Type: FK CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.disposition_applications
    ADD CONSTRAINT disposition_applications_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

--
-- Name: disposition_applications disposition_applications_mapping_id_fkey; Type: FK CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.disposition_applications
    ADD CONSTRAINT disposition_applications_mapping_id_fkey FOREIGN KEY (mapping_id) REFERENCES public.disposition_mappings(id) ON DELETE SET NULL;

--
-- Name: disposition_applications disposition_applications_task_id_fkey; Type: FK CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.disposition_applications
    ADD CONSTRAINT disposition_applications_task_id_fkey FOREIGN KEY (task_id) REFERENCES public.tasks(id) ON DELETE SET NULL;

--
-- Name: disposition_applications disposition_applications_workflow_run_id_fkey; Type: FK CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.disposition_applications
    ADD CONSTRAINT disposition_applications_workflow_run_id_fkey FOREIGN KEY (workflow_run_id) REFERENCES public.workflow_runs(id) ON DELETE SET NULL;

--
-- Name: phoneburner_account_leases phoneburner_account_leases_user_id_fkey; Type: FK CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.phoneburner_account_leases
    ADD CONSTRAINT phoneburner_account_leases_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE CASCADE;

--
-- Name: phoneburner_call_events phoneburner_call_events_log_id_fkey; Type: FK CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.phoneburner_call_events
    ADD CONSTRAINT phoneburner_call_events_log_id_fkey FOREIGN KEY (log_id) REFERENCES public.phoneburner_webhooks_log(id) ON DELETE CASCADE;

--
-- Name: phoneburner_sync_state phoneburner_sync_state_user_id_fkey; Type: FK CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.phoneburner_sync_state
    ADD CONSTRAINT phoneburner_sync_state_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE CASCADE;

--
-- Name: contact_activities contact_activities_contact_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contact_activities
    ADD CONSTRAINT contact_activities_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE SET NULL;

--
-- Name: contact_activities contact_activities_phoneburner_session_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contact_activities
    ADD CONSTRAINT contact_activities_phoneburner_session_id_fkey FOREIGN KEY (phoneburner_session_id) REFERENCES public.phoneburner_sessions(id) ON DELETE SET NULL;

--
-- Name: contact_activities contact_activities_team_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contact_activities
    ADD CONSTRAINT contact_activities_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

--
-- Name: contact_activities contact_activities_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contact_activities
    ADD CONSTRAINT contact_activities_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: contact_field_changes contact_field_changes_contact_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contact_field_changes
    ADD CONSTRAINT contact_field_changes_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

--
-- Name: contact_field_changes contact_field_changes_team_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contact_field_changes
    ADD CONSTRAINT contact_field_changes_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

--
-- Name: contact_segments contact_segments_created_by_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contact_segments
    ADD CONSTRAINT contact_segments_created_by_user_id_fkey FOREIGN KEY (created_by_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: contact_segments contact_segments_team_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contact_segments
    ADD CONSTRAINT contact_segments_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE CASCADE;

--
-- Name: contacts contacts_do_not_call_set_by_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contacts
    ADD CONSTRAINT contacts_do_not_call_set_by_user_id_fkey FOREIGN KEY (do_not_call_set_by_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: contacts contacts_next_action_assigned_to_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contacts
    ADD CONSTRAINT contacts_next_action_assigned_to_user_id_fkey FOREIGN KEY (next_action_assigned_to_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: contacts contacts_owner_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contacts
    ADD CONSTRAINT contacts_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: contacts contacts_team_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contacts
    ADD CONSTRAINT contacts_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

--
-- Name: deal_contacts deal_contacts_contact_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.deal_contacts
    ADD CONSTRAINT deal_contacts_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

--
-- Name: deal_contacts deal_contacts_team_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.deal_contacts
    ADD CONSTRAINT deal_contacts_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

--
-- Name: disposition_mappings disposition_mappings_created_by_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.disposition_mappings
    ADD CONSTRAINT disposition_mappings_created_by_user_id_fkey FOREIGN KEY (created_by_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: phoneburner_oauth_tokens phoneburner_oauth_tokens_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_oauth_tokens
    ADD CONSTRAINT phoneburner_oauth_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE CASCADE;

--
-- Name: phoneburner_push_batches phoneburner_push_batches_run_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_push_batches
    ADD CONSTRAINT phoneburner_push_batches_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.phoneburner_push_runs(id) ON DELETE CASCADE;

--
-- Name: phoneburner_push_batches phoneburner_push_batches_session_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_push_batches
    ADD CONSTRAINT phoneburner_push_batches_session_id_fkey FOREIGN KEY (session_id) REFERENCES public.phoneburner_sessions(id) ON DELETE SET NULL;

--
-- Name: phoneburner_push_run_contacts phoneburner_push_run_contacts_contact_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_push_run_contacts
    ADD CONSTRAINT phoneburner_push_run_contacts_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

--
-- Name: phoneburner_push_run_contacts phoneburner_push_run_contacts_run_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_push_run_contacts
    ADD CONSTRAINT phoneburner_push_run_contacts_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.phoneburner_push_runs(id) ON DELETE CASCADE;

--
-- Name: phoneburner_push_run_contacts phoneburner_push_run_contacts_team_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_push_run_contacts
    ADD CONSTRAINT phoneburner_push_run_contacts_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

--
-- Name: phoneburner_push_runs phoneburner_push_runs_session_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_push_runs
    ADD CONSTRAINT phoneburner_push_runs_session_id_fkey FOREIGN KEY (session_id) REFERENCES public.phoneburner_sessions(id) ON DELETE SET NULL;

--
-- Name: phoneburner_push_runs phoneburner_push_runs_target_session_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_push_runs
    ADD CONSTRAINT phoneburner_push_runs_target_session_id_fkey FOREIGN KEY (target_session_id) REFERENCES public.phoneburner_sessions(id) ON DELETE SET NULL;

--
-- Name: phoneburner_push_runs phoneburner_push_runs_target_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_push_runs
    ADD CONSTRAINT phoneburner_push_runs_target_user_id_fkey FOREIGN KEY (target_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: phoneburner_push_runs phoneburner_push_runs_team_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_push_runs
    ADD CONSTRAINT phoneburner_push_runs_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

--
-- Name: phoneburner_push_runs phoneburner_push_runs_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_push_runs
    ADD CONSTRAINT phoneburner_push_runs_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: phoneburner_session_call_checks phoneburner_session_call_checks_session_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_session_call_checks
    ADD CONSTRAINT phoneburner_session_call_checks_session_id_fkey FOREIGN KEY (session_id) REFERENCES public.phoneburner_sessions(id) ON DELETE CASCADE;

--
-- Name: phoneburner_session_call_checks phoneburner_session_call_checks_team_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_session_call_checks
    ADD CONSTRAINT phoneburner_session_call_checks_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

--
-- Name: phoneburner_session_contacts phoneburner_session_contacts_added_by_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_session_contacts
    ADD CONSTRAINT phoneburner_session_contacts_added_by_user_id_fkey FOREIGN KEY (added_by_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: phoneburner_session_contacts phoneburner_session_contacts_contact_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_session_contacts
    ADD CONSTRAINT phoneburner_session_contacts_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

--
-- Name: phoneburner_session_contacts phoneburner_session_contacts_session_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_session_contacts
    ADD CONSTRAINT phoneburner_session_contacts_session_id_fkey FOREIGN KEY (session_id) REFERENCES public.phoneburner_sessions(id) ON DELETE CASCADE;

--
-- Name: phoneburner_session_contacts phoneburner_session_contacts_team_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_session_contacts
    ADD CONSTRAINT phoneburner_session_contacts_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

--
-- Name: phoneburner_sessions phoneburner_sessions_created_by_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_sessions
    ADD CONSTRAINT phoneburner_sessions_created_by_user_id_fkey FOREIGN KEY (created_by_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: phoneburner_sessions phoneburner_sessions_team_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_sessions
    ADD CONSTRAINT phoneburner_sessions_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

--
-- Name: phoneburner_webhooks_log phoneburner_webhooks_log_contact_activity_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_webhooks_log
    ADD CONSTRAINT phoneburner_webhooks_log_contact_activity_id_fkey FOREIGN KEY (contact_activity_id) REFERENCES public.contact_activities(id) ON DELETE SET NULL;

--
-- Name: phoneburner_webhooks_log phoneburner_webhooks_log_task_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.phoneburner_webhooks_log
    ADD CONSTRAINT phoneburner_webhooks_log_task_id_fkey FOREIGN KEY (task_id) REFERENCES public.tasks(id) ON DELETE SET NULL;

--
-- Name: profiles profiles_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.profiles
    ADD CONSTRAINT profiles_id_fkey FOREIGN KEY (id) REFERENCES auth.users(id) ON DELETE CASCADE;

--
-- Name: profiles profiles_team_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.profiles
    ADD CONSTRAINT profiles_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

--
-- Name: push_overrides push_overrides_contact_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.push_overrides
    ADD CONSTRAINT push_overrides_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

--
-- Name: push_overrides push_overrides_overridden_by_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.push_overrides
    ADD CONSTRAINT push_overrides_overridden_by_user_id_fkey FOREIGN KEY (overridden_by_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: push_overrides push_overrides_run_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.push_overrides
    ADD CONSTRAINT push_overrides_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.phoneburner_push_runs(id) ON DELETE CASCADE;

--
-- Name: push_overrides push_overrides_team_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.push_overrides
    ADD CONSTRAINT push_overrides_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

--
-- Name: push_settings push_settings_team_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.push_settings
    ADD CONSTRAINT push_settings_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE CASCADE;

--
-- Name: push_settings push_settings_updated_by_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.push_settings
    ADD CONSTRAINT push_settings_updated_by_user_id_fkey FOREIGN KEY (updated_by_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: suppressions suppressions_contact_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.suppressions
    ADD CONSTRAINT suppressions_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

--
-- Name: suppressions suppressions_lifted_by_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.suppressions
    ADD CONSTRAINT suppressions_lifted_by_user_id_fkey FOREIGN KEY (lifted_by_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: suppressions suppressions_set_by_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.suppressions
    ADD CONSTRAINT suppressions_set_by_user_id_fkey FOREIGN KEY (set_by_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: suppressions suppressions_source_activity_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.suppressions
    ADD CONSTRAINT suppressions_source_activity_id_fkey FOREIGN KEY (source_activity_id) REFERENCES public.contact_activities(id) ON DELETE SET NULL;

--
-- Name: suppressions suppressions_team_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.suppressions
    ADD CONSTRAINT suppressions_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

--
-- Name: tasks tasks_assigned_to_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tasks
    ADD CONSTRAINT tasks_assigned_to_user_id_fkey FOREIGN KEY (assigned_to_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: tasks tasks_contact_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tasks
    ADD CONSTRAINT tasks_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

--
-- Name: tasks tasks_created_by_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tasks
    ADD CONSTRAINT tasks_created_by_user_id_fkey FOREIGN KEY (created_by_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: tasks tasks_source_activity_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tasks
    ADD CONSTRAINT tasks_source_activity_id_fkey FOREIGN KEY (source_activity_id) REFERENCES public.contact_activities(id) ON DELETE SET NULL;

--
-- Name: tasks tasks_team_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tasks
    ADD CONSTRAINT tasks_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

--
-- Name: workflow_runs workflow_runs_contact_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.workflow_runs
    ADD CONSTRAINT workflow_runs_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

--
-- Name: workflow_runs workflow_runs_requested_by_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.workflow_runs
    ADD CONSTRAINT workflow_runs_requested_by_user_id_fkey FOREIGN KEY (requested_by_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: workflow_runs workflow_runs_source_activity_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.workflow_runs
    ADD CONSTRAINT workflow_runs_source_activity_id_fkey FOREIGN KEY (source_activity_id) REFERENCES public.contact_activities(id) ON DELETE SET NULL;

--
-- Name: workflow_runs workflow_runs_team_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.workflow_runs
    ADD CONSTRAINT workflow_runs_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

--
-- Name: disposition_classes Everyone reads disposition classes; Type: POLICY; Schema: dialbridge; Owner: -
--

CREATE POLICY "Everyone reads disposition classes" ON dialbridge.disposition_classes FOR SELECT TO authenticated, dialbridge_metabase USING (true);

--
-- Name: us_state_time_zones Everyone reads state time zones; Type: POLICY; Schema: dialbridge; Owner: -
--

CREATE POLICY "Everyone reads state time zones" ON dialbridge.us_state_time_zones FOR SELECT TO authenticated, service_role USING (true);

--
-- Name: time_zone_names Everyone reads time zone names; Type: POLICY; Schema: dialbridge; Owner: -
--

CREATE POLICY "Everyone reads time zone names" ON dialbridge.time_zone_names FOR SELECT TO authenticated, service_role USING (true);

--
-- Name: contact_scores Reporting readers see every contact score; Type: POLICY; Schema: dialbridge; Owner: -
--

CREATE POLICY "Reporting readers see every contact score" ON dialbridge.contact_scores FOR SELECT TO dialbridge_metabase USING (true);

--
-- Name: rep_daily_stats Reporting readers see every team's roll-ups; Type: POLICY; Schema: dialbridge; Owner: -
--

CREATE POLICY "Reporting readers see every team's roll-ups" ON dialbridge.rep_daily_stats FOR SELECT TO dialbridge_metabase USING (true);

--
-- Name: rep_day_totals Reporting readers see every team's roll-ups; Type: POLICY; Schema: dialbridge; Owner: -
--

CREATE POLICY "Reporting readers see every team's roll-ups" ON dialbridge.rep_day_totals FOR SELECT TO dialbridge_metabase USING (true);

--
-- Name: segment_daily_stats Reporting readers see every team's roll-ups; Type: POLICY; Schema: dialbridge; Owner: -
--

CREATE POLICY "Reporting readers see every team's roll-ups" ON dialbridge.segment_daily_stats FOR SELECT TO dialbridge_metabase USING (true);

--
-- Name: session_contact_stats Reporting readers see every team's roll-ups; Type: POLICY; Schema: dialbridge; Owner: -
--

CREATE POLICY "Reporting readers see every team's roll-ups" ON dialbridge.session_contact_stats FOR SELECT TO dialbridge_metabase USING (true);

--
-- Name: session_stats Reporting readers see every team's roll-ups; Type: POLICY; Schema: dialbridge; Owner: -
--

CREATE POLICY "Reporting readers see every team's roll-ups" ON dialbridge.session_stats FOR SELECT TO dialbridge_metabase USING (true);

--
-- Name: session_totals Reporting readers see every team's roll-ups; Type: POLICY; Schema: dialbridge; Owner: -
--

CREATE POLICY "Reporting readers see every team's roll-ups" ON dialbridge.session_totals FOR SELECT TO dialbridge_metabase USING (true);

--
-- Name: contact_scores Reps see their team's contact scores; Type: POLICY; Schema: dialbridge; Owner: -
--

CREATE POLICY "Reps see their team's contact scores" ON dialbridge.contact_scores FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: rep_daily_stats Reps see their team's roll-ups; Type: POLICY; Schema: dialbridge; Owner: -
--

CREATE POLICY "Reps see their team's roll-ups" ON dialbridge.rep_daily_stats FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: rep_day_totals Reps see their team's roll-ups; Type: POLICY; Schema: dialbridge; Owner: -
--

CREATE POLICY "Reps see their team's roll-ups" ON dialbridge.rep_day_totals FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: segment_daily_stats Reps see their team's roll-ups; Type: POLICY; Schema: dialbridge; Owner: -
--

CREATE POLICY "Reps see their team's roll-ups" ON dialbridge.segment_daily_stats FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: session_contact_stats Reps see their team's roll-ups; Type: POLICY; Schema: dialbridge; Owner: -
--

CREATE POLICY "Reps see their team's roll-ups" ON dialbridge.session_contact_stats FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: session_stats Reps see their team's roll-ups; Type: POLICY; Schema: dialbridge; Owner: -
--

CREATE POLICY "Reps see their team's roll-ups" ON dialbridge.session_stats FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: session_totals Reps see their team's roll-ups; Type: POLICY; Schema: dialbridge; Owner: -
--

CREATE POLICY "Reps see their team's roll-ups" ON dialbridge.session_totals FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: call_hour_stats; Type: ROW SECURITY; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.call_hour_stats ENABLE ROW LEVEL SECURITY;

--
-- Name: callback_applications; Type: ROW SECURITY; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.callback_applications ENABLE ROW LEVEL SECURITY;

--
-- Name: contact_marks; Type: ROW SECURITY; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.contact_marks ENABLE ROW LEVEL SECURITY;

--
-- Name: contact_scores; Type: ROW SECURITY; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.contact_scores ENABLE ROW LEVEL SECURITY;

--
-- Name: contacts_to_score; Type: ROW SECURITY; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.contacts_to_score ENABLE ROW LEVEL SECURITY;

--
-- Name: disposition_applications; Type: ROW SECURITY; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.disposition_applications ENABLE ROW LEVEL SECURITY;

--
-- Name: disposition_classes; Type: ROW SECURITY; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.disposition_classes ENABLE ROW LEVEL SECURITY;

--
-- Name: phoneburner_account_leases; Type: ROW SECURITY; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.phoneburner_account_leases ENABLE ROW LEVEL SECURITY;

--
-- Name: phoneburner_call_events; Type: ROW SECURITY; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.phoneburner_call_events ENABLE ROW LEVEL SECURITY;

--
-- Name: phoneburner_sync_state; Type: ROW SECURITY; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.phoneburner_sync_state ENABLE ROW LEVEL SECURITY;

--
-- Name: rep_daily_stats; Type: ROW SECURITY; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.rep_daily_stats ENABLE ROW LEVEL SECURITY;

--
-- Name: rep_day_totals; Type: ROW SECURITY; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.rep_day_totals ENABLE ROW LEVEL SECURITY;

--
-- Name: report_settings; Type: ROW SECURITY; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.report_settings ENABLE ROW LEVEL SECURITY;

--
-- Name: segment_daily_stats; Type: ROW SECURITY; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.segment_daily_stats ENABLE ROW LEVEL SECURITY;

--
-- Name: session_contact_stats; Type: ROW SECURITY; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.session_contact_stats ENABLE ROW LEVEL SECURITY;

--
-- Name: session_stats; Type: ROW SECURITY; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.session_stats ENABLE ROW LEVEL SECURITY;

--
-- Name: session_totals; Type: ROW SECURITY; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.session_totals ENABLE ROW LEVEL SECURITY;

--
-- Name: time_zone_names; Type: ROW SECURITY; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.time_zone_names ENABLE ROW LEVEL SECURITY;

--
-- Name: us_state_time_zones; Type: ROW SECURITY; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.us_state_time_zones ENABLE ROW LEVEL SECURITY;

--
-- Name: worker_heartbeats; Type: ROW SECURITY; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.worker_heartbeats ENABLE ROW LEVEL SECURITY;

--
-- Name: calling_window_rules Admins add calling windows; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins add calling windows" ON public.calling_window_rules FOR INSERT TO authenticated WITH CHECK (( SELECT dialbridge.is_admin() AS is_admin));

--
-- Name: disposition_mappings Admins add disposition mappings; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins add disposition mappings" ON public.disposition_mappings FOR INSERT TO authenticated WITH CHECK (( SELECT dialbridge.is_admin() AS is_admin));

--
-- Name: calling_window_rules Admins change calling windows; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins change calling windows" ON public.calling_window_rules FOR UPDATE TO authenticated USING (( SELECT dialbridge.is_admin() AS is_admin)) WITH CHECK (( SELECT dialbridge.is_admin() AS is_admin));

--
-- Name: teams Admins create teams; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins create teams" ON public.teams FOR INSERT TO authenticated WITH CHECK (( SELECT dialbridge.is_admin() AS is_admin));

--
-- Name: contact_activities Admins delete activities; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins delete activities" ON public.contact_activities FOR DELETE TO authenticated USING (( SELECT dialbridge.is_admin() AS is_admin));

--
-- Name: calling_window_rules Admins delete calling windows; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins delete calling windows" ON public.calling_window_rules FOR DELETE TO authenticated USING (( SELECT dialbridge.is_admin() AS is_admin));

--
-- Name: disposition_mappings Admins delete disposition mappings; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins delete disposition mappings" ON public.disposition_mappings FOR DELETE TO authenticated USING (( SELECT dialbridge.is_admin() AS is_admin));

--
-- Name: teams Admins delete teams; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins delete teams" ON public.teams FOR DELETE TO authenticated USING (( SELECT dialbridge.is_admin() AS is_admin));

--
-- Name: disposition_mappings Admins edit disposition mappings; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins edit disposition mappings" ON public.disposition_mappings FOR UPDATE TO authenticated USING (( SELECT dialbridge.is_admin() AS is_admin)) WITH CHECK (( SELECT dialbridge.is_admin() AS is_admin));

--
-- Name: teams Admins rename teams; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins rename teams" ON public.teams FOR UPDATE TO authenticated USING (( SELECT dialbridge.is_admin() AS is_admin)) WITH CHECK (( SELECT dialbridge.is_admin() AS is_admin));

--
-- Name: push_settings Managers change their team's push settings; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Managers change their team's push settings" ON public.push_settings FOR UPDATE TO authenticated USING ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND ( SELECT dialbridge.is_manager_or_admin() AS is_manager_or_admin)) OR ( SELECT dialbridge.is_admin() AS is_admin))) WITH CHECK ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND ( SELECT dialbridge.is_manager_or_admin() AS is_manager_or_admin)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: push_settings Managers create their team's push settings; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Managers create their team's push settings" ON public.push_settings FOR INSERT TO authenticated WITH CHECK ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND ( SELECT dialbridge.is_manager_or_admin() AS is_manager_or_admin)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: contacts Managers delete their team's contacts; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Managers delete their team's contacts" ON public.contacts FOR DELETE TO authenticated USING ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND ( SELECT dialbridge.is_manager_or_admin() AS is_manager_or_admin)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: phoneburner_sessions Managers delete their team's sessions; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Managers delete their team's sessions" ON public.phoneburner_sessions FOR DELETE TO authenticated USING ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND ( SELECT dialbridge.is_manager_or_admin() AS is_manager_or_admin)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: tasks Managers delete their team's tasks; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Managers delete their team's tasks" ON public.tasks FOR DELETE TO authenticated USING ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND ( SELECT dialbridge.is_manager_or_admin() AS is_manager_or_admin)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: deal_contacts Managers remove their team's deal links; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Managers remove their team's deal links" ON public.deal_contacts FOR DELETE TO authenticated USING ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND ( SELECT dialbridge.is_manager_or_admin() AS is_manager_or_admin)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: contacts Reps add contacts to their team; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps add contacts to their team" ON public.contacts FOR INSERT TO authenticated WITH CHECK (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: contact_activities Reps annotate their team's activities; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps annotate their team's activities" ON public.contact_activities FOR UPDATE TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin))) WITH CHECK (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: phoneburner_sessions Reps create sessions for their team; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps create sessions for their team" ON public.phoneburner_sessions FOR INSERT TO authenticated WITH CHECK ((( SELECT dialbridge.is_admin() AS is_admin) OR ((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND ((created_by_user_id IS NULL) OR (created_by_user_id = ( SELECT auth.uid() AS uid))))));

--
-- Name: tasks Reps create tasks for their team; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps create tasks for their team" ON public.tasks FOR INSERT TO authenticated WITH CHECK ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)) AND ((created_by_user_id IS NULL) OR (created_by_user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_admin() AS is_admin)) AND ((contact_id IS NULL) OR (EXISTS ( SELECT 1
   FROM public.contacts c
  WHERE ((c.id = tasks.contact_id) AND (NOT (c.team_id IS DISTINCT FROM tasks.team_id))))))));

--
-- Name: contact_segments Reps delete their own segments, managers the team's; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps delete their own segments, managers the team's" ON public.contact_segments FOR DELETE TO authenticated USING ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND ((created_by_user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_manager_or_admin() AS is_manager_or_admin))) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: contact_segments Reps edit their own segments, managers the team's; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps edit their own segments, managers the team's" ON public.contact_segments FOR UPDATE TO authenticated USING ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND ((created_by_user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_manager_or_admin() AS is_manager_or_admin))) OR ( SELECT dialbridge.is_admin() AS is_admin))) WITH CHECK (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: contacts Reps edit their team's contacts; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps edit their team's contacts" ON public.contacts FOR UPDATE TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin))) WITH CHECK (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: deal_contacts Reps edit their team's deal links; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps edit their team's deal links" ON public.deal_contacts FOR UPDATE TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin))) WITH CHECK (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: phoneburner_sessions Reps edit their team's sessions; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps edit their team's sessions" ON public.phoneburner_sessions FOR UPDATE TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin))) WITH CHECK (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: deal_contacts Reps link their team's contacts to deals; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps link their team's contacts to deals" ON public.deal_contacts FOR INSERT TO authenticated WITH CHECK (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: contact_activities Reps log manual activities for their team; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps log manual activities for their team" ON public.contact_activities FOR INSERT TO authenticated WITH CHECK ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)) AND (source_system = ANY (ARRAY['manual'::text, 'manual_entry'::text, 'sourceco_platform'::text])) AND ((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_admin() AS is_admin)) AND ((contact_id IS NULL) OR (EXISTS ( SELECT 1
   FROM public.contacts c
  WHERE ((c.id = contact_activities.contact_id) AND (NOT (c.team_id IS DISTINCT FROM contact_activities.team_id))))))));

--
-- Name: suppressions Reps record suppressions for their team; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps record suppressions for their team" ON public.suppressions FOR INSERT TO authenticated WITH CHECK ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)) AND (set_by_user_id = ( SELECT auth.uid() AS uid)) AND ((contact_id IS NULL) OR (EXISTS ( SELECT 1
   FROM public.contacts c
  WHERE ((c.id = suppressions.contact_id) AND (NOT (c.team_id IS DISTINCT FROM suppressions.team_id))))))));

--
-- Name: phoneburner_oauth_tokens Reps remove their own token; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps remove their own token" ON public.phoneburner_oauth_tokens FOR DELETE TO authenticated USING ((user_id = ( SELECT auth.uid() AS uid)));

--
-- Name: phoneburner_oauth_tokens Reps replace their own token; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps replace their own token" ON public.phoneburner_oauth_tokens FOR UPDATE TO authenticated USING ((user_id = ( SELECT auth.uid() AS uid))) WITH CHECK ((user_id = ( SELECT auth.uid() AS uid)));

--
-- Name: contact_segments Reps save segments for their team; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps save segments for their team" ON public.contact_segments FOR INSERT TO authenticated WITH CHECK ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)) AND (created_by_user_id = ( SELECT auth.uid() AS uid))));

--
-- Name: contact_activities Reps see their team's activities; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps see their team's activities" ON public.contact_activities FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: phoneburner_session_call_checks Reps see their team's call checks; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps see their team's call checks" ON public.phoneburner_session_call_checks FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: contact_field_changes Reps see their team's contact changes; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps see their team's contact changes" ON public.contact_field_changes FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: contacts Reps see their team's contacts; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps see their team's contacts" ON public.contacts FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: deal_contacts Reps see their team's deal links; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps see their team's deal links" ON public.deal_contacts FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: push_overrides Reps see their team's overrides; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps see their team's overrides" ON public.push_overrides FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: phoneburner_push_run_contacts Reps see their team's pushed contacts; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps see their team's pushed contacts" ON public.phoneburner_push_run_contacts FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: phoneburner_push_runs Reps see their team's pushes; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps see their team's pushes" ON public.phoneburner_push_runs FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: contact_segments Reps see their team's segments; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps see their team's segments" ON public.contact_segments FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: phoneburner_session_contacts Reps see their team's session members; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps see their team's session members" ON public.phoneburner_session_contacts FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: phoneburner_sessions Reps see their team's sessions; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps see their team's sessions" ON public.phoneburner_sessions FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: suppressions Reps see their team's suppressions; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps see their team's suppressions" ON public.suppressions FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: tasks Reps see their team's tasks; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps see their team's tasks" ON public.tasks FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: workflow_runs Reps see their team's workflow runs; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps see their team's workflow runs" ON public.workflow_runs FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: phoneburner_oauth_tokens Reps store their own token; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps store their own token" ON public.phoneburner_oauth_tokens FOR INSERT TO authenticated WITH CHECK ((user_id = ( SELECT auth.uid() AS uid)));

--
-- Name: tasks Reps update their team's tasks; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps update their team's tasks" ON public.tasks FOR UPDATE TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin))) WITH CHECK (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: calling_window_rules Signed-in users read calling windows; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Signed-in users read calling windows" ON public.calling_window_rules FOR SELECT TO authenticated USING (true);

--
-- Name: disposition_mappings Signed-in users read disposition mappings; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Signed-in users read disposition mappings" ON public.disposition_mappings FOR SELECT TO authenticated USING (true);

--
-- Name: profiles Users edit their own profile, admins any; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Users edit their own profile, admins any" ON public.profiles FOR UPDATE TO authenticated USING (((id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_admin() AS is_admin))) WITH CHECK ((( SELECT dialbridge.is_admin() AS is_admin) OR ((id = ( SELECT auth.uid() AS uid)) AND (role = ( SELECT dialbridge.current_app_role() AS current_app_role)) AND (NOT (team_id IS DISTINCT FROM ( SELECT dialbridge.current_team_id() AS current_team_id))) AND (NOT (phoneburner_user_id IS DISTINCT FROM ( SELECT dialbridge.current_phoneburner_user_id() AS current_phoneburner_user_id))) AND is_active)));

--
-- Name: profiles Users see the profiles of their team; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Users see the profiles of their team" ON public.profiles FOR SELECT TO authenticated USING (((id = ( SELECT auth.uid() AS uid)) OR (team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: teams Users see their own team; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Users see their own team" ON public.teams FOR SELECT TO authenticated USING (((id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: push_settings Users see their team's push settings; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Users see their team's push settings" ON public.push_settings FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: phoneburner_oauth_tokens Users see whether their own token is set, admins everyone's; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Users see whether their own token is set, admins everyone's" ON public.phoneburner_oauth_tokens FOR SELECT TO authenticated USING (((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: calling_window_rules; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.calling_window_rules ENABLE ROW LEVEL SECURITY;

--
-- Name: contact_activities; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.contact_activities ENABLE ROW LEVEL SECURITY;

--
-- Name: contact_field_changes; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.contact_field_changes ENABLE ROW LEVEL SECURITY;

--
-- Name: contact_segments; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.contact_segments ENABLE ROW LEVEL SECURITY;

--
-- Name: contacts; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.contacts ENABLE ROW LEVEL SECURITY;

--
-- Name: deal_contacts; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.deal_contacts ENABLE ROW LEVEL SECURITY;

--
-- Name: disposition_mappings; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.disposition_mappings ENABLE ROW LEVEL SECURITY;

--
-- Name: phoneburner_oauth_tokens; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.phoneburner_oauth_tokens ENABLE ROW LEVEL SECURITY;

--
-- Name: phoneburner_push_batches; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.phoneburner_push_batches ENABLE ROW LEVEL SECURITY;

--
-- Name: phoneburner_push_run_contacts; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.phoneburner_push_run_contacts ENABLE ROW LEVEL SECURITY;

--
-- Name: phoneburner_push_runs; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.phoneburner_push_runs ENABLE ROW LEVEL SECURITY;

--
-- Name: phoneburner_session_call_checks; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.phoneburner_session_call_checks ENABLE ROW LEVEL SECURITY;

--
-- Name: phoneburner_session_contacts; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.phoneburner_session_contacts ENABLE ROW LEVEL SECURITY;

--
-- Name: phoneburner_sessions; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.phoneburner_sessions ENABLE ROW LEVEL SECURITY;

--
-- Name: phoneburner_webhook_rejections; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.phoneburner_webhook_rejections ENABLE ROW LEVEL SECURITY;

--
-- Name: phoneburner_webhooks_log; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.phoneburner_webhooks_log ENABLE ROW LEVEL SECURITY;

--
-- Name: profiles; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY;

--
-- Name: push_overrides; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.push_overrides ENABLE ROW LEVEL SECURITY;

--
-- Name: push_settings; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.push_settings ENABLE ROW LEVEL SECURITY;

--
-- Name: suppressions; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.suppressions ENABLE ROW LEVEL SECURITY;

--
-- Name: tasks; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.tasks ENABLE ROW LEVEL SECURITY;

--
-- Name: teams; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.teams ENABLE ROW LEVEL SECURITY;

--
-- Name: workflow_runs; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.workflow_runs ENABLE ROW LEVEL SECURITY;

--
-- Name: SCHEMA dialbridge; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA dialbridge TO authenticated;
GRANT USAGE ON SCHEMA dialbridge TO service_role;

--
-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA public TO anon;
GRANT USAGE ON SCHEMA public TO authenticated;
GRANT USAGE ON SCHEMA public TO service_role;

--
-- Name: SCHEMA reports; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA reports TO authenticated;
GRANT USAGE ON SCHEMA reports TO service_role;
GRANT USAGE ON SCHEMA reports TO dialbridge_metabase;

--
-- Name: TYPE "text/csv"; Type: ACL; Schema: reports; Owner: -
--

GRANT ALL ON TYPE reports."text/csv" TO authenticated;
GRANT ALL ON TYPE reports."text/csv" TO service_role;

--
-- Name: FUNCTION acquire_phoneburner_lease(p_user_id uuid, p_holder text, p_ttl_seconds integer); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.acquire_phoneburner_lease(p_user_id uuid, p_holder text, p_ttl_seconds integer) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.acquire_phoneburner_lease(p_user_id uuid, p_holder text, p_ttl_seconds integer) TO service_role;

--
-- Name: TABLE contact_activities; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.contact_activities TO service_role;
GRANT SELECT,DELETE ON TABLE public.contact_activities TO authenticated;

--
-- Name: COLUMN contact_activities.contact_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(contact_id) ON TABLE public.contact_activities TO authenticated;

--
-- Name: COLUMN contact_activities.user_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(user_id) ON TABLE public.contact_activities TO authenticated;

--
-- Name: COLUMN contact_activities.team_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(team_id) ON TABLE public.contact_activities TO authenticated;

--
-- Name: COLUMN contact_activities.activity_type; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(activity_type) ON TABLE public.contact_activities TO authenticated;

--
-- Name: COLUMN contact_activities.source_system; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(source_system) ON TABLE public.contact_activities TO authenticated;

--
-- Name: COLUMN contact_activities.call_started_at; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(call_started_at) ON TABLE public.contact_activities TO authenticated;

--
-- Name: COLUMN contact_activities.call_ended_at; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(call_ended_at) ON TABLE public.contact_activities TO authenticated;

--
-- Name: COLUMN contact_activities.call_duration_seconds; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(call_duration_seconds) ON TABLE public.contact_activities TO authenticated;

--
-- Name: COLUMN contact_activities.talk_time_seconds; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(talk_time_seconds) ON TABLE public.contact_activities TO authenticated;

--
-- Name: COLUMN contact_activities.call_outcome; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(call_outcome) ON TABLE public.contact_activities TO authenticated;

--
-- Name: COLUMN contact_activities.answered_by; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(answered_by) ON TABLE public.contact_activities TO authenticated;

--
-- Name: COLUMN contact_activities.disposition_code; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(disposition_code) ON TABLE public.contact_activities TO authenticated;

--
-- Name: COLUMN contact_activities.disposition_label; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(disposition_label) ON TABLE public.contact_activities TO authenticated;

--
-- Name: COLUMN contact_activities.disposition_notes; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(disposition_notes),UPDATE(disposition_notes) ON TABLE public.contact_activities TO authenticated;

--
-- Name: COLUMN contact_activities.user_name; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(user_name) ON TABLE public.contact_activities TO authenticated;

--
-- Name: COLUMN contact_activities.details; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(details) ON TABLE public.contact_activities TO authenticated;

--
-- Name: COLUMN contact_activities.deleted_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(deleted_at) ON TABLE public.contact_activities TO authenticated;

--
-- Name: FUNCTION activity_call_stats(a public.contact_activities); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.activity_call_stats(a public.contact_activities) FROM PUBLIC;

--
-- Name: FUNCTION activity_deltas(p_old public.contact_activities[], p_new public.contact_activities[]); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.activity_deltas(p_old public.contact_activities[], p_new public.contact_activities[]) FROM PUBLIC;

--
-- Name: FUNCTION activity_facts(a public.contact_activities); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.activity_facts(a public.contact_activities) FROM PUBLIC;

--
-- Name: FUNCTION activity_stat_deltas(p_old public.contact_activities[], p_new public.contact_activities[]); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.activity_stat_deltas(p_old public.contact_activities[], p_new public.contact_activities[]) FROM PUBLIC;

--
-- Name: FUNCTION apply_activity_changes(p_old public.contact_activities[], p_new public.contact_activities[]); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.apply_activity_changes(p_old public.contact_activities[], p_new public.contact_activities[]) FROM PUBLIC;

--
-- Name: FUNCTION apply_call_stat_deltas(p_deltas dialbridge.activity_stat_delta[]); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.apply_call_stat_deltas(p_deltas dialbridge.activity_stat_delta[]) FROM PUBLIC;

--
-- Name: FUNCTION apply_callback(p_activity_id uuid); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.apply_callback(p_activity_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.apply_callback(p_activity_id uuid) TO service_role;

--
-- Name: FUNCTION apply_contact_changes(p_activity_id uuid); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.apply_contact_changes(p_activity_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.apply_contact_changes(p_activity_id uuid) TO service_role;

--
-- Name: FUNCTION apply_disposition(p_activity_id uuid); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.apply_disposition(p_activity_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.apply_disposition(p_activity_id uuid) TO service_role;

--
-- Name: FUNCTION apply_dispositions(p_activity_ids uuid[]); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.apply_dispositions(p_activity_ids uuid[]) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.apply_dispositions(p_activity_ids uuid[]) TO service_role;

--
-- Name: FUNCTION apply_phone_normalizations(p_rows jsonb, as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.apply_phone_normalizations(p_rows jsonb, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.apply_phone_normalizations(p_rows jsonb, as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION await_phoneburner_receivers(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.await_phoneburner_receivers() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.await_phoneburner_receivers() TO service_role;

--
-- Name: FUNCTION await_scoring_markers(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.await_scoring_markers() FROM PUBLIC;

--
-- Name: FUNCTION best_call_time(p_contact_id uuid, p_as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.best_call_time(p_contact_id uuid, p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.best_call_time(p_contact_id uuid, p_as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION buffer_or_apply_call_stat_deltas(p_deltas dialbridge.activity_stat_delta[]); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.buffer_or_apply_call_stat_deltas(p_deltas dialbridge.activity_stat_delta[]) FROM PUBLIC;

--
-- Name: FUNCTION call_has_open_callback_task(p_contact_id uuid, p_activity_id uuid, p_call_id text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.call_has_open_callback_task(p_contact_id uuid, p_activity_id uuid, p_call_id text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.call_has_open_callback_task(p_contact_id uuid, p_activity_id uuid, p_call_id text) TO service_role;

--
-- Name: FUNCTION called_ago(p_at timestamp with time zone, as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.called_ago(p_at timestamp with time zone, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.called_ago(p_at timestamp with time zone, as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.called_ago(p_at timestamp with time zone, as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION claim_contact_mark(p_contact_id uuid, p_kind text, p_activity_id uuid, p_at timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.claim_contact_mark(p_contact_id uuid, p_kind text, p_activity_id uuid, p_at timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.claim_contact_mark(p_contact_id uuid, p_kind text, p_activity_id uuid, p_at timestamp with time zone) TO service_role;

--
-- Name: FUNCTION claim_pending_phones(p_limit integer); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.claim_pending_phones(p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.claim_pending_phones(p_limit integer) TO service_role;

--
-- Name: FUNCTION claim_push_batch(p_batch_id uuid, p_holder text, as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.claim_push_batch(p_batch_id uuid, p_holder text, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.claim_push_batch(p_batch_id uuid, p_holder text, as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION complete_push_batch(p_batch_id uuid, p_result jsonb, as_of timestamp with time zone, p_summary boolean); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.complete_push_batch(p_batch_id uuid, p_result jsonb, as_of timestamp with time zone, p_summary boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.complete_push_batch(p_batch_id uuid, p_result jsonb, as_of timestamp with time zone, p_summary boolean) TO service_role;

--
-- Name: FUNCTION contact_call_stats_from_rows(p_contact_id uuid); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.contact_call_stats_from_rows(p_contact_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.contact_call_stats_from_rows(p_contact_id uuid) TO service_role;

--
-- Name: TABLE contacts; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.contacts TO service_role;
GRANT SELECT,DELETE ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(id) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.first_name; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(first_name),UPDATE(first_name) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.last_name; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(last_name),UPDATE(last_name) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.email; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(email),UPDATE(email) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.phone; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(phone),UPDATE(phone) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.company; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(company),UPDATE(company) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.sourceco_contact_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(sourceco_contact_id) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.team_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(team_id) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.owner_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(owner_id),UPDATE(owner_id) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.title; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(title),UPDATE(title) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.address_line1; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(address_line1),UPDATE(address_line1) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.city; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(city),UPDATE(city) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.state; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(state),UPDATE(state) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.zip; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(zip),UPDATE(zip) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.country; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(country),UPDATE(country) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.timezone; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(timezone),UPDATE(timezone) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.contact_type; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(contact_type),UPDATE(contact_type) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.buyer_type; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(buyer_type),UPDATE(buyer_type) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.firm_type; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(firm_type),UPDATE(firm_type) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.industry; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(industry),UPDATE(industry) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.aum_usd; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(aum_usd),UPDATE(aum_usd) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.fund_size_usd; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(fund_size_usd),UPDATE(fund_size_usd) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.target_sectors; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(target_sectors),UPDATE(target_sectors) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.target_geographies; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(target_geographies),UPDATE(target_geographies) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.target_ebitda_min_usd; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(target_ebitda_min_usd),UPDATE(target_ebitda_min_usd) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.target_ebitda_max_usd; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(target_ebitda_max_usd),UPDATE(target_ebitda_max_usd) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.ebitda_usd; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(ebitda_usd),UPDATE(ebitda_usd) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.list_source; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(list_source),UPDATE(list_source) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.relationship_notes; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(relationship_notes),UPDATE(relationship_notes) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.call_talking_points; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(call_talking_points),UPDATE(call_talking_points) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.assistant_name; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(assistant_name),UPDATE(assistant_name) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.assistant_phone; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(assistant_phone),UPDATE(assistant_phone) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.contact_status; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(contact_status),UPDATE(contact_status) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.contact_stage; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(contact_stage),UPDATE(contact_stage) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.needs_review; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(needs_review) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.needs_review_reason; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(needs_review_reason) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.next_action_type; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(next_action_type),UPDATE(next_action_type) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.next_action_date; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(next_action_date),UPDATE(next_action_date) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.next_action_notes; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(next_action_notes),UPDATE(next_action_notes) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.next_action_assigned_to_user_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(next_action_assigned_to_user_id),UPDATE(next_action_assigned_to_user_id) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.gatekeeper_name; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(gatekeeper_name),UPDATE(gatekeeper_name) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.gatekeeper_phone_extension; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(gatekeeper_phone_extension),UPDATE(gatekeeper_phone_extension) ON TABLE public.contacts TO authenticated;

--
-- Name: COLUMN contacts.gatekeeper_notes; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(gatekeeper_notes),UPDATE(gatekeeper_notes) ON TABLE public.contacts TO authenticated;

--
-- Name: FUNCTION contact_phone_key(p_contact public.contacts); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.contact_phone_key(p_contact public.contacts) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.contact_phone_key(p_contact public.contacts) TO service_role;

--
-- Name: FUNCTION contact_segment_values(p_contact_type text, p_list_source text, p_industry text, p_state text, p_country text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.contact_segment_values(p_contact_type text, p_list_source text, p_industry text, p_state text, p_country text) FROM PUBLIC;

--
-- Name: FUNCTION contacts_matching(p_filter jsonb, as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.contacts_matching(p_filter jsonb, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.contacts_matching(p_filter jsonb, as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.contacts_matching(p_filter jsonb, as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION contacts_matching_filter(p_filter jsonb, as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.contacts_matching_filter(p_filter jsonb, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.contacts_matching_filter(p_filter jsonb, as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.contacts_matching_filter(p_filter jsonb, as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION csv_field(p_value text, p_is_text boolean); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.csv_field(p_value text, p_is_text boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.csv_field(p_value text, p_is_text boolean) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.csv_field(p_value text, p_is_text boolean) TO service_role;

--
-- Name: FUNCTION current_app_role(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.current_app_role() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.current_app_role() TO authenticated;
GRANT ALL ON FUNCTION dialbridge.current_app_role() TO service_role;

--
-- Name: FUNCTION current_phoneburner_user_id(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.current_phoneburner_user_id() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.current_phoneburner_user_id() TO authenticated;
GRANT ALL ON FUNCTION dialbridge.current_phoneburner_user_id() TO service_role;

--
-- Name: FUNCTION current_team_id(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.current_team_id() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.current_team_id() TO authenticated;
GRANT ALL ON FUNCTION dialbridge.current_team_id() TO service_role;
GRANT ALL ON FUNCTION dialbridge.current_team_id() TO dialbridge_metabase;

--
-- Name: FUNCTION defer_call_stats(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.defer_call_stats() FROM PUBLIC;

--
-- Name: FUNCTION defer_push_batch(p_batch_id uuid, p_run_at timestamp with time zone, p_detail text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.defer_push_batch(p_batch_id uuid, p_run_at timestamp with time zone, p_detail text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.defer_push_batch(p_batch_id uuid, p_run_at timestamp with time zone, p_detail text) TO service_role;

--
-- Name: FUNCTION dial_time_text(p_minutes numeric); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.dial_time_text(p_minutes numeric) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.dial_time_text(p_minutes numeric) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.dial_time_text(p_minutes numeric) TO service_role;

--
-- Name: FUNCTION disposition_label_example(p_code text, p_label_key text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.disposition_label_example(p_code text, p_label_key text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.disposition_label_example(p_code text, p_label_key text) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.disposition_label_example(p_code text, p_label_key text) TO service_role;
GRANT ALL ON FUNCTION dialbridge.disposition_label_example(p_code text, p_label_key text) TO dialbridge_metabase;

--
-- Name: FUNCTION due_callback_pushes(as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.due_callback_pushes(as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.due_callback_pushes(as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION email_domain(p_email text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.email_domain(p_email text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.email_domain(p_email text) TO service_role;

--
-- Name: FUNCTION engagement_score_breakdown(p_contact_id uuid, p_as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.engagement_score_breakdown(p_contact_id uuid, p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.engagement_score_breakdown(p_contact_id uuid, p_as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION enqueue_phone_normalization(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.enqueue_phone_normalization() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.enqueue_phone_normalization() TO authenticated;
GRANT ALL ON FUNCTION dialbridge.enqueue_phone_normalization() TO service_role;

--
-- Name: FUNCTION enqueue_push_batch(p_batch_id uuid, p_run_at timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.enqueue_push_batch(p_batch_id uuid, p_run_at timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.enqueue_push_batch(p_batch_id uuid, p_run_at timestamp with time zone) TO service_role;

--
-- Name: FUNCTION ensure_constraint(p_table regclass, p_name text, p_definition text, p_not_valid boolean); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.ensure_constraint(p_table regclass, p_name text, p_definition text, p_not_valid boolean) FROM PUBLIC;

--
-- Name: FUNCTION expected_rep_daily_stats(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.expected_rep_daily_stats() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.expected_rep_daily_stats() TO service_role;

--
-- Name: FUNCTION expected_rep_day_totals(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.expected_rep_day_totals() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.expected_rep_day_totals() TO service_role;

--
-- Name: FUNCTION expected_segment_daily_stats(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.expected_segment_daily_stats() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.expected_segment_daily_stats() TO service_role;

--
-- Name: FUNCTION expected_session_contact_stats(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.expected_session_contact_stats() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.expected_session_contact_stats() TO service_role;

--
-- Name: FUNCTION expected_session_stats(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.expected_session_stats() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.expected_session_stats() TO service_role;

--
-- Name: FUNCTION expected_session_totals(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.expected_session_totals() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.expected_session_totals() TO service_role;

--
-- Name: FUNCTION fail_push_batch(p_batch_id uuid, p_error jsonb, as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.fail_push_batch(p_batch_id uuid, p_error jsonb, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.fail_push_batch(p_batch_id uuid, p_error jsonb, as_of timestamp with time zone) TO service_role;

--
-- Name: TABLE disposition_mappings; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.disposition_mappings TO service_role;
GRANT SELECT,DELETE ON TABLE public.disposition_mappings TO authenticated;

--
-- Name: COLUMN disposition_mappings.phoneburner_disposition_code; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(phoneburner_disposition_code) ON TABLE public.disposition_mappings TO authenticated;

--
-- Name: COLUMN disposition_mappings.phoneburner_disposition_label; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(phoneburner_disposition_label),UPDATE(phoneburner_disposition_label) ON TABLE public.disposition_mappings TO authenticated;

--
-- Name: COLUMN disposition_mappings.label_aliases; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(label_aliases),UPDATE(label_aliases) ON TABLE public.disposition_mappings TO authenticated;

--
-- Name: COLUMN disposition_mappings.category; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(category),UPDATE(category) ON TABLE public.disposition_mappings TO authenticated;

--
-- Name: COLUMN disposition_mappings.sourceco_contact_status; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(sourceco_contact_status),UPDATE(sourceco_contact_status) ON TABLE public.disposition_mappings TO authenticated;

--
-- Name: COLUMN disposition_mappings.sourceco_contact_stage; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(sourceco_contact_stage),UPDATE(sourceco_contact_stage) ON TABLE public.disposition_mappings TO authenticated;

--
-- Name: COLUMN disposition_mappings.is_connected_outcome; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(is_connected_outcome),UPDATE(is_connected_outcome) ON TABLE public.disposition_mappings TO authenticated;

--
-- Name: COLUMN disposition_mappings.trigger_workflow; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(trigger_workflow),UPDATE(trigger_workflow) ON TABLE public.disposition_mappings TO authenticated;

--
-- Name: COLUMN disposition_mappings.workflow_name; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(workflow_name),UPDATE(workflow_name) ON TABLE public.disposition_mappings TO authenticated;

--
-- Name: COLUMN disposition_mappings.workflow_config; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(workflow_config),UPDATE(workflow_config) ON TABLE public.disposition_mappings TO authenticated;

--
-- Name: COLUMN disposition_mappings.create_task; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(create_task),UPDATE(create_task) ON TABLE public.disposition_mappings TO authenticated;

--
-- Name: COLUMN disposition_mappings.task_type; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(task_type),UPDATE(task_type) ON TABLE public.disposition_mappings TO authenticated;

--
-- Name: COLUMN disposition_mappings.task_due_offset_days; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(task_due_offset_days),UPDATE(task_due_offset_days) ON TABLE public.disposition_mappings TO authenticated;

--
-- Name: COLUMN disposition_mappings.task_priority; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(task_priority),UPDATE(task_priority) ON TABLE public.disposition_mappings TO authenticated;

--
-- Name: COLUMN disposition_mappings.suppress_contact; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(suppress_contact),UPDATE(suppress_contact) ON TABLE public.disposition_mappings TO authenticated;

--
-- Name: COLUMN disposition_mappings.suppress_duration_days; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(suppress_duration_days),UPDATE(suppress_duration_days) ON TABLE public.disposition_mappings TO authenticated;

--
-- Name: COLUMN disposition_mappings.suppress_reason; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(suppress_reason),UPDATE(suppress_reason) ON TABLE public.disposition_mappings TO authenticated;

--
-- Name: COLUMN disposition_mappings.mark_phone_invalid; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(mark_phone_invalid),UPDATE(mark_phone_invalid) ON TABLE public.disposition_mappings TO authenticated;

--
-- Name: COLUMN disposition_mappings.mark_do_not_call; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(mark_do_not_call),UPDATE(mark_do_not_call) ON TABLE public.disposition_mappings TO authenticated;

--
-- Name: COLUMN disposition_mappings.next_action_type; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(next_action_type),UPDATE(next_action_type) ON TABLE public.disposition_mappings TO authenticated;

--
-- Name: COLUMN disposition_mappings.next_action_offset_days; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(next_action_offset_days),UPDATE(next_action_offset_days) ON TABLE public.disposition_mappings TO authenticated;

--
-- Name: COLUMN disposition_mappings.engagement_score_delta; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(engagement_score_delta),UPDATE(engagement_score_delta) ON TABLE public.disposition_mappings TO authenticated;

--
-- Name: COLUMN disposition_mappings.is_active; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(is_active),UPDATE(is_active) ON TABLE public.disposition_mappings TO authenticated;

--
-- Name: COLUMN disposition_mappings.notes; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(notes),UPDATE(notes) ON TABLE public.disposition_mappings TO authenticated;

--
-- Name: COLUMN disposition_mappings.created_by_user_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(created_by_user_id) ON TABLE public.disposition_mappings TO authenticated;

--
-- Name: FUNCTION find_disposition_mapping(p_code text, p_label text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.find_disposition_mapping(p_code text, p_label text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.find_disposition_mapping(p_code text, p_label text) TO service_role;
GRANT ALL ON FUNCTION dialbridge.find_disposition_mapping(p_code text, p_label text) TO authenticated;

--
-- Name: FUNCTION flush_call_stat_deltas(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.flush_call_stat_deltas() FROM PUBLIC;

--
-- Name: FUNCTION format_mmss(p_seconds numeric); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.format_mmss(p_seconds numeric) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.format_mmss(p_seconds numeric) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.format_mmss(p_seconds numeric) TO service_role;
GRANT ALL ON FUNCTION dialbridge.format_mmss(p_seconds numeric) TO dialbridge_metabase;

--
-- Name: FUNCTION format_usd_short(p_amount numeric); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.format_usd_short(p_amount numeric) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.format_usd_short(p_amount numeric) TO service_role;

--
-- Name: FUNCTION health(p_as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.health(p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.health(p_as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION humanize_reason(p_reason text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.humanize_reason(p_reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.humanize_reason(p_reason text) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.humanize_reason(p_reason text) TO service_role;

--
-- Name: TABLE phoneburner_call_events; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT ON TABLE dialbridge.phoneburner_call_events TO service_role;

--
-- Name: FUNCTION ingest_phoneburner_events(p_facts dialbridge.phoneburner_call_events[]); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.ingest_phoneburner_events(p_facts dialbridge.phoneburner_call_events[]) FROM PUBLIC;

--
-- Name: FUNCTION is_admin(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.is_admin() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.is_admin() TO authenticated;
GRANT ALL ON FUNCTION dialbridge.is_admin() TO service_role;
GRANT ALL ON FUNCTION dialbridge.is_admin() TO dialbridge_metabase;

--
-- Name: FUNCTION is_call_activity_type(p_activity_type text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.is_call_activity_type(p_activity_type text) FROM PUBLIC;

--
-- Name: FUNCTION is_manager_or_admin(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.is_manager_or_admin() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.is_manager_or_admin() TO authenticated;
GRANT ALL ON FUNCTION dialbridge.is_manager_or_admin() TO service_role;

--
-- Name: FUNCTION jsonb_first_id(p_values jsonb[]); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.jsonb_first_id(p_values jsonb[]) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.jsonb_first_id(p_values jsonb[]) TO service_role;

--
-- Name: FUNCTION jsonb_flag(p_value jsonb); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.jsonb_flag(p_value jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.jsonb_flag(p_value jsonb) TO service_role;

--
-- Name: FUNCTION jsonb_id(p_value jsonb); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.jsonb_id(p_value jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.jsonb_id(p_value jsonb) TO service_role;

--
-- Name: FUNCTION jsonb_lower_texts(p_value jsonb); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.jsonb_lower_texts(p_value jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.jsonb_lower_texts(p_value jsonb) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.jsonb_lower_texts(p_value jsonb) TO service_role;

--
-- Name: FUNCTION jsonb_scalar_text(p_value jsonb); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.jsonb_scalar_text(p_value jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.jsonb_scalar_text(p_value jsonb) TO service_role;

--
-- Name: FUNCTION jsonb_seconds(p_value jsonb); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.jsonb_seconds(p_value jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.jsonb_seconds(p_value jsonb) TO service_role;

--
-- Name: FUNCTION jsonb_single_text(p_value jsonb); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.jsonb_single_text(p_value jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.jsonb_single_text(p_value jsonb) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.jsonb_single_text(p_value jsonb) TO service_role;

--
-- Name: FUNCTION jsonb_string(p_value jsonb); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.jsonb_string(p_value jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.jsonb_string(p_value jsonb) TO service_role;

--
-- Name: FUNCTION legal_do_not_call(p_contact_ids uuid[]); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.legal_do_not_call(p_contact_ids uuid[]) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.legal_do_not_call(p_contact_ids uuid[]) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.legal_do_not_call(p_contact_ids uuid[]) TO service_role;

--
-- Name: FUNCTION link_pushed_session(p_phoneburner_session_id text, p_sourceco_contact_id text, p_phoneburner_contact_id text, p_phones text[], p_phoneburner_user_id text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.link_pushed_session(p_phoneburner_session_id text, p_sourceco_contact_id text, p_phoneburner_contact_id text, p_phones text[], p_phoneburner_user_id text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.link_pushed_session(p_phoneburner_session_id text, p_sourceco_contact_id text, p_phoneburner_contact_id text, p_phones text[], p_phoneburner_user_id text) TO service_role;

--
-- Name: FUNCTION local_date(p_at timestamp with time zone, p_timezone text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.local_date(p_at timestamp with time zone, p_timezone text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.local_date(p_at timestamp with time zone, p_timezone text) TO service_role;

--
-- Name: FUNCTION mark_contacts_for_scoring(p_contact_ids uuid[]); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.mark_contacts_for_scoring(p_contact_ids uuid[]) FROM PUBLIC;

--
-- Name: FUNCTION normalize_label(p_label text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.normalize_label(p_label text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.normalize_label(p_label text) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.normalize_label(p_label text) TO service_role;
GRANT ALL ON FUNCTION dialbridge.normalize_label(p_label text) TO dialbridge_metabase;

--
-- Name: TABLE phoneburner_webhooks_log; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.phoneburner_webhooks_log TO service_role;

--
-- Name: FUNCTION normalize_phoneburner_event(p_log public.phoneburner_webhooks_log, p_zone text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.normalize_phoneburner_event(p_log public.phoneburner_webhooks_log, p_zone text) FROM PUBLIC;

--
-- Name: FUNCTION normalized_aliases(p_aliases text[]); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.normalized_aliases(p_aliases text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.normalized_aliases(p_aliases text[]) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.normalized_aliases(p_aliases text[]) TO service_role;

--
-- Name: FUNCTION pending_phones_for_push(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.pending_phones_for_push(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.pending_phones_for_push(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.pending_phones_for_push(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION perform_workflow_run(p_run_id uuid); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.perform_workflow_run(p_run_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.perform_workflow_run(p_run_id uuid) TO service_role;

--
-- Name: FUNCTION phone_e164_candidates(p_phone text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.phone_e164_candidates(p_phone text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phone_e164_candidates(p_phone text) TO service_role;

--
-- Name: FUNCTION phoneburner_accounts_to_reconcile(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.phoneburner_accounts_to_reconcile() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_accounts_to_reconcile() TO service_role;

--
-- Name: FUNCTION phoneburner_answered_by(p_value text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.phoneburner_answered_by(p_value text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_answered_by(p_value text) TO service_role;

--
-- Name: FUNCTION phoneburner_call_activity_rows(p_keys text[]); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.phoneburner_call_activity_rows(p_keys text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_call_activity_rows(p_keys text[]) TO service_role;

--
-- Name: FUNCTION phoneburner_call_context(p_contact_ids uuid[]); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.phoneburner_call_context(p_contact_ids uuid[]) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_call_context(p_contact_ids uuid[]) TO service_role;

--
-- Name: FUNCTION phoneburner_call_id(p_payload jsonb); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.phoneburner_call_id(p_payload jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_call_id(p_payload jsonb) TO service_role;

--
-- Name: FUNCTION phoneburner_call_outcome(p_outcome text, p_answered_by text, p_connected boolean, p_connected_at timestamp with time zone, p_talk integer, p_mapping_code text, p_mapping_connected boolean, p_label text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.phoneburner_call_outcome(p_outcome text, p_answered_by text, p_connected boolean, p_connected_at timestamp with time zone, p_talk integer, p_mapping_code text, p_mapping_connected boolean, p_label text) FROM PUBLIC;

--
-- Name: FUNCTION phoneburner_callback_key(p_call_key text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.phoneburner_callback_key(p_call_key text) FROM PUBLIC;

--
-- Name: FUNCTION phoneburner_credentials(p_user_id uuid); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.phoneburner_credentials(p_user_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_credentials(p_user_id uuid) TO service_role;

--
-- Name: FUNCTION phoneburner_custom_field_catalog(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.phoneburner_custom_field_catalog() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_custom_field_catalog() TO service_role;

--
-- Name: FUNCTION phoneburner_event_identity(p_event_type text, p_payload jsonb, p_header_event_id text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.phoneburner_event_identity(p_event_type text, p_payload jsonb, p_header_event_id text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_event_identity(p_event_type text, p_payload jsonb, p_header_event_id text) TO service_role;

--
-- Name: FUNCTION phoneburner_event_refs(p_event_type text, p_payload jsonb, p_zone text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.phoneburner_event_refs(p_event_type text, p_payload jsonb, p_zone text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_event_refs(p_event_type text, p_payload jsonb, p_zone text) TO service_role;

--
-- Name: FUNCTION phoneburner_event_rep(p_event_type text, p_payload jsonb); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.phoneburner_event_rep(p_event_type text, p_payload jsonb) FROM PUBLIC;

--
-- Name: FUNCTION phoneburner_event_time(p_value jsonb, p_zone text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.phoneburner_event_time(p_value jsonb, p_zone text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_event_time(p_value jsonb, p_zone text) TO service_role;

--
-- Name: FUNCTION phoneburner_event_types(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.phoneburner_event_types() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_event_types() TO service_role;

--
-- Name: FUNCTION phoneburner_idless_call_key(p_log_id bigint); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.phoneburner_idless_call_key(p_log_id bigint) FROM PUBLIC;

--
-- Name: FUNCTION phoneburner_idless_start_key(p_subject text, p_at timestamp with time zone, p_event_id text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.phoneburner_idless_start_key(p_subject text, p_at timestamp with time zone, p_event_id text) FROM PUBLIC;

--
-- Name: FUNCTION phoneburner_inferred_answered_by(p_outcome text, p_mapping_code text, p_mapping_category text, p_mapping_connected boolean); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.phoneburner_inferred_answered_by(p_outcome text, p_mapping_code text, p_mapping_category text, p_mapping_connected boolean) FROM PUBLIC;

--
-- Name: FUNCTION phoneburner_outcome(p_value text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.phoneburner_outcome(p_value text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_outcome(p_value text) TO service_role;

--
-- Name: FUNCTION phoneburner_processor_awaits_receivers(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.phoneburner_processor_awaits_receivers() FROM PUBLIC;

--
-- Name: FUNCTION phoneburner_reassign_idless(p_subject text, p_at timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.phoneburner_reassign_idless(p_subject text, p_at timestamp with time zone) FROM PUBLIC;

--
-- Name: FUNCTION phoneburner_receivers_lock_key(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.phoneburner_receivers_lock_key() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_receivers_lock_key() TO service_role;

--
-- Name: FUNCTION phoneburner_retry_delay(p_attempt integer); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.phoneburner_retry_delay(p_attempt integer) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_retry_delay(p_attempt integer) TO service_role;

--
-- Name: FUNCTION phoneburner_sourceco_id(p_payload jsonb); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.phoneburner_sourceco_id(p_payload jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_sourceco_id(p_payload jsonb) TO service_role;

--
-- Name: FUNCTION phoneburner_time_zone(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.phoneburner_time_zone() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_time_zone() TO service_role;

--
-- Name: FUNCTION phoneburner_timestamptz(p_value jsonb, p_zone text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.phoneburner_timestamptz(p_value jsonb, p_zone text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_timestamptz(p_value jsonb, p_zone text) TO service_role;

--
-- Name: FUNCTION reads_all_reports(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.reads_all_reports() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.reads_all_reports() TO authenticated;
GRANT ALL ON FUNCTION dialbridge.reads_all_reports() TO service_role;
GRANT ALL ON FUNCTION dialbridge.reads_all_reports() TO dialbridge_metabase;

--
-- Name: FUNCTION reads_pipeline_reports(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.reads_pipeline_reports() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.reads_pipeline_reports() TO authenticated;
GRANT ALL ON FUNCTION dialbridge.reads_pipeline_reports() TO service_role;
GRANT ALL ON FUNCTION dialbridge.reads_pipeline_reports() TO dialbridge_metabase;

--
-- Name: FUNCTION report_time_zone(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.report_time_zone() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.report_time_zone() TO authenticated;
GRANT ALL ON FUNCTION dialbridge.report_time_zone() TO service_role;
GRANT ALL ON FUNCTION dialbridge.report_time_zone() TO dialbridge_metabase;

--
-- Name: FUNCTION report_today(p_as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.report_today(p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.report_today(p_as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.report_today(p_as_of timestamp with time zone) TO service_role;
GRANT ALL ON FUNCTION dialbridge.report_today(p_as_of timestamp with time zone) TO dialbridge_metabase;

--
-- Name: TABLE rep_day_totals; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT ON TABLE dialbridge.rep_day_totals TO authenticated;
GRANT SELECT ON TABLE dialbridge.rep_day_totals TO dialbridge_metabase;
GRANT ALL ON TABLE dialbridge.rep_day_totals TO service_role;

--
-- Name: TABLE contact_field_changes; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.contact_field_changes TO service_role;
GRANT SELECT ON TABLE public.contact_field_changes TO authenticated;

--
-- Name: TABLE report_contact_field_changes; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT ON TABLE dialbridge.report_contact_field_changes TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_contact_field_changes TO service_role;
GRANT SELECT ON TABLE dialbridge.report_contact_field_changes TO dialbridge_metabase;

--
-- Name: TABLE profiles; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.profiles TO service_role;
GRANT SELECT ON TABLE public.profiles TO authenticated;

--
-- Name: COLUMN profiles.team_id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(team_id) ON TABLE public.profiles TO authenticated;

--
-- Name: COLUMN profiles.role; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(role) ON TABLE public.profiles TO authenticated;

--
-- Name: COLUMN profiles.display_name; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(display_name) ON TABLE public.profiles TO authenticated;

--
-- Name: COLUMN profiles.phoneburner_user_id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(phoneburner_user_id) ON TABLE public.profiles TO authenticated;

--
-- Name: COLUMN profiles.is_active; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(is_active) ON TABLE public.profiles TO authenticated;

--
-- Name: TABLE report_profiles; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT ON TABLE dialbridge.report_profiles TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_profiles TO service_role;
GRANT SELECT ON TABLE dialbridge.report_profiles TO dialbridge_metabase;

--
-- Name: TABLE phoneburner_push_runs; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.phoneburner_push_runs TO service_role;

--
-- Name: COLUMN phoneburner_push_runs.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.request_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(request_id) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.team_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(team_id) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.user_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(user_id) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.target_user_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(target_user_id) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.request_shape; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(request_shape) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.entity_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(entity_type) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.api_style; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(api_style) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.filter; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(filter) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.filter_fingerprint; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(filter_fingerprint) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.options; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(options) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.session_name; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(session_name) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.target_session_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(target_session_id) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.session_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(session_id) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.phoneburner_session_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(phoneburner_session_id) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.session_url; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(session_url) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.stage; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(stage) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.stage_detail; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(stage_detail) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.total_contacts; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(total_contacts) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.contacts_ready; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(contacts_ready) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.contacts_excluded; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(contacts_excluded) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.contacts_overridden; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(contacts_overridden) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.contacts_done; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(contacts_done) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.contacts_added; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(contacts_added) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.contacts_updated; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(contacts_updated) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.contacts_failed; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(contacts_failed) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.batches_total; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(batches_total) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.batches_done; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(batches_done) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.error; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(error) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.error_code; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(error_code) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.created_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_at) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.started_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(started_at) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.finished_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(finished_at) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: COLUMN phoneburner_push_runs.updated_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_at) ON TABLE public.phoneburner_push_runs TO authenticated;

--
-- Name: TABLE report_push_runs; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT ON TABLE dialbridge.report_push_runs TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_push_runs TO service_role;
GRANT SELECT ON TABLE dialbridge.report_push_runs TO dialbridge_metabase;

--
-- Name: TABLE teams; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.teams TO service_role;
GRANT SELECT,DELETE ON TABLE public.teams TO authenticated;

--
-- Name: COLUMN teams.name; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(name),UPDATE(name) ON TABLE public.teams TO authenticated;

--
-- Name: TABLE report_teams; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT ON TABLE dialbridge.report_teams TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_teams TO service_role;
GRANT SELECT ON TABLE dialbridge.report_teams TO dialbridge_metabase;

--
-- Name: TABLE report_webhook_events; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT ON TABLE dialbridge.report_webhook_events TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_webhook_events TO service_role;
GRANT SELECT ON TABLE dialbridge.report_webhook_events TO dialbridge_metabase;

--
-- Name: TABLE phoneburner_webhook_rejections; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.phoneburner_webhook_rejections TO service_role;

--
-- Name: TABLE report_webhook_rejections; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT ON TABLE dialbridge.report_webhook_rejections TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_webhook_rejections TO service_role;
GRANT SELECT ON TABLE dialbridge.report_webhook_rejections TO dialbridge_metabase;

--
-- Name: FUNCTION pipeline_alerts(p_as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.pipeline_alerts(p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.pipeline_alerts(p_as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.pipeline_alerts(p_as_of timestamp with time zone) TO service_role;
GRANT ALL ON FUNCTION dialbridge.pipeline_alerts(p_as_of timestamp with time zone) TO dialbridge_metabase;

--
-- Name: FUNCTION pipeline_health(p_as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.pipeline_health(p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.pipeline_health(p_as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.pipeline_health(p_as_of timestamp with time zone) TO service_role;
GRANT ALL ON FUNCTION dialbridge.pipeline_health(p_as_of timestamp with time zone) TO dialbridge_metabase;

--
-- Name: FUNCTION process_phoneburner_webhooks(p_limit integer, as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.process_phoneburner_webhooks(p_limit integer, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.process_phoneburner_webhooks(p_limit integer, as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION project_phoneburner_calls(p_keys text[]); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.project_phoneburner_calls(p_keys text[]) FROM PUBLIC;

--
-- Name: FUNCTION project_phoneburner_contact_updates(p_keys text[]); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.project_phoneburner_contact_updates(p_keys text[]) FROM PUBLIC;

--
-- Name: FUNCTION project_phoneburner_keys(p_keys text[]); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.project_phoneburner_keys(p_keys text[]) FROM PUBLIC;

--
-- Name: FUNCTION push_blocks(p_contact_ids uuid[], as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.push_blocks(p_contact_ids uuid[], as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.push_blocks(p_contact_ids uuid[], as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.push_blocks(p_contact_ids uuid[], as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION push_candidates(p_contact_ids uuid[], p_options jsonb, as_of timestamp with time zone, p_for_push boolean); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.push_candidates(p_contact_ids uuid[], p_options jsonb, as_of timestamp with time zone, p_for_push boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.push_candidates(p_contact_ids uuid[], p_options jsonb, as_of timestamp with time zone, p_for_push boolean) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.push_candidates(p_contact_ids uuid[], p_options jsonb, as_of timestamp with time zone, p_for_push boolean) TO service_role;

--
-- Name: FUNCTION push_fingerprint(p_contact_ids uuid[], p_filter jsonb); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.push_fingerprint(p_contact_ids uuid[], p_filter jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.push_fingerprint(p_contact_ids uuid[], p_filter jsonb) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.push_fingerprint(p_contact_ids uuid[], p_filter jsonb) TO service_role;

--
-- Name: FUNCTION push_reason_label(p_reason text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.push_reason_label(p_reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.push_reason_label(p_reason text) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.push_reason_label(p_reason text) TO service_role;

--
-- Name: FUNCTION push_reason_rank(p_reason text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.push_reason_rank(p_reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.push_reason_rank(p_reason text) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.push_reason_rank(p_reason text) TO service_role;

--
-- Name: FUNCTION push_run_owner(p_request_id text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.push_run_owner(p_request_id text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.push_run_owner(p_request_id text) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.push_run_owner(p_request_id text) TO service_role;

--
-- Name: FUNCTION push_run_summary(p_run_id uuid); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.push_run_summary(p_run_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.push_run_summary(p_run_id uuid) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.push_run_summary(p_run_id uuid) TO service_role;

--
-- Name: FUNCTION queue_workflow_runs(p_steps dialbridge.disposition_step[]); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.queue_workflow_runs(p_steps dialbridge.disposition_step[]) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.queue_workflow_runs(p_steps dialbridge.disposition_step[]) TO service_role;

--
-- Name: FUNCTION reapply_dispositions(p_code text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.reapply_dispositions(p_code text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.reapply_dispositions(p_code text) TO service_role;

--
-- Name: FUNCTION rebuild_rollups(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.rebuild_rollups() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.rebuild_rollups() TO service_role;

--
-- Name: FUNCTION receive_phoneburner_event(p_event_type text, p_payload jsonb, p_header_event_id text, p_payload_size integer, p_auth_method text, p_signature_header text, p_ip inet, p_user_agent text, p_envelope jsonb); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.receive_phoneburner_event(p_event_type text, p_payload jsonb, p_header_event_id text, p_payload_size integer, p_auth_method text, p_signature_header text, p_ip inet, p_user_agent text, p_envelope jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.receive_phoneburner_event(p_event_type text, p_payload jsonb, p_header_event_id text, p_payload_size integer, p_auth_method text, p_signature_header text, p_ip inet, p_user_agent text, p_envelope jsonb) TO service_role;

--
-- Name: FUNCTION reclassify_totals(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.reclassify_totals() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.reclassify_totals() TO service_role;

--
-- Name: FUNCTION recompute_contact_call_stats(p_contact_id uuid); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.recompute_contact_call_stats(p_contact_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.recompute_contact_call_stats(p_contact_id uuid) TO service_role;

--
-- Name: FUNCTION recompute_rollups(p_repair boolean); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.recompute_rollups(p_repair boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.recompute_rollups(p_repair boolean) TO service_role;

--
-- Name: FUNCTION recompute_session_call_stats(p_session_id uuid); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.recompute_session_call_stats(p_session_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.recompute_session_call_stats(p_session_id uuid) TO service_role;

--
-- Name: FUNCTION reconcile_phoneburner_contacts(p_user_id uuid, p_contacts jsonb); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.reconcile_phoneburner_contacts(p_user_id uuid, p_contacts jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.reconcile_phoneburner_contacts(p_user_id uuid, p_contacts jsonb) TO service_role;

--
-- Name: FUNCTION record_contact_reconciliation(p_user_id uuid, p_synced_until timestamp with time zone, p_seen integer, p_changed integer, p_error text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.record_contact_reconciliation(p_user_id uuid, p_synced_until timestamp with time zone, p_seen integer, p_changed integer, p_error text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.record_contact_reconciliation(p_user_id uuid, p_synced_until timestamp with time zone, p_seen integer, p_changed integer, p_error text) TO service_role;

--
-- Name: FUNCTION record_phoneburner_webhook_rejection(p_reason text, p_event_type_hint text, p_ip inet, p_payload_size integer, as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.record_phoneburner_webhook_rejection(p_reason text, p_event_type_hint text, p_ip inet, p_payload_size integer, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.record_phoneburner_webhook_rejection(p_reason text, p_event_type_hint text, p_ip inet, p_payload_size integer, as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION record_push_batch_retry(p_batch_id uuid, p_error jsonb, as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.record_push_batch_retry(p_batch_id uuid, p_error jsonb, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.record_push_batch_retry(p_batch_id uuid, p_error jsonb, as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION record_push_contact_errors(p_batch_id uuid, p_errors jsonb); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.record_push_contact_errors(p_batch_id uuid, p_errors jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.record_push_contact_errors(p_batch_id uuid, p_errors jsonb) TO service_role;

--
-- Name: FUNCTION record_push_run(p_run jsonb, p_rows jsonb, as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.record_push_run(p_run jsonb, p_rows jsonb, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.record_push_run(p_run jsonb, p_rows jsonb, as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.record_push_run(p_run jsonb, p_rows jsonb, as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION record_session_call_counts(p_user_id uuid, p_sessions jsonb, as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.record_session_call_counts(p_user_id uuid, p_sessions jsonb, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.record_session_call_counts(p_user_id uuid, p_sessions jsonb, as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION record_worker_heartbeat(p_worker_id text, p_hostname text, p_pid integer, p_concurrency integer, p_task_count integer, p_started_at timestamp with time zone, p_cron_lag_seconds numeric, p_as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.record_worker_heartbeat(p_worker_id text, p_hostname text, p_pid integer, p_concurrency integer, p_task_count integer, p_started_at timestamp with time zone, p_cron_lag_seconds numeric, p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.record_worker_heartbeat(p_worker_id text, p_hostname text, p_pid integer, p_concurrency integer, p_task_count integer, p_started_at timestamp with time zone, p_cron_lag_seconds numeric, p_as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION record_worker_stopped(p_worker_id text, p_as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.record_worker_stopped(p_worker_id text, p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.record_worker_stopped(p_worker_id text, p_as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION refresh_call_hour_stats(p_as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.refresh_call_hour_stats(p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.refresh_call_hour_stats(p_as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION refresh_disposition_classes(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.refresh_disposition_classes() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.refresh_disposition_classes() TO service_role;

--
-- Name: FUNCTION release_phoneburner_lease(p_user_id uuid, p_holder text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.release_phoneburner_lease(p_user_id uuid, p_holder text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.release_phoneburner_lease(p_user_id uuid, p_holder text) TO service_role;

--
-- Name: FUNCTION reset_phoneburner_webhooks_for_replay(p_since timestamp with time zone, p_statuses text[], p_event_type text, p_until timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.reset_phoneburner_webhooks_for_replay(p_since timestamp with time zone, p_statuses text[], p_event_type text, p_until timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.reset_phoneburner_webhooks_for_replay(p_since timestamp with time zone, p_statuses text[], p_event_type text, p_until timestamp with time zone) TO service_role;

--
-- Name: FUNCTION resolve_entity_contacts(p_entity_type text, p_ids jsonb); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.resolve_entity_contacts(p_entity_type text, p_ids jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.resolve_entity_contacts(p_entity_type text, p_ids jsonb) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.resolve_entity_contacts(p_entity_type text, p_ids jsonb) TO service_role;

--
-- Name: FUNCTION resolve_inline_contacts(p_items jsonb); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.resolve_inline_contacts(p_items jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.resolve_inline_contacts(p_items jsonb) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.resolve_inline_contacts(p_items jsonb) TO service_role;

--
-- Name: FUNCTION resolve_phoneburner_contact(p_sourceco_ids text[], p_phoneburner_ids text[], p_phones text[], p_session_id uuid); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.resolve_phoneburner_contact(p_sourceco_ids text[], p_phoneburner_ids text[], p_phones text[], p_session_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION resolve_push_selection(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.resolve_push_selection(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.resolve_push_selection(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.resolve_push_selection(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION resume_stalled_push_batches(p_stalled_after interval, as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.resume_stalled_push_batches(p_stalled_after interval, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.resume_stalled_push_batches(p_stalled_after interval, as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION score_contacts(p_contact_ids uuid[], p_as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.score_contacts(p_contact_ids uuid[], p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.score_contacts(p_contact_ids uuid[], p_as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION score_contacts_after(p_after_id uuid, p_limit integer, p_as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.score_contacts_after(p_after_id uuid, p_limit integer, p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.score_contacts_after(p_after_id uuid, p_limit integer, p_as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION score_marked_contacts(p_limit integer, p_as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.score_marked_contacts(p_limit integer, p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.score_marked_contacts(p_limit integer, p_as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION scoring_markers_lock_key(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.scoring_markers_lock_key() FROM PUBLIC;

--
-- Name: FUNCTION session_call_stats_from_rows(p_session_id uuid); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.session_call_stats_from_rows(p_session_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.session_call_stats_from_rows(p_session_id uuid) TO service_role;

--
-- Name: FUNCTION session_member_stage(p_state text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.session_member_stage(p_state text) FROM PUBLIC;

--
-- Name: FUNCTION session_member_state(p_stage integer); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.session_member_state(p_stage integer) FROM PUBLIC;

--
-- Name: FUNCTION session_suggestions(p_fingerprint text, as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.session_suggestions(p_fingerprint text, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.session_suggestions(p_fingerprint text, as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.session_suggestions(p_fingerprint text, as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION set_report_time_zone(p_time_zone text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.set_report_time_zone(p_time_zone text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.set_report_time_zone(p_time_zone text) TO service_role;

--
-- Name: FUNCTION start_push_run(p_request jsonb, as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.start_push_run(p_request jsonb, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.start_push_run(p_request jsonb, as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.start_push_run(p_request jsonb, as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION store_phoneburner_token(p_user_id uuid, p_access_token text, p_refresh_token text, p_expires_at timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.store_phoneburner_token(p_user_id uuid, p_access_token text, p_refresh_token text, p_expires_at timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.store_phoneburner_token(p_user_id uuid, p_access_token text, p_refresh_token text, p_expires_at timestamp with time zone) TO service_role;

--
-- Name: TABLE report_contacts; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT ON TABLE dialbridge.report_contacts TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_contacts TO service_role;
GRANT SELECT ON TABLE dialbridge.report_contacts TO dialbridge_metabase;

--
-- Name: TABLE tasks; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.tasks TO service_role;
GRANT SELECT,DELETE ON TABLE public.tasks TO authenticated;

--
-- Name: COLUMN tasks.contact_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(contact_id) ON TABLE public.tasks TO authenticated;

--
-- Name: COLUMN tasks.team_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(team_id) ON TABLE public.tasks TO authenticated;

--
-- Name: COLUMN tasks.assigned_to_user_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(assigned_to_user_id),UPDATE(assigned_to_user_id) ON TABLE public.tasks TO authenticated;

--
-- Name: COLUMN tasks.created_by_user_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(created_by_user_id) ON TABLE public.tasks TO authenticated;

--
-- Name: COLUMN tasks.task_type; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(task_type),UPDATE(task_type) ON TABLE public.tasks TO authenticated;

--
-- Name: COLUMN tasks.title; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(title),UPDATE(title) ON TABLE public.tasks TO authenticated;

--
-- Name: COLUMN tasks.notes; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(notes),UPDATE(notes) ON TABLE public.tasks TO authenticated;

--
-- Name: COLUMN tasks.due_at; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(due_at),UPDATE(due_at) ON TABLE public.tasks TO authenticated;

--
-- Name: COLUMN tasks.priority; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(priority),UPDATE(priority) ON TABLE public.tasks TO authenticated;

--
-- Name: COLUMN tasks.status; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(status) ON TABLE public.tasks TO authenticated;

--
-- Name: COLUMN tasks.completed_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(completed_at) ON TABLE public.tasks TO authenticated;

--
-- Name: TABLE report_tasks; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT ON TABLE dialbridge.report_tasks TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_tasks TO service_role;
GRANT SELECT ON TABLE dialbridge.report_tasks TO dialbridge_metabase;

--
-- Name: FUNCTION success_metrics(p_as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.success_metrics(p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.success_metrics(p_as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.success_metrics(p_as_of timestamp with time zone) TO service_role;
GRANT ALL ON FUNCTION dialbridge.success_metrics(p_as_of timestamp with time zone) TO dialbridge_metabase;

--
-- Name: FUNCTION suggest_session_name(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.suggest_session_name(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.suggest_session_name(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.suggest_session_name(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION suppression_phone(p_phone text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.suppression_phone(p_phone text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.suppression_phone(p_phone text) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.suppression_phone(p_phone text) TO service_role;

--
-- Name: FUNCTION suppression_status(p_contact_id uuid, p_phone_e164 text, p_as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.suppression_status(p_contact_id uuid, p_phone_e164 text, p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.suppression_status(p_contact_id uuid, p_phone_e164 text, p_as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.suppression_status(p_contact_id uuid, p_phone_e164 text, p_as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION suppression_statuses(p_contact_ids uuid[], p_phones text[], p_as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.suppression_statuses(p_contact_ids uuid[], p_phones text[], p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.suppression_statuses(p_contact_ids uuid[], p_phones text[], p_as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.suppression_statuses(p_contact_ids uuid[], p_phones text[], p_as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION synced_contact_column(p_field text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.synced_contact_column(p_field text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.synced_contact_column(p_field text) TO service_role;

--
-- Name: FUNCTION task_title(p_task_type text, p_contact public.contacts, p_label text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.task_title(p_task_type text, p_contact public.contacts, p_label text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.task_title(p_task_type text, p_contact public.contacts, p_label text) TO service_role;

--
-- Name: FUNCTION tg__set_updated_at(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.tg__set_updated_at() FROM PUBLIC;

--
-- Name: FUNCTION tg_contact_activities__aggregate_calls(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.tg_contact_activities__aggregate_calls() FROM PUBLIC;

--
-- Name: FUNCTION tg_contact_activities__call_defaults(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.tg_contact_activities__call_defaults() FROM PUBLIC;

--
-- Name: FUNCTION tg_contact_activities__rollups_delete(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.tg_contact_activities__rollups_delete() FROM PUBLIC;

--
-- Name: FUNCTION tg_contact_activities__rollups_insert(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.tg_contact_activities__rollups_insert() FROM PUBLIC;

--
-- Name: FUNCTION tg_contact_activities__rollups_update(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.tg_contact_activities__rollups_update() FROM PUBLIC;

--
-- Name: FUNCTION tg_contacts__audit_field_changes(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.tg_contacts__audit_field_changes() FROM PUBLIC;

--
-- Name: FUNCTION tg_contacts__default_sourceco_id(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.tg_contacts__default_sourceco_id() FROM PUBLIC;

--
-- Name: FUNCTION tg_contacts__enqueue_phone_normalization(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.tg_contacts__enqueue_phone_normalization() FROM PUBLIC;

--
-- Name: FUNCTION tg_contacts__keep_do_not_call(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.tg_contacts__keep_do_not_call() FROM PUBLIC;

--
-- Name: FUNCTION tg_contacts__keep_legal_suppressions(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.tg_contacts__keep_legal_suppressions() FROM PUBLIC;

--
-- Name: FUNCTION tg_contacts__move_segment_rollups(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.tg_contacts__move_segment_rollups() FROM PUBLIC;

--
-- Name: FUNCTION tg_contacts__phone_status(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.tg_contacts__phone_status() FROM PUBLIC;

--
-- Name: FUNCTION tg_contacts__record_do_not_call(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.tg_contacts__record_do_not_call() FROM PUBLIC;

--
-- Name: FUNCTION tg_disposition_mappings__enqueue_rescore(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.tg_disposition_mappings__enqueue_rescore() FROM PUBLIC;

--
-- Name: FUNCTION tg_disposition_mappings__reclassify_totals(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.tg_disposition_mappings__reclassify_totals() FROM PUBLIC;

--
-- Name: FUNCTION tg_disposition_mappings__refresh_classes(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.tg_disposition_mappings__refresh_classes() FROM PUBLIC;

--
-- Name: FUNCTION tg_phoneburner_call_events__link_pushed_session(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.tg_phoneburner_call_events__link_pushed_session() FROM PUBLIC;

--
-- Name: FUNCTION tg_phoneburner_session_contacts__count_members(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.tg_phoneburner_session_contacts__count_members() FROM PUBLIC;

--
-- Name: FUNCTION tg_suppressions__guard(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.tg_suppressions__guard() FROM PUBLIC;

--
-- Name: FUNCTION tg_suppressions__mark_contact_do_not_call(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.tg_suppressions__mark_contact_do_not_call() FROM PUBLIC;

--
-- Name: FUNCTION tg_users__create_profile(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.tg_users__create_profile() FROM PUBLIC;

--
-- Name: FUNCTION timestamptz_or_null(p_text text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.timestamptz_or_null(p_text text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.timestamptz_or_null(p_text text) TO service_role;

--
-- Name: FUNCTION upsert_segment_deltas(p_deltas dialbridge.segment_delta[]); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.upsert_segment_deltas(p_deltas dialbridge.segment_delta[]) FROM PUBLIC;

--
-- Name: FUNCTION valid_time_zone(p_time_zone text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.valid_time_zone(p_time_zone text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.valid_time_zone(p_time_zone text) TO service_role;

--
-- Name: FUNCTION validate_contact_filter(p_filter jsonb, p_allow_segment boolean); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.validate_contact_filter(p_filter jsonb, p_allow_segment boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.validate_contact_filter(p_filter jsonb, p_allow_segment boolean) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.validate_contact_filter(p_filter jsonb, p_allow_segment boolean) TO service_role;

--
-- Name: FUNCTION validate_push_options(p_options jsonb); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.validate_push_options(p_options jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.validate_push_options(p_options jsonb) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.validate_push_options(p_options jsonb) TO service_role;

--
-- Name: FUNCTION calculate_contact_engagement_score(p_contact_id uuid, p_as_of timestamp with time zone); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.calculate_contact_engagement_score(p_contact_id uuid, p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION public.calculate_contact_engagement_score(p_contact_id uuid, p_as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION contact_dialability(p_contact_ids uuid[], as_of timestamp with time zone); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.contact_dialability(p_contact_ids uuid[], as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION public.contact_dialability(p_contact_ids uuid[], as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION public.contact_dialability(p_contact_ids uuid[], as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION count_dialable(p_filter jsonb, p_contact_ids uuid[], as_of timestamp with time zone); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.count_dialable(p_filter jsonb, p_contact_ids uuid[], as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION public.count_dialable(p_filter jsonb, p_contact_ids uuid[], as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION public.count_dialable(p_filter jsonb, p_contact_ids uuid[], as_of timestamp with time zone) TO service_role;

--
-- Name: TABLE suppressions; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.suppressions TO service_role;
GRANT SELECT ON TABLE public.suppressions TO authenticated;

--
-- Name: COLUMN suppressions.contact_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(contact_id) ON TABLE public.suppressions TO authenticated;

--
-- Name: COLUMN suppressions.phone_e164; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(phone_e164) ON TABLE public.suppressions TO authenticated;

--
-- Name: COLUMN suppressions.team_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(team_id) ON TABLE public.suppressions TO authenticated;

--
-- Name: COLUMN suppressions.suppression_type; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(suppression_type) ON TABLE public.suppressions TO authenticated;

--
-- Name: COLUMN suppressions.reason; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(reason) ON TABLE public.suppressions TO authenticated;

--
-- Name: COLUMN suppressions.source; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(source) ON TABLE public.suppressions TO authenticated;

--
-- Name: COLUMN suppressions.set_by_user_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(set_by_user_id) ON TABLE public.suppressions TO authenticated;

--
-- Name: COLUMN suppressions.expires_at; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(expires_at) ON TABLE public.suppressions TO authenticated;

--
-- Name: FUNCTION lift_suppression(p_suppression_id uuid, p_reason text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.lift_suppression(p_suppression_id uuid, p_reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.lift_suppression(p_suppression_id uuid, p_reason text) TO authenticated;
GRANT ALL ON FUNCTION public.lift_suppression(p_suppression_id uuid, p_reason text) TO service_role;

--
-- Name: FUNCTION link_unmatched_activity(p_activity_id uuid, p_contact_id uuid); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.link_unmatched_activity(p_activity_id uuid, p_contact_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.link_unmatched_activity(p_activity_id uuid, p_contact_id uuid) TO authenticated;
GRANT ALL ON FUNCTION public.link_unmatched_activity(p_activity_id uuid, p_contact_id uuid) TO service_role;

--
-- Name: FUNCTION preview_push(p_contact_ids uuid[], p_filter jsonb, p_options jsonb, as_of timestamp with time zone); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.preview_push(p_contact_ids uuid[], p_filter jsonb, p_options jsonb, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION public.preview_push(p_contact_ids uuid[], p_filter jsonb, p_options jsonb, as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION public.preview_push(p_contact_ids uuid[], p_filter jsonb, p_options jsonb, as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION reapply_dispositions(p_code text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.reapply_dispositions(p_code text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.reapply_dispositions(p_code text) TO authenticated;
GRANT ALL ON FUNCTION public.reapply_dispositions(p_code text) TO service_role;

--
-- Name: FUNCTION export_csv(p_report text, p_filters jsonb, p_order_by text, p_limit integer); Type: ACL; Schema: reports; Owner: -
--

REVOKE ALL ON FUNCTION reports.export_csv(p_report text, p_filters jsonb, p_order_by text, p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION reports.export_csv(p_report text, p_filters jsonb, p_order_by text, p_limit integer) TO authenticated;
GRANT ALL ON FUNCTION reports.export_csv(p_report text, p_filters jsonb, p_order_by text, p_limit integer) TO service_role;

--
-- Name: FUNCTION rep_scorecard(p_from date, p_to date); Type: ACL; Schema: reports; Owner: -
--

REVOKE ALL ON FUNCTION reports.rep_scorecard(p_from date, p_to date) FROM PUBLIC;
GRANT ALL ON FUNCTION reports.rep_scorecard(p_from date, p_to date) TO authenticated;
GRANT ALL ON FUNCTION reports.rep_scorecard(p_from date, p_to date) TO service_role;
GRANT ALL ON FUNCTION reports.rep_scorecard(p_from date, p_to date) TO dialbridge_metabase;

--
-- Name: TABLE call_hour_stats; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT ALL ON TABLE dialbridge.call_hour_stats TO service_role;

--
-- Name: TABLE callback_applications; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT ALL ON TABLE dialbridge.callback_applications TO service_role;

--
-- Name: TABLE contact_marks; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT ALL ON TABLE dialbridge.contact_marks TO service_role;

--
-- Name: TABLE contact_scores; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT ON TABLE dialbridge.contact_scores TO authenticated;
GRANT SELECT ON TABLE dialbridge.contact_scores TO dialbridge_metabase;
GRANT ALL ON TABLE dialbridge.contact_scores TO service_role;

--
-- Name: TABLE contacts_to_score; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT ALL ON TABLE dialbridge.contacts_to_score TO service_role;

--
-- Name: TABLE disposition_applications; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT ALL ON TABLE dialbridge.disposition_applications TO service_role;

--
-- Name: TABLE disposition_classes; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT ON TABLE dialbridge.disposition_classes TO authenticated;
GRANT SELECT ON TABLE dialbridge.disposition_classes TO dialbridge_metabase;
GRANT ALL ON TABLE dialbridge.disposition_classes TO service_role;

--
-- Name: TABLE phoneburner_account_leases; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT ALL ON TABLE dialbridge.phoneburner_account_leases TO service_role;

--
-- Name: TABLE phoneburner_sync_state; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT ALL ON TABLE dialbridge.phoneburner_sync_state TO service_role;

--
-- Name: TABLE phoneburner_webhook_failures; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT ON TABLE dialbridge.phoneburner_webhook_failures TO service_role;

--
-- Name: TABLE rep_daily_stats; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT ON TABLE dialbridge.rep_daily_stats TO authenticated;
GRANT SELECT ON TABLE dialbridge.rep_daily_stats TO dialbridge_metabase;
GRANT ALL ON TABLE dialbridge.rep_daily_stats TO service_role;

--
-- Name: TABLE rep_daily_classified; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT ON TABLE dialbridge.rep_daily_classified TO authenticated;
GRANT SELECT ON TABLE dialbridge.rep_daily_classified TO service_role;
GRANT SELECT ON TABLE dialbridge.rep_daily_classified TO dialbridge_metabase;

--
-- Name: TABLE report_contact_activities; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT ON TABLE dialbridge.report_contact_activities TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_contact_activities TO service_role;
GRANT SELECT ON TABLE dialbridge.report_contact_activities TO dialbridge_metabase;

--
-- Name: TABLE phoneburner_sessions; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.phoneburner_sessions TO service_role;
GRANT SELECT,DELETE ON TABLE public.phoneburner_sessions TO authenticated;

--
-- Name: COLUMN phoneburner_sessions.phoneburner_session_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(phoneburner_session_id) ON TABLE public.phoneburner_sessions TO authenticated;

--
-- Name: COLUMN phoneburner_sessions.session_name; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(session_name),UPDATE(session_name) ON TABLE public.phoneburner_sessions TO authenticated;

--
-- Name: COLUMN phoneburner_sessions.session_description; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(session_description),UPDATE(session_description) ON TABLE public.phoneburner_sessions TO authenticated;

--
-- Name: COLUMN phoneburner_sessions.session_type; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(session_type),UPDATE(session_type) ON TABLE public.phoneburner_sessions TO authenticated;

--
-- Name: COLUMN phoneburner_sessions.contact_type; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(contact_type) ON TABLE public.phoneburner_sessions TO authenticated;

--
-- Name: COLUMN phoneburner_sessions.target_industry; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(target_industry) ON TABLE public.phoneburner_sessions TO authenticated;

--
-- Name: COLUMN phoneburner_sessions.target_geography; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(target_geography) ON TABLE public.phoneburner_sessions TO authenticated;

--
-- Name: COLUMN phoneburner_sessions.session_status; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(session_status),UPDATE(session_status) ON TABLE public.phoneburner_sessions TO authenticated;

--
-- Name: COLUMN phoneburner_sessions.completed_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(completed_at) ON TABLE public.phoneburner_sessions TO authenticated;

--
-- Name: COLUMN phoneburner_sessions.created_by_user_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(created_by_user_id) ON TABLE public.phoneburner_sessions TO authenticated;

--
-- Name: COLUMN phoneburner_sessions.team_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(team_id) ON TABLE public.phoneburner_sessions TO authenticated;

--
-- Name: COLUMN phoneburner_sessions.is_shared; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(is_shared),UPDATE(is_shared) ON TABLE public.phoneburner_sessions TO authenticated;

--
-- Name: TABLE report_phoneburner_sessions; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT ON TABLE dialbridge.report_phoneburner_sessions TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_phoneburner_sessions TO service_role;
GRANT SELECT ON TABLE dialbridge.report_phoneburner_sessions TO dialbridge_metabase;

--
-- Name: TABLE phoneburner_session_contacts; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.phoneburner_session_contacts TO service_role;
GRANT SELECT ON TABLE public.phoneburner_session_contacts TO authenticated;

--
-- Name: TABLE report_session_contacts; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT ON TABLE dialbridge.report_session_contacts TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_session_contacts TO service_role;
GRANT SELECT ON TABLE dialbridge.report_session_contacts TO dialbridge_metabase;

--
-- Name: TABLE report_settings; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT ON TABLE dialbridge.report_settings TO service_role;

--
-- Name: TABLE segment_daily_stats; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT ON TABLE dialbridge.segment_daily_stats TO authenticated;
GRANT SELECT ON TABLE dialbridge.segment_daily_stats TO dialbridge_metabase;
GRANT ALL ON TABLE dialbridge.segment_daily_stats TO service_role;

--
-- Name: TABLE segment_classified; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT ON TABLE dialbridge.segment_classified TO authenticated;
GRANT SELECT ON TABLE dialbridge.segment_classified TO service_role;
GRANT SELECT ON TABLE dialbridge.segment_classified TO dialbridge_metabase;

--
-- Name: TABLE session_contact_stats; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT ON TABLE dialbridge.session_contact_stats TO authenticated;
GRANT SELECT ON TABLE dialbridge.session_contact_stats TO dialbridge_metabase;
GRANT ALL ON TABLE dialbridge.session_contact_stats TO service_role;

--
-- Name: TABLE session_stats; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT ON TABLE dialbridge.session_stats TO authenticated;
GRANT SELECT ON TABLE dialbridge.session_stats TO dialbridge_metabase;
GRANT ALL ON TABLE dialbridge.session_stats TO service_role;

--
-- Name: TABLE session_totals; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT ON TABLE dialbridge.session_totals TO authenticated;
GRANT SELECT ON TABLE dialbridge.session_totals TO dialbridge_metabase;
GRANT ALL ON TABLE dialbridge.session_totals TO service_role;

--
-- Name: TABLE time_zone_names; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT ON TABLE dialbridge.time_zone_names TO authenticated;
GRANT SELECT ON TABLE dialbridge.time_zone_names TO service_role;

--
-- Name: TABLE us_state_time_zones; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT ON TABLE dialbridge.us_state_time_zones TO authenticated;
GRANT SELECT ON TABLE dialbridge.us_state_time_zones TO service_role;

--
-- Name: TABLE worker_heartbeats; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE dialbridge.worker_heartbeats TO service_role;

--
-- Name: TABLE calling_window_rules; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.calling_window_rules TO service_role;
GRANT SELECT,DELETE ON TABLE public.calling_window_rules TO authenticated;

--
-- Name: COLUMN calling_window_rules.region; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(region) ON TABLE public.calling_window_rules TO authenticated;

--
-- Name: COLUMN calling_window_rules.start_local; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(start_local),UPDATE(start_local) ON TABLE public.calling_window_rules TO authenticated;

--
-- Name: COLUMN calling_window_rules.end_local; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(end_local),UPDATE(end_local) ON TABLE public.calling_window_rules TO authenticated;

--
-- Name: COLUMN calling_window_rules.source; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(source),UPDATE(source) ON TABLE public.calling_window_rules TO authenticated;

--
-- Name: SEQUENCE contact_field_changes_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON SEQUENCE public.contact_field_changes_id_seq TO service_role;

--
-- Name: TABLE contact_segments; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.contact_segments TO service_role;
GRANT SELECT,DELETE ON TABLE public.contact_segments TO authenticated;

--
-- Name: COLUMN contact_segments.team_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(team_id) ON TABLE public.contact_segments TO authenticated;

--
-- Name: COLUMN contact_segments.name; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(name),UPDATE(name) ON TABLE public.contact_segments TO authenticated;

--
-- Name: COLUMN contact_segments.description; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(description),UPDATE(description) ON TABLE public.contact_segments TO authenticated;

--
-- Name: COLUMN contact_segments.filter; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(filter),UPDATE(filter) ON TABLE public.contact_segments TO authenticated;

--
-- Name: COLUMN contact_segments.created_by_user_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(created_by_user_id) ON TABLE public.contact_segments TO authenticated;

--
-- Name: TABLE deal_contacts; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.deal_contacts TO service_role;
GRANT SELECT,DELETE ON TABLE public.deal_contacts TO authenticated;

--
-- Name: COLUMN deal_contacts.deal_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(deal_id) ON TABLE public.deal_contacts TO authenticated;

--
-- Name: COLUMN deal_contacts.deal_name; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(deal_name),UPDATE(deal_name) ON TABLE public.deal_contacts TO authenticated;

--
-- Name: COLUMN deal_contacts.deal_status; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(deal_status),UPDATE(deal_status) ON TABLE public.deal_contacts TO authenticated;

--
-- Name: COLUMN deal_contacts.contact_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(contact_id) ON TABLE public.deal_contacts TO authenticated;

--
-- Name: COLUMN deal_contacts.team_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(team_id) ON TABLE public.deal_contacts TO authenticated;

--
-- Name: COLUMN deal_contacts.is_primary; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(is_primary),UPDATE(is_primary) ON TABLE public.deal_contacts TO authenticated;

--
-- Name: COLUMN deal_contacts.presented_at; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(presented_at),UPDATE(presented_at) ON TABLE public.deal_contacts TO authenticated;

--
-- Name: COLUMN deal_contacts.outcome; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(outcome),UPDATE(outcome) ON TABLE public.deal_contacts TO authenticated;

--
-- Name: TABLE phoneburner_session_call_checks; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.phoneburner_session_call_checks TO service_role;
GRANT SELECT ON TABLE public.phoneburner_session_call_checks TO authenticated;

--
-- Name: TABLE phoneburner_call_drift; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.phoneburner_call_drift TO service_role;
GRANT SELECT ON TABLE public.phoneburner_call_drift TO authenticated;

--
-- Name: TABLE phoneburner_oauth_tokens; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.phoneburner_oauth_tokens TO service_role;
GRANT DELETE ON TABLE public.phoneburner_oauth_tokens TO authenticated;

--
-- Name: COLUMN phoneburner_oauth_tokens.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.phoneburner_oauth_tokens TO authenticated;

--
-- Name: COLUMN phoneburner_oauth_tokens.user_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(user_id),INSERT(user_id),UPDATE(user_id) ON TABLE public.phoneburner_oauth_tokens TO authenticated;

--
-- Name: COLUMN phoneburner_oauth_tokens.access_token; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(access_token),UPDATE(access_token) ON TABLE public.phoneburner_oauth_tokens TO authenticated;

--
-- Name: COLUMN phoneburner_oauth_tokens.refresh_token; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(refresh_token),UPDATE(refresh_token) ON TABLE public.phoneburner_oauth_tokens TO authenticated;

--
-- Name: COLUMN phoneburner_oauth_tokens.expires_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(expires_at),INSERT(expires_at),UPDATE(expires_at) ON TABLE public.phoneburner_oauth_tokens TO authenticated;

--
-- Name: COLUMN phoneburner_oauth_tokens.display_name; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(display_name),INSERT(display_name),UPDATE(display_name) ON TABLE public.phoneburner_oauth_tokens TO authenticated;

--
-- Name: COLUMN phoneburner_oauth_tokens.has_access_token; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(has_access_token) ON TABLE public.phoneburner_oauth_tokens TO authenticated;

--
-- Name: COLUMN phoneburner_oauth_tokens.created_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_at) ON TABLE public.phoneburner_oauth_tokens TO authenticated;

--
-- Name: COLUMN phoneburner_oauth_tokens.updated_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_at) ON TABLE public.phoneburner_oauth_tokens TO authenticated;

--
-- Name: TABLE phoneburner_push_batches; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.phoneburner_push_batches TO service_role;

--
-- Name: TABLE phoneburner_push_log; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.phoneburner_push_log TO service_role;
GRANT SELECT ON TABLE public.phoneburner_push_log TO authenticated;

--
-- Name: TABLE phoneburner_push_run_contacts; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.phoneburner_push_run_contacts TO service_role;
GRANT SELECT ON TABLE public.phoneburner_push_run_contacts TO authenticated;

--
-- Name: SEQUENCE phoneburner_session_call_checks_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON SEQUENCE public.phoneburner_session_call_checks_id_seq TO service_role;

--
-- Name: SEQUENCE phoneburner_webhook_rejections_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON SEQUENCE public.phoneburner_webhook_rejections_id_seq TO service_role;

--
-- Name: SEQUENCE phoneburner_webhooks_log_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON SEQUENCE public.phoneburner_webhooks_log_id_seq TO service_role;

--
-- Name: TABLE push_overrides; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.push_overrides TO service_role;
GRANT SELECT ON TABLE public.push_overrides TO authenticated;

--
-- Name: TABLE push_settings; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.push_settings TO service_role;
GRANT SELECT ON TABLE public.push_settings TO authenticated;

--
-- Name: COLUMN push_settings.team_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(team_id) ON TABLE public.push_settings TO authenticated;

--
-- Name: COLUMN push_settings.recent_contact_days_buyer; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(recent_contact_days_buyer),UPDATE(recent_contact_days_buyer) ON TABLE public.push_settings TO authenticated;

--
-- Name: COLUMN push_settings.recent_contact_days_seller; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(recent_contact_days_seller),UPDATE(recent_contact_days_seller) ON TABLE public.push_settings TO authenticated;

--
-- Name: COLUMN push_settings.recent_contact_days_other; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(recent_contact_days_other),UPDATE(recent_contact_days_other) ON TABLE public.push_settings TO authenticated;

--
-- Name: COLUMN push_settings.active_session_days; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(active_session_days),UPDATE(active_session_days) ON TABLE public.push_settings TO authenticated;

--
-- Name: COLUMN push_settings.minutes_per_contact; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(minutes_per_contact),UPDATE(minutes_per_contact) ON TABLE public.push_settings TO authenticated;

--
-- Name: COLUMN push_settings.auto_add_callbacks_to_session; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(auto_add_callbacks_to_session),UPDATE(auto_add_callbacks_to_session) ON TABLE public.push_settings TO authenticated;

--
-- Name: COLUMN push_settings.updated_by_user_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(updated_by_user_id),UPDATE(updated_by_user_id) ON TABLE public.push_settings TO authenticated;

--
-- Name: TABLE unmapped_dispositions; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.unmapped_dispositions TO service_role;
GRANT SELECT ON TABLE public.unmapped_dispositions TO authenticated;

--
-- Name: TABLE workflow_runs; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.workflow_runs TO service_role;
GRANT SELECT ON TABLE public.workflow_runs TO authenticated;

--
-- Name: TABLE session_performance; Type: ACL; Schema: reports; Owner: -
--

GRANT SELECT ON TABLE reports.session_performance TO authenticated;
GRANT SELECT ON TABLE reports.session_performance TO service_role;
GRANT SELECT ON TABLE reports.session_performance TO dialbridge_metabase;

--
-- Name: TABLE campaign_comparison_90d; Type: ACL; Schema: reports; Owner: -
--

GRANT SELECT ON TABLE reports.campaign_comparison_90d TO authenticated;
GRANT SELECT ON TABLE reports.campaign_comparison_90d TO service_role;
GRANT SELECT ON TABLE reports.campaign_comparison_90d TO dialbridge_metabase;

--
-- Name: TABLE campaign_segments; Type: ACL; Schema: reports; Owner: -
--

GRANT SELECT ON TABLE reports.campaign_segments TO authenticated;
GRANT SELECT ON TABLE reports.campaign_segments TO service_role;
GRANT SELECT ON TABLE reports.campaign_segments TO dialbridge_metabase;

--
-- Name: TABLE contact_engagement; Type: ACL; Schema: reports; Owner: -
--

GRANT SELECT ON TABLE reports.contact_engagement TO authenticated;
GRANT SELECT ON TABLE reports.contact_engagement TO service_role;
GRANT SELECT ON TABLE reports.contact_engagement TO dialbridge_metabase;

--
-- Name: TABLE contact_timeline; Type: ACL; Schema: reports; Owner: -
--

GRANT SELECT ON TABLE reports.contact_timeline TO authenticated;
GRANT SELECT ON TABLE reports.contact_timeline TO service_role;
GRANT SELECT ON TABLE reports.contact_timeline TO dialbridge_metabase;

--
-- Name: TABLE disposition_breakdown_daily; Type: ACL; Schema: reports; Owner: -
--

GRANT SELECT ON TABLE reports.disposition_breakdown_daily TO authenticated;
GRANT SELECT ON TABLE reports.disposition_breakdown_daily TO service_role;
GRANT SELECT ON TABLE reports.disposition_breakdown_daily TO dialbridge_metabase;

--
-- Name: TABLE follow_ups; Type: ACL; Schema: reports; Owner: -
--

GRANT SELECT ON TABLE reports.follow_ups TO authenticated;
GRANT SELECT ON TABLE reports.follow_ups TO service_role;
GRANT SELECT ON TABLE reports.follow_ups TO dialbridge_metabase;

--
-- Name: TABLE follow_up_summary; Type: ACL; Schema: reports; Owner: -
--

GRANT SELECT ON TABLE reports.follow_up_summary TO authenticated;
GRANT SELECT ON TABLE reports.follow_up_summary TO service_role;
GRANT SELECT ON TABLE reports.follow_up_summary TO dialbridge_metabase;

--
-- Name: TABLE pipeline_alerts; Type: ACL; Schema: reports; Owner: -
--

GRANT SELECT ON TABLE reports.pipeline_alerts TO authenticated;
GRANT SELECT ON TABLE reports.pipeline_alerts TO service_role;
GRANT SELECT ON TABLE reports.pipeline_alerts TO dialbridge_metabase;

--
-- Name: TABLE pipeline_health; Type: ACL; Schema: reports; Owner: -
--

GRANT SELECT ON TABLE reports.pipeline_health TO authenticated;
GRANT SELECT ON TABLE reports.pipeline_health TO service_role;
GRANT SELECT ON TABLE reports.pipeline_health TO dialbridge_metabase;

--
-- Name: TABLE rep_leaderboard_30d; Type: ACL; Schema: reports; Owner: -
--

GRANT SELECT ON TABLE reports.rep_leaderboard_30d TO authenticated;
GRANT SELECT ON TABLE reports.rep_leaderboard_30d TO service_role;
GRANT SELECT ON TABLE reports.rep_leaderboard_30d TO dialbridge_metabase;

--
-- Name: TABLE rep_performance_daily; Type: ACL; Schema: reports; Owner: -
--

GRANT SELECT ON TABLE reports.rep_performance_daily TO authenticated;
GRANT SELECT ON TABLE reports.rep_performance_daily TO service_role;
GRANT SELECT ON TABLE reports.rep_performance_daily TO dialbridge_metabase;

--
-- Name: TABLE rep_performance_monthly; Type: ACL; Schema: reports; Owner: -
--

GRANT SELECT ON TABLE reports.rep_performance_monthly TO authenticated;
GRANT SELECT ON TABLE reports.rep_performance_monthly TO service_role;
GRANT SELECT ON TABLE reports.rep_performance_monthly TO dialbridge_metabase;

--
-- Name: TABLE rep_performance_weekly; Type: ACL; Schema: reports; Owner: -
--

GRANT SELECT ON TABLE reports.rep_performance_weekly TO authenticated;
GRANT SELECT ON TABLE reports.rep_performance_weekly TO service_role;
GRANT SELECT ON TABLE reports.rep_performance_weekly TO dialbridge_metabase;

--
-- Name: TABLE segment_performance_daily; Type: ACL; Schema: reports; Owner: -
--

GRANT SELECT ON TABLE reports.segment_performance_daily TO authenticated;
GRANT SELECT ON TABLE reports.segment_performance_daily TO service_role;
GRANT SELECT ON TABLE reports.segment_performance_daily TO dialbridge_metabase;

--
-- Name: TABLE session_activity; Type: ACL; Schema: reports; Owner: -
--

GRANT SELECT ON TABLE reports.session_activity TO authenticated;
GRANT SELECT ON TABLE reports.session_activity TO service_role;
GRANT SELECT ON TABLE reports.session_activity TO dialbridge_metabase;

--
-- Name: TABLE session_contacts; Type: ACL; Schema: reports; Owner: -
--

GRANT SELECT ON TABLE reports.session_contacts TO authenticated;
GRANT SELECT ON TABLE reports.session_contacts TO service_role;
GRANT SELECT ON TABLE reports.session_contacts TO dialbridge_metabase;

--
-- Name: TABLE success_metrics; Type: ACL; Schema: reports; Owner: -
--

GRANT SELECT ON TABLE reports.success_metrics TO authenticated;
GRANT SELECT ON TABLE reports.success_metrics TO service_role;
GRANT SELECT ON TABLE reports.success_metrics TO dialbridge_metabase;

--
-- Name: TABLE time_to_meeting; Type: ACL; Schema: reports; Owner: -
--

GRANT SELECT ON TABLE reports.time_to_meeting TO authenticated;
GRANT SELECT ON TABLE reports.time_to_meeting TO service_role;
GRANT SELECT ON TABLE reports.time_to_meeting TO dialbridge_metabase;

--
-- Name: TABLE time_to_meeting_by_segment; Type: ACL; Schema: reports; Owner: -
--

GRANT SELECT ON TABLE reports.time_to_meeting_by_segment TO authenticated;
GRANT SELECT ON TABLE reports.time_to_meeting_by_segment TO service_role;
GRANT SELECT ON TABLE reports.time_to_meeting_by_segment TO dialbridge_metabase;

--
-- Name: TABLE unmapped_dispositions; Type: ACL; Schema: reports; Owner: -
--

GRANT SELECT ON TABLE reports.unmapped_dispositions TO authenticated;
GRANT SELECT ON TABLE reports.unmapped_dispositions TO service_role;
GRANT SELECT ON TABLE reports.unmapped_dispositions TO dialbridge_metabase;

--
-- Name: TABLE unmatched_activities; Type: ACL; Schema: reports; Owner: -
--

GRANT SELECT ON TABLE reports.unmatched_activities TO authenticated;
GRANT SELECT ON TABLE reports.unmatched_activities TO service_role;
GRANT SELECT ON TABLE reports.unmatched_activities TO dialbridge_metabase;

--
-- Name: DEFAULT PRIVILEGES FOR SEQUENCES; Type: DEFAULT ACL; Schema: public; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT ALL ON SEQUENCES  TO anon;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT ALL ON SEQUENCES  TO authenticated;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT ALL ON SEQUENCES  TO service_role;

--
-- Name: DEFAULT PRIVILEGES FOR FUNCTIONS; Type: DEFAULT ACL; Schema: public; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT ALL ON FUNCTIONS  TO anon;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT ALL ON FUNCTIONS  TO authenticated;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT ALL ON FUNCTIONS  TO service_role;

--
-- Name: DEFAULT PRIVILEGES FOR TABLES; Type: DEFAULT ACL; Schema: public; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT ALL ON TABLES  TO anon;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT ALL ON TABLES  TO authenticated;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT ALL ON TABLES  TO service_role;

--
-- PostgreSQL database dump complete
--
