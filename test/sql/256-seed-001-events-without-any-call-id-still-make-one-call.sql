-- Seed 001 F-002's six examples carry neither an event id nor a call id. They are correlated by their
-- subject (PhoneBurner contact pb_contact_456) and time: the call.started opens the call, the later events of
-- the same contact join it, whatever the order of arrival. A second dial of the same contact is another call.
begin;
select plan(11);


select tests.create_user('sarah@seed256.test', 'Seed 256 team');
update public.profiles set phoneburner_user_id = 'pb_user_10' where id = tests.user_id('sarah@seed256.test');
insert into public.contacts (id, sourceco_contact_id, team_id, first_name, last_name, phone)
values ('25600000-0000-0000-0000-0000000000c1', 'sc_buyer_789', tests.team_id('Seed 256 team'), 'John', 'Smith', '+15550123');

create temporary table f002 (n integer, event_type text, payload jsonb) on commit drop;
insert into f002 values
(1, 'call.started', $j${
  "event": "call.started",
  "timestamp": "2026-02-23T10:45:00Z",
  "contact": {
    "id": "pb_contact_456",
    "phone": "+1-555-0123",
    "custom_fields": {
      "sourceco_contact_id": "sc_buyer_789"
    }
  },
  "user": {
    "id": "pb_user_10",
    "name": "Sarah Johnson",
    "email": "sarah@sourceco.com"
  },
  "dial_session": {
    "id": "pb_session_12345",
    "name": "PE Buyers - Feb 2026"
  }
}$j$),
(2, 'call.connected', $j${
  "event": "call.connected",
  "timestamp": "2026-02-23T10:45:12Z",
  "contact_id": "pb_contact_456",
  "duration": 0,
  "answered_by": "decision_maker",
  "sourceco_contact_id": "sc_buyer_789"
}$j$),
(3, 'call.ended', $j${
  "event": "call.ended",
  "timestamp": "2026-02-23T10:48:54Z",
  "contact_id": "pb_contact_456",
  "duration": 222,
  "outcome": "completed",
  "recording_url": "https://phoneburner.com/recordings/abc123",
  "sourceco_contact_id": "sc_buyer_789"
}$j$),
(4, 'disposition.set', $j${
  "event": "disposition.set",
  "timestamp": "2026-02-23T10:49:05Z",
  "contact_id": "pb_contact_456",
  "disposition": {
    "code": "INTERESTED_SEND_INFO",
    "label": "Interested - Send Information",
    "notes": "Wants memo on current collision repair deal. Follow up Friday.",
    "callback_date": null
  },
  "user_id": "pb_user_10",
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
-- Everything but the start first, one event per batch, then the start
-- ---------------------------------------------------------------------------------------------------
select dialbridge.receive_phoneburner_event(e.event_type, e.payload, null, length(e.payload::text), 'hmac', null, null, null)
  from f002 e where e.n in (4, 2, 6, 3, 5) order by array_position(array[4, 2, 6, 3, 5], e.n);
select is(sum(r.succeeded)::integer, 5, 'the five events are processed one at a time')
  from generate_series(1, 5) g, lateral dialbridge.process_phoneburner_webhooks(1 + 0 * g) r;
select dialbridge.receive_phoneburner_event(e.event_type, e.payload, null, length(e.payload::text), 'hmac', null, null, null)
  from f002 e where e.n = 1;
select is((dialbridge.process_phoneburner_webhooks(50)).succeeded, 1, 'then the start');

select is((select count(*)::integer from public.contact_activities
            where contact_id = '25600000-0000-0000-0000-0000000000c1'
              and activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set')), 1,
  'the events without any id make one call');
select is((select count(distinct call_key)::integer from dialbridge.phoneburner_call_events
            where kind in ('call', 'callback') and subject = 'pb:pb_contact_456'), 1,
  'all five call events and the callback share one call key');
select results_eq(
  $$select a.dedupe_key = 'phoneburner:call:idless:' || e.event_id, a.call_started_at, a.call_connected_at, a.call_ended_at,
           a.call_duration_seconds, a.talk_time_seconds, a.call_outcome, a.answered_by, a.recording_url
      from public.contact_activities a
      join dialbridge.phoneburner_call_events e on e.event_type = 'call.started' and e.subject = 'pb:pb_contact_456'
     where a.contact_id = '25600000-0000-0000-0000-0000000000c1' and a.activity_type = 'call_completed'$$,
  $$values (true, '2026-02-23T10:45:00Z'::timestamptz, '2026-02-23T10:45:12Z'::timestamptz, '2026-02-23T10:48:54Z'::timestamptz,
            222, 222, 'connected'::text, 'decision_maker'::text, 'https://phoneburner.com/recordings/abc123'::text)$$,
  'the call is keyed by its start event and carries every stage');
select results_eq(
  $$select disposition_code, disposition_label, details ->> 'disposition_code_sent'
      from public.contact_activities where contact_id = '25600000-0000-0000-0000-0000000000c1' and activity_type = 'call_completed'$$,
  $$values ('INTERESTED'::text, 'Interested - Send Information'::text, 'INTERESTED_SEND_INFO'::text)$$,
  'an unknown code with a known label is stored under the mapping''s code, the code as sent kept in details');
select results_eq(
  $$select count(*)::integer, min(callback_scheduled_date), min(activity_type) from public.contact_activities
     where contact_id = '25600000-0000-0000-0000-0000000000c1' and activity_type <> 'contact_updated'$$,
  $$values (1, '2026-03-25T14:00:00Z'::timestamptz, 'call_completed'::text)$$,
  'the callback is on the call''s one row');
select results_eq(
  $$select total_call_attempts, total_calls_connected, total_call_duration_seconds, total_talk_time_seconds
      from public.contacts where id = '25600000-0000-0000-0000-0000000000c1'$$,
  $$values (1, 1, 222, 222)$$,
  'the contact counts one call');

-- ---------------------------------------------------------------------------------------------------
-- A second dial of the same contact ten minutes later is a second call
-- ---------------------------------------------------------------------------------------------------
select dialbridge.receive_phoneburner_event(e.event_type,
         jsonb_set(e.payload, '{timestamp}', to_jsonb(case e.n when 1 then '2026-02-23T11:15:00Z' else '2026-02-23T11:15:20Z' end)),
         null, 100, 'hmac', null, null, null)
  from f002 e where e.n in (1, 3)
 order by e.n desc;
select is((dialbridge.process_phoneburner_webhooks(50)).succeeded, 2, 'the second dial''s start and end are processed');
select is((select count(*)::integer from public.contact_activities
            where contact_id = '25600000-0000-0000-0000-0000000000c1'
              and activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set')), 2,
  'a new start opens a new call; its end joins it, not the first call');
select is_empty($$select * from dialbridge.recompute_contact_call_stats('25600000-0000-0000-0000-0000000000c1')$$,
  'the statistics still equal a recount');

select * from finish();
rollback;
