-- migrate:up
-- Do-not-call after a push (issue 15, item 9). A contact put on the legal do-not-call list after it was
-- pushed used to stay in the rep's live PhoneBurner dial session. Now every legal suppression (the
-- contact's, or its number's) queues one propagation per live session membership of the contact:
-- the worker (phoneburner_dnc__propagate) flags the contact in PhoneBurner (custom field "Do Not Call",
-- PUT /rest/1/contacts/{id}, form-encoded) and takes it out of the account (DELETE /rest/1/contacts/{id}:
-- PhoneBurner moves it to the trash, so no session dials it) — PhoneBurner's API has no call that removes
-- a contact from one dial session only. What was done is recorded on public.phoneburner_dnc_propagations
-- (actions, attempts, error), the membership becomes 'removed', and reports.dnc_dialable_in_sessions lists
-- every do-not-call contact that remains dialable in an active session, with the reason.

create table if not exists public.phoneburner_dnc_propagations (
  id uuid primary key default gen_random_uuid(),
  team_id uuid,
  contact_id uuid not null references public.contacts (id) on delete cascade,
  session_id uuid references public.phoneburner_sessions (id) on delete cascade,
  suppression_id uuid references public.suppressions (id) on delete set null,
  account_user_id uuid references public.profiles (id) on delete set null,
  phoneburner_contact_id text,
  status text not null default 'pending',
  actions jsonb not null default '{}'::jsonb,
  attempts integer not null default 0,
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  completed_at timestamptz,
  constraint phoneburner_dnc_propagations_status_check
    check (status in ('pending', 'done', 'no_phoneburner_id', 'not_connected', 'failed'))
);
comment on table public.phoneburner_dnc_propagations is 'Do-not-call sent to PhoneBurner: one row per live dial-session membership of a contact put on the legal do-not-call list after it was pushed — what was done there and whether it worked. Written by dialbridge; a rep sees their team''s.';
comment on column public.phoneburner_dnc_propagations.id is 'Row id.';
comment on column public.phoneburner_dnc_propagations.team_id is 'Team of the session.';
comment on column public.phoneburner_dnc_propagations.contact_id is 'The do-not-call contact.';
comment on column public.phoneburner_dnc_propagations.session_id is 'The dial session it was in.';
comment on column public.phoneburner_dnc_propagations.suppression_id is 'The legal suppression that started it.';
comment on column public.phoneburner_dnc_propagations.account_user_id is 'Whose PhoneBurner account holds the session (its token is used).';
comment on column public.phoneburner_dnc_propagations.phoneburner_contact_id is 'PhoneBurner''s id of the contact (null: not known, nothing can be sent).';
comment on column public.phoneburner_dnc_propagations.status is 'pending (queued or retrying), done, no_phoneburner_id, not_connected (the account has no token) or failed (PhoneBurner refused; see last_error).';
comment on column public.phoneburner_dnc_propagations.actions is 'What was done in PhoneBurner: {"flagged": true} (custom field Do Not Call = Yes), {"removed": true} (contact trashed: no session dials it), with when.';
comment on column public.phoneburner_dnc_propagations.attempts is 'Attempts made.';
comment on column public.phoneburner_dnc_propagations.last_error is 'The last error PhoneBurner answered.';
comment on column public.phoneburner_dnc_propagations.created_at is 'When the do-not-call was recorded for this session.';
comment on column public.phoneburner_dnc_propagations.updated_at is 'Last change.';
comment on column public.phoneburner_dnc_propagations.completed_at is 'When it was done (or given up).';
create unique index if not exists phoneburner_dnc_propagations_once
  on public.phoneburner_dnc_propagations (contact_id, session_id, suppression_id);
create index if not exists phoneburner_dnc_propagations_pending
  on public.phoneburner_dnc_propagations (created_at) where status = 'pending';
