-- migrate:up
-- Reporting, part 1 (issue 5): the `reports` schema, the read-only Metabase role, the reporting time zone,
-- and the private "source views" through which every report reads the RLS-protected public tables.
--
-- Who reads reports, and how the rows they see are chosen:
--
--   frontend (PostgREST, role authenticated, a JWT)  → reports.* views, security_invoker = true
--   Metabase (a login role in dialbridge_metabase)    → the same reports.* views, nothing else
--
-- A security_invoker view checks the *caller's* privileges on everything it reads. The reports views read
--   * the private roll-up tables (dialbridge.*_stats): RLS on, one policy for authenticated (their team,
--     admins everything) and one for dialbridge_metabase (everything);
--   * public tables (contacts, contact_activities, …) through the dialbridge.report_* source views below.
-- Why the source views: a role that may SELECT a public table can query it directly, and every role has
-- USAGE on schema public (PUBLIC has it, on Supabase as on stock PostgreSQL). Metabase must see the
-- reports schema and nothing else, so it gets no privilege on any public table. The source views are
-- owner-rights views (not security_invoker) in the private schema, where dialbridge_metabase has no USAGE
-- (it cannot name them; views that were already resolved still read through them). Each one applies the
-- same rule as the table's RLS policy, in its WHERE clause, plus "reporting readers see every row":
--     team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin())
--     or (select dialbridge.reads_all_reports())
-- and is a security_barrier view, so a caller's own predicates never run before that filter.

-- ---------------------------------------------------------------------------------------------------
-- The Metabase role
-- ---------------------------------------------------------------------------------------------------
-- Roles are cluster-wide: two databases migrated at once may race, so a duplicate is not an error.
do $$
begin
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'dialbridge_metabase') then
    begin
      create role dialbridge_metabase nologin noinherit;
    exception when duplicate_object or unique_violation then
      null;
    end;
  end if;
end
$$;
comment on role dialbridge_metabase is 'dialbridge: read-only reporting (Metabase). SELECT on schema reports only; sees every team. Grant it to a login role (README).';

-- ---------------------------------------------------------------------------------------------------
-- The reports schema
-- ---------------------------------------------------------------------------------------------------
create schema if not exists reports;
comment on schema reports is 'dialbridge reports: documented views (and a few RPCs) read by Metabase and by the frontend through PostgREST. Rows follow the caller''s team (RLS); Metabase sees every team.';
revoke all on schema reports from public;
grant usage on schema reports to authenticated, service_role, dialbridge_metabase;

-- ---------------------------------------------------------------------------------------------------
-- Access helpers
-- ---------------------------------------------------------------------------------------------------
/**
 * Whether the caller reads every team's rows in reports: Metabase (members of dialbridge_metabase),
 * the service role, and superusers. Not security definer: it asks about current_user, the caller.
 */
create or replace function dialbridge.reads_all_reports() returns boolean
language sql stable security invoker set search_path = ''
as $$
  select pg_catalog.pg_has_role(current_user, 'dialbridge_metabase', 'usage')
      or pg_catalog.pg_has_role(current_user, 'service_role', 'usage')
$$;

-- Functions that reports views reach are either security definer or have SQL-standard bodies
-- (BEGIN ATOMIC): those are parsed when created, like views, so the Metabase role — which has no USAGE on
-- this schema — can run them through the views. A plain `as $$ … $$` body naming dialbridge objects would
-- be parsed at run time as the caller and fail for it.

/** Whether the caller may see pipeline health (webhook log counts): admins and reporting readers. */
create or replace function dialbridge.reads_pipeline_reports() returns boolean
language sql stable security invoker set search_path = ''
begin atomic
  select dialbridge.reads_all_reports() or dialbridge.is_admin();
end;

-- ---------------------------------------------------------------------------------------------------
-- Reporting time zone
-- ---------------------------------------------------------------------------------------------------
/**
 * One row: the time zone whose calendar days the daily roll-ups and "due today" use. Changing it
 * rebuilds the roll-ups (dialbridge.set_report_time_zone).
 */
create table if not exists dialbridge.report_settings (
  id boolean primary key default true,
  time_zone text not null default 'America/New_York',
  updated_at timestamptz not null default now()
);
alter table dialbridge.report_settings enable row level security;
select dialbridge.ensure_constraint('dialbridge.report_settings', 'report_settings_single_row_check', 'check (id)');
insert into dialbridge.report_settings (id) values (true) on conflict (id) do nothing;
comment on table dialbridge.report_settings is 'Reporting settings (one row): the time zone of report days.';
comment on column dialbridge.report_settings.time_zone is 'IANA time zone whose calendar days the roll-ups and "due today" use.';

revoke all on table dialbridge.report_settings from public, anon, authenticated;
grant select on table dialbridge.report_settings to service_role;
-- RLS on, no policy: read through dialbridge.report_time_zone() (definer), written by set_report_time_zone.

/** The reporting time zone (security definer: callers need no access to the settings table). */
create or replace function dialbridge.report_time_zone() returns text
language sql stable security definer set search_path = ''
as $$
  select s.time_zone from dialbridge.report_settings s
$$;

