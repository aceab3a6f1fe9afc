begin;
select plan(9);

select tests.create_user('zoe@sourceco.com', 'recon-team', 'rep') \gset
update profiles set phoneburner_user_id = '7654321' where id = tests.user_id('zoe@sourceco.com');
select tests.push_contact('recon-team', 'Rob', 'Ray', '+12025550101') as rob \gset
select tests.push_contact('recon-team', 'Sue', 'Sol', '+12025550102') as sue \gset
update contacts set sourceco_contact_id = 'sc_buyer_rob' where id = :'rob';

-- a push whose dial session PhoneBurner did not name yet
insert into phoneburner_sessions (phoneburner_session_id, session_name, team_id, created_by_user_id)
values ('pending:req-7:1', 'Recon Buyers', tests.team_id('recon-team'), tests.user_id('zoe@sourceco.com')) returning id as session \gset
insert into phoneburner_session_contacts (session_id, contact_id, team_id, phone_e164)
values (:'session', :'rob', tests.team_id('recon-team'), '+12025550101'), (:'session', :'sue', tests.team_id('recon-team'), '+12025550102');

-- ---------------------------------------------------------------------------------------------------
-- as the worker (service role)
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_service_role();

select is(dialbridge.link_pushed_session('4455667', 'sc_buyer_rob', '55501234', '{}', '7654321'), :'session'::uuid,
  'the first event of a pushed contact gives the pending session its PhoneBurner id');
select is((select phoneburner_session_id from phoneburner_sessions where id = :'session'), '4455667', 'the session now carries it');
select is(dialbridge.link_pushed_session('4455667', 'sc_buyer_rob', null, '{}', '7654321'), null,
  'a known session is not linked twice');

select is(dialbridge.reconcile_phoneburner_contacts(tests.user_id('zoe@sourceco.com'), format('[
   {"phoneburner_contact_id": "55501234", "sourceco_contact_id": "sc_buyer_rob", "modified_at": "2026-11-20 09:15:00",
    "first_name": "Rob", "last_name": "Ray", "email": "rob.new@example.test", "phone": "2025550199", "phone_e164": "+12025550199",
    "company": "Heritage Capital Partners", "title": "Partner"},
   {"phoneburner_contact_id": "55501235", "sourceco_contact_id": "%s", "modified_at": "2026-11-20 09:16:00",
    "first_name": "Sue", "last_name": "Sol", "email": "sue.sol@example.test", "phone": "(202) 555-0102", "phone_e164": "+12025550102",
    "company": "Heritage Capital Partners"},
   {"phoneburner_contact_id": "99999999", "sourceco_contact_id": "sc_unknown", "modified_at": "2026-11-20 09:17:00", "first_name": "Who"}]',
   (select sourceco_contact_id from contacts where id = :'sue'))::jsonb), 1,
  'only the contact PhoneBurner changed becomes an event (a matching contact and an unknown one do not)');
select results_eq(
  $$select event_type, auth_method, payload -> 'changes', event_at from phoneburner_webhooks_log where auth_method = 'reconciliation'$$,
  $$values ('contact.updated', 'reconciliation',
            '{"email": {"new": "rob.new@example.test", "old": "rob.ray@example.test"}, "phone": {"new": "+12025550199", "old": "+12025550101"}, "title": {"new": "Partner", "old": null}}'::jsonb,
            timestamptz '2026-11-20 14:15:00Z')$$,
  'the difference becomes a contact.updated event at PhoneBurner''s time (read in the account''s zone), for the projection to apply last write wins, with audit');
select is(dialbridge.reconcile_phoneburner_contacts(tests.user_id('zoe@sourceco.com'), '[
   {"phoneburner_contact_id": "55501234", "sourceco_contact_id": "sc_buyer_rob", "modified_at": "2026-11-20 09:15:00",
    "email": "rob.new@example.test", "phone_e164": "+12025550199", "title": "Partner"}]'::jsonb), 0,
  'running the reconciliation again adds nothing');
select is((select phoneburner_contact_id from contacts where id = :'sue'), '55501235',
  'PhoneBurner''s id of a contact is learnt on the way');

-- call counts: PhoneBurner made 3 calls in the session, we recorded 1 (as the projection would)
select tests.clear_authentication();
insert into contact_activities (contact_id, team_id, activity_type, source_system, matching_status, dedupe_key,
                                phoneburner_session_id, phoneburner_call_id, call_started_at)
values (:'rob', tests.team_id('recon-team'), 'call_attempt', 'phoneburner', 'matched', 'test:recon:1', :'session', '900001', now());
select tests.authenticate_as_service_role();
select is(dialbridge.record_session_call_counts(tests.user_id('zoe@sourceco.com'),
  '[{"id": "4455667", "total_calls": 3}, {"id": "not-ours", "total_calls": 9}]'::jsonb, '2026-11-21T06:30:00Z'), 1,
  'PhoneBurner''s call counts are recorded for our sessions');
select tests.clear_authentication();

select tests.authenticate_as('zoe@sourceco.com');
select results_eq(
  $$select session_name, provider_calls, recorded_calls, missing_calls from phoneburner_call_drift$$,
  $$values ('Recon Buyers', 3, 1, 2)$$,
  'the drift view shows the rep the calls that never reached dialbridge');
select tests.clear_authentication();

select * from finish();
rollback;
