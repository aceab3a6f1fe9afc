-- VoIPStudio posts one webhook per leg of a call (the agent's leg, then the called party's, final: true).
-- Whatever the order, the duplication or the batches they are processed in, a call is one call log, one
-- contact_activities row, one attempt of its campaign contact, and its agent's availability follows it; a
-- disposition goes through the disposition engine once. The clock: t0 = now() - 1 hour, every event
-- relative to it; the processor runs at now().
begin;
select plan(23);
set local client_min_messages = error;

select now() - interval '1 hour' as t0 \gset
select tests.create_user('agent@dial605.test', 'Dial 605') \gset

create temporary table scenario (name text primary key, contact uuid, log uuid, root text);
insert into scenario (name, contact) values
  ('forward', tests.push_contact('Dial 605', 'Forward', 'Order', '+12125556501')),
  ('reverse', tests.push_contact('Dial 605', 'Reverse', 'Order', '+12125556502')),
  ('twice', tests.push_contact('Dial 605', 'Twice', 'Delivered', '+12125556503')),
  ('batches', tests.push_contact('Dial 605', 'Many', 'Batches', '+12125556504')),
  ('missed', tests.push_contact('Dial 605', 'No', 'Answer', '+12125556505')),
  ('busy', tests.push_contact('Dial 605', 'Busy', 'Line', '+12125556506')),
  ('early', tests.push_contact('Dial 605', 'Early', 'Webhooks', '+12125556507'));
update scenario set root = 'root-605-' || name;
-- the calls are placed now (click-to-call checks the calling window at now()): the contacts live where it is daytime now
update contacts set timezone = (select z from unnest(array['America/New_York', 'Europe/Berlin', 'Asia/Shanghai', 'America/Los_Angeles',
                                                           'Pacific/Honolulu', 'Asia/Kolkata', 'Australia/Sydney']) z
                                 where extract(hour from now() at time zone z) between 10 and 17 limit 1), state = null
 where id in (select contact from scenario);
select tests.dialer_campaign('agent@dial605.test', 'Legs', array(select contact from scenario order by name)::uuid[],
  '{"type": "manual", "max_attempts": 3, "retry_interval": 1800}') as campaign \gset

-- each call placed as click-to-call places it (a manual campaign: any of its contacts): call log, then VoIPStudio's id
-- (the early one: after its webhooks)
select tests.authenticate_as('agent@dial605.test');
create function pg_temp.place(p_name text) returns void language plpgsql as $$
declare v_cc uuid; v_log uuid;
begin
  select id into v_cc from public.campaign_contacts where contact_id = (select contact from scenario where name = p_name);
  select (public.start_dialer_call(cc.phone_number, cc.campaign_id, cc.id)).id into v_log from public.campaign_contacts cc where cc.id = v_cc;
  update scenario set log = v_log where name = p_name;
end $$;
reset role;
grant all on scenario to authenticated;
select tests.authenticate_as('agent@dial605.test');
select pg_temp.place(name) from scenario order by name;
reset role;
select dialbridge.voipstudio_call_placed(log, root) from scenario where name <> 'early';
update public.dialer_agent_states set since = :'t0'::timestamptz - interval '1 minute';

