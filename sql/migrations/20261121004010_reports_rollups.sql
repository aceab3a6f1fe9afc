-- migrate:up
-- Reporting, part 2 (issue 5): roll-ups of contact_activities, maintained incrementally, so that no report
-- scans the activity table.
--
--   dialbridge.rep_daily_stats        per team, rep, report day and disposition
--   dialbridge.session_stats          per dial session and disposition
--   dialbridge.segment_daily_stats    per team, report day, contact segment (contact type, list source,
--                                     industry, geography: one dimension per row) and disposition
--   dialbridge.session_contact_stats  per dial session and contact (calls, connections)
--   dialbridge.rep_day_totals         per team, rep and report day, dispositions classified
--   dialbridge.session_totals         per dial session, dispositions classified, distinct contacts dialed
--                                     and connected (the session card's "23 dialed • 14 connected")
--
-- One definition of what a row contributes: dialbridge.activity_facts(row). The roll-ups are kept by
-- statement-level triggers on contact_activities (insert, update, delete; transition tables) that subtract
-- the old rows' contributions, add the new rows', and upsert the sums in a fixed key order (no deadlock
-- between batches); rows whose counters all reach zero are deleted. Changing a contact's segment columns
-- moves its calls between segment rows. dialbridge.recompute_rollups() compares every roll-up with a
-- recompute from the raw rows and repairs it; the tests and the nightly job use it.
--
-- Dispositions: the *_stats roll-ups keep them as keys (code, normalised label), so the disposition
-- reports and the unmapped-dispositions report read them as they came. The *_totals roll-ups classify
-- them (through dialbridge.disposition_classes: qualified, nurture, …, meeting) so that the dashboards read
-- one row per rep and day or per session; when an admin edits a mapping, a trigger reclassifies the totals
-- from the per-disposition roll-ups in the same transaction (dialbridge.reclassify_totals), so every report
-- follows the mapping at once.
--
-- What counts — the same definitions as the call statistics on contacts and phoneburner_sessions
-- (migration 20261121002060), so a rep's numbers agree wherever they are shown:
--   call         activity_type call_attempt | call_connected | call_completed | disposition_set |
--                voicemail_left (one row per call: its furthest stage), not soft-deleted
--   connection   a call with call_outcome 'connected' (a person answered; voicemail is not a connection)
--   voicemail    call_outcome 'voicemail'; no answer: call_outcome 'no_answer' or 'busy'
--   talk time    counted for connected calls only; call duration for every call
--   callback     a callback_scheduled row (credited to its rep, on the day it was recorded)
--   report day   the calendar day, in the reporting time zone, of call_started_at (else disposition_set_at,
--                else created_at)

-- ---------------------------------------------------------------------------------------------------
-- What one activity row contributes
-- ---------------------------------------------------------------------------------------------------
-- The helpers below have no SET clause on purpose: a SQL function with one is never inlined, and the
-- recompute runs them over every activity row. They are executed only from functions that themselves set
-- search_path = '' (triggers, recompute), and EXECUTE is not granted to any API role.

/**
 * The roll-up contribution of one contact_activities row: one row for a call or a callback, none for
 * anything else (contact changes, notes, emails) or a soft-deleted row.
 */
create or replace function dialbridge.activity_facts(a public.contact_activities)
returns table (
  day date, team_id uuid, user_id uuid, session_id uuid, contact_id uuid,
  disposition_code text, label_key text,
  calls integer, connections integer, decision_maker_conversations integer, gatekeeper_conversations integer,
  voicemails integer, no_answers integer, talk_time_seconds bigint, call_duration_seconds bigint,
  dispositioned_calls integer, callbacks_scheduled integer
)
language sql stable parallel safe
as $$
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

/**
 * A contact's segment, one row per dimension: contact_type, list_source, industry, geography (state, else
 * country). Blank values are null.
 */
create or replace function dialbridge.contact_segment_values(
  p_contact_type text, p_list_source text, p_industry text, p_state text, p_country text
) returns table (dimension text, value text)
language sql immutable parallel safe
as $$
  select v.dimension, v.value
    from (values ('contact_type', nullif(pg_catalog.btrim(p_contact_type), '')),
                 ('list_source', nullif(pg_catalog.btrim(p_list_source), '')),
                 ('industry', nullif(pg_catalog.btrim(p_industry), '')),
                 ('geography', coalesce(nullif(pg_catalog.btrim(p_state), ''), nullif(pg_catalog.btrim(p_country), ''))))
         as v(dimension, value)
$$;

-- ---------------------------------------------------------------------------------------------------
-- Roll-up tables (private; read by the reports views under RLS)
-- ---------------------------------------------------------------------------------------------------
/** Calls and callbacks per team, rep, report day and disposition. */
create table if not exists dialbridge.rep_daily_stats (
  id bigint generated always as identity primary key,
  team_id uuid,
  user_id uuid,
  day date not null,
  disposition_code text not null default '',
  label_key text not null default '',
  calls integer not null default 0,
  connections integer not null default 0,
  decision_maker_conversations integer not null default 0,
  gatekeeper_conversations integer not null default 0,
  voicemails integer not null default 0,
  no_answers integer not null default 0,
  talk_time_seconds bigint not null default 0,
  call_duration_seconds bigint not null default 0,
  dispositioned_calls integer not null default 0,
  callbacks_scheduled integer not null default 0,
  updated_at timestamptz not null default now(),
  constraint rep_daily_stats_key unique nulls not distinct (team_id, user_id, day, disposition_code, label_key)
);
alter table dialbridge.rep_daily_stats enable row level security;
create index if not exists rep_daily_stats_day_idx on dialbridge.rep_daily_stats (day);

/** Calls and callbacks per dial session and disposition. */
create table if not exists dialbridge.session_stats (
  id bigint generated always as identity primary key,
  session_id uuid not null,
  team_id uuid,
  disposition_code text not null default '',
  label_key text not null default '',
  calls integer not null default 0,
  connections integer not null default 0,
  decision_maker_conversations integer not null default 0,
  gatekeeper_conversations integer not null default 0,
  voicemails integer not null default 0,
  no_answers integer not null default 0,
  talk_time_seconds bigint not null default 0,
  call_duration_seconds bigint not null default 0,
  dispositioned_calls integer not null default 0,
  callbacks_scheduled integer not null default 0,
  updated_at timestamptz not null default now(),
  constraint session_stats_key unique nulls not distinct (session_id, team_id, disposition_code, label_key)
);
alter table dialbridge.session_stats enable row level security;
create index if not exists session_stats_team_idx on dialbridge.session_stats (team_id);

/** Calls and connections per dial session and contact (feeds the distinct-contact counts of session_totals). */
create table if not exists dialbridge.session_contact_stats (
  id bigint generated always as identity primary key,
  session_id uuid not null,
  team_id uuid,
  contact_id uuid not null,
  calls integer not null default 0,
  connections integer not null default 0,
  updated_at timestamptz not null default now(),
  constraint session_contact_stats_key unique nulls not distinct (session_id, team_id, contact_id)
);
alter table dialbridge.session_contact_stats enable row level security;
create index if not exists session_contact_stats_team_idx on dialbridge.session_contact_stats (team_id);

/** Calls and callbacks per team, report day, contact segment (one dimension per row) and disposition. */
create table if not exists dialbridge.segment_daily_stats (
  id bigint generated always as identity primary key,
  team_id uuid,
  day date not null,
  dimension text not null,
  value text,
  disposition_code text not null default '',
  label_key text not null default '',
  calls integer not null default 0,
  connections integer not null default 0,
  decision_maker_conversations integer not null default 0,
  gatekeeper_conversations integer not null default 0,
  voicemails integer not null default 0,
  no_answers integer not null default 0,
  talk_time_seconds bigint not null default 0,
  call_duration_seconds bigint not null default 0,
  dispositioned_calls integer not null default 0,
  callbacks_scheduled integer not null default 0,
  updated_at timestamptz not null default now(),
  constraint segment_daily_stats_key unique nulls not distinct (team_id, day, dimension, value, disposition_code, label_key)
);
alter table dialbridge.segment_daily_stats enable row level security;
select dialbridge.ensure_constraint('dialbridge.segment_daily_stats', 'segment_daily_stats_dimension_check',
  $c$check (dimension in ('contact_type', 'list_source', 'industry', 'geography'))$c$);
create index if not exists segment_daily_stats_day_idx on dialbridge.segment_daily_stats (day);

/** Per team, rep and report day: calls, connections, talk time and dispositions classified. */
create table if not exists dialbridge.rep_day_totals (
  id bigint generated always as identity primary key,
  team_id uuid,
  user_id uuid,
  day date not null,
  calls integer not null default 0,
  connections integer not null default 0,
  decision_maker_conversations integer not null default 0,
  gatekeeper_conversations integer not null default 0,
  voicemails integer not null default 0,
  no_answers integer not null default 0,
  talk_time_seconds bigint not null default 0,
  call_duration_seconds bigint not null default 0,
  dispositioned_calls integer not null default 0,
  callbacks_scheduled integer not null default 0,
  qualified integer not null default 0,
  nurture integer not null default 0,
  disqualified integer not null default 0,
  suppressed integer not null default 0,
  other_dispositions integer not null default 0,
  unmapped_dispositions integer not null default 0,
  meetings integer not null default 0,
  updated_at timestamptz not null default now(),
  constraint rep_day_totals_key unique nulls not distinct (team_id, user_id, day)
);
alter table dialbridge.rep_day_totals enable row level security;
create index if not exists rep_day_totals_day_idx on dialbridge.rep_day_totals (day);

/** Per dial session: calls, connections, talk time, dispositions classified, distinct contacts reached. */
create table if not exists dialbridge.session_totals (
  id bigint generated always as identity primary key,
  session_id uuid not null,
  team_id uuid,
  calls integer not null default 0,
  connections integer not null default 0,
  decision_maker_conversations integer not null default 0,
  gatekeeper_conversations integer not null default 0,
  voicemails integer not null default 0,
  no_answers integer not null default 0,
  talk_time_seconds bigint not null default 0,
  call_duration_seconds bigint not null default 0,
  dispositioned_calls integer not null default 0,
  callbacks_scheduled integer not null default 0,
  qualified integer not null default 0,
  nurture integer not null default 0,
  disqualified integer not null default 0,
  suppressed integer not null default 0,
  other_dispositions integer not null default 0,
  unmapped_dispositions integer not null default 0,
  meetings integer not null default 0,
  contacts_dialed integer not null default 0,
  contacts_connected integer not null default 0,
  updated_at timestamptz not null default now(),
  constraint session_totals_key unique nulls not distinct (session_id, team_id)
);
alter table dialbridge.session_totals enable row level security;
create index if not exists session_totals_team_idx on dialbridge.session_totals (team_id);

-- Comments (the counters mean the same in every roll-up)
comment on table dialbridge.rep_daily_stats is 'Roll-up of contact_activities per team, rep, report day and disposition; kept by triggers, checked by recompute_rollups().';
comment on table dialbridge.session_stats is 'Roll-up of contact_activities per dial session and disposition; kept by triggers.';
comment on table dialbridge.session_contact_stats is 'Roll-up of calls per dial session and contact; kept by triggers.';
comment on table dialbridge.rep_day_totals is 'Roll-up per team, rep and report day with dispositions classified (reclassified when a mapping changes); what the rep reports read.';
comment on table dialbridge.session_totals is 'Roll-up per dial session with dispositions classified and distinct contacts dialed/connected; what the session and campaign reports read.';
comment on table dialbridge.segment_daily_stats is 'Roll-up of contact_activities per team, report day, contact segment dimension/value and disposition; kept by triggers on contact_activities and contacts.';
do $$
declare
  t text;
begin
  foreach t in array array['rep_daily_stats', 'session_stats', 'segment_daily_stats'] loop
    execute format($c$comment on column dialbridge.%I.disposition_code is 'Disposition code, upper-cased ('''' when none).'$c$, t);
    execute format($c$comment on column dialbridge.%I.label_key is 'Disposition label, normalised (dialbridge.normalize_label; '''' when none).'$c$, t);
  end loop;
  foreach t in array array['rep_daily_stats', 'session_stats', 'segment_daily_stats', 'rep_day_totals', 'session_totals'] loop
    execute format($c$comment on column dialbridge.%I.calls is 'Calls (one row per call in contact_activities).'$c$, t);
    execute format($c$comment on column dialbridge.%I.connections is 'Calls answered by a person.'$c$, t);
    execute format($c$comment on column dialbridge.%I.decision_maker_conversations is 'Connections with the decision maker.'$c$, t);
    execute format($c$comment on column dialbridge.%I.gatekeeper_conversations is 'Connections with a gatekeeper.'$c$, t);
    execute format($c$comment on column dialbridge.%I.voicemails is 'Calls that reached voicemail.'$c$, t);
    execute format($c$comment on column dialbridge.%I.no_answers is 'Calls not answered (no answer, busy).'$c$, t);
    execute format($c$comment on column dialbridge.%I.talk_time_seconds is 'Conversation time, seconds.'$c$, t);
    execute format($c$comment on column dialbridge.%I.call_duration_seconds is 'Call time including ringing, seconds.'$c$, t);
    execute format($c$comment on column dialbridge.%I.dispositioned_calls is 'Calls with a disposition.'$c$, t);
    execute format($c$comment on column dialbridge.%I.callbacks_scheduled is 'Callbacks scheduled (callback_scheduled activities).'$c$, t);
  end loop;
  foreach t in array array['rep_day_totals', 'session_totals'] loop
    execute format($c$comment on column dialbridge.%I.qualified is 'Calls dispositioned with SourceCo status Qualified.'$c$, t);
    execute format($c$comment on column dialbridge.%I.nurture is 'Calls dispositioned with SourceCo status Nurture.'$c$, t);
    execute format($c$comment on column dialbridge.%I.disqualified is 'Calls dispositioned with SourceCo status Disqualified.'$c$, t);
    execute format($c$comment on column dialbridge.%I.suppressed is 'Calls dispositioned with SourceCo status Suppressed.'$c$, t);
    execute format($c$comment on column dialbridge.%I.other_dispositions is 'Calls dispositioned Attempted, Invalid or with no status.'$c$, t);
    execute format($c$comment on column dialbridge.%I.unmapped_dispositions is 'Calls whose disposition matches no active mapping.'$c$, t);
    execute format($c$comment on column dialbridge.%I.meetings is 'Calls dispositioned as a meeting (code MEETING_SET or stage Meeting Set).'$c$, t);
  end loop;
end
$$;
comment on column dialbridge.rep_daily_stats.day is 'Report day (reporting time zone) of the call or callback.';
comment on column dialbridge.rep_daily_stats.user_id is 'Rep (null: the dialer did not say).';
comment on column dialbridge.segment_daily_stats.dimension is 'contact_type, list_source, industry or geography (state, else country).';
comment on column dialbridge.segment_daily_stats.value is 'The contact''s value for the dimension (null: blank, or the call is unmatched).';
comment on column dialbridge.rep_day_totals.day is 'Report day (reporting time zone).';
comment on column dialbridge.session_totals.contacts_dialed is 'Distinct contacts called at least once in the session.';
comment on column dialbridge.session_totals.contacts_connected is 'Distinct contacts reached (a connected call) in the session.';

-- Privileges and policies: the frontend reads its team's rows, Metabase every row; only dialbridge writes.
do $$
declare
  t text;
begin
  foreach t in array array['rep_daily_stats', 'session_stats', 'session_contact_stats', 'segment_daily_stats',
                           'rep_day_totals', 'session_totals'] loop
    execute format('revoke all on table dialbridge.%I from public, anon, authenticated', t);
    execute format('grant select on table dialbridge.%I to authenticated, dialbridge_metabase', t);
    execute format('grant all on table dialbridge.%I to service_role', t);
    execute format('drop policy if exists "Reps see their team''s roll-ups" on dialbridge.%I', t);
    execute format($p$create policy "Reps see their team's roll-ups" on dialbridge.%I for select to authenticated
                      using (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()))$p$, t);
    execute format('drop policy if exists "Reporting readers see every team''s roll-ups" on dialbridge.%I', t);
    execute format($p$create policy "Reporting readers see every team's roll-ups" on dialbridge.%I for select to dialbridge_metabase
                      using (true)$p$, t);
  end loop;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- Applying changes
