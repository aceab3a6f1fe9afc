-- Do-not-call after a push: a contact put on the legal do-not-call list while it sits in a rep's live
-- PhoneBurner dial session gets a propagation for that session (the worker sends it: vitest push-dnc), the
-- compliance view lists it as still dialable until PhoneBurner took it, and says why when it cannot be
-- sent (no PhoneBurner id, account not connected, refused). Finished or removed memberships and closed
-- sessions are left alone; a rep sees only their team's rows. No clock is read.
begin;
select plan(11);

select tests.create_user('dina@sourceco.com', 'dnc-team', 'rep') \gset
select tests.create_user('rival@sourceco.com', 'dnc-rivals', 'rep') \gset
update profiles set phoneburner_user_id = '4090001' where id = tests.user_id('dina@sourceco.com');
insert into public.phoneburner_oauth_tokens (user_id, access_token, display_name) values (tests.user_id('dina@sourceco.com'), 'pb-409', 'Dina');
select tests.push_contact('dnc-team', 'Dan', 'Known', '+14155550901') as known \gset
select tests.push_contact('dnc-team', 'Nia', 'Nameless', '+14155550902') as nameless \gset
select tests.push_contact('dnc-team', 'Sam', 'Same', '+14155550903') as samenum \gset
select tests.push_contact('dnc-team', 'Fin', 'Finished', '+14155550904') as finished \gset
update contacts set phoneburner_contact_id = 'pbc-known' where id = :'known';

insert into public.phoneburner_sessions (id, phoneburner_session_id, session_name, team_id, created_by_user_id, session_status)
values ('40900000-0000-0000-0000-0000000000a1', 'ds-409-live', 'Live list', tests.team_id('dnc-team'), tests.user_id('dina@sourceco.com'), 'active'),
       ('40900000-0000-0000-0000-0000000000a2', 'ds-409-done', 'Old list', tests.team_id('dnc-team'), tests.user_id('dina@sourceco.com'), 'completed');
insert into public.phoneburner_session_contacts (session_id, contact_id, team_id, phoneburner_contact_id, phone_e164, state) values
  ('40900000-0000-0000-0000-0000000000a1', :'known', tests.team_id('dnc-team'), 'pbc-known', '+14155550901', 'pending'),
  ('40900000-0000-0000-0000-0000000000a1', :'nameless', tests.team_id('dnc-team'), null, '+14155550902', 'dialed'),
  ('40900000-0000-0000-0000-0000000000a1', :'finished', tests.team_id('dnc-team'), 'pbc-fin', '+14155550904', 'removed'),
  ('40900000-0000-0000-0000-0000000000a2', :'samenum', tests.team_id('dnc-team'), 'pbc-same', '+14155550903', 'pending');
delete from graphile_worker._private_jobs where task_id = (select id from graphile_worker._private_tasks where identifier = 'phoneburner_dnc__propagate');

-- the rep records four contacts' do-not-call requests (a legal suppression each)
select tests.authenticate_as('dina@sourceco.com');
insert into public.suppressions (contact_id, team_id, suppression_type, reason, set_by_user_id)
select c, tests.team_id('dnc-team'), 'legal', 'Asked not to be called', auth.uid()
  from unnest(array[:'known', :'nameless', :'finished', :'samenum']::uuid[]) c;
select tests.clear_authentication();

select results_eq(
  format($$select contact_id, status, phoneburner_contact_id, account_user_id from public.phoneburner_dnc_propagations order by status$$),
  format($$values (%L::uuid, 'no_phoneburner_id'::text, null::text, %L::uuid), (%L::uuid, 'pending', 'pbc-known', %L::uuid)$$,
         :'nameless', tests.user_id('dina@sourceco.com'), :'known', tests.user_id('dina@sourceco.com')),
  'each live membership gets a propagation; one without PhoneBurner''s id is recorded as such; removed members and closed sessions none');
select is((select count(*)::int from graphile_worker.jobs where task_identifier = 'phoneburner_dnc__propagate'), 1,
  'the worker is queued once');
select results_eq(
  $$select contact_name, session_name, propagation_status, reason from reports.dnc_dialable_in_sessions order by contact_name$$,
  $$values ('Dan Known'::text, 'Live list'::text, 'pending'::text, 'sending to PhoneBurner (attempt 1)'::text),
           ('Nia Nameless', 'Live list', 'no_phoneburner_id', 'PhoneBurner''s id of the contact is not known: remove it in PhoneBurner by hand')$$,
  'the compliance view lists both as still dialable, with why');

-- the worker's report back
select dialbridge.record_dnc_propagation(p.id, 'done', '{"flagged": {"at": "x"}, "removed": {"at": "x"}}')
  from public.phoneburner_dnc_propagations p where p.contact_id = :'known';
select results_eq(format($$select state from public.phoneburner_session_contacts where contact_id = %L$$, :'known'),
  $$values ('removed'::text)$$, 'once PhoneBurner removed it, the membership is removed');
select results_eq($$select contact_name from reports.dnc_dialable_in_sessions$$, $$values ('Nia Nameless'::text)$$,
  'and it leaves the compliance view');
select results_eq(format($$select attempts, actions ? 'removed', completed_at is not null from public.phoneburner_dnc_propagations where contact_id = %L$$, :'known'),
  $$values (1, true, true)$$, 'what was done and when is recorded');

-- a number put on the list covers every contact with it; an account without token is recorded as such
insert into public.phoneburner_sessions (id, phoneburner_session_id, session_name, team_id, created_by_user_id, session_status)
values ('40900000-0000-0000-0000-0000000000a3', 'ds-409-b', 'Second list', tests.team_id('dnc-team'), tests.user_id('dina@sourceco.com'), 'active');
select tests.push_contact('dnc-team', 'Twin', 'Number', '+14155550999') as twin \gset
insert into public.phoneburner_session_contacts (session_id, contact_id, team_id, phoneburner_contact_id, phone_e164, state)
values ('40900000-0000-0000-0000-0000000000a3', :'twin', tests.team_id('dnc-team'), 'pbc-twin', '+14155550999', 'pending');
delete from public.phoneburner_oauth_tokens where user_id = tests.user_id('dina@sourceco.com');
insert into public.suppressions (phone_e164, team_id, suppression_type, reason, source)
values ('+14155550999', tests.team_id('dnc-team'), 'legal', 'National DNC registry', 'import');
select results_eq(format($$select status from public.phoneburner_dnc_propagations where contact_id = %L$$, :'twin'),
  $$values ('not_connected'::text)$$, 'a legal suppression of the number reaches the contact with it; no token: recorded, not sent');
select results_eq(format($$select reason from reports.dnc_dialable_in_sessions where contact_id = %L$$, :'twin'),
  $$values ('the rep''s PhoneBurner account is not connected: remove it in PhoneBurner by hand'::text)$$,
  'and the view says what to do');

-- recording again adds nothing
select is(dialbridge.queue_dnc_propagations(array(select id from public.suppressions where suppression_type = 'legal')), 0,
  'queueing the same suppressions again adds nothing');

-- another team sees none of it
select tests.authenticate_as('rival@sourceco.com');
select is_empty($$select 1 from reports.dnc_dialable_in_sessions$$, 'another team sees nothing in the compliance view');
select is_empty($$select 1 from public.phoneburner_dnc_propagations$$, 'nor the propagations');
select tests.clear_authentication();

select * from finish();
rollback;