-- the legs of an answered call: agent leg a, called party's leg b (final)
create function pg_temp.legs(p_root text, p_t0 timestamptz, p_end text default 'call.ended', p_state text default 'HANGUP')
returns table (n integer, event text, leg text, at timestamptz, final boolean, extra jsonb) language sql as $$
  values (1, 'call.ringing', p_root || '-a', p_t0, false, jsonb_build_object('state', 'RINGING', 'start_time', p_t0, 'src', '12125550000', 'dst', '101')),
         (2, 'call.connected', p_root || '-a', p_t0 + interval '3 seconds', false, jsonb_build_object('state', 'CONNECTED', 'src', '12125550000', 'dst', '101')),
         (3, 'call.ringing', p_root || '-b', p_t0 + interval '4 seconds', true, jsonb_build_object('state', 'RINGING', 'start_time', p_t0 + interval '4 seconds', 'src', '12125550000', 'dst', '1' || right(p_root, 0))),
         (4, 'call.connected', p_root || '-b', p_t0 + interval '10 seconds', true,
             case when p_end = 'call.ended' and p_state = 'HANGUP' then jsonb_build_object('state', 'CONNECTED', 'connected_at', p_t0 + interval '10 seconds') end),
         (5, p_end, p_root || '-b', p_t0 + interval '70 seconds', true,
             jsonb_build_object('state', p_state, 'start_time', p_t0 + interval '4 seconds', 'duration', case when p_state = 'HANGUP' then 60 else 0 end)
             || case when p_state = 'HANGUP' then jsonb_build_object('connected_at', p_t0 + interval '10 seconds') else '{}' end),
         (6, 'call.ended', p_root || '-a', p_t0 + interval '71 seconds', false, jsonb_build_object('state', 'HANGUP', 'duration', 68))
$$;
create function pg_temp.deliver(p_root text, p_order integer[], p_t0 timestamptz, p_end text default 'call.ended', p_state text default 'HANGUP')
returns void language sql as $$
  select count(tests.voipstudio_leg(l.event, p_root, l.leg, l.at, l.final, coalesce(l.extra, '{}')))::int
    from unnest(p_order) with ordinality o(n, k) join pg_temp.legs(p_root, p_t0, p_end, p_state) l on l.n = o.n
   where l.extra is not null or l.n <> 4
$$;

select pg_temp.deliver('root-605-forward', array[1, 2, 3, 4, 5, 6], :'t0');
select pg_temp.deliver('root-605-reverse', array[6, 5, 4, 3, 2, 1], :'t0');
select pg_temp.deliver('root-605-twice', array[5, 1, 5, 3, 6, 2, 4, 1, 6], :'t0');
select pg_temp.deliver('root-605-missed', array[1, 3, 6, 5], :'t0', 'call.missed', 'NOANSWER');
select pg_temp.deliver('root-605-busy', array[3, 5, 1, 6], :'t0', 'call.ended', 'BUSY');
select pg_temp.deliver('root-605-early', array[3, 4, 5], :'t0');
select * from dialbridge.process_webhook_events('voipstudio', 500, now());
-- one batch per event for the last one
select pg_temp.deliver('root-605-batches', array[4], :'t0');
select * from dialbridge.process_webhook_events('voipstudio', 500, now());
select pg_temp.deliver('root-605-batches', array[6, 2], :'t0');
select * from dialbridge.process_webhook_events('voipstudio', 500, now());
select pg_temp.deliver('root-605-batches', array[5, 1, 3], :'t0');
select * from dialbridge.process_webhook_events('voipstudio', 500, now());

-- ---------------------------------------------------------------------------------------------------
-- answered calls: the same whatever the order
-- ---------------------------------------------------------------------------------------------------
select set_eq(
  $$ select s.name, l.status, l.started_at, l.answered_at, l.ended_at, l.duration, l.contact_id = s.contact
       from scenario s join public.call_logs l on l.id = s.log where s.name in ('forward', 'reverse', 'twice', 'batches') $$,
  format($$ select n, 'completed'::text as status, %1$L::timestamptz as started, %1$L::timestamptz + interval '10 seconds' as answered,
                   %1$L::timestamptz + interval '70 seconds' as ended, 60 as duration, true as same_contact
              from unnest(array['forward', 'reverse', 'twice', 'batches']) n $$, :'t0'),
  'each answered call''s log is completed, from the first ring to the final leg''s end, in every order and batching');
