begin;
select plan(16);

select tests.create_user('rhea@sourceco.com', 'ovr-team', 'rep') \gset
select tests.create_user('max@sourceco.com', 'ovr-team', 'manager') \gset
select tests.create_user('ada@sourceco.com', null, 'admin') \gset
select tests.create_user('ivo@sourceco.com', 'ovr-other', 'rep') \gset

select tests.push_contact('ovr-team', 'Fresh', 'Contact', '+13125550101') as fresh \gset
select tests.push_contact('ovr-team', 'Called', 'Yesterday', '+13125550102', '{"last_call_days_ago": 1}') as recent \gset
select tests.push_contact('ovr-team', 'Legal', 'Request', '+13125550103') as legal \gset
select tests.push_contact('ovr-team', 'Policy', 'Block', '+13125550104') as internal \gset
select tests.push_contact('ovr-team', 'No', 'Number', null) as no_phone \gset
update contacts set do_not_call = true, do_not_call_reason = 'user_requested' where id = :'legal';
insert into suppressions (contact_id, team_id, suppression_type, reason, source)
values (:'internal', tests.team_id('ovr-team'), 'internal', 'internal_policy', 'manual');

-- ---------------------------------------------------------------------------------------------------
-- as a rep
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('rhea@sourceco.com');

select results_eq(
  format($$select display_name, status, is_overridden, overridden_reason, override_reason
             from dialbridge.push_candidates(array[%L, %L, %L]::uuid[],
                  '{"overrides": [{"contact_id": "%s", "reason": "He asked us to call back today"},
                                  {"contact_id": "%s", "reason": "Cleared by compliance"}]}', now())
            order by ord$$, :'fresh', :'recent', :'internal', :'recent', :'internal'),
  $$values ('Fresh Contact', 'ready', false, null, null),
           ('Called Yesterday', 'ready', true, 'recently_contacted', 'He asked us to call back today'),
           ('Policy Block', 'ready', true, 'internal_dnc', 'Cleared by compliance')$$,
  'an override force-includes a recently contacted or internally blocked contact, keeping what it overrode and why');

select lives_ok(
  format($$select dialbridge.start_push_run('{"request_id": "ovr-1", "contact_ids": ["%s", "%s", "%s"],
           "options": {"overrides": [{"contact_id": "%s", "reason": "He asked us to call back today"}]}}')$$,
         :'fresh', :'recent', :'no_phone', :'recent'),
  'the rep starts a push with an override');
select results_eq(
  $$select c.first_name || ' ' || c.last_name, o.overridden_reason, o.overridden_detail, o.override_reason,
           o.overridden_by_user_id = tests.user_id('rhea@sourceco.com'), o.created_at = now()
      from push_overrides o join contacts c on c.id = o.contact_id
      join phoneburner_push_runs r on r.id = o.run_id where r.request_id = 'ovr-1'$$,
  $$values ('Called Yesterday', 'recently_contacted', 'Called 1 day ago', 'He asked us to call back today', true, true)$$,
  'the override is audited: who, when, past which rule, and why');
select results_eq(
  $$select contacts_ready, contacts_excluded, contacts_overridden, status from phoneburner_push_runs where request_id = 'ovr-1'$$,
  $$values (2, 1, 1, 'queued')$$,
  'the run counts the overridden contact among those to push and the one without a number as excluded');

