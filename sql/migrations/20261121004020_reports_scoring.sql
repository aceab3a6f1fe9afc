-- migrate:up
-- Reporting, part 3 (issue 5): the engagement score, its explanation, and the best time to call.
--
-- calculate_contact_engagement_score(contact, as_of) follows seed 000's function, corrected:
--   * a contact with no calls scores the neutral 50 (the seed added NULLs and returned NULL);
--   * only calls made up to as_of count, and recency is measured from as_of (the seed read the clock);
--   * dispositions move the score by their mapping's engagement_score_delta (the seed hard-coded three
--     positive and two negative codes at +10/−15);
--   * the result is clamped to 0–100 and the factors that produced it are stored beside it
--     (dialbridge.contact_scores.breakdown, reports.contact_engagement).
--
--   base                                                         50
--   connection rate   connected calls / calls × 100, ÷ 5, floor   0 … +20   (seed: rate::integer / 5)
--   talk time         average talk time of connected calls        > 60 s +5, > 120 s +10, > 180 s +15
--   dispositions      sum of the mapping deltas of the contact's dispositioned calls, bounded to −50 … +50
--                     (the range of one delta), so one factor cannot drown the others
--   recency           days since the last engaged call           > 30 −5, > 90 −10, > 180 −20 (none: 0)
--   score             clamp(sum, 0, 100)
--
-- Definitions are those of the call statistics (20261121002060): connected = call_outcome 'connected';
-- engaged = connected, talk over 2 minutes and a positive disposition (mapping category positive, else
-- the category the dialer sent).
--
-- One source of truth: the score is never adjusted, always recomputed from the calls — after every change
-- to a contact's calls (the roll-up trigger marks the contact in dialbridge.contacts_to_score and a
-- coalesced contacts__score job rescores the marked contacts moments later: a score reads the contact's
-- whole history, so it stays off the ingest path, whose cost must not grow with history), nightly (job
-- contacts__score, recency moves with time), and after a mapping edit (a debounced contacts__score job).
--
-- Best time to call: from the contact's own connected calls (day of week and hour, in the contact's time
-- zone when it names a valid one, else the reporting time zone) — the day and the hour with the most
-- connections; without any, from its segment's connection rates (contact type and industry, then contact
-- type, then everyone; buckets of at least 20 calls), refreshed nightly into dialbridge.call_hour_stats.

/** The contact's time zone when it is a valid IANA name, else the reporting time zone. */
create or replace function dialbridge.valid_time_zone(p_time_zone text) returns text
language plpgsql stable security invoker set search_path = ''
as $$
begin
  if p_time_zone is null or pg_catalog.btrim(p_time_zone) = '' then
    return dialbridge.report_time_zone();
  end if;
  perform now() at time zone pg_catalog.btrim(p_time_zone);
  return pg_catalog.btrim(p_time_zone);
exception when invalid_parameter_value then
  return dialbridge.report_time_zone();
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- Segment connection rates by day of week and hour (fallback for contacts without connections)
-- ---------------------------------------------------------------------------------------------------
/**
 * Calls and connections per contact segment, ISO day of week and hour (contacts' local time), over the
 * last 365 days. '*' in contact_type / industry is the row for any value. Rebuilt nightly.
 */
create table if not exists dialbridge.call_hour_stats (
  contact_type text not null,
  industry text not null,
  day_of_week integer not null,
  hour integer not null,
  calls integer not null,
  connections integer not null,
  refreshed_at timestamptz not null default now(),
  primary key (contact_type, industry, day_of_week, hour)
);
alter table dialbridge.call_hour_stats enable row level security;
select dialbridge.ensure_constraint('dialbridge.call_hour_stats', 'call_hour_stats_bucket_check',
  $c$check (day_of_week between 1 and 7 and hour between 0 and 23 and connections between 0 and calls)$c$);
