-- Sessions and campaigns (seed 000 query 3, seed 002 session cards and detail, US-012) on known calls:
-- contacts added / dialed / connected (distinct contacts, as on the session card), calls, rates, talk
-- time, outcomes; the 90-day comparison of active campaigns; campaigns by segment; calls by the contacts'
-- segment (type, list source, industry, geography), following a contact that changes segment; and the
-- time from first call to meeting.
begin;
select plan(12);

select tests.create_user('ida@campaign.test', 'Campaign Team', 'rep');
select tests.create_user('jon@campaign.test', 'Campaign Team', 'rep');
select tests.create_user('kim@campaign.test', 'Campaign Other', 'rep');

create temporary table c (name text primary key, id uuid);
insert into c select 'b' || i, tests.report_contact('Campaign Team', 'Buyer' || i, 'buyer', 'Healthcare', 'NY', 'Conference')
  from generate_series(1, 5) i;
insert into c select 's' || i, tests.report_contact('Campaign Team', 'Seller' || i, 'seller', 'Auto Aftermarket', 'TX', 'Referral')
  from generate_series(1, 3) i;
create function pg_temp.cid(p_name text) returns uuid language sql stable as $$ select id from c where name = p_name $$;

create temporary table s (name text primary key, id uuid);
insert into s values
  ('s1', tests.report_session('Campaign Team', 'PE Buyers - Healthcare', 'ida@campaign.test', tests.report_noon(10), 'active', 'buyer', 'buyer_outreach', 'Healthcare')),
  ('s2', tests.report_session('Campaign Team', 'Sellers - Collision Repair', 'jon@campaign.test', tests.report_noon(20), 'active', 'seller', 'seller_prospecting', 'Auto Aftermarket')),
  ('s3', tests.report_session('Campaign Team', 'Old finished list', 'ida@campaign.test', tests.report_noon(100), 'completed', 'buyer', 'reactivation', null)),
  ('s4', tests.report_session('Campaign Team', 'Old open list', 'ida@campaign.test', tests.report_noon(120), 'active', 'buyer', 'reactivation', null));
grant select on s to authenticated;
create function pg_temp.sid(p_name text) returns uuid language sql stable as $$ select id from s where name = p_name $$;
-- memberships (the push records them; total_contacts_added follows by trigger)
insert into public.phoneburner_session_contacts (session_id, contact_id, team_id)
select pg_temp.sid(case when c.name like 'b%' then 's1' else 's2' end), c.id, tests.team_id('Campaign Team') from c;

-- Session 1 (Ida): five calls to four of its five contacts, and a callback
select tests.report_call(pg_temp.cid('b1'), 'ida@campaign.test', tests.report_noon(5), 'connected', 200, 'INTERESTED', pg_temp.sid('s1'));
select tests.report_call(pg_temp.cid('b1'), 'ida@campaign.test', tests.report_noon(5) + interval '1 hour', 'no_answer', null, null, pg_temp.sid('s1'));
select tests.report_call(pg_temp.cid('b2'), 'ida@campaign.test', tests.report_noon(5) + interval '2 hours', 'connected', 100, 'MEETING_SET', pg_temp.sid('s1'));
select tests.report_call(pg_temp.cid('b3'), 'ida@campaign.test', tests.report_noon(5) + interval '3 hours', 'voicemail', null, 'LEFT_VOICEMAIL', pg_temp.sid('s1'));
select tests.report_call(pg_temp.cid('b4'), 'ida@campaign.test', tests.report_noon(5) + interval '4 hours', 'no_answer', null, null, pg_temp.sid('s1'));
select tests.report_callback(pg_temp.cid('b1'), 'ida@campaign.test', tests.report_noon(5), tests.report_noon(-10), pg_temp.sid('s1'));
-- Session 2 (Jon): three calls
select tests.report_call(pg_temp.cid('s1'), 'jon@campaign.test', tests.report_noon(8), 'connected', 300, 'NOT_INTERESTED', pg_temp.sid('s2'));
select tests.report_call(pg_temp.cid('s2'), 'jon@campaign.test', tests.report_noon(8) + interval '1 hour', 'connected', 60, 'CALLBACK_REQUESTED', pg_temp.sid('s2'));
select tests.report_call(pg_temp.cid('s3'), 'jon@campaign.test', tests.report_noon(8) + interval '2 hours', 'busy', null, null, pg_temp.sid('s2'));
-- An old session's call, and Buyer2's first call, four days and two hours before its meeting (no session)
select tests.report_call(pg_temp.cid('b5'), 'ida@campaign.test', tests.report_noon(110), 'no_answer', null, null, pg_temp.sid('s4'));
select tests.report_call(pg_temp.cid('b2'), 'ida@campaign.test', tests.report_noon(9), 'no_answer');

