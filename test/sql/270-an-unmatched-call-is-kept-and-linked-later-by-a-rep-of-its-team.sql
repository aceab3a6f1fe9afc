-- A call whose contact cannot be found is kept (unmatched, in the rep's team) and counted nowhere but in its
-- session; public.link_unmatched_activity() links it (and its callback) later: only an admin or a rep of the
-- activity's team, to a contact of that team. The statistics then move to the contact, the effects that
-- waited for a contact are applied, and later events of the call keep the link.
begin;
select plan(24);

-- Recording stand-ins for the disposition engine: this file checks when the projection calls it.
create temporary table effect_calls (fn text, activity_id uuid, n serial) on commit drop;
grant insert on effect_calls to public;
grant usage on sequence effect_calls_n_seq to public;
drop function if exists dialbridge.apply_disposition(uuid);
drop function if exists dialbridge.apply_callback(uuid);
drop function if exists dialbridge.apply_contact_changes(uuid);
create function dialbridge.apply_disposition(p uuid) returns void language sql
  as $$ insert into pg_temp.effect_calls (fn, activity_id) values ('disposition', p) $$;
create function dialbridge.apply_callback(p uuid) returns void language sql
  as $$ insert into pg_temp.effect_calls (fn, activity_id) values ('callback', p) $$;
create function dialbridge.apply_contact_changes(p uuid) returns void language sql
  as $$ insert into pg_temp.effect_calls (fn, activity_id) values ('contact_changes', p) $$;

select tests.create_user('rep@link270.test', 'Link 270 team');
select tests.create_user('other@link270.test', 'Link 270 other team');
select tests.create_user('admin@link270.test', null, 'admin');
update public.profiles set phoneburner_user_id = 'pb_270' where id = tests.user_id('rep@link270.test');
insert into public.contacts (id, team_id, first_name) values
  ('27000000-0000-0000-0000-0000000000c1', tests.team_id('Link 270 team'), 'Linked'),
  ('27000000-0000-0000-0000-0000000000c2', tests.team_id('Link 270 other team'), 'Elsewhere');

-- ---------------------------------------------------------------------------------------------------
-- A call nobody can place
-- ---------------------------------------------------------------------------------------------------
select dialbridge.receive_phoneburner_event(t, p::jsonb, null, 100, 'hmac', null, null, null)
  from (values
    ('call.started', '{"event_id": "l270_start", "timestamp": "2026-03-02T09:00:00Z",
                       "call": {"id": "c270", "to_number": "+15550270"}, "contact": {"id": "pb_unknown_270"},
                       "user": {"id": "pb_270", "name": "Rep"}, "dial_session": {"id": "ds_270", "name": "S270"}}'),
    ('call.connected', '{"event_id": "l270_conn", "timestamp": "2026-03-02T09:00:10Z", "call_id": "c270",
                         "contact_id": "pb_unknown_270", "connection_details": {"answered_by": "gatekeeper"}}'),
    ('disposition.set', '{"event_id": "l270_disp", "timestamp": "2026-03-02T09:03:00Z", "call_id": "c270",
                          "contact_id": "pb_unknown_270", "disposition": {"code": "SPOKE_TO_GATEKEEPER"}}'),
    ('callback.scheduled', '{"event_id": "l270_cb", "timestamp": "2026-03-02T09:03:01Z", "call_id": "c270",
                             "contact_id": "pb_unknown_270", "callback": {"scheduled_for": "2026-03-04T15:00:00Z"}}'),
    ('contact.updated', '{"event_id": "l270_upd", "timestamp": "2026-03-02T09:10:00Z", "contact_id": "pb_unknown_270",
                          "changes": {"title": {"old": "VP", "new": "CFO"}}}')
  ) as e(t, p);
select is((dialbridge.process_phoneburner_webhooks(50)).succeeded, 5, 'the events are processed');

select results_eq(
  $$select dedupe_key, matching_status, contact_id, team_id, callback_scheduled_date from public.contact_activities
     where phoneburner_call_id = 'c270' order by dedupe_key$$,
  $$values ('phoneburner:call:c270'::text, 'unmatched'::text, null::uuid, tests.team_id('Link 270 team'), '2026-03-04T15:00:00Z'::timestamptz)$$,
  'the call with its callback is kept unmatched, in the rep''s team');
select is((select matching_status from public.contact_activities where dedupe_key = 'phoneburner:contact_updated:l270_upd'),
  'unmatched', 'so is the contact change (no rep known: no team)');
select is_empty($$select * from pg_temp.effect_calls$$, 'no effect is applied to an unmatched activity');
select results_eq(
  $$select total_dials, total_connections, total_gatekeeper_conversations from public.phoneburner_sessions
     where phoneburner_session_id = 'ds_270'$$,
  $$values (1, 1, 1)$$,
  'the session counts the call (it happened in the session whoever it was to)');

-- ---------------------------------------------------------------------------------------------------
-- Who may link it
-- ---------------------------------------------------------------------------------------------------
select throws_ok(
  $$select * from public.link_unmatched_activity((select id from public.contact_activities where dedupe_key = 'phoneburner:call:c270'),
                                                '27000000-0000-0000-0000-0000000000c1')$$,
  'DB062', 'sign in to link an activity', 'nobody signed in cannot link');
select tests.authenticate_as('other@link270.test');
select throws_ok(
  format('select * from public.link_unmatched_activity(%L, %L)',
         (select id from public.contact_activities where dedupe_key = 'phoneburner:call:c270'), '27000000-0000-0000-0000-0000000000c2'),
  'DB063', 'activity or contact not found', 'a rep of another team cannot even see it');
select tests.authenticate_as('rep@link270.test');
select throws_ok(
  format('select * from public.link_unmatched_activity(%L, %L)',
         (select id from public.contact_activities where dedupe_key = 'phoneburner:call:c270'), '27000000-0000-0000-0000-0000000000c2'),
  'DB065', null, 'the rep cannot link it to another team''s contact');

-- ---------------------------------------------------------------------------------------------------
-- The rep links it
-- ---------------------------------------------------------------------------------------------------
select results_eq(
  format('select dedupe_key, matching_status, contact_id from public.link_unmatched_activity(%L, %L)',
         (select id from public.contact_activities where dedupe_key = 'phoneburner:call:c270'), '27000000-0000-0000-0000-0000000000c1'),
  $$values ('phoneburner:call:c270'::text, 'manually_linked'::text, '27000000-0000-0000-0000-0000000000c1'::uuid)$$,
  'linking the call links it with its callback');
select throws_ok(
  format('select * from public.link_unmatched_activity(%L, %L)',
         (select id from public.contact_activities where dedupe_key = 'phoneburner:call:c270'), '27000000-0000-0000-0000-0000000000c1'),
  'DB064', null, 'a linked activity cannot be linked again');
select tests.clear_authentication();

select results_eq(
  $$select fn, activity_id from pg_temp.effect_calls order by n$$,
  $$select 'disposition'::text, (select id from public.contact_activities where dedupe_key = 'phoneburner:call:c270')
    union all
    select 'callback', (select id from public.contact_activities where dedupe_key = 'phoneburner:call:c270')$$,
  'the disposition and the callback that waited for a contact are applied now, the call first');
select results_eq(
  $$select total_call_attempts, total_calls_connected, total_calls_to_gatekeeper, last_disposition_code,
           first_call_attempt_at, last_call_connected_at
      from public.contacts where id = '27000000-0000-0000-0000-0000000000c1'$$,
  $$values (1, 1, 1, 'SPOKE_TO_GATEKEEPER'::text, '2026-03-02T09:00:00Z'::timestamptz, '2026-03-02T09:00:10Z'::timestamptz)$$,
  'the call''s statistics moved to the contact');

-- ---------------------------------------------------------------------------------------------------
-- The call goes on: later events keep the link
-- ---------------------------------------------------------------------------------------------------
select dialbridge.receive_phoneburner_event('call.ended',
  '{"event_id": "l270_end", "timestamp": "2026-03-02T09:02:50Z", "call_id": "c270", "contact_id": "pb_unknown_270",
    "call_summary": {"total_duration_seconds": 170, "talk_duration_seconds": 160, "outcome": "completed"}}'::jsonb,
  null, 100, 'hmac', null, null, null);
