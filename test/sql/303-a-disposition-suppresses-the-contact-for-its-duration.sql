begin;
select plan(8);

select tests.create_user('sarah@sourceco.com', 'buyers', 'rep') \gset
select tests.create_user('owner@sourceco.com', 'buyers', 'manager') \gset
select tests.create_user('rival@sourceco.com', 'sellers', 'rep') \gset

-- ---------------------------------------------------------------------------------------------------
-- as the event projection
-- ---------------------------------------------------------------------------------------------------
select tests.make_contact('buyers', 'owner@sourceco.com') as john \gset
select tests.record_call(:'john', 'sarah@sourceco.com', 'NOT_INTERESTED', 'Not Interested',
  '2026-02-23T10:49:05Z') as john_call \gset
select dialbridge.apply_disposition(:'john_call');

select results_eq(
  format($$select suppression_type, reason, source, source_activity_id, set_by_user_id, phone_e164, created_at, expires_at
             from suppressions where contact_id = %L$$, :'john'),
  format($$values ('internal', 'not_interested', 'disposition', %L::uuid, %L::uuid, null::text,
                   timestamptz '2026-02-23T10:49:05Z', timestamptz '2027-02-23T10:49:05Z')$$,
         :'john_call', tests.user_id('sarah@sourceco.com')),
  'NOT_INTERESTED suppresses the contact internally for 365 days from the disposition (F-003)');

select results_eq(
  format($$select is_suppressed, is_legal, reason, until
             from dialbridge.suppression_status(%L, '+12125550123', '2027-02-22T00:00:00Z')$$, :'john'),
  $$values (true, false, 'not_interested', timestamptz '2027-02-23T10:49:05Z')$$,
  'the push sees it suppressed (not legal) until the expiry');

select results_eq(
  format($$select is_suppressed from dialbridge.suppression_status(%L, '+12125550123', '2027-02-24T00:00:00Z')$$, :'john'),
  $$values (false)$$,
  'after 365 days the contact is dialable again');

select results_eq(
  format($$select do_not_call, contact_status from contacts where id = %L$$, :'john'),
  $$values (false, 'Disqualified')$$,
  'an internal suppression is not do-not-call');

select results_eq(
  $$select is_suppressed from dialbridge.suppression_status(null, '+12125550123')$$,
  $$values (false)$$,
  'an internal suppression follows the contact, not the number');

select tests.make_contact('buyers', 'owner@sourceco.com', 'Emily', 'Chen') as emily \gset
select tests.record_call(:'emily', 'sarah@sourceco.com', 'ALREADY_WORKING_WITH_COMPETITOR',
  'Already Working With Competitor', '2026-02-23T10:00:00Z') as emily_call \gset
select dialbridge.apply_disposition(:'emily_call');
select results_eq(
  format($$select reason, expires_at from suppressions where contact_id = %L$$, :'emily'),
  $$values ('working_with_competitor', timestamptz '2026-08-22T10:00:00Z')$$,
  'ALREADY_WORKING_WITH_COMPETITOR suppresses for 180 days (Appendix B)');

-- ---------------------------------------------------------------------------------------------------
-- as reps
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('sarah@sourceco.com');
select results_eq(
  format($$select reason from suppressions where contact_id = %L$$, :'john'),
  $$values ('not_interested')$$,
  'the rep sees their team''s suppressions');
select tests.authenticate_as('rival@sourceco.com');
select is_empty($$select 1 from suppressions$$, 'a rep of another team does not');
select tests.clear_authentication();

select * from finish();
rollback;
