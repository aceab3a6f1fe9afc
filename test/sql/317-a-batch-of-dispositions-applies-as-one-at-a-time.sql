-- The projection applies a batch's dispositions with one dialbridge.apply_dispositions call (set-based,
-- in rounds of at most one call per contact). What it leaves behind must be exactly what applying the same
-- calls one at a time leaves: contacts (status, stage, next action, do-not-call, phone invalid), tasks,
-- suppressions, workflow runs and their jobs, and the engine's records. Checked on a mix that exercises
-- every step: several calls of one contact in one batch, legal and internal suppressions, a wrong number,
-- tasks of every kind, workflows, a callback that makes a call task unnecessary, an unknown disposition,
-- and a second batch that changes dispositions (undo, same mapping again, a replay).
begin;
select plan(5);

select tests.create_user('sarah@sourceco.com', 'buyers', 'rep') \gset
select tests.create_user('tom@sourceco.com', 'buyers', 'rep') \gset
select tests.create_user('owner@sourceco.com', 'buyers', 'manager') \gset

select tests.make_contact('buyers', 'owner@sourceco.com', 'Ann', 'One', '+12125550101') as ann \gset
select tests.make_contact('buyers', 'owner@sourceco.com', 'Ben', 'Two', '+12125550102') as ben \gset
select tests.make_contact('buyers', 'owner@sourceco.com', 'Cal', 'Three', '+12125550103') as cal \gset
select tests.make_contact('buyers', 'owner@sourceco.com', 'Dee', 'Four', '+12125550104') as dee \gset
select tests.make_contact('buyers', null, 'Eve', 'Five', '+12125550105', 'eve@example.com', 'America/Los_Angeles') as eve \gset
select tests.make_contact('buyers', 'owner@sourceco.com', 'Fay', 'Six', '+12125550106') as fay \gset
select tests.make_contact('buyers', 'owner@sourceco.com', 'Gus', 'Seven', '+12125550107') as gus \gset

-- Ann: three calls in one batch, given out of time order; the newest (HOT_LEAD) must win status and next action
select tests.record_call(:'ann', 'sarah@sourceco.com', 'INTERESTED', 'Interested - Send Information', '2026-03-02T15:00:00Z', 'memo') as ann1 \gset
select tests.record_call(:'ann', 'tom@sourceco.com', 'HOT_LEAD', 'Hot Lead', '2026-03-04T15:00:00Z', 'call back fast') as ann2 \gset
select tests.record_call(:'ann', 'sarah@sourceco.com', 'LEFT_VOICEMAIL', 'Left Message', '2026-03-03T15:00:00Z') as ann3 \gset
-- Ben: do-not-call, then an INTERESTED call the same day: no status change, the call task not scheduled
select tests.record_call(:'ben', 'sarah@sourceco.com', 'DO_NOT_CALL', 'Do Not Call', '2026-03-02T16:00:00Z', 'asked to stop') as ben1 \gset
select tests.record_call(:'ben', 'sarah@sourceco.com', 'GATEKEEPER', 'Gatekeeper', '2026-03-02T17:00:00Z') as ben2 \gset
-- Cal: a wrong number and an internal suppression
select tests.record_call(:'cal', 'tom@sourceco.com', 'WRONG_NUMBER', 'Wrong Number', '2026-03-02T18:00:00Z') as cal1 \gset
select tests.record_call(:'cal', 'tom@sourceco.com', 'NOT_INTERESTED', 'Not Interested', '2026-03-01T18:00:00Z') as cal2 \gset
-- Dee: a callback task already open for the call, so CALLBACK_REQUESTED adds no second call task
select tests.record_call(:'dee', 'sarah@sourceco.com', 'CALLBACK_REQUESTED', 'Callback Requested', '2026-03-02T19:00:00Z',
  'after the board meeting', 'call_dee_317', '2026-03-09T14:00:00Z') as dee1 \gset
select tests.record_callback(:'dee', 'sarah@sourceco.com', '2026-03-09T14:00:00Z', '2026-03-02T19:00:01Z',
  'board meeting', 'America/New_York', 'call_dee_317') as dee_cb \gset
