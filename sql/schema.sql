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
-- Name: current_app_role(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.current_app_role() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select p.role from public.profiles p where p.id = auth.uid() and p.is_active
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

SET default_tablespace = '';

SET default_table_access_method = heap;

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
    CONSTRAINT disposition_mappings_suppression_duration_check CHECK (((NOT suppress_contact) OR (suppress_duration_days > 0))),
    CONSTRAINT disposition_mappings_task_check CHECK (((NOT create_task) OR ((task_type IS NOT NULL) AND (task_due_offset_days >= 0)))),
    CONSTRAINT disposition_mappings_task_priority_check CHECK ((task_priority = ANY (ARRAY['low'::text, 'medium'::text, 'high'::text, 'urgent'::text]))),
    CONSTRAINT disposition_mappings_task_type_check CHECK ((task_type = ANY (ARRAY['call'::text, 'email'::text, 'meeting_prep'::text, 'research'::text, 'send_materials'::text, 'follow_up'::text]))),
    CONSTRAINT disposition_mappings_workflow_check CHECK (((NOT trigger_workflow) OR (workflow_name IS NOT NULL)))
);

--
-- Name: TABLE disposition_mappings; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.disposition_mappings IS 'What each dialer disposition does: contact status and stage, task, suppression, next action, engagement delta. Admin-editable.';

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
-- Name: COLUMN disposition_mappings.workflow_name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.workflow_name IS 'Workflow queued when trigger_workflow (send_deal_memo, create_calendar_event, …).';

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
-- Name: COLUMN disposition_mappings.suppress_duration_days; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.disposition_mappings.suppress_duration_days IS 'Days to suppress the contact.';

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
-- Name: is_admin(); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.is_admin() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select coalesce((select p.role = 'admin' from public.profiles p where p.id = auth.uid() and p.is_active), false)
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
-- Name: normalize_label(text); Type: FUNCTION; Schema: dialbridge; Owner: -
--

CREATE FUNCTION dialbridge.normalize_label(p_label text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select nullif(pg_catalog.regexp_replace(pg_catalog.lower(p_label), '[^a-z0-9]+', '', 'g'), '')
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
    CONSTRAINT contact_activities_matched_has_contact_check CHECK (((matching_status = 'unmatched'::text) = (contact_id IS NULL))),
    CONSTRAINT contact_activities_matching_status_check CHECK ((matching_status = ANY (ARRAY['matched'::text, 'unmatched'::text, 'manually_linked'::text]))),
    CONSTRAINT contact_activities_source_system_check CHECK ((source_system = ANY (ARRAY['phoneburner'::text, 'sourceco_platform'::text, 'manual'::text, 'manual_entry'::text, 'email_automation'::text, 'voipstudio'::text, 'bolna'::text])))
);

--
-- Name: TABLE contact_activities; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.contact_activities IS 'Contact timeline: one row per call (all its dialer events merged), plus callbacks, contact changes and manual entries.';

--
-- Name: COLUMN contact_activities.contact_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.contact_id IS 'The contact; null while the call is unmatched.';

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
-- Name: COLUMN contact_activities.deleted_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contact_activities.deleted_at IS 'Soft delete (records are kept for audit).';

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
    call_stats_stale boolean DEFAULT false NOT NULL
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

COMMENT ON COLUMN public.contacts.updated_at IS 'When the contact last changed.';

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
-- Name: COLUMN phoneburner_session_contacts.last_called_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_session_contacts.last_called_at IS 'Most recent call to the contact in this session.';

--
-- Name: COLUMN phoneburner_session_contacts.last_disposition_code; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_session_contacts.last_disposition_code IS 'Most recent disposition in this session.';

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
    CONSTRAINT phoneburner_webhooks_log_auth_method_check CHECK ((auth_method = ANY (ARRAY['hmac'::text, 'url_token'::text, 'softphone_hmac'::text, 'replay'::text, 'reconciliation'::text]))),
    CONSTRAINT phoneburner_webhooks_log_processing_status_check CHECK ((processing_status = ANY (ARRAY['pending'::text, 'processing'::text, 'success'::text, 'failed'::text, 'skipped'::text, 'duplicate'::text]))),
    CONSTRAINT phoneburner_webhooks_log_retries_check CHECK (((retry_count >= 0) AND (max_retries >= 0)))
);

--
-- Name: TABLE phoneburner_webhooks_log; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.phoneburner_webhooks_log IS 'Every dialer event as received (stored before it is acknowledged) and its processing state. Service role only.';

--
-- Name: COLUMN phoneburner_webhooks_log.event_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.event_id IS 'Event identity: event_id, else the X-Phoneburner-Event-ID header, else provider call id + event type.';

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
-- Name: COLUMN phoneburner_webhooks_log.retry_count; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.retry_count IS 'Processing attempts that failed.';

