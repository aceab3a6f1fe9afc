-- Contact resolution, in order: the SourceCo id the events carry → PhoneBurner's contact id (on the contact,
-- then on a session member) → the dialled number among the contacts pushed to that dial session (exactly
-- one) → unmatched. The contact PhoneBurner displays never decides; it may only teach us PhoneBurner's id
-- of a pushed contact, which then resolves calls still unmatched.
begin;
select plan(9);


select tests.create_user('rep@match280.test', 'Match 280 team');
insert into public.contacts (id, sourceco_contact_id, team_id, first_name, phoneburner_contact_id) values
  ('28000000-0000-0000-0000-0000000000a1', 'sc_280_a', tests.team_id('Match 280 team'), 'A', 'pb_280_a'),
  ('28000000-0000-0000-0000-0000000000b2', 'sc_280_b', tests.team_id('Match 280 team'), 'B', null),
  ('28000000-0000-0000-0000-0000000000c3', 'sc_280_c', tests.team_id('Match 280 team'), 'C', null),
  ('28000000-0000-0000-0000-0000000000d4', 'sc_280_d', tests.team_id('Match 280 team'), 'D', null),
  ('28000000-0000-0000-0000-0000000000e5', 'sc_280_e', tests.team_id('Match 280 team'), 'E', null);
insert into public.phoneburner_sessions (id, phoneburner_session_id, session_name, team_id) values
  ('28000000-0000-0000-0000-00000000005a', 'ds_280', 'Session 280', tests.team_id('Match 280 team')),
  ('28000000-0000-0000-0000-00000000005b', 'ds_280_other', 'Other session', tests.team_id('Match 280 team'));
insert into public.phoneburner_session_contacts (session_id, contact_id, team_id, phone_e164, phoneburner_contact_id) values
  ('28000000-0000-0000-0000-00000000005a', '28000000-0000-0000-0000-0000000000b2', tests.team_id('Match 280 team'), '+12125550001', 'pb_280_b'),
  ('28000000-0000-0000-0000-00000000005a', '28000000-0000-0000-0000-0000000000c3', tests.team_id('Match 280 team'), '+12125550002', null),
  ('28000000-0000-0000-0000-00000000005a', '28000000-0000-0000-0000-0000000000d4', tests.team_id('Match 280 team'), '+12125550003', null),
  ('28000000-0000-0000-0000-00000000005a', '28000000-0000-0000-0000-0000000000e5', tests.team_id('Match 280 team'), '+12125550003', null),
  ('28000000-0000-0000-0000-00000000005b', '28000000-0000-0000-0000-0000000000e5', tests.team_id('Match 280 team'), '+12125550009', null);

select dialbridge.receive_phoneburner_event('api_calldone', p::jsonb, null, 100, 'url_token', null, null, null)
  from (values
    -- carries both a SourceCo id (A) and PhoneBurner's id of B: the SourceCo id wins
    ('{"call_id": 28001, "ds_id": "ds_280", "status": "No Answer", "connected": "0", "end_time": "2026-03-05 10:00:00",
       "custom_fields": {"SourceCo ID": "sc_280_a"}, "contact": {"user_id": "pb_280_b", "phone": "2125550002"}}'),
    -- PhoneBurner's id stored on the contact
    ('{"call_id": 28002, "ds_id": "ds_280", "status": "No Answer", "connected": "0", "end_time": "2026-03-05 10:01:00",
       "contact": {"user_id": "pb_280_a", "phone": "2125550002"}}'),
    -- PhoneBurner's id stored on a session member
    ('{"call_id": 28003, "ds_id": "ds_280", "status": "No Answer", "connected": "0", "end_time": "2026-03-05 10:02:00",
       "contact": {"user_id": "pb_280_b"}}'),
    -- only the number, 10 digits as PhoneBurner sends it, pushed once in this session
    ('{"call_id": 28004, "ds_id": "ds_280", "status": "No Answer", "connected": "0", "end_time": "2026-03-05 10:03:00",
       "contact": {"user_id": "pb_280_unknown_4", "phone": "(212) 555-0002"}}'),
    -- a number two contacts of the session share: ambiguous
    ('{"call_id": 28005, "ds_id": "ds_280", "status": "No Answer", "connected": "0", "end_time": "2026-03-05 10:04:00",
       "contact": {"user_id": "pb_280_unknown_5", "phone": "2125550003"}}'),
    -- a number pushed only in another session
    ('{"call_id": 28006, "ds_id": "ds_280", "status": "No Answer", "connected": "0", "end_time": "2026-03-05 10:05:00",
       "contact": {"user_id": "pb_280_unknown_6", "phone": "2125550009"}}')
  ) as e(p);