-- ---------------------------------------------------------------------------------------------------
do $$
begin
  if pg_catalog.to_regtype('dialbridge.activity_delta') is null then
    create type dialbridge.activity_delta as (
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
      is_meeting boolean);
  end if;
  if pg_catalog.to_regtype('dialbridge.segment_delta') is null then
    create type dialbridge.segment_delta as (
      team_id uuid, day date, dimension text, value text, disposition_code text, label_key text,
      calls integer, connections integer, decision_maker_conversations integer, gatekeeper_conversations integer, voicemails integer, no_answers integer, talk_time_seconds bigint, call_duration_seconds bigint, dispositioned_calls integer, callbacks_scheduled integer);
  end if;
end
$$;
comment on type dialbridge.activity_delta is 'A signed, classified contribution of one contact_activities row (-1: as it was, +1: as it is).';
comment on type dialbridge.segment_delta is 'A signed contribution to dialbridge.segment_daily_stats.';

/**
 * Adds signed contributions to segment_daily_stats: summed per key, upserted in key order (the lock
 * order every writer shares), and rows left with all counters at zero deleted.
 */
create or replace function dialbridge.upsert_segment_deltas(p_deltas dialbridge.segment_delta[]) returns void
language plpgsql volatile security invoker set search_path = ''
as $$
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

