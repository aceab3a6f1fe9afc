-- Retention of the webhook logs: the payload of an event processed more than the retention ago (90 days by
-- default, a setting) is emptied, with when; failed and pending events keep theirs; the log row, its outcome
-- and links and the call record stay; a pruned event is never replayed. The log row of an event whose
-- processing created a task names that task. And a push run's request id tells another user only that it
-- is taken. One clock: now().
begin;
select plan(11);

select tests.create_user('rita@prune266.test', 'Prune 266');
update public.profiles set phoneburner_user_id = 'pb_266' where id = tests.user_id('rita@prune266.test');
insert into public.contacts (id, team_id, first_name, last_name, phoneburner_contact_id)
values ('26600000-0000-0000-0000-0000000000c1', tests.team_id('Prune 266'), 'Pat', 'Pruned', 'pbc_266');

-- a call with a callback (its task) and a disposition
select dialbridge.receive_phoneburner_event(t, p, null, 100, 'hmac', null, null, null)
  from (values
    ('call.started', jsonb_build_object('event_id', 'p266_start', 'timestamp', now() - interval '2 hours',
       'call', jsonb_build_object('id', 'c266'), 'contact', jsonb_build_object('id', 'pbc_266'), 'user', jsonb_build_object('id', 'pb_266'))),
    ('callback.scheduled', jsonb_build_object('event_id', 'p266_cb', 'timestamp', now() - interval '110 minutes', 'call_id', 'c266',
       'contact_id', 'pbc_266', 'callback', jsonb_build_object('scheduled_for', date_trunc('hour', now()) + interval '1 day')))
  ) as e(t, p);
select is((dialbridge.process_phoneburner_webhooks(50)).succeeded, 2, 'the events are processed');
select results_eq(
  $$select l.event_id, l.task_id = t.id from public.phoneburner_webhooks_log l
      join public.tasks t on t.source = 'callback' and t.contact_id = '26600000-0000-0000-0000-0000000000c1'
     where l.event_id like 'p266_%' and l.task_id is not null$$,
  $$values ('p266_cb'::text, true)$$,
  'the log row of the event that created the callback task names it');

-- a failed event, and time passes (the events are made older than the retention)
insert into public.phoneburner_webhooks_log (event_id, event_type, payload, processing_status, processing_error, received_at)
values ('p266_failed', 'call.ended', '{"call_id": "c266x"}', 'failed', 'bad', now() - interval '200 days');
update public.phoneburner_webhooks_log set received_at = now() - interval '100 days' where event_id like 'p266_%' and event_id <> 'p266_failed';

select results_eq($$select inbox, pruned from dialbridge.prune_webhook_payloads(now(), interval '90 days') where inbox like 'public%'$$,
  $$values ('public.phoneburner_webhooks_log'::text, 2)$$, 'the two processed payloads older than 90 days are pruned');
select results_eq(
  $$select event_id, payload, payload_pruned_at = now(), processing_status, contact_activity_id is not null
      from public.phoneburner_webhooks_log where event_id in ('p266_start', 'p266_cb') order by event_id$$,
  $$values ('p266_cb'::text, '{}'::jsonb, true, 'success'::text, true), ('p266_start', '{}'::jsonb, true, 'success', true)$$,
  'their bodies are gone; the rows, outcomes and links stay');
select is((select payload ->> 'call_id' from public.phoneburner_webhooks_log where event_id = 'p266_failed'), 'c266x',
  'a failed event keeps its body until it is resolved');
select results_eq($$select activity_type, callback_scheduled_date is not null from public.contact_activities where phoneburner_call_id = 'c266'$$,
  $$values ('call_attempt'::text, true)$$, 'the call record itself is never pruned');
select is((select count(*)::int from dialbridge.phoneburner_call_events where call_key = 'phoneburner:call:c266'), 2,
  'nor are the call''s normalised facts');
select is_empty($$select * from dialbridge.reset_phoneburner_webhooks_for_replay(null, null, null) r
                   join public.phoneburner_webhooks_log l on l.id = r where l.event_id in ('p266_start', 'p266_cb')$$,
  'a pruned event is never replayed');
select is((select count(*)::int from dialbridge.prune_webhook_payloads(now(), interval '90 days') where pruned > 0), 0,
  'pruning again finds nothing');
select set_config('dialbridge.webhook_payload_retention', '1 year', true);
select is(dialbridge.webhook_payload_retention(), interval '1 year', 'the retention is a setting');

-- a push run's request id, seen by another user
insert into public.phoneburner_push_runs (request_id, team_id, user_id, target_user_id, session_name, status, stage, total_contacts, contacts_ready, contacts_excluded)
values ('req-266', tests.team_id('Prune 266'), tests.user_id('rita@prune266.test'), tests.user_id('rita@prune266.test'), 'S', 'nothing_to_push', 'done', 0, 0, 0);
select tests.create_user('other@prune266.test', 'Prune 266 others');
select tests.authenticate_as('other@prune266.test');
select results_eq($$select user_id from dialbridge.push_run_owner('req-266')$$, $$values (null::uuid)$$,
  'another user learns that the request id is taken, not whose it is');
select tests.clear_authentication();

select * from finish();
rollback;
