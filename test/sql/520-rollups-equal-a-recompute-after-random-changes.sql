-- The roll-ups are kept incrementally by triggers on contact_activities (and on contacts, and on
-- disposition_mappings); dialbridge.recompute_rollups() recomputes them from the raw rows. After long
-- random streams of what ingestion and people do — calls inserted and later updated as their events
-- arrive (also through insert … on conflict do update, the projection's upsert), unmatched calls linked,
-- calls moved between days, sessions and reps, soft-deleted and deleted, multi-row statements, contacts
-- changing segment or being deleted, admins editing mappings — every roll-up equals the recompute, row for
-- row. A roll-up that drifted is reported and repaired.
begin;
select plan(7);

select tests.create_user('r1@random.test', 'Random Alpha', 'rep');
select tests.create_user('r2@random.test', 'Random Alpha', 'rep');
select tests.create_user('r3@random.test', 'Random Bravo', 'rep');

create temporary table pool_contacts as
select tests.report_contact(case when i % 3 = 0 then 'Random Bravo' else 'Random Alpha' end, 'Rnd' || i,
                            (array['buyer', 'seller'])[i % 2 + 1],
                            (array['Healthcare', 'Software', null])[i % 3 + 1],
                            (array['NY', 'TX', null, 'CA'])[i % 4 + 1],
                            (array['Conference', 'Referral'])[i % 2 + 1]) as id
  from generate_series(1, 8) i;
create temporary table pool_sessions as
select tests.report_session(t, 'Random session ' || i, case t when 'Random Alpha' then 'r1@random.test' else 'r3@random.test' end) as id
  from generate_series(1, 3) i cross join lateral (select case when i = 3 then 'Random Bravo' else 'Random Alpha' end as t) x;

/** One random operation on contact_activities (or on what the roll-ups read). */
create function pg_temp.random_step(p_step integer) returns void
language plpgsql
as $$
declare
  r double precision := random();
  v_target uuid;
  v_contact uuid;
  v_codes text[] := array['INTERESTED', 'MEETING_SET', 'NOT_INTERESTED', 'LEFT_VOICEMAIL', 'CALLBACK_REQUESTED',
                          'HOT_LEAD', 'DO_NOT_CALL', 'WRONG_NUMBER', 'SOMETHING_ELSE', 'interested ', null, null, null];
  v_outcomes text[] := array['connected', 'connected', 'no_answer', 'busy', 'voicemail', 'failed', null];
  v_types text[] := array['call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left'];
  v_reps text[] := array['r1@random.test', 'r2@random.test', 'r3@random.test'];
begin
  if r < 0.30 then
    -- a new call (10% unmatched), sometimes only a label (real PhoneBurner)
    v_contact := case when random() < 0.1 then null else (select id from pool_contacts order by random() limit 1) end;
    perform tests.report_call(
      v_contact, v_reps[1 + floor(random() * 3)::int], now() - random() * interval '40 days',
      v_outcomes[1 + floor(random() * 7)::int], (random() * 600)::int, v_codes[1 + floor(random() * 13)::int],
      case when random() < 0.6 then (select id from pool_sessions order by random() limit 1) end,
      case when random() < 0.2 then (array['Left Message', 'Interested', 'Totally new label', 'Meeting Set'])[1 + floor(random() * 4)::int] end,
      case when random() < 0.2 then (array['gatekeeper', 'unknown', null])[1 + floor(random() * 3)::int] end);
  elsif r < 0.38 then
    -- a callback or a contact change (only callbacks count)
    v_contact := (select id from pool_contacts order by random() limit 1);
    if random() < 0.6 then
      perform tests.report_callback(v_contact, v_reps[1 + floor(random() * 3)::int], now() - random() * interval '40 days',
                                    now() + interval '3 days', (select id from pool_sessions order by random() limit 1));
    else
      insert into public.contact_activities (contact_id, team_id, activity_type, matching_status, dedupe_key, details)
      select v_contact, c.team_id, 'contact_updated', 'matched', 'test:random:change:' || gen_random_uuid(), '{}'
        from public.contacts c where c.id = v_contact;
    end if;
  elsif r < 0.60 then
    -- an update of one row: its events arrive, it is linked, moved, soft-deleted…
    select a.id into v_target from public.contact_activities a where a.dedupe_key like 'test:%' order by random() limit 1;
    if v_target is null then return; end if;
    case floor(random() * 8)::int
      when 0 then update public.contact_activities
                     set call_outcome = 'connected', call_connected_at = call_started_at, talk_time_seconds = (random() * 500)::int,
                         answered_by = (array['decision_maker', 'gatekeeper', null])[1 + floor(random() * 3)::int]
                   where id = v_target;
      when 1 then update public.contact_activities set disposition_code = v_codes[1 + floor(random() * 13)::int],
                         disposition_label = case when random() < 0.3 then 'Left Message' end, disposition_set_at = now()
                   where id = v_target;
      when 2 then update public.contact_activities set call_started_at = call_started_at - interval '1 day' * floor(random() * 5)
                   where id = v_target;
      when 3 then update public.contact_activities
                     set contact_id = (select id from pool_contacts order by random() limit 1), matching_status = 'manually_linked'
                   where id = v_target and matching_status = 'unmatched';
      when 4 then update public.contact_activities
                     set phoneburner_session_id = case when random() < 0.3 then null else (select id from pool_sessions order by random() limit 1) end
                   where id = v_target;
      when 5 then update public.contact_activities set deleted_at = case when deleted_at is null then now() end where id = v_target;
      when 6 then update public.contact_activities
                     set user_id = tests.user_id(v_reps[1 + floor(random() * 3)::int]),
                         activity_type = case when activity_type = 'callback_scheduled' then activity_type
                                              else v_types[1 + floor(random() * 5)::int] end
                   where id = v_target;
      else update public.contact_activities set call_outcome = v_outcomes[1 + floor(random() * 7)::int], talk_time_seconds = null
            where id = v_target;
    end case;
  elsif r < 0.66 then
    delete from public.contact_activities where id = (select a.id from public.contact_activities a
                                                        where a.dedupe_key like 'test:%' order by random() limit 1);
  elsif r < 0.72 then
    -- multi-row statements
    if random() < 0.5 then
      update public.contact_activities set talk_time_seconds = coalesce(talk_time_seconds, 0) + 7,
                                           call_started_at = call_started_at + interval '9 hours'
       where dedupe_key like 'test:%' and random() < 0.25;
    else
      delete from public.contact_activities where dedupe_key like 'test:%' and random() < 0.05;
    end if;
  elsif r < 0.80 then
    -- the projection's upsert: re-deliver a call with more fields merged in
    select a.id into v_target from public.contact_activities a
     where a.dedupe_key like 'test:report:call%' order by random() limit 1;
    if v_target is null then return; end if;
    insert into public.contact_activities (contact_id, user_id, team_id, phoneburner_session_id, activity_type,
           matching_status, dedupe_key, call_started_at, call_outcome, talk_time_seconds, answered_by, disposition_code)
    select a.contact_id, a.user_id, a.team_id, a.phoneburner_session_id, 'disposition_set', a.matching_status, a.dedupe_key,
           a.call_started_at, 'connected', 200, 'decision_maker', v_codes[1 + floor(random() * 13)::int]
      from public.contact_activities a where a.id = v_target
    on conflict (dedupe_key) do update
       set activity_type = excluded.activity_type, call_outcome = excluded.call_outcome,
           talk_time_seconds = excluded.talk_time_seconds, answered_by = excluded.answered_by,
           disposition_code = excluded.disposition_code;
  elsif r < 0.90 then
    -- a contact changes segment
    update public.contacts
       set industry = (array['Healthcare', 'Software', 'Energy', null])[1 + floor(random() * 4)::int],
           state = case when random() < 0.5 then (array['NY', 'FL', null])[1 + floor(random() * 3)::int] else state end,
           contact_type = case when random() < 0.3 then (array['buyer', 'seller'])[1 + floor(random() * 2)::int] else contact_type end
     where id = (select id from pool_contacts order by random() limit 1);
  elsif r < 0.95 then
    -- an admin edits a mapping
    update public.disposition_mappings
       set sourceco_contact_status = (array['Qualified', 'Nurture', 'Disqualified', 'Attempted'])[1 + floor(random() * 4)::int],
           sourceco_contact_stage = case when random() < 0.3 then 'Meeting Set' else sourceco_contact_stage end,
           is_active = random() < 0.9
     where phoneburner_disposition_code = (array['INTERESTED', 'LEFT_VOICEMAIL', 'HOT_LEAD', 'CALLBACK_REQUESTED'])[1 + floor(random() * 4)::int];
  elsif r < 0.97 then
    -- a contact is deleted: its calls are kept, detached
    delete from public.contacts where id = (select id from pool_contacts order by random() limit 1);
    delete from pool_contacts where id not in (select id from public.contacts);
    if not exists (select 1 from pool_contacts) then
      insert into pool_contacts select tests.report_contact('Random Alpha', 'Late' || p_step);
    end if;
  else
    -- several calls in one statement
    insert into public.contact_activities (contact_id, user_id, team_id, phoneburner_session_id, activity_type,
           matching_status, dedupe_key, call_started_at, call_outcome, talk_time_seconds, answered_by, disposition_code)
    select c.id, p.id, c.team_id, (select id from pool_sessions order by random() limit 1), 'call_completed', 'matched',
           'test:random:batch:' || gen_random_uuid(), now() - random() * interval '10 days',
           (array['connected', 'no_answer'])[1 + (g % 2)], 90, 'gatekeeper', (array['INTERESTED', null])[1 + (g % 2)]
      from generate_series(1, 4) g
     cross join lateral (select id, team_id from public.contacts where id in (select id from pool_contacts) order by random() limit 1) c
     cross join lateral (select id from public.profiles where id = tests.user_id('r1@random.test')) p;
  end if;
end
$$;

create function pg_temp.run_steps(p_from integer, p_to integer) returns void
language plpgsql
as $$
begin
  for i in p_from .. p_to loop
    perform pg_temp.random_step(i);
  end loop;
end
$$;

create temporary view all_equal as
  select rollup, differences from (values ('rep_daily_stats', 1), ('rep_day_totals', 2), ('session_stats', 3),
                                          ('session_contact_stats', 4), ('session_totals', 5), ('segment_daily_stats', 6))
         as expected(rollup, ord)
    join lateral (select 0::bigint as differences) z on true
   order by ord;

select setseed(0.52);
select pg_temp.run_steps(1, 150);
select results_eq($$ select rollup, differences from dialbridge.recompute_rollups(false) $$, $$ select * from all_equal $$,
  'after 150 random steps every roll-up equals a recompute from the raw rows');
select pg_temp.run_steps(151, 300);
select results_eq($$ select rollup, differences from dialbridge.recompute_rollups(false) $$, $$ select * from all_equal $$,
  'after 300 random steps every roll-up still equals the recompute');
select setseed(0.17);
select pg_temp.run_steps(301, 450);
select results_eq($$ select rollup, differences from dialbridge.recompute_rollups(false) $$, $$ select * from all_equal $$,
  'after 150 more steps with another seed every roll-up equals the recompute');
select cmp_ok((select count(*)::integer from dialbridge.rep_daily_stats r join public.teams t on t.id = r.team_id
                where t.name like 'Random %'), '>', 10,
  'the random stream left real roll-up rows to compare (the check is not vacuous)');

-- Drift is found and repaired
update dialbridge.rep_day_totals set calls = calls + 1
 where id = (select r.id from dialbridge.rep_day_totals r join public.teams t on t.id = r.team_id
              where t.name = 'Random Alpha' limit 1);
select results_eq(
  $$ select rollup from dialbridge.recompute_rollups(false) where differences > 0 $$,
  $$ values ('rep_day_totals'::text) $$,
  'a roll-up that drifted is reported');
select results_eq(
  $$ select rollup from dialbridge.recompute_rollups(true) where differences > 0 $$,
  $$ values ('rep_day_totals'::text) $$,
  'repairing reports the drift it fixes');
select results_eq($$ select rollup, differences from dialbridge.recompute_rollups(false) $$, $$ select * from all_equal $$,
  'after the repair every roll-up equals the recompute again');

select * from finish();
rollback;
