-- Row-level security of the VoIPStudio dialer, table by table and role by role, including writes: a rep
-- manages their own campaigns, calls and dispositions and sees only the contacts of campaigns they own or
-- dial; managers see and manage their team's; admins everything; another team nothing; secrets are never
-- readable. As PostgREST calls it (set role authenticated + request.jwt.claims). The clock: now().
begin;
select plan(44);
set local client_min_messages = error;

select tests.create_user('owner@dial601.test', 'Dial 601') \gset
select tests.create_user('agent@dial601.test', 'Dial 601') \gset
select tests.create_user('bystander@dial601.test', 'Dial 601') \gset
select tests.create_user('manager@dial601.test', 'Dial 601', 'manager') \gset
select tests.create_user('rival@dial601.test', 'Dial 601 rivals') \gset
select tests.create_user('admin@dial601.test', null, 'admin') \gset

select tests.push_contact('Dial 601', 'Ann', 'Buyer', '+12125556011') as ann \gset
select tests.dialer_campaign('owner@dial601.test', 'Owner''s', array[:'ann']::uuid[]) as campaign \gset
insert into public.dialer_campaign_agents (campaign_id, user_id) values (:'campaign', tests.user_id('agent@dial601.test'));
insert into public.call_logs (id, user_id, team_id, call_id, to_number, status, campaign_id, campaign_contact_id, contact_id, started_at)
values ('60100000-0000-0000-0000-00000000ca11', tests.user_id('agent@dial601.test'), tests.team_id('Dial 601'), 'vs-601-1',
        '+12125556011', 'completed', :'campaign', tests.campaign_contact(:'campaign', :'ann'), :'ann', now() - interval '1 hour'),
       ('60100000-0000-0000-0000-00000000ca12', tests.user_id('bystander@dial601.test'), tests.team_id('Dial 601'), 'vs-601-2',
        '+12125556099', 'completed', null, null, null, now() - interval '2 hours');
insert into public.call_recordings (call_id, recording_url, duration)
values ('60100000-0000-0000-0000-00000000ca11', 'https://recordings.example.test/601.mp3', 60);
insert into public.voicemail_drops (id, team_id, name, audio_url) values
  ('60100000-0000-0000-0000-0000000000d1', tests.team_id('Dial 601'), 'Team message', 'https://audio.example.test/team.mp3'),
  ('60100000-0000-0000-0000-0000000000d2', null, 'Everyone''s message', 'https://audio.example.test/all.mp3'),
  ('60100000-0000-0000-0000-0000000000d3', tests.team_id('Dial 601 rivals'), 'Rivals'' message', 'https://audio.example.test/rivals.mp3');

create function pg_temp.affected(p_sql text) returns integer language plpgsql as $$
declare n integer;
begin
  execute p_sql;
  get diagnostics n = row_count;
  return n;
end $$;
grant execute on function pg_temp.affected(text) to authenticated;

create function pg_temp.seen(p_email text, p_sql text) returns integer language plpgsql as $$
declare n integer;
begin
  perform tests.authenticate_as(p_email);
  execute 'select count(*) from (' || p_sql || ') x' into n;
  perform tests.clear_authentication();
  return n;
end $$;

-- ---------------------------------------------------------------------------------------------------
-- campaigns
-- ---------------------------------------------------------------------------------------------------
select results_eq($$ select u, pg_temp.seen(u, 'select 1 from public.dialer_campaigns') from unnest(array[
    'owner@dial601.test', 'agent@dial601.test', 'bystander@dial601.test', 'manager@dial601.test', 'rival@dial601.test', 'admin@dial601.test']) u $$,
  $$ values ('owner@dial601.test', 1), ('agent@dial601.test', 1), ('bystander@dial601.test', 0), ('manager@dial601.test', 1),
            ('rival@dial601.test', 0), ('admin@dial601.test', 1) $$,
  'a campaign is seen by its owner, its agents, its team''s managers and admins — not by a bystander or another team');
select tests.authenticate_as('bystander@dial601.test');
select lives_ok($$ insert into public.dialer_campaigns (name) values ('Mine') $$, 'a rep creates a campaign of their own');
select is((select team_id from public.dialer_campaigns where name = 'Mine'), tests.team_id('Dial 601'), 'in their team');
select throws_ok(format($$ insert into public.dialer_campaigns (name, user_id) values ('Theirs', %L) $$, tests.user_id('owner@dial601.test')),
  '42501', null, 'but not one in somebody else''s name');
select throws_ok($$ insert into public.dialer_campaigns (name, stats) values ('Cooked', '{"total": 99}') $$, '42501', null,
  'nor with made-up statistics');
select is(pg_temp.affected(format($q$update public.dialer_campaigns set status = 'paused' where id = %L$q$, :'campaign')), 0,
  'a bystander cannot change the owner''s campaign');
select tests.authenticate_as('agent@dial601.test');
select is(pg_temp.affected(format($q$update public.dialer_campaigns set status = 'paused' where id = %L$q$, :'campaign')), 0,
  'nor can an agent who dials it');
