-- Report days are calendar days in the reporting time zone (dialbridge.report_settings). Changing it
-- rebuilds the roll-ups: a call late in the evening in New York belongs to the next day in Tokyo. An
-- unknown zone is refused.
begin;
select plan(4);

select tests.create_user('quinn@tz.test', 'Tz Team', 'rep');
update public.profiles set display_name = 'Quinn' where id = tests.user_id('quinn@tz.test');
select dialbridge.set_report_time_zone('America/New_York');
select tests.report_call(tests.report_contact('Tz Team', 'Tess'), 'quinn@tz.test',
                         '2026-03-03 23:30'::timestamp at time zone 'America/New_York', 'connected', 60);

select results_eq($$ select period_start, dials from reports.rep_performance_daily where rep_name = 'Quinn' $$,
  $$ values ('2026-03-03'::date, 1) $$, 'in New York the call is on March 3rd');
select dialbridge.set_report_time_zone('Asia/Tokyo');
select results_eq($$ select period_start, dials from reports.rep_performance_daily where rep_name = 'Quinn' $$,
  $$ values ('2026-03-04'::date, 1) $$, 'with the reporting time zone set to Tokyo it is on March 4th');
select is((select sum(differences)::integer from dialbridge.recompute_rollups(false)), 0,
  'the rebuilt roll-ups equal a recompute');
select throws_ok($$ select dialbridge.set_report_time_zone('Mars/Olympus_Mons') $$, 'DB052', null,
  'an unknown time zone is refused');

select * from finish();
rollback;
