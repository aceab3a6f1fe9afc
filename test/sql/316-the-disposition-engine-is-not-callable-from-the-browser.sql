-- The engine's functions and bookkeeping are for the projection (service role, worker) only; the browser
-- gets exactly the RPCs meant for people: lift_suppression, reapply_dispositions (admins), and the
-- suppression status the push preview reads.
begin;
select plan(6);

select tests.create_user('sarah@sourceco.com', 'buyers', 'rep') \gset

-- ---------------------------------------------------------------------------------------------------
-- as anon and authenticated (privileges, whoever the user is)
-- ---------------------------------------------------------------------------------------------------
select is(
  (select array_agg(f order by f) from unnest(array[
     'dialbridge.apply_disposition(uuid)', 'dialbridge.apply_callback(uuid)', 'dialbridge.apply_contact_changes(uuid)',
     'dialbridge.reapply_dispositions(text)', 'dialbridge.perform_workflow_run(uuid)',
     'dialbridge.apply_dispositions(uuid[])',
     'dialbridge.queue_workflow_runs(dialbridge.disposition_step[])',
     'dialbridge.claim_contact_mark(uuid, text, uuid, timestamptz)']) f
    where has_function_privilege('authenticated', f, 'execute') or has_function_privilege('anon', f, 'execute')),
  null,
  'neither anon nor signed-in users can run the engine''s functions');
select ok(
  (select bool_and(has_function_privilege('service_role', f, 'execute')) from unnest(array[
     'dialbridge.apply_disposition(uuid)', 'dialbridge.apply_dispositions(uuid[])', 'dialbridge.apply_callback(uuid)',
     'dialbridge.apply_contact_changes(uuid)', 'dialbridge.reapply_dispositions(text)', 'dialbridge.perform_workflow_run(uuid)',
     'dialbridge.suppression_status(uuid, text, timestamptz)']) f),
  'the service role can (edge functions, the worker)');
select ok(
  has_function_privilege('authenticated', 'public.lift_suppression(uuid, text)', 'execute')
  and has_function_privilege('authenticated', 'public.reapply_dispositions(text)', 'execute')
  and has_function_privilege('authenticated', 'dialbridge.suppression_status(uuid, text, timestamptz)', 'execute')
  and has_function_privilege('authenticated', 'dialbridge.suppression_statuses(uuid[], text[], timestamptz)', 'execute'),
  'signed-in users can call the RPCs meant for people (each checks the role itself)');
select ok(
  not has_function_privilege('anon', 'public.lift_suppression(uuid, text)', 'execute')
  and not has_function_privilege('anon', 'public.reapply_dispositions(text)', 'execute'),
  'anon cannot call them');

select tests.authenticate_as('sarah@sourceco.com');
select throws_ok($$select * from dialbridge.disposition_applications$$, '42501', null,
  'a rep cannot read the engine''s bookkeeping');
select throws_ok($$select * from dialbridge.contact_marks$$, '42501', null,
  'nor the status and next-action marks');
select tests.clear_authentication();

select * from finish();
rollback;