-- PhoneBurner displays contact E right before call 28005 ends: that never attributes 28005 to E
select dialbridge.receive_phoneburner_event('api_contact_displayed',
  '{"ds_id": "ds_280", "contact_user_id": "pb_280_display_only", "external_crm_data": []}'::jsonb, null, 100, 'url_token', null, null, null);
select is((dialbridge.process_phoneburner_webhooks(50)).succeeded, 7, 'the calls and the displayed contact are processed');

select results_eq(
  $$select phoneburner_call_id, matching_status, contact_id from public.contact_activities
     where phoneburner_call_id in ('28001', '28002', '28003', '28004') order by phoneburner_call_id$$,
  $$values ('28001'::text, 'matched'::text, '28000000-0000-0000-0000-0000000000a1'::uuid),
           ('28002', 'matched', '28000000-0000-0000-0000-0000000000a1'),
           ('28003', 'matched', '28000000-0000-0000-0000-0000000000b2'),
           ('28004', 'matched', '28000000-0000-0000-0000-0000000000c3')$$,
  'SourceCo id first, then PhoneBurner''s id on the contact, then on a session member, then the number in the session');
select results_eq(
  $$select phoneburner_call_id, matching_status, contact_id, team_id from public.contact_activities
     where phoneburner_call_id in ('28005', '28006') order by phoneburner_call_id$$,
  $$values ('28005'::text, 'unmatched'::text, null::uuid, tests.team_id('Match 280 team')),
           ('28006', 'unmatched', null, tests.team_id('Match 280 team'))$$,
  'a number two members share, or one pushed only in another session, matches nobody (team from the session)');
select is((select count(*)::integer from public.contact_activities where contact_id = '28000000-0000-0000-0000-0000000000e5'), 0,
  'the displayed contact is never credited with a call');

-- ---------------------------------------------------------------------------------------------------
-- Later, PhoneBurner displays a pushed contact with our id: calls waiting on its PhoneBurner id resolve
-- ---------------------------------------------------------------------------------------------------
select dialbridge.receive_phoneburner_event('api_contact_displayed',
  '{"ds_id": "ds_280", "contact_user_id": "pb_280_unknown_6", "external_crm_data": [{"crm_id": "sc_280_d", "crm_name": "sourceco"}]}'::jsonb,
  null, 100, 'url_token', null, null, null);
select is((dialbridge.process_phoneburner_webhooks(50)).succeeded, 1, 'the display event is processed');
select is((select phoneburner_contact_id from public.phoneburner_session_contacts
            where session_id = '28000000-0000-0000-0000-00000000005a' and contact_id = '28000000-0000-0000-0000-0000000000d4'),
  'pb_280_unknown_6', 'it records PhoneBurner''s id on the member it names through external_crm_data');
select results_eq(
  $$select matching_status, contact_id from public.contact_activities where phoneburner_call_id = '28006'$$,
  $$values ('matched'::text, '28000000-0000-0000-0000-0000000000d4'::uuid)$$,
  'the call that was unmatched for that PhoneBurner id is matched now, whatever the order the events came in');
select is((select total_call_attempts from public.contacts where id = '28000000-0000-0000-0000-0000000000d4'), 1,
  'and counted for its contact');
select is_empty($$select * from dialbridge.recompute_contact_call_stats(null)
                   where contact_id in (select id from public.contacts where sourceco_contact_id like 'sc\_280\_%')$$,
  'every contact''s statistics equal a recount');

select * from finish();
rollback;
