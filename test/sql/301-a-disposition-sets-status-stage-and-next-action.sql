begin;
select plan(12);

select tests.create_user('sarah@sourceco.com', 'buyers', 'rep') \gset
select tests.create_user('owner@sourceco.com', 'buyers', 'manager') \gset
select tests.create_user('rival@sourceco.com', 'sellers', 'rep') \gset

-- ---------------------------------------------------------------------------------------------------
-- as the event projection: calls recorded with a disposition (seed 000 example call, INTERESTED)
-- ---------------------------------------------------------------------------------------------------
select tests.make_contact('buyers', 'owner@sourceco.com') as john \gset
select tests.record_call(:'john', 'sarah@sourceco.com', 'INTERESTED', 'Interested - Send Information',
  '2026-02-23T10:49:05.111Z', 'Wants memo on current collision repair platform deal.') as john_call \gset
select dialbridge.apply_disposition(:'john_call');

select results_eq(
  format($$select contact_status, contact_stage from contacts where id = %L$$, :'john'),
  $$values ('Qualified', 'Engaged')$$,
  'INTERESTED makes the contact Qualified / Engaged (seed 000 mapping)');

select results_eq(
  format($$select next_action_type, next_action_date, next_action_notes, next_action_assigned_to_user_id
             from contacts where id = %L$$, :'john'),
  format($$values ('send_materials', date '2026-02-23',
                   'Interested - Send Information: Wants memo on current collision repair platform deal.', %L::uuid)$$,
         tests.user_id('sarah@sourceco.com')),
  'INTERESTED plans "send materials" on the disposition date, with the call notes, for the rep on the call');

select tests.make_contact('buyers', 'owner@sourceco.com', 'Emily', 'Chen') as emily \gset
select tests.record_call(:'emily', 'sarah@sourceco.com', 'LEFT_VOICEMAIL', 'Left Voicemail',
  '2026-02-23T22:30:00Z') as emily_call \gset
select dialbridge.apply_disposition(:'emily_call');

select results_eq(
  format($$select contact_status, contact_stage, next_action_type, next_action_date from contacts where id = %L$$, :'emily'),
  $$values ('Attempted', 'Outreach', 'call', date '2026-02-26')$$,
  'LEFT_VOICEMAIL plans a call 3 days later, counted in the contact''s time zone (17:30 in New York is still Feb 23)');

select tests.make_contact('buyers', 'owner@sourceco.com', 'Paul', 'Ng') as paul \gset
select tests.record_call(:'paul', 'sarah@sourceco.com', 'CALLBACK_REQUESTED', 'Callback Requested',
  '2026-02-23T15:00:00Z', 'Call after the board meeting', null, '2026-03-10T15:00:00Z') as paul_call \gset
select dialbridge.apply_disposition(:'paul_call');

select results_eq(
  format($$select next_action_type, next_action_date from contacts where id = %L$$, :'paul'),
  $$values ('call', date '2026-03-10')$$,
  'a callback date carried by the disposition wins over the mapping''s offset');

-- two calls processed out of order: the newer disposition wins whatever the processing order
select tests.make_contact('buyers', 'owner@sourceco.com', 'Ann', 'Lee') as ann \gset
select tests.record_call(:'ann', 'sarah@sourceco.com', 'INTERESTED', 'Interested - Send Information',
  '2026-02-20T10:00:00Z') as ann_old \gset
select tests.record_call(:'ann', 'sarah@sourceco.com', 'NOT_A_FIT', 'Not a Fit - Wrong ICP',
  '2026-02-23T10:00:00Z') as ann_new \gset
select dialbridge.apply_disposition(:'ann_new');
select dialbridge.apply_disposition(:'ann_old');

select results_eq(
  format($$select contact_status, contact_stage, next_action_type from contacts where id = %L$$, :'ann'),
  $$values ('Disqualified', 'Dead', null::text)$$,
  'an older disposition processed after a newer one does not overwrite status, stage or next action');

-- an unmatched call and a call without a disposition change nothing
select tests.record_call(null, 'sarah@sourceco.com', 'INTERESTED', 'Interested - Send Information',
  '2026-02-23T11:00:00Z') as orphan \gset
select lives_ok(format('select dialbridge.apply_disposition(%L)', :'orphan'),
  'applying an unmatched call is allowed (the link RPC applies it once linked)');
select is_empty(
  format($$select 1 from tasks where source_activity_id = %L
           union all select 1 from dialbridge.disposition_applications where activity_id = %L$$, :'orphan', :'orphan'),
  'an unmatched call creates no task and records nothing');

select tests.make_contact('buyers', 'owner@sourceco.com', 'Zoe', 'Park') as zoe \gset
select tests.record_call(:'zoe', 'sarah@sourceco.com', null, null, '2026-02-23T11:00:00Z') as zoe_call \gset
select dialbridge.apply_disposition(:'zoe_call');
select results_eq(
  format($$select contact_status, next_action_type from contacts where id = %L$$, :'zoe'),
  $$values (null::text, null::text)$$,
  'a call without a disposition changes nothing');

-- linking the unmatched call later applies its disposition
update contact_activities set contact_id = :'zoe', matching_status = 'manually_linked' where id = :'orphan';
select dialbridge.apply_disposition(:'orphan');
select results_eq(
  format($$select contact_status, contact_stage from contacts where id = %L$$, :'zoe'),
  $$values ('Qualified', 'Engaged')$$,
  'once the unmatched call is linked, applying it again acts on the contact');

select throws_ok(
  $$select dialbridge.apply_disposition('00000000-0000-0000-0000-000000000000')$$,
  'DB037', null, 'applying a call that does not exist is an error');

-- ---------------------------------------------------------------------------------------------------
-- as reps
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('sarah@sourceco.com');
select results_eq(
  format($$select contact_status, contact_stage from contacts where id = %L$$, :'john'),
  $$values ('Qualified', 'Engaged')$$,
  'the rep sees the new status of their team''s contact');

select tests.authenticate_as('rival@sourceco.com');
select is_empty(
  format($$select 1 from contacts where id = %L$$, :'john'),
  'a rep of another team does not see it');
select tests.clear_authentication();

select * from finish();
rollback;