comment on table dialbridge.call_hour_stats is 'Connection rates per contact segment, day of week and hour (contact local time), last 365 days; rebuilt nightly. Fallback for the best time to call.';
comment on column dialbridge.call_hour_stats.contact_type is 'Contact type (buyer, seller; '''' when blank; * = any).';
comment on column dialbridge.call_hour_stats.industry is 'Industry ('''' when blank; * = any).';
comment on column dialbridge.call_hour_stats.day_of_week is 'ISO day of week, 1 = Monday.';
comment on column dialbridge.call_hour_stats.hour is 'Hour of day, 0–23, contact local time.';
revoke all on table dialbridge.call_hour_stats from public, anon, authenticated;
grant all on table dialbridge.call_hour_stats to service_role;
-- RLS on, no policy: read by the scoring functions only (aggregates across teams, never shown per team).

/** Rebuilds dialbridge.call_hour_stats from the calls of the 365 days before p_as_of. */
create or replace function dialbridge.refresh_call_hour_stats(p_as_of timestamptz default now()) returns integer
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_rows integer;
begin
  lock table dialbridge.call_hour_stats in exclusive mode;
  delete from dialbridge.call_hour_stats;
  with zones as (
    select z.name from pg_catalog.pg_timezone_names z
  ), calls as (
    select coalesce(c.contact_type, '') as contact_type, coalesce(c.industry, '') as industry,
           (a.call_started_at at time zone coalesce(z.name, dialbridge.report_time_zone())) as local_at,
           (a.call_outcome = 'connected') as connected
      from public.contact_activities a
      join public.contacts c on c.id = a.contact_id
      left join zones z on z.name = pg_catalog.btrim(c.timezone)
     where a.deleted_at is null
       and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
       and a.call_started_at > p_as_of - interval '365 days' and a.call_started_at <= p_as_of
  ), buckets as (
    select c.contact_type, c.industry, pg_catalog.date_part('isodow', c.local_at)::integer as day_of_week,
           pg_catalog.date_part('hour', c.local_at)::integer as hour, c.connected
      from calls c
  )
  insert into dialbridge.call_hour_stats (contact_type, industry, day_of_week, hour, calls, connections, refreshed_at)
  select case when grouping(b.contact_type) = 1 then '*' else b.contact_type end,
         case when grouping(b.industry) = 1 then '*' else b.industry end,
         b.day_of_week, b.hour, count(*)::integer, count(*) filter (where b.connected)::integer, now()
    from buckets b
   group by grouping sets ((b.contact_type, b.industry, b.day_of_week, b.hour),
                           (b.contact_type, b.day_of_week, b.hour),
                           (b.day_of_week, b.hour));
  get diagnostics v_rows = row_count;
  return v_rows;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- Best time to call
-- ---------------------------------------------------------------------------------------------------
/**
 * Best ISO day of week and hour to call a contact, as of a time:
 * {"day_of_week", "time_of_day", "source": contact | segment | everyone, "basis": {...}} — nulls when there
 * is nothing to go on.
 */
create or replace function dialbridge.best_call_time(p_contact_id uuid, p_as_of timestamptz default now())
returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_contact record;
  v_zone text;
  v_day integer;
  v_day_connections integer;
  v_hour integer;
  v_hour_connections integer;
  v_level record;
  v_min_calls constant integer := 20;
