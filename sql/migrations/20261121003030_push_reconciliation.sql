-- migrate:up
-- Push to dialer, part 4: keeping our picture of PhoneBurner right after the push.
--
--   * Linking sessions: real PhoneBurner answers a new dial session with a sign-in link only, not its id.
--     Pushed sessions are recorded as 'pending:<batch key>' and get their PhoneBurner id (ds_id) from the
--     first event of one of their contacts (trigger on the normalised events) or from the daily
--     reconciliation (which finds the session by its custom_data.request_id).
--   * Daily reconciliation (jobs/crontab → contacts__reconcile_phoneburner): contacts changed in
--     PhoneBurner since the last run become contact.updated events in the webhook log (auth_method
--     'reconciliation'), so the projection applies them exactly like webhook changes: last write wins by
--     time, every change audited in contact_field_changes.
--   * Call drift (phoneburner_sessions__reconcile_calls): PhoneBurner's per-session call counts against the
--     calls we recorded; public.phoneburner_call_drift lists the sessions where calls never reached us.
--   * Callback follow-through (seed 001 US-007; tasks__push_due_callbacks): on a callback's date, teams
--     that opted in (push_settings.auto_add_callbacks_to_session) get the due contacts pushed into the rep's
--     "Callbacks" dial session — through the same validated push as anything else.

-- ---------------------------------------------------------------------------------------------------
-- linking pushed sessions to PhoneBurner's id
-- ---------------------------------------------------------------------------------------------------

/**
 * Gives a pushed session still known as 'pending:<key>' its PhoneBurner id, from an event of a contact
 * pushed into it: the event's dial session is unknown to us, the contact (SourceCo id, else PhoneBurner id,
 * else dialled number) is a member of exactly that pending session (the newest one, for the event's rep
 * when known). Returns our session id, or null when nothing was linked.
 */
create or replace function dialbridge.link_pushed_session(
  p_phoneburner_session_id text, p_sourceco_contact_id text, p_phoneburner_contact_id text, p_phones text[],
  p_phoneburner_user_id text default null
) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
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

/** Trigger function: links a pending pushed session when an event of one of its contacts names its id. */
create or replace function dialbridge.tg_phoneburner_call_events__link_pushed_session() returns trigger
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  if new.phoneburner_session_id is not null then
    perform dialbridge.link_pushed_session(new.phoneburner_session_id, new.sourceco_contact_id,
                                           new.phoneburner_contact_id, new.phone_e164, new.phoneburner_user_id);
  end if;
  return null;
end
$$;
drop trigger if exists _400_link_pushed_session on dialbridge.phoneburner_call_events;
create trigger _400_link_pushed_session after insert or update of phoneburner_session_id on dialbridge.phoneburner_call_events
  for each row execute function dialbridge.tg_phoneburner_call_events__link_pushed_session();

-- ---------------------------------------------------------------------------------------------------
-- reconciliation state
-- ---------------------------------------------------------------------------------------------------
/** Per PhoneBurner account: how far the daily reconciliation got. Private. */
create table if not exists dialbridge.phoneburner_sync_state (
  user_id uuid primary key references public.profiles (id) on delete cascade,
  contacts_synced_until timestamptz,
  contacts_last_run_at timestamptz,
  contacts_seen integer not null default 0,
  contacts_changed integer not null default 0,
  sessions_checked_at timestamptz,
  last_error text,
  updated_at timestamptz not null default now()
);
alter table dialbridge.phoneburner_sync_state enable row level security;
comment on table dialbridge.phoneburner_sync_state is 'Daily reconciliation progress per PhoneBurner account (watermark of the contacts pull, last errors).';
revoke all on table dialbridge.phoneburner_sync_state from public, anon, authenticated;
grant all on table dialbridge.phoneburner_sync_state to service_role;
drop trigger if exists _100_timestamps on dialbridge.phoneburner_sync_state;
create trigger _100_timestamps before update on dialbridge.phoneburner_sync_state
  for each row execute function dialbridge.tg__set_updated_at();