select is(pg_temp.affected(format($q$delete from public.dialer_campaigns where id = %L$q$, :'campaign')), 0,
  'or delete it');
select tests.authenticate_as('manager@dial601.test');
select is(pg_temp.affected(format($q$update public.dialer_campaigns set script = 'Hello' where id = %L$q$, :'campaign')), 1,
  'the team''s manager can change it');
select tests.authenticate_as('rival@dial601.test');
select is(pg_temp.affected(format($q$update public.dialer_campaigns set script = 'Gotcha' where id = %L$q$, :'campaign')), 0,
  'another team cannot');
select tests.clear_authentication();

-- ---------------------------------------------------------------------------------------------------
-- agents and campaign contacts
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('agent@dial601.test');
select throws_ok(format($$ insert into public.dialer_campaign_agents (campaign_id, user_id) values (%L, %L) $$, :'campaign', tests.user_id('bystander@dial601.test')),
  '42501', null, 'an agent cannot add agents');
select tests.authenticate_as('owner@dial601.test');
select throws_ok(format($$ insert into public.dialer_campaign_agents (campaign_id, user_id) values (%L, %L) $$, :'campaign', tests.user_id('rival@dial601.test')),
  '42501', 'an agent must be an active member of the campaign''s team', 'the owner cannot add somebody of another team');
select tests.clear_authentication();
select results_eq($$ select u, pg_temp.seen(u, 'select 1 from public.campaign_contacts') from unnest(array[
    'owner@dial601.test', 'agent@dial601.test', 'bystander@dial601.test', 'manager@dial601.test', 'rival@dial601.test', 'admin@dial601.test']) u $$,
  $$ values ('owner@dial601.test', 1), ('agent@dial601.test', 1), ('bystander@dial601.test', 0), ('manager@dial601.test', 1),
            ('rival@dial601.test', 0), ('admin@dial601.test', 1) $$,
  'a campaign''s contacts are seen only by those who see the campaign');
select results_eq($$ select u, pg_temp.seen(u, 'select 1 from public.dialer_queues') from unnest(array['agent@dial601.test', 'rival@dial601.test']) u $$,
  $$ values ('agent@dial601.test', 1), ('rival@dial601.test', 0) $$, 'so is its queue');
select tests.authenticate_as('owner@dial601.test');
select throws_ok(format($$ insert into public.campaign_contacts (campaign_id, contact_id, phone_number) values (%L, %L, '+12125550000') $$, :'campaign', :'ann'),
  '42501', null, 'contacts are added through add_campaign_contacts (matching and validation), never directly');
select is(pg_temp.affected(format($q$update public.campaign_contacts set priority = 9 where campaign_id = %L$q$, :'campaign')), 1,
  'the owner reorders the queue');
select throws_ok(format($$ update public.campaign_contacts set status = 'completed' where campaign_id = %L $$, :'campaign'), '42501', null,
  'but cannot write a contact''s status (it follows its calls)');
select tests.authenticate_as('agent@dial601.test');
select is(pg_temp.affected(format($q$update public.campaign_contacts set priority = 1 where campaign_id = %L$q$, :'campaign')), 0,
  'an agent cannot reorder it');
select throws_ok(format($$ select public.add_campaign_contacts(%L, '[{"phone_number": "+12125556012"}]') $$, :'campaign'), '42501', null,
  'nor add contacts');

-- ---------------------------------------------------------------------------------------------------
-- call logs, dispositions, recordings
-- ---------------------------------------------------------------------------------------------------
select tests.clear_authentication();
select results_eq($$ select u, pg_temp.seen(u, 'select 1 from public.call_logs') from unnest(array[
    'owner@dial601.test', 'agent@dial601.test', 'bystander@dial601.test', 'manager@dial601.test', 'rival@dial601.test', 'admin@dial601.test']) u $$,
  $$ values ('owner@dial601.test', 1), ('agent@dial601.test', 1), ('bystander@dial601.test', 1), ('manager@dial601.test', 2),
            ('rival@dial601.test', 0), ('admin@dial601.test', 2) $$,
  'a call log is seen by its rep, by those who see its campaign, by the team''s managers and admins');
select results_eq($$ select u, pg_temp.seen(u, 'select 1 from public.call_recordings') from unnest(array['owner@dial601.test', 'bystander@dial601.test', 'rival@dial601.test']) u $$,
  $$ values ('owner@dial601.test', 1), ('bystander@dial601.test', 0), ('rival@dial601.test', 0) $$, 'so is its recording');
select tests.authenticate_as('bystander@dial601.test');
select lives_ok($$ insert into public.call_logs (user_id, to_number, status, notes) values (auth.uid(), '+12125556013', 'completed', 'From my desk phone') $$,
  'a rep logs a call of their own');
select throws_ok(format($$ insert into public.call_logs (user_id, to_number) values (%L, '+12125556013') $$, tests.user_id('agent@dial601.test')),
  '42501', null, 'but not in somebody else''s name');
select throws_ok(format($$ insert into public.call_logs (user_id, to_number, campaign_id) values (auth.uid(), '+12125556013', %L) $$, :'campaign'),
  '42501', null, 'nor for a campaign they do not see');