create index if not exists phoneburner_dnc_propagations_team_idx on public.phoneburner_dnc_propagations (team_id);
create index if not exists phoneburner_dnc_propagations_session_idx on public.phoneburner_dnc_propagations (session_id);
create index if not exists phoneburner_dnc_propagations_suppression_idx on public.phoneburner_dnc_propagations (suppression_id);
create index if not exists phoneburner_dnc_propagations_account_idx on public.phoneburner_dnc_propagations (account_user_id);
drop trigger if exists _100_timestamps on public.phoneburner_dnc_propagations;
create trigger _100_timestamps before update on public.phoneburner_dnc_propagations
  for each row execute function dialbridge.tg__set_updated_at();
alter table public.phoneburner_dnc_propagations enable row level security;
drop policy if exists "Reps see their team's do-not-call propagations" on public.phoneburner_dnc_propagations;
create policy "Reps see their team's do-not-call propagations" on public.phoneburner_dnc_propagations
  for select to authenticated
  using (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));
revoke all on public.phoneburner_dnc_propagations from anon, authenticated;
grant select on public.phoneburner_dnc_propagations to authenticated;
grant all on public.phoneburner_dnc_propagations to service_role;

-- ---------------------------------------------------------------------------------------------------
-- queueing: every legal suppression, for each live membership of the contacts it covers
-- ---------------------------------------------------------------------------------------------------
create or replace function dialbridge.queue_dnc_propagations(p_suppression_ids uuid[]) returns integer
  language plpgsql security definer set search_path = '' as $$
declare
  v_rows integer;
begin
  with covered as (
    select distinct on (c.id, s.id) c.id as contact_id, s.id as suppression_id, c.phoneburner_contact_id
      from public.suppressions s
      join public.contacts c on c.id = s.contact_id or (s.phone_e164 is not null and c.phone_e164 = s.phone_e164)
     where s.id = any (p_suppression_ids) and s.suppression_type = 'legal' and s.lifted_at is null
  ), inserted as (
    insert into public.phoneburner_dnc_propagations as p (team_id, contact_id, session_id, suppression_id, account_user_id,
                                                          phoneburner_contact_id, status)
    select ses.team_id, cv.contact_id, ses.id, cv.suppression_id, ses.created_by_user_id,
           coalesce(m.phoneburner_contact_id, cv.phoneburner_contact_id),
           case when coalesce(m.phoneburner_contact_id, cv.phoneburner_contact_id) is null then 'no_phoneburner_id'
                when not exists (select 1 from public.phoneburner_oauth_tokens t
                                  where t.user_id = ses.created_by_user_id and t.access_token is not null) then 'not_connected'
                else 'pending' end
      from covered cv
      join public.phoneburner_session_contacts m on m.contact_id = cv.contact_id and m.state not in ('removed', 'failed')
      join public.phoneburner_sessions ses on ses.id = m.session_id
     where ses.deleted_at is null and ses.session_status in ('active', 'paused')
    on conflict (contact_id, session_id, suppression_id) do nothing
    returning p.status
  )
  select count(*) filter (where status = 'pending') into v_rows from inserted;
  if v_rows > 0 then
    begin
      perform graphile_worker.add_job('phoneburner_dnc__propagate', '{}'::json,
        job_key := 'phoneburner_dnc__propagate', job_key_mode := 'replace', run_at := pg_catalog.now());
    exception when others then
      raise warning 'dialbridge: could not queue phoneburner_dnc__propagate (%): the 5-minute sweep will', sqlstate;
    end;
  end if;
  return v_rows;
end
$$;
comment on function dialbridge.queue_dnc_propagations(uuid[]) is 'For the given legal suppressions: one phoneburner_dnc_propagations row per live membership (active or paused session, not removed) of every contact they cover (the contact, or any contact with the number), then queues the worker. Rows with no PhoneBurner contact id or no connected account are recorded as such (they stay listed in reports.dnc_dialable_in_sessions). Idempotent.';
revoke all on function dialbridge.queue_dnc_propagations(uuid[]) from public;
grant execute on function dialbridge.queue_dnc_propagations(uuid[]) to service_role;

create or replace function dialbridge.tg_suppressions__propagate_dnc() returns trigger
  language plpgsql security definer set search_path = '' as $$
