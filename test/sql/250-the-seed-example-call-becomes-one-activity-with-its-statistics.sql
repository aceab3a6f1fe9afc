-- Seed 000's example call (its six webhook events, verbatim), delivered out of order and twice, processed by
-- the same function the worker calls: one call activity carrying its callback, one contact_updated row, and the
-- contact and session statistics the seed describes (one call counted once).
begin;
select plan(43);

-- The disposition engine's functions are called by the projection; stand-ins only where they do not exist.

-- The rep (PhoneBurner user pb_user_10) and the contact the seed calls (SourceCo id sc_buyer_789).
select tests.create_user('sarah@seed250.test', 'Seed 250 team');
update public.profiles set phoneburner_user_id = 'pb_user_10', display_name = 'Sarah J.'
 where id = tests.user_id('sarah@seed250.test');
insert into public.contacts (id, sourceco_contact_id, team_id, first_name, last_name, company, phone, email, title)
values ('25000000-0000-0000-0000-0000000000c1', 'sc_buyer_789', tests.team_id('Seed 250 team'), 'John', 'Smith',
        'Heritage Capital Partners', '+15550123', 'jsmith@heritagecap.com', 'Managing Partner');

create temporary table seed_events (n integer, event_type text, payload jsonb) on commit drop;
insert into seed_events values
(1, 'call.started', $j${
  "event": "call.started",
  "event_id": "evt_call_started_789",
  "timestamp": "2026-02-23T10:45:00.123Z",
  "api_version": "2.0",
  "contact": {
    "id": "pb_contact_456",
    "first_name": "John",
    "last_name": "Smith",
    "company": "Heritage Capital Partners",
    "phone": "+15550123",
    "email": "jsmith@heritagecap.com",
    "custom_fields": {
      "sourceco_contact_id": "sc_buyer_789",
      "buyer_type": "PE Firm",
      "aum": "$500M",
      "target_sectors": "Business Services, Healthcare IT"
    }
  },
  "call": {
    "id": "call_abc123",
    "direction": "outbound",
    "from_number": "+15550100",
    "to_number": "+15550123",
    "started_at": "2026-02-23T10:45:00.123Z"
  },
  "user": {
    "id": "pb_user_10",
    "name": "Sarah Johnson",
    "email": "sarah@sourceco.com",
    "team_id": "pb_team_5"
  },
  "dial_session": {
    "id": "pb_session_12345",
    "name": "PE Buyers - Feb 2026 Outreach"
  }
}$j$),
(2, 'call.connected', $j${
  "event": "call.connected",
  "event_id": "evt_call_connected_790",
  "timestamp": "2026-02-23T10:45:12.456Z",
  "api_version": "2.0",
  "contact_id": "pb_contact_456",
  "call_id": "call_abc123",
  "connection_details": {
    "connected_at": "2026-02-23T10:45:12.456Z",
    "ring_duration_seconds": 12,
    "answered_by": "decision_maker",
    "detection_method": "human_voice"
  },
  "custom_fields": {
    "sourceco_contact_id": "sc_buyer_789"
  }
}$j$),
(3, 'call.ended', $j${
  "event": "call.ended",
  "event_id": "evt_call_ended_791",
  "timestamp": "2026-02-23T10:48:54.789Z",
  "api_version": "2.0",
  "contact_id": "pb_contact_456",
  "call_id": "call_abc123",
  "call_summary": {
    "ended_at": "2026-02-23T10:48:54.789Z",
    "total_duration_seconds": 234,
    "ring_duration_seconds": 12,
    "talk_duration_seconds": 222,
    "hold_duration_seconds": 0,
    "outcome": "completed",
    "disconnect_reason": "normal_clearing",
    "disconnected_by": "caller"
  },
  "recording": {
    "available": true,
    "url": "https://phoneburner.com/api/v2/recordings/call_abc123.mp3",
    "duration_seconds": 222,
    "expires_at": "2027-02-23T10:48:54.789Z"
  },
  "custom_fields": {
    "sourceco_contact_id": "sc_buyer_789"
  }
}$j$),
(4, 'disposition.set', $j${
  "event": "disposition.set",
  "event_id": "evt_disposition_792",
  "timestamp": "2026-02-23T10:49:05.111Z",
  "api_version": "2.0",
  "contact_id": "pb_contact_456",
  "call_id": "call_abc123",
  "disposition": {
    "code": "INTERESTED",
    "label": "Interested - Send Information",
    "category": "positive",
    "notes": "Wants memo on current collision repair platform deal. Strong interest in auto aftermarket vertical. Mentioned they're actively looking for add-ons to existing portfolio company. Follow up Friday with specific deal details and financial summary.",
    "set_at": "2026-02-23T10:49:05.111Z"
  },
  "user": {
    "id": "pb_user_10",
    "name": "Sarah Johnson",
    "email": "sarah@sourceco.com"
  },
  "custom_fields": {
    "sourceco_contact_id": "sc_buyer_789"
  }
}$j$),
(5, 'callback.scheduled', $j${
  "event": "callback.scheduled",
  "event_id": "evt_callback_793",
  "timestamp": "2026-02-23T10:49:05.222Z",
  "api_version": "2.0",
  "contact_id": "pb_contact_456",
  "call_id": "call_abc123",
  "callback": {
    "scheduled_for": "2026-03-25T14:00:00.000Z",
    "timezone": "America/New_York",
    "notes": "Call back after Q1 board meeting to discuss acquisition appetite for collision repair targets. John mentioned they're looking to deploy $50M in auto aftermarket this year.",
    "reminder_enabled": true,
    "reminder_minutes_before": 60,
    "auto_dial": false
  },
  "assigned_user": {
    "id": "pb_user_10",
    "name": "Sarah Johnson",
    "email": "sarah@sourceco.com"
  },
  "custom_fields": {
    "sourceco_contact_id": "sc_buyer_789"
  }
}$j$),
(6, 'contact.updated', $j${
  "event": "contact.updated",
  "event_id": "evt_contact_updated_794",
  "timestamp": "2026-02-23T11:05:00.333Z",
  "api_version": "2.0",
  "contact_id": "pb_contact_456",
  "changes": {
    "phone": {
      "old": "+15550123",
      "new": "+15559999"
    },
    "email": {
      "old": "jsmith@heritagecap.com",
      "new": "john.smith@heritagecap.com"
    },
    "title": {
      "old": "Managing Partner",
      "new": "Senior Managing Director"
    }
  },
  "updated_by": {
    "user_id": "pb_user_10",
    "name": "Sarah Johnson",
    "email": "sarah@sourceco.com"
  },
  "custom_fields": {
    "sourceco_contact_id": "sc_buyer_789"
  }
}$j$);

