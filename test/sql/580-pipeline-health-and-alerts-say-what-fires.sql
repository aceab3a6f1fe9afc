-- Pipeline health (seed 001 monitoring): events received, processed, failed, retrying, backlog,
-- receipt-to-processing latency, signature failures and missing SourceCo ids per window; and seed 001's
-- alert rules evaluated as of a time — each fires exactly when its threshold is crossed. Pipeline numbers
-- are for admins and reporting readers; a rep sees the business alerts of their team only.
begin;
select plan(12);

select tests.create_user('ned@pipe.test', 'Pipe Team', 'rep');
select tests.create_user('admin@pipe.test', null, 'admin');
update public.profiles set display_name = 'Ned' where id = tests.user_id('ned@pipe.test');

create function pg_temp.event(p_status text, p_received timestamptz, p_latency_seconds numeric default null,
                              p_retries integer default 0, p_has_id boolean default true)
returns void language sql as $$
  insert into public.phoneburner_webhooks_log (event_id, event_type, payload, processing_status, received_at,
         processing_completed_at, retry_count, sourceco_contact_id)
  values ('test:pipe:' || gen_random_uuid(), 'api_calldone', '{}', p_status, p_received,
          p_received + pg_catalog.make_interval(secs => p_latency_seconds), p_retries,
          case when p_has_id then 'sc_' || pg_catalog.floor(pg_catalog.random() * 1000) end)
$$;

-- last hour: 40 processed (2 of them slowly), 3 failed, 2 waiting to retry, 1 new; 2 without a SourceCo id
select pg_temp.event('success', now() - g * interval '1 minute', case when g <= 2 then 30 else 2 end, 0, g > 2)
  from generate_series(1, 40) g;
select pg_temp.event('failed', now() - interval '20 minutes', null, 5) from generate_series(1, 3);
select pg_temp.event('pending', now() - interval '15 minutes', null, 1) from generate_series(1, 2);
select pg_temp.event('pending', now() - interval '30 seconds');
-- earlier today: 10 processed
select pg_temp.event('success', now() - interval '5 hours', 1) from generate_series(1, 10);
insert into public.phoneburner_webhook_rejections (bucket_at, reason, rejection_count, first_seen_at, last_seen_at)
values (date_trunc('minute', now() - interval '10 minutes'), 'bad_signature', 3, now() - interval '10 minutes', now() - interval '10 minutes'),
       (date_trunc('minute', now() - interval '10 minutes'), 'malformed_body', 1, now() - interval '10 minutes', now() - interval '10 minutes');

select results_eq(
  $$ select events_received, events_processed, events_failed, events_retrying, backlog, latency_p50_seconds,
            latency_p95_seconds, latency_max_seconds, success_rate_pct, signature_failures, other_rejections,
            missing_sourceco_contact_id, missing_sourceco_contact_id_pct
       from dialbridge.pipeline_health(now()) where window_name = 'last_hour' $$,
  $$ values (46::bigint, 40::bigint, 3::bigint, 2::bigint, 3::bigint, 2.00, 3.40, 30.00, 93.02, 3::bigint, 1::bigint, 2::bigint, 4.35) $$,
  'last hour: received, processed, failed, retrying, backlog, latency percentiles, success rate, rejections, missing ids');
select results_eq(
  $$ select events_received, events_processed from dialbridge.pipeline_health(now()) where window_name = 'last_24_hours' $$,
  $$ values (56::bigint, 50::bigint) $$,
  'the 24-hour window adds the earlier events');

select results_eq(
  $$ select rule, fires from dialbridge.pipeline_alerts(now())
      where rule in ('webhook_endpoint_down', 'webhook_processing_failing', 'webhook_backlog', 'missing_sourceco_contact_id',
                     'webhook_success_rate', 'webhook_latency') order by rule $$,
  $$ values ('missing_sourceco_contact_id'::text, true), ('webhook_backlog', false), ('webhook_endpoint_down', false),
            ('webhook_latency', false), ('webhook_processing_failing', false), ('webhook_success_rate', true) $$,
  'now: 3.6% of events lack a SourceCo id and 94% succeed (both fire); traffic flows, 5 failing, 3 waiting, p95 3.4 s (quiet)');
select results_eq(
  $$ select fires, observed from dialbridge.pipeline_alerts(now() + interval '10 minutes') where rule = 'webhook_endpoint_down' $$,
  $$ values (true, 10.5) $$,
  'over five minutes (10.5) without a request after steady traffic: the endpoint-down alert fires');

