begin;
select plan(6);

select tests.create_user('sarah@sourceco.com', 'buyers', 'rep') \gset
select tests.create_user('owner@sourceco.com', 'buyers', 'manager') \gset

-- ---------------------------------------------------------------------------------------------------
-- as the event projection
-- ---------------------------------------------------------------------------------------------------
select tests.make_contact('buyers', 'owner@sourceco.com') as john \gset
select tests.record_call(:'john', 'sarah@sourceco.com', 'WRONG_NUMBER', 'Wrong Number / Disconnected',
  '2026-02-23T10:49:05Z') as john_call \gset
select dialbridge.apply_disposition(:'john_call');

select results_eq(
  format($$select phone_number_invalid, phone_number_invalid_reason, contact_status, contact_stage, do_not_call
             from contacts where id = %L$$, :'john'),
  $$values (true, 'wrong_number', 'Invalid', 'Dead', false)$$,
  'WRONG_NUMBER flags the phone invalid and the contact Invalid / Dead, without do-not-call');
select is_empty(format($$select 1 from tasks where contact_id = %L$$, :'john'),
  'WRONG_NUMBER creates no task (seed 000)');

select tests.make_contact('buyers', 'owner@sourceco.com', 'Emily', 'Chen') as emily \gset
select tests.record_call(:'emily', 'sarah@sourceco.com', 'BAD_DATA', 'Bad Data', '2026-02-23T10:00:00Z') as emily_call \gset
select dialbridge.apply_disposition(:'emily_call');
select results_eq(
  format($$select c.phone_number_invalid_reason, t.task_type, t.title
             from contacts c join tasks t on t.contact_id = c.id where c.id = %L$$, :'emily'),
  $$values ('bad_data', 'research', 'Research Emily Chen – Bad Data')$$,
  'BAD_DATA flags the phone and asks for research (Appendix B)');

-- the number dialed is known from the session: an old number is not the contact's number any more
select tests.make_contact('buyers', 'owner@sourceco.com', 'Paul', 'Ng', '+12125550199') as paul \gset
insert into phoneburner_sessions (phoneburner_session_id, session_name, team_id)
values ('pb_session_305', 'PE Buyers - Feb 2026', tests.team_id('buyers')) returning id as session_id \gset
insert into phoneburner_session_contacts (session_id, contact_id, team_id, phone_e164)
values (:'session_id', :'paul', tests.team_id('buyers'), '+12125550100');
select tests.record_call(:'paul', 'sarah@sourceco.com', 'WRONG_NUMBER', 'Wrong Number / Disconnected',
  '2026-02-23T10:00:00Z') as paul_call \gset
update contact_activities set phoneburner_session_id = :'session_id' where id = :'paul_call';
select dialbridge.apply_disposition(:'paul_call');
select results_eq(
  format($$select phone_number_invalid, contact_status from contacts where id = %L$$, :'paul'),
  $$values (false, 'Invalid')$$,
  'a wrong number on a number the contact no longer has does not flag the current one');

-- a corrected number from the dialer clears the flag
select tests.record_contact_update(:'john', 'evt_phone_fix', '2026-02-24T09:00:00Z',
  '{"phone": {"old": "+12125550123", "new": "+12125550777"}}') as fix \gset
select dialbridge.apply_contact_changes(:'fix');
select results_eq(
  format($$select phone, phone_number_invalid, phone_number_invalid_reason from contacts where id = %L$$, :'john'),
  $$values ('+12125550777', false, null::text)$$,
  'a new phone number from the dialer clears the invalid flag (the new number is untested)');

-- ---------------------------------------------------------------------------------------------------
-- as a rep
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('sarah@sourceco.com');
select throws_ok(
  format($$update contacts set phone_number_invalid = false where id = %L$$, :'emily'),
  '42501', null, 'a rep cannot clear the invalid-number flag by hand');
select tests.clear_authentication();

select * from finish();
rollback;
