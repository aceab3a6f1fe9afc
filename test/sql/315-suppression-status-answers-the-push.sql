begin;
select plan(8);

select tests.create_user('sarah@sourceco.com', 'buyers', 'rep') \gset
select tests.create_user('rival@sourceco.com', 'sellers', 'rep') \gset

select tests.make_contact('buyers', 'sarah@sourceco.com', 'Clean', 'Contact', '+12125550101') as clean \gset
select tests.make_contact('buyers', 'sarah@sourceco.com', 'Not', 'Interested', '+12125550102') as internal \gset
select tests.make_contact('buyers', 'sarah@sourceco.com', 'Flagged', 'Directly', '+12125550103') as flagged \gset
select tests.make_contact('sellers', 'rival@sourceco.com', 'Other', 'Team', '+12125550104') as other_team \gset

-- the clock: the internal suppression began a month before now() (the transaction's start), for a year
select now() - interval '30 days' + interval '1 year' as internal_until \gset
insert into suppressions (contact_id, team_id, suppression_type, reason, source, created_at, expires_at)
values (:'internal', tests.team_id('buyers'), 'internal', 'not_interested', 'manual', now() - interval '30 days',
        :'internal_until');

-- ---------------------------------------------------------------------------------------------------
-- as the service role (an import sets the flag directly)
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_service_role();
update contacts set do_not_call = true, do_not_call_reason = 'legal_requirement' where id = :'flagged';
select tests.clear_authentication();
select results_eq(
  format($$select suppression_type, reason, source, phone_e164 from suppressions where contact_id = %L$$, :'flagged'),
  $$values ('legal', 'legal_requirement', 'system', '+12125550103')$$,
  'setting do_not_call directly records the legal suppression by contact and phone in the same transaction');

-- ---------------------------------------------------------------------------------------------------
-- as a rep of another team: a do-not-call request recorded by hand
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('rival@sourceco.com');
insert into suppressions (contact_id, phone_e164, team_id, suppression_type, reason, source, set_by_user_id)
values (:'other_team', '+12125550104', tests.team_id('sellers'), 'legal', 'user_requested', 'manual', (select auth.uid()));
select tests.clear_authentication();
select results_eq(
  format($$select do_not_call, do_not_call_reason, do_not_call_set_by_user_id from contacts where id = %L$$, :'other_team'),
  format($$values (true, 'user_requested', %L::uuid)$$, tests.user_id('rival@sourceco.com')),
  'a legal suppression recorded by a rep puts the contact on the do-not-call list at once');

-- a number-only suppression (e.g. from a national list import)
insert into suppressions (phone_e164, suppression_type, reason, source) values ('+12125550105', 'legal', 'legal_requirement', 'import');

-- ---------------------------------------------------------------------------------------------------
-- as a rep previewing a push
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('sarah@sourceco.com');
select results_eq(
  format($$select ordinality::int, phone_e164, is_suppressed, is_legal, reason, until
             from dialbridge.suppression_statuses(
                    array[%L, %L, %L, null, null, %L]::uuid[],
                    array['+12125550101', '212-555-0102', '+12125550103', '(212) 555-0104', '+1 212 555 0105', null])$$,
         :'clean', :'internal', :'flagged', :'clean'),
  format($$values (1, '+12125550101', false, false, null::text, null::timestamptz),
           (2, '+12125550102', true, false, 'not_interested', %L::timestamptz),
           (3, '+12125550103', true, true, 'legal_requirement', null),
           (4, '+12125550104', true, true, 'user_requested', null),
           (5, '+12125550105', true, true, 'legal_requirement', null),
           (6, null, false, false, null, null)$$, :'internal_until'),
  'the batch answers one row per input, in order: clean, internal until its expiry, legal by contact, legal by number (another team''s request, a list import)');
select results_eq(
  format($$select * from dialbridge.suppression_status(%L, '+12125550102')$$, :'internal'),
  format($$values (true, false, 'not_interested', %L::timestamptz)$$, :'internal_until'),
  'the single form answers the same');
select results_eq(
  format($$select is_suppressed, is_legal, reason, until from dialbridge.suppression_status(%L, '+12125550102')$$, :'clean'),
  $$values (false, false, null::text, null::timestamptz)$$,
  'an internal suppression of one contact does not follow its number to another contact');
select is_empty(format($$select 1 from suppressions where contact_id = %L$$, :'other_team'),
  'the rep still cannot read the other team''s suppression rows');
select tests.clear_authentication();

-- the legal one outranks an internal one on the same contact
insert into suppressions (contact_id, phone_e164, team_id, suppression_type, reason, source)
values (:'internal', '+12125550102', tests.team_id('buyers'), 'legal', 'user_requested', 'manual');
select results_eq(
  format($$select * from dialbridge.suppression_status(%L, '+12125550102')$$, :'internal'),
  $$values (true, true, 'user_requested', null::timestamptz)$$,
  'a legal suppression wins over an internal one: permanent, never overridable');

select throws_ok(
  $$insert into suppressions (phone_e164, suppression_type, reason, source, expires_at)
    values ('+12125550106', 'legal', 'legal_requirement', 'import', now() + interval '1 year')$$,
  '23514', null, 'a legal suppression cannot be given an end');

select * from finish();
rollback;
