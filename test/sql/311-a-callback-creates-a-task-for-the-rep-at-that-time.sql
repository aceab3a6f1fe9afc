begin;
select plan(13);

select tests.create_user('sarah@sourceco.com', 'buyers', 'rep') \gset
select tests.create_user('tom@sourceco.com', 'buyers', 'rep') \gset
select tests.create_user('owner@sourceco.com', 'buyers', 'manager') \gset
select tests.create_user('rival@sourceco.com', 'sellers', 'rep') \gset

-- ---------------------------------------------------------------------------------------------------
-- as the event projection: seed 000's call (INTERESTED) and its callback.scheduled
-- ---------------------------------------------------------------------------------------------------
select tests.make_contact('buyers', 'owner@sourceco.com') as john \gset
select tests.record_call(:'john', 'sarah@sourceco.com', 'INTERESTED', 'Interested - Send Information',
  '2026-02-23T10:49:05.111Z', 'Wants memo', 'call_abc123') as john_call \gset
select tests.record_callback(:'john', 'sarah@sourceco.com', '2026-03-25T14:00:00.000Z', '2026-02-23T10:49:05.222Z',
  'Call back after Q1 board meeting to discuss acquisition appetite for collision repair targets.',
  'America/New_York', 'call_abc123') as callback \gset
-- the callback is processed before the disposition: the result does not depend on the order
select dialbridge.apply_callback(:'callback');
select dialbridge.apply_disposition(:'john_call');

select results_eq(
  format($$select source, source_activity_id, task_type, title, due_at, assigned_to_user_id, priority, status, notes
             from tasks where contact_id = %L and source = 'callback'$$, :'john'),
  format($$values ('callback', %L::uuid, 'call', 'Call John Smith – Scheduled callback',
                   timestamptz '2026-03-25T14:00:00Z', %L::uuid, 'high', 'open',
                   'Call back after Q1 board meeting to discuss acquisition appetite for collision repair targets.')$$,
         :'callback', tests.user_id('sarah@sourceco.com')),
  'callback.scheduled creates a call task for the assigned rep at the callback time, with its notes');
select results_eq(
  format($$select next_action_type, next_action_date, next_action_assigned_to_user_id, next_action_notes
             from contacts where id = %L$$, :'john'),
  format($$values ('call', date '2026-03-25', %L::uuid,
                   'Call back after Q1 board meeting to discuss acquisition appetite for collision repair targets.')$$,
         tests.user_id('sarah@sourceco.com')),
  'the contact''s next action is the callback (newer than the disposition, whatever the processing order)');
select results_eq(
  format($$select task_type, status from tasks where contact_id = %L order by task_type$$, :'john'),
  $$values ('call', 'open'), ('email', 'open')$$,
  'the disposition''s email task stands beside it');

select dialbridge.apply_callback(:'callback');
select results_eq(
  format($$select count(*)::int from tasks where contact_id = %L and source = 'callback'$$, :'john'),
  $$values (1)$$, 'applying the callback again adds nothing');

-- a later callback for the same call reschedules; an older one arriving late changes nothing
select tests.record_callback(:'john', 'tom@sourceco.com', '2026-03-27T15:00:00Z', '2026-02-24T09:00:00Z',
  'Moved to Friday', 'America/New_York', 'call_abc123') as moved \gset
select dialbridge.apply_callback(:'moved');
select tests.record_callback(:'john', 'sarah@sourceco.com', '2026-03-20T15:00:00Z', '2026-02-23T10:49:05.100Z',
  'Stale', 'America/New_York', 'call_abc123') as stale \gset
select dialbridge.apply_callback(:'stale');
select results_eq(
  format($$select due_at, assigned_to_user_id, notes, status from tasks where contact_id = %L and source = 'callback'$$, :'john'),
  format($$values (timestamptz '2026-03-27T15:00:00Z', %L::uuid, 'Moved to Friday', 'open')$$, tests.user_id('tom@sourceco.com')),
  'a later callback for the same call moves the one task (and its rep); an older one arriving late does not');
select results_eq(
  format($$select next_action_date, next_action_notes from contacts where id = %L$$, :'john'),
  $$values (date '2026-03-27', 'Moved to Friday')$$,
  'the next action follows the latest callback');

-- the projection merging a new date into the same callback row reschedules too
update contact_activities set callback_scheduled_date = '2026-03-30T15:00:00Z',
       details = details || '{"event_at": "2026-02-25T09:00:00Z"}' where id = :'moved';
select dialbridge.apply_callback(:'moved');
select results_eq(
  format($$select count(*)::int, max(due_at) from tasks where contact_id = %L and source = 'callback' and status = 'open'$$, :'john'),
  $$values (1, timestamptz '2026-03-30T15:00:00Z')$$,
  'a new date on the same callback row moves the same task');

