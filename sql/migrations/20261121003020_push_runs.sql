-- migrate:up
-- Push to dialer, part 3: the preview the push modal shows, push runs (the push log of seed 001) with
-- their batches, per-contact results and audited overrides, and the SQL side of the push executor that
-- the edge function phoneburner-push-contacts and the worker share.
--
-- How a push runs (docs in functions/phoneburner-push-contacts/handler.ts):
--   1. dialbridge.start_push_run(request) runs AS THE REP (role authenticated + the rep's JWT claims):
--      resolves the contacts under RLS, validates them exactly like the preview, refuses any override of
--      legal do-not-call, then dialbridge.record_push_run (security definer, explicit checks: visibility,
--      legal do-not-call again, valid numbers, who may push into whose account) records the run, one row
--      per contact, the overrides and batches of at most 500.
--   2. Each batch is sent by the shared executor (functions/_shared/push-executor.ts): batch 1 by the edge
--      function itself (the rep waits for PhoneBurner's redirect_url), later batches by the graphile-worker
--      task phoneburner_push_runs__push_batch, one at a time per PhoneBurner account (queue_name
--      phoneburner:<user id> plus a lease row shared with the function). claim_push_batch checks legal
--      do-not-call once more at send time and builds the payload; complete_push_batch records the session,
--      memberships, PhoneBurner ids and counters and queues the next batch.
--   3. Progress (status, stage, done/total) is written on the run row as it goes (Supabase Realtime).

-- ---------------------------------------------------------------------------------------------------
-- phoneburner_push_runs
-- ---------------------------------------------------------------------------------------------------
/** One push of a contact list into PhoneBurner: who, what, where, how far, and the outcome. */
create table if not exists public.phoneburner_push_runs (
  id uuid primary key default gen_random_uuid(),
  request_id text not null unique,
  team_id uuid references public.teams (id) on delete set null,
  user_id uuid references public.profiles (id) on delete set null,
  target_user_id uuid references public.profiles (id) on delete set null,
  request_shape text not null default 'dialbridge',
  entity_type text,
  api_style text not null default 'dialsession',
  filter jsonb,
  filter_fingerprint text,
  options jsonb not null default '{}'::jsonb,
  session_name text not null,
  target_session_id uuid references public.phoneburner_sessions (id) on delete set null,
  session_id uuid references public.phoneburner_sessions (id) on delete set null,
  phoneburner_session_id text,
  session_url text,
  redirect_url text,
  status text not null default 'queued',
  stage text not null default 'queued',
  stage_detail text,
  total_contacts integer not null default 0,
  contacts_ready integer not null default 0,
  contacts_excluded integer not null default 0,
  contacts_overridden integer not null default 0,
  contacts_done integer not null default 0,
  contacts_added integer not null default 0,
  contacts_updated integer not null default 0,
  contacts_failed integer not null default 0,
  batches_total integer not null default 0,
  batches_done integer not null default 0,
  error text,
  error_code text,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz not null default now()
);
alter table public.phoneburner_push_runs enable row level security;
select dialbridge.ensure_constraint('public.phoneburner_push_runs', 'phoneburner_push_runs_request_shape_check',
  $c$check (request_shape in ('dialbridge', 'sourceco', 'callback'))$c$);
select dialbridge.ensure_constraint('public.phoneburner_push_runs', 'phoneburner_push_runs_api_style_check',
  $c$check (api_style in ('dialsession', 'seed'))$c$);
select dialbridge.ensure_constraint('public.phoneburner_push_runs', 'phoneburner_push_runs_status_check',
  $c$check (status in ('queued', 'pushing', 'succeeded', 'partially_succeeded', 'failed', 'nothing_to_push'))$c$);
select dialbridge.ensure_constraint('public.phoneburner_push_runs', 'phoneburner_push_runs_stage_check',
  $c$check (stage in ('queued', 'mapping', 'uploading', 'waiting_to_retry', 'done'))$c$);
select dialbridge.ensure_constraint('public.phoneburner_push_runs', 'phoneburner_push_runs_counters_check',
  $c$check (contacts_ready + contacts_excluded = total_contacts and contacts_done <= contacts_ready
            and contacts_added + contacts_updated + contacts_failed <= contacts_ready
            and batches_done <= batches_total)$c$);
create index if not exists phoneburner_push_runs_team_idx on public.phoneburner_push_runs (team_id, created_at desc);
create index if not exists phoneburner_push_runs_user_idx on public.phoneburner_push_runs (user_id, created_at desc);
create index if not exists phoneburner_push_runs_fingerprint_idx on public.phoneburner_push_runs (user_id, filter_fingerprint, created_at desc);
create index if not exists phoneburner_push_runs_session_idx on public.phoneburner_push_runs (session_id);
create index if not exists phoneburner_push_runs_active_idx on public.phoneburner_push_runs (created_at) where status in ('queued', 'pushing');

drop trigger if exists _100_timestamps on public.phoneburner_push_runs;
create trigger _100_timestamps before update on public.phoneburner_push_runs
  for each row execute function dialbridge.tg__set_updated_at();

comment on table public.phoneburner_push_runs is 'The push log: every push of a list into PhoneBurner with who, when, the session, counts, overrides and progress (updated live; subscribe with Realtime).';
comment on column public.phoneburner_push_runs.request_id is 'Idempotency key of the push (sent to PhoneBurner as custom_data.request_id); the same key never pushes twice.';
comment on column public.phoneburner_push_runs.user_id is 'Who pushed.';
comment on column public.phoneburner_push_runs.target_user_id is 'Whose PhoneBurner account received the list (an admin or manager may push for a rep).';
comment on column public.phoneburner_push_runs.request_shape is 'dialbridge (this API), sourceco (SourceCo''s existing frontend) or callback (callback follow-through).';
comment on column public.phoneburner_push_runs.entity_type is 'SourceCo entity type the contacts were chosen by (contacts, listings, contact_list, …).';
comment on column public.phoneburner_push_runs.api_style is 'dialsession (real PhoneBurner: POST /rest/1/dialsession) or seed (POST /v2/contacts/bulk).';
comment on column public.phoneburner_push_runs.filter is 'The contact filter of a filter-based push.';
comment on column public.phoneburner_push_runs.filter_fingerprint is 'Hash of the filter (or of the contact ids): finds the rep''s session for "the same list again".';
comment on column public.phoneburner_push_runs.options is 'Push options as requested (thresholds, overrides, update_existing, …).';
comment on column public.phoneburner_push_runs.session_name is 'Name of the dial session.';
comment on column public.phoneburner_push_runs.target_session_id is 'Existing session the contacts were added to (seed contract only).';
comment on column public.phoneburner_push_runs.session_id is 'The (first) dial session the contacts went into.';
comment on column public.phoneburner_push_runs.phoneburner_session_id is 'PhoneBurner''s id of that session (pending:… until PhoneBurner reports it).';
comment on column public.phoneburner_push_runs.status is 'queued, pushing, succeeded, partially_succeeded (some contacts rejected), failed, nothing_to_push (all excluded).';
comment on column public.phoneburner_push_runs.stage is 'Progress stage: queued, mapping, uploading, waiting_to_retry, done.';
comment on column public.phoneburner_push_runs.stage_detail is 'What is happening now, in words (e.g. "PhoneBurner is busy; retrying in 2 s").';
comment on column public.phoneburner_push_runs.total_contacts is 'Contacts considered.';
comment on column public.phoneburner_push_runs.contacts_ready is 'Contacts to push (after exclusions, including overrides).';
comment on column public.phoneburner_push_runs.contacts_excluded is 'Contacts excluded (see phoneburner_push_run_contacts for each reason).';
comment on column public.phoneburner_push_runs.contacts_overridden is 'Excluded contacts force-included by override (see push_overrides).';
comment on column public.phoneburner_push_runs.contacts_done is 'Contacts sent so far (progress: contacts_done of contacts_ready).';
comment on column public.phoneburner_push_runs.contacts_added is 'Contacts PhoneBurner added.';
comment on column public.phoneburner_push_runs.contacts_updated is 'Contacts PhoneBurner updated (already in the session).';
comment on column public.phoneburner_push_runs.contacts_failed is 'Contacts PhoneBurner rejected or that could not be sent (error per contact).';
comment on column public.phoneburner_push_runs.batches_total is 'Batches of at most 500 contacts.';
comment on column public.phoneburner_push_runs.batches_done is 'Batches finished.';
comment on column public.phoneburner_push_runs.error is 'Why the run failed, in words.';
comment on column public.phoneburner_push_runs.error_code is 'Machine-readable failure code (e.g. PB_RATE_LIMITED, PB_TIMEOUT, PB_AUTH).';
comment on column public.phoneburner_push_runs.created_at is 'When the push was requested.';
comment on column public.phoneburner_push_runs.finished_at is 'When the last batch finished.';

revoke all on table public.phoneburner_push_runs from anon, authenticated;
-- redirect_url (PhoneBurner's one-time sign-in link) and nothing else is withheld from the browser
grant select (id, request_id, team_id, user_id, target_user_id, request_shape, entity_type, api_style, filter,
              filter_fingerprint, options, session_name, target_session_id, session_id, phoneburner_session_id,
              session_url, status, stage, stage_detail, total_contacts, contacts_ready, contacts_excluded,
              contacts_overridden, contacts_done, contacts_added, contacts_updated, contacts_failed,
              batches_total, batches_done, error, error_code, created_at, started_at, finished_at, updated_at)
  on table public.phoneburner_push_runs to authenticated;
grant all on table public.phoneburner_push_runs to service_role;
drop policy if exists "Reps see their team's pushes" on public.phoneburner_push_runs;
create policy "Reps see their team's pushes" on public.phoneburner_push_runs for select to authenticated
  using (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));

-- ---------------------------------------------------------------------------------------------------
-- phoneburner_push_batches
-- ---------------------------------------------------------------------------------------------------
/** A batch of at most 500 contacts of a run: one PhoneBurner call (plus retries) with its own idempotency key. */
create table if not exists public.phoneburner_push_batches (
  id uuid primary key default gen_random_uuid(),
  run_id uuid not null references public.phoneburner_push_runs (id) on delete cascade,
  batch_no integer not null,
  request_key text not null unique,
  status text not null default 'queued',
  contact_count integer not null default 0,
  attempts integer not null default 0,
  session_id uuid references public.phoneburner_sessions (id) on delete set null,
  phoneburner_session_id text,
  next_attempt_at timestamptz,
  last_error text,
  last_error_code text,
  response_summary jsonb,
  leased_by text,
  started_at timestamptz,
  finished_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (run_id, batch_no)
);
alter table public.phoneburner_push_batches enable row level security;
select dialbridge.ensure_constraint('public.phoneburner_push_batches', 'phoneburner_push_batches_status_check',
  $c$check (status in ('queued', 'sending', 'retrying', 'succeeded', 'failed'))$c$);
select dialbridge.ensure_constraint('public.phoneburner_push_batches', 'phoneburner_push_batches_batch_no_check',
  $c$check (batch_no >= 1 and contact_count between 0 and 500 and attempts >= 0)$c$);
create index if not exists phoneburner_push_batches_open_idx on public.phoneburner_push_batches (updated_at)
  where status in ('queued', 'sending', 'retrying');
drop trigger if exists _100_timestamps on public.phoneburner_push_batches;
create trigger _100_timestamps before update on public.phoneburner_push_batches
  for each row execute function dialbridge.tg__set_updated_at();

comment on table public.phoneburner_push_batches is 'Batches of a push run (at most 500 contacts each), their attempts and last error. Service role only.';
comment on column public.phoneburner_push_batches.request_key is 'Idempotency key of this batch (<request_id>:<batch_no>): sent as custom_data.request_id and looked up before any retry.';
comment on column public.phoneburner_push_batches.status is 'queued, sending, retrying (waiting for the next attempt), succeeded, failed.';
comment on column public.phoneburner_push_batches.attempts is 'PhoneBurner calls made for this batch.';
comment on column public.phoneburner_push_batches.next_attempt_at is 'When the next attempt is due.';
comment on column public.phoneburner_push_batches.last_error is 'Last error (rate limit, timeout, PhoneBurner''s message).';
revoke all on table public.phoneburner_push_batches from anon, authenticated;
grant all on table public.phoneburner_push_batches to service_role;
-- RLS on, no policy for anon or authenticated: the run row carries the progress the browser needs.

-- ---------------------------------------------------------------------------------------------------
-- phoneburner_push_run_contacts
-- ---------------------------------------------------------------------------------------------------
/** Each contact of a run: excluded (why) or pushed, updated, failed (which field, what error). */
create table if not exists public.phoneburner_push_run_contacts (
  run_id uuid not null references public.phoneburner_push_runs (id) on delete cascade,
  contact_id uuid not null references public.contacts (id) on delete cascade,
  team_id uuid references public.teams (id) on delete set null,
  position integer not null,
  batch_no integer,
  status text not null,
  reason text,
  detail text,
  is_overridden boolean not null default false,
  phone_e164 text,
  phoneburner_contact_id text,
  error_field text,
  error_message text,
  pushed_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (run_id, contact_id)
);
alter table public.phoneburner_push_run_contacts enable row level security;
select dialbridge.ensure_constraint('public.phoneburner_push_run_contacts', 'phoneburner_push_run_contacts_status_check',
  $c$check (status in ('queued', 'pushed', 'updated', 'failed', 'excluded'))$c$);
select dialbridge.ensure_constraint('public.phoneburner_push_run_contacts', 'phoneburner_push_run_contacts_reason_check',
  $c$check ((status = 'excluded') = (reason is not null) and (status = 'excluded') = (batch_no is null))$c$);
create index if not exists phoneburner_push_run_contacts_contact_idx on public.phoneburner_push_run_contacts (contact_id);
create index if not exists phoneburner_push_run_contacts_team_idx on public.phoneburner_push_run_contacts (team_id);
create index if not exists phoneburner_push_run_contacts_batch_idx on public.phoneburner_push_run_contacts (run_id, batch_no, position);
drop trigger if exists _100_timestamps on public.phoneburner_push_run_contacts;
create trigger _100_timestamps before update on public.phoneburner_push_run_contacts
  for each row execute function dialbridge.tg__set_updated_at();

comment on table public.phoneburner_push_run_contacts is 'Every contact of every push: excluded with the reason, or its result in PhoneBurner (with the rejected field and error).';
comment on column public.phoneburner_push_run_contacts.position is 'Order in the list as requested.';
comment on column public.phoneburner_push_run_contacts.batch_no is 'Batch the contact was sent in (null when excluded before sending).';
comment on column public.phoneburner_push_run_contacts.status is 'queued, pushed, updated (already in the session), failed or excluded.';
comment on column public.phoneburner_push_run_contacts.reason is 'Exclusion reason (legal_dnc, internal_dnc, suppressed, invalid_phone, missing_phone, missing_name, recently_contacted, already_in_session, duplicate_in_list).';
comment on column public.phoneburner_push_run_contacts.detail is 'The exclusion in words ("Called 2 days ago").';
comment on column public.phoneburner_push_run_contacts.is_overridden is 'Excluded by a rule but force-included by an override (audited in push_overrides).';
comment on column public.phoneburner_push_run_contacts.phone_e164 is 'Number pushed.';
comment on column public.phoneburner_push_run_contacts.phoneburner_contact_id is 'PhoneBurner''s id for the contact, when PhoneBurner reported one.';
comment on column public.phoneburner_push_run_contacts.error_field is 'Field PhoneBurner rejected (e.g. phone).';
comment on column public.phoneburner_push_run_contacts.error_message is 'PhoneBurner''s error for this contact, or why it could not be sent.';
comment on column public.phoneburner_push_run_contacts.pushed_at is 'When PhoneBurner accepted the contact.';

revoke all on table public.phoneburner_push_run_contacts from anon, authenticated;
grant select on table public.phoneburner_push_run_contacts to authenticated;
grant all on table public.phoneburner_push_run_contacts to service_role;
drop policy if exists "Reps see their team's pushed contacts" on public.phoneburner_push_run_contacts;
create policy "Reps see their team's pushed contacts" on public.phoneburner_push_run_contacts for select to authenticated
  using (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));

-- ---------------------------------------------------------------------------------------------------
-- push_overrides
-- ---------------------------------------------------------------------------------------------------
/** Audit of overrides: who force-included which excluded contact, when, past which rule, and why. Append-only. */
create table if not exists public.push_overrides (
  id uuid primary key default gen_random_uuid(),
  run_id uuid not null references public.phoneburner_push_runs (id) on delete cascade,
  contact_id uuid not null references public.contacts (id) on delete cascade,
  team_id uuid references public.teams (id) on delete set null,
  overridden_reason text not null,
  overridden_detail text,
  override_reason text not null,
  overridden_by_user_id uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (run_id, contact_id)
);
alter table public.push_overrides enable row level security;
select dialbridge.ensure_constraint('public.push_overrides', 'push_overrides_never_legal_dnc_check',
  $c$check (overridden_reason <> 'legal_dnc' and overridden_reason not in ('missing_phone'))$c$);
select dialbridge.ensure_constraint('public.push_overrides', 'push_overrides_reason_given_check',
  $c$check (pg_catalog.length(pg_catalog.btrim(override_reason)) > 0)$c$);
create index if not exists push_overrides_contact_idx on public.push_overrides (contact_id);
create index if not exists push_overrides_team_idx on public.push_overrides (team_id, created_at desc);
create index if not exists push_overrides_user_idx on public.push_overrides (overridden_by_user_id);

comment on table public.push_overrides is 'Audit trail of push overrides: who force-included an excluded contact, when, past which rule and why. Legal do-not-call can never appear here.';
comment on column public.push_overrides.overridden_reason is 'The exclusion rule overridden (recently_contacted, internal_dnc, …).';
comment on column public.push_overrides.overridden_detail is 'The exclusion as the rep saw it ("Called 2 days ago").';
comment on column public.push_overrides.override_reason is 'Why the rep overrode it (required).';
comment on column public.push_overrides.overridden_by_user_id is 'Who overrode it.';
comment on column public.push_overrides.created_at is 'When.';

revoke all on table public.push_overrides from anon, authenticated;
grant select on table public.push_overrides to authenticated;
grant select, insert on table public.push_overrides to service_role;
drop policy if exists "Reps see their team's overrides" on public.push_overrides;
create policy "Reps see their team's overrides" on public.push_overrides for select to authenticated
  using (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));