select dialbridge.apply_callback(:'dee_cb');
-- Eve: no owner, another time zone, a meeting (workflow) and a call without a rep's profile
select tests.record_call(:'eve', 'tom@sourceco.com', 'MEETING_SET', 'Meeting Set', '2026-03-02T20:00:00Z', 'Tuesday 10am') as eve1 \gset
-- Fay: a disposition no mapping knows, and one that does
select tests.record_call(:'fay', 'sarah@sourceco.com', 'MYSTERY_317', 'Mystery outcome', '2026-03-02T21:00:00Z') as fay1 \gset
select tests.record_call(:'fay', 'sarah@sourceco.com', 'NOT_NOW', 'Not Now', '2026-03-01T21:00:00Z') as fay2 \gset
-- Gus: applied earlier, on its own; the second batch changes it
select tests.record_call(:'gus', 'tom@sourceco.com', 'INTERESTED', 'Interested - Send Information', '2026-03-01T10:00:00Z', 'first') as gus1 \gset
select dialbridge.apply_disposition(:'gus1');

-- what is compared: everything the engine writes, without generated ids
create function pg_temp.footprint() returns jsonb
language sql stable
as $$
  select jsonb_build_object(
    'contacts', (select jsonb_agg(jsonb_build_array(c.first_name, c.contact_status, c.contact_stage, c.next_action_type,
                   c.next_action_date, c.next_action_notes, c.next_action_assigned_to_user_id, c.do_not_call,
                   c.do_not_call_reason, c.do_not_call_set_at, c.phone_number_invalid, c.phone_number_invalid_reason)
                   order by c.first_name)
                   from public.contacts c where c.team_id = tests.team_id('buyers')),
    'tasks', (select jsonb_agg(jsonb_build_array(c.first_name, t.source, t.task_type, t.title, t.notes, t.due_at,
                t.priority, t.status, t.assigned_to_user_id, a.disposition_code) order by c.first_name, t.source,
                t.due_at, t.status, t.task_type, a.disposition_code)
                from public.tasks t join public.contacts c on c.id = t.contact_id
                left join public.contact_activities a on a.id = t.source_activity_id
               where c.team_id = tests.team_id('buyers')),
    'suppressions', (select jsonb_agg(jsonb_build_array(c.first_name, s.suppression_type, s.reason, s.phone_e164,
                       s.created_at, s.expires_at, a.disposition_code) order by c.first_name, s.created_at, s.suppression_type)
                       from public.suppressions s join public.contacts c on c.id = s.contact_id
                       left join public.contact_activities a on a.id = s.source_activity_id
                      where c.team_id = tests.team_id('buyers')),
    'workflows', (select jsonb_agg(jsonb_build_array(c.first_name, w.workflow_name, w.status, w.requested_at,
                    w.requested_by_user_id, w.workflow_config, j.id is not null) order by c.first_name, w.requested_at, w.workflow_name)
                    from public.workflow_runs w join public.contacts c on c.id = w.contact_id
                    left join graphile_worker.jobs j on j.key = w.job_key
                   where c.team_id = tests.team_id('buyers')),
    'applications', (select jsonb_agg(jsonb_build_array(c.first_name, m.phoneburner_disposition_code,
                       d.disposition_code, d.disposition_set_at, d.notes_md5, d.callback_at, t.status, t.task_type,
                       w.workflow_name, w.status) order by c.first_name, d.disposition_set_at)
                       from dialbridge.disposition_applications d
                       join public.contacts c on c.id = d.contact_id
                       join public.contact_activities a on a.id = d.activity_id
                       left join public.disposition_mappings m on m.id = d.mapping_id
                       left join public.tasks t on t.id = d.task_id
                       left join public.workflow_runs w on w.id = d.workflow_run_id
                      where c.team_id = tests.team_id('buyers')),
    'marks', (select jsonb_agg(jsonb_build_array(c.first_name, k.kind, a.disposition_code, k.marked_at) order by c.first_name, k.kind)
                from dialbridge.contact_marks k join public.contacts c on c.id = k.contact_id
                join public.contact_activities a on a.id = k.activity_id
               where c.team_id = tests.team_id('buyers')))