/** The accounts to reconcile: reps with a PhoneBurner token, with their watermark. */
create or replace function dialbridge.phoneburner_accounts_to_reconcile()
returns table (user_id uuid, team_id uuid, contacts_synced_until timestamptz)
language sql stable security definer set search_path = ''
as $$
  select p.id, p.team_id, s.contacts_synced_until
    from public.phoneburner_oauth_tokens t
    join public.profiles p on p.id = t.user_id and p.is_active
    left join dialbridge.phoneburner_sync_state s on s.user_id = p.id
   where t.access_token is not null
   order by p.id
$$;

/** Records the end of an account's contact pull (watermark) or its error. */
create or replace function dialbridge.record_contact_reconciliation(
  p_user_id uuid, p_synced_until timestamptz, p_seen integer, p_changed integer, p_error text default null
) returns void
language sql volatile security definer set search_path = ''
as $$
  insert into dialbridge.phoneburner_sync_state as s (user_id, contacts_synced_until, contacts_last_run_at, contacts_seen,
                                                      contacts_changed, last_error)
  values (p_user_id, p_synced_until, now(), coalesce(p_seen, 0), coalesce(p_changed, 0), p_error)
  on conflict (user_id) do update
    set contacts_synced_until = coalesce(excluded.contacts_synced_until, s.contacts_synced_until),
        contacts_last_run_at = excluded.contacts_last_run_at,
        contacts_seen = excluded.contacts_seen, contacts_changed = excluded.contacts_changed,
        last_error = excluded.last_error
$$;

/**
 * Turns PhoneBurner's view of contacts into contact.updated events where it differs from ours. p_contacts:
 * [{phoneburner_contact_id, sourceco_contact_id, modified_at, first_name, last_name, email, phone_e164,
 * phone, company, title, address_line1, city, state, zip}]: numbers normalised by the worker
 * (libphonenumber), modified_at as PhoneBurner sends it (zone-less, read in the account's zone).
 * The contact is ours by SourceCo id, else by PhoneBurner id. Each differing contact becomes one event
 * (identity reconciliation:<PhoneBurner id>:<modified time>, so a rerun adds nothing) received through
 * dialbridge.receive_phoneburner_event with auth_method 'reconciliation': the projection applies it last
 * write wins, with audit. PhoneBurner ids learnt on the way are stored. Returns the events stored.
 */
create or replace function dialbridge.reconcile_phoneburner_contacts(p_user_id uuid, p_contacts jsonb)
returns integer
language plpgsql volatile security definer set search_path = ''
as $$
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

-- ---------------------------------------------------------------------------------------------------
-- call drift
-- ---------------------------------------------------------------------------------------------------
/** PhoneBurner's call count of a session against ours, at each daily check. */
create table if not exists public.phoneburner_session_call_checks (
  id bigint generated always as identity primary key,
  session_id uuid not null references public.phoneburner_sessions (id) on delete cascade,
  team_id uuid references public.teams (id) on delete set null,
  checked_at timestamptz not null default now(),
  provider_calls integer not null,
  recorded_calls integer not null,
  missing_calls integer generated always as (greatest(provider_calls - recorded_calls, 0)) stored,
  unique (session_id, checked_at)
);
alter table public.phoneburner_session_call_checks enable row level security;
select dialbridge.ensure_constraint('public.phoneburner_session_call_checks', 'phoneburner_session_call_checks_counts_check',
  $c$check (provider_calls >= 0 and recorded_calls >= 0)$c$);
create index if not exists phoneburner_session_call_checks_team_idx on public.phoneburner_session_call_checks (team_id);
create index if not exists phoneburner_session_call_checks_session_idx on public.phoneburner_session_call_checks (session_id, checked_at desc);

comment on table public.phoneburner_session_call_checks is 'Daily comparison of PhoneBurner''s call count per dial session with the calls dialbridge recorded.';
comment on column public.phoneburner_session_call_checks.checked_at is 'When the counts were compared.';
comment on column public.phoneburner_session_call_checks.provider_calls is 'Calls PhoneBurner reports for the session.';
comment on column public.phoneburner_session_call_checks.recorded_calls is 'Calls dialbridge recorded for the session (contact_activities with a PhoneBurner call id).';
comment on column public.phoneburner_session_call_checks.missing_calls is 'Calls PhoneBurner made that never reached dialbridge.';