-- ---------------------------------------------------------------------------------------------------
-- PhoneBurner account leases: one caller at a time per rep account (function and worker alike)
-- ---------------------------------------------------------------------------------------------------
/** Who is calling a rep's PhoneBurner account right now; a lease expires on its own if its holder dies. */
create table if not exists dialbridge.phoneburner_account_leases (
  user_id uuid primary key references public.profiles (id) on delete cascade,
  holder text not null,
  acquired_at timestamptz not null default now(),
  expires_at timestamptz not null
);
alter table dialbridge.phoneburner_account_leases enable row level security;
comment on table dialbridge.phoneburner_account_leases is 'Serialises calls to one rep''s PhoneBurner account across the edge function and the worker.';
revoke all on table dialbridge.phoneburner_account_leases from public, anon, authenticated;
grant all on table dialbridge.phoneburner_account_leases to service_role;

/** Takes (or renews) the lease on a rep's PhoneBurner account; false while someone else holds it. */
create or replace function dialbridge.acquire_phoneburner_lease(p_user_id uuid, p_holder text, p_ttl_seconds integer default 150)
returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
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

/** Releases the lease if the caller still holds it. */
create or replace function dialbridge.release_phoneburner_lease(p_user_id uuid, p_holder text) returns void
language sql volatile security definer set search_path = ''
as $$
  delete from dialbridge.phoneburner_account_leases where user_id = p_user_id and holder = p_holder