begin
  select c.id, c.contact_type, c.industry, c.timezone into v_contact from public.contacts c where c.id = p_contact_id;
  if not found then
    raise exception 'contact % not found', p_contact_id using errcode = 'DB053';
  end if;
  v_zone := dialbridge.valid_time_zone(v_contact.timezone);

  -- The contact's own connections: most connections, then best rate, then the earliest bucket.
  with calls as (
    select (a.call_started_at at time zone v_zone) as local_at, (a.call_outcome = 'connected') as connected
      from public.contact_activities a
     where a.contact_id = p_contact_id and a.deleted_at is null
       and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
       and a.call_started_at is not null and a.call_started_at <= p_as_of
  )
  select b.bucket, b.connections into v_day, v_day_connections
    from (select pg_catalog.date_part('isodow', c.local_at)::integer as bucket,
                 count(*) filter (where c.connected)::integer as connections, count(*) as calls
            from calls c group by 1) b
   where b.connections > 0
   order by b.connections desc, b.connections::numeric / b.calls desc, b.bucket
   limit 1;

  if v_day is not null then
    with calls as (
      select (a.call_started_at at time zone v_zone) as local_at, (a.call_outcome = 'connected') as connected
        from public.contact_activities a
       where a.contact_id = p_contact_id and a.deleted_at is null
         and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
         and a.call_started_at is not null and a.call_started_at <= p_as_of
    )
    select b.bucket, b.connections into v_hour, v_hour_connections
      from (select pg_catalog.date_part('hour', c.local_at)::integer as bucket,
                   count(*) filter (where c.connected)::integer as connections, count(*) as calls
              from calls c group by 1) b
     where b.connections > 0
     order by b.connections desc, b.connections::numeric / b.calls desc, b.bucket
     limit 1;
    return pg_catalog.jsonb_build_object(
      'day_of_week', v_day, 'time_of_day', pg_catalog.make_time(v_hour, 0, 0), 'source', 'contact',
      'time_zone', v_zone,
      'basis', pg_catalog.jsonb_build_object('day_connections', v_day_connections, 'hour_connections', v_hour_connections));
  end if;

  -- No connection yet: the segment's best connection rates, most specific level with enough calls.
  for v_level in
    select * from (values (1, coalesce(v_contact.contact_type, ''), coalesce(v_contact.industry, ''), 'segment'),
                          (2, coalesce(v_contact.contact_type, ''), '*', 'segment'),
                          (3, '*', '*', 'everyone')) as l(rank, contact_type, industry, source)
     order by l.rank
  loop
    select s.day_of_week into v_day
      from (select h.day_of_week, sum(h.calls) as calls, sum(h.connections) as connections
              from dialbridge.call_hour_stats h
             where h.contact_type = v_level.contact_type and h.industry = v_level.industry
             group by h.day_of_week) s
     where s.calls >= v_min_calls and s.connections > 0
     order by s.connections::numeric / s.calls desc, s.connections desc, s.day_of_week
     limit 1;
    select s.hour into v_hour
      from (select h.hour, sum(h.calls) as calls, sum(h.connections) as connections
              from dialbridge.call_hour_stats h
             where h.contact_type = v_level.contact_type and h.industry = v_level.industry
             group by h.hour) s
     where s.calls >= v_min_calls and s.connections > 0
     order by s.connections::numeric / s.calls desc, s.connections desc, s.hour
     limit 1;
    if v_day is not null and v_hour is not null then
      return pg_catalog.jsonb_build_object(
        'day_of_week', v_day, 'time_of_day', pg_catalog.make_time(v_hour, 0, 0), 'source', v_level.source,
        'time_zone', v_zone,
        'basis', pg_catalog.jsonb_build_object('contact_type', v_level.contact_type, 'industry', v_level.industry,
                                               'min_calls_per_bucket', v_min_calls));
    end if;
  end loop;
  return pg_catalog.jsonb_build_object('day_of_week', null, 'time_of_day', null, 'source', null, 'time_zone', v_zone);
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- The score and its explanation
-- ---------------------------------------------------------------------------------------------------
/**
 * The engagement score of a contact as of a time, with every factor that produced it (see the header).
 * Reads only; calculate_contact_engagement_score stores it.
 */
create or replace function dialbridge.engagement_score_breakdown(p_contact_id uuid, p_as_of timestamptz default now())
returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_base constant integer := 50;
  v_calls integer;
  v_connected integer;
  v_talk bigint;
  v_rate numeric;
  v_rate_points integer := 0;
  v_avg_talk numeric;
  v_talk_points integer := 0;
  v_items jsonb;
  v_delta_sum integer;
  v_disposition_points integer;
  v_last_engaged timestamptz;
  v_days integer;
  v_recency_points integer := 0;
  v_raw integer;