--
-- Name: COLUMN phoneburner_webhooks_log.next_retry_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.next_retry_at IS 'When the next attempt is due (backoff).';

--
-- Name: COLUMN phoneburner_webhooks_log.auth_method; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.auth_method IS 'How the sender was authenticated: hmac, url_token, softphone_hmac.';

--
-- Name: COLUMN phoneburner_webhooks_log.received_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.phoneburner_webhooks_log.received_at IS 'When the event reached our endpoint.';

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
-- Name: COLUMN profiles.phoneburner_user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.profiles.phoneburner_user_id IS 'PhoneBurner''s user id for this rep (agent.user_id in callbacks); used to attribute calls.';

--
-- Name: COLUMN profiles.is_active; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.profiles.is_active IS 'Inactive users keep their history but see nothing.';

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
-- Name: COLUMN teams.name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.teams.name IS 'Team name shown in reports.';

--
-- Name: worker_heartbeats worker_heartbeats_pkey; Type: CONSTRAINT; Schema: dialbridge; Owner: -
--

ALTER TABLE ONLY dialbridge.worker_heartbeats
    ADD CONSTRAINT worker_heartbeats_pkey PRIMARY KEY (worker_id);

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
-- Name: contacts contacts_contact_type_check; Type: CHECK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE public.contacts
    ADD CONSTRAINT contacts_contact_type_check CHECK ((contact_type = ANY (ARRAY['buyer'::text, 'seller'::text]))) NOT VALID;

--
-- Name: contacts contacts_next_action_type_check; Type: CHECK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE public.contacts
    ADD CONSTRAINT contacts_next_action_type_check CHECK ((next_action_type = ANY (ARRAY['call'::text, 'email'::text, 'send_materials'::text, 'schedule_meeting'::text, 'meeting_prep'::text, 'research'::text, 'remarket'::text]))) NOT VALID;

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
-- Name: contact_activities_contact_date_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contact_activities_contact_date_idx ON public.contact_activities USING btree (contact_id, call_started_at DESC);

--
-- Name: contact_activities_created_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contact_activities_created_at_idx ON public.contact_activities USING btree (created_at DESC);

--
-- Name: contact_activities_disposition_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contact_activities_disposition_idx ON public.contact_activities USING btree (disposition_code) WHERE (disposition_code IS NOT NULL);

--
-- Name: contact_activities_pb_call_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contact_activities_pb_call_idx ON public.contact_activities USING btree (phoneburner_call_id) WHERE (phoneburner_call_id IS NOT NULL);

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
-- Name: contacts_phone_invalid_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contacts_phone_invalid_idx ON public.contacts USING btree (id) WHERE phone_number_invalid;

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
-- Name: disposition_mappings_aliases_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX disposition_mappings_aliases_idx ON public.disposition_mappings USING gin (dialbridge.normalized_aliases(label_aliases)) WHERE is_active;

--
-- Name: disposition_mappings_label_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX disposition_mappings_label_key ON public.disposition_mappings USING btree (dialbridge.normalize_label(phoneburner_disposition_label)) WHERE is_active;

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
-- Name: suppressions_contact_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX suppressions_contact_idx ON public.suppressions USING btree (contact_id) WHERE (lifted_at IS NULL);

--
-- Name: suppressions_phone_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX suppressions_phone_idx ON public.suppressions USING btree (phone_e164) WHERE (lifted_at IS NULL);

--
-- Name: suppressions_source_activity_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX suppressions_source_activity_key ON public.suppressions USING btree (source_activity_id) WHERE (source_activity_id IS NOT NULL);

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
-- Name: tasks_source_activity_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX tasks_source_activity_key ON public.tasks USING btree (source_activity_id, source) WHERE (source_activity_id IS NOT NULL);

--
-- Name: tasks_team_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tasks_team_idx ON public.tasks USING btree (team_id);

--
-- Name: contacts _050_default_sourceco_id; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _050_default_sourceco_id BEFORE INSERT OR UPDATE OF sourceco_contact_id ON public.contacts FOR EACH ROW EXECUTE FUNCTION dialbridge.tg_contacts__default_sourceco_id();

--
-- Name: contact_activities _100_timestamps; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.contact_activities FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

--
-- Name: contacts _100_timestamps; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.contacts FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

--
-- Name: disposition_mappings _100_timestamps; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.disposition_mappings FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

--
-- Name: phoneburner_oauth_tokens _100_timestamps; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.phoneburner_oauth_tokens FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

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
-- Name: tasks _100_timestamps; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.tasks FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

