-- Disposition breakdown per rep and day with outcome groups; dispositions no active mapping matches
-- (an unknown code, or a label PhoneBurner sent alone) listed with an example of the label reps chose,
-- until an admin maps them (a mapping, or an alias); activities not linked to a contact listed until linked.
begin;
select plan(8);

select tests.create_user('lea@dispo.test', 'Dispo Team', 'rep');
select tests.create_user('max@dispo.test', 'Dispo Other', 'rep');
update public.profiles set display_name = 'Lea' where id = tests.user_id('lea@dispo.test');
create temporary table c as select tests.report_contact('Dispo Team', 'Dora') as id;

select tests.report_call((select id from c), 'lea@dispo.test', tests.report_noon(1), 'connected', 120, 'INTERESTED');
select tests.report_call((select id from c), 'lea@dispo.test', tests.report_noon(1), 'connected', 90, 'INTERESTED');
select tests.report_call((select id from c), 'lea@dispo.test', tests.report_noon(1), 'voicemail', null, null, null, 'Left Message');
select tests.report_call((select id from c), 'lea@dispo.test', tests.report_noon(1), 'connected', 60, 'NEW_PB_CODE', null, 'Brand new outcome');
select tests.report_call((select id from c), 'lea@dispo.test', tests.report_noon(1), 'connected', 30, 'NEW_PB_CODE', null, 'Brand new outcome');
select tests.report_call((select id from c), 'lea@dispo.test', tests.report_noon(1), 'no_answer', null, null, null, 'Strange label!');
select tests.report_call((select id from c), 'lea@dispo.test', tests.report_noon(1), 'no_answer');
create temporary table unmatched as
select tests.report_call(null, 'lea@dispo.test', tests.report_noon(1), 'connected', 45, 'INTERESTED') as id;
grant select on unmatched to authenticated;

select results_eq(
  $$ select disposition, outcome_group, calls from reports.disposition_breakdown_daily
      where rep_name = 'Lea' and period_start = dialbridge.report_today() - 1 order by disposition $$,
  $$ values ('(label) strangelabel'::text, 'unmapped'::text, 1), ('INTERESTED', 'qualified', 3),
            ('LEFT_VOICEMAIL', 'attempted', 1), ('NEW_PB_CODE', 'unmapped', 2) $$,
  'dispositioned calls per rep and day, by disposition and outcome group (a known label counts as its mapping)');
select results_eq(
  $$ select disposition_code, example_label, normalized_label, calls, reps, last_day
       from reports.unmapped_dispositions where team_name = 'Dispo Team' order by calls desc $$,
  $$ values ('NEW_PB_CODE'::text, 'Brand new outcome'::text, 'brandnewoutcome'::text, 2, 1, dialbridge.report_today() - 1),
            (null, 'Strange label!', 'strangelabel', 1, 1, dialbridge.report_today() - 1) $$,
  'unmapped dispositions are listed with an example of the label reps chose, how often and since when');

insert into public.disposition_mappings (phoneburner_disposition_code, phoneburner_disposition_label, category,
       sourceco_contact_status, sourceco_contact_stage)
values ('NEW_PB_CODE', 'Brand new outcome', 'neutral', 'Nurture', 'Follow-up');
select results_eq(
  $$ select normalized_label from reports.unmapped_dispositions where team_name = 'Dispo Team' $$,
  $$ values ('strangelabel'::text) $$,
  'a new mapping takes its code off the list at once');
update public.disposition_mappings set label_aliases = label_aliases || '{"Strange label"}'
 where phoneburner_disposition_code = 'NOT_INTERESTED';
select is_empty($$ select * from reports.unmapped_dispositions where team_name = 'Dispo Team' $$,
  'an alias on an existing mapping takes a label-only disposition off the list');
select results_eq(
  $$ select disposition, outcome_group, calls from reports.disposition_breakdown_daily
      where rep_name = 'Lea' and period_start = dialbridge.report_today() - 1 order by disposition $$,
  $$ values ('INTERESTED'::text, 'qualified'::text, 3), ('LEFT_VOICEMAIL', 'attempted', 1),
            ('NEW_PB_CODE', 'nurture', 2), ('NOT_INTERESTED', 'disqualified', 1) $$,
  'the breakdown follows the new mappings');

select results_eq(
  $$ select activity_id, rep_name, call_outcome, disposition_code from reports.unmatched_activities
      where team_id = tests.team_id('Dispo Team') $$,
  $$ select id, 'Lea'::text, 'connected'::text, 'INTERESTED'::text from unmatched $$,
  'a call not linked to a contact is listed for someone to link');
select tests.authenticate_as('max@dispo.test');
select is_empty($$ select * from reports.unmatched_activities where activity_id = (select id from unmatched) $$,
  'another team does not see it');
select tests.clear_authentication();
update public.contact_activities set contact_id = (select id from c), matching_status = 'manually_linked'
 where id = (select id from unmatched);
select is_empty($$ select * from reports.unmatched_activities where team_id = tests.team_id('Dispo Team') $$,
  'once linked, it leaves the list');

select * from finish();
rollback;
