-- Predictive mode's data side: an abandoned call (a person answered, no rep within 2 s) is recorded with its
-- timings and the safe-harbor message, counts against the campaign's 30-day window, and keeps the contact
-- out of predictive campaigns for the cooldown (not out of others); the pacer's statistics (the dialer's
-- call roll-up) follow every change of the call logs and equal a recompute. The clock: t0 = now() - 2 hours, every time relative to it;
-- the queue is asked at explicit moments (as_of) at noon New York time of now()'s day there.
begin;
select plan(14);
set local client_min_messages = error;

select now() - interval '2 hours' as t0 \gset
select (date_trunc('day', now() at time zone 'America/New_York') + interval '12 hours') at time zone 'America/New_York' as noon \gset
select tests.create_user('owner@dial607.test', 'Dial 607') \gset
select tests.push_contact('Dial 607', 'Ann', 'Abandoned', '+12125556071') as ann \gset
select tests.push_contact('Dial 607', 'Bob', 'Answered', '+12125556072') as bob \gset
select tests.push_contact('Dial 607', 'Cy', 'Machine', '+12125556073') as cy \gset
insert into public.voicemail_drops (id, team_id, name, audio_url)
values ('60700000-0000-0000-0000-0000000000d1', tests.team_id('Dial 607'), 'Safe harbor', 'https://audio.example.test/safe-harbor.mp3');
select tests.dialer_campaign('owner@dial607.test', 'Predictive', array[:'ann', :'bob', :'cy']::uuid[], '{"type": "predictive"}') as pred \gset
select tests.dialer_campaign('owner@dial607.test', 'Power', array[:'ann']::uuid[], '{"type": "power"}') as pow \gset
update public.dialer_campaigns set safe_harbor_drop_id = '60700000-0000-0000-0000-0000000000d1', abandon_cooldown_seconds = 86400 where id = :'pred';

-- three calls of the predictive campaign: answered and talked, answered by a machine, answered and abandoned
insert into public.call_logs (id, user_id, team_id, call_id, to_number, status, campaign_id, campaign_contact_id, contact_id,
                              started_at, answered_at, ended_at, duration, answered_by)
values ('60700000-0000-0000-0000-00000000ca01', tests.user_id('owner@dial607.test'), tests.team_id('Dial 607'), 'vs-607-1', '+12125556072', 'completed',
        :'pred', tests.campaign_contact(:'pred', :'bob'), :'bob', :'t0', :'t0'::timestamptz + interval '10 seconds', :'t0'::timestamptz + interval '130 seconds', 120, 'human'),
       ('60700000-0000-0000-0000-00000000ca02', tests.user_id('owner@dial607.test'), tests.team_id('Dial 607'), 'vs-607-2', '+12125556073', 'completed',
        :'pred', tests.campaign_contact(:'pred', :'cy'), :'cy', :'t0', :'t0'::timestamptz + interval '8 seconds', :'t0'::timestamptz + interval '12 seconds', 4, 'machine'),
       ('60700000-0000-0000-0000-00000000ca03', null, tests.team_id('Dial 607'), 'vs-607-3', '+12125556071', 'answered',
        :'pred', tests.campaign_contact(:'pred', :'ann'), :'ann', :'t0', null, null, null, null);

select throws_ok(format($$ select dialbridge.record_abandoned_call('60700000-0000-0000-0000-00000000ca03', %L, %L) $$,
  :'t0'::timestamptz + interval '14 seconds', :'t0'::timestamptz + interval '12 seconds'), '22023', null,
  'a call cannot be abandoned before it is answered');
select lives_ok(format($$ select dialbridge.record_abandoned_call('60700000-0000-0000-0000-00000000ca03', %L, %L) $$,
  :'t0'::timestamptz + interval '14 seconds', :'t0'::timestamptz + interval '16 seconds'), 'an abandoned call is recorded');
select lives_ok(format($$ select dialbridge.record_abandoned_call('60700000-0000-0000-0000-00000000ca03', %L, %L) $$,
  :'t0'::timestamptz + interval '14 seconds', :'t0'::timestamptz + interval '16 seconds'), 'recording it again changes nothing');
