-- Follow-ups (seed 000 query 2): what each rep must do today and what is overdue — open tasks and
-- contacts' next actions due by the end of today (reporting time zone), without calls to do-not-call or
-- invalid numbers, a callback's task and next action shown once, per rep, within the rep's team.
begin;
select plan(5);

select tests.create_user('fay@follow.test', 'Follow Team', 'rep');
select tests.create_user('gus@follow.test', 'Follow Team', 'rep');
select tests.create_user('hal@follow.test', 'Follow Other', 'rep');
update public.profiles set display_name = initcap(split_part(email, '@', 1))
 where id in (tests.user_id('fay@follow.test'), tests.user_id('gus@follow.test'), tests.user_id('hal@follow.test'));

create temporary table c (name text primary key, id uuid);
insert into c values ('acme', tests.report_contact('Follow Team', 'Acme')), ('beta', tests.report_contact('Follow Team', 'Beta')),
                     ('cobalt', tests.report_contact('Follow Team', 'Cobalt')), ('delta', tests.report_contact('Follow Team', 'Delta')),
                     ('echo', tests.report_contact('Follow Team', 'Echo')), ('fox', tests.report_contact('Follow Other', 'Fox'));
grant select on c to authenticated;
update public.contacts set do_not_call = true, do_not_call_reason = 'user_requested', do_not_call_set_at = now()
 where id = (select id from c where name = 'cobalt');
update public.contacts set phone_number_invalid = true, phone_number_invalid_reason = 'disconnected'
 where id = (select id from c where name = 'delta');

insert into public.tasks (contact_id, team_id, assigned_to_user_id, source, task_type, title, due_at, status, completed_at)
select (select id from c where name = x.contact), tests.team_id(x.team), tests.user_id(x.rep), 'manual', x.task_type, x.title,
       tests.report_noon(x.days_ago), x.status, case when x.status = 'completed' then now() end
  from (values ('acme', 'Follow Team', 'fay@follow.test', 'call', 'Call Acme', 0, 'open'),
               ('beta', 'Follow Team', 'fay@follow.test', 'email', 'Send Beta the memo', 3, 'open'),
               ('acme', 'Follow Team', 'gus@follow.test', 'call', 'Call Acme again', -1, 'open'),
               ('echo', 'Follow Team', 'gus@follow.test', 'call', 'Call Echo', 2, 'completed'),
               ('cobalt', 'Follow Team', 'fay@follow.test', 'call', 'Call Cobalt', 1, 'open'),
               ('cobalt', 'Follow Team', 'fay@follow.test', 'email', 'Email Cobalt', 1, 'open'),
               ('fox', 'Follow Other', 'hal@follow.test', 'call', 'Call Fox', 0, 'open'))
       as x(contact, team, rep, task_type, title, days_ago, status);
update public.contacts set next_action_type = 'call', next_action_date = dialbridge.report_today() - 1,
                           next_action_assigned_to_user_id = tests.user_id('gus@follow.test')
 where id = (select id from c where name = 'echo');
update public.contacts set next_action_type = 'call', next_action_date = dialbridge.report_today(),
                           next_action_assigned_to_user_id = tests.user_id('fay@follow.test')
 where id in (select id from c where name in ('delta', 'acme'));
update public.contacts set next_action_type = 'email', next_action_date = dialbridge.report_today() + 2,
                           next_action_assigned_to_user_id = tests.user_id('fay@follow.test')
 where id = (select id from c where name = 'beta');

select results_eq(
  $$ select rep_name, source, action_type, first_name, status, days_overdue
       from reports.follow_ups where team_id = tests.team_id('Follow Team') order by rep_name, due_date, first_name $$,
  $$ values ('Fay'::text, 'task'::text, 'email'::text, 'Beta'::text, 'overdue'::text, 3),
            ('Fay', 'task', 'email', 'Cobalt', 'overdue', 1),
            ('Fay', 'task', 'call', 'Acme', 'due_today', 0),
            ('Gus', 'next_action', 'call', 'Echo', 'overdue', 1) $$,
  'due today and overdue, per rep: open tasks and next actions; no call to a do-not-call or invalid number; a task and the same next action once; nothing done or not yet due');
select results_eq(
  $$ select rep_name, due_today, overdue, calls_due, oldest_overdue_days
       from reports.follow_up_summary where team_id = tests.team_id('Follow Team') order by rep_name $$,
  $$ values ('Fay'::text, 1, 2, 1, 3), ('Gus', 0, 1, 1, 1) $$,
  'the per-rep summary counts them');
select results_eq(
  $$ select title, company, phone is not null from reports.follow_ups where first_name = 'Acme' $$,
  $$ values ('Call Acme'::text, 'Acme Capital'::text, true) $$,
  'a follow-up carries what the rep needs to act: what, who, the number');

select tests.authenticate_as('fay@follow.test');
select results_eq($$ select count(*)::integer from reports.follow_ups $$, $$ values (4) $$,
  'a rep sees their team''s follow-ups');
select tests.authenticate_as('hal@follow.test');
select results_eq($$ select title from reports.follow_ups $$, $$ values ('Call Fox'::text) $$,
  'the other team sees only its own');
select tests.clear_authentication();

select * from finish();
rollback;