$$;

-- ---------------------------------------------------------------------------------------------------
-- credentials
-- ---------------------------------------------------------------------------------------------------
/** A rep's PhoneBurner token (service role only: the browser never reads tokens). */
create or replace function dialbridge.phoneburner_credentials(p_user_id uuid)
returns table (access_token text, refresh_token text, expires_at timestamptz)
language sql stable security definer set search_path = ''
as $$
  select t.access_token, t.refresh_token, t.expires_at
    from public.phoneburner_oauth_tokens t
   where t.user_id = p_user_id and t.access_token is not null
$$;

/** Stores a refreshed token pair (after POST /oauth/refreshtoken). */
create or replace function dialbridge.store_phoneburner_token(
  p_user_id uuid, p_access_token text, p_refresh_token text, p_expires_at timestamptz
) returns void
language sql volatile security definer set search_path = ''
as $$
  update public.phoneburner_oauth_tokens
     set access_token = p_access_token, refresh_token = coalesce(p_refresh_token, refresh_token), expires_at = p_expires_at
   where user_id = p_user_id
$$;

-- ---------------------------------------------------------------------------------------------------
-- preview
-- ---------------------------------------------------------------------------------------------------

/** "~45 minutes", "~3.7 hours". */
create or replace function dialbridge.dial_time_text(p_minutes numeric) returns text
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select case when p_minutes is null or p_minutes <= 0 then 'none'
              when p_minutes < 60 then '~' || pg_catalog.ceil(p_minutes)::integer || ' minutes'
              else '~' || pg_catalog.round(p_minutes / 60, 1) || ' hours' end