/**
 * The signed, classified contributions of old and new contact_activities rows (old −1, new +1): what
 * every roll-up adds up. Classification by dialbridge.disposition_classes (code first, then label).
 */
create or replace function dialbridge.activity_deltas(
  p_old public.contact_activities[], p_new public.contact_activities[]
) returns dialbridge.activity_delta[]
language sql stable security invoker set search_path = ''
as $$
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

/**
 * Applies a change of contact_activities rows to every roll-up: the old rows' contributions are
 * subtracted, the new rows' added. Lock order, shared by every writer: the contacts involved (by id),
 * then rep_daily_stats, rep_day_totals, session_stats, session_contact_stats, session_totals,
 * segment_daily_stats (each in key order). Finally every contact whose calls changed is marked for
 * rescoring (dialbridge.mark_contacts_for_scoring: the contacts__score job recomputes it moments later, off
 * this path, since a score reads the contact's whole history); the score is always derived from the calls.
 */
create or replace function dialbridge.apply_activity_changes(
  p_old public.contact_activities[], p_new public.contact_activities[]
) returns void
language plpgsql volatile security invoker set search_path = ''
as $$
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

-- ---------------------------------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------------------------------
-- Statement-level with transition tables: one call per statement whatever its size, so batches (replays,
-- bulk links of unmatched calls) lock roll-up rows once, in key order. Security definer: a rep logging a
-- call by hand cannot write roll-ups or scores, but the roll-ups must follow every change.