select pg_temp.event('failed', now() - interval '2 hours', null, 5) from generate_series(1, 46);
select pg_temp.event('pending', now() - interval '1 minute') from generate_series(1, 98);
select results_eq(
  $$ select rule, fires, observed from dialbridge.pipeline_alerts(now())
      where rule in ('webhook_processing_failing', 'webhook_backlog') order by rule $$,
  $$ values ('webhook_backlog'::text, true, 101::numeric), ('webhook_processing_failing', true, 51) $$,
  'more than 100 waiting and more than 50 failing: both fire');

-- PhoneBurner refused a rep's credentials
insert into public.phoneburner_push_runs (request_id, team_id, user_id, session_name, status, error_code, finished_at)
values ('test:pipe:push:1', tests.team_id('Pipe Team'), tests.user_id('ned@pipe.test'), 'Pipe list', 'failed', 'PB_AUTH',
        now() - interval '10 minutes');
select results_eq(
  $$ select severity, subject, fires from dialbridge.pipeline_alerts(now()) where rule = 'phoneburner_api_key_rejected' $$,
  $$ values ('critical'::text, 'Ned'::text, true) $$,
  'a push refused for bad credentials raises a critical alert naming the rep');
insert into public.phoneburner_push_runs (request_id, team_id, user_id, session_name, status, finished_at)
values ('test:pipe:push:2', tests.team_id('Pipe Team'), tests.user_id('ned@pipe.test'), 'Pipe list', 'succeeded',
        now() - interval '1 minute');
select results_eq(
  $$ select subject, fires from dialbridge.pipeline_alerts(now()) where rule = 'phoneburner_api_key_rejected' $$,
  $$ values (null::text, false) $$,
  'once a push for the rep succeeds again, it stops firing');

-- The reconciliation corrected 11 contacts today
insert into public.contact_field_changes (contact_id, team_id, field_name, old_value, new_value, source_system, changed_at)
select tests.report_contact('Pipe Team', 'Rec' || g), tests.team_id('Pipe Team'), 'phone', '+1', '+2', 'reconciliation', now()
  from generate_series(1, 11) g;
select results_eq(
  $$ select fires, observed from dialbridge.pipeline_alerts(now()) where rule = 'reconciliation_discrepancies' $$,
  $$ values (true, 11::numeric) $$,
  'more than 10 discrepancies found by the reconciliation: the alert fires');

-- Ned's connection rate halved week over week; his talk time is short
create temporary table ned_contact as select tests.report_contact('Pipe Team', 'Nina') as id;
select tests.report_call((select id from ned_contact), 'ned@pipe.test', tests.report_noon(7 + g % 7),
                         case when g % 2 = 0 then 'connected' else 'no_answer' end, case when g % 2 = 0 then 150 end,
                         case when g % 2 = 0 then 'INTERESTED' end)
  from generate_series(0, 19) g;
select tests.report_call((select id from ned_contact), 'ned@pipe.test', tests.report_noon(1 + g % 6),
                         case when g % 4 = 0 then 'connected' else 'no_answer' end, case when g % 4 = 0 then 60 end)
  from generate_series(0, 19) g;
select results_eq(
  $$ select rule, subject, fires, observed from dialbridge.pipeline_alerts(now())
      where rule in ('connection_rate_drop', 'rep_connection_rate_low', 'rep_avg_talk_time_low') order by rule $$,
  $$ values ('connection_rate_drop'::text, 'Pipe Team'::text, true, 50.0), ('rep_avg_talk_time_low', 'Ned', true, 60.0),
            ('rep_connection_rate_low', 'Ned', false, 25.0) $$,
  'business flags: the team''s rate fell 50% week over week (fires), Ned''s average talk is 60 s (fires), his rate 25% (quiet)');

select tests.authenticate_as('ned@pipe.test');
select is_empty(
  $$ select rule from reports.pipeline_alerts
      where rule like 'webhook%' or rule = 'missing_sourceco_contact_id' $$,
  'a rep gets no pipeline alerts (the webhook log is for admins)');
select results_eq($$ select sum(events_received)::integer from reports.pipeline_health $$, $$ values (0) $$,
  'a rep sees no pipeline counts');
select tests.clear_authentication();

select results_eq(
  $$ select metric, value, meets_target from dialbridge.success_metrics(now())
      where metric in ('disposition_coverage_pct', 'webhook_success_rate_pct') order by metric $$,
  $$ values ('disposition_coverage_pct'::text, 25.0, false), ('webhook_success_rate_pct', 50.51, false) $$,
  'success metrics: disposition coverage and webhook success against seed 001''s targets');

select * from finish();
rollback;
