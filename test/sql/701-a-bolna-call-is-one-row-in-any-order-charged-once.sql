-- Bolna POSTs the whole execution on every status change. Whatever the order, the duplication or the
-- batching, a call is one calls row equal to the in-order one (a late ringing never regresses it; a completed
-- that arrives first still gives the final row), one contact_activities row, one transcript and one charge.
-- Durations round up (27.2 → 28 s, 1 minute), every Bolna status maps to the seed's lifecycle, completed
-- with no conversation is not an answer, and an unregistered agent's events wait for a replay.
-- The clock: t0 = now() - 2 hours; every event time is relative to it; the processor runs at now().
begin;
select plan(21);
set local client_min_messages = error;

select now() - interval '2 hours' as t0 \gset
select tests.create_user('ann@bolna701.test', 'Bolna 701') as ann \gset
insert into public.voice_agents (user_id, bolna_agent_id, name) values (:'ann', 'agent-701', 'Ava');

-- every order of the answered sequence (120), each a call of its own; duplicated for even k, processed after
-- every POST for k divisible by 3; the no-answer and busy sequences in each of their 6 orders
create temporary table perms as
with recursive p(arr) as (
  select array[x] from generate_series(1, 5) x
  union all
  select p.arr || x from p, generate_series(1, 5) x where x <> all (p.arr) and cardinality(p.arr) < 5
)
select row_number() over (order by arr) as k, arr from p where cardinality(arr) = 5;
create temporary table perms3 as
with recursive p(arr) as (
  select array[x] from generate_series(1, 3) x
  union all
  select p.arr || x from p, generate_series(1, 3) x where x <> all (p.arr) and cardinality(p.arr) < 3
)
select row_number() over (order by arr) as k, arr from p where cardinality(arr) = 3;

do $$
declare
  r record;
  s record;
  v_t0 timestamptz := now() - interval '2 hours';
begin
  for r in select * from perms order by k loop
    for s in select q.payload from unnest(r.arr) with ordinality o(n, pos)
               join tests.bolna_sequence('x701-a-' || r.k, 'agent-701', '+14155550701', 'answered', v_t0) q on q.n = o.n
              order by o.pos loop
      perform tests.bolna_post(s.payload);
      if r.k % 2 = 0 then perform tests.bolna_post(s.payload); end if;
      if r.k % 3 = 0 then perform dialbridge.process_webhook_events('bolna', 500, now()); end if;
    end loop;
  end loop;
  for r in select * from perms3 order by k loop
    for s in select q.payload, q.status from unnest(r.arr) with ordinality o(n, pos)
               join tests.bolna_sequence('x701-n-' || r.k, 'agent-701', '+14155550702', 'no-answer', v_t0) q on q.n = o.n
              order by o.pos loop
      perform tests.bolna_post(s.payload);
    end loop;
    for s in select q.payload from unnest(r.arr) with ordinality o(n, pos)
               join tests.bolna_sequence('x701-b-' || r.k, 'agent-701', '+14155550703', 'busy', v_t0) q on q.n = o.n
              order by o.pos loop
      perform tests.bolna_post(s.payload);
    end loop;
  end loop;
end $$;
select count(*) from dialbridge.process_webhook_events('bolna', 1000, now());

-- ---------------------------------------------------------------------------------------------------
-- answered
-- ---------------------------------------------------------------------------------------------------
select is((select count(*)::int from public.calls where bolna_execution_id like 'x701-a-%'), 120, 'one row per execution');
select is((select count(distinct (call_lifecycle_status, status, bolna_status, duration_seconds, duration_minutes, credits_used,
                                  ringing_started_at, call_answered_at, call_disconnected_at, completed_at, replace(recording_url, bolna_execution_id, ''),
                                  hangup_by, hangup_reason, hangup_provider_code, phone_number, lead_type, contact_id, user_id, metadata - 'provider_call_id'))::int
             from public.calls where bolna_execution_id like 'x701-a-%'), 1,
  'every order, duplication and batching gives the same row');
