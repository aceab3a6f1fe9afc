-- One push, one dial session: with PhoneBurner's real API (api_style dialsession) the whole list goes in one
-- batch — one POST /rest/1/dialsession — up to dialbridge.phoneburner_session_max_contacts() (2,500 by
-- default; a setting lowers it here to keep the test small); beyond it the push splits into sessions named
-- (n/N). The seed contract still sends at most 500 per request. No clock is read.
begin;
select plan(7);

select tests.create_user('una@sourceco.com', 'one-session-team', 'rep') \gset
update profiles set phoneburner_user_id = '4080001' where id = tests.user_id('una@sourceco.com');
select array_agg(tests.push_contact('one-session-team', 'Buyer', 'No ' || n, '+1415555' || lpad(n::text, 4, '0')) order by n) as ids
  from generate_series(1, 7) n \gset

select is(dialbridge.phoneburner_session_max_contacts(), 2500, 'one dial session takes up to 2,500 contacts by default');

select tests.authenticate_as('una@sourceco.com');
select dialbridge.start_push_run(jsonb_build_object('request_id', 'one-1', 'contact_ids', :'ids'::uuid[],
  'options', jsonb_build_object('session_name', 'All of them'))) ->> 'run_id' as run1 \gset
select tests.clear_authentication();
select results_eq(
  $$select r.batches_total, b.batch_no, b.contact_count from phoneburner_push_runs r join phoneburner_push_batches b on b.run_id = r.id
     where r.request_id = 'one-1'$$,
  $$values (1, 1, 7)$$,
  'a push of real PhoneBurner is one batch: one dial session for the whole list');
select is((select dialbridge.claim_push_batch(b.id, 'test') ->> 'session_name' from phoneburner_push_batches b
             join phoneburner_push_runs r on r.id = b.run_id where r.request_id = 'one-1'),
  'All of them', 'named as the rep named it, without (1/1)');

-- beyond the limit (here 3) it splits, each session named (n/N)
select set_config('dialbridge.phoneburner_session_max_contacts', '3', true);
select tests.authenticate_as('una@sourceco.com');
select dialbridge.start_push_run(jsonb_build_object('request_id', 'one-2', 'contact_ids', :'ids'::uuid[],
  'options', jsonb_build_object('session_name', 'Split'))) ->> 'run_id' as run2 \gset
select tests.clear_authentication();
select results_eq(
  $$select b.batch_no, b.contact_count from phoneburner_push_batches b join phoneburner_push_runs r on r.id = b.run_id
     where r.request_id = 'one-2' order by b.batch_no$$,
  $$values (1, 3), (2, 3), (3, 1)$$,
  'beyond the limit the push splits into sessions of at most the limit');
select is((select dialbridge.claim_push_batch(b.id, 'test') ->> 'session_name' from phoneburner_push_batches b
             join phoneburner_push_runs r on r.id = b.run_id where r.request_id = 'one-2' and b.batch_no = 1),
  'Split (1/3)', 'and says so in the session''s name');

-- batch_size may only lower it; the seed contract keeps 500 per request
select set_config('dialbridge.phoneburner_session_max_contacts', '', true);
select tests.authenticate_as('una@sourceco.com');
select dialbridge.start_push_run(jsonb_build_object('request_id', 'one-3', 'contact_ids', :'ids'::uuid[],
  'options', jsonb_build_object('batch_size', 4))) ->> 'run_id' as run3 \gset
select tests.clear_authentication();
select results_eq(
  $$select b.contact_count from phoneburner_push_batches b join phoneburner_push_runs r on r.id = b.run_id
     where r.request_id = 'one-3' order by b.batch_no$$,
  $$values (4), (3)$$,
  'an explicit batch_size splits a smaller list');
select throws_ok(
  $$select dialbridge.validate_push_options('{"batch_size": 10001}')$$,
  'DB040', 'option batch_size must be a whole number from 1 to 10000',
  'a batch_size beyond the largest push is refused by name');

select * from finish();
rollback;
