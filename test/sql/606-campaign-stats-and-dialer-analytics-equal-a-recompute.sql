-- Campaign statistics (dialer_campaigns.stats) and the dialer's analytics roll-up are maintained
-- incrementally by triggers; after many random inserts, updates and deletes they equal what the rows say
-- (the recompute functions find nothing to fix), a tampered value is found and fixed, and the /analytics
-- answer equals counting the call logs themselves. The clock: t0 = now(), every time relative to it.
begin;
select plan(15);
set local client_min_messages = error;
select setseed(0.606);
select now() as t0 \gset

select tests.create_user('owner@dial606.test', 'Dial 606') \gset
select tests.create_user('agent@dial606.test', 'Dial 606') \gset
select tests.create_user('rival@dial606.test', 'Dial 606 rivals') \gset
select array_agg(tests.push_contact('Dial 606', 'C' || g, 'Stats', '+1212556' || lpad(g::text, 4, '0'))) as contacts
  from generate_series(1, 60) g \gset
select tests.dialer_campaign('owner@dial606.test', 'A', (:'contacts'::uuid[])[1:40]) as ca \gset
select tests.dialer_campaign('owner@dial606.test', 'B', (:'contacts'::uuid[])[30:60]) as cb \gset

-- random churn of campaign contacts (as postgres: the triggers run whoever writes)
do $$
declare i integer; ids uuid[];
begin
  for i in 1 .. 200 loop
    ids := array(select id from public.campaign_contacts order by random() limit 1 + (random() * 4)::int);
    case (random() * 3)::int
      when 0 then update public.campaign_contacts
                     set status = (array['pending', 'completed', 'failed', 'do-not-call', 'callback'])[1 + (random() * 4)::int],
                         attempts = (random() * 3)::int where id = any (ids);
      when 1 then update public.campaign_contacts set priority = priority + 1 where id = any (ids);
      when 2 then delete from public.campaign_contacts where id = ids[1];
      else update public.campaign_contacts set attempts = attempts + 1, status = 'failed' where id = any (ids);
    end case;
  end loop;
end $$;
insert into public.campaign_contacts (campaign_id, contact_id, phone_number)
select :'ca', c.id, c.phone_e164 from public.contacts c where c.id = any ((:'contacts'::uuid[])[41:50]);

select is((select count(*)::int from dialbridge.campaign_stats_from_rows() r join public.dialer_campaigns c on c.id = r.campaign_id
            where c.stats is distinct from r.stats), 0, 'after 200 random changes every campaign''s stats equal its rows');
select results_eq(format($$ select (stats ->> 'total')::int from public.dialer_campaigns where id = %L $$, :'ca'),
  format($$ select count(*)::int from public.campaign_contacts where campaign_id = %L $$, :'ca'), 'the total is the number of contacts');
update public.dialer_campaigns set stats = stats || '{"completed": 999}' where id = :'cb';
select results_eq($$ select count(*)::int from dialbridge.recompute_campaign_stats() $$, $$ values (1) $$,
  'a tampered campaign''s stats are found by the recompute...');
select is((select count(*)::int from dialbridge.recompute_campaign_stats()), 0, '...and fixed');
delete from public.dialer_campaigns where id = :'cb';
select is((select count(*)::int from dialbridge.recompute_campaign_stats()), 0, 'deleting a campaign with its contacts leaves nothing to fix');

-- random calls: inserts, status changes as events would make them, deletions
do $$
declare i integer; v_log uuid; v_t0 timestamptz := now();
begin
  for i in 1 .. 150 loop
    insert into public.call_logs (user_id, team_id, call_id, to_number, status, campaign_id, started_at, answered_at, duration)
    select (array[tests.user_id('owner@dial606.test'), tests.user_id('agent@dial606.test')])[1 + (random())::int],
           tests.team_id('Dial 606'), 'vs-606-' || i, '+12125550606',
           (array['initiated', 'ringing', 'answered', 'completed', 'failed', 'busy', 'no-answer', 'canceled'])[1 + (random() * 7)::int],
           (select id from public.dialer_campaigns order by random() limit 1),
           v_t0 - make_interval(hours => (random() * 72)::int),
           case when random() < 0.5 then v_t0 - make_interval(hours => (random() * 72)::int) end,
           (random() * 300)::int
    returning id into v_log;
    if random() < 0.3 then
      update public.call_logs set status = 'completed', answered_at = coalesce(answered_at, started_at + interval '10 seconds'),
             duration = duration + 30 where id = v_log;
    end if;
    if random() < 0.1 then
      delete from public.call_logs where id = (select id from public.call_logs order by random() limit 1);
    end if;
    if random() < 0.1 then
      update public.call_logs set started_at = started_at - interval '1 day' where id = v_log;
    end if;
  end loop;