select results_eq(
  $$ select session_name, contacts_added, contacts_dialed, contacts_connected, contact_connection_rate_pct, dials, connections,
            connection_rate_pct, talk_time_hours, avg_talk_time, qualified, meetings, nurture, disqualified,
            callbacks_scheduled, qualification_rate_pct
       from reports.session_performance where session_id in (pg_temp.sid('s1'), pg_temp.sid('s2')) order by session_name $$,
  $$ values ('PE Buyers - Healthcare'::text, 5, 4, 2, 50.0, 5, 2, 40.0, 0.08, '2:30', 2, 1, 0, 0, 1, 100.0),
            ('Sellers - Collision Repair', 3, 3, 2, 66.7, 3, 2, 66.7, 0.10, '3:00', 0, 0, 1, 1, 0, 0.0) $$,
  'session cards: contacts added, dialed and connected (distinct), calls, rates, talk time, outcomes, callbacks');
select results_eq(
  $$ select session_name from reports.campaign_comparison_90d where team_name = 'Campaign Team' $$,
  $$ values ('PE Buyers - Healthcare'::text), ('Sellers - Collision Repair') $$,
  'the 90-day comparison lists active campaigns started in the last 90 days, latest activity first');
select results_eq(
  $$ select contact_type, session_type, target_industry, sessions, dials, connections, qualified, meetings
       from reports.campaign_segments where team_name = 'Campaign Team' order by contact_type, session_type $$,
  $$ values ('buyer'::text, 'buyer_outreach'::text, 'Healthcare'::text, 1, 5, 2, 2, 1),
            ('buyer', 'reactivation', 'unspecified', 2, 1, 0, 0, 0),
            ('seller', 'seller_prospecting', 'Auto Aftermarket', 1, 3, 2, 0, 0) $$,
  'campaigns compared by segment (buyer vs seller, session type, industry)');
select results_eq(
  $$ select first_name, status, calls, connections from reports.session_contacts
      where session_id = pg_temp.sid('s1') order by first_name $$,
  $$ values ('Buyer1'::text, 'connected'::text, 2, 1), ('Buyer2', 'connected', 1, 1), ('Buyer3', 'dialed', 1, 0),
            ('Buyer4', 'dialed', 1, 0), ('Buyer5', 'pending', 0, 0) $$,
  'session detail: each contact with its status and calls in the session');
select results_eq(
  $$ select first_name, outcome, talk_time, disposition_code from reports.session_activity
      where session_id = pg_temp.sid('s1') order by occurred_at desc limit 2 $$,
  $$ values ('Buyer4'::text, 'No answer'::text, null::text, null::text), ('Buyer3', 'Voicemail', null, 'LEFT_VOICEMAIL') $$,
  'session detail: recent activity, newest first');

select results_eq(
  $$ select dimension, segment, sum(dials)::integer, sum(connections)::integer
       from reports.segment_performance_daily where team_name = 'Campaign Team'
      group by dimension, segment order by dimension, segment $$,
  $$ values ('contact_type'::text, 'buyer'::text, 7, 2), ('contact_type', 'seller', 3, 2),
            ('geography', 'NY', 7, 2), ('geography', 'TX', 3, 2),
            ('industry', 'Auto Aftermarket', 3, 2), ('industry', 'Healthcare', 7, 2),
            ('list_source', 'Conference', 7, 2), ('list_source', 'Referral', 3, 2) $$,
  'calls by the contacts'' segment: type, geography, industry, list source');
update public.contacts set industry = 'Healthcare' where id = pg_temp.cid('s1');
select results_eq(
  $$ select segment, sum(dials)::integer, sum(connections)::integer from reports.segment_performance_daily
      where team_name = 'Campaign Team' and dimension = 'industry' group by segment order by segment $$,
  $$ values ('Auto Aftermarket'::text, 2, 1), ('Healthcare', 8, 3) $$,
  'a contact that changes industry takes its calls with it');

select results_eq(
  $$ select first_name, contact_type, list_source, industry, days_to_meeting from reports.time_to_meeting
      where team_id = tests.team_id('Campaign Team') $$,
  $$ values ('Buyer2'::text, 'buyer'::text, 'Conference'::text, 'Healthcare'::text, 4.1) $$,
  'time from a contact''s first call to its first meeting');
select results_eq(
  $$ select contact_type, contacts_with_meeting, avg_days_to_meeting, median_days_to_meeting
       from reports.time_to_meeting_by_segment where team_id = tests.team_id('Campaign Team') $$,
  $$ values ('buyer'::text, 1, 4.1, 4.1) $$,
  'time to meeting summarised by segment');

select tests.authenticate_as('ida@campaign.test');
select results_eq($$ select count(*)::integer from reports.session_performance $$, $$ values (4) $$,
  'a rep sees their team''s sessions');
select tests.authenticate_as('kim@campaign.test');
select is_empty($$ select * from reports.session_performance where session_id = pg_temp.sid('s1') $$,
  'another team sees none of them');
select is_empty($$ select * from reports.segment_performance_daily where team_name = 'Campaign Team' $$,
  'nor their segment numbers');
select tests.clear_authentication();

select * from finish();
rollback;