select results_eq(format($$ select call_lifecycle_status::text, status, bolna_status, duration_seconds, duration_minutes, credits_used,
                                   ringing_started_at - %1$L::timestamptz, call_answered_at - %1$L::timestamptz,
                                   call_disconnected_at - %1$L::timestamptz, completed_at - %1$L::timestamptz, hangup_by, lead_type
                              from public.calls where bolna_execution_id = 'x701-a-1' $$, :'t0'),
  $$ values ('completed'::text, 'completed'::text, 'completed'::text, 28, 1, 1, interval '2 seconds', interval '5 seconds',
             interval '33 seconds', interval '780 seconds', 'Callee'::text, 'outbound'::text) $$,
  'the final row: completed, 27.2 s → 28 s → 1 minute → 1 credit, each stage''s time, the hangup');
select is((select (metadata ->> 'raw_conversation_duration')::numeric from public.calls where bolna_execution_id = 'x701-a-1'), 27.2,
  'the raw duration is kept');
select is((select recording_url from public.calls where bolna_execution_id = 'x701-a-7'), 'https://recordings.example.test/x701-a-7.mp3',
  'the recording from the completed POST');
select is((select count(*)::int from public.contact_activities where dedupe_key like 'bolna:call:x701-a-%'), 120, 'one activity per call');
select is((select count(*)::int from public.calls c join public.contact_activities a on a.id = c.contact_activity_id
            where c.bolna_execution_id like 'x701-a-%' and a.user_id = :'ann' and a.call_outcome = 'connected'
              and a.talk_time_seconds = 28 and a.contact_id = c.contact_id), 120,
  'each activity: the agent''s user as rep, connected, 28 s of talk, the call''s contact');
select results_eq($$ select count(distinct c.contact_id)::int, min(k.phone_e164), min(k.list_source), bool_and(k.team_id = tests.team_id('Bolna 701'))
                       from public.calls c join public.contacts k on k.id = c.contact_id where c.phone_number = '+14155550701' $$,
  $$ values (1, '+14155550701'::text, 'voice agent'::text, true) $$, 'the number''s contact is created once, in the user''s team');
select is((select count(*)::int from public.transcripts t join public.calls c on c.id = t.call_id where c.bolna_execution_id like 'x701-a-%'), 120,
  'one transcript per answered call');
select is((select count(*)::int from graphile_worker.jobs j where j.task_identifier = 'transcripts__analyze'
            and j.key in (select 'transcripts__analyze:' || c.id from public.calls c where c.bolna_execution_id like 'x701-a-%')), 120,
  'each transcript''s analysis is queued (once per call)');

-- ---------------------------------------------------------------------------------------------------
-- not answered
-- ---------------------------------------------------------------------------------------------------
select set_eq($$ select left(bolna_execution_id, 7), call_lifecycle_status::text, status, duration_seconds, credits_used, hangup_by, hangup_reason
                   from public.calls where bolna_execution_id like 'x701-n-%' or bolna_execution_id like 'x701-b-%' $$,
  $$ values ('x701-n-', 'no-answer', 'failed', 0, 0, 'Carrier', 'Call recipient rejected'),
            ('x701-b-', 'busy', 'failed', 0, 0, 'Carrier', 'Call recipient was busy') $$,
  'no-answer and busy in any of their orders: one final row each (failed, nothing charged, the carrier''s reason)');
select is((select count(*)::int from public.calls where bolna_execution_id like 'x701-n-%' or bolna_execution_id like 'x701-b-%'), 12,
  'twelve calls');

-- ---------------------------------------------------------------------------------------------------
-- credits: exactly once
-- ---------------------------------------------------------------------------------------------------
select results_eq($$ select count(*)::int, sum(amount)::int from public.credit_ledger where user_id = tests.user_id('ann@bolna701.test') $$,
  $$ values (120, -120) $$, 'one charge per answered call, however often its POSTs came');
