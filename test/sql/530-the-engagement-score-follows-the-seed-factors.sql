-- calculate_contact_engagement_score (seed 000, corrected): base 50; connection rate ÷ 5 (0–20); average
-- talk time of connected calls > 1/2/3 min +5/+10/+15; the mapping deltas of the contact's dispositions
-- (bounded to ±50); days since the last engaged call > 30/90/180 −5/−10/−20; clamped to 0–100. It handles a
-- contact with no calls, counts only calls up to as_of, explains itself, follows every call, and places
-- the best time to call from the contact's own connections or, without any, from its segment's.
begin;
select plan(21);

select tests.create_user('rep@score.test', 'Score Team', 'rep');
create temporary table c (name text primary key, id uuid);
insert into c values
  ('nora', tests.report_contact('Score Team', 'Nora')),
  ('sam', tests.report_contact('Score Team', 'Sam')),
  ('rita', tests.report_contact('Score Team', 'Rita')),
  ('neil', tests.report_contact('Score Team', 'Neil')),
  ('tina', tests.report_contact('Score Team', 'Tina', 'buyer', 'Software', 'IL', null, 'America/Chicago')),
  ('uma', tests.report_contact('Score Team', 'Uma', 'seller', 'Healthcare', 'NY', null, 'America/New_York'));
create function pg_temp.cid(p_name text) returns uuid language sql stable as $$ select id from c where name = p_name $$;

-- Sam: four calls before now, one after
select tests.report_call(pg_temp.cid('sam'), 'rep@score.test', now() - interval '60 days', 'connected', 200, 'INTERESTED');
select tests.report_call(pg_temp.cid('sam'), 'rep@score.test', now() - interval '50 days', 'no_answer');
select tests.report_call(pg_temp.cid('sam'), 'rep@score.test', now() - interval '45 days', 'connected', 100, 'NOT_INTERESTED');
select tests.report_call(pg_temp.cid('sam'), 'rep@score.test', now() - interval '40 days', 'voicemail', null, 'LEFT_VOICEMAIL');
select tests.report_call(pg_temp.cid('sam'), 'rep@score.test', now() + interval '10 days', 'connected', 600, 'MEETING_SET');
-- Rita: one engaged call
select tests.report_call(pg_temp.cid('rita'), 'rep@score.test', now() - interval '10 seconds', 'connected', 150, 'INTERESTED');
-- Neil: an old engaged call, then four refusals without a conversation
select tests.report_call(pg_temp.cid('neil'), 'rep@score.test', now() - interval '200 days', 'connected', 150, 'INTERESTED');
select tests.report_call(pg_temp.cid('neil'), 'rep@score.test', now() - interval '100 days' + g * interval '1 day', 'no_answer', null, 'NOT_INTERESTED')
  from generate_series(1, 4) g;

-- Recomputed after each call: the calls mark the contact and queue the rescoring job, which scores it
select ok(exists (select 1 from dialbridge.contacts_to_score where contact_id = pg_temp.cid('sam'))
          and exists (select 1 from graphile_worker.jobs where task_identifier = 'contacts__score' and key = 'contacts__score:marked'),
  'recording calls marks the contact for rescoring and queues the rescoring job');
select is(dialbridge.score_marked_contacts(), 3, 'the rescoring job scores the three contacts called (Sam, Rita, Neil)');
select results_eq(
  $$ select call_engagement_score, days_since_last_engaged_call from public.contacts where id = pg_temp.cid('sam') $$,
  $$ values (70, 59) $$,
  'the contact was scored after its calls were recorded (as of now: the future call does not count)');

-- A contact without calls
select is(public.calculate_contact_engagement_score(pg_temp.cid('nora'), now()), 50,
  'a contact never called scores the neutral 50 (the seed returned NULL)');