begin
  perform dialbridge.queue_dnc_propagations(array(select n.id from new_rows n where n.suppression_type = 'legal'));
  return null;
end
$$;
comment on function dialbridge.tg_suppressions__propagate_dnc() is 'Trigger function: legal suppressions recorded → dialbridge.queue_dnc_propagations (do-not-call reaches the live PhoneBurner sessions).';
revoke all on function dialbridge.tg_suppressions__propagate_dnc() from public;
drop trigger if exists _700_propagate_dnc on public.suppressions;
create trigger _700_propagate_dnc after insert on public.suppressions
  referencing new table as new_rows for each statement execute function dialbridge.tg_suppressions__propagate_dnc();

-- ---------------------------------------------------------------------------------------------------
-- the worker's side
-- ---------------------------------------------------------------------------------------------------
create or replace function dialbridge.due_dnc_propagations(p_limit integer default 50)
  returns table (id uuid, contact_id uuid, session_id uuid, account_user_id uuid, phoneburner_contact_id text, attempts integer)
  language sql stable security definer set search_path = '' as $$
  select p.id, p.contact_id, p.session_id, p.account_user_id, p.phoneburner_contact_id, p.attempts
    from public.phoneburner_dnc_propagations p
   where p.status = 'pending'
   order by p.created_at, p.id
   limit p_limit
$$;
comment on function dialbridge.due_dnc_propagations(integer) is 'Propagations waiting to be sent to PhoneBurner, oldest first (the worker''s list).';
revoke all on function dialbridge.due_dnc_propagations(integer) from public;
grant execute on function dialbridge.due_dnc_propagations(integer) to service_role;

create or replace function dialbridge.record_dnc_propagation(p_id uuid, p_status text, p_actions jsonb, p_error text default null)
  returns void language plpgsql security definer set search_path = '' as $$
declare
  v_row public.phoneburner_dnc_propagations;
begin
  update public.phoneburner_dnc_propagations p
     set status = p_status,
         actions = p.actions || coalesce(p_actions, '{}'::jsonb),
         attempts = p.attempts + 1,
         last_error = p_error,
         completed_at = case when p_status <> 'pending' then pg_catalog.now() end
   where p.id = p_id
  returning * into v_row;
  if v_row.status = 'done' and (v_row.actions ? 'removed') then
    -- the same PhoneBurner contact is gone from every session of that account
    update public.phoneburner_session_contacts m
       set state = 'removed'
      from public.phoneburner_sessions s
     where m.session_id = s.id and s.created_by_user_id is not distinct from v_row.account_user_id
       and m.contact_id = v_row.contact_id and m.state <> 'removed';
    update public.phoneburner_dnc_propagations p
       set status = 'done', actions = p.actions || v_row.actions, completed_at = pg_catalog.now()
     where p.status = 'pending' and p.contact_id = v_row.contact_id
       and p.account_user_id is not distinct from v_row.account_user_id
       and p.phoneburner_contact_id is not distinct from v_row.phoneburner_contact_id;
  end if;
end
$$;
comment on function dialbridge.record_dnc_propagation(uuid, text, jsonb, text) is 'Records an attempt to send a do-not-call to PhoneBurner: its status (pending to retry, done, failed), what was done (merged into actions) and the error. Once the contact is removed from the account, every membership of it in that account''s sessions is ''removed'' and its other pending rows are done.';
revoke all on function dialbridge.record_dnc_propagation(uuid, text, jsonb, text) from public;
grant execute on function dialbridge.record_dnc_propagation(uuid, text, jsonb, text) to service_role;

-- ---------------------------------------------------------------------------------------------------
-- the compliance view
-- ---------------------------------------------------------------------------------------------------
create or replace view dialbridge.report_dnc_propagations with (security_barrier = true) as
  select p.id, p.team_id, p.contact_id, p.session_id, p.suppression_id, p.account_user_id, p.phoneburner_contact_id,
         p.status, p.actions, p.attempts, p.last_error, p.created_at, p.updated_at, p.completed_at
    from public.phoneburner_dnc_propagations p
   where (select dialbridge.reads_all_reports()) or p.team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin());