$$;

-- ---------------------------------------------------------------------------------------------------
-- batch 1, then batch 2 (changes): as one call each
-- ---------------------------------------------------------------------------------------------------
savepoint one_at_a_time;
select dialbridge.apply_dispositions(array[:'ann1', :'ann2', :'ann3', :'ben1', :'ben2', :'cal1', :'cal2', :'dee1',
                                           :'eve1', :'fay1', :'fay2']::uuid[]);
select pg_temp.footprint() as batched_1 \gset
-- batch 2: Ann's hot lead becomes NOT_NOW (undo its task and workflow), Gus gets new notes on the same
-- mapping (task updated in place), Fay's mystery gets a mapping later (still unknown here), Eve replayed
select tests.redispose(:'ann2', 'NOT_NOW', 'Not Now', '2026-03-04T15:05:00Z', 'later this year');
select tests.redispose(:'gus1', 'INTERESTED', 'Interested - Send Information', '2026-03-01T10:00:00Z', 'second');
select dialbridge.apply_dispositions(array[:'ann2', :'gus1', :'eve1', :'fay1']::uuid[]);
select pg_temp.footprint() as batched_2 \gset

-- the batch did what the calls ask for (spot checks; the comparison below covers the rest)
select results_eq(
  format($$select contact_status, next_action_type, next_action_notes from contacts where id in (%L, %L, %L) order by first_name$$,
         :'ann', :'ben', :'cal'),
  $$values ('Nurture'::text, 'remarket'::text, 'Not Now: later this year'::text),
           ('Suppressed', null, null),
           ('Invalid', null, null)$$,
  'the batch leaves Ann at her newest disposition, Ben on do-not-call and Cal with an invalid number');
select results_eq(
  format($$select t.task_type, t.status from tasks t where t.contact_id = %L and t.source = 'disposition' order by t.due_at$$, :'dee'),
  $$select 'x'::text, 'x'::text where false$$,
  'Dee''s open callback task makes the CALLBACK_REQUESTED call task unnecessary');

-- ---------------------------------------------------------------------------------------------------
-- the same, one call at a time in the same order
-- ---------------------------------------------------------------------------------------------------
rollback to savepoint one_at_a_time;
select dialbridge.apply_disposition(x) from unnest(array[:'ann1', :'ann2', :'ann3', :'ben1', :'ben2', :'cal1', :'cal2',
                                                        :'dee1', :'eve1', :'fay1', :'fay2']::uuid[]) with ordinality u(x, o) order by o;
select is(pg_temp.footprint(), :'batched_1'::jsonb, 'batch 1 leaves exactly what one call at a time leaves');
select tests.redispose(:'ann2', 'NOT_NOW', 'Not Now', '2026-03-04T15:05:00Z', 'later this year');
select tests.redispose(:'gus1', 'INTERESTED', 'Interested - Send Information', '2026-03-01T10:00:00Z', 'second');
select dialbridge.apply_disposition(x) from unnest(array[:'ann2', :'gus1', :'eve1', :'fay1']::uuid[]) with ordinality u(x, o) order by o;
select is(pg_temp.footprint(), :'batched_2'::jsonb, 'and so does batch 2, which changes dispositions');

-- a batch given twice applies nothing the second time
rollback to savepoint one_at_a_time;
select dialbridge.apply_dispositions(array[:'ann1', :'ann2', :'ann3', :'ben1', :'ben2', :'cal1', :'cal2', :'dee1',
                                           :'eve1', :'fay1', :'fay2', :'ann1', :'ann2']::uuid[]);
select dialbridge.apply_dispositions(array[:'ann1', :'ann2', :'ann3', :'ben1', :'ben2', :'cal1', :'cal2', :'dee1',
                                           :'eve1', :'fay1', :'fay2']::uuid[]);
select is(pg_temp.footprint(), :'batched_1'::jsonb, 'ids given twice, and the whole batch again, change nothing');

select * from finish();
rollback;
