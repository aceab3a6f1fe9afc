-- SourceCo's frontend against dialbridge, unchanged (issue 15): a real PhoneBurner callback (wrapped with a
-- Transcript, no "SourceCo ID" custom field) for a contact just pushed finds its contact by number in the
-- pushed session; the columns SourceCo's screens select are filled; its way of counting calls
-- (activity_type call_attempt / call_completed, call_connected) counts each call once; the manual call log
-- it inserts from the browser works as the rep; public.unified_contact_timeline; an unmatched call is matched
-- on its own when the reconcile job learns PhoneBurner's contact id; the RPCs it calls answer only about the
-- caller's team; seed 000's Query 1 and Query 4 run verbatim under search_path seed, public.
-- Times are relative to now(); PhoneBurner's zone-less times are written in America/New_York.
begin;
select plan(30);
set local client_min_messages = error;

select tests.create_user('ann@sc800.test', 'SC 800') as ann \gset
select tests.create_user('boss@sc800.test', 'SC 800', 'admin') as boss \gset
select tests.create_user('olga@other800.test', 'Other 800') as olga \gset
update public.profiles set phoneburner_user_id = '8000001', display_name = 'Ann Rep' where id = :'ann';
select '80000000-0000-0000-0000-0000000000b1' as buyer, '80000000-0000-0000-0000-0000000000d1' as listing \gset
insert into public.contacts (id, team_id, first_name, last_name, email, phone, remarketing_buyer_id)
values ('80000000-0000-0000-0000-0000000000c1', tests.team_id('SC 800'), 'John', 'Smith', 'John@Heritage800.test', '+12125550180', :'buyer'),
       ('80000000-0000-0000-0000-0000000000c2', tests.team_id('SC 800'), 'Mary', 'Major', 'mary@major800.test', '+13125550181', :'buyer'),
       ('80000000-0000-0000-0000-0000000000c9', tests.team_id('Other 800'), 'Otto', 'Other', 'otto@other800.test', '+14155550189', :'buyer');
-- a push still waiting for PhoneBurner's session id (the real API answers only a redirect_url)
insert into public.phoneburner_sessions (id, phoneburner_session_id, session_name, team_id, created_by_user_id)
values ('80000000-0000-0000-0000-0000000000a1', 'pending:sc800', 'Buyers 800', tests.team_id('SC 800'), :'ann');
insert into public.phoneburner_session_contacts (session_id, contact_id, team_id, phone_e164)
values ('80000000-0000-0000-0000-0000000000a1', '80000000-0000-0000-0000-0000000000c1', tests.team_id('SC 800'), '+12125550180');

create temporary table t800 (n integer, payload jsonb, envelope jsonb) on commit drop;
insert into t800
select 1, jsonb_build_object(
    'call_id', 880001, 'ds_id', 8800, 'status', 'Interested', 'duration', 222, 'connected', '1', 'direction', 'outbound',
    'start_time', to_char((now() - interval '2 hours') at time zone 'America/New_York', 'YYYY-MM-DD HH24:MI:SS'),
    'end_time', to_char((now() - interval '2 hours' + interval '222 seconds') at time zone 'America/New_York', 'YYYY-MM-DD HH24:MI:SS'),
    'recording_link', 'http://www.phoneburner.com/index/recording_link/880001',
    'recording_link_public', 'http://www.phoneburner.com/public/recording_link/880001?key=k1',
    'call_notes', jsonb_build_array('Wants the collision repair memo.'),
    'agent', jsonb_build_object('user_id', 8000001, 'first_name', 'Ann', 'last_name', 'Rep', 'email', 'ann@sc800.test'),
    'contact', jsonb_build_object('user_id', 99901, 'phone', '2125550180',
                                  'phones', jsonb_build_array(jsonb_build_object('number', '2125550180', 'type', 'Office')),
                                  'primary_email', 'john@heritage800.test', 'notes', '2026 Interested - wants the memo.'),
    'custom_fields', '{}'::jsonb, 'custom_data', '[]'::jsonb),
  jsonb_build_object('Transcript', 'Ann: Hi John, Ann from SourceCo. John: Send me the memo.', 'status', 'completed')
