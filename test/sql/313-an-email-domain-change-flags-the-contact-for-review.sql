begin;
select plan(5);

select tests.create_user('sarah@sourceco.com', 'buyers', 'rep') \gset

-- ---------------------------------------------------------------------------------------------------
-- as the event projection
-- ---------------------------------------------------------------------------------------------------
select tests.make_contact('buyers', 'sarah@sourceco.com') as john \gset
select tests.record_contact_update(:'john', 'evt_email_1', '2026-02-23T11:05:00Z',
  '{"email": {"old": "jsmith@heritagecap.com", "new": "John.Smith@NewFund.com"}}') as moved \gset
select dialbridge.apply_contact_changes(:'moved');
select results_eq(
  format($$select email, needs_review, needs_review_reason from contacts where id = %L$$, :'john'),
  $$values ('John.Smith@NewFund.com', true,
            'Email domain changed from heritagecap.com to newfund.com in PhoneBurner: possible company change.')$$,
  'a new email domain flags the contact for review, saying which domains (F-002: possible company change)');

select tests.make_contact('buyers', 'sarah@sourceco.com', 'Emily', 'Chen', p_email => 'echen@summitpartners.com') as emily \gset
select tests.record_contact_update(:'emily', 'evt_email_2', '2026-02-23T11:05:00Z',
  '{"email": {"old": "echen@summitpartners.com", "new": "emily.chen@SummitPartners.com"}}') as same \gset
select dialbridge.apply_contact_changes(:'same');
select results_eq(
  format($$select email, needs_review from contacts where id = %L$$, :'emily'),
  $$values ('emily.chen@SummitPartners.com', false)$$,
  'a new address at the same domain (any case) is no reason for review');

-- a stale change of domain is not applied and flags nothing
select tests.make_contact('buyers', 'sarah@sourceco.com', 'Paul', 'Ng', p_email => 'paul@ngholdings.com') as paul \gset
select tests.record_contact_update(:'paul', 'evt_email_3', '2026-02-23T12:00:00Z',
  '{"email": {"old": "paul@ngholdings.com", "new": "paul.ng@ngholdings.com"}}') as newer \gset
select tests.record_contact_update(:'paul', 'evt_email_4', '2026-02-23T11:00:00Z',
  '{"email": {"old": "paul@ngholdings.com", "new": "paul@otherco.com"}}') as older \gset
select dialbridge.apply_contact_changes(:'newer');
select dialbridge.apply_contact_changes(:'older');
select results_eq(
  format($$select email, needs_review from contacts where id = %L$$, :'paul'),
  $$values ('paul.ng@ngholdings.com', false)$$,
  'an older domain change that lost to a newer write flags nothing');

-- a contact without an email getting one is not a company change
select tests.make_contact('buyers', 'sarah@sourceco.com', 'Zoe', 'Park', p_email => null) as zoe \gset
select tests.record_contact_update(:'zoe', 'evt_email_5', '2026-02-23T11:00:00Z',
  '{"email": {"old": null, "new": "zoe@parkcap.com"}}') as first_email \gset
select dialbridge.apply_contact_changes(:'first_email');
select results_eq(
  format($$select email, needs_review from contacts where id = %L$$, :'zoe'),
  $$values ('zoe@parkcap.com', false)$$,
  'a first email address is not flagged');

-- ---------------------------------------------------------------------------------------------------
-- as a rep: reviewing clears the flag
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('sarah@sourceco.com');
update contacts set needs_review = false, needs_review_reason = null where id = :'john';
select results_eq(
  format($$select needs_review from contacts where id = %L$$, :'john'),
  $$values (false)$$,
  'the rep clears the flag after checking');
select tests.clear_authentication();

select * from finish();
rollback;