/** Trigger function: inserted contact_activities rows → roll-ups. */
create or replace function dialbridge.tg_contact_activities__rollups_insert() returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform dialbridge.apply_activity_changes(null, (select pg_catalog.array_agg(n::public.contact_activities) from new_rows n));
  return null;
end
$$;

/** Trigger function: updated contact_activities rows → roll-ups (old contribution out, new one in). */
create or replace function dialbridge.tg_contact_activities__rollups_update() returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform dialbridge.apply_activity_changes((select pg_catalog.array_agg(o::public.contact_activities) from old_rows o),
                                            (select pg_catalog.array_agg(n::public.contact_activities) from new_rows n));
  return null;
end
$$;

/** Trigger function: deleted contact_activities rows → roll-ups. */
create or replace function dialbridge.tg_contact_activities__rollups_delete() returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform dialbridge.apply_activity_changes((select pg_catalog.array_agg(o::public.contact_activities) from old_rows o), null);
  return null;
end
$$;

-- A trigger with transition tables serves a single event, hence three.
drop trigger if exists _500_rollups_insert on public.contact_activities;
create trigger _500_rollups_insert after insert on public.contact_activities
  referencing new table as new_rows
  for each statement execute function dialbridge.tg_contact_activities__rollups_insert();
drop trigger if exists _500_rollups_update on public.contact_activities;
create trigger _500_rollups_update after update on public.contact_activities
  referencing old table as old_rows new table as new_rows
  for each statement execute function dialbridge.tg_contact_activities__rollups_update();