union all
select 2, jsonb_build_object(
    'call_id', 880002, 'ds_id', 8800, 'status', 'No Answer', 'duration', 31, 'connected', '0', 'direction', 'outbound',
    'start_time', to_char((now() - interval '1 hour') at time zone 'America/New_York', 'YYYY-MM-DD HH24:MI:SS'),
    'end_time', to_char((now() - interval '1 hour' + interval '31 seconds') at time zone 'America/New_York', 'YYYY-MM-DD HH24:MI:SS'),
    'agent', jsonb_build_object('user_id', 8000001, 'email', 'ann@sc800.test'),
    'contact', jsonb_build_object('user_id', 99902, 'phones', jsonb_build_array(jsonb_build_object('number', '3125559999'))),
    'custom_fields', '{}'::jsonb, 'custom_data', '[]'::jsonb),
  null;

select dialbridge.receive_phoneburner_event('api_calldone', t.payload, null, length(t.payload::text), 'url_token', null, null, null, t.envelope)
  from t800 t order by t.n;
select is((dialbridge.process_phoneburner_webhooks(50)).succeeded, 2, 'both callbacks are processed');

-- ---------------------------------------------------------------------------------------------------
-- contact resolution: the number in the pushed session, although PhoneBurner sent its own contact id
-- ---------------------------------------------------------------------------------------------------
select results_eq(
  $$select contact_id, matching_status, phoneburner_session_id from public.contact_activities where dedupe_key = 'phoneburner:call:880001'$$,
  $$values ('80000000-0000-0000-0000-0000000000c1'::uuid, 'matched'::text, '80000000-0000-0000-0000-0000000000a1'::uuid)$$,
  'a callback without the SourceCo ID field, for a contact just pushed, is matched by its number in the pushed session');
select is((select phoneburner_session_id from public.phoneburner_sessions where id = '80000000-0000-0000-0000-0000000000a1'), '8800',
  'and the pending session learns PhoneBurner''s id');
select is((select matching_status from public.contact_activities where dedupe_key = 'phoneburner:call:880002'), 'unmatched',
  'a call whose number is in no pushed session stays unmatched for now');

-- ---------------------------------------------------------------------------------------------------
-- what SourceCo's screens select, as the rep (PostgREST's way)
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('ann@sc800.test');
select results_eq(
  $$select activity_type, call_outcome, call_connected, call_direction, remarketing_buyer_id, listing_id, contact_email,
           recording_url, recording_url_public, phoneburner_status, disposition_label, contact_notes
      from public.contact_activities where dedupe_key = 'phoneburner:call:880001'$$,
  $$values ('call_completed'::text, 'connected'::text, true, 'outbound'::text, '80000000-0000-0000-0000-0000000000b1'::uuid, null::uuid,
            'john@heritage800.test'::text, 'http://www.phoneburner.com/index/recording_link/880001'::text,
            'http://www.phoneburner.com/public/recording_link/880001?key=k1'::text, 'Interested'::text, 'Interested'::text,
            '2026 Interested - wants the memo.'::text)$$,
  'the call carries the columns the screens select: vocabulary, connected, direction, buyer, e-mail, both recording links, status, notes');
select is((select call_transcript from public.contact_activities where dedupe_key = 'phoneburner:call:880001'),
  'Ann: Hi John, Ann from SourceCo. John: Send me the memo.', 'the Transcript wrapped around the delivery is the call''s transcript');
-- use-contact-call-stats.ts, on the buyer's contacts
select results_eq(
  $$select count(*) filter (where activity_type in ('call_attempt', 'call_completed'))::int,
           count(*) filter (where activity_type in ('call_attempt', 'call_completed') and (call_connected or call_outcome = 'dispositioned'))::int
      from public.contact_activities
     where contact_id in (select id from public.contacts where remarketing_buyer_id = '80000000-0000-0000-0000-0000000000b1' and not archived)
       and source_system = 'phoneburner'$$,
  $$values (1, 1)$$,
  'SourceCo''s buyer call tab counts the call once, as connected');
select results_eq(
  $$select event_type, title, (metadata ->> 'call_connected')::boolean, metadata ->> 'recording_url_public', metadata ->> 'call_transcript' is not null,
           team_member_name
      from public.unified_contact_timeline where remarketing_buyer_id = '80000000-0000-0000-0000-0000000000b1' order by event_at desc$$,
  $$values ('call_completed'::text, 'Interested'::text, true, 'http://www.phoneburner.com/public/recording_link/880001?key=k1'::text, true, 'Ann Rep'::text)$$,
  'the unified timeline shows the call with the metadata keys the timeline maps');
select is((select count(*)::int from public.unified_contact_timeline where contact_email ilike 'JOHN@heritage800.test'), 1,
  'and finds it by the contact''s e-mail, case-insensitively');

