-- Refused webhook requests (401/400/413) are counted per minute, reason, event type hint and IP in
-- phoneburner_webhook_rejections; the untrusted body is never stored, only its size.
begin;
select plan(8);

-- ---------------------------------------------------------------------------------------------------
-- the service role (the edge function)
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_service_role();

select is(dialbridge.record_phoneburner_webhook_rejection('bad_token', 'api_calldone', '198.51.100.4', 120, '2026-02-23T10:45:10Z'), 1,
  'a first rejection opens its minute bucket');
select is(dialbridge.record_phoneburner_webhook_rejection('bad_token', 'api_calldone', '198.51.100.4', 900, '2026-02-23T10:45:50Z'), 2,
  'the next one in the same minute, reason, type and IP is counted in it');
select is(dialbridge.record_phoneburner_webhook_rejection('bad_token', 'api_calldone', '198.51.100.4', 10, '2026-02-23T10:46:01Z'), 1,
  'a new minute opens a new bucket');
select results_eq(
  $$ select rejection_count, max_payload_size_bytes, first_seen_at, last_seen_at
       from public.phoneburner_webhook_rejections
      where reason = 'bad_token' and ip_address = '198.51.100.4' and bucket_at = '2026-02-23T10:45:00Z' $$,
  $$ values (2, 900, '2026-02-23T10:45:10Z'::timestamptz, '2026-02-23T10:45:50Z'::timestamptz) $$,
  'a bucket keeps its count, largest body size and first and last time');
select is(dialbridge.record_phoneburner_webhook_rejection('missing_auth', null, null, 5, '2026-02-23T10:45:10Z')
        + dialbridge.record_phoneburner_webhook_rejection('missing_auth', null, null, 5, '2026-02-23T10:45:20Z'), 3,
  'requests without a known IP or type share one bucket (1 + 2)');
select is(dialbridge.record_phoneburner_webhook_rejection('malformed_body', 'made.up.type', null, 5, '2026-02-23T10:45:10Z')
        + dialbridge.record_phoneburner_webhook_rejection('malformed_body', 'another.made.up', null, 5, '2026-02-23T10:45:20Z'), 3,
  'made-up type hints fold into ''unknown'': a sender cannot grow the table with names');
select is_empty(
  $$ select 1 from information_schema.columns
      where table_schema = 'public' and table_name = 'phoneburner_webhook_rejections'
        and (data_type in ('json', 'jsonb', 'bytea') or column_name ~ 'payload$|body') $$,
  'the table has no column that could hold a body');
select throws_ok($$ select dialbridge.record_phoneburner_webhook_rejection('because', null, null, 1) $$,
  '23514', null, 'only the known reasons are recorded');

select * from finish();
rollback;