-- ---------------------------------------------------------------------------------------------------
-- PhoneBurner delivers the events out of order, the disposition twice
-- ---------------------------------------------------------------------------------------------------
select dialbridge.receive_phoneburner_event(e.event_type, e.payload, null, length(e.payload::text), 'hmac', null, null, null)
  from seed_events e, unnest(array[4, 3, 5, 6, 4, 2, 1]) with ordinality as o(n, k)
 where e.n = o.n
 order by o.k;

select is((select count(*)::integer from public.phoneburner_webhooks_log where event_id like 'evt\_%'), 6,
  'the six events are stored once each (the second disposition delivery is a duplicate)');

-- ---------------------------------------------------------------------------------------------------
-- The worker processes them, two at a time
-- ---------------------------------------------------------------------------------------------------
select is(sum(claimed)::integer, 6, 'the processor claims every stored event')
  from (select (dialbridge.process_phoneburner_webhooks(2)).claimed from generate_series(1, 4)) x;
select is((select count(*)::integer from public.phoneburner_webhooks_log
            where event_id like 'evt\_%' and processing_status = 'success' and processing_error is null
              and processing_duration_ms is not null and contact_activity_id is not null), 6,
  'every event is marked success with its duration and the activity it produced');

-- ---------------------------------------------------------------------------------------------------
-- The call: one row, every field from the event that owns it
-- ---------------------------------------------------------------------------------------------------
select is((select count(*)::integer from public.contact_activities
            where contact_id = '25000000-0000-0000-0000-0000000000c1'
              and activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set')), 1,
  'the six events make one call activity');
select results_eq(
  $$select activity_type, matching_status, source_system, call_started_at, call_connected_at, call_ended_at,
           ring_duration_seconds, call_duration_seconds, talk_time_seconds, call_outcome, answered_by
      from public.contact_activities where dedupe_key = 'phoneburner:call:call_abc123'$$,
  $$values ('call_completed'::text, 'matched'::text, 'phoneburner'::text, '2026-02-23T10:45:00.123Z'::timestamptz,
            '2026-02-23T10:45:12.456Z'::timestamptz, '2026-02-23T10:48:54.789Z'::timestamptz, 12, 234, 222,
            'connected'::text, 'decision_maker'::text)$$,
  'the call (call_completed: ended and dispositioned): started, connected after 12 s of ringing, 234 s in all, 222 s of talk with the decision maker');
select results_eq(
  $$select disposition_code, disposition_label, disposition_set_at, left(disposition_notes, 40)
      from public.contact_activities where dedupe_key = 'phoneburner:call:call_abc123'$$,
  $$values ('INTERESTED'::text, 'Interested - Send Information'::text, '2026-02-23T10:49:05.111Z'::timestamptz,
            'Wants memo on current collision repair p'::text)$$,
  'the call carries the disposition code, label, time and the rep''s notes');
select results_eq(
  $$select recording_url, recording_duration_seconds, phoneburner_call_id, phoneburner_contact_id, phoneburner_event_id
      from public.contact_activities where dedupe_key = 'phoneburner:call:call_abc123'$$,
  $$values ('https://phoneburner.com/api/v2/recordings/call_abc123.mp3'::text, 222, 'call_abc123'::text,
            'pb_contact_456'::text, 'evt_call_started_789'::text)$$,
  'the call links its recording and PhoneBurner''s ids (the first event''s id)');
select results_eq(
  $$select a.user_id, a.user_name, a.user_email, a.team_id
      from public.contact_activities a where a.dedupe_key = 'phoneburner:call:call_abc123'$$,
  $$values (tests.user_id('sarah@seed250.test'), 'Sarah Johnson'::text, 'sarah@sourceco.com'::text, tests.team_id('Seed 250 team'))$$,
  'the call is attributed to the rep PhoneBurner named, with her name and email as sent, in the contact''s team');
select results_eq(
  $$select s.phoneburner_session_id, s.session_name, s.team_id, s.created_by_user_id
      from public.contact_activities a join public.phoneburner_sessions s on s.id = a.phoneburner_session_id
     where a.dedupe_key = 'phoneburner:call:call_abc123'$$,
  $$values ('pb_session_12345'::text, 'PE Buyers - Feb 2026 Outreach'::text, tests.team_id('Seed 250 team'),
            tests.user_id('sarah@seed250.test'))$$,
  'the unknown dial session is created from the event, in the rep''s team');
select is((select details ->> 'direction' from public.contact_activities where dedupe_key = 'phoneburner:call:call_abc123'),
  'outbound', 'the call''s details keep the direction');

-- ---------------------------------------------------------------------------------------------------
-- The callback is on the call's row (one row per call); the contact change is an activity of its own
-- ---------------------------------------------------------------------------------------------------
select results_eq(
  $$select activity_type, contact_id, callback_scheduled_date, user_id, left(details ->> 'callback_notes', 24),
           details ->> 'callback_timezone', (details -> 'callback_details' ->> 'reminder_minutes_before')::integer,
           (details ->> 'callback_event_at')::timestamptz is not null
      from public.contact_activities where dedupe_key = 'phoneburner:call:call_abc123'$$,
  $$values ('call_completed'::text, '25000000-0000-0000-0000-0000000000c1'::uuid, '2026-03-25T14:00:00Z'::timestamptz,
            tests.user_id('sarah@seed250.test'), 'Call back after Q1 board'::text, 'America/New_York'::text, 60, true)$$,
  'the callback is on the call: due 25 March 14:00 UTC, by the rep, with its notes and settings');
select is((select count(*)::int from public.contact_activities where phoneburner_call_id = 'call_abc123'), 1,
  'the call and its callback are one row (nothing counting rows per call double-counts)');
select results_eq(
  $$select activity_type, contact_id, details -> 'changes' -> 'title' ->> 'new', details -> 'updated_by' ->> 'user_id',
           (details ->> 'event_at')::timestamptz
      from public.contact_activities where dedupe_key = 'phoneburner:contact_updated:evt_contact_updated_794'$$,
  $$values ('contact_updated'::text, '25000000-0000-0000-0000-0000000000c1'::uuid, 'Senior Managing Director'::text,
            'pb_user_10'::text, '2026-02-23T11:05:00.333Z'::timestamptz)$$,
  'the contact change is its own activity with the changed fields, who changed them and when');
select is((select count(*)::integer from public.contact_activities where contact_id = '25000000-0000-0000-0000-0000000000c1'), 2,
  'the contact''s activities are two: the call with its callback, the contact change');

-- ---------------------------------------------------------------------------------------------------
-- The contact's call statistics
-- ---------------------------------------------------------------------------------------------------
select results_eq(
  $$select total_call_attempts, total_calls_connected, total_calls_to_decision_maker, total_calls_to_gatekeeper,
           total_voicemails_left, total_call_duration_seconds, total_talk_time_seconds, average_talk_time_seconds,
           connection_rate_percentage
      from public.contacts where id = '25000000-0000-0000-0000-0000000000c1'$$,
  $$values (1, 1, 1, 0, 0, 234, 222, 222, 100.00::numeric)$$,
  'the contact has one attempt, one connection to the decision maker, 234 s on the phone, 222 s of talk, 100 % connected');
select results_eq(
  $$select first_call_attempt_at, last_call_attempt_at, last_call_connected_at, phone_verified_at, last_engaged_call_at
      from public.contacts where id = '25000000-0000-0000-0000-0000000000c1'$$,
  $$values ('2026-02-23T10:45:00.123Z'::timestamptz, '2026-02-23T10:45:00.123Z'::timestamptz,
            '2026-02-23T10:45:12.456Z'::timestamptz, '2026-02-23T10:45:12.456Z'::timestamptz,
            '2026-02-23T10:45:12.456Z'::timestamptz)$$,
  'first and last attempt, last connection, verified phone and last engaged call (over 2 minutes, positive) are set');
select results_eq(
  $$select last_disposition_code, last_disposition_label, last_disposition_date, left(last_disposition_notes, 17)
      from public.contacts where id = '25000000-0000-0000-0000-0000000000c1'$$,
  $$values ('INTERESTED'::text, 'Interested - Send Information'::text, '2026-02-23T10:49:05.111Z'::timestamptz,
            'Wants memo on cur'::text)$$,
  'the contact''s last disposition is the call''s');
select isnt((select call_stats_last_calculated_at from public.contacts where id = '25000000-0000-0000-0000-0000000000c1'),
  null, 'the contact records when its statistics last changed');

-- ---------------------------------------------------------------------------------------------------
-- The dial session's counters and rates
-- ---------------------------------------------------------------------------------------------------
select results_eq(
  $$select total_dials, total_connections, total_decision_maker_conversations, total_gatekeeper_conversations,
           total_voicemails_left, total_no_answers, total_call_time_seconds, total_talk_time_seconds,
           average_talk_time_seconds
      from public.phoneburner_sessions where phoneburner_session_id = 'pb_session_12345'$$,
  $$values (1, 1, 1, 0, 0, 0, 234, 222, 222)$$,
  'the session counts one dial, one decision-maker conversation and its times');
select results_eq(
  $$select total_qualified_leads, total_meetings_scheduled, total_disqualified, total_callbacks_scheduled,
           connection_rate_percentage, qualification_rate_percentage, started_at, last_activity_at
      from public.phoneburner_sessions where phoneburner_session_id = 'pb_session_12345'$$,
  $$values (1, 0, 0, 1, 100.00::numeric, 100.00::numeric, '2026-02-23T10:45:00.123Z'::timestamptz,
            '2026-02-23T10:49:05.111Z'::timestamptz)$$,
  'the session counts one qualified lead (INTERESTED maps to Qualified) and one callback; started at the dial, last active at the disposition');

-- ---------------------------------------------------------------------------------------------------
-- The same events again change nothing
-- ---------------------------------------------------------------------------------------------------
create temporary table before_replay on commit drop as
select dedupe_key, contact_id, activity_type, call_started_at, call_connected_at, call_ended_at, call_duration_seconds,
       talk_time_seconds, call_outcome, answered_by, disposition_code, disposition_label, disposition_notes,
       disposition_set_at, callback_scheduled_date, recording_url, user_id, phoneburner_session_id, details, updated_at
  from public.contact_activities where contact_id = '25000000-0000-0000-0000-0000000000c1';
create temporary table stats_before_replay on commit drop as
select total_call_attempts, total_calls_connected, total_call_duration_seconds, total_talk_time_seconds,
       last_disposition_date, call_stats_last_calculated_at
  from public.contacts where id = '25000000-0000-0000-0000-0000000000c1';

select is((select count(*)::integer from dialbridge.reset_phoneburner_webhooks_for_replay(null, null, null)
            where reset_phoneburner_webhooks_for_replay in (select id from public.phoneburner_webhooks_log where event_id like 'evt\_%')),
  6, 'a replay puts the six events back to pending');
select is((dialbridge.process_phoneburner_webhooks(50)).succeeded, 6, 'the replayed events are processed again');
select bag_eq(
  $$select dedupe_key, contact_id, activity_type, call_started_at, call_connected_at, call_ended_at, call_duration_seconds,
           talk_time_seconds, call_outcome, answered_by, disposition_code, disposition_label, disposition_notes,
           disposition_set_at, callback_scheduled_date, recording_url, user_id, phoneburner_session_id, details, updated_at
      from public.contact_activities where contact_id = '25000000-0000-0000-0000-0000000000c1'$$,
  $$select * from before_replay$$,
  'processing the same events again rewrites no activity (not even updated_at)');
select results_eq(
  $$select total_call_attempts, total_calls_connected, total_call_duration_seconds, total_talk_time_seconds,
           last_disposition_date, call_stats_last_calculated_at
      from public.contacts where id = '25000000-0000-0000-0000-0000000000c1'$$,
  $$select * from stats_before_replay$$,
  'and leaves the statistics untouched');

-- ---------------------------------------------------------------------------------------------------
-- The incremental statistics agree with a recount from the rows
-- ---------------------------------------------------------------------------------------------------
select is_empty($$select * from dialbridge.recompute_contact_call_stats('25000000-0000-0000-0000-0000000000c1')$$,
  'recomputing the contact''s statistics from its rows finds no drift');
select is_empty($$select * from dialbridge.recompute_session_call_stats(
                    (select id from public.phoneburner_sessions where phoneburner_session_id = 'pb_session_12345'))$$,
  'recomputing the session''s statistics finds no drift');

-- ---------------------------------------------------------------------------------------------------
-- Events arriving one by one, in the seed's own order, give the same rows
-- ---------------------------------------------------------------------------------------------------
delete from public.contact_activities where contact_id = '25000000-0000-0000-0000-0000000000c1';
delete from public.phoneburner_webhooks_log where event_id like 'evt\_%';
select results_eq(
  $$select total_call_attempts, total_calls_connected, total_call_duration_seconds, total_talk_time_seconds,
           first_call_attempt_at, last_call_attempt_at, last_call_connected_at, last_disposition_code, last_engaged_call_at
      from public.contacts where id = '25000000-0000-0000-0000-0000000000c1'$$,
  $$values (0, 0, 0, 0, null::timestamptz, null::timestamptz, null::timestamptz, null::text, null::timestamptz)$$,
  'deleting the activities takes their statistics away again, extremes included');
select is((select total_dials from public.phoneburner_sessions where phoneburner_session_id = 'pb_session_12345'), 0,
  'and the session''s');

create temporary table one_by_one (step integer, activity_type text, call_outcome text, attempts integer, connected integer)
  on commit drop;
do $$
declare
  v_n integer;
begin
  for v_n in 1 .. 6 loop
    perform dialbridge.receive_phoneburner_event(e.event_type, e.payload, null, length(e.payload::text), 'hmac', null, null, null)
       from seed_events e where e.n = v_n;
    perform dialbridge.process_phoneburner_webhooks(50);
    insert into one_by_one
    select v_n, a.activity_type, a.call_outcome, c.total_call_attempts, c.total_calls_connected
      from public.contacts c
      left join public.contact_activities a on a.dedupe_key = 'phoneburner:call:call_abc123'
     where c.id = '25000000-0000-0000-0000-0000000000c1';
  end loop;
end
$$;
select results_eq(
  $$select step, activity_type, call_outcome, attempts, connected from one_by_one order by step$$,
  $$values (1, 'call_attempt'::text, null::text, 1, 0), (2, 'call_attempt', 'connected', 1, 1),
           (3, 'call_completed', 'connected', 1, 1), (4, 'call_completed', 'connected', 1, 1),
           (5, 'call_completed', 'connected', 1, 1), (6, 'call_completed', 'connected', 1, 1)$$,
  'processed one by one, the call moves attempt → connected → completed → dispositioned and is counted once throughout');
select bag_eq(
  $$select dedupe_key, contact_id, activity_type, call_started_at, call_connected_at, call_ended_at, call_duration_seconds,
           talk_time_seconds, call_outcome, answered_by, disposition_code, disposition_label, disposition_notes,
           disposition_set_at, callback_scheduled_date, recording_url, user_id, phoneburner_session_id, details
      from public.contact_activities where contact_id = '25000000-0000-0000-0000-0000000000c1'$$,
  $$select dedupe_key, contact_id, activity_type, call_started_at, call_connected_at, call_ended_at, call_duration_seconds,
           talk_time_seconds, call_outcome, answered_by, disposition_code, disposition_label, disposition_notes,
           disposition_set_at, callback_scheduled_date, recording_url, user_id, phoneburner_session_id, details
      from before_replay$$,
  'the final rows are identical to those of the shuffled, duplicated delivery');
select results_eq(
  $$select total_call_attempts, total_calls_connected, total_call_duration_seconds, total_talk_time_seconds, last_disposition_date
      from public.contacts where id = '25000000-0000-0000-0000-0000000000c1'$$,
  $$select total_call_attempts, total_calls_connected, total_call_duration_seconds, total_talk_time_seconds, last_disposition_date
      from stats_before_replay$$,
  'and so are the statistics');

-- ---------------------------------------------------------------------------------------------------
-- Who may read what was recorded
-- ---------------------------------------------------------------------------------------------------
select tests.create_user('other@seed250.test', 'Seed 250 other team');
select tests.authenticate_as('sarah@seed250.test');
select is((select count(*)::integer from public.contact_activities where contact_id = '25000000-0000-0000-0000-0000000000c1'), 2,
  'the rep sees the two activities of her team''s contact');
select is((select total_call_attempts from public.contacts where id = '25000000-0000-0000-0000-0000000000c1'), 1,
  'and the contact''s statistics');
select throws_ok($$select * from dialbridge.process_phoneburner_webhooks(50)$$, '42501', null,
  'a rep cannot run the processor');
select throws_ok($$select * from dialbridge.recompute_contact_call_stats(null)$$, '42501', null,
  'nor the reconciliation');
select throws_ok($$select * from dialbridge.phoneburner_webhook_failures$$, '42501', null,
  'nor read the failure view');
select tests.authenticate_as('other@seed250.test');
select is_empty($$select 1 from public.contact_activities where contact_id = '25000000-0000-0000-0000-0000000000c1'$$,
  'a rep of another team sees none of the activities');
select is_empty($$select 1 from public.phoneburner_sessions where phoneburner_session_id = 'pb_session_12345'$$,
  'nor the session');
select tests.authenticate_as_service_role();
select ok((select count(*) from dialbridge.phoneburner_webhook_failures) >= 0, 'the service role reads the failure view');
select tests.clear_authentication();

-- ---------------------------------------------------------------------------------------------------
-- Nothing was left pending or failed
-- ---------------------------------------------------------------------------------------------------
select is_empty($$select 1 from public.phoneburner_webhooks_log where event_id like 'evt\_%' and processing_status <> 'success'$$,
  'no event of the call is pending or failed');
select is_empty($$select 1 from dialbridge.phoneburner_call_events e
                   where e.event_id like 'evt\_%' and e.kind in ('call', 'callback') and e.call_key <> 'phoneburner:call:call_abc123'$$,
  'every event of the call was filed under its call id');
select is((select count(*)::integer from dialbridge.phoneburner_call_events where event_id like 'evt\_%'), 6,
  'each event was normalised once');
select is((select count(*)::integer from public.phoneburner_sessions where phoneburner_session_id = 'pb_session_12345'), 1,
  'the dial session exists once');

select * from finish();
rollback;
