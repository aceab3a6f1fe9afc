-- migrate:up
-- The roll-ups' rules, once. Six roll-up tables (rep_daily_stats, rep_day_totals, session_stats,
-- session_contact_stats, session_totals, segment_daily_stats) used to be written out six times each: the
-- incremental upsert, the zero-row clean-up, the recompute from the raw rows, the comparison, the rebuild,
-- the reclassification after a mapping edit. Now:
--
--   dialbridge.rollup_contribution   one signed, classified contribution (a call, its segment, its reach)
--   dialbridge.rollup_measure_sum    what each measure adds up (what "qualified", "meetings" … mean), once
--   dialbridge.rollup_filter         which contributions each roll-up takes, once
--   dialbridge.rollup_columns        each roll-up's keys (its <table>_key constraint) and measures: its table
--   dialbridge.rollup_select_sql     the grouped select of a roll-up from any source of contributions
--   dialbridge.add_to_<roll-up>      the incremental writers, generated from those rules at migration time
--                                    (dialbridge.generate_rollup_writers): static SQL, cached plans
--   dialbridge.rollup_contributions_from_rows   the raw rows as contributions: what recompute and rebuild read
--
-- and the writers (apply_activity_changes, upsert_segment_deltas, reclassify_totals) and the checks
-- (recompute_rollups, rebuild_rollups) are loops over those. Only the reach of a session (distinct contacts
-- dialled/connected, counted when a contact's calls go from 0 to more) keeps its own incremental rule. The
-- classification of a disposition (outcome group, meeting) is dialbridge.disposition_class, once.
-- Re-runnable.

do $$
begin
  if to_regtype('dialbridge.rollup_contribution') is null then
    create type dialbridge.rollup_contribution as (
      kind text, w integer, day date, team_id uuid, user_id uuid, session_id uuid, contact_id uuid,
      dimension text, value text, disposition_code text, label_key text,
      calls integer, connections integer, decision_maker_conversations integer, gatekeeper_conversations integer,
      voicemails integer, no_answers integer, talk_time_seconds bigint, call_duration_seconds bigint,
      dispositioned_calls integer, callbacks_scheduled integer, outcome_group text, is_meeting boolean,
      contacts_dialed integer, contacts_connected integer);
  end if;
end
$$;
comment on type dialbridge.rollup_contribution is
'One contribution to the roll-ups: kind call (a call or callback row''s facts), classified (the same with its disposition''s outcome group and meeting flag, for the totals), segment (the same for one of its contact''s segment dimensions) or reach (a contact entering or leaving a session''s dialled/connected count); w is its sign (+1 added, −1 taken away).';

-- the classification of a disposition, once (SQL, no SET clause: inlined where it is used). The rule is
-- disposition_outcome_group / disposition_is_meeting over the two lookups (code first, then label);
-- disposition_class does the lookups for a few rows, the raw-rows source joins them in bulk.
create or replace function dialbridge.disposition_outcome_group(p_code_match text, p_code_group text, p_label_group text,
  p_disposition_code text, p_label_key text) returns text
language sql immutable parallel safe
as $$
  select coalesce(case when p_code_match is not null then p_code_group else p_label_group end,
                  case when p_disposition_code <> '' or p_label_key <> '' then 'unmapped' else 'none' end)
$$;
comment on function dialbridge.disposition_outcome_group(text, text, text, text, text) is
'The outcome group of a disposition from its two mapping lookups: the mapping matched by code wins, then by label; unmapped when neither matches, none when there is no disposition.';
revoke all on function dialbridge.disposition_outcome_group(text, text, text, text, text) from public;

create or replace function dialbridge.disposition_is_meeting(p_code_match text, p_code_meeting boolean, p_label_meeting boolean)
returns boolean
language sql immutable parallel safe
as $$ select coalesce(case when p_code_match is not null then p_code_meeting else p_label_meeting end, false) $$;
comment on function dialbridge.disposition_is_meeting(text, boolean, boolean) is
'Whether a disposition books a meeting, from its two mapping lookups (code first, then label).';
revoke all on function dialbridge.disposition_is_meeting(text, boolean, boolean) from public;

create or replace function dialbridge.disposition_class(p_disposition_code text, p_label_key text)
returns table (outcome_group text, is_meeting boolean)
language sql stable parallel safe
as $$
  select dialbridge.disposition_outcome_group(cc.match_key, cc.outcome_group, cl.outcome_group, p_disposition_code, p_label_key),
         dialbridge.disposition_is_meeting(cc.match_key, cc.is_meeting, cl.is_meeting)
    from (select 1) one
    left join dialbridge.disposition_classes cc on p_disposition_code <> '' and cc.match_key operator(pg_catalog.=) ('c:' || p_disposition_code)
    left join dialbridge.disposition_classes cl on p_label_key <> '' and cl.match_key operator(pg_catalog.=) ('l:' || p_label_key)
$$;
comment on function dialbridge.disposition_class(text, text) is
'The outcome group and meeting flag of a (normalised) disposition code and label key (dialbridge.disposition_outcome_group, disposition_is_meeting over the mapping lookups).';
revoke all on function dialbridge.disposition_class(text, text) from public;

create or replace function dialbridge.rollup_measure_sum(p_measure text) returns text
language sql immutable parallel safe set search_path = ''
as $$
  select case p_measure
    when 'qualified' then $m$coalesce(sum(s.w * s.calls) filter (where s.outcome_group = 'qualified'), 0)$m$
    when 'nurture' then $m$coalesce(sum(s.w * s.calls) filter (where s.outcome_group = 'nurture'), 0)$m$
    when 'disqualified' then $m$coalesce(sum(s.w * s.calls) filter (where s.outcome_group = 'disqualified'), 0)$m$
    when 'suppressed' then $m$coalesce(sum(s.w * s.calls) filter (where s.outcome_group = 'suppressed'), 0)$m$
    when 'other_dispositions' then $m$coalesce(sum(s.w * s.calls) filter (where s.outcome_group in ('attempted', 'invalid', 'other')), 0)$m$
    when 'unmapped_dispositions' then $m$coalesce(sum(s.w * s.calls) filter (where s.outcome_group = 'unmapped'), 0)$m$
    when 'meetings' then $m$coalesce(sum(s.w * s.calls) filter (where s.is_meeting), 0)$m$
    else 'coalesce(sum(s.w * s.' || pg_catalog.quote_ident(p_measure) || '), 0)'
  end
$$;
comment on function dialbridge.rollup_measure_sum(text) is
'What a roll-up measure adds up over a source s of dialbridge.rollup_contribution rows (SQL text): the
classified measures count calls by outcome group (qualified, nurture, disqualified, suppressed, other =
attempted/invalid/other, unmapped) or meeting; every other measure is the sum of its signed column.';
revoke all on function dialbridge.rollup_measure_sum(text) from public;

create or replace function dialbridge.rollup_filter(p_rollup text) returns text
language sql immutable parallel safe set search_path = ''
as $$
  select case p_rollup
    when 'rep_daily_stats' then $f$s.kind = 'call'$f$
    when 'rep_day_totals' then $f$s.kind = 'classified'$f$
    when 'session_stats' then $f$s.kind = 'call' and s.session_id is not null$f$
    when 'session_contact_stats' then $f$s.kind = 'call' and s.session_id is not null and s.contact_id is not null and s.calls = 1$f$
    when 'session_totals' then $f$s.kind in ('classified', 'reach') and s.session_id is not null$f$
    when 'segment_daily_stats' then $f$s.kind = 'segment'$f$
  end
$$;
comment on function dialbridge.rollup_filter(text) is
'Which contributions a roll-up takes (SQL text over a source s of dialbridge.rollup_contribution rows); null for a table that is not a roll-up.';
revoke all on function dialbridge.rollup_filter(text) from public;

create or replace function dialbridge.rollups() returns setof text
language sql immutable parallel safe set search_path = ''
as $$
  select x from unnest(array['rep_daily_stats', 'rep_day_totals', 'session_stats', 'session_contact_stats',
                             'session_totals', 'segment_daily_stats']) with ordinality as u(x, n) order by n
$$;
comment on function dialbridge.rollups() is
'The roll-up tables (schema dialbridge), in the order every writer locks them.';
revoke all on function dialbridge.rollups() from public;

create or replace function dialbridge.rollup_columns(p_rollup text)
returns table (col text, sql_type text, is_key boolean, ord integer)
language sql stable set search_path = ''
as $$
  select a.attname::text, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnum = any (k.conkey), a.attnum::integer
    from pg_catalog.pg_attribute a
    join pg_catalog.pg_constraint k on k.conrelid = a.attrelid and k.conname = p_rollup || '_key'
   where a.attrelid = pg_catalog.to_regclass('dialbridge.' || p_rollup) and a.attnum > 0 and not a.attisdropped
     and a.attname not in ('id', 'updated_at', 'created_at')
   order by a.attnum
$$;
comment on function dialbridge.rollup_columns(text) is
'A roll-up''s columns as its table defines them: the keys (its <table>_key unique constraint) and the measures (every other column but id and updated_at), with their types, in table order.';
revoke all on function dialbridge.rollup_columns(text) from public;

create or replace function dialbridge.rollup_select_sql(p_rollup text, p_source text) returns text
language plpgsql stable set search_path = ''
as $$
declare
  v_keys text;
  v_sums text;
begin
  select pg_catalog.string_agg('s.' || pg_catalog.quote_ident(c.col), ', ' order by c.ord) filter (where c.is_key),
         pg_catalog.string_agg(dialbridge.rollup_measure_sum(c.col) || '::' || c.sql_type || ' as ' || pg_catalog.quote_ident(c.col),
                               ', ' order by c.ord) filter (where not c.is_key)
    into v_keys, v_sums
    from dialbridge.rollup_columns(p_rollup) c;
  if v_keys is null or dialbridge.rollup_filter(p_rollup) is null then
    raise exception 'not a roll-up: %', p_rollup;
  end if;
  return pg_catalog.format('select %s, %s from (%s) s where %s group by %s',
    v_keys, v_sums, p_source, dialbridge.rollup_filter(p_rollup), v_keys);
end
$$;
comment on function dialbridge.rollup_select_sql(text, text) is
'The grouped select of a roll-up (its keys and measures, typed as its table) from any source of
dialbridge.rollup_contribution rows (SQL text): the one place a roll-up''s rows are computed, for the
incremental writers, the recompute and the rebuild alike.';
revoke all on function dialbridge.rollup_select_sql(text, text) from public;

create or replace function dialbridge.rollup_writer_sql(p_rollup text) returns text
language plpgsql stable set search_path = ''
as $$
declare
  v_keys text;
  v_measures text;
  v_set text;
  v_nonzero text;
  v_returning text;
  v_zero_check text;
begin
  select pg_catalog.string_agg(pg_catalog.quote_ident(c.col), ', ' order by c.ord) filter (where c.is_key),
         pg_catalog.string_agg(pg_catalog.quote_ident(c.col), ', ' order by c.ord) filter (where not c.is_key),
         pg_catalog.string_agg(pg_catalog.format('%1$I = t.%1$I + excluded.%1$I', c.col), ', ' order by c.ord) filter (where not c.is_key),
         pg_catalog.string_agg(pg_catalog.format('g.%I <> 0', c.col), ' or ' order by c.ord) filter (where not c.is_key),
         pg_catalog.string_agg(pg_catalog.format('t.%I', c.col), ', ' order by c.ord) filter (where not c.is_key),
         pg_catalog.string_agg(pg_catalog.format('up.%I = 0', c.col), ' and ' order by c.ord) filter (where not c.is_key)
    into v_keys, v_measures, v_set, v_nonzero, v_returning, v_zero_check
    from dialbridge.rollup_columns(p_rollup) c;
  return pg_catalog.format($f$
create or replace function dialbridge.%1$I(p_rows dialbridge.rollup_contribution[]) returns void
language plpgsql volatile
as $fn$
declare
  v_zero bigint[];
begin
  if coalesce(pg_catalog.cardinality(p_rows), 0) = 0 then
    return;
  end if;
  with g as (
    %2$s
  ), up as (
    insert into dialbridge.%3$I as t (%4$s, %5$s)
    select %4$s, %5$s from g where %6$s order by %4$s
    on conflict (%4$s) do update set %7$s, updated_at = now()
    returning t.id, %8$s
  )
  select coalesce(pg_catalog.array_agg(up.id), '{}') into v_zero from up where %9$s;
  if pg_catalog.cardinality(v_zero) > 0 then
    delete from dialbridge.%3$I s where s.id = any (v_zero);
  end if;
end
$fn$;
comment on function dialbridge.%1$I(dialbridge.rollup_contribution[]) is
'Adds signed contributions to dialbridge.%3$s: upserts their sums by its key (in key order, so concurrent
writers lock rows in one order) and deletes rows that fell back to all zeros. GENERATED by
dialbridge.generate_rollup_writers() from the roll-up rules (rollup_measure_sum, rollup_filter, the
table''s columns): do not edit; change the rules and run the generator in a migration. No SET clause (a
configuration save and restore per call on the hot path): every name in it is schema-qualified, and only
dialbridge''s own functions (search_path '''') call it.';
revoke all on function dialbridge.%1$I(dialbridge.rollup_contribution[]) from public;
$f$,
    'add_to_' || p_rollup,
    dialbridge.rollup_select_sql(p_rollup, 'select * from pg_catalog.unnest(p_rows)'),
    p_rollup, v_keys, v_measures, v_nonzero, v_set, v_returning, v_zero_check);
end
$$;
comment on function dialbridge.rollup_writer_sql(text) is
'The definition (SQL text) of a roll-up''s incremental writer dialbridge.add_to_<roll-up>, generated from the
roll-up rules: static SQL, so its plan is cached like any other function''s.';
revoke all on function dialbridge.rollup_writer_sql(text) from public;

create or replace function dialbridge.generate_rollup_writers() returns setof text
language plpgsql volatile set search_path = ''
as $$
declare
  r text;
begin
  for r in select x from dialbridge.rollups() x where x <> 'session_contact_stats' loop
    execute dialbridge.rollup_writer_sql(r);
    return next 'dialbridge.add_to_' || r;
  end loop;
end
$$;
comment on function dialbridge.generate_rollup_writers() is
'(Re)creates every roll-up''s incremental writer, dialbridge.add_to_<roll-up>, from the roll-up rules; run
it in the migration that changes a rule (a measure, a filter, a roll-up table''s columns). Returns the
functions written. session_contact_stats keeps its own writer (the sessions'' reach).';
revoke all on function dialbridge.generate_rollup_writers() from public;

select dialbridge.generate_rollup_writers();
drop function if exists dialbridge.add_to_rollup(text, dialbridge.rollup_contribution[]);

-- ---------------------------------------------------------------------------------------------------
-- the raw rows as contributions (what the roll-ups must equal)
-- ---------------------------------------------------------------------------------------------------
create or replace view dialbridge.rollup_contributions_from_rows as
-- four branches, each reading the rows itself, every column typed exactly alike (so the planner flattens
-- the union: a roll-up's filter keeps its kinds and the other branches are never run — the
-- classification only for the totals)
select 'call'::text as kind, 1 as w, f.day, f.team_id, f.user_id, f.session_id, f.contact_id, null::text as dimension,
       null::text as value, f.disposition_code, f.label_key, f.calls, f.connections, f.decision_maker_conversations,
       f.gatekeeper_conversations, f.voicemails, f.no_answers, f.talk_time_seconds, f.call_duration_seconds,
       f.dispositioned_calls, f.callbacks_scheduled, null::text as outcome_group, false as is_meeting,
       0 as contacts_dialed, 0 as contacts_connected
  from public.contact_activities a
 cross join lateral dialbridge.activity_facts(a) f
union all
select 'classified'::text, 1, f.day, f.team_id, f.user_id, f.session_id, f.contact_id, null::text, null::text,
       f.disposition_code, f.label_key, f.calls, f.connections, f.decision_maker_conversations,
       f.gatekeeper_conversations, f.voicemails, f.no_answers, f.talk_time_seconds, f.call_duration_seconds,
       f.dispositioned_calls, f.callbacks_scheduled,
       dialbridge.disposition_outcome_group(cc.match_key, cc.outcome_group, cl.outcome_group, f.disposition_code, f.label_key),
       dialbridge.disposition_is_meeting(cc.match_key, cc.is_meeting, cl.is_meeting), 0, 0
  from public.contact_activities a
 cross join lateral dialbridge.activity_facts(a) f
  left join dialbridge.disposition_classes cc on f.disposition_code <> '' and cc.match_key = 'c:' || f.disposition_code
  left join dialbridge.disposition_classes cl on f.label_key <> '' and cl.match_key = 'l:' || f.label_key
union all
select 'segment'::text, 1, f.day, f.team_id, f.user_id, f.session_id, f.contact_id, s.dimension, s.value, f.disposition_code,
       f.label_key, f.calls, f.connections, f.decision_maker_conversations, f.gatekeeper_conversations, f.voicemails,
       f.no_answers, f.talk_time_seconds, f.call_duration_seconds, f.dispositioned_calls, f.callbacks_scheduled,
       null::text, false, 0, 0
  from public.contact_activities a
 cross join lateral dialbridge.activity_facts(a) f
  left join public.contacts c on c.id = f.contact_id
 cross join lateral dialbridge.contact_segment_values(c.contact_type, c.list_source, c.industry, c.state, c.country) s
union all
select 'reach'::text, 1, null::date, r.team_id, null::uuid, r.session_id, r.contact_id, null::text, null::text, null::text,
       null::text, 0, 0, 0, 0, 0, 0, 0::bigint, 0::bigint, 0, 0, null::text, false, (r.calls > 0)::integer,
       (r.connections > 0)::integer
  from (select f.session_id, f.team_id, f.contact_id, sum(f.calls) as calls, sum(f.connections) as connections
          from public.contact_activities a
         cross join lateral dialbridge.activity_facts(a) f
         where f.session_id is not null and f.contact_id is not null and f.calls = 1
         group by f.session_id, f.team_id, f.contact_id) r;
comment on view dialbridge.rollup_contributions_from_rows is
'Every contact_activities row''s contributions to the roll-ups as the raw rows and the current mappings say (calls, their segments, sessions'' reach): every roll-up must equal dialbridge.rollup_select_sql over it.';
revoke all on table dialbridge.rollup_contributions_from_rows from public, anon, authenticated;
grant select on table dialbridge.rollup_contributions_from_rows to service_role;

-- ---------------------------------------------------------------------------------------------------
-- the writers
-- ---------------------------------------------------------------------------------------------------
create or replace function dialbridge.activity_deltas(p_old public.contact_activities[], p_new public.contact_activities[])
returns dialbridge.activity_delta[]
language sql stable set search_path = ''
as $$
  select pg_catalog.array_agg(row(d.sign, d.day, d.team_id, d.user_id, d.session_id, d.contact_id, d.disposition_code,
           d.label_key, d.calls, d.connections, d.decision_maker_conversations, d.gatekeeper_conversations, d.voicemails,
           d.no_answers, d.talk_time_seconds, d.call_duration_seconds, d.dispositioned_calls, d.callbacks_scheduled,
           k.outcome_group, k.is_meeting)::dialbridge.activity_delta)
    from (select -1 as sign, f.* from pg_catalog.unnest(p_old) o cross join lateral dialbridge.activity_facts(o) f
          union all
          select 1, f.* from pg_catalog.unnest(p_new) n cross join lateral dialbridge.activity_facts(n) f) d
   cross join lateral dialbridge.disposition_class(d.disposition_code, d.label_key) k
$$;
comment on function dialbridge.activity_deltas(public.contact_activities[], public.contact_activities[]) is
'The signed, classified contributions of old and new contact_activities rows (old −1, new +1): what
every roll-up adds up. Classification by dialbridge.disposition_class (code first, then label).';

create or replace function dialbridge.apply_activity_changes(p_old public.contact_activities[], p_new public.contact_activities[])
returns void
language plpgsql volatile set search_path = ''
as $$
declare
  v_deltas dialbridge.activity_delta[];
  v_contacts uuid[];
  v_rescore uuid[];
  v_rows dialbridge.rollup_contribution[];
  v_reach dialbridge.rollup_contribution[];
  v_zero bigint[];
begin
  v_deltas := dialbridge.activity_deltas(p_old, p_new);
  if v_deltas is null then
    return;  -- no call or callback among the rows
  end if;

  -- Contacts first, in id order: their segment columns are read below and their score written last.
  select coalesce(pg_catalog.array_agg(distinct d.contact_id order by d.contact_id), '{}') into v_contacts
    from pg_catalog.unnest(v_deltas) d where d.contact_id is not null;
  perform 1 from public.contacts c where c.id = any (v_contacts) order by c.id for no key update;

  -- The contributions: each call's, classified (for the totals), and for each of its contact's current
  -- segment dimensions
  select coalesce(pg_catalog.array_agg(x.c), '{}') into v_rows
    from (select row(k.kind, d.sign, d.day, d.team_id, d.user_id, d.session_id, d.contact_id, null, null, d.disposition_code,
                     d.label_key, d.calls, d.connections, d.decision_maker_conversations, d.gatekeeper_conversations,
                     d.voicemails, d.no_answers, d.talk_time_seconds, d.call_duration_seconds, d.dispositioned_calls,
                     d.callbacks_scheduled, d.outcome_group, d.is_meeting, 0, 0)::dialbridge.rollup_contribution as c
            from pg_catalog.unnest(v_deltas) d cross join (values ('call'), ('classified')) as k(kind)
          union all
          select row('segment', d.sign, d.day, d.team_id, d.user_id, d.session_id, d.contact_id, s.dimension, s.value,
                     d.disposition_code, d.label_key, d.calls, d.connections, d.decision_maker_conversations,
                     d.gatekeeper_conversations, d.voicemails, d.no_answers, d.talk_time_seconds, d.call_duration_seconds,
                     d.dispositioned_calls, d.callbacks_scheduled, d.outcome_group, d.is_meeting, 0, 0)::dialbridge.rollup_contribution
            from pg_catalog.unnest(v_deltas) d
            left join public.contacts c on c.id = d.contact_id
           cross join lateral dialbridge.contact_segment_values(c.contact_type, c.list_source, c.industry, c.state, c.country) s) x;

  -- In the lock order every writer shares (dialbridge.rollups())
  perform dialbridge.add_to_rep_daily_stats(v_rows);
  perform dialbridge.add_to_rep_day_totals(v_rows);
  perform dialbridge.add_to_session_stats(v_rows);

  -- Per session and contact, with the reach it changes: a contact counts in its session's contacts dialed
  -- (connected) when its calls (connections) there go from 0 to more, and stops when they fall back to 0.
  -- old = new − delta, since the upsert added the delta.
  with sc as (
    select r.session_id, r.team_id, r.contact_id, sum(r.w * r.calls)::integer as calls, sum(r.w * r.connections)::integer as connections
      from pg_catalog.unnest(v_rows) r
     where r.kind = 'call' and r.session_id is not null and r.contact_id is not null and r.calls = 1
     group by r.session_id, r.team_id, r.contact_id
    having sum(r.w * r.calls) <> 0 or sum(r.w * r.connections) <> 0
  ), up as (
    insert into dialbridge.session_contact_stats as t (session_id, team_id, contact_id, calls, connections)
    select sc.session_id, sc.team_id, sc.contact_id, sc.calls, sc.connections
      from sc
     order by sc.session_id, sc.team_id, sc.contact_id
    on conflict (session_id, team_id, contact_id) do update
       set calls = t.calls + excluded.calls, connections = t.connections + excluded.connections, updated_at = now()
    returning t.id, t.session_id, t.team_id, t.contact_id, t.calls, t.connections
  ), moved as (
    select up.id, up.session_id, up.team_id, up.contact_id, up.calls, up.connections,
           (up.calls > 0)::integer - ((up.calls - sc.calls) > 0)::integer as dialed,
           (up.connections > 0)::integer - ((up.connections - sc.connections) > 0)::integer as connected
      from up
      join sc on sc.session_id = up.session_id and sc.team_id is not distinct from up.team_id and sc.contact_id = up.contact_id
  )
  select coalesce(pg_catalog.array_agg(m.id) filter (where m.calls = 0 and m.connections = 0), '{}'),
         coalesce(pg_catalog.array_agg(row('reach', 1, null, m.team_id, null, m.session_id, m.contact_id, null, null, null, null,
                    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, false, m.dialed, m.connected)::dialbridge.rollup_contribution)
                  filter (where m.dialed <> 0 or m.connected <> 0), '{}')
    into v_zero, v_reach
    from moved m;
  if pg_catalog.cardinality(v_zero) > 0 then
    delete from dialbridge.session_contact_stats s where s.id = any (v_zero);
  end if;

  perform dialbridge.add_to_session_totals(v_rows || v_reach);
  perform dialbridge.add_to_segment_daily_stats(v_rows);

  -- Contacts whose calls changed are marked for rescoring (an update that changed nothing a report counts
  -- cancels out here and nothing is marked).
  select coalesce(pg_catalog.array_agg(distinct x.contact_id), '{}') into v_rescore
    from (select d.contact_id
            from pg_catalog.unnest(v_deltas) d
           where d.contact_id is not null and d.calls = 1
           group by d.contact_id, d.day, d.team_id, d.user_id, d.session_id, d.disposition_code, d.label_key,
                    d.connections, d.decision_maker_conversations, d.gatekeeper_conversations, d.voicemails, d.no_answers,
                    d.talk_time_seconds, d.call_duration_seconds, d.dispositioned_calls, d.callbacks_scheduled
          having sum(d.sign) <> 0) x;
  if pg_catalog.cardinality(v_rescore) > 0 then
    perform dialbridge.mark_contacts_for_scoring(v_rescore);
  end if;
end
$$;
comment on function dialbridge.apply_activity_changes(public.contact_activities[], public.contact_activities[]) is
'Applies a change of contact_activities rows to every roll-up: the old rows'' contributions are
subtracted, the new rows'' added (the generated dialbridge.add_to_<roll-up> writers; a session''s reach by
its own rule). Lock
order, shared by every writer: the contacts involved (by id), then the roll-ups in dialbridge.rollups()
order (each in key order). Finally every contact whose calls changed is marked for rescoring
(dialbridge.mark_contacts_for_scoring: the contacts__score job recomputes it moments later, off this path,
since a score reads the contact''s whole history); the score is always derived from the calls.';

create or replace function dialbridge.upsert_segment_deltas(p_deltas dialbridge.segment_delta[]) returns void
language plpgsql volatile set search_path = ''
as $$
begin
  perform dialbridge.add_to_segment_daily_stats(array(
    select row('segment', 1, d.day, d.team_id, null, null, null, d.dimension, d.value, d.disposition_code, d.label_key,
               d.calls, d.connections, d.decision_maker_conversations, d.gatekeeper_conversations, d.voicemails,
               d.no_answers, d.talk_time_seconds, d.call_duration_seconds, d.dispositioned_calls, d.callbacks_scheduled,
               null, false, 0, 0)::dialbridge.rollup_contribution
      from pg_catalog.unnest(p_deltas) d));
end
$$;
comment on function dialbridge.upsert_segment_deltas(dialbridge.segment_delta[]) is
'Adds signed segment contributions (a contact moving between segments) to segment_daily_stats through dialbridge.add_to_segment_daily_stats.';

-- ---------------------------------------------------------------------------------------------------
-- rebuilding and checking
-- ---------------------------------------------------------------------------------------------------
create or replace function dialbridge.rebuild_rollup(p_rollup text, p_source text) returns void
language plpgsql volatile set search_path = ''
as $$
declare
  v_columns text;
begin
  select pg_catalog.string_agg(pg_catalog.quote_ident(c.col), ', ' order by (not c.is_key), c.ord) into v_columns
    from dialbridge.rollup_columns(p_rollup) c;
  execute pg_catalog.format('delete from dialbridge.%I', p_rollup);
  execute pg_catalog.format('insert into dialbridge.%I (%s) %s', p_rollup, v_columns, dialbridge.rollup_select_sql(p_rollup, p_source));
end
$$;
comment on function dialbridge.rebuild_rollup(text, text) is
'Replaces a roll-up''s rows with what a source of contributions (SQL text) adds up to. The caller holds the roll-up locks.';
revoke all on function dialbridge.rebuild_rollup(text, text) from public;

create or replace function dialbridge.reclassify_totals() returns void
language plpgsql volatile set search_path = ''
as $$
begin
  lock table dialbridge.rep_day_totals, dialbridge.session_totals in exclusive mode;
  -- the totals from the per-disposition roll-ups, classified by the current mappings
  perform dialbridge.rebuild_rollup('rep_day_totals', $s$
    select 'classified'::text as kind, 1 as w, r.day, r.team_id, r.user_id, null::uuid as session_id, null::uuid as contact_id,
           null::text as dimension, null::text as value, r.disposition_code, r.label_key, r.calls, r.connections,
           r.decision_maker_conversations, r.gatekeeper_conversations, r.voicemails, r.no_answers, r.talk_time_seconds,
           r.call_duration_seconds, r.dispositioned_calls, r.callbacks_scheduled, k.outcome_group, k.is_meeting,
           0 as contacts_dialed, 0 as contacts_connected
      from dialbridge.rep_daily_stats r cross join lateral dialbridge.disposition_class(r.disposition_code, r.label_key) k$s$);
  perform dialbridge.rebuild_rollup('session_totals', $s$
    select 'classified'::text as kind, 1 as w, null::date as day, r.team_id, null::uuid as user_id, r.session_id, null::uuid as contact_id,
           null::text as dimension, null::text as value, r.disposition_code, r.label_key, r.calls, r.connections,
           r.decision_maker_conversations, r.gatekeeper_conversations, r.voicemails, r.no_answers, r.talk_time_seconds,
           r.call_duration_seconds, r.dispositioned_calls, r.callbacks_scheduled, k.outcome_group, k.is_meeting,
           0 as contacts_dialed, 0 as contacts_connected
      from dialbridge.session_stats r cross join lateral dialbridge.disposition_class(r.disposition_code, r.label_key) k
    union all
    select 'reach', 1, null, s.team_id, null, s.session_id, s.contact_id, null, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
           null, false, (s.calls > 0)::integer, (s.connections > 0)::integer
      from dialbridge.session_contact_stats s$s$);
end
$$;
comment on function dialbridge.reclassify_totals() is
'Recomputes rep_day_totals and session_totals from the per-disposition roll-ups (and the sessions'' reach)
under the current mappings: run when a mapping''s classification changes (trigger on disposition_mappings)
and by the rebuild.';

create or replace function dialbridge.rebuild_rollups() returns void
language plpgsql volatile set search_path = ''
as $$
declare
  r text;
begin
  lock table dialbridge.rep_daily_stats, dialbridge.rep_day_totals, dialbridge.session_stats,
             dialbridge.session_contact_stats, dialbridge.session_totals, dialbridge.segment_daily_stats in exclusive mode;
  foreach r in array array['rep_daily_stats', 'session_stats', 'session_contact_stats', 'segment_daily_stats'] loop
    perform dialbridge.rebuild_rollup(r, 'select * from dialbridge.rollup_contributions_from_rows');
  end loop;
  perform dialbridge.reclassify_totals();
end
$$;
comment on function dialbridge.rebuild_rollups() is
'Rebuilds every roll-up from the raw rows (dialbridge.rollup_contributions_from_rows; the totals from the
per-disposition roll-ups). Takes EXCLUSIVE locks on the roll-up tables (reads go on; writers — the
triggers — wait), in the same order the triggers lock them.';

create or replace function dialbridge.recompute_rollups(p_repair boolean default true)
returns table (rollup text, differences bigint)
language plpgsql volatile set search_path = ''
as $$
declare
  v_total bigint := 0;
  v_columns text;
  r text;
begin
  if p_repair then
    lock table dialbridge.rep_daily_stats, dialbridge.rep_day_totals, dialbridge.session_stats,
               dialbridge.session_contact_stats, dialbridge.session_totals, dialbridge.segment_daily_stats in exclusive mode;
  end if;
  for r in select * from dialbridge.rollups() loop
    select pg_catalog.string_agg('s.' || pg_catalog.quote_ident(c.col), ', ' order by (not c.is_key), c.ord) into v_columns
      from dialbridge.rollup_columns(r) c;
    execute pg_catalog.format($q$
      with e as materialized (%1$s),
           t as materialized (select %2$s from dialbridge.%3$I s)
      select count(*) from ((select * from t except all select * from e)
                            union all
                            (select * from e except all select * from t)) x$q$,
      dialbridge.rollup_select_sql(r, 'select * from dialbridge.rollup_contributions_from_rows'), v_columns, r)
      into differences;
    rollup := r;
    v_total := v_total + differences;
    return next;
  end loop;
  if p_repair and v_total > 0 then
    perform dialbridge.rebuild_rollups();
  end if;
end
$$;
comment on function dialbridge.recompute_rollups(boolean) is
'Compares every roll-up with a recompute from the raw rows (dialbridge.rollup_contributions_from_rows):
one row per roll-up with the number of differing rows (a missing or extra row counts once, a changed row
twice). With p_repair, takes the roll-up locks first (so the comparison is exact under concurrent writes)
and rebuilds them all when any difference is found. Without it, each comparison is one statement,
consistent with itself.';

-- the hand-written recomputes they replace
drop function if exists dialbridge.expected_rep_daily_stats();
drop function if exists dialbridge.expected_rep_day_totals();
drop function if exists dialbridge.expected_session_stats();
drop function if exists dialbridge.expected_session_contact_stats();
drop function if exists dialbridge.expected_session_totals();
drop function if exists dialbridge.expected_segment_daily_stats();


-- migrate:down