select is((select balance from public.credit_balances where user_id = :'ann'), -120, 'the balance follows the ledger');
select count(*) from dialbridge.reset_webhook_events_for_replay('bolna', p_statuses => array['success']);
select count(*) from dialbridge.process_webhook_events('bolna', 1000, now());
select results_eq($$ select count(*)::int, sum(amount)::int from public.credit_ledger where user_id = tests.user_id('ann@bolna701.test') $$,
  $$ values (120, -120) $$, 'replaying every event charges nothing more');
select is(dialbridge.recompute_credit_balances(), 0, 'the balance equals a recompute');
update public.credit_balances set balance = 7 where user_id = :'ann';
select is(dialbridge.recompute_credit_balances(), 1, 'a tampered balance is found and fixed');

-- ---------------------------------------------------------------------------------------------------
-- every status; completed without conversation; an unknown agent
-- ---------------------------------------------------------------------------------------------------
do $$
declare
  st text;
  v_t0 timestamptz := now() - interval '2 hours';
  base jsonb;
begin
  foreach st in array array['queued', 'rescheduled', 'balance-low', 'canceled', 'failed', 'stopped', 'error'] loop
    select q.payload into base from tests.bolna_sequence('x701-s-' || st, 'agent-701', '+14155550704', 'no-answer', v_t0) q where q.n = 1;
    if st not in ('queued', 'rescheduled') then perform tests.bolna_post(base); end if;
    perform tests.bolna_post(base || jsonb_build_object('status', st, 'updated_at', to_char((v_t0 + interval '9 seconds') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')));
  end loop;
  -- completed with zero duration: not answered
  for base in select q.payload from tests.bolna_sequence('x701-z', 'agent-701', '+14155550705', 'answered', v_t0, 0) q where q.n in (1, 2, 5) loop
    perform tests.bolna_post(base);
  end loop;
  perform tests.bolna_post(jsonb_build_object('id', 'x701-u', 'agent_id', 'agent-unknown', 'status', 'initiated'));
end $$;
select count(*) from dialbridge.process_webhook_events('bolna', 1000, now());
select set_eq($$ select substr(bolna_execution_id, 8), bolna_status, call_lifecycle_status::text, status from public.calls where bolna_execution_id like 'x701-s-%' $$,
  $$ values ('queued', 'queued', 'initiated', 'in_progress'), ('rescheduled', 'rescheduled', 'initiated', 'in_progress'),
            ('balance-low', 'balance-low', 'failed', 'failed'), ('canceled', 'canceled', 'failed', 'cancelled'),
            ('failed', 'failed', 'failed', 'failed'), ('stopped', 'stopped', 'failed', 'cancelled'), ('error', 'error', 'failed', 'failed') $$,
  'every other Bolna status has its place in the seed''s lifecycle and the backward-compatible status');
select results_eq($$ select call_lifecycle_status::text, status, call_answered_at is null, credits_used from public.calls where bolna_execution_id = 'x701-z' $$,
  $$ values ('no-answer'::text, 'failed'::text, true, 0) $$, 'completed with zero duration is not an answer');
select results_eq($$ select processing_status, processing_error_code from dialbridge.webhook_events where provider = 'bolna' and provider_call_id = 'x701-u' $$,
  $$ values ('failed'::text, 'DB061'::text) $$, 'an unregistered agent''s event is kept, failed with the reason...');
insert into public.voice_agents (user_id, bolna_agent_id) values (:'ann', 'agent-unknown');
select count(*) from dialbridge.reset_webhook_events_for_replay('bolna');
select count(*) from dialbridge.process_webhook_events('bolna', 1000, now());
select is((select call_lifecycle_status::text from public.calls where bolna_execution_id = 'x701-u'), 'initiated',
  '...and becomes a call once the agent is registered and the event replayed');

select * from finish();
rollback;