drop trigger if exists _500_rollups_delete on public.contact_activities;
create trigger _500_rollups_delete after delete on public.contact_activities
  referencing old table as old_rows
  for each statement execute function dialbridge.tg_contact_activities__rollups_delete();

/**
 * Trigger function: a contact's segment columns changed → move its calls' contributions from the old
 * segment values to the new ones. Before a contact is deleted, its contributions move to blank values:
 * the activities that keep pointing at it are then detached by the foreign key (contact_id set null),
 * and the roll-up trigger finds no contact to read segments from.
 */
create or replace function dialbridge.tg_contacts__move_segment_rollups() returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
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

drop trigger if exists _500_move_segment_rollups on public.contacts;
create trigger _500_move_segment_rollups
  after update of contact_type, list_source, industry, state, country on public.contacts
  for each row
  when (old.contact_type is distinct from new.contact_type or old.list_source is distinct from new.list_source
        or old.industry is distinct from new.industry or old.state is distinct from new.state
        or old.country is distinct from new.country)
  execute function dialbridge.tg_contacts__move_segment_rollups();
drop trigger if exists _500_detach_segment_rollups on public.contacts;
create trigger _500_detach_segment_rollups before delete on public.contacts
  for each row execute function dialbridge.tg_contacts__move_segment_rollups();

