-- Rep performance (seed 000 query 1, US-011) on a known set of calls: every count, rate, talk time and
-- disposition split is the one a manager would work out by hand. One call is one row however many events
-- it had; voicemail is not a connection; talk time counts connected calls; dispositions split by their
-- mapping's status (a label with no code still finds its mapping; an unknown code is "unmapped");
-- meetings are MEETING_SET. Soft-deleted calls and non-call activities do not count. Reps see their team.
begin;
select plan(16);

select tests.create_user('ann@perf.test', 'Perf Alpha', 'rep');
select tests.create_user('ben@perf.test', 'Perf Alpha', 'rep');
select tests.create_user('cat@perf.test', 'Perf Bravo', 'rep');
select tests.create_user('admin@perf.test', null, 'admin');
update public.profiles set display_name = 'Ann' where id = tests.user_id('ann@perf.test');
update public.profiles set display_name = 'Ben' where id = tests.user_id('ben@perf.test');
update public.profiles set display_name = 'Cat' where id = tests.user_id('cat@perf.test');

create temporary table c (name text primary key, id uuid);
insert into c values ('a', tests.report_contact('Perf Alpha', 'Avery')), ('b', tests.report_contact('Perf Alpha', 'Blake')),
                     ('z', tests.report_contact('Perf Bravo', 'Zoe'));

-- Ann, two report days ago: 5 calls
select tests.report_call((select id from c where name = 'a'), 'ann@perf.test', tests.report_noon(2), 'connected', 100, 'INTERESTED');
select tests.report_call((select id from c where name = 'a'), 'ann@perf.test', tests.report_noon(2) + interval '1 hour', 'connected', 200, 'MEETING_SET', null, null, 'gatekeeper');
select tests.report_call((select id from c where name = 'b'), 'ann@perf.test', tests.report_noon(2) + interval '2 hours', 'voicemail', null, 'LEFT_VOICEMAIL');
select tests.report_call((select id from c where name = 'b'), 'ann@perf.test', tests.report_noon(2) + interval '3 hours', 'voicemail', null, 'LEFT_VOICEMAIL');
create temporary table later_connected as
select tests.report_call((select id from c where name = 'b'), 'ann@perf.test', tests.report_noon(2) + interval '4 hours', 'no_answer') as id;
-- Ann, one report day ago: 5 calls and 2 callbacks
select tests.report_call((select id from c where name = 'a'), 'ann@perf.test', tests.report_noon(1), 'connected', 300, 'NOT_INTERESTED');
select tests.report_call((select id from c where name = 'b'), 'ann@perf.test', tests.report_noon(1) + interval '1 hour', 'connected', 400, 'CALLBACK_REQUESTED', null, null, 'gatekeeper');
select tests.report_call((select id from c where name = 'b'), 'ann@perf.test', tests.report_noon(1) + interval '2 hours', 'voicemail', null, null, null, 'Left Message');
select tests.report_call((select id from c where name = 'a'), 'ann@perf.test', tests.report_noon(1) + interval '3 hours', 'no_answer', null, 'MYSTERY_OUTCOME');
select tests.report_call((select id from c where name = 'a'), 'ann@perf.test', tests.report_noon(1) + interval '4 hours', 'busy');
select tests.report_callback((select id from c where name = 'a'), 'ann@perf.test', tests.report_noon(1), tests.report_noon(-7));
select tests.report_callback((select id from c where name = 'b'), 'ann@perf.test', tests.report_noon(1), tests.report_noon(-3));
-- what does not count: a soft-deleted call, a contact change
create temporary table deleted_call as
select tests.report_call((select id from c where name = 'a'), 'ann@perf.test', tests.report_noon(1), 'connected', 999, 'HOT_LEAD') as id;
update public.contact_activities set deleted_at = now() where id = (select id from deleted_call);
insert into public.contact_activities (contact_id, user_id, team_id, activity_type, matching_status, dedupe_key, details, created_at)
values ((select id from c where name = 'a'), tests.user_id('ann@perf.test'), tests.team_id('Perf Alpha'), 'contact_updated',
        'matched', 'test:report:change:perf', '{"changes": {"title": {"old": "VP", "new": "MD"}}}', tests.report_noon(1));
-- Ben and Cat
select tests.report_call((select id from c where name = 'b'), 'ben@perf.test', tests.report_noon(1), 'connected', 60, 'HOT_LEAD');
select tests.report_call((select id from c where name = 'z'), 'cat@perf.test', tests.report_noon(1), 'no_answer');
select tests.report_call((select id from c where name = 'z'), 'cat@perf.test', tests.report_noon(1) + interval '1 hour', 'no_answer');

-- Daily numbers
select results_eq(
  $$ select period_start, dials, connections, connection_rate_pct, decision_maker_conversations, gatekeeper_conversations,
            voicemails, no_answers, talk_time_seconds, avg_talk_time, dispositioned_calls, disposition_coverage_pct
       from reports.rep_performance_daily where rep_name = 'Ann' order by period_start $$,
  $$ values (dialbridge.report_today() - 2, 5, 2, 40.0, 1, 1, 2, 1, 300::bigint, '2:30', 4, 80.0),
            (dialbridge.report_today() - 1, 5, 2, 40.0, 1, 1, 1, 2, 700::bigint, '5:50', 4, 80.0) $$,
  'per day: dials, connections (voicemail is not one), talk time of connected calls, average as m:ss, disposition coverage');