--
-- Name: teams _100_timestamps; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.teams FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

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
-- Name: worker_heartbeats; Type: ROW SECURITY; Schema: dialbridge; Owner: -
--

ALTER TABLE dialbridge.worker_heartbeats ENABLE ROW LEVEL SECURITY;

--
-- Name: disposition_mappings Admins add disposition mappings; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins add disposition mappings" ON public.disposition_mappings FOR INSERT TO authenticated WITH CHECK (( SELECT dialbridge.is_admin() AS is_admin));

--
-- Name: teams Admins create teams; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins create teams" ON public.teams FOR INSERT TO authenticated WITH CHECK (( SELECT dialbridge.is_admin() AS is_admin));

--
-- Name: contact_activities Admins delete activities; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins delete activities" ON public.contact_activities FOR DELETE TO authenticated USING (( SELECT dialbridge.is_admin() AS is_admin));

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

CREATE POLICY "Reps create sessions for their team" ON public.phoneburner_sessions FOR INSERT TO authenticated WITH CHECK (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: tasks Reps create tasks for their team; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps create tasks for their team" ON public.tasks FOR INSERT TO authenticated WITH CHECK (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: contacts Reps edit their team's contacts; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps edit their team's contacts" ON public.contacts FOR UPDATE TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin))) WITH CHECK (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: phoneburner_sessions Reps edit their team's sessions; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps edit their team's sessions" ON public.phoneburner_sessions FOR UPDATE TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin))) WITH CHECK (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: contact_activities Reps log manual activities for their team; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps log manual activities for their team" ON public.contact_activities FOR INSERT TO authenticated WITH CHECK ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)) AND (source_system = ANY (ARRAY['manual'::text, 'manual_entry'::text, 'sourceco_platform'::text]))));

--
-- Name: suppressions Reps record suppressions for their team; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps record suppressions for their team" ON public.suppressions FOR INSERT TO authenticated WITH CHECK ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)) AND (set_by_user_id = ( SELECT auth.uid() AS uid))));

--
-- Name: phoneburner_oauth_tokens Reps remove their own token; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps remove their own token" ON public.phoneburner_oauth_tokens FOR DELETE TO authenticated USING ((user_id = ( SELECT auth.uid() AS uid)));

--
-- Name: phoneburner_oauth_tokens Reps replace their own token; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps replace their own token" ON public.phoneburner_oauth_tokens FOR UPDATE TO authenticated USING ((user_id = ( SELECT auth.uid() AS uid))) WITH CHECK ((user_id = ( SELECT auth.uid() AS uid)));

--
-- Name: contact_activities Reps see their team's activities; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps see their team's activities" ON public.contact_activities FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: contact_field_changes Reps see their team's contact changes; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps see their team's contact changes" ON public.contact_field_changes FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: contacts Reps see their team's contacts; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps see their team's contacts" ON public.contacts FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

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
-- Name: phoneburner_oauth_tokens Reps see whether their own token is set; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps see whether their own token is set" ON public.phoneburner_oauth_tokens FOR SELECT TO authenticated USING ((user_id = ( SELECT auth.uid() AS uid)));

--
-- Name: phoneburner_oauth_tokens Reps store their own token; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps store their own token" ON public.phoneburner_oauth_tokens FOR INSERT TO authenticated WITH CHECK ((user_id = ( SELECT auth.uid() AS uid)));

--
-- Name: tasks Reps update their team's tasks; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Reps update their team's tasks" ON public.tasks FOR UPDATE TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin))) WITH CHECK (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: disposition_mappings Signed-in users read disposition mappings; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Signed-in users read disposition mappings" ON public.disposition_mappings FOR SELECT TO authenticated USING (true);

--
-- Name: profiles Users edit their own profile, admins any; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Users edit their own profile, admins any" ON public.profiles FOR UPDATE TO authenticated USING (((id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_admin() AS is_admin))) WITH CHECK ((( SELECT dialbridge.is_admin() AS is_admin) OR ((id = ( SELECT auth.uid() AS uid)) AND (role = ( SELECT dialbridge.current_app_role() AS current_app_role)) AND (NOT (team_id IS DISTINCT FROM ( SELECT dialbridge.current_team_id() AS current_team_id))) AND is_active)));