-- ---------------------------------------------------------------------------------------------------
-- Recompute from raw rows
-- ---------------------------------------------------------------------------------------------------
/** rep_daily_stats as the raw rows say it should be. */
create or replace function dialbridge.expected_rep_daily_stats()
returns table (team_id uuid, user_id uuid, day date, disposition_code text, label_key text, calls integer, connections integer, decision_maker_conversations integer, gatekeeper_conversations integer, voicemails integer, no_answers integer, talk_time_seconds bigint, call_duration_seconds bigint, dispositioned_calls integer, callbacks_scheduled integer)
language sql stable security invoker set search_path = ''
as $$
  select f.team_id, f.user_id, f.day, f.disposition_code, f.label_key,
         sum(f.calls)::integer, sum(f.connections)::integer, sum(f.decision_maker_conversations)::integer, sum(f.gatekeeper_conversations)::integer, sum(f.voicemails)::integer, sum(f.no_answers)::integer, sum(f.talk_time_seconds)::bigint, sum(f.call_duration_seconds)::bigint, sum(f.dispositioned_calls)::integer, sum(f.callbacks_scheduled)::integer
    from public.contact_activities a cross join lateral dialbridge.activity_facts(a) f
   group by f.team_id, f.user_id, f.day, f.disposition_code, f.label_key
$$;