select throws_ok(
  format($$select dialbridge.start_push_run('{"request_id": "ovr-2", "contact_ids": ["%s", "%s"],
           "options": {"overrides": [{"contact_id": "%s", "reason": "Important buyer"}]}}')$$, :'fresh', :'legal', :'legal'),
  'DB041', '1 contact(s) are on the legal do-not-call list: that can never be overridden',
  'an override of legal do-not-call is refused with a clear error');
select throws_ok(
  format($$select dialbridge.start_push_run('{"request_id": "ovr-3", "contact_ids": ["%s"],
           "options": {"overrides": [{"contact_id": "%s", "reason": "  "}]}}')$$, :'recent', :'recent'),
  'DB045', '1 override(s) without a reason: say why each excluded contact is included',
  'an override needs a reason');
select is_empty($$select 1 from phoneburner_push_runs where request_id in ('ovr-2', 'ovr-3')$$,
  'a refused push records nothing');

select dialbridge.start_push_run(format('{"request_id": "ovr-4", "contact_ids": ["%s", "%s"]}', :'fresh', :'legal')::jsonb) is not null as started;
select results_eq(
  format($$select rc.status, rc.reason from phoneburner_push_run_contacts rc join phoneburner_push_runs r on r.id = rc.run_id
            where r.request_id = 'ovr-4' and rc.contact_id = %L$$, :'legal'),
  $$values ('excluded', 'legal_dnc')$$,
  'without an override a legal do-not-call contact is simply excluded from the push');

-- the rep cannot write the audit trail or the run rows directly
select throws_ok(
  format($$insert into push_overrides (run_id, contact_id, overridden_reason, override_reason)
           select id, %L, 'recently_contacted', 'x' from phoneburner_push_runs limit 1$$, :'fresh'),
  '42501', null, 'reps cannot write overrides directly');
select throws_ok(
  $$update phoneburner_push_run_contacts set status = 'queued', reason = null, batch_no = 1 where status = 'excluded'$$,
  '42501', null, 'reps cannot turn an excluded contact into a queued one');
-- nor record a run bypassing the validation: the recorder reads legal do-not-call again
select throws_ok(
  format($$select dialbridge.record_push_run('{"request_id": "ovr-5", "session_name": "x"}',
           '[{"contact_id": "%s", "ord": 1, "status": "ready", "phone_e164": "+13125550103"}]')$$, :'legal'),
  'DB041', '1 contact(s) are on the legal do-not-call list and can never be pushed',
  'a forged ready row for a legal do-not-call contact is refused by the recorder itself');
select throws_ok(
  format($$select dialbridge.start_push_run('{"request_id": "ovr-6", "contact_ids": ["%s"], "target_user_id": "%s"}')$$,
         :'fresh', tests.user_id('max@sourceco.com')),
  'DB042', 'only admins and the team''s managers may push into another rep''s PhoneBurner account',
  'a rep cannot push into another rep''s PhoneBurner account');
select tests.clear_authentication();

-- ---------------------------------------------------------------------------------------------------
-- as the team's manager and as an admin
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('max@sourceco.com');
select lives_ok(
  format($$select dialbridge.start_push_run('{"request_id": "ovr-7", "contact_ids": ["%s"], "target_user_id": "%s"}')$$,
         :'fresh', tests.user_id('rhea@sourceco.com')),
  'a manager may push into a rep of their team''s account');
select throws_ok(
  format($$select dialbridge.start_push_run('{"request_id": "ovr-8", "contact_ids": ["%s"],
           "options": {"overrides": [{"contact_id": "%s", "reason": "Manager approval"}]}}')$$, :'legal', :'legal'),
  'DB041', '1 contact(s) are on the legal do-not-call list: that can never be overridden',
  'a manager cannot override legal do-not-call either');
select tests.clear_authentication();

select tests.authenticate_as('ada@sourceco.com');
select throws_ok(
  format($$select dialbridge.start_push_run('{"request_id": "ovr-9", "contact_ids": ["%s"], "target_user_id": "%s",
           "options": {"overrides": [{"contact_id": "%s", "reason": "Admin approval"}]}}')$$,
         :'legal', tests.user_id('rhea@sourceco.com'), :'legal'),
  'DB041', '1 contact(s) are on the legal do-not-call list: that can never be overridden',
  'nor can an admin');
select tests.clear_authentication();

-- ---------------------------------------------------------------------------------------------------
-- as a rep of another team
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('ivo@sourceco.com');
select throws_ok(
  format($$select dialbridge.start_push_run('{"request_id": "ovr-10", "contact_ids": ["%s"]}')$$, :'fresh'),
  'DB043', 'no contacts found for this selection',
  'another team''s contacts cannot be pushed: they are not found');
select tests.clear_authentication();

select * from finish();
rollback;