/** Today's date in the reporting time zone, as of a time. */
create or replace function dialbridge.report_today(p_as_of timestamptz default now()) returns date
language sql stable security invoker set search_path = ''
begin atomic
  select (p_as_of at time zone dialbridge.report_time_zone())::date;
end;

/** Duration in seconds as m:ss (222 → 3:42; minutes are not wrapped into hours: 3702 → 61:42). */
create or replace function dialbridge.format_mmss(p_seconds numeric) returns text
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select case when p_seconds is null then null
              else (pg_catalog.round(p_seconds)::bigint / 60)::text || ':'
                   || pg_catalog.lpad((pg_catalog.round(p_seconds)::bigint % 60)::text, 2, '0') end
$$;

-- ---------------------------------------------------------------------------------------------------
-- Source views over the public tables (owner rights + the table's own visibility rule; see the header)
-- ---------------------------------------------------------------------------------------------------
/** Contacts the caller may see. */
create or replace view dialbridge.report_contacts with (security_barrier = true) as
  select c.* from public.contacts c
   where (select dialbridge.reads_all_reports())
      or c.team_id = (select dialbridge.current_team_id())
      or (select dialbridge.is_admin());

/** Activities (calls, callbacks, contact changes, …) the caller may see. */
create or replace view dialbridge.report_contact_activities with (security_barrier = true) as
  select a.* from public.contact_activities a
   where (select dialbridge.reads_all_reports())
      or a.team_id = (select dialbridge.current_team_id())
      or (select dialbridge.is_admin());

/** Dial sessions the caller may see. */
create or replace view dialbridge.report_phoneburner_sessions with (security_barrier = true) as
  select s.* from public.phoneburner_sessions s
   where (select dialbridge.reads_all_reports())
      or s.team_id = (select dialbridge.current_team_id())
      or (select dialbridge.is_admin());

/** Session memberships the caller may see. */
create or replace view dialbridge.report_session_contacts with (security_barrier = true) as
  select m.* from public.phoneburner_session_contacts m
   where (select dialbridge.reads_all_reports())
      or m.team_id = (select dialbridge.current_team_id())
      or (select dialbridge.is_admin());

/** Tasks the caller may see. */
create or replace view dialbridge.report_tasks with (security_barrier = true) as
  select t.* from public.tasks t
   where (select dialbridge.reads_all_reports())
      or t.team_id = (select dialbridge.current_team_id())
      or (select dialbridge.is_admin());

/** Contact field changes the caller may see. */
create or replace view dialbridge.report_contact_field_changes with (security_barrier = true) as
  select f.* from public.contact_field_changes f
   where (select dialbridge.reads_all_reports())
      or f.team_id = (select dialbridge.current_team_id())
      or (select dialbridge.is_admin());

/** People: names for reports (no role or PhoneBurner mapping details). Same rule as profiles' policy. */
create or replace view dialbridge.report_profiles with (security_barrier = true) as
  select p.id, p.team_id, p.display_name, p.email, p.is_active
    from public.profiles p
   where (select dialbridge.reads_all_reports())
      or p.id = (select auth.uid())
      or p.team_id = (select dialbridge.current_team_id())
      or (select dialbridge.is_admin());

/** Teams the caller may see. */
create or replace view dialbridge.report_teams with (security_barrier = true) as
  select t.id, t.name from public.teams t
   where (select dialbridge.reads_all_reports())
      or t.id = (select dialbridge.current_team_id())
      or (select dialbridge.is_admin());

/**
 * The webhook log without payloads or request metadata (PII), for pipeline health: admins and reporting
 * readers only (the table itself is service-role only).
 */
create or replace view dialbridge.report_webhook_events with (security_barrier = true) as
  select w.id, w.event_type, w.processing_status, w.processing_error_code, w.retry_count, w.max_retries,
         w.next_retry_at, w.received_at, w.processing_started_at, w.processing_completed_at,
         w.signature_valid, w.auth_method, (w.sourceco_contact_id is not null) as has_sourceco_contact_id
    from public.phoneburner_webhooks_log w
   where (select dialbridge.reads_pipeline_reports());

/** Rejected webhook requests (counts per minute and reason): admins and reporting readers only. */
create or replace view dialbridge.report_webhook_rejections with (security_barrier = true) as
  select r.bucket_at, r.reason, r.event_type_hint, r.rejection_count
    from public.phoneburner_webhook_rejections r
   where (select dialbridge.reads_pipeline_reports());

/**
 * How each disposition is classified, keyed for a hash join with the roll-ups: 'c:<CODE>' for a mapping's
 * code, 'l:<normalised label>' for its label and each alias. Same precedence as
 * dialbridge.find_disposition_mapping (code first; among label matches, the lowest code). Active mappings
 * only. outcome_group is the mapping's SourceCo status in lower case (qualified, nurture, disqualified,
 * suppressed, invalid, attempted; 'other' when unset); a meeting is code MEETING_SET or stage 'Meeting Set'
 * (as the session counters of 20261121002060 count it). A table, not a view: the triggers and reports join
 * it for every call, and it changes only when an admin edits a mapping (trigger below refreshes it).
 */
create table if not exists dialbridge.disposition_classes (
  match_key text primary key,
  code text not null,
  label text,
  category text,
  status text,
  stage text,
  outcome_group text not null,
  is_meeting boolean not null,
  engagement_score_delta integer not null
);
alter table dialbridge.disposition_classes enable row level security;
comment on table dialbridge.disposition_classes is 'Disposition classification keyed c:<code> / l:<normalised label or alias> (active mappings, find_disposition_mapping precedence); refreshed from disposition_mappings by trigger.';
comment on column dialbridge.disposition_classes.match_key is 'c:<CODE> or l:<normalised label or alias>.';
comment on column dialbridge.disposition_classes.outcome_group is 'The mapping''s SourceCo status in lower case (other when unset).';
comment on column dialbridge.disposition_classes.is_meeting is 'Code MEETING_SET or stage Meeting Set.';

revoke all on table dialbridge.disposition_classes from public, anon, authenticated;
grant select on table dialbridge.disposition_classes to authenticated, dialbridge_metabase;
grant all on table dialbridge.disposition_classes to service_role;
drop policy if exists "Everyone reads disposition classes" on dialbridge.disposition_classes;
create policy "Everyone reads disposition classes" on dialbridge.disposition_classes for select
  to authenticated, dialbridge_metabase using (true);

/** Rebuilds dialbridge.disposition_classes from the active disposition mappings. */
create or replace function dialbridge.refresh_disposition_classes() returns void
language plpgsql volatile security invoker set search_path = ''
as $$
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

/** Trigger function: disposition mappings changed → refresh their classification. */
create or replace function dialbridge.tg_disposition_mappings__refresh_classes() returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform dialbridge.refresh_disposition_classes();
  return null;
end
$$;

drop trigger if exists _700_refresh_classes on public.disposition_mappings;
create trigger _700_refresh_classes after insert or update or delete or truncate on public.disposition_mappings
  for each statement execute function dialbridge.tg_disposition_mappings__refresh_classes();

select dialbridge.refresh_disposition_classes();

comment on view dialbridge.report_contacts is 'Contacts the caller may see (team rule of contacts'' RLS; reporting readers see all). Read by reports views.';
comment on view dialbridge.report_contact_activities is 'Activities the caller may see (team rule; reporting readers see all). Read by reports views.';
comment on view dialbridge.report_phoneburner_sessions is 'Dial sessions the caller may see. Read by reports views.';
comment on view dialbridge.report_session_contacts is 'Session memberships the caller may see. Read by reports views.';
comment on view dialbridge.report_tasks is 'Tasks the caller may see. Read by reports views.';
comment on view dialbridge.report_contact_field_changes is 'Contact field changes the caller may see. Read by reports views.';
comment on view dialbridge.report_profiles is 'Names of the people the caller may see. Read by reports views.';
comment on view dialbridge.report_teams is 'Teams the caller may see. Read by reports views.';
comment on view dialbridge.report_webhook_events is 'Webhook log without payloads, for admins and reporting readers. Read by pipeline health.';
comment on view dialbridge.report_webhook_rejections is 'Rejected webhook requests per minute, for admins and reporting readers. Read by pipeline health.';

-- Source views: readable by the report audiences only (they are never exposed through the API: the
-- dialbridge schema is not in PostgREST's schemas, and dialbridge_metabase has no USAGE on it).
revoke all on dialbridge.report_contacts, dialbridge.report_contact_activities,
  dialbridge.report_phoneburner_sessions, dialbridge.report_session_contacts, dialbridge.report_tasks,
  dialbridge.report_contact_field_changes, dialbridge.report_profiles, dialbridge.report_teams,
  dialbridge.report_webhook_events, dialbridge.report_webhook_rejections
  from public, anon, authenticated;
grant select on dialbridge.report_contacts, dialbridge.report_contact_activities,
  dialbridge.report_phoneburner_sessions, dialbridge.report_session_contacts, dialbridge.report_tasks,
  dialbridge.report_contact_field_changes, dialbridge.report_profiles, dialbridge.report_teams,
  dialbridge.report_webhook_events, dialbridge.report_webhook_rejections
  to authenticated, service_role, dialbridge_metabase;

revoke execute on all functions in schema dialbridge from public;
-- Functions the source views and reports call: EXECUTE for every report audience.
grant execute on function dialbridge.reads_all_reports(), dialbridge.reads_pipeline_reports(),
  dialbridge.report_time_zone(), dialbridge.report_today(timestamptz), dialbridge.format_mmss(numeric)
  to authenticated, service_role, dialbridge_metabase;
-- Functions called inside a view run with the caller's EXECUTE privilege (only relations are checked as the
-- view owner): the foundation's helpers used by the source views.
grant execute on function dialbridge.current_team_id(), dialbridge.is_admin(), dialbridge.normalize_label(text)
  to authenticated, service_role, dialbridge_metabase;
grant execute on function dialbridge.refresh_disposition_classes() to service_role;

-- migrate:down
-- Migrations are append-only (roll forward with a new one); this block stays empty so that
-- `supabase db push`, which runs the whole file, applies only the up part.
