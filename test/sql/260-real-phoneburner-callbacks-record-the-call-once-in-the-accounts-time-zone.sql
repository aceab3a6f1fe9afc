-- Real PhoneBurner: api_contact_displayed (never attributes a call, but tells us PhoneBurner's id of a pushed
-- contact), api_callbegin and api_calldone of one call (the disposition is a label, connected is "1",
-- follow_up is the callback, times carry no zone), and softphone_call_done (signed click-to-call).
begin;
select plan(16);


select tests.create_user('sarah@real260.test', 'Real 260 team');
update public.profiles set phoneburner_user_id = '1234567' where id = tests.user_id('sarah@real260.test');
-- the contact pushed with custom field "SourceCo ID" = its id, in dial session 4455667
insert into public.contacts (id, team_id, first_name, last_name, phone)
values ('6f1c2b9e-3d4a-4b8e-9f00-1a2b3c4d5e6f', tests.team_id('Real 260 team'), 'John', 'Smith', '+15555550123');
insert into public.phoneburner_sessions (id, phoneburner_session_id, session_name, team_id, created_by_user_id)
values ('26000000-0000-0000-0000-00000000005e', '4455667', 'Buyers - PE Firm - Feb 2026', tests.team_id('Real 260 team'),
        tests.user_id('sarah@real260.test'));
insert into public.phoneburner_session_contacts (session_id, contact_id, team_id, phone_e164)
values ('26000000-0000-0000-0000-00000000005e', '6f1c2b9e-3d4a-4b8e-9f00-1a2b3c4d5e6f', tests.team_id('Real 260 team'), '+15555550123');

create temporary table real_events (n integer, event_type text, payload jsonb) on commit drop;
insert into real_events values
(1, 'api_contact_displayed', $j${
  "ds_id": 4455667,
  "contact_user_id": 55501234,
  "external_id": "PB55501234",
  "external_crm_data": [{"crm_id": "6f1c2b9e-3d4a-4b8e-9f00-1a2b3c4d5e6f", "crm_name": "sourceco"}],
  "custom_data": [],
  "contact": {"user_id": 55501234, "first_name": "John", "last_name": "Smith", "phone": "5555550123"},
  "agent": {"user_id": 1234567, "first_name": "Sarah", "last_name": "Johnson", "email": "sarah@sourceco.com"}
}$j$),
(2, 'api_callbegin', $j${
  "call_id": 987654321,
  "ds_id": 4455667,
  "start_time": "2026-02-23 10:45:00",
  "direction": "outbound",
  "agent": {"user_id": 1234567, "first_name": "Sarah", "last_name": "Johnson", "username": "sarah.johnson", "email": "sarah@sourceco.com"},
  "contact": {"user_id": 55501234, "lead_id": 88011, "external_id": "PB55501234", "phone": "5555550123"},
  "custom_fields": {"SourceCo ID": "6f1c2b9e-3d4a-4b8e-9f00-1a2b3c4d5e6f", "Buyer Type": "PE Firm"},
  "custom_data": []
}$j$),
(3, 'api_calldone', $j${
  "status": "Interested",
  "duration": 222,
  "start_time": "2026-02-23 10:45:00",
  "end_time": "2026-02-23 10:48:42",
  "call_id": 987654321,
  "ds_id": 4455667,
  "connected": "1",
  "direction": "outbound",
  "outbound_caller_id": "5550100",
  "recording_url": "http://www.phoneburner.com/index/recording/987654321",
  "recording_url_public": "http://www.phoneburner.com/public/recording/987654321?key=4f2a",
  "recording_link": "/recording/987654321",
  "recording_link_public": "/recording/pub/987654321",
  "call_notes": ["Wants memo on current collision repair platform deal.", "Follow up Friday with deal specifics."],
  "follow_up": "2026-02-27 10:00:00",
  "agent": {"user_id": "1234567", "first_name": "Sarah", "last_name": "Johnson", "username": "sarah.johnson", "email": "sarah@sourceco.com"},
  "owner": {"owner_id": 1234567, "first_name": "Sarah", "last_name": "Johnson"},
  "contact": {
    "user_id": 55501234, "lead_id": "88011", "external_id": "", "phone": "5555550123",
    "phones": [{"number": "5555550123", "type": "Office"}], "first_name": "John", "last_name": "Smith",
    "primary_email": "jsmith@heritagecap.com", "emails": ["jsmith@heritagecap.com"],
    "account": {"company_name": "Heritage Capital Partners", "title": "Managing Partner"},
    "notes": "2026-02-16 Left message."
  },
  "custom_fields": {"SourceCo ID": "6f1c2b9e-3d4a-4b8e-9f00-1a2b3c4d5e6f", "Buyer Type": "PE Firm"},
  "typed_custom_fields": [{"type": "1", "name": "SourceCo ID", "value": "6f1c2b9e-3d4a-4b8e-9f00-1a2b3c4d5e6f"}],
  "custom_data": [],
  "call_history": [{"call_id": "987600001", "datetime": "2026-02-16 14:02:11", "connected": false}],
  "total_call_attempts": 2,
  "folder": {"id": "12", "name": "Contacts"},
  "events": {"last_event": null, "next_event": null}
}$j$),
(4, 'softphone_call_done', $j${
  "status": "Connected",
  "duration": 73,
  "start_time": "2026-02-24 16:21:07",
  "end_time": "2026-02-24 16:22:20",
  "call_id": "a2226680-221a-492f-8986-8b4f3e001312",
  "direction": "outbound",
  "call_notes": ["Spoke with the decision maker about timing."],
  "recording_url_public": "https://app.phoneburner.com/recording/pub/9b1c2a7f.mp3",
  "contact": {"crm_name": "sourceco", "crm_id": "6f1c2b9e-3d4a-4b8e-9f00-1a2b3c4d5e6f", "phone": "+15555550123"},
  "custom_data": {"pb_user_id": "1234567", "slug": "sourceco-softphone"}
}$j$);

