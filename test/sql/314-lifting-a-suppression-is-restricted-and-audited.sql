begin;
select plan(14);

select tests.create_user('sarah@sourceco.com', 'buyers', 'rep') \gset
select tests.create_user('owner@sourceco.com', 'buyers', 'manager') \gset
select tests.create_user('boss@sourceco.com', 'sellers', 'manager') \gset
select tests.create_user('admin@sourceco.com', 'buyers', 'admin') \gset

select tests.make_contact('buyers', 'owner@sourceco.com') as john \gset
-- the clock: every time is relative to now() (the transaction's start); the calls were two weeks ago
select tests.record_call(:'john', 'sarah@sourceco.com', 'NOT_INTERESTED', 'Not Interested',
  now() - interval '14 days') as ni_call \gset
select dialbridge.apply_disposition(:'ni_call');
select id as internal_id from suppressions where source_activity_id = :'ni_call' \gset

select tests.make_contact('buyers', 'owner@sourceco.com', 'Emily', 'Chen', '+12125550188') as emily \gset
select tests.record_call(:'emily', 'sarah@sourceco.com', 'DO_NOT_CALL', 'Do Not Call - Requested Removal',
  now() - interval '14 days') as dnc_call \gset
select dialbridge.apply_disposition(:'dnc_call');
select id as legal_id from suppressions where source_activity_id = :'dnc_call' \gset

-- ---------------------------------------------------------------------------------------------------
-- as anon and as a rep
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_anon();
select throws_ok(format($$select public.lift_suppression(%L, 'Wants to hear from us again')$$, :'internal_id'),
  '42501', null, 'anon cannot call lift_suppression');
select tests.authenticate_as('sarah@sourceco.com');
select throws_ok(format($$select public.lift_suppression(%L, 'Wants to hear from us again')$$, :'internal_id'),
  'DB032', null, 'a rep cannot lift a suppression');

-- ---------------------------------------------------------------------------------------------------
-- as managers
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('boss@sourceco.com');
select throws_ok(format($$select public.lift_suppression(%L, 'Wants to hear from us again')$$, :'internal_id'),
  'DB034', null, 'a manager of another team does not even see it');
select tests.authenticate_as('owner@sourceco.com');
select throws_ok(format($$select public.lift_suppression(%L, 'ok')$$, :'internal_id'),
  'DB033', null, 'lifting needs a real reason');
select results_eq(
  format($$select lifted_by_user_id, lift_reason, lifted_at is not null
             from public.lift_suppression(%L, '  He called us back about the NC deal  ')$$, :'internal_id'),
  format($$values (%L::uuid, 'He called us back about the NC deal', true)$$, tests.user_id('owner@sourceco.com')),
  'the team''s manager lifts an internal suppression; who, why and when are recorded on it');
select throws_ok(format($$select public.lift_suppression(%L, 'Lifting it a second time')$$, :'internal_id'),
  'DB035', null, 'a lifted suppression cannot be lifted again');
select throws_ok(format($$select public.lift_suppression(%L, 'He asked to be called again')$$, :'legal_id'),
  'DB032', null, 'a manager cannot lift a legal do-not-call');
select tests.clear_authentication();

select results_eq(
  format($$select is_suppressed from dialbridge.suppression_status(%L, '+12125550123')$$, :'john'),
  $$values (false)$$,
  'the lifted contact is dialable again');
select results_eq(
  format($$select is_suppressed from dialbridge.suppression_status(%L, '+12125550123', now() - interval '7 days')$$, :'john'),
  $$values (true)$$,
  'asked as of a time before the lift, it was suppressed');

select throws_ok(
  format($$update suppressions set lift_reason = 'rewritten history' where id = %L$$, :'internal_id'),
  'DB031', null, 'a lifted suppression''s audit cannot be rewritten');

-- ---------------------------------------------------------------------------------------------------
-- as an admin: correcting a do-not-call recorded in error
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('admin@sourceco.com');
select throws_ok(format($$select public.lift_suppression(%L, 'mistake')$$, :'legal_id'),
  'DB033', null, 'even an admin must give a reason');
select lives_ok(
  format($$select public.lift_suppression(%L, 'Recorded in error: the rep clicked Do Not Call instead of Not Now (call reviewed)')$$, :'legal_id'),
  'an admin lifts a legal do-not-call recorded in error, with a reason');
select tests.clear_authentication();

select results_eq(
  format($$select c.do_not_call, c.do_not_call_reason, s.lifted_by_user_id, s.lift_reason like 'Recorded in error%%'
             from contacts c join suppressions s on s.contact_id = c.id where c.id = %L$$, :'emily'),
  format($$values (false, null::text, %L::uuid, true)$$, tests.user_id('admin@sourceco.com')),
  'the contact leaves the do-not-call list and the suppression keeps who lifted it and why');
select results_eq(
  format($$select is_suppressed from dialbridge.suppression_status(%L, '+12125550188')$$, :'emily'),
  $$values (false)$$,
  'the number is no longer suppressed');

select * from finish();
rollback;
