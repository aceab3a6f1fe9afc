begin;
select plan(12);

select tests.create_user('sarah@sourceco.com', 'buyers', 'rep') \gset
select tests.create_user('owner@sourceco.com', 'buyers', 'manager') \gset
select tests.create_user('rival@sourceco.com', 'sellers', 'rep') \gset
select tests.create_user('admin@sourceco.com', 'buyers', 'admin') \gset

-- ---------------------------------------------------------------------------------------------------
-- as the event projection: dispositions no mapping knows
-- ---------------------------------------------------------------------------------------------------
select tests.make_contact('buyers', 'owner@sourceco.com') as john \gset
select tests.make_contact('buyers', 'owner@sourceco.com', 'Emily', 'Chen') as emily \gset
select tests.record_call(:'john', 'sarah@sourceco.com', 'PARTNER_INTRO', 'Partner Intro',
  '2026-02-20T10:00:00Z', 'Introduced us to his partner') as john_call \gset
select tests.record_call(:'emily', 'sarah@sourceco.com', 'PARTNER_INTRO', 'Partner Intro',
  '2026-02-23T10:00:00Z') as emily_call \gset
select tests.record_call(null, 'sarah@sourceco.com', 'PARTNER_INTRO', 'Partner Intro',
  '2026-02-24T10:00:00Z') as orphan_call \gset
-- real PhoneBurner sends only the label text
select tests.record_call(:'john', 'sarah@sourceco.com', null, 'Sent LinkedIn Request',
  '2026-02-21T10:00:00Z') as linkedin_call \gset
select dialbridge.apply_disposition(:'john_call');
select dialbridge.apply_disposition(:'emily_call');
select dialbridge.apply_disposition(:'linkedin_call');

select results_eq(
  format($$select contact_status, next_action_type,
                  (select count(*)::int from tasks t where t.contact_id = c.id),
                  (select count(*)::int from suppressions s where s.contact_id = c.id)
             from contacts c where c.id = %L$$, :'john'),
  $$values (null::text, null::text, 0, 0)$$,
  'an unknown disposition changes nothing on the contact');
select results_eq(
  format($$select disposition_code, disposition_label from contact_activities where id = %L$$, :'john_call'),
  $$values ('PARTNER_INTRO', 'Partner Intro')$$,
  'it is kept on the call as received');

select results_eq(
  $$select disposition_code, disposition_label, call_count, contact_count, first_seen_at, last_seen_at, example_activity_id
      from unmapped_dispositions order by disposition_label$$,
  format($$values ('PARTNER_INTRO', 'Partner Intro', 3::bigint, 2::bigint, timestamptz '2026-02-20T10:00:00Z',
                   timestamptz '2026-02-24T10:00:00Z', %L::uuid),
                  (null::text, 'Sent LinkedIn Request', 1::bigint, 1::bigint, timestamptz '2026-02-21T10:00:00Z',
                   timestamptz '2026-02-21T10:00:00Z', %L::uuid)$$, :'orphan_call', :'linkedin_call'),
  'the review view lists each unknown disposition as received, with counts, first and last seen and an example call');

-- ---------------------------------------------------------------------------------------------------
-- as reps
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('sarah@sourceco.com');
select results_eq(
  $$select disposition_label, call_count from unmapped_dispositions order by disposition_label$$,
  $$values ('Partner Intro', 3::bigint), ('Sent LinkedIn Request', 1::bigint)$$,
  'a rep sees the unknown dispositions of their team''s calls');
select throws_ok($$select public.reapply_dispositions('PARTNER_INTRO')$$, 'DB036', null,
  'a rep cannot re-apply mappings');
select tests.authenticate_as('rival@sourceco.com');
select is_empty($$select 1 from unmapped_dispositions$$, 'a rep of another team sees none of them');

-- ---------------------------------------------------------------------------------------------------
-- as an admin: add the mapping, apply it to past calls
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('admin@sourceco.com');
insert into disposition_mappings (phoneburner_disposition_code, phoneburner_disposition_label, category,
  sourceco_contact_status, sourceco_contact_stage, create_task, task_type, task_due_offset_days, task_priority,
  next_action_type, next_action_offset_days, engagement_score_delta)
values ('PARTNER_INTRO', 'Partner Intro', 'positive', 'Nurture', 'Follow-up', true, 'research', 2, 'medium',
        'call', 7, 10);
select is(public.reapply_dispositions('PARTNER_INTRO'), 2,
  'reapply_dispositions applies the new mapping to the two matched past calls (the unmatched one waits for its link)');
select tests.clear_authentication();

select results_eq(
  format($$select c.contact_status, c.contact_stage, t.title, t.due_at
             from contacts c join tasks t on t.contact_id = c.id where c.id = %L$$, :'emily'),
  $$values ('Nurture', 'Follow-up', 'Research Emily Chen – Partner Intro', timestamptz '2026-02-25T10:00:00Z')$$,
  'the past call now has the mapping''s effects, timed from when it was dispositioned');
select results_eq(
  format($$select contact_status, next_action_date from contacts where id = %L$$, :'john'),
  $$values ('Nurture', date '2026-02-27')$$,
  'status and next action come from the call''s own disposition time');

select results_eq(
  $$select disposition_label from unmapped_dispositions$$,
  $$values ('Sent LinkedIn Request')$$,
  'a mapped disposition leaves the review view');

select tests.authenticate_as('admin@sourceco.com');
select is(public.reapply_dispositions(), 0, 're-applying again finds nothing left to apply');
select tests.clear_authentication();

-- the unmatched call gets it when linked
update contact_activities set contact_id = :'emily', matching_status = 'manually_linked',
       team_id = tests.team_id('buyers') where id = :'orphan_call';
select dialbridge.apply_disposition(:'orphan_call');
select results_eq(
  format($$select count(*)::int from tasks where contact_id = %L and status = 'open'$$, :'emily'),
  $$values (2)$$,
  'the linked call applies the new mapping too');

select * from finish();
rollback;
