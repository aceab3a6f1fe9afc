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
--   dialbridge.add_to_rollup         the incremental upsert (and clean-up) every writer uses
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
'One contribution to the roll-ups: kind call (a call or callback row''s facts), segment (the same for one of its contact''s segment dimensions) or reach (a contact entering or leaving a session''s dialled/connected count); w is its sign (+1 added, −1 taken away).';

-- the classification of a disposition, once (SQL, no SET clause: inlined where it is used)
create or replace function dialbridge.disposition_class(p_disposition_code text, p_label_key text)
returns table (outcome_group text, is_meeting boolean)
language sql stable parallel safe
as $$
  select coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end,
                  case when p_disposition_code <> '' or p_label_key <> '' then 'unmapped' else 'none' end),
         coalesce(case when cc.match_key is not null then cc.is_meeting else cl.is_meeting end, false)
    from (select 1) one
    left join dialbridge.disposition_classes cc on p_disposition_code <> '' and cc.match_key operator(pg_catalog.=) ('c:' || p_disposition_code)
    left join dialbridge.disposition_classes cl on p_label_key <> '' and cl.match_key operator(pg_catalog.=) ('l:' || p_label_key)
$$;
comment on function dialbridge.disposition_class(text, text) is
'The outcome group and meeting flag of a (normalised) disposition code and label key: the mapping matched by code first, then by label; unmapped when neither matches, none when there is no disposition.';
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
    when 'rep_day_totals' then $f$s.kind = 'call'$f$
    when 'session_stats' then $f$s.kind = 'call' and s.session_id is not null$f$
    when 'session_contact_stats' then $f$s.kind = 'call' and s.session_id is not null and s.contact_id is not null and s.calls = 1$f$
    when 'session_totals' then $f$s.kind in ('call', 'reach') and s.session_id is not null$f$
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

create or replace function dialbridge.add_to_rollup(p_rollup text, p_rows dialbridge.rollup_contribution[])
returns void
language plpgsql volatile set search_path = ''
as $$
declare
  v_keys text;
  v_measures text;
  v_set text;
  v_nonzero text;
  v_returning text;
  v_zero_check text;
  v_zero bigint[];
begin
  if coalesce(pg_catalog.cardinality(p_rows), 0) = 0 then
    return;
  end if;
  select pg_catalog.string_agg(pg_catalog.quote_ident(c.col), ', ' order by c.ord) filter (where c.is_key),
         pg_catalog.string_agg(pg_catalog.quote_ident(c.col), ', ' order by c.ord) filter (where not c.is_key),
         pg_catalog.string_agg(pg_catalog.format('%1$I = t.%1$I + excluded.%1$I', c.col), ', ' order by c.ord) filter (where not c.is_key),
         pg_catalog.string_agg(pg_catalog.format('g.%I <> 0', c.col), ' or ' order by c.ord) filter (where not c.is_key),
         pg_catalog.string_agg(pg_catalog.format('t.%I', c.col), ', ' order by c.ord) filter (where not c.is_key),
         pg_catalog.string_agg(pg_catalog.format('up.%I = 0', c.col), ' and ' order by c.ord) filter (where not c.is_key)
    into v_keys, v_measures, v_set, v_nonzero, v_returning, v_zero_check
    from dialbridge.rollup_columns(p_rollup) c;
  execute pg_catalog.format($q$
    with g as (%1$s), up as (
      insert into dialbridge.%2$I as t (%3$s, %4$s)
      select %3$s, %4$s from g where %5$s order by %3$s
      on conflict (%3$s) do update set %6$s, updated_at = now()
      returning t.id, %7$s)
    select coalesce(pg_catalog.array_agg(up.id), '{}') from up where %8$s$q$,
    dialbridge.rollup_select_sql(p_rollup, 'select * from pg_catalog.unnest($1::dialbridge.rollup_contribution[])'),
    p_rollup, v_keys, v_measures, v_nonzero, v_set, v_returning, v_zero_check)
    into v_zero using p_rows;
  if pg_catalog.cardinality(v_zero) > 0 then
    execute pg_catalog.format('delete from dialbridge.%I s where s.id = any ($1)', p_rollup) using v_zero;
  end if;
end
$$;
comment on function dialbridge.add_to_rollup(text, dialbridge.rollup_contribution[]) is
'Adds signed contributions to a roll-up: upserts their sums by the roll-up''s key (in key order, so
concurrent writers lock rows in one order) and deletes rows that fell back to all zeros.';
revoke all on function dialbridge.add_to_rollup(text, dialbridge.rollup_contribution[]) from public;

-- ---------------------------------------------------------------------------------------------------
-- the raw rows as contributions (what the roll-ups must equal)
-- ---------------------------------------------------------------------------------------------------
create or replace view dialbridge.rollup_contributions_from_rows as
with f as (
  select f.*, k.outcome_group, k.is_meeting, c.contact_type, c.list_source, c.industry, c.state, c.country
    from public.contact_activities a
   cross join lateral dialbridge.activity_facts(a) f
   cross join lateral dialbridge.disposition_class(f.disposition_code, f.label_key) k
    left join public.contacts c on c.id = f.contact_id
)
select 'call'::text as kind, 1 as w, f.day, f.team_id, f.user_id, f.session_id, f.contact_id, null::text as dimension,
       null::text as value, f.disposition_code, f.label_key, f.calls, f.connections, f.decision_maker_conversations,
       f.gatekeeper_conversations, f.voicemails, f.no_answers, f.talk_time_seconds, f.call_duration_seconds,
       f.dispositioned_calls, f.callbacks_scheduled, f.outcome_group, f.is_meeting, 0 as contacts_dialed,
       0 as contacts_connected
  from f