select results_eq(
  $$ select (b #>> '{connection_rate,calls}')::int, b #>> '{connection_rate,rate_pct}', (b #>> '{connection_rate,points}')::int,
            (b #>> '{talk_time,points}')::int, b -> 'dispositions' -> 'items', (b #>> '{recency,points}')::int,
            b #>> '{recency,days_since_last_engaged_call}'
       from (select dialbridge.engagement_score_breakdown(pg_temp.cid('nora'), now()) as b) x $$,
  $$ values (0, null::text, 0, 0, '[]'::jsonb, 0, null::text) $$,
  'its explanation says: no calls, no rate, no points');

-- The seed's factors
select is(public.calculate_contact_engagement_score(pg_temp.cid('sam'), now()), 70,
  '50 + 10 (2 of 4 calls connected) + 10 (2:30 average talk) + 5 (deltas 25 − 25 + 5) − 5 (59 days since engaged) = 70');
select results_eq(
  $$ select (b #>> '{connection_rate,rate_pct}')::numeric, (b #>> '{connection_rate,points}')::int,
            (b #>> '{talk_time,average_seconds}')::numeric, (b #>> '{talk_time,points}')::int,
            (b #>> '{dispositions,sum_of_deltas}')::int, (b #>> '{dispositions,points}')::int,
            (b #>> '{recency,days_since_last_engaged_call}')::int, (b #>> '{recency,points}')::int, (b ->> 'raw_score')::int
       from dialbridge.contact_scores s cross join lateral (select s.breakdown as b) x where s.contact_id = pg_temp.cid('sam') $$,
  $$ values (50.00, 10, 150.0, 10, 5, 5, 59, -5, 70) $$,
  'the stored explanation gives every factor and its points');
select is(
  (select breakdown -> 'dispositions' -> 'items' from dialbridge.contact_scores where contact_id = pg_temp.cid('sam')),
  '[{"code": "INTERESTED", "calls": 1, "delta": 25, "points": 25},
    {"code": "LEFT_VOICEMAIL", "calls": 1, "delta": 5, "points": 5},
    {"code": "NOT_INTERESTED", "calls": 1, "delta": -25, "points": -25}]'::jsonb,
  'each disposition is listed with the mapping delta it contributed');
select is(public.calculate_contact_engagement_score(pg_temp.cid('sam'), now() + interval '20 days'), 100,
  'as of a later time the later meeting counts too, and the score is clamped to 100');
select results_eq(
  $$ select (b ->> 'raw_score')::int, (b #>> '{dispositions,sum_of_deltas}')::int, (b #>> '{dispositions,points}')::int
       from (select dialbridge.engagement_score_breakdown(pg_temp.cid('sam'), now() + interval '20 days') as b) x $$,
  $$ values (127, 55, 50) $$,
  'the disposition factor is bounded to +50 (deltas summed to 55) and the raw score shows what was clamped');
select is(public.calculate_contact_engagement_score(pg_temp.cid('neil'), now()), 0,
  'a contact who refused four times scores 0, clamped (raw 50 + 4 + 10 − 50 − 20 = −6)');
select results_eq(
  $$ select (dialbridge.engagement_score_breakdown(pg_temp.cid('rita'), now() + d * interval '1 day') #>> '{recency,points}')::int
       from unnest(array[20, 31, 91, 181]) d $$,
  $$ values (0), (-5), (-10), (-20) $$,
  'recency: nothing within 30 days, then −5, −10, −20 past 30, 90, 180 days without an engaged call');
select throws_ok($$ select public.calculate_contact_engagement_score(gen_random_uuid()) $$, 'DB053', null,
  'an unknown contact is an error, not a silent 50');

-- … and from the mappings' deltas
select tests.report_call(pg_temp.cid('sam'), 'rep@score.test', now() - interval '1 hour', 'connected', 240, 'HOT_LEAD');
select dialbridge.score_marked_contacts();
select results_eq(
  $$ select call_engagement_score, days_since_last_engaged_call from public.contacts where id = pg_temp.cid('sam') $$,
  $$ values (100, 0) $$,
  'a new engaged call rescored the contact (raw 50 + 12 + 10 + 45 = 117, clamped; engaged today)');
update public.disposition_mappings set engagement_score_delta = -40 where phoneburner_disposition_code = 'HOT_LEAD';
select is(public.calculate_contact_engagement_score(pg_temp.cid('sam'), now()), 37,
  'a mapping''s delta edited by an admin is what the next computation uses (deltas now 25 − 25 + 5 − 40)');
select ok(exists (select 1 from graphile_worker.jobs where task_identifier = 'contacts__score' and key = 'contacts__score:all'),
  'editing a mapping queues one rescoring of every contact');
select is((select score from dialbridge.contact_scores where contact_id = pg_temp.cid('sam')),
          (select call_engagement_score from public.contacts where id = pg_temp.cid('sam')),
  'the stored explanation and the contact''s score agree');

-- Best time to call: Tina's calls, in her zone, in the weeks before now() (the Monday three weeks back)
select (pg_catalog.date_trunc('week', now() at time zone 'America/Chicago') - interval '3 weeks')::timestamp as tina_monday \gset
select tests.report_call(pg_temp.cid('tina'), 'rep@score.test', (:'tina_monday'::timestamp + interval '1 day 10:15') at time zone 'America/Chicago', 'connected', 90);
select tests.report_call(pg_temp.cid('tina'), 'rep@score.test', (:'tina_monday'::timestamp + interval '8 days 10:40') at time zone 'America/Chicago', 'connected', 90);
select tests.report_call(pg_temp.cid('tina'), 'rep@score.test', (:'tina_monday'::timestamp + interval '3 days 15:00') at time zone 'America/Chicago', 'connected', 90);
select tests.report_call(pg_temp.cid('tina'), 'rep@score.test', (:'tina_monday'::timestamp + interval '09:00') at time zone 'America/Chicago', 'no_answer');
select dialbridge.score_marked_contacts();
select results_eq(
  $$ select best_call_day_of_week, best_call_time_of_day from public.contacts where id = pg_temp.cid('tina') $$,
  $$ values (2, '10:00'::time) $$,
  'the best time comes from the contact''s own connections, in its time zone: Tuesdays at 10');
select is(dialbridge.best_call_time(pg_temp.cid('tina')) ->> 'source', 'contact', 'and says so');

-- Uma was never reached: her segment (sellers in healthcare) connects on Wednesdays at 14:00 (local),
-- over the 25 weeks that ended four weeks ago
create temporary table base as
select (pg_catalog.date_trunc('week', now() at time zone 'America/New_York') - interval '29 weeks')::timestamp as monday;
select tests.report_call(x.id, 'rep@score.test',
         ((select monday from base) + interval '2 days 14 hours 10 minutes' + g * interval '7 days') at time zone 'America/New_York',
         case when g % 5 < 2 then 'connected' else 'no_answer' end, case when g % 5 < 2 then 60 end)
  from generate_series(0, 24) g
 cross join lateral (select tests.report_contact('Score Team', 'Peer' || g, 'seller', 'Healthcare', 'NY', null, 'America/New_York') as id) x;
select tests.report_call(x.id, 'rep@score.test',
         ((select monday from base) + interval '9 hours 10 minutes' + g * interval '7 days') at time zone 'America/New_York',
         case when g % 12 = 0 then 'connected' else 'no_answer' end, case when g % 12 = 0 then 60 end)
  from generate_series(0, 24) g
 cross join lateral (select tests.report_contact('Score Team', 'Other' || g, 'seller', 'Healthcare', 'NY', null, 'America/New_York') as id) x;
select tests.report_call(pg_temp.cid('uma'), 'rep@score.test', now() - interval '2 days', 'no_answer');
select cmp_ok(dialbridge.refresh_call_hour_stats(now()), '>', 0, 'the nightly refresh builds the segment connection rates');
select is(dialbridge.best_call_time(pg_temp.cid('uma')),
  '{"day_of_week": 3, "time_of_day": "14:00:00", "source": "segment", "time_zone": "America/New_York",
    "basis": {"contact_type": "seller", "industry": "Healthcare", "min_calls_per_bucket": 20}}'::jsonb,
  'a contact never reached gets its segment''s best day and hour (Wednesdays, 14:00), and says so');

select * from finish();
rollback;