select results_eq(
  $$ select period_start, qualified, meetings, nurture, disqualified, suppressed, other_dispositions, unmapped_dispositions,
            callbacks_scheduled, qualification_rate_pct
       from reports.rep_performance_daily where rep_name = 'Ann' order by period_start $$,
  $$ values (dialbridge.report_today() - 2, 2, 1, 0, 0, 0, 2, 0, 0, 100.0),
            (dialbridge.report_today() - 1, 0, 0, 1, 1, 0, 1, 1, 2, 0.0) $$,
  'per day: dispositions split qualified / nurture / disqualified / other / unmapped, meetings, callbacks, qualification rate');

-- Weeks and months add the days up, whatever calendar boundary they straddle
select results_eq(
  $$ select sum(dials)::integer, sum(connections)::integer, sum(talk_time_seconds)::bigint, sum(qualified)::integer,
            sum(meetings)::integer, sum(callbacks_scheduled)::integer
       from reports.rep_performance_weekly where rep_name = 'Ann' $$,
  $$ values (10, 4, 1000::bigint, 2, 1, 2) $$,
  'weekly rows add up to the days');
select is_empty($$ select * from reports.rep_performance_weekly where extract(isodow from period_start) <> 1 $$,
  'weeks start on Monday');
select results_eq(
  $$ select sum(dials)::integer, sum(connections)::integer from reports.rep_performance_monthly where rep_name = 'Ann' $$,
  $$ values (10, 4) $$,
  'monthly rows add up to the days');
select is_empty($$ select * from reports.rep_performance_monthly where extract(day from period_start) <> 1 $$,
  'months start on the first');

-- The 30-day scorecard (seed query 1), ranked by connections
select results_eq(
  $$ select rep_name, dials, connections, connection_rate_pct, talk_time_hours, avg_talk_time, qualified, meetings,
            qualification_rate_pct, rank_by_connections
       from reports.rep_leaderboard_30d where team_name = 'Perf Alpha' $$,
  $$ values ('Ann'::text, 10, 4, 40.0, 0.28, '4:10', 2, 1, 50.0, 1::bigint),
            ('Ben', 1, 1, 100.0, 0.02, '1:00', 1, 0, 100.0, 2) $$,
  'the 30-day leaderboard: dials, connections, rates, talk hours, average talk, qualified, meetings, rank');
select results_eq(
  $$ select rep_name, dials, connections from reports.rep_scorecard(dialbridge.report_today() - 2, dialbridge.report_today() - 2)
      where team_name = 'Perf Alpha' $$,
  $$ values ('Ann'::text, 5, 2) $$,
  'the scorecard over a chosen range counts only those days');

-- Calls change: an unanswered call later connects; a mapping edit reclassifies at once
update public.contact_activities
   set call_outcome = 'connected', call_connected_at = call_started_at + interval '5 seconds', talk_time_seconds = 130,
       answered_by = 'decision_maker', activity_type = 'call_connected'
 where id = (select id from later_connected);
select results_eq(
  $$ select dials, connections, talk_time_seconds from reports.rep_performance_daily
      where rep_name = 'Ann' and period_start = dialbridge.report_today() - 2 $$,
  $$ values (5, 3, 430::bigint) $$,
  'when a call''s events arrive later, its day moves from unanswered to connected without counting it twice');
update public.disposition_mappings set sourceco_contact_status = 'Qualified' where phoneburner_disposition_code = 'CALLBACK_REQUESTED';
select results_eq(
  $$ select qualified, nurture from reports.rep_performance_daily
      where rep_name = 'Ann' and period_start = dialbridge.report_today() - 1 $$,
  $$ values (1, 0) $$,
  'an admin editing a mapping reclassifies the calls in every report at once');
insert into public.disposition_mappings (phoneburner_disposition_code, phoneburner_disposition_label, category,
       sourceco_contact_status, sourceco_contact_stage)
values ('MYSTERY_OUTCOME', 'Mystery outcome', 'negative', 'Disqualified', 'Dead');
select results_eq(
  $$ select disqualified, unmapped_dispositions from reports.rep_performance_daily
      where rep_name = 'Ann' and period_start = dialbridge.report_today() - 1 $$,
  $$ values (2, 0) $$,
  'mapping an unknown code moves its calls out of "unmapped"');

-- Who sees what
select tests.authenticate_as('ben@perf.test');
select results_eq(
  $$ select distinct rep_name from reports.rep_performance_daily order by 1 $$,
  $$ values ('Ann'::text), ('Ben') $$,
  'a rep sees the numbers of every rep of their team');
select is_empty($$ select * from reports.rep_leaderboard_30d where rep_name = 'Cat' $$,
  'a rep does not see another team''s reps on the leaderboard');
select tests.authenticate_as('cat@perf.test');
select results_eq(
  $$ select rep_name, sum(dials)::integer from reports.rep_performance_daily group by rep_name $$,
  $$ values ('Cat'::text, 2) $$,
  'the other team sees only its own rep');
select tests.authenticate_as('admin@perf.test');
select results_eq(
  $$ select distinct rep_name from reports.rep_performance_daily where rep_name in ('Ann', 'Ben', 'Cat') order by 1 $$,
  $$ values ('Ann'::text), ('Ben'), ('Cat') $$,
  'an admin sees every rep');
select tests.clear_authentication();
select is((select sum(differences)::integer from dialbridge.recompute_rollups(false)), 0,
  'after all of this the roll-ups equal a recompute from the raw rows');

select * from finish();
rollback;
