-- Seed 001's flat payload shape (Appendix C: top-level duration, recording_url, sourceco_contact_id; the
-- call.started event carries no call id while the others carry call_123), plus F-002's flat callback and
-- contact change: one call carrying its callback, the contact change, and the statistics, in any order.
begin;
select plan(14);


select tests.create_user('sarah@seed255.test', 'Seed 255 team');
update public.profiles set phoneburner_user_id = 'pb_user_10' where id = tests.user_id('sarah@seed255.test');
insert into public.contacts (id, sourceco_contact_id, team_id, first_name, last_name, company, phone, email)
values ('25500000-0000-0000-0000-0000000000c1', 'sc_buyer_789', tests.team_id('Seed 255 team'), 'John', 'Smith',
        'Heritage Capital', '+15550123', 'jsmith@heritagecap.com');

create temporary table flat_events (n integer, event_type text, payload jsonb) on commit drop;
insert into flat_events values
(1, 'call.started', $j${
  "event": "call.started",
  "event_id": "evt_call_started_789",
  "timestamp": "2026-02-23T10:45:00Z",
  "contact": {
    "id": "pb_contact_456",
    "first_name": "John",
    "last_name": "Smith",
    "company": "Heritage Capital",
    "phone": "+15550123",
    "email": "jsmith@heritagecap.com",
    "custom_fields": {
      "sourceco_contact_id": "sc_buyer_789",
      "buyer_type": "PE Firm",
      "aum": "$500M"
    }
  },
  "user": {
    "id": "pb_user_10",
    "name": "Sarah Johnson",
    "email": "sarah@sourceco.com"
  },
  "dial_session": {
    "id": "pb_session_12345",
    "name": "PE Buyers - Feb 2026 Outreach"
  }
}$j$),
(2, 'call.connected', $j${
  "event": "call.connected",
  "event_id": "evt_call_connected_790",
  "timestamp": "2026-02-23T10:45:12Z",
  "contact_id": "pb_contact_456",
  "call_id": "call_123",
  "answered_by": "decision_maker",
  "sourceco_contact_id": "sc_buyer_789"
}$j$),
(3, 'call.ended', $j${
  "event": "call.ended",
  "event_id": "evt_call_ended_791",
  "timestamp": "2026-02-23T10:48:54Z",
  "contact_id": "pb_contact_456",
  "call_id": "call_123",
  "duration": 222,
  "outcome": "completed",
  "recording_url": "https://phoneburner.com/recordings/call_123.mp3",
  "recording_duration": 218,
  "sourceco_contact_id": "sc_buyer_789"
}$j$),
(4, 'disposition.set', $j${
  "event": "disposition.set",
  "event_id": "evt_disposition_792",
  "timestamp": "2026-02-23T10:49:05Z",
  "contact_id": "pb_contact_456",
  "call_id": "call_123",
  "disposition": {
    "code": "INTERESTED",
    "label": "Interested - Send Information",
    "notes": "Wants memo on current collision repair platform deal. Strong interest in auto aftermarket. Follow up Friday with deal specifics.",
    "callback_date": null
  },
  "user": {
    "id": "pb_user_10",
    "name": "Sarah Johnson"
  },
  "sourceco_contact_id": "sc_buyer_789"
}$j$),
(5, 'callback.scheduled', $j${
  "event": "callback.scheduled",
  "timestamp": "2026-02-23T10:49:05Z",
  "contact_id": "pb_contact_456",
  "callback_date": "2026-03-25T14:00:00Z",
  "callback_notes": "Call back after Q1 board meeting",
  "assigned_user_id": "pb_user_10",
  "sourceco_contact_id": "sc_buyer_789"
}$j$),
(6, 'contact.updated', $j${
  "event": "contact.updated",
  "timestamp": "2026-02-23T11:05:00Z",
  "contact_id": "pb_contact_456",
  "changes": {
    "phone": {
      "old": "+1-555-0123",
      "new": "+1-555-9999"
    },
    "email": {
      "old": "jsmith@heritagecap.com",
      "new": "john.smith@heritagecap.com"
    }
  },
  "updated_by": "pb_user_10",
  "sourceco_contact_id": "sc_buyer_789"
}$j$);

-- ---------------------------------------------------------------------------------------------------
-- The start arrives last, after the rest of the call was already recorded
-- ---------------------------------------------------------------------------------------------------
select dialbridge.receive_phoneburner_event(e.event_type, e.payload, null, length(e.payload::text), 'hmac', null, null, null)
  from flat_events e where e.n <> 1 order by e.n desc;
select is((dialbridge.process_phoneburner_webhooks(50)).succeeded, 5, 'the five events after the start are processed');
select is((select call_started_at from public.contact_activities where dedupe_key = 'phoneburner:call:call_123'),
  '2026-02-23T10:45:12Z'::timestamptz,
  'without its start event the call begins at the connection (the seed gives no ring time)');

