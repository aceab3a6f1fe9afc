-- One row per call (SourceCo's screens count rows per call): a callback scheduled on a call is on the call's
-- own row, whichever comes first. A callback that arrives before its call is a callback_scheduled row under
-- the call's key, and that same row becomes the call when the call's events come — its task stays one task
-- pointing at it. Callback rows of earlier releases (<provider>:callback:<call>) fold into their call with
-- their task. Statistics count the callback once and equal a recompute. One clock: now().
begin;
select plan(12);

select tests.create_user('rep@cb285.test', 'CB 285 team');
update public.profiles set phoneburner_user_id = 'pb_285' where id = tests.user_id('rep@cb285.test');
insert into public.contacts (id, team_id, first_name, last_name, phoneburner_contact_id) values
  ('28500000-0000-0000-0000-0000000000c1', tests.team_id('CB 285 team'), 'Cal', 'Back', 'pb_c285'),
  ('28500000-0000-0000-0000-0000000000c2', tests.team_id('CB 285 team'), 'Old', 'Release', 'pb_c285b');

-- the callback first
select dialbridge.receive_phoneburner_event('callback.scheduled', jsonb_build_object(
         'event_id', 'cb285_cb', 'timestamp', now() - interval '50 minutes', 'call_id', 'c285', 'contact_id', 'pb_c285',
         'user', jsonb_build_object('id', 'pb_285'),
         'callback', jsonb_build_object('scheduled_for', date_trunc('hour', now()) + interval '2 days', 'notes', 'After the board meeting')),
       null, 100, 'hmac', null, null, null);
select is((dialbridge.process_phoneburner_webhooks(50)).succeeded, 1, 'the callback is processed before its call');
select results_eq(
  $$select dedupe_key, activity_type, callback_scheduled_date from public.contact_activities where phoneburner_call_id = 'c285'$$,
  $$values ('phoneburner:call:c285'::text, 'callback_scheduled'::text, date_trunc('hour', now()) + interval '2 days')$$,
  'alone, it is a callback row under the call''s own key');
select id as cb_row from public.contact_activities where dedupe_key = 'phoneburner:call:c285' \gset
select results_eq(
  $$select count(*)::int, min(source_activity_id::text) from public.tasks where source = 'callback' and contact_id = '28500000-0000-0000-0000-0000000000c1'$$,
  format($$values (1, %L)$$, :'cb_row'),
  'its task is created at once');

-- then the call
select dialbridge.receive_phoneburner_event(t, p, null, 100, 'hmac', null, null, null)
  from (values
    ('call.started', jsonb_build_object('event_id', 'cb285_start', 'timestamp', now() - interval '55 minutes',
       'call', jsonb_build_object('id', 'c285', 'to_number', '+15550285'), 'contact', jsonb_build_object('id', 'pb_c285'),
       'user', jsonb_build_object('id', 'pb_285', 'name', 'Rep'))),
    ('call.ended', jsonb_build_object('event_id', 'cb285_end', 'timestamp', now() - interval '52 minutes', 'call_id', 'c285',
       'contact_id', 'pb_c285', 'call', jsonb_build_object('duration_seconds', 180, 'outcome', 'connected'))),
    ('disposition.set', jsonb_build_object('event_id', 'cb285_disp', 'timestamp', now() - interval '51 minutes', 'call_id', 'c285',
       'contact_id', 'pb_c285', 'disposition', jsonb_build_object('code', 'CALLBACK_REQUESTED')))
  ) as e(t, p);
select is((dialbridge.process_phoneburner_webhooks(50)).succeeded, 3, 'the call''s events come later');
select results_eq(
  $$select id, activity_type, callback_scheduled_date, details ->> 'callback_notes', call_connected
      from public.contact_activities where phoneburner_call_id = 'c285'$$,
  format($$values (%L::uuid, 'call_completed'::text, date_trunc('hour', now()) + interval '2 days', 'After the board meeting'::text, true)$$, :'cb_row'),
  'the same row became the call, keeping its callback: one row for the call');
select results_eq(
  $$select count(*)::int, min(source_activity_id::text), min(status) from public.tasks
     where source = 'callback' and contact_id = '28500000-0000-0000-0000-0000000000c1'$$,
  format($$values (1, %L, 'open'::text)$$, :'cb_row'),
  'still one callback task, pointing at the call');
select results_eq(
  $$select total_call_attempts, total_calls_connected from public.contacts where id = '28500000-0000-0000-0000-0000000000c1'$$,
  $$values (1, 1)$$,
  'the contact counts one call, connected');
select is_empty($$select * from dialbridge.recompute_contact_call_stats('28500000-0000-0000-0000-0000000000c1')$$,
  'and the counters equal a recompute');
select results_eq(
  $$select activity_type from seed.contact_activities where phoneburner_call_id = 'c285' and activity_type = 'callback_scheduled'$$,
  $$values ('callback_scheduled'::text)$$,
  'seed 000''s event-grained view still shows the callback event');

-- a callback row of an earlier release folds into its call
insert into public.contact_activities (id, dedupe_key, source_system, contact_id, matching_status, user_id, team_id, activity_type,
                                       call_started_at, call_ended_at, call_outcome, phoneburner_call_id, callback_scheduled_date)
values ('28500000-0000-0000-0000-0000000000a1', 'phoneburner:call:c285b', 'phoneburner', '28500000-0000-0000-0000-0000000000c2', 'matched',
        tests.user_id('rep@cb285.test'), tests.team_id('CB 285 team'), 'call_completed',
        now() - interval '3 hours', now() - interval '175 minutes', 'connected', 'c285b', now() + interval '1 day');
insert into public.contact_activities (id, dedupe_key, source_system, contact_id, matching_status, user_id, team_id, activity_type,
                                       phoneburner_call_id, callback_scheduled_date, disposition_notes, details)
values ('28500000-0000-0000-0000-0000000000a2', 'phoneburner:callback:c285b', 'phoneburner', '28500000-0000-0000-0000-0000000000c2', 'matched',
        tests.user_id('rep@cb285.test'), tests.team_id('CB 285 team'), 'callback_scheduled', 'c285b', now() + interval '1 day',
        'Old release notes', jsonb_build_object('notes', 'Old release notes', 'event_at', now() - interval '174 minutes', 'timezone', 'America/Chicago'));
insert into public.tasks (contact_id, team_id, task_type, title, due_at, assigned_to_user_id, source, source_activity_id)
values ('28500000-0000-0000-0000-0000000000c2', tests.team_id('CB 285 team'), 'call', 'Call Old Release', now() + interval '1 day',
        tests.user_id('rep@cb285.test'), 'callback', '28500000-0000-0000-0000-0000000000a2');
select is(dialbridge.fold_callback_rows(), 1, 'the earlier release''s callback row is folded');
select results_eq(
  $$select a.id::text, a.details ->> 'callback_notes', a.details ->> 'callback_timezone',
           (select count(*)::int from public.contact_activities x where x.phoneburner_call_id = 'c285b'),
           (select t.source_activity_id::text from public.tasks t where t.contact_id = a.contact_id)
      from public.contact_activities a where a.phoneburner_call_id = 'c285b'$$,
  $$values ('28500000-0000-0000-0000-0000000000a1', 'Old release notes'::text, 'America/Chicago'::text, 1,
            '28500000-0000-0000-0000-0000000000a1')$$,
  'into its call''s row, with its notes and zone, its task pointing at the call');
select is_empty($$select * from dialbridge.recompute_contact_call_stats('28500000-0000-0000-0000-0000000000c2')$$,
  'the counters equal a recompute after the fold');

select * from finish();
rollback;