select set_eq(
  $$ select s.name, a.activity_type, a.call_outcome, a.call_started_at, a.talk_time_seconds, a.call_duration_seconds, a.source_system
       from scenario s join public.contact_activities a on a.contact_id = s.contact
      where s.name in ('forward', 'reverse', 'twice', 'batches') $$,
  format($$ select n, 'call_completed'::text as type, 'connected'::text as outcome, %1$L::timestamptz as started, 60 as talk,
                   60 as duration, 'voipstudio'::text as source from unnest(array['forward', 'reverse', 'twice', 'batches']) n $$, :'t0'),
  'and is one activity: connected, 60 seconds of talk');
select is((select count(*)::int from public.call_logs where call_id like 'root-605-%'), 7, 'one call log per call, duplicates and legs included');
select is((select count(*)::int from public.contact_activities where dedupe_key like 'voipstudio:call:root-605-%'), 7,
  'one activity per call');
select is((select count(*)::int from dialbridge.webhook_events where provider = 'voipstudio' and payload ->> 'root_call_id' = 'root-605-twice'), 6,
  'a leg''s event delivered twice is stored once');
select set_eq(
  $$ select s.name, cc.status, cc.attempts, cc.next_attempt_at from scenario s join public.campaign_contacts cc on cc.contact_id = s.contact
      where s.name in ('forward', 'reverse', 'twice', 'batches') $$,
  $$ select n, 'completed'::text as status, 1 as attempts, null::timestamptz as next_at from unnest(array['forward', 'reverse', 'twice', 'batches']) n $$,
  'an answered call completes its campaign contact after one attempt');
select is((select contact_activity_id from public.call_logs where call_id = 'root-605-forward'),
          (select id from public.contact_activities where dedupe_key = 'voipstudio:call:root-605-forward'),
  'the call log points at its activity');
select results_eq($$ select total_call_attempts, total_calls_connected, total_talk_time_seconds from public.contacts c
                      join scenario s on s.contact = c.id where s.name = 'reverse' $$,
  $$ values (1, 1, 60) $$, 'the contact''s statistics count the call once');

-- ---------------------------------------------------------------------------------------------------
-- unanswered calls fail and are retried after the interval
-- ---------------------------------------------------------------------------------------------------
select results_eq($$ select l.status, a.call_outcome, cc.status, cc.attempts, cc.next_attempt_at = l.started_at + interval '1800 seconds'
                      from scenario s join public.call_logs l on l.id = s.log
                      join public.contact_activities a on a.id = l.contact_activity_id
                      join public.campaign_contacts cc on cc.contact_id = s.contact where s.name = 'missed' $$,
  $$ values ('no-answer'::text, 'no_answer'::text, 'failed'::text, 1, true) $$,
  'a missed call is no-answer; its contact failed once and is due again after the retry interval');
select results_eq($$ select l.status, a.call_outcome, cc.status from scenario s join public.call_logs l on l.id = s.log
                      join public.contact_activities a on a.id = l.contact_activity_id
                      join public.campaign_contacts cc on cc.contact_id = s.contact where s.name = 'busy' $$,
  $$ values ('busy'::text, 'busy'::text, 'failed'::text) $$, 'a busy line is busy, and retried');

-- ---------------------------------------------------------------------------------------------------
-- webhooks faster than VoIPStudio's answer
-- ---------------------------------------------------------------------------------------------------
select is((select count(*)::int from public.call_logs where call_id = 'root-605-early'), 1,
  'events that came before the answer made a call log of their own...');
select dialbridge.voipstudio_call_placed(log, root) from scenario where name = 'early';
select results_eq($$ select l.id = s.log, l.status, cc.status, cc.attempts, l.user_id = tests.user_id('agent@dial605.test')
                      from public.call_logs l join scenario s on s.root = l.call_id
                      join public.campaign_contacts cc on cc.id = l.campaign_contact_id where s.name = 'early' $$,
  $$ values (true, 'completed'::text, 'completed'::text, 1, true) $$,
  '...folded into the platform''s call log once its id is known: one log, with its campaign contact and rep');
select is((select user_id from public.contact_activities where dedupe_key = 'voipstudio:call:root-605-early'),
  tests.user_id('agent@dial605.test'), 'and the activity, projected again, has its rep');