--
-- Name: profiles Users see the profiles of their team; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Users see the profiles of their team" ON public.profiles FOR SELECT TO authenticated USING (((id = ( SELECT auth.uid() AS uid)) OR (team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: teams Users see their own team; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Users see their own team" ON public.teams FOR SELECT TO authenticated USING (((id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

--
-- Name: contact_activities; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.contact_activities ENABLE ROW LEVEL SECURITY;

--
-- Name: contact_field_changes; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.contact_field_changes ENABLE ROW LEVEL SECURITY;

--
-- Name: contacts; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.contacts ENABLE ROW LEVEL SECURITY;

--
-- Name: disposition_mappings; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.disposition_mappings ENABLE ROW LEVEL SECURITY;

--
-- Name: phoneburner_oauth_tokens; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.phoneburner_oauth_tokens ENABLE ROW LEVEL SECURITY;

--
-- Name: phoneburner_session_contacts; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.phoneburner_session_contacts ENABLE ROW LEVEL SECURITY;

--
-- Name: phoneburner_sessions; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.phoneburner_sessions ENABLE ROW LEVEL SECURITY;

--
-- Name: phoneburner_webhooks_log; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.phoneburner_webhooks_log ENABLE ROW LEVEL SECURITY;

--
-- Name: profiles; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY;

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
-- Name: FUNCTION current_app_role(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.current_app_role() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.current_app_role() TO authenticated;
GRANT ALL ON FUNCTION dialbridge.current_app_role() TO service_role;

--
-- Name: FUNCTION current_team_id(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.current_team_id() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.current_team_id() TO authenticated;
GRANT ALL ON FUNCTION dialbridge.current_team_id() TO service_role;

--
-- Name: FUNCTION ensure_constraint(p_table regclass, p_name text, p_definition text, p_not_valid boolean); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.ensure_constraint(p_table regclass, p_name text, p_definition text, p_not_valid boolean) FROM PUBLIC;

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

--
-- Name: FUNCTION health(p_as_of timestamp with time zone); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.health(p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.health(p_as_of timestamp with time zone) TO service_role;

--
-- Name: FUNCTION is_admin(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.is_admin() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.is_admin() TO authenticated;
GRANT ALL ON FUNCTION dialbridge.is_admin() TO service_role;

--
-- Name: FUNCTION is_manager_or_admin(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.is_manager_or_admin() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.is_manager_or_admin() TO authenticated;
GRANT ALL ON FUNCTION dialbridge.is_manager_or_admin() TO service_role;

--
-- Name: FUNCTION normalize_label(p_label text); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.normalize_label(p_label text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.normalize_label(p_label text) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.normalize_label(p_label text) TO service_role;

--
-- Name: FUNCTION normalized_aliases(p_aliases text[]); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.normalized_aliases(p_aliases text[]) FROM PUBLIC;

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
-- Name: FUNCTION tg__set_updated_at(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.tg__set_updated_at() FROM PUBLIC;

--
-- Name: FUNCTION tg_contacts__default_sourceco_id(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.tg_contacts__default_sourceco_id() FROM PUBLIC;

--
-- Name: FUNCTION tg_users__create_profile(); Type: ACL; Schema: dialbridge; Owner: -
--

REVOKE ALL ON FUNCTION dialbridge.tg_users__create_profile() FROM PUBLIC;

--
-- Name: TABLE worker_heartbeats; Type: ACL; Schema: dialbridge; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE dialbridge.worker_heartbeats TO service_role;

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
-- Name: TABLE contact_field_changes; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.contact_field_changes TO service_role;
GRANT SELECT ON TABLE public.contact_field_changes TO authenticated;

--
-- Name: SEQUENCE contact_field_changes_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON SEQUENCE public.contact_field_changes_id_seq TO anon;
GRANT ALL ON SEQUENCE public.contact_field_changes_id_seq TO authenticated;
GRANT ALL ON SEQUENCE public.contact_field_changes_id_seq TO service_role;

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

GRANT SELECT(user_id),INSERT(user_id) ON TABLE public.phoneburner_oauth_tokens TO authenticated;

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
-- Name: TABLE phoneburner_session_contacts; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.phoneburner_session_contacts TO service_role;
GRANT SELECT ON TABLE public.phoneburner_session_contacts TO authenticated;

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
-- Name: TABLE phoneburner_webhooks_log; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.phoneburner_webhooks_log TO service_role;

--
-- Name: SEQUENCE phoneburner_webhooks_log_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON SEQUENCE public.phoneburner_webhooks_log_id_seq TO anon;
GRANT ALL ON SEQUENCE public.phoneburner_webhooks_log_id_seq TO authenticated;
GRANT ALL ON SEQUENCE public.phoneburner_webhooks_log_id_seq TO service_role;

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
-- Name: TABLE teams; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.teams TO service_role;
GRANT SELECT,DELETE ON TABLE public.teams TO authenticated;

--
-- Name: COLUMN teams.name; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(name),UPDATE(name) ON TABLE public.teams TO authenticated;

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