select dialbridge.receive_phoneburner_event(e.event_type, e.payload, null, length(e.payload::text), 'hmac', null, null, null)
  from flat_events e where e.n = 1;
select is((dialbridge.process_phoneburner_webhooks(50)).succeeded, 1, 'the start is processed');

-- ---------------------------------------------------------------------------------------------------
-- One call
-- ---------------------------------------------------------------------------------------------------
select is((select count(*)::integer from public.contact_activities
            where contact_id = '25500000-0000-0000-0000-0000000000c1' and activity_type <> 'callback_scheduled'
              and activity_type <> 'contact_updated'), 1,
  'the start without call id joins call_123: one call activity');
select is((select call_key from dialbridge.phoneburner_call_events where event_id = 'evt_call_started_789'),
  'phoneburner:call:call_123', 'the start is filed under the call that follows it for the same PhoneBurner contact');
select results_eq(
  $$select activity_type, call_started_at, call_connected_at, call_ended_at, call_duration_seconds, talk_time_seconds,
           call_outcome, answered_by, recording_url, recording_duration_seconds
      from public.contact_activities where dedupe_key = 'phoneburner:call:call_123'$$,
  $$values ('call_completed'::text, '2026-02-23T10:45:00Z'::timestamptz, '2026-02-23T10:45:12Z'::timestamptz,
            '2026-02-23T10:48:54Z'::timestamptz, 222, 222, 'connected'::text, 'decision_maker'::text,
            'https://phoneburner.com/recordings/call_123.mp3'::text, 218)$$,
  'the flat fields land in place: 222 s duration, talk from connection to end, recording and its length');
select results_eq(
  $$select disposition_code, disposition_label, user_id, user_name, user_email, phoneburner_event_id
      from public.contact_activities where dedupe_key = 'phoneburner:call:call_123'$$,
  $$values ('INTERESTED'::text, 'Interested - Send Information'::text, tests.user_id('sarah@seed255.test'),
            'Sarah Johnson'::text, 'sarah@sourceco.com'::text, 'evt_call_started_789'::text)$$,
  'the disposition, the rep (name and email from the start event) and the first event''s id');

-- ---------------------------------------------------------------------------------------------------
-- The flat callback joins the call's row; the contact change stands alone
-- ---------------------------------------------------------------------------------------------------
select results_eq(
  $$select activity_type, callback_scheduled_date, details ->> 'callback_notes', user_id,
           (select count(*)::int from public.contact_activities x where x.contact_id = a.contact_id and x.activity_type <> 'contact_updated')
      from public.contact_activities a where dedupe_key = 'phoneburner:call:call_123'$$,
  $$values ('call_completed'::text, '2026-03-25T14:00:00Z'::timestamptz, 'Call back after Q1 board meeting'::text,
            tests.user_id('sarah@seed255.test'), 1)$$,
  'the flat callback (no call id) lands on the call''s own row, by the rep: still one row for the call');
select results_eq(
  $$select activity_type, matching_status, details -> 'changes' -> 'email' ->> 'new', details -> 'updated_by' ->> 'user_id'
      from public.contact_activities
     where contact_id = '25500000-0000-0000-0000-0000000000c1' and activity_type = 'contact_updated'$$,
  $$values ('contact_updated'::text, 'matched'::text, 'john.smith@heritagecap.com'::text, 'pb_user_10'::text)$$,
  'the flat contact change is its own activity (updated_by given as a plain id)');

-- ---------------------------------------------------------------------------------------------------
-- Statistics
-- ---------------------------------------------------------------------------------------------------
select results_eq(
  $$select total_call_attempts, total_calls_connected, total_calls_to_decision_maker, total_call_duration_seconds,
           total_talk_time_seconds, first_call_attempt_at, last_call_attempt_at, last_disposition_code
      from public.contacts where id = '25500000-0000-0000-0000-0000000000c1'$$,
  $$values (1, 1, 1, 222, 222, '2026-02-23T10:45:00Z'::timestamptz, '2026-02-23T10:45:00Z'::timestamptz, 'INTERESTED'::text)$$,
  'one attempt, connected to the decision maker; the first attempt moved back to the start once it arrived');
select results_eq(
  $$select total_dials, total_connections, total_callbacks_scheduled, total_qualified_leads, started_at
      from public.phoneburner_sessions where phoneburner_session_id = 'pb_session_12345'$$,
  $$values (1, 1, 1, 1, '2026-02-23T10:45:00Z'::timestamptz)$$,
  'the session counts one dial, one connection, one callback, one qualified lead');
select is_empty($$select * from dialbridge.recompute_contact_call_stats('25500000-0000-0000-0000-0000000000c1')$$,
  'the incremental statistics equal a recount');
select is_empty($$select * from dialbridge.recompute_session_call_stats(
                    (select id from public.phoneburner_sessions where phoneburner_session_id = 'pb_session_12345'))$$,
  'for the session too');
select is_empty($$select 1 from public.phoneburner_webhooks_log where processing_status <> 'success'$$,
  'every event succeeded');

select * from finish();
rollback;
