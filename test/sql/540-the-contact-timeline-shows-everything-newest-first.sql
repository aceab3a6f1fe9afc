-- The contact timeline (US-010, seed 000 query 4): every call with its outcome, talk time as m:ss, rep,
-- notes and recording; callbacks; tasks; contact changes; other activities — newest first, filterable by
-- type, one line each ("Call - Connected (3:42) - Tim"). Soft-deleted calls are gone; other teams see nothing.
begin;
select plan(6);

select tests.create_user('tim@timeline.test', 'Timeline Team', 'rep');
select tests.create_user('ola@timeline.test', 'Timeline Other', 'rep');
update public.profiles set display_name = 'Tim' where id = tests.user_id('tim@timeline.test');
create temporary table c as select tests.report_contact('Timeline Team', 'Tom') as id;
grant select on c to authenticated;

select tests.report_call((select id from c), 'tim@timeline.test', tests.report_noon(3), 'connected', 222, 'INTERESTED',
                         null, 'Interested - Send Information', null, 'Wants the memo on the collision repair deal.');
select tests.report_call((select id from c), 'tim@timeline.test', tests.report_noon(5), 'voicemail', null, 'LEFT_VOICEMAIL',
                         null, null, null, 'Left VM about the platform deal');
select tests.report_callback((select id from c), 'tim@timeline.test', tests.report_noon(3) + interval '5 minutes',
                             tests.report_noon(-2) + interval '2 hours');
insert into public.contact_activities (contact_id, user_id, team_id, activity_type, matching_status, dedupe_key, details, created_at)
values ((select id from c), tests.user_id('tim@timeline.test'), tests.team_id('Timeline Team'), 'contact_updated', 'matched',
        'test:timeline:change', '{"changes": {"phone": {"old": "+15550123", "new": "+15559999"}, "email": {"old": "a@x.com", "new": "b@x.com"}}}',
        tests.report_noon(2));
insert into public.contact_activities (contact_id, team_id, activity_type, source_system, matching_status, dedupe_key, created_at)
values ((select id from c), tests.team_id('Timeline Team'), 'email_opened', 'email_automation', 'matched', 'test:timeline:email',
        tests.report_noon(6));
insert into public.tasks (contact_id, team_id, assigned_to_user_id, source, task_type, title, due_at, created_at)
values ((select id from c), tests.team_id('Timeline Team'), tests.user_id('tim@timeline.test'), 'manual', 'call',
        'Call John back', tests.report_noon(-1), tests.report_noon(1));
create temporary table gone as
select tests.report_call((select id from c), 'tim@timeline.test', tests.report_noon(4), 'connected', 100, 'HOT_LEAD') as id;
update public.contact_activities set deleted_at = now() where id = (select id from gone);

select results_eq(
  $$ select item_type, title from reports.contact_timeline where contact_id = (select id from c) order by occurred_at desc $$,
  $$ values ('task'::text, 'Task - Call John back'::text),
            ('contact_change', 'Contact updated (email, phone)'),
            ('callback', 'Callback scheduled for '
                         || to_char((tests.report_noon(-2) + interval '2 hours') at time zone dialbridge.report_time_zone(), 'YYYY-MM-DD HH24:MI')
                         || ' - Tim'),
            ('call', 'Call - Connected (3:42) - Tim'),
            ('call', 'Call - Voicemail (0:00) - Tim'),
            ('email', 'Email - Opened') $$,
  'everything that happened with the contact, newest first, one line each (the deleted call is gone)');
select results_eq(
  $$ select outcome, call_duration, talk_time, rep_name, disposition_label, notes, recording_url is not null
       from reports.contact_timeline where contact_id = (select id from c) and item_type = 'call' order by occurred_at desc $$,
  $$ values ('Connected'::text, '4:07'::text, '3:42'::text, 'Tim'::text, 'Interested - Send Information'::text,
             'Wants the memo on the collision repair deal.'::text, true),
            ('Voicemail', '0:25', null, 'Tim', null, 'Left VM about the platform deal', false) $$,
  'a call shows its outcome, duration and talk time as m:ss, rep, disposition, notes and recording link');
select results_eq(
  $$ select count(*)::integer from reports.contact_timeline where contact_id = (select id from c) and item_type = 'call' $$,
  $$ values (2) $$,
  'the timeline filters by type');
select results_eq(
  $$ select due_at, notes from reports.contact_timeline where contact_id = (select id from c) and item_type = 'callback' $$,
  $$ values (tests.report_noon(-2) + interval '2 hours', 'Call back after the board meeting'::text) $$,
  'a callback shows when it is due and its notes');

select tests.authenticate_as('tim@timeline.test');
select results_eq(
  $$ select count(*)::integer from reports.contact_timeline where contact_id = (select id from c) $$,
  $$ values (6) $$,
  'the rep reads their team''s contact''s timeline');
select tests.authenticate_as('ola@timeline.test');
select is_empty($$ select * from reports.contact_timeline where contact_id = (select id from c) $$,
  'another team''s rep sees none of it');
select tests.clear_authentication();

select * from finish();
rollback;