end $$;
select is(dialbridge.recompute_dialer_call_stats(), 0, 'after 150 random calls, changes and deletions the analytics roll-up equals the call logs');
update dialbridge.dialer_call_stats set calls = calls + 1 where ctid = (select ctid from dialbridge.dialer_call_stats limit 1);
select cmp_ok(dialbridge.recompute_dialer_call_stats(), '>', 0, 'a tampered roll-up is found by the recompute...');
select is(dialbridge.recompute_dialer_call_stats(), 0, '...and rebuilt');

-- the /analytics answer is what counting the call logs gives
select tests.authenticate_as('owner@dial606.test');
select results_eq(
  $$ select (a -> 'overview' ->> 'totalCalls')::int, (a -> 'overview' ->> 'answeredCalls')::int, (a -> 'overview' ->> 'completedCalls')::int,
            (a -> 'overview' ->> 'totalDuration')::int, jsonb_array_length(a -> 'recentCalls'),
            (select sum(x::int) from jsonb_array_elements_text(a -> 'distribution' -> 'byHour') x)::int
       from (select public.dialer_analytics() -> 'analytics' as a) q $$,
  $$ select count(*)::int, count(answered_at)::int, (count(*) filter (where status = 'completed'))::int, sum(duration)::int, least(count(*), 10)::int, count(*)::int
       from public.call_logs $$,
  'the overview, recent calls and hours add up to the call logs the owner sees');
select results_eq(
  format($$ select (public.dialer_analytics(to_char(%1$L::timestamptz at time zone 'UTC' - interval '1 day', 'YYYY-MM-DD'), null, %2$L, 'UTC')
                     -> 'analytics' -> 'overview' ->> 'totalCalls')::int $$, :'t0', :'ca'),
  format($$ select count(*)::int from public.call_logs where campaign_id = %2$L
              and started_at >= date_trunc('day', %1$L::timestamptz at time zone 'UTC' - interval '1 day') at time zone 'UTC' $$, :'t0', :'ca'),
  'a date range and a campaign narrow it the same way');
select results_eq(
  $$ select (public.dialer_analytics() -> 'analytics' -> 'distribution' -> 'byStatus' ->> 'busy')::int $$,
  $$ select count(*)::int from public.call_logs where status = 'busy' $$, 'byStatus counts every status');
select results_eq(
  format($$ select calls::int, answered_calls::int, completed_calls::int, total_duration_seconds::int, contacts
              from reports.dialer_campaign_results where campaign_id = %L $$, :'ca'),
  format($$ select (a ->> 'totalCalls')::int, (a ->> 'answeredCalls')::int, (a ->> 'completedCalls')::int, (a ->> 'totalDuration')::int,
                   (select (stats ->> 'total')::int from public.dialer_campaigns where id = %1$L)
              from (select public.dialer_analytics(campaign_id => %1$L) -> 'analytics' -> 'overview' as a) q $$, :'ca'),
  'the Metabase report of a campaign shows the numbers /analytics answers');
select results_eq($$ select coalesce(sum(calls), 0)::int from reports.dialer_calls_hourly $$,
  $$ select count(*)::int from public.call_logs $$, 'the hourly report adds up to the calls the owner sees');
select tests.authenticate_as('rival@dial606.test');
select is((select count(*)::int from reports.dialer_campaign_results), 0, 'another team''s rep sees no campaign in the report');
select is((public.dialer_analytics() -> 'analytics' -> 'overview' ->> 'totalCalls')::int, 0, 'another team''s rep counts none of them');

select * from finish();
rollback;