union all
select 'segment', 1, f.day, f.team_id, f.user_id, f.session_id, f.contact_id, s.dimension, s.value, f.disposition_code,
       f.label_key, f.calls, f.connections, f.decision_maker_conversations, f.gatekeeper_conversations, f.voicemails,
       f.no_answers, f.talk_time_seconds, f.call_duration_seconds, f.dispositioned_calls, f.callbacks_scheduled,
       f.outcome_group, f.is_meeting, 0, 0
  from f cross join lateral dialbridge.contact_segment_values(f.contact_type, f.list_source, f.industry, f.state, f.country) s
union all
select 'reach', 1, null, r.team_id, null, r.session_id, r.contact_id, null, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
       null, false, (r.calls > 0)::integer, (r.connections > 0)::integer
  from (select f.session_id, f.team_id, f.contact_id, sum(f.calls) as calls, sum(f.connections) as connections
          from f
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

  -- The contributions: each call's, and the same for each of its contact's current segment dimensions
  select coalesce(pg_catalog.array_agg(x.c), '{}') into v_rows
    from (select row('call', d.sign, d.day, d.team_id, d.user_id, d.session_id, d.contact_id, null, null, d.disposition_code,
                     d.label_key, d.calls, d.connections, d.decision_maker_conversations, d.gatekeeper_conversations,
                     d.voicemails, d.no_answers, d.talk_time_seconds, d.call_duration_seconds, d.dispositioned_calls,
                     d.callbacks_scheduled, d.outcome_group, d.is_meeting, 0, 0)::dialbridge.rollup_contribution as c
            from pg_catalog.unnest(v_deltas) d
          union all
          select row('segment', d.sign, d.day, d.team_id, d.user_id, d.session_id, d.contact_id, s.dimension, s.value,
                     d.disposition_code, d.label_key, d.calls, d.connections, d.decision_maker_conversations,
                     d.gatekeeper_conversations, d.voicemails, d.no_answers, d.talk_time_seconds, d.call_duration_seconds,
                     d.dispositioned_calls, d.callbacks_scheduled, d.outcome_group, d.is_meeting, 0, 0)::dialbridge.rollup_contribution
            from pg_catalog.unnest(v_deltas) d
            left join public.contacts c on c.id = d.contact_id
           cross join lateral dialbridge.contact_segment_values(c.contact_type, c.list_source, c.industry, c.state, c.country) s) x;

  -- In the lock order every writer shares (dialbridge.rollups())
  perform dialbridge.add_to_rollup('rep_daily_stats', v_rows);
  perform dialbridge.add_to_rollup('rep_day_totals', v_rows);
  perform dialbridge.add_to_rollup('session_stats', v_rows);

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

  perform dialbridge.add_to_rollup('session_totals', v_rows || v_reach);
  perform dialbridge.add_to_rollup('segment_daily_stats', v_rows);

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
subtracted, the new rows'' added (dialbridge.add_to_rollup; a session''s reach by its own rule). Lock
order, shared by every writer: the contacts involved (by id), then the roll-ups in dialbridge.rollups()
order (each in key order). Finally every contact whose calls changed is marked for rescoring
(dialbridge.mark_contacts_for_scoring: the contacts__score job recomputes it moments later, off this path,
since a score reads the contact''s whole history); the score is always derived from the calls.';

create or replace function dialbridge.upsert_segment_deltas(p_deltas dialbridge.segment_delta[]) returns void
language plpgsql volatile set search_path = ''
as $$
begin
  perform dialbridge.add_to_rollup('segment_daily_stats', array(
    select row('segment', 1, d.day, d.team_id, null, null, null, d.dimension, d.value, d.disposition_code, d.label_key,
               d.calls, d.connections, d.decision_maker_conversations, d.gatekeeper_conversations, d.voicemails,
               d.no_answers, d.talk_time_seconds, d.call_duration_seconds, d.dispositioned_calls, d.callbacks_scheduled,
               null, false, 0, 0)::dialbridge.rollup_contribution
      from pg_catalog.unnest(p_deltas) d));
end
$$;
comment on function dialbridge.upsert_segment_deltas(dialbridge.segment_delta[]) is
'Adds signed segment contributions (a contact moving between segments) to segment_daily_stats through dialbridge.add_to_rollup.';

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
    select 'call'::text as kind, 1 as w, r.day, r.team_id, r.user_id, null::uuid as session_id, null::uuid as contact_id,
           null::text as dimension, null::text as value, r.disposition_code, r.label_key, r.calls, r.connections,
           r.decision_maker_conversations, r.gatekeeper_conversations, r.voicemails, r.no_answers, r.talk_time_seconds,
           r.call_duration_seconds, r.dispositioned_calls, r.callbacks_scheduled, k.outcome_group, k.is_meeting,
           0 as contacts_dialed, 0 as contacts_connected
      from dialbridge.rep_daily_stats r cross join lateral dialbridge.disposition_class(r.disposition_code, r.label_key) k$s$);
  perform dialbridge.rebuild_rollup('session_totals', $s$
    select 'call'::text as kind, 1 as w, null::date as day, r.team_id, null::uuid as user_id, r.session_id, null::uuid as contact_id,
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