-- LogManualTouchDialog's insert, as sent (no user, team or contact; outcome "callback")
select lives_ok($$
  insert into public.contact_activities (activity_type, source_system, call_started_at, call_ended_at, call_duration_seconds,
      call_outcome, call_connected, call_direction, disposition_label, disposition_notes, contact_email, user_name, listing_id, matching_status)
  values ('call_completed', 'manual', now() - interval '30 minutes', now() - interval '30 minutes', 300, 'callback', true, 'outbound',
          'Callback Scheduled', 'Call back Friday', 'john@heritage800.test', null, '80000000-0000-0000-0000-0000000000d1', 'matched')$$,
  'the manual call log inserts as the rep, exactly as SourceCo''s dialog sends it');
select results_eq(
  $$select user_id, team_id, contact_id, matching_status, call_outcome, details ->> 'outcome_sent', call_connected, listing_id, remarketing_buyer_id
      from public.contact_activities where source_system = 'manual' and disposition_notes = 'Call back Friday'$$,
  format($$values (%L::uuid, %L::uuid, '80000000-0000-0000-0000-0000000000c1'::uuid, 'matched'::text, 'connected'::text, 'callback'::text,
                   true, '80000000-0000-0000-0000-0000000000d1'::uuid, null::uuid)$$, :'ann', tests.team_id('SC 800')),
  'it is the rep''s, in their team, linked to the contact by e-mail, counted as connected, anchored to the deal (not also to the buyer)');
select is((select total_call_attempts || '/' || total_calls_connected from public.contacts where id = '80000000-0000-0000-0000-0000000000c1'),
  '2/2', 'the contact''s statistics count the dialer call and the manual one');

-- UnmatchedActivitiesPage: link to a deal by hand; never un-link
select results_eq(
  $$update public.contact_activities set listing_id = '80000000-0000-0000-0000-0000000000d1', matching_status = 'manually_linked'
     where dedupe_key = 'phoneburner:call:880002' returning matching_status, listing_id$$,
  $$values ('manually_linked'::text, '80000000-0000-0000-0000-0000000000d1'::uuid)$$,
  'a rep links an unmatched call to a deal as SourceCo''s page does');
select throws_ok(
  $$update public.contact_activities set matching_status = 'unmatched' where dedupe_key = 'phoneburner:call:880002'$$,
  'DB040', 'matching_status can only be set to manually_linked', 'but cannot mark a call unmatched');
select tests.clear_authentication();
update public.contact_activities set listing_id = null, matching_status = 'unmatched' where dedupe_key = 'phoneburner:call:880002';

-- ---------------------------------------------------------------------------------------------------
-- relinking on its own: the reconcile job stores PhoneBurner's contact id
-- ---------------------------------------------------------------------------------------------------
delete from graphile_worker._private_jobs where task_id in (select id from graphile_worker._private_tasks where identifier = 'contact_activities__rematch');
update public.contacts set phoneburner_contact_id = '99902' where id = '80000000-0000-0000-0000-0000000000c2';
select is((select count(*)::int from graphile_worker.jobs where task_identifier = 'contact_activities__rematch'), 1,
  'storing a PhoneBurner contact id while calls are unmatched queues the rematch job');
select is(dialbridge.rematch_phoneburner_calls(), 1, 'the job matches the one call that can now be matched');
select results_eq(
  $$select contact_id, matching_status, remarketing_buyer_id from public.contact_activities where dedupe_key = 'phoneburner:call:880002'$$,
  $$values ('80000000-0000-0000-0000-0000000000c2'::uuid, 'matched'::text, '80000000-0000-0000-0000-0000000000b1'::uuid)$$,
  'the call is Mary''s now, with her buyer');
select is(dialbridge.rematch_phoneburner_calls(), 0, 'running it again changes nothing');