begin
  if not exists (select 1 from public.contacts c where c.id = p_contact_id) then
    raise exception 'contact % not found', p_contact_id using errcode = 'DB053';
  end if;

  with calls as (
    select a.id, a.call_outcome = 'connected' as connected,
           coalesce(a.talk_time_seconds, 0) as talk_seconds,
           coalesce(a.call_connected_at, a.call_started_at) as connected_at,
           nullif(pg_catalog.upper(pg_catalog.btrim(a.disposition_code)), '') as code_key,
           dialbridge.normalize_label(a.disposition_label) as label_key,
           a.details ->> 'disposition_category' as sent_category
      from public.contact_activities a
     where a.contact_id = p_contact_id and a.deleted_at is null
       and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
       and coalesce(a.call_started_at, a.disposition_set_at, a.created_at) <= p_as_of
  ), classified as (
    select c.*,
           case when cc.match_key is not null then cc.code else cl.code end as mapping_code,
           case when cc.match_key is not null then cc.engagement_score_delta else cl.engagement_score_delta end as delta,
           coalesce(case when cc.match_key is not null then cc.category else cl.category end, c.sent_category) as category
      from calls c
      left join dialbridge.disposition_classes cc on cc.match_key = 'c:' || c.code_key
      left join dialbridge.disposition_classes cl on cl.match_key = 'l:' || c.label_key
  ), totals as (
    select count(*)::integer as calls,
           count(*) filter (where k.connected)::integer as connected,
           coalesce(sum(k.talk_seconds) filter (where k.connected), 0)::bigint as talk,
           max(k.connected_at) filter (where k.connected and k.talk_seconds > 120 and k.category = 'positive'
                                        and k.connected_at <= p_as_of) as last_engaged
      from classified k
  ), items as (
    select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
             'code', i.mapping_code, 'calls', i.calls, 'delta', i.delta, 'points', i.calls * i.delta)
             order by i.mapping_code) as items,
           coalesce(sum(i.calls * i.delta), 0)::integer as delta_sum
      from (select k.mapping_code, k.delta, count(*)::integer as calls
              from classified k where k.mapping_code is not null
             group by k.mapping_code, k.delta) i
  )
  select t.calls, t.connected, t.talk, t.last_engaged, coalesce(i.items, '[]'::jsonb), i.delta_sum
    into v_calls, v_connected, v_talk, v_last_engaged, v_items, v_delta_sum
    from totals t cross join items i;

  if v_calls > 0 then
    v_rate := pg_catalog.round(v_connected * 100.0 / v_calls, 2);
    v_rate_points := pg_catalog.floor(v_rate / 5)::integer;
  end if;
  if v_connected > 0 then
    v_avg_talk := pg_catalog.round(v_talk::numeric / v_connected, 1);
    v_talk_points := case when v_avg_talk > 180 then 15 when v_avg_talk > 120 then 10 when v_avg_talk > 60 then 5 else 0 end;
  end if;
  v_disposition_points := greatest(-50, least(50, v_delta_sum));
  if v_last_engaged is not null then
    v_days := pg_catalog.floor(pg_catalog.date_part('epoch', p_as_of - v_last_engaged) / 86400)::integer;
    v_recency_points := case when v_days > 180 then -20 when v_days > 90 then -10 when v_days > 30 then -5 else 0 end;
  end if;
  v_raw := v_base + v_rate_points + v_talk_points + v_disposition_points + v_recency_points;

  return pg_catalog.jsonb_build_object(
    'as_of', p_as_of,
    'base', v_base,
    'connection_rate', pg_catalog.jsonb_build_object('calls', v_calls, 'connected_calls', v_connected,
                         'rate_pct', v_rate, 'points', v_rate_points),
    'talk_time', pg_catalog.jsonb_build_object('connected_calls', v_connected, 'total_seconds', v_talk,
                   'average_seconds', v_avg_talk, 'points', v_talk_points),
    'dispositions', pg_catalog.jsonb_build_object('items', v_items, 'sum_of_deltas', v_delta_sum,
                      'points', v_disposition_points),
    'recency', pg_catalog.jsonb_build_object('last_engaged_call_at', v_last_engaged,
                 'days_since_last_engaged_call', v_days, 'points', v_recency_points),
    'raw_score', v_raw,
    'score', greatest(0, least(100, v_raw)));
end
$$;

/**
 * The stored score of each contact and the factors that produced it (one row per scored contact).
 * Written by calculate_contact_engagement_score; read through reports.contact_engagement.
 */
create table if not exists dialbridge.contact_scores (
  contact_id uuid primary key references public.contacts (id) on delete cascade,
  team_id uuid,
  score integer not null,
  breakdown jsonb not null,
  best_call_time jsonb not null,
  as_of timestamptz not null,
  computed_at timestamptz not null default now()
);
alter table dialbridge.contact_scores enable row level security;
select dialbridge.ensure_constraint('dialbridge.contact_scores', 'contact_scores_score_check',
  'check (score between 0 and 100)');