select is((dialbridge.process_phoneburner_webhooks(50)).succeeded, 1, 'a later event of the call is processed');
select results_eq(
  $$select matching_status, contact_id, call_duration_seconds, team_id from public.contact_activities
     where dedupe_key = 'phoneburner:call:c270'$$,
  $$values ('manually_linked'::text, '27000000-0000-0000-0000-0000000000c1'::uuid, 170, tests.team_id('Link 270 team'))$$,
  'the call stays linked to the contact chosen by the rep');
select results_eq(
  $$select total_call_attempts, total_call_duration_seconds, total_talk_time_seconds from public.contacts
     where id = '27000000-0000-0000-0000-0000000000c1'$$,
  $$values (1, 170, 160)$$,
  'and its new duration is added to the contact, still one call');
select is((select count(*)::integer from pg_temp.effect_calls where fn = 'disposition'), 1,
  'an unchanged disposition is not applied again');

-- ---------------------------------------------------------------------------------------------------
-- An admin links the contact change
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('admin@link270.test');
select results_eq(
  format('select matching_status, contact_id from public.link_unmatched_activity(%L, %L)',
         (select id from public.contact_activities where dedupe_key = 'phoneburner:contact_updated:l270_upd'),
         '27000000-0000-0000-0000-0000000000c1'),
  $$values ('manually_linked'::text, '27000000-0000-0000-0000-0000000000c1'::uuid)$$,
  'an admin links a contact change of no team');
select tests.clear_authentication();
select is((select fn from pg_temp.effect_calls order by n desc limit 1), 'contact_changes',
  'the contact change is applied once linked');
select is((select team_id from public.contact_activities where dedupe_key = 'phoneburner:contact_updated:l270_upd'),
  tests.team_id('Link 270 team'), 'and takes the contact''s team');

-- ---------------------------------------------------------------------------------------------------
-- Replays keep the link; the statistics equal a recount
-- ---------------------------------------------------------------------------------------------------
select is((select count(*)::integer from dialbridge.reset_phoneburner_webhooks_for_replay(null, null, null)), 6,
  'replaying every event of the call');
select is((dialbridge.process_phoneburner_webhooks(50)).succeeded, 6, 'processes them again');
select is((select count(*)::integer from public.contact_activities
            where contact_id = '27000000-0000-0000-0000-0000000000c1' and matching_status = 'manually_linked'), 2,
  'the call (with its callback) and the contact change stay linked');
select is_empty($$select * from dialbridge.recompute_contact_call_stats('27000000-0000-0000-0000-0000000000c1')$$,
  'the linked contact''s statistics equal a recount');
select is_empty($$select * from dialbridge.recompute_session_call_stats(
                    (select id from public.phoneburner_sessions where phoneburner_session_id = 'ds_270'))$$,
  'and so do the session''s');

select * from finish();
rollback;
