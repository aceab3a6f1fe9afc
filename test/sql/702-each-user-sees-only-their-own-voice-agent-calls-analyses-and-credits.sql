-- Multi-tenant voice agents (seed 004): one phone number can be a customer of several users, and each user
-- sees only their own agents, calls, transcripts, analyses and credits — a teammate, another team and anon
-- see none of them; an admin sees all. The browser writes none of them but its own agents; only admins
-- grant credits. The reports follow the same rights. The clock: t0 = now() - 1 hour.
begin;
select plan(23);
set local client_min_messages = error;

select now() - interval '1 hour' as t0 \gset
select tests.create_user('ann@bolna702.test', 'Bolna 702') as ann \gset
select tests.create_user('ben@bolna702.test', 'Bolna 702') as ben \gset
select tests.create_user('cy@other702.test', 'Other 702') as cy \gset
select tests.create_user('root@bolna702.test', 'Bolna 702', 'admin') as root \gset
insert into public.voice_agents (user_id, bolna_agent_id) values (:'ann', 'agent-702-ann'), (:'cy', 'agent-702-cy');

-- the same number called by Ann's agent and by Cy's
select count(tests.bolna_post(q.payload)) from tests.bolna_sequence('x702-ann', 'agent-702-ann', '+14155550720', 'answered', :'t0') q;
select count(tests.bolna_post(q.payload)) from tests.bolna_sequence('x702-cy', 'agent-702-cy', '+14155550720', 'answered', :'t0') q;
select count(*) from dialbridge.process_webhook_events('bolna', 100, now());
select dialbridge.store_lead_analysis(c.id, t.kind, '{"total_score": 50, "lead_status_tag": "Warm"}', '{"analyzer": "heuristic"}')
  from public.calls c cross join (values ('individual'), ('complete')) t(kind) where c.bolna_execution_id like 'x702-%';
select public.grant_credits(:'ann', 10, 'welcome credits');

create function pg_temp.seen(p_email text) returns table (agents int, calls int, transcripts int, analyses int, balances int, ledger int, kpis int, credits int)
language plpgsql as $$
begin
  perform tests.authenticate_as(p_email);
  return query select (select count(*)::int from public.voice_agents), (select count(*)::int from public.calls where bolna_execution_id like 'x702-%'),
    (select count(*)::int from public.transcripts), (select count(*)::int from public.lead_analytics),
    (select count(*)::int from public.credit_balances), (select count(*)::int from public.credit_ledger),
    (select coalesce(sum(k.calls), 0)::int from reports.voice_agent_kpis k), (select count(*)::int from reports.voice_agent_credits);
  reset role;
end $$;
select results_eq($$ select * from pg_temp.seen('ann@bolna702.test') $$, $$ values (1, 1, 1, 2, 1, 2, 1, 1) $$,
  'Ann sees her agent, her call, its transcript, its two analyses, her balance and ledger, her KPIs and credits');
select results_eq($$ select * from pg_temp.seen('cy@other702.test') $$, $$ values (1, 1, 1, 2, 1, 1, 1, 1) $$,
  'Cy, who called the same number, sees only his own');
select results_eq($$ select * from pg_temp.seen('ben@bolna702.test') $$, $$ values (0, 0, 0, 0, 0, 0, 0, 0) $$,
  'Ann''s teammate sees nothing of hers');
select results_eq($$ select * from pg_temp.seen('root@bolna702.test') $$, $$ values (2, 2, 2, 4, 2, 3, 2, 2) $$,
  'an admin sees everyone''s');
select results_eq($$ select c.user_id, la.phone_number from public.lead_analytics la join public.calls c on c.id = la.latest_call_id
                      where la.analysis_type = 'complete' order by c.bolna_execution_id $$,
  format($$ values (%L::uuid, '+14155550720'::varchar), (%L::uuid, '+14155550720'::varchar) $$, :'ann', :'cy'),
  'one complete analysis per user for the same number');

select tests.authenticate_as_anon();
select throws_ok($$ select count(*) from public.calls $$, '42501', null, 'anon reads no calls');
select throws_ok($$ select count(*) from public.lead_analytics $$, '42501', null, 'anon reads no analyses');
select throws_ok($$ select count(*) from public.credit_balances $$, '42501', null, 'anon reads no balances');
select throws_ok($$ select count(*) from reports.voice_agent_kpis $$, '42501', null, 'anon reads no KPIs');
reset role;

-- what the browser may write
select tests.authenticate_as('ben@bolna702.test');
select throws_ok($$ insert into public.voice_agents (user_id, bolna_agent_id, name) values (auth.uid(), 'agent-702-ben', 'Ben''s agent') $$,
  '42501', null, 'a rep cannot register an agent (a claimed agent id would route someone else''s calls to them)...');
select throws_ok($$ update public.voice_agents set user_id = auth.uid() where bolna_agent_id = 'agent-702-ann' $$, '42501', null,
  '...nor take over another''s agent');
reset role;
select tests.authenticate_as('root@bolna702.test');
select lives_ok(format($$ insert into public.voice_agents (user_id, bolna_agent_id, name) values (%L, 'agent-702-ben', 'Ben''s agent') $$, :'ben'),
  'an admin registers an agent for a user');
reset role;
select tests.authenticate_as('ben@bolna702.test');
select is((select count(*)::int from public.voice_agents), 1, 'who then sees it as theirs');
select throws_ok($$ insert into public.calls (bolna_execution_id, bolna_status) values ('x702-forged', 'completed') $$, '42501', null,
  'a user cannot write calls');
select throws_ok(format($$ insert into public.credit_ledger (user_id, kind, amount) values (%L, 'grant', 1000) $$, :'ben'), '42501', null,
  'nor credits');
select throws_ok($$ update public.credit_balances set balance = 1000 $$, '42501', null, 'nor a balance');
select throws_ok(format($$ insert into public.lead_analytics (call_id, analysis_type) values ((select id from public.calls limit 1), 'individual') $$),
  '42501', null, 'nor analyses');
select throws_ok(format($$ select public.grant_credits(%L, 500, 'free money') $$, :'ben'), '42501', null, 'a rep cannot grant credits');
reset role;
select tests.authenticate_as('root@bolna702.test');
select lives_ok(format($$ select public.grant_credits(%L, 25, 'trial') $$, :'ben'), 'an admin grants credits');
select throws_ok(format($$ select public.grant_credits(%L, 25, '') $$, :'ben'), '22023', null, 'with a reason');
reset role;
select is((select balance from public.credit_balances where user_id = :'ben'), 25, 'the grant is in the balance');
select is((select count(*)::int from public.voice_agents where bolna_agent_id = 'agent-702-ann' and user_id = :'ann'), 1,
  'Ann''s agent is still hers');
select is(dialbridge.recompute_credit_balances(), 0, 'balances equal the ledger');

select * from finish();
rollback;
