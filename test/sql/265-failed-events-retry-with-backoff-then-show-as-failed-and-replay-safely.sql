-- Processing failures: an error retries with exponential backoff and, after max_retries, the event is failed
-- and listed in dialbridge.phoneburner_webhook_failures; an event that can never mean anything fails at once;
-- an unknown event type is skipped; a missing disposition engine fails loudly instead of being skipped; a
-- replay puts failed events back and processes them. One failing call never holds back the others.
begin;
select plan(27);


select tests.create_user('rep@fail265.test', 'Fail 265 team');
insert into public.contacts (id, sourceco_contact_id, team_id, first_name)
values ('26500000-0000-0000-0000-0000000000c1', 'sc_265', tests.team_id('Fail 265 team'), 'Ada');

-- The disposition engine breaks (a bug, a lock timeout…)
drop function if exists dialbridge.apply_dispositions(uuid[]);
create function dialbridge.apply_dispositions(uuid[]) returns void language plpgsql as $$
begin
  raise exception 'disposition engine unavailable' using errcode = 'XX265';
end
$$;

select dialbridge.receive_phoneburner_event(t, p::jsonb, null, 100, 'hmac', null, null, null)
  from (values
    ('disposition.set', '{"event_id": "f265_disp", "timestamp": "2026-03-01T10:00:00Z", "call_id": "c265a",
                          "sourceco_contact_id": "sc_265", "disposition": {"code": "INTERESTED"}}'),
    ('call.started', '{"event_id": "f265_start", "timestamp": "2026-03-01T11:00:00Z", "call": {"id": "c265b"},
                       "contact": {"custom_fields": {"sourceco_contact_id": "sc_265"}}}'),
    ('call.transferred', '{"event_id": "f265_unknown", "timestamp": "2026-03-01T11:00:00Z", "call_id": "c265c"}'),
    ('callback.scheduled', '{"event_id": "f265_invalid", "timestamp": "2026-03-01T11:00:00Z", "call_id": "c265d",
                             "callback": {"scheduled_for": "next Tuesday-ish"}}')
  ) as e(t, p);

-- ---------------------------------------------------------------------------------------------------
-- First attempt
-- ---------------------------------------------------------------------------------------------------
select results_eq(
  $$select claimed, succeeded, skipped, retrying, failed from dialbridge.process_phoneburner_webhooks(50, now())$$,
  $$values (4, 1, 1, 1, 1)$$,
  'one batch: the good call succeeds, the unknown type is skipped, the failing call retries, the invalid one fails');
select results_eq(
  $$select processing_status, retry_count, next_retry_at - now(), processing_error_code, processing_error
      from public.phoneburner_webhooks_log where event_id = 'f265_disp'$$,
  $$values ('pending'::text, 1, interval '5 seconds', 'XX265'::text, 'disposition engine unavailable'::text)$$,
  'the failing event waits for a retry in 5 s, with the error and its code');
select is((select count(*)::integer from public.contact_activities where dedupe_key = 'phoneburner:call:c265a'), 0,
  'nothing of the failing call was written');
select is((select processing_status from public.phoneburner_webhooks_log where event_id = 'f265_start'), 'success',
  'the other call in the same batch was not held back');
select is((select total_call_attempts from public.contacts where id = '26500000-0000-0000-0000-0000000000c1'), 1,
  'and is counted');
select results_eq(
  $$select processing_status, processing_error_code, retry_count from public.phoneburner_webhooks_log where event_id = 'f265_unknown'$$,
  $$values ('skipped'::text, 'DB060'::text, 0)$$,
  'an event type the projection does not know is skipped (DB060), kept in the log');
select results_eq(
  $$select processing_status, processing_error_code, retry_count, next_retry_at from public.phoneburner_webhooks_log
     where event_id = 'f265_invalid'$$,
  $$values ('failed'::text, 'DB061'::text, 1, null::timestamptz)$$,
  'a callback without a valid time can never be projected: failed at once (DB061), no retry');
select is((select processing_error from public.phoneburner_webhooks_log where event_id = 'f265_invalid'),
  'callback.scheduled carries no valid callback time', 'the error says why, without quoting the payload');

-- ---------------------------------------------------------------------------------------------------
-- Retries follow the backoff and stop after max_retries
-- ---------------------------------------------------------------------------------------------------
select is((dialbridge.process_phoneburner_webhooks(50, now() + interval '4 seconds')).claimed, 0,
  'a retry is not taken before it is due');