/** session_stats as the raw rows say it should be. */
create or replace function dialbridge.expected_session_stats()
returns table (session_id uuid, team_id uuid, disposition_code text, label_key text, calls integer, connections integer, decision_maker_conversations integer, gatekeeper_conversations integer, voicemails integer, no_answers integer, talk_time_seconds bigint, call_duration_seconds bigint, dispositioned_calls integer, callbacks_scheduled integer)
language sql stable security invoker set search_path = ''
as $$
  select f.session_id, f.team_id, f.disposition_code, f.label_key,
         sum(f.calls)::integer, sum(f.connections)::integer, sum(f.decision_maker_conversations)::integer, sum(f.gatekeeper_conversations)::integer, sum(f.voicemails)::integer, sum(f.no_answers)::integer, sum(f.talk_time_seconds)::bigint, sum(f.call_duration_seconds)::bigint, sum(f.dispositioned_calls)::integer, sum(f.callbacks_scheduled)::integer
    from public.contact_activities a cross join lateral dialbridge.activity_facts(a) f
   where f.session_id is not null
   group by f.session_id, f.team_id, f.disposition_code, f.label_key
$$;

/** session_contact_stats as the raw rows say it should be. */
create or replace function dialbridge.expected_session_contact_stats()
returns table (session_id uuid, team_id uuid, contact_id uuid, calls integer, connections integer)
language sql stable security invoker set search_path = ''
as $$
  select f.session_id, f.team_id, f.contact_id, sum(f.calls)::integer, sum(f.connections)::integer
    from public.contact_activities a cross join lateral dialbridge.activity_facts(a) f
   where f.session_id is not null and f.contact_id is not null and f.calls = 1
   group by f.session_id, f.team_id, f.contact_id
$$;

/** segment_daily_stats as the raw rows (and the contacts' current segment columns) say it should be. */
create or replace function dialbridge.expected_segment_daily_stats()
returns table (team_id uuid, day date, dimension text, value text, disposition_code text, label_key text, calls integer, connections integer, decision_maker_conversations integer, gatekeeper_conversations integer, voicemails integer, no_answers integer, talk_time_seconds bigint, call_duration_seconds bigint, dispositioned_calls integer, callbacks_scheduled integer)
language sql stable security invoker set search_path = ''
as $$
  select f.team_id, f.day, s.dimension, s.value, f.disposition_code, f.label_key,
         sum(f.calls)::integer, sum(f.connections)::integer, sum(f.decision_maker_conversations)::integer, sum(f.gatekeeper_conversations)::integer, sum(f.voicemails)::integer, sum(f.no_answers)::integer, sum(f.talk_time_seconds)::bigint, sum(f.call_duration_seconds)::bigint, sum(f.dispositioned_calls)::integer, sum(f.callbacks_scheduled)::integer
    from public.contact_activities a
   cross join lateral dialbridge.activity_facts(a) f
    left join public.contacts c on c.id = f.contact_id
   cross join lateral dialbridge.contact_segment_values(c.contact_type, c.list_source, c.industry, c.state, c.country) s
   group by f.team_id, f.day, s.dimension, s.value, f.disposition_code, f.label_key
$$;

/** rep_day_totals as the raw rows and the current mappings say it should be. */
create or replace function dialbridge.expected_rep_day_totals()
returns table (team_id uuid, user_id uuid, day date, calls integer, connections integer, decision_maker_conversations integer, gatekeeper_conversations integer, voicemails integer, no_answers integer, talk_time_seconds bigint, call_duration_seconds bigint, dispositioned_calls integer, callbacks_scheduled integer, qualified integer, nurture integer, disqualified integer, suppressed integer, other_dispositions integer, unmapped_dispositions integer, meetings integer)
language sql stable security invoker set search_path = ''
as $$
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

/** session_totals as the raw rows and the current mappings say it should be (a session has calls whenever it has reach). */
create or replace function dialbridge.expected_session_totals()
returns table (session_id uuid, team_id uuid, calls integer, connections integer, decision_maker_conversations integer, gatekeeper_conversations integer, voicemails integer, no_answers integer, talk_time_seconds bigint, call_duration_seconds bigint, dispositioned_calls integer, callbacks_scheduled integer, qualified integer, nurture integer, disqualified integer, suppressed integer, other_dispositions integer, unmapped_dispositions integer, meetings integer, contacts_dialed integer, contacts_connected integer)
language sql stable security invoker set search_path = ''
as $$
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