select results_eq($$ select abandoned, answered_by, status, abandoned_at - answered_at, safe_harbor_drop_id from public.call_logs where call_id = 'vs-607-3' $$,
  $$ values (true, 'human'::text, 'completed'::text, interval '2 seconds', '60700000-0000-0000-0000-0000000000d1'::uuid) $$,
  'with its timings and the campaign''s safe-harbor message');
select is((select usage_count from public.voicemail_drops where id = '60700000-0000-0000-0000-0000000000d1'), 1,
  'the safe-harbor message counts as played once');

-- the pacer's statistics
select results_eq(format($$ select (sum(calls) filter (where status <> 'canceled'))::bigint, sum(answered - machine_answers)::bigint,
                                   sum(machine_answers)::bigint, sum(abandoned)::bigint, sum(ring_seconds)::bigint, sum(talk_seconds)::bigint,
                                   sum(connected)::bigint
                              from dialbridge.dialer_call_stats where campaign_id = %L group by (hour at time zone 'UTC')::date $$, :'pred'),
  $$ values (3::bigint, 2::bigint, 1::bigint, 1::bigint, 24::bigint, 120::bigint, 1::bigint) $$,
  'per day: 3 dialled, 2 live answers (one abandoned), 1 machine, ring and talk seconds of the live ones');
select results_eq(format($$ select (s ->> 'dialled')::int, (s ->> 'liveAnswers')::int, (s ->> 'machineAnswers')::int, (s ->> 'ringMean')::numeric,
                                   (s ->> 'talkMean')::numeric, (s ->> 'windowLiveAnswers')::int, (s ->> 'windowAbandoned')::int
                              from dialbridge.pacing_stats(%L, now()) s $$, :'pred'),
  $$ values (3, 2, 1, 12::numeric, 120::numeric, 2, 1) $$, 'pacing_stats gives the pacer its measurements and the 30-day window');
select results_eq(format($$ select abandoned_calls::int, abandonment_pct, at_cap from reports.dialer_abandonment_30d where campaign_id = %L $$, :'pred'),
  $$ values (1, 50.00::numeric, true) $$, 'the report shows the campaign over the cap');
select is((select (dialbridge.pacing_stats(:'pred', now() + interval '31 days') ->> 'windowAbandoned')::int), 0,
  'a month later the abandoned call has left the window');
update public.call_logs set answered_by = 'machine', answered_at = started_at + interval '6 seconds', duration = 3 where call_id = 'vs-607-1';
delete from public.call_logs where call_id = 'vs-607-2';
select is(dialbridge.recompute_dialer_call_stats(), 0, 'after changes and deletions the statistics still equal a recompute');
update dialbridge.dialer_call_stats set calls = calls + 5 where campaign_id = :'pred';
select cmp_ok(dialbridge.recompute_dialer_call_stats(), '>', 0, 'a tampered row is found...');
select is(dialbridge.recompute_dialer_call_stats(), 0, '...and rebuilt');

-- the cooldown: not by a predictive campaign, yes by another; after the cooldown, again
update public.campaign_contacts set status = 'pending', attempts = 0, reserved_by = null, reserved_at = null, reserved_until = null,
       reserved_from_status = null, reserved_for_call_id = null, created_at = :'t0'::timestamptz - interval '1 day'
 where campaign_id in (:'pred', :'pow');
delete from public.call_logs where call_id = 'vs-607-1';
select tests.authenticate_as('owner@dial607.test');
select is((select count(*)::int from (
             select contact_id from public.next_contact_to_dial(:'pred', null, :'noon') union all
             select contact_id from public.next_contact_to_dial(:'pred', null, :'noon') union all
             select contact_id from public.next_contact_to_dial(:'pred', null, :'noon')) x where x.contact_id = :'ann'), 0,
  'a predictive campaign passes over the contact whose call was abandoned (within its cooldown)');
select results_eq(format($$ select contact_id from public.next_contact_to_dial(%L, null, %L::timestamptz) $$, :'pow', :'noon'),
  format($$ values (%L::uuid) $$, :'ann'), 'a power campaign may still call them');

select * from finish();
rollback;