-- ---------------------------------------------------------------------------------------------------
-- the agent
-- ---------------------------------------------------------------------------------------------------
select results_eq($$ select state from public.dialer_agent_states where user_id = tests.user_id('agent@dial605.test') $$,
  $$ values ('wrap_up'::text) $$, 'after the calls the agent is wrapping up');
select tests.authenticate_as('agent@dial605.test');
select results_eq($$ select state from public.set_agent_availability('available', (select campaign_id from public.call_logs where call_id = 'root-605-forward')) $$,
  $$ values ('available'::text) $$, 'then goes available');
reset role;
select tests.voipstudio_leg('call.ended', 'root-605-forward', 'root-605-forward-a', :'t0'::timestamptz + interval '80 seconds', false, '{"state": "HANGUP"}');
select * from dialbridge.process_webhook_events('voipstudio', 500, now());
select results_eq($$ select state from public.dialer_agent_states where user_id = tests.user_id('agent@dial605.test') $$,
  $$ values ('available'::text) $$, 'and a late event of an earlier call does not take that back');
select tests.authenticate_as('agent@dial605.test');
select throws_ok($$ select public.set_agent_availability('on_call') $$, '22023', null,
  'an agent cannot claim to be on a call: only VoIPStudio''s events say so');
reset role;

-- ---------------------------------------------------------------------------------------------------
-- dispositions, through the engine, once
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('agent@dial605.test');
insert into public.call_dispositions (call_id, disposition, notes)
select log, 'do-not-call', 'Asked to be removed' from scenario where name = 'forward';
insert into public.call_dispositions (call_id, disposition, notes)
select log, 'voicemail', 'Left a message' from scenario where name = 'missed';
reset role;
select results_eq($$ select cc.status from public.campaign_contacts cc join scenario s on s.contact = cc.contact_id where s.name = 'forward' $$,
  $$ values ('do-not-call'::text) $$, 'a do-not-call disposition takes the contact out of the campaign at once');
select * from dialbridge.process_webhook_events('voipstudio', 500, now());
select results_eq($$ select c.do_not_call, a.activity_type, a.disposition_code from scenario s join public.contacts c on c.id = s.contact
                      join public.contact_activities a on a.dedupe_key = 'voipstudio:call:' || s.root where s.name = 'forward' $$,
  $$ values (true, 'call_completed'::text, 'DO_NOT_CALL'::text) $$,
  'the engine marks the contact do-not-call, on the call''s one activity');
select is((select count(*)::int from public.suppressions p join scenario s on s.contact = p.contact_id where s.name = 'forward'), 1,
  'with one legal suppression');
select results_eq($$ select a.disposition_code, cc.status, cc.attempts from scenario s
                      join public.contact_activities a on a.dedupe_key = 'voipstudio:call:' || s.root
                      join public.campaign_contacts cc on cc.contact_id = s.contact where s.name = 'missed' $$,
  $$ values ('LEFT_VOICEMAIL'::text, 'failed'::text, 1) $$, 'a voicemail disposition keeps the contact in line for a retry');
create temporary table footprint as
select (select count(*) from public.tasks) as tasks, (select count(*) from public.suppressions) as suppressions,
       (select count(*) from public.contact_activities) as activities,
       (select count(*) from dialbridge.disposition_applications) as applications;
select count(*) from dialbridge.reset_webhook_events_for_replay('voipstudio', p_statuses => array['succeeded']);
select * from dialbridge.process_webhook_events('voipstudio', 500, now());
select results_eq($$ select (select count(*) from public.tasks), (select count(*) from public.suppressions),
                            (select count(*) from public.contact_activities), (select count(*) from dialbridge.disposition_applications) $$,
  $$ select tasks, suppressions, activities, applications from footprint $$,
  'replaying every VoIPStudio event changes nothing: no second task, suppression, activity or application');
select is((select count(*)::int from public.call_logs where call_id like 'root-605-%'), 7, 'nor a second call log');

select * from finish();
rollback;