-- ---------------------------------------------------------------------------------------------------
-- The dial session's callbacks, calldone before callbegin
-- ---------------------------------------------------------------------------------------------------
select dialbridge.receive_phoneburner_event(e.event_type, e.payload, null, length(e.payload::text), 'url_token', null, null, null)
  from real_events e where e.n in (1, 3, 2) order by array_position(array[1, 3, 2], e.n);
select is((dialbridge.process_phoneburner_webhooks(50)).succeeded, 3, 'the three dial-session callbacks are processed');

select is((select phoneburner_contact_id from public.phoneburner_session_contacts
            where session_id = '26000000-0000-0000-0000-00000000005e'),
  '55501234', 'api_contact_displayed records PhoneBurner''s id of the pushed contact it names');
select is_empty($$select 1 from public.contact_activities a join public.phoneburner_webhooks_log l on l.contact_activity_id = a.id
                   where l.event_type = 'api_contact_displayed'$$,
  'api_contact_displayed creates no activity');
select is((select count(*)::integer from public.contact_activities where dedupe_key = 'phoneburner:call:987654321'), 1,
  'api_callbegin and api_calldone of call 987654321 make one call activity');
select results_eq(
  $$select activity_type, matching_status, contact_id, phoneburner_session_id, call_started_at, call_ended_at,
           call_duration_seconds, talk_time_seconds, call_outcome
      from public.contact_activities where dedupe_key = 'phoneburner:call:987654321'$$,
  $$values ('call_completed'::text, 'matched'::text, '6f1c2b9e-3d4a-4b8e-9f00-1a2b3c4d5e6f'::uuid,
            '26000000-0000-0000-0000-00000000005e'::uuid, '2026-02-23 15:45:00Z'::timestamptz, '2026-02-23 15:48:42Z'::timestamptz,
            222, 222, 'connected'::text)$$,
  'matched by the SourceCo ID custom field, in the pushed session; zone-less times read as America/New_York; connected "1"');
select results_eq(
  $$select answered_by, (details ->> 'answered_by_inferred')::boolean, disposition_code, disposition_label,
           disposition_notes, disposition_set_at
      from public.contact_activities where dedupe_key = 'phoneburner:call:987654321'$$,
  $$values ('decision_maker'::text, true, 'INTERESTED'::text, 'Interested'::text,
            E'Wants memo on current collision repair platform deal.\nFollow up Friday with deal specifics.'::text,
            '2026-02-23 15:48:42Z'::timestamptz)$$,
  'the status label resolves to the INTERESTED mapping (label kept as sent), the notes are joined, answered_by is inferred');
select results_eq(
  $$select user_id, user_name, user_email, recording_url, recording_url_public, phoneburner_contact_id
      from public.contact_activities where dedupe_key = 'phoneburner:call:987654321'$$,
  $$values (tests.user_id('sarah@real260.test'), 'Sarah Johnson'::text, 'sarah@sourceco.com'::text,
            'http://www.phoneburner.com/index/recording/987654321'::text,
            'http://www.phoneburner.com/public/recording/987654321?key=4f2a'::text, '55501234'::text)$$,
  'the agent is the rep; the recording link and its public form are both kept; PhoneBurner''s contact id is recorded');
