-- The provider registry and the shared pipeline, in SQL: a registration names functions that must exist
-- with the signatures the pipeline calls; an unknown provider is refused by every entry point; a provider
-- on the generic path stores once per identity, is claimed, projected and retried by the shared processor,
-- shows in the all-provider views, and an adapter that forgets an event can never lose it. The test's
-- clock: one now(), every time relative to it.
begin;
select plan(19);
set local client_min_messages = error;

select tests.create_user('rep@provider235.test', 'Provider 235 team');
insert into public.contacts (id, sourceco_contact_id, team_id, first_name)
values ('23500000-0000-0000-0000-0000000000c1', 'sc_235', tests.team_id('Provider 235 team'), 'Ada');

-- a tiny adapter: identity from "id", refs from "call", every event a call
create schema t235;
create function t235.identity(t text, p jsonb, h text) returns text language sql immutable as $$ select p ->> 'id' $$;
create function t235.refs(t text, p jsonb) returns table (call_id text, contact_id text, sourceco_contact_id text, user_id text, session_id text, event_at timestamptz)
language sql stable as $$ select p ->> 'call', null::text, p ->> 'contact', null::text, null::text, (p ->> 'at')::timestamptz $$;
create function t235.normalize(e dialbridge.webhook_events) returns dialbridge.call_events language plpgsql stable as $$
declare r dialbridge.call_events;
begin
  r.kind := 'call'; r.call_id := e.payload ->> 'call'; r.sourceco_contact_id := e.payload ->> 'contact';
  r.event_at := (e.payload ->> 'at')::timestamptz;
  r.started_at := (e.payload ->> 'started')::timestamptz; r.ended_at := (e.payload ->> 'ended')::timestamptz;
  r.outcome := e.payload ->> 'outcome';
  return r;
end $$;
-- an adapter whose batch stage says nothing about the events it is given
create function t235.forgetful(p_provider text, p_ids bigint[], as_of timestamptz)
returns table (log_id bigint, status text, error text, code text, ms numeric, contact_activity_id uuid)
language sql as $$ select null::bigint, null::text, null::text, null::text, null::numeric, null::uuid where false $$;

-- ---------------------------------------------------------------------------------------------------
-- registering
-- ---------------------------------------------------------------------------------------------------
select throws_ok($$ select dialbridge.register_webhook_provider('t235', 'test', 't235.identity', 't235.refs', 't235.no_such_normalize') $$,
  'DB022', 'normalize function t235.no_such_normalize(dialbridge.webhook_events) does not exist',
  'a registration naming a function that does not exist is refused');
select throws_ok($$ select dialbridge.register_webhook_provider('t235', 'test', 't235.refs', 't235.refs', 't235.normalize') $$,
  'DB022', 'identity function t235.refs(text, jsonb, text) does not exist',
  'so is one naming a function with the wrong signature');
select is((select (dialbridge.register_webhook_provider('t235', 'test dialer', 't235.identity', 't235.refs', 't235.normalize',
             p_event_types => array['call.done'])).job_key),
  'webhook_events__process:t235', 'a generic provider gets its own coalesced job');
select is((select count(*)::int from dialbridge.source_systems where source_system = 't235'), 1,
  'and becomes a source system contact_activities accepts');
select lives_ok($$ select dialbridge.register_webhook_provider('t235', 'test dialer', 't235.identity', 't235.refs', 't235.normalize',
             p_event_types => array['call.done']) $$, 'registering again changes nothing and raises nothing');

-- ---------------------------------------------------------------------------------------------------
-- an unknown provider
-- ---------------------------------------------------------------------------------------------------
select throws_ok($$ select * from dialbridge.receive_webhook_event('nobody', 'call.done', '{"id": "x"}', null, 10, 'hmac', null, null, null) $$,
  'DB022', 'unknown webhook provider "nobody"', 'the receive refuses an unknown provider (the webhook answers 503: nothing is lost)');
select throws_ok($$ select * from dialbridge.process_webhook_events('nobody') $$, 'DB022', 'unknown webhook provider "nobody"',
  'so does the processor');
select throws_ok($$ select * from dialbridge.reset_webhook_events_for_replay('nobody') $$, 'DB022', 'unknown webhook provider "nobody"',
  'and the replay');

-- ---------------------------------------------------------------------------------------------------
-- receiving and processing
-- ---------------------------------------------------------------------------------------------------
create temporary table t235_events as
select now() - interval '2 hours' as t0;
select is((select r.status from t235_events, lateral dialbridge.receive_webhook_event('t235', 'call.done',
             jsonb_build_object('id', 'e235-1', 'call', 'c235', 'contact', 'sc_235', 'at', t0 + interval '3 minutes',
                                'started', t0, 'ended', t0 + interval '3 minutes', 'outcome', 'connected'),
             null, 100, 'header_token', null, '192.0.2.1', 'test') r),
  'accepted', 'an event is stored');
select is((select status from dialbridge.receive_webhook_event('t235', 'call.done',
             jsonb_build_object('id', 'e235-1', 'call', 'c235'), null, 40, 'header_token', null, null, null)),
  'duplicate', 'a second delivery of the same identity is a duplicate');
select results_eq($$ select provider, provider_call_id, sourceco_contact_id, auth_method, signature_valid
                      from dialbridge.webhook_events where provider = 't235' $$,
  $$ values ('t235'::text, 'c235'::text, 'sc_235'::text, 'header_token'::text, null::boolean) $$,
  'stored once, with the references its adapter read');
select is((select count(*)::int from graphile_worker.jobs where key = 'webhook_events__process:t235'), 1,
  'and its provider''s processing job is queued');

select results_eq($$ select claimed, succeeded from dialbridge.process_webhook_events('t235') $$, $$ values (1, 1) $$,
  'the shared processor claims and projects it');
select results_eq($$ select source_system, contact_id, call_outcome, call_duration_seconds
                      from public.contact_activities where dedupe_key = 't235:call:c235' $$,
  $$ values ('t235'::text, '23500000-0000-0000-0000-0000000000c1'::uuid, 'connected'::text, 180) $$,
  'into one activity of its contact, in its source system');
select is((select contact_activity_id from dialbridge.webhook_events where event_id = 'e235-1'),
  (select id from public.contact_activities where dedupe_key = 't235:call:c235'), 'the event points at its activity');
select is((select total_call_attempts from public.contacts where id = '23500000-0000-0000-0000-0000000000c1'), 1,
  'the contact''s statistics count the call');
select results_eq($$ select provider, processing_status from dialbridge.webhook_inbox where provider = 't235' $$,
  $$ values ('t235'::text, 'success'::text) $$, 'every provider''s events show in dialbridge.webhook_inbox');

-- an adapter that forgets an event: the event is retried, never lost
update dialbridge.webhook_providers set process_fn = 't235.forgetful' where provider = 't235';
select dialbridge.receive_webhook_event('t235', 'call.done', '{"id": "e235-2", "call": "c235b"}', null, 40, 'header_token', null, null, null);
select results_eq($$ select claimed, succeeded, retrying from dialbridge.process_webhook_events('t235') $$, $$ values (1, 0, 1) $$,
  'an event the adapter said nothing about is retried');
select results_eq($$ select state, error_code from dialbridge.webhook_failures where provider = 't235' and event_id = 'e235-2' $$,
  $$ values ('retrying'::text, 'DB066'::text) $$, 'and shows as retrying with DB066');

select * from finish();
rollback;