select throws_ok($$ update public.call_logs set call_id = 'forged' where user_id = auth.uid() $$, '42501', null,
  'VoIPStudio''s call id is not theirs to write');
select is(pg_temp.affected($q$update public.call_logs set notes = 'Left a message' where id = '60100000-0000-0000-0000-00000000ca11'$q$), 0,
  'nor are the notes of another rep''s call');
select throws_ok($$ insert into public.call_dispositions (call_id, disposition) values ('60100000-0000-0000-0000-00000000ca11', 'interested') $$,
  '42501', null, 'a rep cannot disposition a call they do not see');
select tests.authenticate_as('agent@dial601.test');
select lives_ok($$ insert into public.call_dispositions (call_id, disposition, notes) values ('60100000-0000-0000-0000-00000000ca11', 'interested', 'Send the memo') $$,
  'the agent dispositions their call');
select throws_ok($$ insert into public.call_dispositions (call_id, disposition, user_id) values ('60100000-0000-0000-0000-00000000ca11', 'qualified', tests.user_id('owner@dial601.test')) $$,
  '42501', null, 'in their own name only');
select throws_ok($$ insert into public.call_recordings (call_id, recording_url) values ('60100000-0000-0000-0000-00000000ca11', 'https://x.test/y.mp3') $$,
  '42501', null, 'recordings come from VoIPStudio''s history, never from the browser');
select tests.clear_authentication();
select results_eq($$ select u, pg_temp.seen(u, 'select 1 from public.call_dispositions') from unnest(array['owner@dial601.test', 'bystander@dial601.test', 'rival@dial601.test']) u $$,
  $$ values ('owner@dial601.test', 1), ('bystander@dial601.test', 0), ('rival@dial601.test', 0) $$, 'dispositions are seen with their call');

-- ---------------------------------------------------------------------------------------------------
-- voicemail drops, agent states, credentials
-- ---------------------------------------------------------------------------------------------------
select results_eq($$ select u, pg_temp.seen(u, 'select 1 from public.voicemail_drops') from unnest(array['agent@dial601.test', 'rival@dial601.test', 'admin@dial601.test']) u $$,
  $$ values ('agent@dial601.test', 2), ('rival@dial601.test', 2), ('admin@dial601.test', 3) $$,
  'a team sees its own and the shared voicemail drops; admins all');
select tests.authenticate_as('manager@dial601.test');
select throws_ok($$ insert into public.voicemail_drops (name, audio_url) values ('Mine', 'https://audio.example.test/mine.mp3') $$, '42501', null,
  'only admins manage the voicemail library');
select tests.authenticate_as('admin@dial601.test');
select lives_ok($$ insert into public.voicemail_drops (name, audio_url) values ('New', 'https://audio.example.test/new.mp3') $$, 'an admin adds to it');
select tests.authenticate_as('agent@dial601.test');
select lives_ok($$ select public.drop_voicemail('60100000-0000-0000-0000-00000000ca11', '60100000-0000-0000-0000-0000000000d1') $$,
  'the agent drops the team''s message on their call');
select throws_ok($$ select public.drop_voicemail('60100000-0000-0000-0000-00000000ca11', '60100000-0000-0000-0000-0000000000d3') $$, 'DB074', null,
  'never another team''s message');
select is((select usage_count from public.voicemail_drops where id = '60100000-0000-0000-0000-0000000000d1'), 1, 'the drop is counted');
select lives_ok($$ select public.set_agent_availability('available', (select id from public.dialer_campaigns limit 1)) $$, 'the agent goes available on the campaign');
select throws_ok($$ insert into public.dialer_agent_states (user_id, state) values (auth.uid(), 'available') $$, '42501', null,
  'availability is written through the RPC and the events only');
select tests.clear_authentication();
select results_eq($$ select u, pg_temp.seen(u, 'select 1 from public.dialer_agent_states') from unnest(array['agent@dial601.test', 'bystander@dial601.test', 'manager@dial601.test', 'rival@dial601.test']) u $$,
  $$ values ('agent@dial601.test', 1), ('bystander@dial601.test', 0), ('manager@dial601.test', 1), ('rival@dial601.test', 0) $$,
  'an agent''s availability is seen by the agent and the team''s managers');
select tests.authenticate_as('agent@dial601.test');
select lives_ok($$ insert into public.voipstudio_credentials (user_id, voipstudio_user_id, api_token) values (auth.uid(), '601001', 'secret-token-601') $$,
  'a rep stores their VoIPStudio user id and token');
select results_eq($$ select api_token from public.voipstudio_credentials $$, $$ values ('[encrypted]') $$, 'and can never read the token back (the column keeps a marker)');
select results_eq($$ select voipstudio_user_id, has_api_token from public.voipstudio_credentials $$, $$ values ('601001'::text, true) $$,
  'only that one is stored');
select throws_ok($$ select * from dialbridge.voipstudio_credentials_of(auth.uid()) $$, '42501', null, 'the service role''s reader is not theirs');

select * from finish();
rollback;