$$;

/** The one string of a JSON string or one-element array of strings (null otherwise). */
create or replace function dialbridge.jsonb_single_text(p_value jsonb) returns text
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select case when pg_catalog.jsonb_typeof(p_value) = 'string' then nullif(pg_catalog.btrim(p_value #>> '{}'), '')
              when pg_catalog.jsonb_typeof(p_value) = 'array' and pg_catalog.jsonb_array_length(p_value) = 1
                   and pg_catalog.jsonb_typeof(p_value -> 0) = 'string' then nullif(pg_catalog.btrim(p_value ->> 0), '') end
$$;

/** Fingerprint of a push's selection: the filter, or the sorted contact ids when chosen by hand. */
create or replace function dialbridge.push_fingerprint(p_contact_ids uuid[], p_filter jsonb) returns text
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select pg_catalog.md5(case
    when p_contact_ids is not null and pg_catalog.cardinality(p_contact_ids) > 0
      then 'ids:' || (select pg_catalog.string_agg(distinct x::text, ',' order by x::text) from pg_catalog.unnest(p_contact_ids) x)
    else 'filter:' || coalesce(p_filter, '{}'::jsonb)::text end)
$$;

/**
 * Seed 002's smart session name: contact type when all share one ("Buyers"), the buyer type when all
 * buyers share one, the filtered industry and geography (one value each), then "Mon YYYY".
 * "Buyers - PE Firm - Business Services - Northeast - Feb 2026".
 */
create or replace function dialbridge.suggest_session_name(p_contact_ids uuid[], p_filter jsonb, as_of timestamptz default now())
returns text
language sql stable security invoker set search_path = ''
as $$
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

/**
 * The rep's sessions to offer in the push modal: the session of the rep's most recent push of the same
 * selection within 30 days (pre-selected when still active), and the rep's recent active sessions.
 */
create or replace function dialbridge.session_suggestions(p_fingerprint text, as_of timestamptz default now())
returns jsonb
language sql stable security invoker set search_path = ''
as $$
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

/** The contacts a push request selects: explicit ids (the selection wins over a filter) or the filter. */
create or replace function dialbridge.resolve_push_selection(p_contact_ids uuid[], p_filter jsonb, as_of timestamptz default now())
returns uuid[]
language plpgsql stable security invoker set search_path = ''
as $$
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

/**
 * What the push modal shows, for contact ids or a filter, as the caller sees the contacts (RLS): ready
 * and excluded counts, exclusions grouped by reason (name, company, detail, overridable), warnings,
 * contacts outside the calling window now, the dialable count, the estimated dial time, a suggested
 * session name and the rep's sessions to add to. Options as in dialbridge.validate_push_options.
 *
 *   select preview_push(p_filter => '{"contact_type": "buyer", "buyer_type": "PE Firm"}');
 *   supabase.rpc('preview_push', { p_contact_ids: [...], p_options: { skip_recent_days: 14 } })
 */
create or replace function public.preview_push(
  p_contact_ids uuid[] default null, p_filter jsonb default null, p_options jsonb default '{}'::jsonb,
  as_of timestamptz default now()
) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
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

/**
 * The "Dialable only" count for any filter or selection: contacts with a valid number that no
 * do-not-call, suppression or bad-number flag blocks. {dialable, total, label: "243 dialable / 312 total"}.
 */
create or replace function public.count_dialable(
  p_filter jsonb default null, p_contact_ids uuid[] default null, as_of timestamptz default now()
) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
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

/**
 * Per contact: may it be dialed (the phone icon), and if not the blocking reason and detail (the greyed
 * row's tooltip). Blocks are do-not-call, suppressions, invalid or missing numbers — not the push-time
 * rules (recently contacted, duplicates), which depend on the list.
 */
create or replace function public.contact_dialability(p_contact_ids uuid[], as_of timestamptz default now())
returns table (contact_id uuid, is_dialable boolean, blocked_reason text, blocked_label text, detail text)
language sql stable security invoker set search_path = ''
as $$
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

-- ---------------------------------------------------------------------------------------------------
-- starting a run
-- ---------------------------------------------------------------------------------------------------

/**
 * Contacts for a push's inline contacts ({phone, phone_e164, phone_status, name, email, company,
 * contact_id} as SourceCo's frontend sends them, numbers normalised by the caller): the contact by id if
 * the caller can see it, else the team's contact with that number, else a new contact in the caller's
 * team (list_source 'inline push'). Runs as the caller (RLS applies).
 */
create or replace function dialbridge.resolve_inline_contacts(p_items jsonb) returns uuid[]
language plpgsql volatile security invoker set search_path = ''
as $$
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
$$;

/**
 * The contacts of SourceCo entities (the push function's SourceCo request shape), as the caller sees them:
 * contacts / buyer_contacts = contact ids (uuid or SourceCo's own key), listings = the deals' main
 * contacts (all of a deal's contacts when none is marked main), contact_list = the members of saved
 * segments. In the order given. Other entity types raise DB040 naming the type.
 */
create or replace function dialbridge.resolve_entity_contacts(p_entity_type text, p_ids jsonb) returns uuid[]
language plpgsql stable security invoker set search_path = ''
as $$
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
$$;

/**
 * The contacts among p_contact_ids that are on the legal do-not-call list by any path: their own flag, a
 * legal suppression of the contact or of its number (whoever recorded it), or the number marked
 * do-not-call on another contact row. The recorder's independent second check (cheap, indexed); the
 * send-time gate uses dialbridge.push_blocks. Security definer: reads every team's suppressions, answers
 * only about the given contacts.
 */
create or replace function dialbridge.legal_do_not_call(p_contact_ids uuid[]) returns setof uuid
language sql stable security definer set search_path = ''
as $$
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

/**
 * Records a validated run (security definer, called by dialbridge.start_push_run only). Checks again,
 * explicitly, everything that must not depend on the caller's honesty: the caller is an active team
 * member; the target account is the caller's, or the caller is an admin or the target's manager; every
 * contact is visible to the caller; nothing ready is on legal do-not-call (read again here) or lacks a
 * valid number; an existing session belongs to the target and is active. Returns the run id.
 */
create or replace function dialbridge.record_push_run(p_run jsonb, p_rows jsonb, as_of timestamptz default now())
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
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

/**
 * Starts a push AS THE REP (call with role authenticated and the rep's JWT claims; RLS applies to every
 * read). p_request: {request_id (required, the idempotency key), contact_ids | filter, options,
 * target_user_id, api_style, request_shape, entity_type}. Validates like the preview, refuses overrides
 * of legal do-not-call (DB041) and overrides without a reason (DB045), then records the run. A request_id
 * already used by the same rep returns that run again ("replayed") instead of pushing twice.
 * Returns {run_id, request_id, replayed, status, contacts_ready, contacts_excluded, batches_total}.
 */
create or replace function dialbridge.start_push_run(p_request jsonb, as_of timestamptz default now())
returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
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
$$;

/** Whether a request_id is taken (security definer: a rep cannot see other teams' runs). */
create or replace function dialbridge.push_run_owner(p_request_id text) returns table (user_id uuid)
language sql stable security definer set search_path = ''
as $$
  select r.user_id from public.phoneburner_push_runs r where r.request_id = p_request_id
$$;

/**
 * A run as the push function answers it (both request shapes read from it): ids, status and progress,
 * counts, the session, exclusions with names and reasons, per-contact failures. Security definer with
 * an explicit check: the caller sees runs of their team (admins all; the service role any). redirect_url
 * is only included for the service role and for the run's own pusher.
 */
create or replace function dialbridge.push_run_summary(p_run_id uuid) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
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

/**
 * The numbers a push request would need normalised first: contacts of the selection whose phone changed
 * and is not normalised yet (as the caller sees them).
 */
create or replace function dialbridge.pending_phones_for_push(p_contact_ids uuid[], p_filter jsonb, as_of timestamptz default now())
returns table (id uuid, phone text, country text)
language sql stable security invoker set search_path = ''
as $$
  select c.id, c.phone, c.country
    from public.contacts c
   where c.id = any (dialbridge.resolve_push_selection(p_contact_ids, p_filter, as_of))
     and c.phone_status = 'pending'
$$;

-- ---------------------------------------------------------------------------------------------------
-- what is pushed for each contact
-- ---------------------------------------------------------------------------------------------------

/** "$500M", "$2.5B", "$250K" (null stays null). */
create or replace function dialbridge.format_usd_short(p_amount numeric) returns text
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select case when p_amount is null then null
              when pg_catalog.abs(p_amount) >= 1e9 then '$' || pg_catalog.trim_scale(pg_catalog.round(p_amount / 1e9, 1)) || 'B'
              when pg_catalog.abs(p_amount) >= 1e6 then '$' || pg_catalog.trim_scale(pg_catalog.round(p_amount / 1e6, 1)) || 'M'
              when pg_catalog.abs(p_amount) >= 1e3 then '$' || pg_catalog.trim_scale(pg_catalog.round(p_amount / 1e3, 1)) || 'K'
              else '$' || pg_catalog.trim_scale(pg_catalog.round(p_amount, 0)) end
$$;

/**
 * The custom fields pushed for call context, in display order: the seed contract's custom_fields key and
 * the name real PhoneBurner shows ("SourceCo ID" first: the webhook links calls back by it).
 */
create or replace function dialbridge.phoneburner_custom_field_catalog()
returns table (ord integer, key text, label text)
language sql immutable parallel safe security invoker set search_path = ''
as $$
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

/**
 * The call context pushed with each contact (seed 002 "Custom Fields"), as the seed contract's
 * custom_fields object: linking id, classification, firmographics, relationship and deal context, call
 * prep and attribution. Keys without a value are left out.
 */
create or replace function dialbridge.phoneburner_call_context(p_contact_ids uuid[])
returns table (contact_id uuid, custom_fields jsonb)
language sql stable security definer set search_path = ''
as $$
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

-- ---------------------------------------------------------------------------------------------------
-- executor: claim, retry, complete, fail (service role)
-- ---------------------------------------------------------------------------------------------------

/** Queues the worker job that sends a batch, one at a time per PhoneBurner account. */
create or replace function dialbridge.enqueue_push_batch(p_batch_id uuid, p_run_at timestamptz default null) returns void
language plpgsql volatile security definer set search_path = ''
as $$
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

/**
 * Takes a batch for sending (service role). Locks the batch; checks legal do-not-call, suppressions and
 * numbers once more at send time (what changed since the preview is excluded now, never sent); builds the
 * PhoneBurner payload in the run's API style; counts the attempt. Returns {state: ready | done | blocked |
 * empty, …}: blocked while an earlier batch of the run is unfinished, empty when nothing is left to send;
 * needs_lookup when the previous attempt may have created the session (timeout, network error, 5xx, or
 * a sender that died mid-call).
 */
create or replace function dialbridge.claim_push_batch(p_batch_id uuid, p_holder text, as_of timestamptz default now())
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
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

/**
 * Records contacts PhoneBurner rejected in a batch ([{contact_id, field, error}]) so the next attempt
 * sends the others only (real PhoneBurner refuses a whole dial session for one bad contact).
 */
create or replace function dialbridge.record_push_contact_errors(p_batch_id uuid, p_errors jsonb) returns integer
language plpgsql volatile security definer set search_path = ''
as $$
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

/** Notes a failed attempt that will be retried (rate limit, timeout, PhoneBurner busy) on the batch and the run. */
create or replace function dialbridge.record_push_batch_retry(p_batch_id uuid, p_error jsonb, as_of timestamptz default now())
returns void
language sql volatile security definer set search_path = ''
as $$
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

/**
 * Records a sent batch (service role, idempotent): the session (created or reused; 'pending:<key>' until
 * PhoneBurner reports its id), memberships, each contact's PhoneBurner id and sync time, per-contact
 * results and failures, the run's counters and progress; finishes the run after its last batch or queues
 * the next batch. p_result: {phoneburner_session_id?, session_url?, redirect_url?, contacts: [{contact_id,
 * status: added | updated | failed, phoneburner_contact_id?, field?, error?}]}. Contacts not listed count
 * as added. Answers the run summary with next_batch_id (only {run_id, next_batch_id} when p_summary is
 * false: the worker, going on with the next batch, needs no more).
 */
create or replace function dialbridge.complete_push_batch(p_batch_id uuid, p_result jsonb, as_of timestamptz default now(),
                                                      p_summary boolean default true)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
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

/**
 * Fails a batch for good (retries exhausted or a non-retryable PhoneBurner error): its contacts and those
 * of later batches are marked failed with the error, and the run ends failed (or partially_succeeded
 * when earlier batches went through), visibly, with the error on the run row.
 */
create or replace function dialbridge.fail_push_batch(p_batch_id uuid, p_error jsonb, as_of timestamptz default now())
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
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

/** Hands a batch to the worker for later (the function ran out of time, or the account was busy). */
create or replace function dialbridge.defer_push_batch(p_batch_id uuid, p_run_at timestamptz, p_detail text) returns void
language plpgsql volatile security definer set search_path = ''
as $$
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

/**
 * Queues again the next unfinished batch of every run that stopped moving (its sender died: the function
 * was cut off, a worker crashed). Idempotent (one job per batch). Returns how many were queued.
 */
create or replace function dialbridge.resume_stalled_push_batches(p_stalled_after interval default interval '3 minutes',
                                                                  as_of timestamptz default now())
returns integer
language plpgsql volatile security definer set search_path = ''
as $$
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

-- ---------------------------------------------------------------------------------------------------
-- the push log (seed 001 US-001)
-- ---------------------------------------------------------------------------------------------------
/** The push log as SourceCo screens and Metabase read it: one row per push. */
create or replace view public.phoneburner_push_log with (security_invoker = true) as
select r.id as run_id,
       r.created_at as pushed_at,
       r.user_id as pushed_by_user_id,
       p.display_name as pushed_by,
       r.target_user_id,
       t.display_name as pushed_for,
       r.team_id,
       r.session_name,
       r.session_id,
       nullif(r.phoneburner_session_id, '') as phoneburner_session_id,
       r.status,
       r.total_contacts,
       r.contacts_added + r.contacts_updated as contacts_pushed,
       r.contacts_excluded,
       r.contacts_overridden,
       r.contacts_failed,
       r.api_style,
       r.request_shape,
       r.finished_at
  from public.phoneburner_push_runs r
  left join public.profiles p on p.id = r.user_id
  left join public.profiles t on t.id = r.target_user_id;
comment on view public.phoneburner_push_log is 'Push log (seed 001 US-001): who pushed how many contacts into which dial session, when, with how many exclusions and overrides.';
comment on column public.phoneburner_push_log.run_id is 'The push run (phoneburner_push_runs.id).';
comment on column public.phoneburner_push_log.pushed_at is 'When the push was requested.';
comment on column public.phoneburner_push_log.pushed_by_user_id is 'Who pushed (profile id).';
comment on column public.phoneburner_push_log.target_user_id is 'Whose PhoneBurner account received the list (profile id).';
comment on column public.phoneburner_push_log.team_id is 'Team of the push.';
comment on column public.phoneburner_push_log.session_name is 'Name of the dial session.';
comment on column public.phoneburner_push_log.session_id is 'The (first) dial session the contacts went into (our id).';
comment on column public.phoneburner_push_log.phoneburner_session_id is 'PhoneBurner''s id of that session (pending:… until PhoneBurner reports it).';
comment on column public.phoneburner_push_log.status is 'queued, pushing, succeeded, partially_succeeded, failed or nothing_to_push.';
comment on column public.phoneburner_push_log.total_contacts is 'Contacts considered.';
comment on column public.phoneburner_push_log.api_style is 'dialsession (real PhoneBurner) or seed (the seed contract).';
comment on column public.phoneburner_push_log.request_shape is 'dialbridge, sourceco (SourceCo''s frontend) or callback (callback follow-through).';
comment on column public.phoneburner_push_log.finished_at is 'When the last batch finished.';
comment on column public.phoneburner_push_log.pushed_by is 'Who pushed.';
comment on column public.phoneburner_push_log.pushed_for is 'Whose PhoneBurner account received the list.';
comment on column public.phoneburner_push_log.contacts_pushed is 'Contacts PhoneBurner accepted (added or updated).';
comment on column public.phoneburner_push_log.contacts_excluded is 'Contacts excluded before pushing.';
comment on column public.phoneburner_push_log.contacts_overridden is 'Excluded contacts force-included by override.';
comment on column public.phoneburner_push_log.contacts_failed is 'Contacts PhoneBurner rejected or that could not be sent.';
revoke all on public.phoneburner_push_log from anon, authenticated;
grant select on public.phoneburner_push_log to authenticated, service_role;

-- Supabase Realtime: the push modal subscribes to its run row for progress.
do $$
begin
  if exists (select 1 from pg_catalog.pg_publication where pubname = 'supabase_realtime')
     and not exists (select 1 from pg_catalog.pg_publication_tables
                      where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = 'phoneburner_push_runs') then
    execute 'alter publication supabase_realtime add table public.phoneburner_push_runs';
  end if;
end
$$;

revoke execute on all functions in schema dialbridge from public;
revoke execute on function public.preview_push(uuid[], jsonb, jsonb, timestamptz), public.count_dialable(jsonb, uuid[], timestamptz),
  public.contact_dialability(uuid[], timestamptz) from public, anon;
grant execute on function public.preview_push(uuid[], jsonb, jsonb, timestamptz), public.count_dialable(jsonb, uuid[], timestamptz),
  public.contact_dialability(uuid[], timestamptz) to authenticated, service_role;
grant execute on function dialbridge.dial_time_text(numeric), dialbridge.push_fingerprint(uuid[], jsonb),
  dialbridge.jsonb_single_text(jsonb),
  dialbridge.suggest_session_name(uuid[], jsonb, timestamptz), dialbridge.session_suggestions(text, timestamptz),
  dialbridge.resolve_push_selection(uuid[], jsonb, timestamptz), dialbridge.resolve_inline_contacts(jsonb),
  dialbridge.resolve_entity_contacts(text, jsonb),
  dialbridge.record_push_run(jsonb, jsonb, timestamptz), dialbridge.start_push_run(jsonb, timestamptz),
  dialbridge.push_run_owner(text), dialbridge.push_run_summary(uuid),
  dialbridge.pending_phones_for_push(uuid[], jsonb, timestamptz)
  to authenticated, service_role;
grant execute on function dialbridge.legal_do_not_call(uuid[]) to authenticated, service_role;
grant execute on function dialbridge.acquire_phoneburner_lease(uuid, text, integer),
  dialbridge.release_phoneburner_lease(uuid, text), dialbridge.phoneburner_credentials(uuid),
  dialbridge.store_phoneburner_token(uuid, text, text, timestamptz), dialbridge.format_usd_short(numeric),
  dialbridge.phoneburner_custom_field_catalog(), dialbridge.phoneburner_call_context(uuid[]),
  dialbridge.enqueue_push_batch(uuid, timestamptz), dialbridge.claim_push_batch(uuid, text, timestamptz),
  dialbridge.record_push_contact_errors(uuid, jsonb), dialbridge.record_push_batch_retry(uuid, jsonb, timestamptz),
  dialbridge.complete_push_batch(uuid, jsonb, timestamptz, boolean), dialbridge.fail_push_batch(uuid, jsonb, timestamptz),
  dialbridge.defer_push_batch(uuid, timestamptz, text), dialbridge.resume_stalled_push_batches(interval, timestamptz)
  to service_role;

-- migrate:down
-- Migrations are append-only (roll forward with a new one); this block stays empty so that
-- `supabase db push`, which runs the whole file, applies only the up part.
