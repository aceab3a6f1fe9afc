begin;
select plan(11);

select tests.create_user('nia@sourceco.com', 'phone-team', 'rep') \gset
delete from graphile_worker._private_jobs where task_id in (select id from graphile_worker._private_tasks where identifier = 'contacts__normalize_phones');

-- ---------------------------------------------------------------------------------------------------
-- as a rep editing contacts in the browser
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('nia@sourceco.com');
insert into contacts (team_id, first_name, last_name, phone)
values (tests.team_id('phone-team'), 'Typed', 'In', '(212) 555-0199') returning id as typed \gset
insert into contacts (team_id, first_name, last_name, phone)
values (tests.team_id('phone-team'), 'No', 'Number', '  ') returning id as blank \gset
select results_eq(
  format($$select phone_status, phone_e164 from contacts where id in (%L, %L) order by first_name$$, :'blank', :'typed'),
  $$values ('missing', null::text), ('pending', null::text)$$,
  'a number typed in the browser waits for normalisation; a blank one is missing');
select throws_ok(
  format($$update contacts set phone_e164 = '+19999999999', phone_status = 'valid' where id = %L$$, :'typed'),
  '42501', null, 'the browser cannot write the normalised number itself');
select tests.clear_authentication();

select is((select count(*)::int from graphile_worker.jobs where task_identifier = 'contacts__normalize_phones'), 1,
  'one coalesced normalisation job is queued, however many rows are pending');

-- ---------------------------------------------------------------------------------------------------
-- as the worker (service): normalises what it claimed
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_service_role();
select results_eq(
  format($$select id, phone from dialbridge.claim_pending_phones(10) where id = %L$$, :'typed'),
  format($$values (%L::uuid, '(212) 555-0199')$$, :'typed'),
  'the worker claims the pending row with the number as typed');
select is(dialbridge.apply_phone_normalizations(format(
  '[{"id": "%s", "phone": "(212) 555-0199", "phone_e164": "+12125550199", "phone_status": "valid"}]', :'typed')::jsonb), 1,
  'the normalisation is applied');
select results_eq(
  format($$select phone, phone_e164, phone_status, phone_number_invalid from contacts where id = %L$$, :'typed'),
  $$values ('(212) 555-0199', '+12125550199', 'valid', false)$$,
  'the raw number is kept beside its E.164 form');

-- a normalisation computed for an older value never overwrites a newer edit
update contacts set phone = '212-555-0198' where id = :'typed';
select is(dialbridge.apply_phone_normalizations(format(
  '[{"id": "%s", "phone": "(212) 555-0199", "phone_e164": "+12125550199", "phone_status": "valid"}]', :'typed')::jsonb), 0,
  'a stale normalisation is not applied');
select results_eq(
  format($$select phone_status, phone_e164 from contacts where id = %L$$, :'typed'),
  $$values ('pending', null::text)$$,
  'the changed number is pending again, and its old E.164 form is gone (it no longer belongs to the contact)');

-- unparseable: flagged, never guessed; a valid number clears that flag
update contacts set phone = '555-CALL-ME' where id = :'typed';
select dialbridge.apply_phone_normalizations(format(
  '[{"id": "%s", "phone": "555-CALL-ME", "phone_e164": null, "phone_status": "invalid"}]', :'typed')::jsonb);
select results_eq(
  format($$select phone_status, phone_e164, phone_number_invalid, phone_number_invalid_reason from contacts where id = %L$$, :'typed'),
  $$values ('invalid', null::text, true, 'unparseable')$$,
  'an unparseable number is flagged invalid (reason unparseable) with no E.164 form');
update contacts set phone = '+1 212 555 0197' where id = :'typed';
select dialbridge.apply_phone_normalizations(format(
  '[{"id": "%s", "phone": "+1 212 555 0197", "phone_e164": "+12125550197", "phone_status": "valid"}]', :'typed')::jsonb);
select results_eq(
  format($$select phone_status, phone_number_invalid, phone_number_invalid_reason from contacts where id = %L$$, :'typed'),
  $$values ('valid', false, null::text)$$,
  'a valid number replacing it clears the unparseable flag');
select throws_ok(
  format($$select dialbridge.apply_phone_normalizations('[{"id": "%s", "phone": "x", "phone_e164": "2125550197", "phone_status": "valid"}]')$$, :'typed'),
  'DB040', 'each normalisation needs an id, a status valid|invalid|missing and an E.164 number exactly when valid',
  'a malformed normalisation is refused, not stored');
select tests.clear_authentication();

select * from finish();
rollback;
