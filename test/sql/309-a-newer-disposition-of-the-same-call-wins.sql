begin;
select plan(9);

select tests.create_user('sarah@sourceco.com', 'buyers', 'rep') \gset
select tests.create_user('owner@sourceco.com', 'buyers', 'manager') \gset

-- ---------------------------------------------------------------------------------------------------
-- as the event projection: the rep changes a call's disposition (a newer disposition.set of the same call)
-- ---------------------------------------------------------------------------------------------------
select tests.make_contact('buyers', 'owner@sourceco.com') as john \gset
select tests.record_call(:'john', 'sarah@sourceco.com', 'INTERESTED', 'Interested - Send Information',
  '2026-02-23T10:49:05Z', 'Wants memo') as john_call \gset
select dialbridge.apply_disposition(:'john_call');
select tests.redispose(:'john_call', 'NOT_INTERESTED', 'Not Interested', '2026-02-23T10:55:00Z', 'Changed his mind');
select dialbridge.apply_disposition(:'john_call');

select results_eq(
  format($$select contact_status, contact_stage, next_action_type from contacts where id = %L$$, :'john'),
  $$values ('Disqualified', 'Dead', null::text)$$,
  'the newer disposition sets status, stage and next action');
select results_eq(
  format($$select task_type, status, notes like '%%disposition changed to "Not Interested"%%' from tasks where contact_id = %L$$, :'john'),
  $$values ('email', 'cancelled', true)$$,
  'the earlier open task is cancelled, saying why, and no new one is added (NOT_INTERESTED has none)');
select results_eq(
  format($$select suppression_type, expires_at from suppressions where contact_id = %L$$, :'john'),
  $$values ('internal', timestamptz '2027-02-23T10:55:00Z')$$,
  'the newer disposition''s suppression starts at its own time');

-- and back to INTERESTED: the suppression is never lifted by a disposition
select tests.redispose(:'john_call', 'INTERESTED', 'Interested - Send Information', '2026-02-23T11:00:00Z', 'Wants memo after all');
select dialbridge.apply_disposition(:'john_call');
select results_eq(
  format($$select contact_status, (select count(*)::int from suppressions s where s.contact_id = c.id and s.lifted_at is null)
             from contacts c where c.id = %L$$, :'john'),
  $$values ('Qualified', 1)$$,
  'a later INTERESTED wins for status but leaves the suppression in place');
select results_eq(
  format($$select status, due_at, notes from tasks where contact_id = %L order by created_at, status$$, :'john'),
  $$values ('cancelled', timestamptz '2026-02-24T10:49:05Z', E'Wants memo\n\nCancelled: the call''s disposition changed to "Not Interested".'),
           ('open', timestamptz '2026-02-24T11:00:00Z', 'Wants memo after all')$$,
  'the call has one live task, for its current disposition');
select results_eq(
  format($$select status from workflow_runs where source_activity_id = %L$$, :'john_call'),
  $$values ('queued')$$,
  'its workflow is queued again (it had been cancelled before it ran)');

-- a call task replaced by another call task
select tests.make_contact('buyers', 'owner@sourceco.com', 'Emily', 'Chen') as emily \gset
select tests.record_call(:'emily', 'sarah@sourceco.com', 'LEFT_VOICEMAIL', 'Left Voicemail',
  '2026-02-23T10:00:00Z') as emily_call \gset
select dialbridge.apply_disposition(:'emily_call');
select tests.redispose(:'emily_call', 'SPOKE_TO_GATEKEEPER', 'Spoke to Gatekeeper', '2026-02-23T10:02:00Z', 'Ask for Mary');
select dialbridge.apply_disposition(:'emily_call');
select results_eq(
  format($$select title, status, due_at from tasks where contact_id = %L order by status$$, :'emily'),
  $$values ('Call Emily Chen – Left Voicemail', 'cancelled', timestamptz '2026-02-26T10:00:00Z'),
           ('Call Emily Chen – Spoke to Gatekeeper', 'open', timestamptz '2026-02-25T10:02:00Z')$$,
  'LEFT_VOICEMAIL changed to SPOKE_TO_GATEKEEPER: one cancelled, one open call task');

-- the same disposition re-saved with new notes updates the task in place
select tests.redispose(:'emily_call', 'SPOKE_TO_GATEKEEPER', 'Spoke to Gatekeeper', '2026-02-23T10:03:00Z', 'Ask for Mary, the EA');
select dialbridge.apply_disposition(:'emily_call');
select results_eq(
  format($$select count(*)::int, max(notes), max(due_at) from tasks where contact_id = %L and status = 'open'$$, :'emily'),
  $$values (1, 'Ask for Mary, the EA', timestamptz '2026-02-25T10:03:00Z')$$,
  're-saving the same disposition updates its task instead of adding one');
select results_eq(
  format($$select next_action_notes from contacts where id = %L$$, :'emily'),
  $$values ('Spoke to Gatekeeper: Ask for Mary, the EA')$$,
  'and the next action''s notes');

select * from finish();
rollback;
