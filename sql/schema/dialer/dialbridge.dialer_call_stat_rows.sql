CREATE FUNCTION dialbridge.dialer_call_stat_rows(p_rows public.call_logs[], p_sign integer) RETURNS SETOF dialbridge.dialer_call_stats
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select x.team_id, x.campaign_id, x.user_id, x.hour, x.status, sum(p_sign)::bigint,
         sum(p_sign * x.answered::integer)::bigint, sum(p_sign * coalesce(x.duration, 0))::bigint,
         sum(p_sign * x.machine::integer)::bigint, sum(p_sign * x.abandoned::integer)::bigint,
         sum(p_sign * case when x.live and x.started_at is not null
                           then greatest(0, pg_catalog.round(extract(epoch from x.answered_at - x.started_at)))::integer else 0 end)::bigint,
         sum(p_sign * (x.live and not x.abandoned)::integer)::bigint,
         sum(p_sign * case when x.live and not x.abandoned then coalesce(x.duration, 0) else 0 end)::bigint
    from (select r.*, pg_catalog.date_trunc('hour', coalesce(r.started_at, r.created_at), 'UTC') as hour,
                 r.answered_at is not null as answered, coalesce(r.answered_by = 'machine', false) as machine,
                 r.answered_at is not null and r.answered_by is distinct from 'machine' as live
            from pg_catalog.unnest(p_rows) r) x
   group by x.team_id, x.campaign_id, x.user_id, x.hour, x.status
$$;

COMMENT ON FUNCTION dialbridge.dialer_call_stat_rows(p_rows public.call_logs[], p_sign integer) IS 'What call logs contribute to dialbridge.dialer_call_stats (per team, campaign, rep, UTC hour of the start, status: calls, answered, seconds, machine answers, abandoned, ring seconds of live answers, connected calls and their talk seconds), counted with a sign: the trigger''s deltas and the recompute use it.';

REVOKE ALL ON FUNCTION dialbridge.dialer_call_stat_rows(p_rows public.call_logs[], p_sign integer) FROM PUBLIC;