-- ---------------------------------------------------------------------------------------------------
-- seed 000's sample queries, verbatim, on the seed's event-grained model
-- ---------------------------------------------------------------------------------------------------
select set_config('search_path', 'seed, ' || current_setting('search_path'), true);  -- seed, public, …
select results_eq(
  $q$WITH rep_stats AS (
    SELECT ca.user_id, ca.user_name,
        COUNT(*) FILTER (WHERE ca.activity_type = 'call_attempt') AS total_dials,
        COUNT(*) FILTER (WHERE ca.call_connected_at IS NOT NULL) AS total_connections,
        COUNT(DISTINCT ca.contact_id) AS unique_contacts_reached,
        SUM(ca.talk_time_seconds) FILTER (WHERE ca.talk_time_seconds IS NOT NULL) AS total_talk_time_seconds,
        COUNT(*) FILTER (WHERE ca.disposition_code IN ('INTERESTED', 'MEETING_SET', 'HOT_LEAD')) AS qualified_leads,
        COUNT(*) FILTER (WHERE ca.disposition_code = 'MEETING_SET') AS meetings_scheduled
    FROM contact_activities ca
    WHERE ca.call_started_at >= NOW() - INTERVAL '30 days' AND ca.user_id IS NOT NULL
    GROUP BY ca.user_id, ca.user_name)
  SELECT total_dials, total_connections, unique_contacts_reached, qualified_leads, meetings_scheduled FROM rep_stats$q$,
  $$values (3::bigint, 2::bigint, 2::bigint, 1::bigint, 0::bigint)$$,
  'seed Query 1 counts 3 dials (two dialer calls, one manual), 2 connections, 2 contacts, 1 qualified lead');
select set_eq(
  $q$SELECT CASE WHEN ca.activity_type = 'call_attempt' THEN '📞 Call Attempt' WHEN ca.activity_type = 'call_connected' THEN '✅ Call Connected'
              WHEN ca.activity_type = 'call_completed' THEN '📞 Call Completed' WHEN ca.activity_type = 'disposition_set' THEN '📝 Disposition Set'
              ELSE ca.activity_type END AS activity_type
     FROM contact_activities ca WHERE ca.contact_id = '80000000-0000-0000-0000-0000000000c1' AND ca.source_system = 'phoneburner'
     ORDER BY ca.created_at DESC LIMIT 50$q$,
  $$values ('📞 Call Attempt'), ('✅ Call Connected'), ('📞 Call Completed'), ('📝 Disposition Set')$$,
  'seed Query 4 shows the call''s four events');
select set_config('search_path', regexp_replace(current_setting('search_path'), '^seed, ', ''), true);

-- ---------------------------------------------------------------------------------------------------
-- the RPCs and the token row, and what they say about another team
-- ---------------------------------------------------------------------------------------------------
insert into public.phoneburner_oauth_tokens (user_id, access_token, display_name) values (:'olga', 'olga-secret', 'Olga PB');
insert into public.phoneburner_oauth_tokens (user_id, access_token, display_name, is_manual_token, expires_at)
values (:'ann', 'pb-token-ann', 'Ann PB', true, '2099-01-01T00:00:00Z');
select tests.authenticate_as('ann@sc800.test');
select results_eq($$select access_token from public.phoneburner_oauth_tokens$$, $$ values ('[encrypted]') $$, 'the token itself stays unreadable (the column keeps a marker)');
select results_eq($$select user_id, display_name, is_manual_token from public.get_phoneburner_connected_users()$$,
  format($$values (%L::uuid, 'Ann PB'::text, true)$$, :'ann'),
  'get_phoneburner_connected_users lists the team''s connected reps, not another team''s');
select is(public.is_admin(:'boss'), true, 'is_admin answers about a teammate');
select is(public.is_admin(:'olga'), false, 'and says false about anyone outside the team');
select is((public.get_remarketing_dashboard_stats(now() - interval '1 day') -> 'cards' ->> 'calls_made')::int, 3,
  'the dashboard''s calls_made counts each call once');
select isnt(public.log_deal_activity('80000000-0000-0000-0000-0000000000d1', 'call_completed', 'Manual call: John'), null,
  'log_deal_activity records a deal event');
select tests.clear_authentication();
-- as a call recorded before dialbridge kept transcripts: only the webhook log has it
update public.contact_activities set call_transcript = null, details = details - 'transcript' where dedupe_key = 'phoneburner:call:880001';
select tests.authenticate_as('olga@other800.test');
select is(public.sync_phoneburner_transcripts(100, null, false) ->> 'synced', '0', 'another team''s transcript sync touches none of these calls');
select is((public.get_remarketing_dashboard_stats() -> 'cards' ->> 'calls_made')::int, 0, 'nor does its dashboard count them');
select is_empty($$select 1 from public.deal_activities$$, 'nor does it see the deal event');
select tests.authenticate_as('ann@sc800.test');
select is(public.sync_phoneburner_transcripts(100, null, false) ->> 'synced', '1', 'the team''s sync restores the transcript from the delivery');
select tests.clear_authentication();

select * from finish();
rollback;
