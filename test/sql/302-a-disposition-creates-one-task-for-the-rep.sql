begin;
select plan(9);

select tests.create_user('sarah@sourceco.com', 'buyers', 'rep') \gset
select tests.create_user('owner@sourceco.com', 'buyers', 'manager') \gset
select tests.create_user('rival@sourceco.com', 'sellers', 'rep') \gset

-- ---------------------------------------------------------------------------------------------------
-- as the event projection
-- ---------------------------------------------------------------------------------------------------
select tests.make_contact('buyers', 'owner@sourceco.com') as john \gset
select tests.record_call(:'john', 'sarah@sourceco.com', 'INTERESTED', 'Interested - Send Information',
  '2026-02-23T10:49:05.111Z', 'Wants memo on current collision repair platform deal.') as john_call \gset
select dialbridge.apply_disposition(:'john_call');

select results_eq(
  format($$select source, source_activity_id, task_type, title, due_at, priority, status, assigned_to_user_id, notes
             from tasks where contact_id = %L$$, :'john'),
  format($$values ('disposition', %L::uuid, 'email', 'Email John Smith – Interested - Send Information',
                   timestamptz '2026-02-24T10:49:05.111Z', 'high', 'open', %L::uuid,
                   'Wants memo on current collision repair platform deal.')$$,
         :'john_call', tests.user_id('sarah@sourceco.com')),
  'INTERESTED creates one email task due a day after the disposition (event time, not now), for the rep, with the call notes');

select tests.make_contact('buyers', 'owner@sourceco.com', 'Emily', 'Chen') as emily \gset
select tests.record_call(:'emily', 'sarah@sourceco.com', 'MEETING_SET', 'Meeting Scheduled', '2026-02-23T12:00:00Z') as emily_call \gset
update contact_activities set user_id = null where id = :'emily_call';
select dialbridge.apply_disposition(:'emily_call');

select results_eq(
  format($$select task_type, title, due_at, assigned_to_user_id from tasks where contact_id = %L$$, :'emily'),
  format($$values ('meeting_prep', 'Prepare the meeting with Emily Chen – Meeting Scheduled',
                   timestamptz '2026-02-23T12:00:00Z', %L::uuid)$$, tests.user_id('owner@sourceco.com')),
  'a call without a known rep assigns the task to the contact owner; offset 0 is due at the disposition');

select tests.make_contact('buyers', 'owner@sourceco.com', 'Ann', 'Lee') as ann \gset
select tests.record_call(:'ann', 'sarah@sourceco.com', 'NOT_INTERESTED', 'Not Interested', '2026-02-23T12:00:00Z') as ann_call \gset
select dialbridge.apply_disposition(:'ann_call');
select is_empty(format($$select 1 from tasks where contact_id = %L$$, :'ann'),
  'NOT_INTERESTED creates no task');

select tests.make_contact('buyers', 'owner@sourceco.com', 'Paul', 'Ng', p_company => 'Ng Holdings') as paul \gset
update contacts set first_name = null, last_name = null where id = :'paul';
select tests.record_call(:'paul', 'sarah@sourceco.com', null, 'Left Message', '2026-02-23T12:00:00Z') as paul_call \gset
select dialbridge.apply_disposition(:'paul_call');
select results_eq(
  format($$select task_type, title, due_at, priority from tasks where contact_id = %L$$, :'paul'),
  $$values ('call', 'Call Ng Holdings – Left Message', timestamptz '2026-02-26T12:00:00Z', 'medium')$$,
  'a real PhoneBurner label (no code) creates the mapped task, titled with the company when the name is missing');

select throws_ok(
  format($$insert into tasks (contact_id, source_activity_id, source, title, due_at)
           values (%L, %L, 'disposition', 'second', now())$$, :'john', :'john_call'),
  '23505', null, 'a call has at most one live disposition task');

-- a do-not-call contact gets no call to make: the task is recorded as cancelled
select tests.make_contact('buyers', 'owner@sourceco.com', 'Dan', 'Fox') as dan \gset
update contacts set do_not_call = true where id = :'dan';
select tests.record_call(:'dan', 'sarah@sourceco.com', 'LEFT_VOICEMAIL', 'Left Voicemail', '2026-02-23T12:00:00Z') as dan_call \gset
select dialbridge.apply_disposition(:'dan_call');
select results_eq(
  format($$select task_type, status, notes like '%%do-not-call%%' from tasks where contact_id = %L$$, :'dan'),
  $$values ('call', 'cancelled', true)$$,
  'a call task for a do-not-call contact is recorded as cancelled, with the reason');

-- ---------------------------------------------------------------------------------------------------
-- as reps
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('sarah@sourceco.com');
select results_eq(
  $$select title from tasks where assigned_to_user_id = (select auth.uid()) and status = 'open' order by due_at$$,
  $$values ('Email John Smith – Interested - Send Information'), ('Call Ng Holdings – Left Message')$$,
  'the rep sees the tasks assigned to them');
select throws_ok(
  format($$update tasks set source = 'manual' where source_activity_id = %L$$, :'john_call'),
  '42501', null, 'a rep cannot re-label where a task came from');

select tests.authenticate_as('rival@sourceco.com');
select is_empty($$select 1 from tasks$$, 'a rep of another team sees none of them');
select tests.clear_authentication();

select * from finish();
rollback;
