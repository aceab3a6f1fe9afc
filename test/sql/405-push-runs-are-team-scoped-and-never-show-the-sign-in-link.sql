begin;
select plan(8);

select tests.create_user('una@sourceco.com', 'scope-a', 'rep') \gset
select tests.create_user('vic@sourceco.com', 'scope-a', 'rep') \gset
select tests.create_user('wes@sourceco.com', 'scope-b', 'rep') \gset
select tests.push_contact('scope-a', 'Scoped', 'Contact', '+16175550101') as a \gset
select tests.push_contact('scope-a', 'Recent', 'Contact', '+16175550102', '{"last_call_days_ago": 1}') as r \gset

select tests.authenticate_as('una@sourceco.com');
select dialbridge.start_push_run(format('{"request_id": "scope-1", "contact_ids": ["%s", "%s"],
  "options": {"overrides": [{"contact_id": "%s", "reason": "Asked for a call today"}]}}', :'a', :'r', :'r')::jsonb) ->> 'run_id' as run \gset
select tests.clear_authentication();
update phoneburner_push_runs set redirect_url = 'https://www.phoneburner.com/index/sso_key_login?key=secret' where id = :'run';

-- ---------------------------------------------------------------------------------------------------
-- as a teammate
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('vic@sourceco.com');
select results_eq(
  $$select request_id, contacts_ready, status from phoneburner_push_runs$$,
  $$values ('scope-1', 2, 'queued')$$,
  'a teammate sees the team''s pushes and their progress');
select throws_ok(
  $$select redirect_url from phoneburner_push_runs$$,
  '42501', null, 'nobody reads PhoneBurner''s one-time sign-in link from the browser');
select results_eq(
  $$select override_reason from push_overrides$$, $$values ('Asked for a call today')$$,
  'the team''s overrides are visible to the team');
select is((dialbridge.push_run_summary(:'run') ->> 'redirect_url'), null,
  'the run summary gives the sign-in link only to the rep who pushed');
select tests.clear_authentication();

select tests.authenticate_as('una@sourceco.com');
select is((dialbridge.push_run_summary(:'run') ->> 'redirect_url'), 'https://www.phoneburner.com/index/sso_key_login?key=secret',
  'the rep who pushed gets it back (a retried request answers the same)');
select tests.clear_authentication();

-- ---------------------------------------------------------------------------------------------------
-- as a rep of another team
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('wes@sourceco.com');
select is_empty($$select 1 from phoneburner_push_runs union all select 1 from phoneburner_push_run_contacts
                  union all select 1 from push_overrides union all select 1 from phoneburner_push_log$$,
  'another team sees none of it');
select throws_ok(format($$select dialbridge.push_run_summary(%L)$$, :'run'), 'DB044', 'push run not found',
  'nor its summary');
select throws_ok(format($$select dialbridge.start_push_run('{"request_id": "scope-1", "contact_ids": ["%s"]}')$$, :'a'),
  'DB040', 'request_id scope-1 is already used by another push',
  'nor can it replay the push by reusing its request id');
select tests.clear_authentication();

select * from finish();
rollback;
