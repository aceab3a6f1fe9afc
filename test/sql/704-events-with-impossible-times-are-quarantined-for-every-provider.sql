-- A call dated in year 9999 or 0001 is not a fact: every provider's processing checks the times of each
-- event (dialbridge.check_plausible_times) and quarantines one whose call times fall before 2000 or after
-- tomorrow, or whose callback lies more than two years ahead — the event stays stored, fails at once with
-- DB068 and its reason, never reaches activities or statistics, and once corrected is replayed like any
-- other. Plausible times, and a callback a year ahead, pass. The clock: every time relative to now().
begin;
select plan(10);
set local client_min_messages = error;

select tests.create_user('ann@q704.test', 'Q 704') as ann \gset
insert into public.voice_agents (user_id, bolna_agent_id) values (:'ann', 'agent-704');
create function pg_temp.pb(p_id text, p_at text, p_extra jsonb default '{}') returns text language sql as $$
  select r.status from dialbridge.receive_phoneburner_event('call.ended',
    jsonb_build_object('event', 'call.ended', 'event_id', p_id, 'timestamp', p_at, 'call_id', 'call-' || p_id,
                       'call_summary', jsonb_build_object('ended_at', p_at, 'total_duration_seconds', 60, 'talk_duration_seconds', 50,
                                                          'outcome', 'completed')) || p_extra,
    null, 200, 'url_token', null, null, 'test') r
$$;
select pg_temp.pb('q704-9999', '9999-12-31T10:00:00Z');
select pg_temp.pb('q704-0001', '0001-01-01T10:00:00Z');
select pg_temp.pb('q704-ok', to_char((now() - interval '1 hour') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'));
select count(*) from dialbridge.process_webhook_events('phoneburner', 500, now());

select set_eq($$ select event_id, processing_status, processing_error_code from public.phoneburner_webhooks_log where event_id like 'q704-%' $$,
  $$ values ('q704-9999', 'failed', 'DB068'), ('q704-0001', 'failed', 'DB068'), ('q704-ok', 'success', null) $$,
  'PhoneBurner events dated 9999 and 0001 are quarantined; a call of an hour ago is processed');
select alike((select processing_error from public.phoneburner_webhooks_log where event_id = 'q704-9999'), 'quarantined: the call''s event time 9999-12-31%',
  'the reason says which time and what to do');
select is((select count(*)::int from public.contact_activities where phoneburner_call_id in ('call-q704-9999', 'call-q704-0001')), 0,
  'they reach no activity (and so no statistics)');
select is((select count(*)::int from public.contact_activities where phoneburner_call_id = 'call-q704-ok'), 1, 'the plausible one does');
select is((select count(*)::int from dialbridge.webhook_failures where provider = 'phoneburner' and event_id like 'q704-%'), 2,
  'both are listed among the failures');

-- corrected at the source (here: the stored payload), a quarantined event is replayed like any other
update public.phoneburner_webhooks_log
   set payload = jsonb_set(jsonb_set(payload, '{timestamp}', to_jsonb(to_char((now() - interval '2 hours') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))),
                           '{call_summary,ended_at}', to_jsonb(to_char((now() - interval '2 hours') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')))
 where event_id = 'q704-9999';
select count(*) from dialbridge.reset_webhook_events_for_replay('phoneburner');
select count(*) from dialbridge.process_webhook_events('phoneburner', 500, now());
select results_eq($$ select processing_status from public.phoneburner_webhooks_log where event_id = 'q704-9999' $$, $$ values ('success'::text) $$,
  'once corrected and replayed, it is processed');

-- the shared pipeline: a Bolna call dated 9999, and callbacks
select count(tests.bolna_post(q.payload || jsonb_build_object('updated_at', '9999-01-01T00:00:00Z')))
  from tests.bolna_sequence('x704-far', 'agent-704', '+14155557040', 'no-answer', now() - interval '1 hour') q;
select count(tests.bolna_post(q.payload)) from tests.bolna_sequence('x704-ok', 'agent-704', '+14155557041', 'no-answer', now() - interval '1 hour') q;
select count(*) from dialbridge.process_webhook_events('bolna', 500, now());
select results_eq($$ select count(*) filter (where processing_error_code = 'DB068')::int, count(*) filter (where processing_status = 'success')::int
                       from dialbridge.webhook_events where provider = 'bolna' and provider_call_id in ('x704-far', 'x704-ok') $$,
  $$ values (3, 3) $$, 'every provider: a Bolna call dated 9999 is quarantined, one of an hour ago is processed');
select is((select count(*)::int from public.calls where bolna_execution_id = 'x704-ok'), 1, 'and becomes its call');
select lives_ok($$ select dialbridge.check_plausible_times(now(), now(), now(), now(), now(), now() + interval '1 year') $$,
  'a callback a year ahead is plausible');
select throws_ok($$ select dialbridge.check_plausible_times(now(), now(), now(), now(), now(), now() + interval '5 years') $$, 'DB068', null,
  'five years ahead is not');

select * from finish();
rollback;
