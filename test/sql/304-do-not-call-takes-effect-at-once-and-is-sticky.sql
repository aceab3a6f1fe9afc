begin;
select plan(15);

select tests.create_user('sarah@sourceco.com', 'buyers', 'rep') \gset
select tests.create_user('owner@sourceco.com', 'buyers', 'manager') \gset

select tests.make_contact('buyers', 'owner@sourceco.com') as john \gset
-- John already has a scheduled call from an earlier voicemail
select tests.record_call(:'john', 'sarah@sourceco.com', 'LEFT_VOICEMAIL', 'Left Voicemail',
  '2026-02-20T10:00:00Z') as earlier_call \gset
select dialbridge.apply_disposition(:'earlier_call');

-- ---------------------------------------------------------------------------------------------------
-- as the event projection: John asks not to be called again
-- ---------------------------------------------------------------------------------------------------
select tests.record_call(:'john', 'sarah@sourceco.com', 'DO_NOT_CALL', 'Do Not Call - Requested Removal',
  '2026-02-23T10:49:05Z', 'Asked to be removed from all lists.') as dnc_call \gset
select dialbridge.apply_disposition(:'dnc_call');

-- still inside the transaction that applied the disposition
select results_eq(
  format($$select do_not_call, do_not_call_reason, do_not_call_set_at, do_not_call_set_by_user_id,
                  contact_status, contact_stage
             from contacts where id = %L$$, :'john'),
  format($$values (true, 'user_requested', timestamptz '2026-02-23T10:49:05Z', %L::uuid, 'Suppressed', 'Dead')$$,
         tests.user_id('sarah@sourceco.com')),
  'DO_NOT_CALL sets do_not_call with reason, time and rep in the same transaction');

select results_eq(
  format($$select suppression_type, reason, contact_id, phone_e164, expires_at, lifted_at
             from suppressions where source_activity_id = %L$$, :'dnc_call'),
  format($$values ('legal', 'user_requested', %L::uuid, '+12125550123', null::timestamptz, null::timestamptz)$$, :'john'),
  'it records a permanent legal suppression by contact and phone number');

select results_eq(
  format($$select status, notes like '%%do-not-call%%' from tasks where source_activity_id = %L$$, :'earlier_call'),
  $$values ('cancelled', true)$$,
  'the contact''s open call task is cancelled');

select results_eq(
  format($$select next_action_type from contacts where id = %L$$, :'john'),
  $$values (null::text)$$,
  'no call is planned any more');

select tests.make_contact('buyers', 'owner@sourceco.com', 'Mary', 'Smith', '(212) 555-0123') as mary \gset
select results_eq(
  format($$select is_suppressed, is_legal from dialbridge.suppression_status(%L, '(212) 555-0123')$$, :'mary'),
  $$values (true, true)$$,
  'the number stays on the do-not-call list for any contact that carries it');

-- later dispositions: a new call, then the same call changed
select tests.record_call(:'john', 'sarah@sourceco.com', 'INTERESTED', 'Interested - Send Information',
  '2026-03-01T10:00:00Z') as later_call \gset
select dialbridge.apply_disposition(:'later_call');
select tests.redispose(:'dnc_call', 'HOT_LEAD', 'Hot Lead - High Priority', '2026-02-23T10:55:00Z');
select dialbridge.apply_disposition(:'dnc_call');

select results_eq(
  format($$select do_not_call, contact_status, coalesce(next_action_type, 'none') <> 'call' from contacts where id = %L$$, :'john'),
  $$values (true, 'Suppressed', true)$$,
  'a later INTERESTED or HOT_LEAD neither lifts do-not-call nor plans a call');
select results_eq(
  format($$select count(*)::int from suppressions where contact_id = %L and suppression_type = 'legal' and lifted_at is null$$, :'john'),
  $$values (1)$$,
  'the legal suppression stays in place');
select is_empty(
  format($$select 1 from tasks where contact_id = %L and task_type = 'call' and status = 'open'$$, :'john'),
  'no open call task is created for the do-not-call contact');

-- contact.updated cannot touch it
select tests.record_contact_update(:'john', 'evt_dnc_sync', '2026-03-02T10:00:00Z',
  '{"do_not_call": {"old": true, "new": false}}') as sync_activity \gset
select dialbridge.apply_contact_changes(:'sync_activity');
select results_eq(
  format($$select c.do_not_call, f.applied from contacts c join contact_field_changes f on f.contact_id = c.id
            where c.id = %L and f.field_name = 'do_not_call'$$, :'john'),
  $$values (true, false)$$,
  'contact.updated cannot clear do_not_call (audited as not applied)');

-- ---------------------------------------------------------------------------------------------------
-- as the service role (a sync, a reconciliation job, a script)
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_service_role();
select throws_ok(
  format($$update contacts set do_not_call = false where id = %L$$, :'john'),
  'DB030', null, 'a direct update of do_not_call to false is refused');
select throws_ok(
  format($$update suppressions set lifted_at = now(), lifted_by_user_id = %L, lift_reason = 'cleanup of old data'
            where source_activity_id = %L$$, tests.user_id('owner@sourceco.com'), :'dnc_call'),
  'DB032', null, 'a suppression cannot be lifted by writing the row without a signed-in, entitled user');
select throws_ok(
  format($$delete from suppressions where source_activity_id = %L$$, :'dnc_call'),
  'DB031', null, 'a legal suppression cannot be deleted');
select throws_ok(
  format($$update suppressions set suppression_type = 'internal' where source_activity_id = %L$$, :'dnc_call'),
  'DB031', null, 'a legal suppression cannot be downgraded');
update contacts set do_not_call_reason = null, do_not_call_set_at = null where id = :'john';
select tests.clear_authentication();
select results_eq(
  format($$select do_not_call, do_not_call_reason, do_not_call_set_at from contacts where id = %L$$, :'john'),
  $$values (true, 'user_requested', timestamptz '2026-02-23T10:49:05Z')$$,
  'a sync writing empty do-not-call details keeps the recorded ones');

-- deleting the contact keeps the request on the number (its calls first: the foundation's matched-call
-- check does not let ON DELETE SET NULL orphan them)
delete from contact_activities where contact_id = :'john';
delete from contacts where id = :'john';
select results_eq(
  $$select is_suppressed, is_legal from dialbridge.suppression_status(null, '+12125550123')$$,
  $$values (true, true)$$,
  'deleting the contact keeps the do-not-call request on its phone number');

select * from finish();
rollback;