/**
 * Rebuilds rep_day_totals and session_totals from the per-disposition roll-ups with the current mappings
 * (an admin edited a mapping: qualified, meetings… move at once). EXCLUSIVE locks: reads go on, writers wait.
 */
create or replace function dialbridge.reclassify_totals() returns void
language plpgsql volatile security invoker set search_path = ''
as $$
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

/** Trigger function: disposition mappings changed → reclassify the totals in the same transaction. */
create or replace function dialbridge.tg_disposition_mappings__reclassify_totals() returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform dialbridge.reclassify_totals();
  return null;
end
$$;

drop trigger if exists _800_reclassify_totals on public.disposition_mappings;
create trigger _800_reclassify_totals
  after insert or delete or update of phoneburner_disposition_code, phoneburner_disposition_label, label_aliases,
    sourceco_contact_status, sourceco_contact_stage, is_active
  on public.disposition_mappings
  for each statement execute function dialbridge.tg_disposition_mappings__reclassify_totals();

/**
 * Rebuilds every roll-up from the raw rows. Takes EXCLUSIVE locks on the roll-up tables (reads go on;
 * writers — the triggers — wait), in the same order the triggers lock them.
 */
create or replace function dialbridge.rebuild_rollups() returns void
language plpgsql volatile security invoker set search_path = ''
as $$
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

/**
 * Compares every roll-up with a recompute from the raw rows: one row per roll-up with the number of
 * differing rows (a missing or extra row counts once, a changed row twice). With p_repair, takes the
 * roll-up locks first (so the comparison is exact under concurrent writes) and rebuilds them all when any
 * difference is found. Without it, each comparison is one statement, consistent with itself.
 */
create or replace function dialbridge.recompute_rollups(p_repair boolean default true)
returns table (rollup text, differences bigint)
language plpgsql volatile security invoker set search_path = ''
as $$
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

/**
 * Sets the reporting time zone (an IANA name known to the server) and rebuilds the roll-ups, whose days
 * depend on it. Raises DB052 for an unknown zone.
 */
create or replace function dialbridge.set_report_time_zone(p_time_zone text) returns void
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  if p_time_zone is null or not exists (select 1 from pg_catalog.pg_timezone_names z where z.name = p_time_zone) then
    raise exception 'unknown time zone: %', coalesce(p_time_zone, '(null)')
      using errcode = 'DB052', hint = 'Use an IANA name such as America/New_York (select name from pg_timezone_names).';
  end if;
  update dialbridge.report_settings set time_zone = p_time_zone, updated_at = now() where id;
  perform dialbridge.rebuild_rollups();
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- Indexes the reports need on contact_activities
-- ---------------------------------------------------------------------------------------------------
-- Dispositions that arrived as a label only (real PhoneBurner) and matched no mapping: unmapped report.
create index if not exists contact_activities_label_only_idx
  on public.contact_activities (dialbridge.normalize_label(disposition_label))
  where disposition_code is null and disposition_label is not null;

revoke execute on all functions in schema dialbridge from public;
grant execute on function dialbridge.recompute_rollups(boolean), dialbridge.rebuild_rollups(), dialbridge.reclassify_totals(),
  dialbridge.set_report_time_zone(text), dialbridge.expected_rep_daily_stats(), dialbridge.expected_rep_day_totals(),
  dialbridge.expected_session_stats(), dialbridge.expected_session_contact_stats(), dialbridge.expected_session_totals(),
  dialbridge.expected_segment_daily_stats()
  to service_role;

-- migrate:down
-- Migrations are append-only (roll forward with a new one); this block stays empty so that
-- `supabase db push`, which runs the whole file, applies only the up part.
