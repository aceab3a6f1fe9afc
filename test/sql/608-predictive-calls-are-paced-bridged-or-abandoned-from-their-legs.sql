-- Predictive dialing, wired: an agent going available wakes the campaign's pacer (not the power dialer); the
-- pacer reads its situation in one call (reps free, talking, wrapping up; lines ringing; people answered and
-- waiting for a rep) and its decision starts contact-first calls through the queue (never more than max_lines,
-- never a do-not-call contact, nothing without a call queue), recorded for the floor's dashboard. The legs
-- decide each call, whatever their order: the rep bridged in time takes it, a person no rep reached within
-- 2 s is abandoned (safe-harbor message counted, the cap's window, the contact retried later), a late agent
-- leg corrects an early verdict, a machine's answer is a voicemail nobody spoke on.
-- The clock: t0 = now() - 1 hour for the legs; the queue and the situation are asked at now() (the
-- transaction's time, as the pacer asks them), with the people where it is daytime now.
begin;
select plan(25);
set local client_min_messages = error;

select now() - interval '1 hour' as t0 \gset
select now() as asof \gset
select tests.create_user('owner@dial608.test', 'Dial 608') as owner \gset
select tests.create_user('ann@dial608.test', 'Dial 608') as ann \gset
select tests.create_user('bob@dial608.test', 'Dial 608') as bob \gset
insert into public.voipstudio_credentials (user_id, voipstudio_user_id) values (:'ann', 'vs-ann-608'), (:'bob', 'vs-bob-608');
insert into public.voicemail_drops (id, team_id, name, audio_url)
values ('60800000-0000-0000-0000-0000000000d1', tests.team_id('Dial 608'), 'Safe harbor', 'https://audio.example.test/sh.mp3');

create temporary table people (n integer primary key, contact uuid);
insert into people select n, tests.push_contact('Dial 608', 'Person', 'N' || n, '+1212555608' || n) from generate_series(0, 6) n;
-- the calls are placed now (as the pacer places them): the people live where it is daytime now
update public.contacts set timezone = (select z from unnest(array['America/New_York', 'Europe/Berlin', 'Asia/Shanghai', 'America/Los_Angeles',
                                                           'Pacific/Honolulu', 'Asia/Kolkata', 'Australia/Sydney']) z
                                 where extract(hour from now() at time zone z) between 10 and 17 limit 1), state = null
 where id in (select contact from people);
update public.contacts set do_not_call = true, do_not_call_reason = 'user_requested' where id = (select contact from people where n = 0);
select tests.dialer_campaign('owner@dial608.test', 'Predictive 608', array(select contact from people order by n)::uuid[],
  '{"type": "predictive", "status": "active"}') as pred \gset
select tests.dialer_campaign('owner@dial608.test', 'Power 608', array[]::uuid[], '{"type": "power", "status": "active"}') as pow \gset
insert into public.dialer_campaign_agents (campaign_id, user_id) values (:'pred', :'ann'), (:'pred', :'bob'), (:'pow', :'bob');
update public.dialer_campaigns set max_lines = 5, safe_harbor_drop_id = '60800000-0000-0000-0000-0000000000d1' where id = :'pred';

-- ---------------------------------------------------------------------------------------------------
-- who wakes whom
-- ---------------------------------------------------------------------------------------------------
delete from graphile_worker._private_jobs j using graphile_worker._private_tasks t where t.id = j.task_id and t.identifier in ('dialer_campaigns__pace', 'dialer_agent_states__power_dial');
select public.set_agent_availability('available', :'pred', :'ann');
select public.set_agent_availability('available', :'pow', :'bob');
select results_eq($$ select task_identifier, queue_name from graphile_worker.jobs
                      where task_identifier in ('dialer_campaigns__pace', 'dialer_agent_states__power_dial') order by 1 $$,
  format($$ values ('dialer_agent_states__power_dial'::text, null::text), ('dialer_campaigns__pace', 'dialer_campaigns__pace:%s') $$, :'pred'),
  'an agent going available wakes the predictive campaign''s pacer (its own queue); on a power campaign, the power dialer');
select is((select array_agg(type) from dialbridge.dialer_agents_ready where campaign_id in (:'pred', :'pow')), array['power'],
  'the power dialer serves only power campaigns');

-- ---------------------------------------------------------------------------------------------------
-- the situation the pacer reads
-- ---------------------------------------------------------------------------------------------------
select public.set_agent_availability('available', :'pred', :'bob');
update public.dialer_agent_states set state = 'on_call', since = now() - interval '40 seconds' where user_id = :'bob';
select results_eq(format($$ select jsonb_array_length(s -> 'reps'), (s ->> 'active')::boolean, s ->> 'queue', (s -> 'settings' ->> 'maxLines')::int,
                                   (select count(*) from jsonb_array_elements(s -> 'reps') r where r ->> 'talkingFor' is null and r ->> 'wrappingFor' is null)::int,
                                   (select (r ->> 'talkingFor')::numeric from jsonb_array_elements(s -> 'reps') r where r ->> 'userId' = %L)
                              from dialbridge.predictive_situation(%L, now()) s $$, :'bob', :'pred'),
  $$ values (2, true, null::text, 5, 1, 40::numeric) $$,
  'reps logged in: one free, one talking for 40 s; no call queue yet; max_lines');
insert into public.call_logs (id, team_id, campaign_id, to_number, status, origination, started_at, created_at)
values ('60800000-0000-0000-0000-00000000aa01', tests.team_id('Dial 608'), :'pred', '+12125550001', 'ringing', 'contact_first', now() - interval '5 seconds', now()),
       ('60800000-0000-0000-0000-00000000aa02', tests.team_id('Dial 608'), :'pred', '+12125550002', 'ringing', 'contact_first', now() - interval '5 minutes', now() - interval '5 minutes'),
       ('60800000-0000-0000-0000-00000000aa03', tests.team_id('Dial 608'), :'pred', '+12125550003', 'ringing', 'agent_first', now() - interval '5 seconds', now());
select is((select s -> 'lines' from dialbridge.predictive_situation(:'pred', now()) s), '[{"ringingFor": 5}]'::jsonb,
  'lines: the contact-first calls still ringing (a call log unheard of for minutes, or a click-to-call, is no line)');
update public.call_logs set status = 'answered', answered_at = now(), answered_by = 'human' where id = '60800000-0000-0000-0000-00000000aa01';
select is((select count(*)::int from jsonb_array_elements((dialbridge.predictive_situation(:'pred', now())) -> 'reps') r
            where r ->> 'talkingFor' is null and r ->> 'wrappingFor' is null), 0,
  'a person who answered and waits for the queue''s bridge takes the free rep');
delete from public.call_logs where id in ('60800000-0000-0000-0000-00000000aa01', '60800000-0000-0000-0000-00000000aa02', '60800000-0000-0000-0000-00000000aa03');
update public.dialer_agent_states set state = 'available', since = now() where user_id = :'bob';

-- ---------------------------------------------------------------------------------------------------
-- the decision carried out
-- ---------------------------------------------------------------------------------------------------
select is((select count(*)::int from dialbridge.start_predictive_calls(:'pred', '{"dial": 3, "mode": "predictive"}', :'asof')), 0,
  'without a call queue nothing is dialled...');
select results_eq(format($$ select mode, lines_wanted, lines_started, detail from dialbridge.pacing_state where campaign_id = %L $$, :'pred'),
  $$ values ('stopped'::text, 3, 0, 'no call queue (dialer_campaigns.dial_queue) takes the answered calls'::text) $$,
  '...and the dashboard says why');
update public.dialer_campaigns set dial_queue = 'queue-608' where id = :'pred';
create temporary table placed as
select * from dialbridge.start_predictive_calls(:'pred',
  '{"dial": 9, "mode": "full", "expectedAbandonRate": 0.012, "allowedRate": 0.021, "situation": {"reps": 2, "freeReps": 2, "lines": 0, "stats": {"windowLiveAnswers": 40, "windowAbandoned": 0}}}',
  :'asof');
select is((select count(*)::int from placed), 5, 'a decision of 9 lines starts no more than max_lines (5)');
select is((select count(*)::int from placed where origination = 'contact_first' and user_id is null and status = 'initiated'
             and campaign_id = :'pred' and to_number like '+1212555608%'), 5,
  'each a contact-first call log with no rep yet, waiting for VoIPStudio');
select is((select count(*)::int from placed where contact_id = (select contact from people where n = 0)), 0,
  'the do-not-call contact is never dialled');
select is((select count(*)::int from public.campaign_contacts cc join placed p on p.campaign_contact_id = cc.id
            where cc.status = 'calling' and cc.reserved_for_call_id = p.id), 5, 'each call holds its campaign contact');
select results_eq(format($$ select mode, reps, free_reps, lines_wanted, lines_started, expected_abandon_rate, allowed_rate, window_live_answers
                              from dialbridge.pacing_state where campaign_id = %L $$, :'pred'),
  $$ values ('full'::text, 2, 2, 9, 5, 0.012, 0.021, 40::bigint) $$, 'the decision is on the floor''s dashboard');
select results_eq(format($$ select mode, lines_started, allowed_abandon_pct from reports.dialer_pacing where campaign_id = %L $$, :'pred'),
  $$ values ('full'::text, 5, 2.10) $$, 'reports.dialer_pacing shows it');

-- ---------------------------------------------------------------------------------------------------
-- the legs decide each call, in any order
-- ---------------------------------------------------------------------------------------------------
create temporary table calls (name text primary key, log uuid, root text);
insert into calls
select x.name, p.id, 'root-608-' || x.name
  from (select id, row_number() over (order by to_number) as k from placed) p
  join (values (1, 'bridged'), (2, 'abandoned'), (3, 'late_leg'), (4, 'slow_agent'), (5, 'machine')) x(k, name) on x.k = p.k;
select dialbridge.voipstudio_call_placed(log, root) from calls;
-- the legs happened at t0: the agents' own choices were made before
update public.dialer_agent_states set since = :'t0'::timestamptz - interval '1 minute';

create function pg_temp.party(p_call text, p_answered_by text, p_end_after interval, p_order integer[], p_t0 timestamptz) returns void language sql as $$
  select count(tests.voipstudio_leg(e.event, 'root-608-' || p_call, 'root-608-' || p_call || '-1', e.at, true, e.extra))::int
    from unnest(p_order) o(n) join (values
      (1, 'call.ringing', p_t0, jsonb_build_object('state', 'RINGING', 'start_time', p_t0, 'dst', '12125556080')),
      (2, 'call.connected', p_t0 + interval '10 seconds',
          jsonb_build_object('state', 'CONNECTED', 'connected_at', p_t0 + interval '10 seconds', 'answered_by', p_answered_by)),
      (3, 'call.ended', p_t0 + interval '10 seconds' + p_end_after,
          jsonb_build_object('state', 'HANGUP', 'start_time', p_t0, 'connected_at', p_t0 + interval '10 seconds',
                             'answered_by', p_answered_by, 'duration', extract(epoch from p_end_after)::int))
    ) e(n, event, at, extra) on e.n = o.n
$$;
create function pg_temp.agent(p_call text, p_user text, p_after interval, p_t0 timestamptz) returns void language sql as $$
  select tests.voipstudio_leg('call.connected', 'root-608-' || p_call, 'root-608-' || p_call || '-2', p_t0 + interval '10 seconds' + p_after,
    false, jsonb_build_object('state', 'CONNECTED', 'user_id', p_user, 'dst', p_user, 'connected_at', p_t0 + interval '10 seconds' + p_after))
$$;
-- bridged: the agent's leg first, then the party's, reversed
select pg_temp.agent('bridged', 'vs-ann-608', interval '1 second', :'t0');
select pg_temp.party('bridged', 'human', interval '60 seconds', array[3, 2, 1], :'t0');
-- abandoned: no agent leg at all; the safe-harbor message for 8 s
select pg_temp.party('abandoned', 'human', interval '8 seconds', array[1, 2, 3], :'t0');
-- the late leg: the party's legs processed first, the agent's (in time) only later
select pg_temp.party('late_leg', 'human', interval '45 seconds', array[1, 2, 3], :'t0');
-- slow agent: bridged 3 s after the answer
select pg_temp.party('slow_agent', 'human', interval '50 seconds', array[2, 1, 3], :'t0');
select pg_temp.agent('slow_agent', 'vs-bob-608', interval '3 seconds', :'t0');
-- a machine
select pg_temp.party('machine', 'machine', interval '1 second', array[1, 3, 2], :'t0');
select * from dialbridge.process_webhook_events('voipstudio', 500, now());

select is((select abandoned from public.call_logs where id = (select log from calls where name = 'late_leg')), true,
  'before its agent leg arrives, the late call looks abandoned...');
select pg_temp.agent('late_leg', 'vs-bob-608', interval '1500 milliseconds', :'t0');
select * from dialbridge.process_webhook_events('voipstudio', 500, now());

select results_eq($$ select c.name, l.status, l.user_id, l.answered_by, l.abandoned, l.abandoned_at - l.answered_at, l.safe_harbor_drop_id is not null,
                            l.agent_connected_at - l.answered_at
                       from calls c join public.call_logs l on l.id = c.log order by c.name $$,
  format($$ values ('abandoned'::text, 'completed'::text, null::uuid, 'human'::text, true, interval '2 seconds', true, null::interval),
                   ('bridged', 'completed', %1$L::uuid, 'human', false, null, false, interval '1 second'),
                   ('late_leg', 'completed', %2$L::uuid, 'human', false, null, false, interval '1.5 seconds'),
                   ('machine', 'completed', null, 'machine', false, null, false, null),
                   ('slow_agent', 'completed', %2$L::uuid, 'human', true, interval '2 seconds', true, interval '3 seconds') $$, :'ann', :'bob'),
  '...each call: the rep bridged in time takes it; no rep within 2 s (none, or 3 s late) is abandoned with the safe-harbor message; a machine is nobody''s');
select is((select usage_count from public.voicemail_drops where id = '60800000-0000-0000-0000-0000000000d1'), 2,
  'the safe-harbor message counts as played twice (the late leg''s early verdict no longer counts)');
select results_eq($$ select c.name, cc.status from calls c join public.call_logs l on l.id = c.log
                       join public.campaign_contacts cc on cc.id = l.campaign_contact_id order by c.name $$,
  $$ values ('abandoned'::text, 'failed'::text), ('bridged', 'completed'), ('late_leg', 'completed'), ('machine', 'failed'), ('slow_agent', 'failed') $$,
  'nobody spoke to the abandoned and the machine: their contacts are retried; the others are done');
select results_eq($$ select c.name, a.user_id, a.call_outcome from calls c join public.call_logs l on l.id = c.log
                       join public.contact_activities a on a.id = l.contact_activity_id where c.name in ('bridged', 'machine') order by c.name $$,
  format($$ values ('bridged'::text, %L::uuid, 'connected'::text), ('machine', null, 'voicemail') $$, :'ann'),
  'the activity names the rep who took the call; a machine''s answer is a voicemail');
select is((select state from public.dialer_agent_states where user_id = :'ann'), 'wrap_up', 'the rep who took the call is wrapping up');
select results_eq(format($$ select (s ->> 'windowLiveAnswers')::int, (s ->> 'windowAbandoned')::int, (s ->> 'machineAnswers')::int
                              from dialbridge.pacing_stats(%L, now()) s $$, :'pred'),
  $$ values (4, 2, 1) $$, 'the cap''s window: 4 live answers, 2 abandoned; the machine is no live answer');
select results_eq(format($$ select abandoned_calls::int, at_cap from reports.dialer_abandonment_30d where campaign_id = %L $$, :'pred'),
  $$ values (2, true) $$, 'and the campaign is over the cap');

-- replaying every event changes nothing
select count(*) from dialbridge.reset_webhook_events_for_replay('voipstudio', p_statuses => array['succeeded']);
select * from dialbridge.process_webhook_events('voipstudio', 500, now());
select results_eq($$ select count(*) filter (where abandoned)::int, count(*) filter (where user_id is not null)::int
                       from public.call_logs where id in (select log from calls) $$,
  $$ values (2, 3) $$, 'replaying the legs gives the same calls');
select is((select usage_count from public.voicemail_drops where id = '60800000-0000-0000-0000-0000000000d1'), 2, 'and the same message count');
select is(dialbridge.recompute_dialer_call_stats(), 0, 'the statistics the pacer reads equal a recompute');

-- the abandoned contacts rest from predictive campaigns; the machine's contact may be called again
update public.campaign_contacts set next_attempt_at = null where campaign_id = :'pred';
update public.call_logs set status = 'completed' where campaign_id = :'pred' and status in ('initiated', 'ringing', 'answered');
select is((select count(*)::int from (
             select contact_id from public.next_contact_to_dial(:'pred', :'owner', :'asof'::timestamptz + interval '1 hour')
             union all select contact_id from public.next_contact_to_dial(:'pred', :'owner', :'asof'::timestamptz + interval '1 hour')
             union all select contact_id from public.next_contact_to_dial(:'pred', :'owner', :'asof'::timestamptz + interval '1 hour')) x
            where x.contact_id in (select l.contact_id from calls c join public.call_logs l on l.id = c.log where c.name in ('abandoned', 'slow_agent'))), 0,
  'the queue passes over the contacts whose calls were abandoned');

select * from finish();
rollback;
