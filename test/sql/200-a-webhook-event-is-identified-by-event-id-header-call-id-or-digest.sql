-- The identity of a PhoneBurner event (phoneburner_webhooks_log.event_id) and the ids read from either
-- payload shape. Identity: the payload's event_id, else the X-Phoneburner-Event-ID header, else
-- <event type>:<call id>, else <event type>:sha256:<digest of the canonical payload>.
begin;
select plan(32);

-- ---------------------------------------------------------------------------------------------------
-- identity: each fallback in turn
-- ---------------------------------------------------------------------------------------------------
select is(dialbridge.phoneburner_event_identity('call.ended', '{"event_id": "evt_1", "call_id": "c1"}', 'hdr_1'), 'evt_1',
  'the payload''s event_id wins over the header and the call id');
select is(dialbridge.phoneburner_event_identity('call.ended', '{"event_id": 42}', null), '42',
  'a numeric event_id is used as text');
select is(dialbridge.phoneburner_event_identity('call.ended', '{"call_id": "c1"}', ' hdr_1 '), 'hdr_1',
  'without an event_id the X-Phoneburner-Event-ID header is the identity (trimmed)');
select is(dialbridge.phoneburner_event_identity('call.ended', '{"event_id": "  ", "call_id": "c1"}', 'hdr_1'), 'hdr_1',
  'a blank event_id does not count');
select is(dialbridge.phoneburner_event_identity('api_calldone', '{"call_id": 987654321, "status": "Interested"}', null),
  'api_calldone:987654321',
  'without event_id or header, real PhoneBurner''s natural key: event type + call id');
select is(dialbridge.phoneburner_event_identity('call.started', '{"call": {"id": "call_abc123"}}', ''),
  'call.started:call_abc123',
  'seed 000''s nested call.id is the call id (an empty header does not count)');
select is(dialbridge.phoneburner_event_identity('call.connected', '{"callId": "x9"}', null), 'call.connected:x9',
  'callId is read too');
select isnt(dialbridge.phoneburner_event_identity('api_callbegin', '{"call_id": 7}', null),
            dialbridge.phoneburner_event_identity('api_calldone', '{"call_id": 7}', null),
  'two event types of one call have different identities');
select is(dialbridge.phoneburner_event_identity('api_contact_displayed', '{"contact_user_id": 5, "ds_id": 9}', null),
  'api_contact_displayed:sha256:' || encode(sha256(convert_to('{"ds_id": 9, "contact_user_id": 5}'::jsonb::text, 'UTF8')), 'hex'),
  'without any id the identity is the digest of the canonical payload');
select is(dialbridge.phoneburner_event_identity('contact.updated', '{"b": 1,   "a": {"y": 2, "x": 1}}', null),
          dialbridge.phoneburner_event_identity('contact.updated', '{"a":{"x":1,"y":2},"b":1}', null),
  'the digest ignores key order and whitespace (the same event resent is recognised)');
select isnt(dialbridge.phoneburner_event_identity('contact.updated', '{"contact_id": "p1", "changes": {"title": "A"}}', null),
            dialbridge.phoneburner_event_identity('contact.updated', '{"contact_id": "p1", "changes": {"title": "B"}}', null),
  'two different events without ids never share an identity');
select matches(dialbridge.phoneburner_event_identity('call.ended', '{"call_id": {"id": 1}}', null), '^call\.ended:sha256:[0-9a-f]{64}$',
  'a call id that is not a string or number is ignored (digest)');
select is(length(dialbridge.phoneburner_event_identity('call.ended', jsonb_build_object('event_id', repeat('e', 400)), null)),
  length('call.ended:sha256:') + 64,
  'an identity over 255 characters is replaced by its digest (the unique index always takes it)');

-- ---------------------------------------------------------------------------------------------------
-- ids from either payload shape
-- ---------------------------------------------------------------------------------------------------
select results_eq(
  $$ select call_id, contact_id, sourceco_contact_id, user_id, session_id, event_at
       from dialbridge.phoneburner_event_refs('call.started', '{"event": "call.started", "timestamp": "2026-02-23T10:45:00.123Z",
         "contact": {"id": "pb_contact_456", "custom_fields": {"sourceco_contact_id": "sc_buyer_789"}},
         "call": {"id": "call_abc123"}, "user": {"id": "pb_user_10"}, "dial_session": {"id": "pb_session_12345"}}') $$,
  $$ values ('call_abc123', 'pb_contact_456', 'sc_buyer_789', 'pb_user_10', 'pb_session_12345', '2026-02-23T10:45:00.123Z'::timestamptz) $$,
  'seed 000''s nested shape: call.id, contact.id, contact.custom_fields, user.id, dial_session.id, timestamp');