revoke all on table public.phoneburner_session_call_checks from anon, authenticated;
revoke all on sequence public.phoneburner_session_call_checks_id_seq from anon, authenticated;
grant select on table public.phoneburner_session_call_checks to authenticated;
grant all on table public.phoneburner_session_call_checks to service_role;
drop policy if exists "Reps see their team's call checks" on public.phoneburner_session_call_checks;
create policy "Reps see their team's call checks" on public.phoneburner_session_call_checks for select to authenticated
  using (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));

/**
 * Records PhoneBurner's call counts for an account's sessions ([{id, total_calls | calls | call_count,
 * custom_data: {request_id}}]): the session is ours by PhoneBurner id, else by the push batch's key (which
 * also links a pending session). Our count: distinct PhoneBurner calls recorded for the session. Returns
 * the sessions checked.
 */
create or replace function dialbridge.record_session_call_counts(p_user_id uuid, p_sessions jsonb, as_of timestamptz default now())
returns integer
language plpgsql volatile security definer set search_path = ''
as $$
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
$$;

/** Sessions whose latest check found calls that PhoneBurner made but that never reached dialbridge. */
create or replace view public.phoneburner_call_drift with (security_invoker = true) as
select distinct on (k.session_id)
       k.session_id,
       s.session_name,
       s.phoneburner_session_id,
       k.team_id,
       s.created_by_user_id,
       k.checked_at,
       k.provider_calls,
       k.recorded_calls,
       k.missing_calls
  from public.phoneburner_session_call_checks k
  join public.phoneburner_sessions s on s.id = k.session_id
 order by k.session_id, k.checked_at desc;
comment on view public.phoneburner_call_drift is 'Per dial session, the latest daily check: calls PhoneBurner reports, calls dialbridge recorded, and the calls that never reached dialbridge (missing_calls > 0 means lost callbacks).';
comment on column public.phoneburner_call_drift.session_id is 'The dial session (our id).';
comment on column public.phoneburner_call_drift.session_name is 'Session name.';
comment on column public.phoneburner_call_drift.phoneburner_session_id is 'PhoneBurner''s id of the session.';
comment on column public.phoneburner_call_drift.team_id is 'Team the session belongs to.';
comment on column public.phoneburner_call_drift.created_by_user_id is 'Rep whose session it is.';
comment on column public.phoneburner_call_drift.checked_at is 'When the counts were last compared.';
comment on column public.phoneburner_call_drift.provider_calls is 'Calls PhoneBurner reports for the session.';
comment on column public.phoneburner_call_drift.recorded_calls is 'Calls dialbridge recorded.';
comment on column public.phoneburner_call_drift.missing_calls is 'Calls we never received.';
revoke all on public.phoneburner_call_drift from anon, authenticated;
grant select on public.phoneburner_call_drift to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------
-- callback follow-through
-- ---------------------------------------------------------------------------------------------------
/**
 * Per rep, the contacts with an open callback task due on as_of's date (in the PhoneBurner account's zone),
 * for teams that opted in (push_settings.auto_add_callbacks_to_session) and reps with a PhoneBurner token,
 * with the rep's "Callbacks" session of that day when one exists (seed contract: contacts are added to it).
 */
create or replace function dialbridge.due_callback_pushes(as_of timestamptz default now())
returns table (user_id uuid, team_id uuid, due_on date, contact_ids uuid[], existing_session_id uuid)
language sql stable security definer set search_path = ''
as $$
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

revoke execute on all functions in schema dialbridge from public;
grant execute on function dialbridge.link_pushed_session(text, text, text, text[], text),
  dialbridge.phoneburner_accounts_to_reconcile(), dialbridge.record_contact_reconciliation(uuid, timestamptz, integer, integer, text),
  dialbridge.reconcile_phoneburner_contacts(uuid, jsonb), dialbridge.record_session_call_counts(uuid, jsonb, timestamptz),
  dialbridge.due_callback_pushes(timestamptz)
  to service_role;

-- migrate:down
-- Migrations are append-only (roll forward with a new one); this block stays empty so that
-- `supabase db push`, which runs the whole file, applies only the up part.