-- the next action date is the callback's date where the callback happens
select tests.make_contact('buyers', 'owner@sourceco.com', 'Emily', 'Chen', p_timezone => 'America/Los_Angeles') as emily \gset
select tests.record_callback(:'emily', null, '2026-03-26T02:00:00Z', '2026-02-23T10:00:00Z', null,
  'America/Los_Angeles') as emily_cb \gset
select dialbridge.apply_callback(:'emily_cb');
select results_eq(
  format($$select c.next_action_date, t.assigned_to_user_id from contacts c join tasks t on t.contact_id = c.id
            where c.id = %L$$, :'emily'),
  format($$values (date '2026-03-25', %L::uuid)$$, tests.user_id('owner@sourceco.com')),
  '19:00 on Mar 25 in Los Angeles is due Mar 25; without a rep the contact owner gets the task');

-- a disposition's call task for the same call is replaced by the callback
select tests.make_contact('buyers', 'owner@sourceco.com', 'Paul', 'Ng') as paul \gset
select tests.record_call(:'paul', 'sarah@sourceco.com', 'CALLBACK_REQUESTED', 'Callback Requested',
  '2026-02-23T10:00:00Z', 'Call me in March', 'call_paul') as paul_call \gset
select dialbridge.apply_disposition(:'paul_call');
select tests.record_callback(:'paul', 'sarah@sourceco.com', '2026-03-02T15:00:00Z', '2026-02-23T10:00:01Z',
  'Call me in March', 'America/New_York', 'call_paul') as paul_cb \gset
select dialbridge.apply_callback(:'paul_cb');
select results_eq(
  format($$select source, status from tasks where contact_id = %L and task_type = 'call' order by source$$, :'paul'),
  $$values ('callback', 'open'), ('disposition', 'cancelled')$$,
  'a callback and a "callback requested" disposition of the same call leave one open call task');

-- a do-not-call contact gets no callback
select tests.make_contact('buyers', 'owner@sourceco.com', 'Dan', 'Fox') as dan \gset
update contacts set do_not_call = true where id = :'dan';
select tests.record_callback(:'dan', 'sarah@sourceco.com', '2026-03-02T15:00:00Z', '2026-02-23T10:00:00Z') as dan_cb \gset
select dialbridge.apply_callback(:'dan_cb');
select results_eq(
  format($$select t.status, c.next_action_type from tasks t join contacts c on c.id = t.contact_id where c.id = %L$$, :'dan'),
  $$values ('cancelled', null::text)$$,
  'a callback for a do-not-call contact is recorded as cancelled and plans no call');

-- the projection's callback row (real follow_up): notes in disposition_notes, no event time in details;
-- it counts as decided just after its call's disposition, in whichever order the two are applied
select tests.make_contact('buyers', 'owner@sourceco.com', 'Rita', 'Cole') as rita \gset
select tests.record_call(:'rita', 'sarah@sourceco.com', 'INTERESTED', 'Interested', '2026-02-23T16:00:00Z',
  'Send the memo', 'pb_9001') as rita_call \gset
insert into contact_activities (contact_id, user_id, team_id, activity_type, source_system, matching_status, dedupe_key,
                                callback_scheduled_date, disposition_notes, phoneburner_call_id, details)
values (:'rita', tests.user_id('sarah@sourceco.com'), tests.team_id('buyers'), 'callback_scheduled', 'phoneburner',
        'matched', 'test:callback:pb_9001', '2026-03-03T14:30:00Z', 'Follow up on the memo', 'pb_9001',
        '{"source": "api_calldone.follow_up"}')
returning id as rita_cb \gset
select dialbridge.apply_callback(:'rita_cb');
select dialbridge.apply_disposition(:'rita_call');
select results_eq(
  format($$select c.next_action_type, c.next_action_date, c.next_action_notes, t.notes
             from contacts c join tasks t on t.contact_id = c.id and t.source = 'callback' where c.id = %L$$, :'rita'),
  $$values ('call', date '2026-03-03', 'Follow up on the memo', 'Follow up on the memo')$$,
  'a follow_up recorded by the projection sets the task notes and wins the next action over its own call''s disposition');

-- ---------------------------------------------------------------------------------------------------
-- as reps
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('tom@sourceco.com');
select results_eq(
  $$select title, due_at from tasks where assigned_to_user_id = (select auth.uid()) and status = 'open'$$,
  $$values ('Call John Smith – Scheduled callback', timestamptz '2026-03-30T15:00:00Z')$$,
  'the assigned rep finds the callback in their agenda');
select tests.authenticate_as('rival@sourceco.com');
select is_empty($$select 1 from tasks where source = 'callback'$$, 'a rep of another team does not');
select tests.clear_authentication();

select * from finish();
rollback;
