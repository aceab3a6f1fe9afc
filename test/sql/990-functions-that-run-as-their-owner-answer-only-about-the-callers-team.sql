-- Functions that run with their owner's rights bypass row-level security, so each must filter by the caller
-- itself. This file keeps the list of every such function the browser (role authenticated) may execute,
-- each with the test that shows what it answers about another team — and fails when a new one appears
-- that nobody audited. It also holds the cross-team tests of those that had none: the compliance lookups
-- (a rep who knew another team's contact ids used to learn which were do-not-call), the campaign and call
-- visibility helpers, and the caller-only helpers. Runs last: it uses the helpers of 000, 400 and 600. No clock is read.
begin;
select plan(17);
set local client_min_messages = error;

-- ---------------------------------------------------------------------------------------------------
-- the audit: every security-definer function authenticated may execute, and where its cross-team test is
-- ---------------------------------------------------------------------------------------------------
create temporary table audited (fn text primary key, covered_by text not null);
insert into audited values
  ('dialbridge.can_manage_campaign(p_campaign_id uuid)', 'this file'),
  ('dialbridge.can_see_call_log(p_call_log_id uuid)', 'this file; 601'),
  ('dialbridge.can_see_campaign(p_campaign_id uuid)', 'this file; 601'),
  ('dialbridge.current_app_role()', 'this file (answers about the caller only)'),
  ('dialbridge.current_phoneburner_user_id()', '122 (the caller''s own token row only)'),
  ('dialbridge.credentials_due_for_rotation(as_of timestamp with time zone, max_age interval)', '123 (a rep sees only their own tokens'' age)'),
  ('dialbridge.current_team_id()', 'this file (answers about the caller only)'),
  ('dialbridge.disposition_label_example(p_code text, p_label_key text)', '570 (a label text of the shared disposition vocabulary, no team data)'),
  ('dialbridge.enqueue_phone_normalization()', 'queues the coalesced normalisation job: reads and returns nothing'),
  ('dialbridge.is_admin()', 'this file (answers about the caller only)'),
  ('dialbridge.is_campaign_agent(p_campaign_id uuid)', 'this file'),
  ('dialbridge.is_manager_or_admin()', 'this file (answers about the caller only)'),
  ('dialbridge.legal_do_not_call(p_contact_ids uuid[])', 'this file'),
  ('dialbridge.push_blocks(p_contact_ids uuid[], as_of timestamp with time zone)', 'this file; 401'),
  ('dialbridge.push_run_owner(p_request_id text)', '405 (a push run''s request id is the caller''s own idempotency key)'),
  ('dialbridge.push_run_summary(p_run_id uuid)', '405'),
  ('dialbridge.record_push_run(p_run jsonb, p_rows jsonb, as_of timestamp with time zone)', '402, 404'),
  ('dialbridge.report_time_zone()', '595 (one platform setting)'),
  ('dialbridge.suppression_statuses(p_contact_ids uuid[], p_phones text[], p_as_of timestamp with time zone)', 'this file; 315'),
  ('public.add_campaign_contacts(p_campaign_id uuid, p_contacts jsonb, p_options jsonb)', '601'),
  ('public.check_call_allowed(p_phone text, p_contact_id uuid, p_campaign_id uuid, as_of timestamp with time zone)', '604'),
  ('public.dialer_analytics(start_date text, end_date text, campaign_id uuid, time_zone text)', '606'),
  ('public.drop_voicemail(p_call_id uuid, p_voicemail_drop_id uuid)', '601'),
  ('public.grant_credits(p_user_id uuid, p_amount integer, p_note text)', '702'),
  ('public.get_phoneburner_connected_users()', '800'),
  ('public.is_admin(p_user_id uuid)', '800'),
  ('public.sync_phoneburner_transcripts(p_limit integer, p_listing_id uuid, p_backfill_all boolean)', '800'),
  ('public.lift_suppression(p_suppression_id uuid, p_reason text)', '314'),
  ('public.link_unmatched_activity(p_activity_id uuid, p_contact_id uuid)', '270'),
  ('public.next_contact_to_dial(p_campaign_id uuid, p_agent_id uuid, as_of timestamp with time zone)', '602'),
  ('public.reapply_dispositions(p_code text)', '316'),
  ('public.set_agent_availability(p_state text, p_campaign_id uuid, p_agent_id uuid)', '601'),
  ('public.skip_campaign_contact(p_campaign_contact_id uuid, p_reason text, as_of timestamp with time zone)', '602'),
  ('public.start_dialer_call(p_to text, p_campaign_id uuid, p_campaign_contact_id uuid, p_contact_id uuid, p_lead_id uuid, p_metadata jsonb, p_from text, p_agent_id uuid, as_of timestamp with time zone)', '604');
select set_eq(
  $$ select n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')'
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where p.prosecdef and n.nspname in ('public', 'dialbridge', 'reports')
        and has_function_privilege('authenticated', p.oid, 'execute') $$,
  $$ select fn from audited $$,
  'every function the browser may run with its owner''s rights is audited for cross-team answers (add a new one here with its test)');

-- ---------------------------------------------------------------------------------------------------
-- two teams
-- ---------------------------------------------------------------------------------------------------
select tests.create_user('ann@own132.test', 'Own 132') as ann \gset
select tests.create_user('root@own132.test', 'Own 132', 'admin') as root \gset
select tests.create_user('olga@other132.test', 'Other 132') as olga \gset
select tests.push_contact('Own 132', 'Mine', 'Fine', '+12125551321') as mine \gset
select tests.push_contact('Other 132', 'Theirs', 'Asked', '+12125551322') as theirs \gset
select tests.push_contact('Other 132', 'Theirs', 'Suppressed', '+12125551323') as theirs2 \gset
update public.contacts set do_not_call = true, do_not_call_reason = 'user_requested' where id = :'theirs';
insert into public.suppressions (contact_id, team_id, suppression_type, reason) values (:'theirs2', tests.team_id('Other 132'), 'internal', 'not_interested');
select tests.dialer_campaign('olga@other132.test', 'Their campaign', array[:'theirs2']::uuid[]) as their_campaign \gset
insert into public.call_logs (id, user_id, team_id, to_number, status, campaign_id)
values ('13200000-0000-0000-0000-0000000000c1', :'olga', tests.team_id('Other 132'), '+12125551323', 'completed', :'their_campaign');

-- ---------------------------------------------------------------------------------------------------
-- the compliance lookups
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('ann@own132.test');
select is((select count(*)::int from dialbridge.legal_do_not_call(array[:'theirs', :'mine']::uuid[])), 0,
  'a rep learns nothing of another team''s do-not-call contacts by their ids');
select results_eq(format($$ select is_suppressed, reason from dialbridge.suppression_statuses(array[%L, %L]::uuid[], array[null, null]::text[]) order by ordinality $$,
                         :'theirs', :'theirs2'),
  $$ values (false, null::text), (false, null::text) $$, 'nor of their suppressions');
select is((select count(*)::int from dialbridge.push_blocks(array[:'theirs', :'theirs2']::uuid[])), 0, 'nor through the push''s blocks');
select results_eq($$ select is_suppressed, is_legal from dialbridge.suppression_statuses(array[null]::uuid[], array['+12125551322']) $$,
  $$ values (true, true) $$, 'but a number someone asked never to be called is do-not-call for every team (it must stop their dialing too)');
reset role;
select tests.authenticate_as('olga@other132.test');
select is((select array_agg(c order by c) from dialbridge.legal_do_not_call(array[:'theirs', :'theirs2']::uuid[]) c), array[:'theirs']::uuid[],
  'the contact''s own team gets the answer');
select results_eq(format($$ select is_suppressed, reason from dialbridge.suppression_statuses(array[%L]::uuid[], array[null]::text[]) $$, :'theirs2'),
  $$ values (true, 'not_interested'::text) $$, 'with its reasons');
reset role;
select tests.authenticate_as('root@own132.test');
select is((select count(*)::int from dialbridge.legal_do_not_call(array[:'theirs', :'mine']::uuid[])), 1, 'an admin sees every team''s');
reset role;
select is((select count(*)::int from dialbridge.legal_do_not_call(array[:'theirs', :'theirs2']::uuid[])), 1,
  'and so do server-side callers (the push, the dialer''s queue)');

-- ---------------------------------------------------------------------------------------------------
-- the visibility helpers and the caller-only helpers
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('ann@own132.test');
select results_eq(format($$ select dialbridge.can_see_campaign(%1$L), dialbridge.can_manage_campaign(%1$L), dialbridge.is_campaign_agent(%1$L),
                                   dialbridge.can_see_call_log('13200000-0000-0000-0000-0000000000c1') $$, :'their_campaign'),
  $$ values (false, false, false, false) $$, 'another team''s campaign and call: not visible, not manageable, not an agent of it');
select results_eq($$ select dialbridge.current_team_id() = tests.team_id('Own 132'), dialbridge.current_app_role(), dialbridge.is_admin(),
                            dialbridge.is_manager_or_admin() $$,
  $$ values (true, 'rep'::text, false, false) $$, 'the caller-only helpers answer about the caller');
reset role;
select tests.authenticate_as('olga@other132.test');
select results_eq(format($$ select dialbridge.can_see_campaign(%1$L), dialbridge.can_manage_campaign(%1$L),
                                   dialbridge.can_see_call_log('13200000-0000-0000-0000-0000000000c1') $$, :'their_campaign'),
  $$ values (true, true, true) $$, 'its owner sees and manages them');
reset role;
select tests.authenticate_as('root@own132.test');
select results_eq(format($$ select dialbridge.can_see_campaign(%1$L), dialbridge.is_admin(), dialbridge.current_app_role() $$, :'their_campaign'),
  $$ values (true, true, 'admin'::text) $$, 'an admin sees every campaign');
reset role;

-- the list above names no function that is gone, and no other schema hides one
select is((select count(*)::int from audited a where not exists (
             select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
              where n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' = a.fn)), 0,
  'every audited function exists');
select is((select count(*)::int from pg_proc p join pg_namespace n on n.oid = p.pronamespace
            where p.prosecdef and has_function_privilege('anon', p.oid, 'execute')
              and n.nspname in ('public', 'dialbridge', 'reports')
              and p.proname not in ('start_dialer_call', 'next_contact_to_dial', 'skip_campaign_contact', 'set_agent_availability',
                                    'check_call_allowed', 'drop_voicemail', 'dialer_analytics', 'add_campaign_contacts', 'grant_credits',
                                    'lift_suppression', 'link_unmatched_activity', 'reapply_dispositions')), 0,
  'anon may run none of the dialbridge helpers that run as their owner');
select throws_ok($$ set local role anon; select dialbridge.legal_do_not_call(array[gen_random_uuid()]) $$, '42501', null,
  'anon cannot ask the compliance lookups');
select is((select count(*)::int from pg_proc p join pg_namespace n on n.oid = p.pronamespace
            where p.prosecdef and n.nspname = 'dialbridge' and has_function_privilege('anon', p.oid, 'execute')), 0,
  'no dialbridge function that runs as its owner is open to anon');

select * from finish();
rollback;
