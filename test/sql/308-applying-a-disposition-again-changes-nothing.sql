begin;
select plan(4);

select tests.create_user('sarah@sourceco.com', 'buyers', 'rep') \gset
select tests.create_user('owner@sourceco.com', 'buyers', 'manager') \gset

-- ---------------------------------------------------------------------------------------------------
-- as the event projection: one call per active mapping (seed 000, Appendix B, aliases), each applied,
-- applied again, then replayed (the projection rewrites the same values) and applied a third time
-- ---------------------------------------------------------------------------------------------------
create temporary table runs on commit drop as
select m.phoneburner_disposition_code as code, m.phoneburner_disposition_label as label,
       null::uuid as contact_id, null::uuid as activity_id, null::text as after_first, null::text as after_replay
  from disposition_mappings m
 where m.is_active;

update runs set contact_id = tests.make_contact('buyers', 'owner@sourceco.com', 'John', initcap(code));
update runs set activity_id = tests.record_call(contact_id, 'sarah@sourceco.com', code, label,
  '2026-02-23T10:49:05Z', 'Notes for ' || code, 'call_' || code,
  case when code like 'CALLBACK%' then timestamptz '2026-03-02T15:00:00Z' end);

select count(dialbridge.apply_disposition(activity_id)) from runs;
update runs set after_first = tests.disposition_footprint(contact_id);

select count(dialbridge.apply_disposition(activity_id)) from runs;
update contact_activities a
   set disposition_code = a.disposition_code, disposition_label = a.disposition_label,
       disposition_notes = a.disposition_notes, disposition_set_at = a.disposition_set_at,
       callback_scheduled_date = a.callback_scheduled_date
  from runs r where r.activity_id = a.id;
select count(dialbridge.apply_disposition(activity_id)) from runs;
update runs set after_replay = tests.disposition_footprint(contact_id);

select ok((select count(*) from runs) >= 19, 'every seeded mapping is exercised');

select is(
  (select array_agg(code order by code) from runs where after_first is distinct from after_replay),
  null,
  'applying a call''s disposition again, or after a replay, leaves contacts, tasks, suppressions, workflow runs and jobs as they were');

select is(
  (select array_agg(r.code order by r.code)
     from runs r left join dialbridge.disposition_applications d on d.activity_id = r.activity_id
    where d.mapping_id is distinct from (select m.id from disposition_mappings m where m.phoneburner_disposition_code = r.code)),
  null,
  'each call is recorded as applied with its own mapping');

select results_eq(
  $$select count(*)::int from tasks t join runs r on r.activity_id = t.source_activity_id$$,
  $$select count(*)::int from runs r join disposition_mappings m on m.phoneburner_disposition_code = r.code
     where m.create_task$$,
  'one task per call whose mapping creates one, no more');

select * from finish();
rollback;
