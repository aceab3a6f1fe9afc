-- A body-only signature (the seed's HMAC of the body) says nothing about when a delivery was made, so a
-- captured one could be replayed forever. An event so signed is refused (DB067) when its own time is older
-- than dialbridge.webhook_max_event_age (3 days by default: the longest retry schedule a sender uses) or
-- ahead of now by more than dialbridge.webhook_max_event_skew (5 minutes); nothing is stored. Unsigned
-- callbacks (URL token), already-stored events replayed by npm run replay, and other providers' events are
-- not concerned. The test database opens the window for the dated seed fixtures; this file narrows it to the
-- production defaults. The clock: every event time relative to now().
begin;
select plan(9);
set local client_min_messages = error;
set local dialbridge.webhook_max_event_age = '';
set local dialbridge.webhook_max_event_skew = '';

create function pg_temp.started(p_id text, p_at timestamptz, p_auth text default 'hmac') returns text language sql as $$
  select r.status from dialbridge.receive_phoneburner_event('call.started',
    jsonb_build_object('event', 'call.started', 'event_id', p_id, 'timestamp', to_char(p_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                       'call', jsonb_build_object('id', 'call-' || p_id)),
    null, 200, p_auth, 'sha256=test', null, 'test') r
$$;

select is(pg_temp.started('rw225-now', now() - interval '2 hours'), 'accepted', 'an event of two hours ago is accepted');
select is(pg_temp.started('rw225-2d', now() - interval '71 hours'), 'accepted', 'one of almost three days ago too (a sender''s late retry)');
select throws_ok($$ select pg_temp.started('rw225-30d', now() - interval '30 days') $$, 'DB067', null,
  'a signed event of a month ago is refused');
select throws_ok($$ select pg_temp.started('rw225-future', now() + interval '1 day') $$, 'DB067', null,
  'and one dated a day ahead');
select is(pg_temp.started('rw225-skew', now() + interval '2 minutes'), 'accepted', 'a sender''s clock a little ahead is fine');
select is((select count(*)::int from public.phoneburner_webhooks_log where event_id in ('rw225-30d', 'rw225-future')), 0, 'nothing refused is stored');
select is(pg_temp.started('rw225-token', now() - interval '30 days', 'url_token'), 'accepted',
  'an unsigned callback (URL token) carries no signature to replay and is not concerned');
set local dialbridge.webhook_max_event_age = '60 days';
select is(pg_temp.started('rw225-60d', now() - interval '30 days'), 'accepted', 'the window is a setting (alter database … set dialbridge.webhook_max_event_age)');
select is((select count(*)::int from dialbridge.reset_webhook_events_for_replay('phoneburner', p_statuses => array['pending'])), 5,
  'stored events stay replayable whatever their age');

select * from finish();
rollback;