select is((dialbridge.process_phoneburner_webhooks(50, now() + interval '5 seconds')).retrying, 1,
  'at its time the event is retried and fails again');
select is((select next_retry_at - (now() + interval '5 seconds') from public.phoneburner_webhooks_log where event_id = 'f265_disp'),
  interval '20 seconds', 'the second retry waits 20 s (5 s × 4)');
select is((dialbridge.process_phoneburner_webhooks(50, now() + interval '1 minute')).retrying, 1, 'third attempt');
select is((select next_retry_at - (now() + interval '1 minute') from public.phoneburner_webhooks_log where event_id = 'f265_disp'),
  interval '80 seconds', 'then 80 s');
select is((dialbridge.process_phoneburner_webhooks(50, now() + interval '10 minutes')).retrying, 1, 'fourth attempt');
select results_eq(
  $$select failed, retrying from dialbridge.process_phoneburner_webhooks(50, now() + interval '1 hour')$$,
  $$values (1, 0)$$,
  'the fifth failure (max_retries = 5) fails the event for good');
select results_eq(
  $$select processing_status, retry_count, next_retry_at from public.phoneburner_webhooks_log where event_id = 'f265_disp'$$,
  $$values ('failed'::text, 5, null::timestamptz)$$,
  'failed, after five attempts, with no retry planned');

-- ---------------------------------------------------------------------------------------------------
-- The failure view
-- ---------------------------------------------------------------------------------------------------
select bag_eq(
  $$select event_id, state, error_code, retry_count from dialbridge.phoneburner_webhook_failures where event_id like 'f265%'$$,
  $$values ('f265_disp'::text, 'failed'::text, 'XX265'::text, 5), ('f265_invalid', 'failed', 'DB061', 1)$$,
  'the failure view lists both failed events with their codes');
select is((select count(*)::integer from dialbridge.phoneburner_webhook_failures where event_id = 'f265_unknown'), 0,
  'a skipped event is not a failure');

-- ---------------------------------------------------------------------------------------------------
-- A missing disposition engine fails loudly
-- ---------------------------------------------------------------------------------------------------
drop function dialbridge.apply_dispositions(uuid[]);
select is((select count(*)::integer from dialbridge.reset_phoneburner_webhooks_for_replay(null, array['failed'], 'disposition.set')),
  1, 'a replay of failed disposition.set events resets one event');
select is((dialbridge.process_phoneburner_webhooks(50, now())).retrying, 1, 'the replayed event is attempted');
select results_eq(
  $$select processing_status, retry_count, processing_error_code from public.phoneburner_webhooks_log l where l.event_id = 'f265_disp'$$,
  $$values ('pending'::text, 1, '42883'::text)$$,
  'without dialbridge.apply_dispositions the dispositioned call fails (undefined function) and retries: never skipped');
select is((select count(*)::integer from public.contact_activities where dedupe_key = 'phoneburner:call:c265a'), 0,
  'and nothing of it is written');

-- ---------------------------------------------------------------------------------------------------
-- Fixed, replayed: processed once
-- ---------------------------------------------------------------------------------------------------
create function dialbridge.apply_dispositions(uuid[]) returns void language sql as '';
select is((select count(*)::integer from dialbridge.reset_phoneburner_webhooks_for_replay(now() - interval '1 day', null, null)),
  4, 'a replay since yesterday, any status, resets the four events');
select results_eq(
  $$select claimed, succeeded, skipped, failed from dialbridge.process_phoneburner_webhooks(50, now())$$,
  $$values (4, 2, 1, 1)$$,
  'the repaired call succeeds, the good one again, the unknown type is skipped again, the invalid one fails again');
select results_eq(
  $$select activity_type, disposition_code, contact_id from public.contact_activities where dedupe_key = 'phoneburner:call:c265a'$$,
  $$values ('call_completed'::text, 'INTERESTED'::text, '26500000-0000-0000-0000-0000000000c1'::uuid)$$,
  'the repaired call is recorded');
select is((select total_call_attempts from public.contacts where id = '26500000-0000-0000-0000-0000000000c1'), 2,
  'the replayed good call is not counted twice');
select is_empty($$select * from dialbridge.recompute_contact_call_stats('26500000-0000-0000-0000-0000000000c1')$$,
  'and the statistics equal a recount');

select * from finish();
rollback;