select results_eq(
  $$select activity_type, callback_scheduled_date, user_id, details -> 'callback_details' ->> 'source',
           (select count(*)::int from public.contact_activities x where x.phoneburner_call_id = '987654321')
      from public.contact_activities where dedupe_key = 'phoneburner:call:987654321'$$,
  $$values ('call_completed'::text, '2026-02-27 15:00:00Z'::timestamptz, tests.user_id('sarah@real260.test'),
            'api_calldone.follow_up'::text, 1)$$,
  'follow_up is the call''s callback, at 10:00 New York time, on the call''s one row');

-- ---------------------------------------------------------------------------------------------------
-- softphone_call_done, with the account's zone set to UTC
-- ---------------------------------------------------------------------------------------------------
set local dialbridge.phoneburner_time_zone = 'UTC';
select dialbridge.receive_phoneburner_event(e.event_type, e.payload, null, length(e.payload::text), 'softphone_hmac', null, null, null)
  from real_events e where e.n = 4;
select is((dialbridge.process_phoneburner_webhooks(50)).succeeded, 1, 'the softphone event is processed');
select results_eq(
  $$select contact_id, user_id, call_started_at, call_ended_at, call_duration_seconds, talk_time_seconds, call_outcome,
           answered_by, phoneburner_session_id
      from public.contact_activities where dedupe_key = 'phoneburner:call:a2226680-221a-492f-8986-8b4f3e001312'$$,
  $$values ('6f1c2b9e-3d4a-4b8e-9f00-1a2b3c4d5e6f'::uuid, tests.user_id('sarah@real260.test'),
            '2026-02-24 16:21:07Z'::timestamptz, '2026-02-24 16:22:20Z'::timestamptz, 73, 73, 'connected'::text,
            'unknown'::text, null::uuid)$$,
  'matched by contact.crm_id, the rep by custom_data.pb_user_id, times in the configured zone (UTC), "Connected" is a connection');
select results_eq(
  $$select disposition_code, disposition_label, (details ->> 'disposition_unmapped')::boolean
      from public.contact_activities where dedupe_key = 'phoneburner:call:a2226680-221a-492f-8986-8b4f3e001312'$$,
  $$values (null::text, 'Connected'::text, true)$$,
  'a label no mapping knows is kept as sent and marked unmapped (listed for review), never dropped');

-- ---------------------------------------------------------------------------------------------------
-- Statistics
-- ---------------------------------------------------------------------------------------------------
select results_eq(
  $$select total_call_attempts, total_calls_connected, total_calls_to_decision_maker, total_call_duration_seconds,
           total_talk_time_seconds, last_call_attempt_at, last_disposition_label
      from public.contacts where id = '6f1c2b9e-3d4a-4b8e-9f00-1a2b3c4d5e6f'$$,
  $$values (2, 2, 1, 295, 295, '2026-02-24 16:21:07Z'::timestamptz, 'Connected'::text)$$,
  'two calls, both connected, one with the decision maker; the last disposition is the softphone call''s');
select results_eq(
  $$select total_dials, total_connections, total_qualified_leads, total_callbacks_scheduled, total_contacts_added,
           total_contacts_active, total_contacts_completed
      from public.phoneburner_sessions where id = '26000000-0000-0000-0000-00000000005e'$$,
  $$values (1, 1, 1, 1, 1, 0, 1)$$,
  'the session counts its call, the qualified lead, the callback, and its member as completed (dispositioned)');
select results_eq(
  $$select state, last_called_at, last_disposition_code from public.phoneburner_session_contacts
     where session_id = '26000000-0000-0000-0000-00000000005e'$$,
  $$values ('completed'::text, '2026-02-23 15:45:00Z'::timestamptz, 'INTERESTED'::text)$$,
  'the session member records its last call and disposition');
select is_empty($$select * from dialbridge.recompute_contact_call_stats('6f1c2b9e-3d4a-4b8e-9f00-1a2b3c4d5e6f')$$,
  'the contact''s statistics equal a recount');
select is_empty($$select * from dialbridge.recompute_session_call_stats('26000000-0000-0000-0000-00000000005e')$$,
  'the session''s statistics and member counts equal a recount');

select * from finish();
rollback;