comment on view dialbridge.report_dnc_propagations is 'Do-not-call propagations the caller may see. Read by reports views.';
revoke all on dialbridge.report_dnc_propagations from public;
grant select on dialbridge.report_dnc_propagations to authenticated, service_role, dialbridge_metabase;

create or replace view reports.dnc_dialable_in_sessions with (security_invoker = true) as
  select c.id as contact_id, m.team_id, trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')) as contact_name,
         c.phone_e164, m.session_id, s.session_name, s.created_by_user_id as rep_id, rp.display_name as rep_name,
         m.state as member_state, m.phoneburner_contact_id,
         p.status as propagation_status, p.attempts, p.last_error, p.created_at as do_not_call_at,
         case when p.id is null then 'not sent to PhoneBurner yet'
              when p.status = 'pending' then 'sending to PhoneBurner (attempt ' || (p.attempts + 1) || ')'
              when p.status = 'no_phoneburner_id' then 'PhoneBurner''s id of the contact is not known: remove it in PhoneBurner by hand'
              when p.status = 'not_connected' then 'the rep''s PhoneBurner account is not connected: remove it in PhoneBurner by hand'
              when p.status = 'failed' then 'PhoneBurner refused: ' || coalesce(p.last_error, 'unknown error')
              else 'flagged in PhoneBurner, not removed' end as reason
    from dialbridge.report_session_contacts m
    join dialbridge.report_contacts c on c.id = m.contact_id
    join dialbridge.report_phoneburner_sessions s on s.id = m.session_id
    left join dialbridge.report_profiles rp on rp.id = s.created_by_user_id
    left join lateral (
      select x.* from dialbridge.report_dnc_propagations x
       where x.contact_id = m.contact_id and x.session_id = m.session_id
       order by x.created_at desc, x.id desc limit 1) p on true
   -- on the list by its own flag, or by its number (a propagation was recorded for it)
   where (c.do_not_call or p.id is not null) and m.state not in ('removed', 'failed')
     and s.deleted_at is null and s.session_status in ('active', 'paused');
comment on view reports.dnc_dialable_in_sessions is 'Compliance: contacts on the legal do-not-call list that remain dialable in an active (or paused) PhoneBurner dial session, with why — not sent yet, sending, no PhoneBurner id, account not connected, refused. Empty when every do-not-call reached PhoneBurner.';
comment on column reports.dnc_dialable_in_sessions.contact_id is 'The do-not-call contact.';
comment on column reports.dnc_dialable_in_sessions.team_id is 'Team of the session.';
comment on column reports.dnc_dialable_in_sessions.contact_name is 'Contact name.';
comment on column reports.dnc_dialable_in_sessions.phone_e164 is 'Its number.';
comment on column reports.dnc_dialable_in_sessions.session_id is 'The dial session it is still in.';
comment on column reports.dnc_dialable_in_sessions.session_name is 'Session name.';
comment on column reports.dnc_dialable_in_sessions.rep_id is 'Whose PhoneBurner account holds the session.';
comment on column reports.dnc_dialable_in_sessions.rep_name is 'Their name.';
comment on column reports.dnc_dialable_in_sessions.member_state is 'The contact''s state in the session.';
comment on column reports.dnc_dialable_in_sessions.phoneburner_contact_id is 'PhoneBurner''s id of the contact.';
comment on column reports.dnc_dialable_in_sessions.propagation_status is 'pending, no_phoneburner_id, not_connected, failed (null: not recorded).';
comment on column reports.dnc_dialable_in_sessions.attempts is 'Attempts made to send it.';
comment on column reports.dnc_dialable_in_sessions.last_error is 'PhoneBurner''s last error.';
comment on column reports.dnc_dialable_in_sessions.do_not_call_at is 'When the do-not-call was recorded for this session.';
comment on column reports.dnc_dialable_in_sessions.reason is 'Why it is still dialable, and what to do.';
grant select on reports.dnc_dialable_in_sessions to authenticated, service_role, dialbridge_metabase;

-- migrate:down
--