create index if not exists contact_scores_team_idx on dialbridge.contact_scores (team_id);
comment on table dialbridge.contact_scores is 'Engagement score per contact with its explanation (factors, points) and best time to call, as of the last computation.';
comment on column dialbridge.contact_scores.score is 'Engagement score 0–100 (same as contacts.call_engagement_score).';
comment on column dialbridge.contact_scores.breakdown is 'Factors: base, connection_rate, talk_time, dispositions (per mapping code), recency; raw_score before clamping.';
comment on column dialbridge.contact_scores.best_call_time is 'Best day of week and hour to call, and where it comes from (contact, segment, everyone).';
comment on column dialbridge.contact_scores.as_of is 'The time the score describes (calls after it are not counted).';
comment on column dialbridge.contact_scores.computed_at is 'When it was computed.';
comment on column dialbridge.contact_scores.team_id is 'The contact''s team when scored (for row-level security).';

revoke all on table dialbridge.contact_scores from public, anon, authenticated;
grant select on table dialbridge.contact_scores to authenticated, dialbridge_metabase;
grant all on table dialbridge.contact_scores to service_role;
drop policy if exists "Reps see their team's contact scores" on dialbridge.contact_scores;
create policy "Reps see their team's contact scores" on dialbridge.contact_scores for select to authenticated
  using (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));
drop policy if exists "Reporting readers see every contact score" on dialbridge.contact_scores;
create policy "Reporting readers see every contact score" on dialbridge.contact_scores for select to dialbridge_metabase
  using (true);

/**
 * Seed 000's calculate_contact_engagement_score, corrected (see the header): computes the score as of
 * p_as_of, stores it with its explanation, and updates the contact's call_engagement_score,
 * days_since_last_engaged_call, best_call_day_of_week and best_call_time_of_day. Raises DB053 for an
 * unknown contact.
 */
create or replace function public.calculate_contact_engagement_score(p_contact_id uuid, p_as_of timestamptz default now())
returns integer
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_breakdown jsonb;
  v_best jsonb;
  v_score integer;