select results_eq(
  $$ select call_id, contact_id, sourceco_contact_id, user_id, session_id
       from dialbridge.phoneburner_event_refs('disposition.set', '{"event": "disposition.set", "contact_id": "pb_contact_456",
         "user_id": "pb_user_10", "sourceco_contact_id": "sc_buyer_789"}') $$,
  $$ values (null::text, 'pb_contact_456', 'sc_buyer_789', 'pb_user_10', null::text) $$,
  'seed 001''s flat shape: contact_id, user_id, sourceco_contact_id at the top');
select is((select user_id from dialbridge.phoneburner_event_refs('callback.scheduled', '{"assigned_user_id": "pb_user_10"}')), 'pb_user_10',
  'the rep of a flat callback.scheduled is assigned_user_id');
select is((select user_id from dialbridge.phoneburner_event_refs('contact.updated', '{"updated_by": "pb_user_10"}')), 'pb_user_10',
  'the rep of a flat contact.updated is updated_by (a string)');
select is((select user_id from dialbridge.phoneburner_event_refs('contact.updated', '{"updated_by": {"user_id": "pb_user_10"}}')), 'pb_user_10',
  'the rep of a nested contact.updated is updated_by.user_id');
select results_eq(
  $$ select call_id, contact_id, sourceco_contact_id, user_id, session_id
       from dialbridge.phoneburner_event_refs('api_calldone', '{"call_id": 987654321, "ds_id": 4455667, "status": "Interested",
         "agent": {"user_id": 1234567}, "contact": {"user_id": 55501234},
         "custom_fields": {"SourceCo ID": "6f1c2b9e-3d4a-4b8e-9f00-1a2b3c4d5e6f"}}') $$,
  $$ values ('987654321', '55501234', '6f1c2b9e-3d4a-4b8e-9f00-1a2b3c4d5e6f', '1234567', '4455667') $$,
  'real api_calldone: call_id, contact.user_id, the "SourceCo ID" custom field, agent.user_id, ds_id');
select is((select user_id from dialbridge.phoneburner_event_refs('api_contact_displayed', '{"user_id": 55501234}')), null,
  'in PhoneBurner''s own payloads a top-level user_id is the contact, never taken for the rep');
select is(dialbridge.phoneburner_sourceco_id('{"external_crm_data": [{"crm_id": "other", "crm_name": "hubspot"}, {"crm_id": "ours", "crm_name": "SourceCo"}]}'),
  'ours', 'our id from external_crm_data, by crm_name (api_contact_displayed)');
select is(dialbridge.phoneburner_sourceco_id('{"typed_custom_fields": [{"type": 1, "name": "SourceCo ID", "value": "t1"}]}'),
  't1', 'our id from typed_custom_fields');
select is(dialbridge.phoneburner_sourceco_id('{"contact": {"custom_fields": [{"name": "sourceco_id", "value": "rm-17"}]}}'),
  'rm-17', 'our id from a [{name, value}] custom field list under contact, named as SourceCo''s own push names it');
select is(dialbridge.phoneburner_sourceco_id('{"custom_fields": {"Buyer Type": "PE Firm"}, "sourceco_contact_id": 789}'),
  '789', 'the flat sourceco_contact_id when no custom field carries it');
select is(dialbridge.phoneburner_sourceco_id('{"custom_fields": {"SourceCo ID": ""}, "contact": {"custom_fields": {"SourceCo ID": "c2"}}}'),
  'c2', 'an empty custom field does not hide a filled one');

-- ---------------------------------------------------------------------------------------------------
-- the time of an event
-- ---------------------------------------------------------------------------------------------------
select is(dialbridge.phoneburner_timestamptz('"2026-02-23T10:45:00+01:00"'), '2026-02-23T09:45:00Z'::timestamptz,
  'an ISO time with an offset');
select is(dialbridge.phoneburner_timestamptz('1771843500'), '2026-02-23T10:45:00Z'::timestamptz, 'epoch seconds');
select is(dialbridge.phoneburner_timestamptz('1771843500000'), '2026-02-23T10:45:00Z'::timestamptz, 'epoch milliseconds');
select is((select event_at from dialbridge.phoneburner_event_refs('api_calldone', '{"end_time": "2026-02-23 10:48:42"}')),
  '2026-02-23T10:48:42-05:00'::timestamptz,
  'real PhoneBurner''s zone-less end_time is read in the account zone (default America/New_York)');
set local dialbridge.phoneburner_time_zone = 'America/Denver';
select is((select event_at from dialbridge.phoneburner_event_refs('api_calldone', '{"end_time": "2026-02-23 10:48:42"}')),
  '2026-02-23T10:48:42-07:00'::timestamptz,
  'the account zone is the database setting dialbridge.phoneburner_time_zone');
select is(dialbridge.phoneburner_timestamptz('"2026-02-30 10:00:00"'), null, 'an impossible date is no time, not an error');
select is(dialbridge.phoneburner_timestamptz('"next Friday"'), null, 'free text is no time, not an error');

select * from finish();
rollback;