begin
  v_breakdown := dialbridge.engagement_score_breakdown(p_contact_id, p_as_of);
  v_best := dialbridge.best_call_time(p_contact_id, p_as_of);
  v_score := (v_breakdown ->> 'score')::integer;

  insert into dialbridge.contact_scores as s (contact_id, team_id, score, breakdown, best_call_time, as_of, computed_at)
  select c.id, c.team_id, v_score, v_breakdown, v_best, p_as_of, now()
    from public.contacts c where c.id = p_contact_id
  on conflict (contact_id) do update
     set team_id = excluded.team_id, score = excluded.score, breakdown = excluded.breakdown,
         best_call_time = excluded.best_call_time, as_of = excluded.as_of, computed_at = excluded.computed_at;

  update public.contacts c
     set call_engagement_score = v_score,
         days_since_last_engaged_call = (v_breakdown #>> '{recency,days_since_last_engaged_call}')::integer,
         best_call_day_of_week = (v_best ->> 'day_of_week')::integer,
         best_call_time_of_day = (v_best ->> 'time_of_day')::time
   where c.id = p_contact_id
     and (c.call_engagement_score, c.days_since_last_engaged_call, c.best_call_day_of_week, c.best_call_time_of_day)
         is distinct from (v_score, (v_breakdown #>> '{recency,days_since_last_engaged_call}')::integer,
                           (v_best ->> 'day_of_week')::integer, (v_best ->> 'time_of_day')::time);
  return v_score;
end
$$;
comment on function public.calculate_contact_engagement_score(uuid, timestamptz) is 'Engagement score 0–100 of a contact as of a time (seed 000, corrected); stores it with its explanation in reports.contact_engagement.';

/**
 * Scores contacts (in id order, the lock order of every writer), skipping ids that no longer exist.
 * Returns how many were scored.
 */
create or replace function dialbridge.score_contacts(p_contact_ids uuid[], p_as_of timestamptz default now())
returns integer
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_id uuid;
  v_count integer := 0;
begin
  for v_id in
    select c.id from public.contacts c where c.id = any (p_contact_ids) order by c.id for no key update
  loop
    perform public.calculate_contact_engagement_score(v_id, p_as_of);
    v_count := v_count + 1;
  end loop;
  return v_count;
end
$$;

/**
 * Scores the next batch of contacts after p_after_id (keyset pagination, id order) and returns the last
 * id scored (null when done). The nightly job calls it until null, one short transaction per batch.
 */
create or replace function dialbridge.score_contacts_after(p_after_id uuid, p_limit integer default 500,
                                                           p_as_of timestamptz default now())
returns uuid
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_ids uuid[];
begin
  select pg_catalog.array_agg(x.id order by x.id) into v_ids
    from (select c.id from public.contacts c
           where p_after_id is null or c.id > p_after_id
           order by c.id limit greatest(p_limit, 1)) x;
  if v_ids is null then
    return null;
  end if;
  perform dialbridge.score_contacts(v_ids, p_as_of);
  return v_ids[pg_catalog.cardinality(v_ids)];
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- After each call: contacts marked, rescored by the worker moments later
-- ---------------------------------------------------------------------------------------------------
-- The roll-up trigger (20261121004010) marks the contacts whose calls changed; one coalesced job
-- (contacts__score {"marked": true}, job_key contacts__score:marked) rescores every marked contact in
-- short batches. Queueing without a hot row, as the webhook receivers do (20261121002000): a marker that
-- finds the job queued and not started skips add_job, holding the advisory lock below shared until it
-- commits, and the job's batch function waits for those markers (dialbridge.await_scoring_markers) before
-- it claims, so it sees their marks. Lock order: a marker holds the contact's row lock (taken by the
-- roll-up trigger) before it marks; the batch function locks contacts first (skip locked: a contact a
-- transaction is still writing is left marked for the job that transaction queued) and only then removes
-- their marks, so the two never wait on each other in opposite orders. A cron sweep
-- (jobs/crontab) catches marks left while no worker ran.

/**
 * Contacts whose calls changed since they were last scored (one row per contact); emptied by
 * dialbridge.score_marked_contacts.
 */
create table if not exists dialbridge.contacts_to_score (
  contact_id uuid primary key references public.contacts (id) on delete cascade,
  marked_at timestamptz not null default now()
);
alter table dialbridge.contacts_to_score enable row level security;
comment on table dialbridge.contacts_to_score is 'Contacts whose calls changed and whose engagement score and best time to call await the contacts__score job.';
comment on column dialbridge.contacts_to_score.marked_at is 'When the contact was first marked since its last scoring.';
revoke all on table dialbridge.contacts_to_score from public, anon, authenticated;
grant all on table dialbridge.contacts_to_score to service_role;
-- RLS on, no policy: written by the roll-up trigger and read by the scoring job only.

/** Advisory lock key of the scoring markers' barrier (arbitrary constant). */
create or replace function dialbridge.scoring_markers_lock_key() returns bigint
language sql immutable parallel safe security invoker set search_path = ''
as $$ select 7308604897168450352::bigint $$;

/**
 * Marks contacts for rescoring and makes sure a contacts__score job will see the marks (see above).
 * Called with the contacts' row locks held (the roll-up trigger); ids that are no contact's are ignored.
 * Never fails the caller because of the queue: the marks stay and the cron sweep queues the job.
 */
create or replace function dialbridge.mark_contacts_for_scoring(p_contact_ids uuid[]) returns void
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  -- contacts only (a deleted contact's calls lose their contact_id: nothing left to score)
  insert into dialbridge.contacts_to_score (contact_id)
  select c.id from public.contacts c where c.id = any (p_contact_ids) order by c.id
  on conflict (contact_id) do nothing;
  if pg_catalog.to_regnamespace('graphile_worker') is null then
    return;
  end if;
  begin
    begin
      if pg_catalog.pg_try_advisory_xact_lock_shared(dialbridge.scoring_markers_lock_key()) then
        if exists (select 1 from graphile_worker._private_jobs j
                    where j.key = 'contacts__score:marked' and j.locked_at is null and j.attempts = 0) then
          return;  -- the queued job claims after its barrier, i.e. after this transaction
        end if;
      end if;
    exception when others then
      null;  -- e.g. a graphile-worker whose tables changed: queue the ordinary way below
    end;
    perform graphile_worker.add_job('contacts__score', '{"marked": true}'::json,
      job_key := 'contacts__score:marked', job_key_mode := 'preserve_run_at', max_attempts := 5);
  exception when others then
    raise warning 'dialbridge: could not queue contacts__score (%): marked contacts wait for the sweep', sqlstate;
  end;
end
$$;

/**
 * The barrier the scoring job calls before it claims marks: returns once every marker that counted on an
 * already queued job has committed. Holds nothing afterwards.
 */
create or replace function dialbridge.await_scoring_markers() returns void
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  perform pg_catalog.pg_advisory_lock(dialbridge.scoring_markers_lock_key());
  perform pg_catalog.pg_advisory_unlock(dialbridge.scoring_markers_lock_key());
exception when query_canceled or others then
  perform pg_catalog.pg_advisory_unlock(dialbridge.scoring_markers_lock_key());
  raise;
end
$$;

/**
 * Rescores up to p_limit marked contacts (id order, skipping contacts another transaction holds) as of
 * p_as_of and removes their marks; returns how many were scored (0: nothing claimable is left).
 */
create or replace function dialbridge.score_marked_contacts(p_limit integer default 100, p_as_of timestamptz default now())
returns integer
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_ids uuid[];
  v_id uuid;
begin
  perform dialbridge.await_scoring_markers();
  select coalesce(pg_catalog.array_agg(x.id order by x.id), '{}') into v_ids
    from (select c.id from public.contacts c
           where c.id in (select m.contact_id from dialbridge.contacts_to_score m
                           order by m.contact_id limit greatest(p_limit, 1))
           order by c.id
             for no key update skip locked) x;
  if pg_catalog.cardinality(v_ids) = 0 then
    return 0;
  end if;
  delete from dialbridge.contacts_to_score m where m.contact_id = any (v_ids);
  foreach v_id in array v_ids loop
    perform public.calculate_contact_engagement_score(v_id, p_as_of);
  end loop;
  return pg_catalog.cardinality(v_ids);
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- A mapping edit changes scores: rescore everyone, debounced, in the worker
-- ---------------------------------------------------------------------------------------------------
/**
 * Trigger function: disposition mappings changed → queue one contacts__score job for every contact
 * (job_key replaces a queued one, so a burst of edits rescores once, a minute after the last).
 */
create or replace function dialbridge.tg_disposition_mappings__enqueue_rescore() returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if pg_catalog.to_regprocedure('graphile_worker.add_job(text, json, text, timestamp with time zone, integer, text, integer, text[], text)') is not null then
    perform graphile_worker.add_job('contacts__score', pg_catalog.json_build_object('all', true),
                                    run_at := now() + interval '1 minute', job_key := 'contacts__score:all',
                                    max_attempts := 5);
  end if;
  return null;
end
$$;

drop trigger if exists _900_enqueue_rescore on public.disposition_mappings;
create trigger _900_enqueue_rescore after insert or update or delete on public.disposition_mappings
  for each statement execute function dialbridge.tg_disposition_mappings__enqueue_rescore();

revoke all on function public.calculate_contact_engagement_score(uuid, timestamptz) from public, anon, authenticated;
grant execute on function public.calculate_contact_engagement_score(uuid, timestamptz) to service_role;
revoke execute on all functions in schema dialbridge from public;
grant execute on function dialbridge.engagement_score_breakdown(uuid, timestamptz), dialbridge.best_call_time(uuid, timestamptz),
  dialbridge.score_contacts(uuid[], timestamptz), dialbridge.score_contacts_after(uuid, integer, timestamptz),
  dialbridge.refresh_call_hour_stats(timestamptz), dialbridge.valid_time_zone(text),
  dialbridge.score_marked_contacts(integer, timestamptz)
  to service_role;

-- migrate:down
-- Migrations are append-only (roll forward with a new one); this block stays empty so that
-- `supabase db push`, which runs the whole file, applies only the up part.
