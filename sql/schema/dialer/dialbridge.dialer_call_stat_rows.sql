CREATE FUNCTION dialbridge.dialer_call_stat_rows(p_rows public.call_logs[], p_sign integer) RETURNS TABLE(team_id uuid, campaign_id uuid, user_id uuid, hour timestamp with time zone, status text, calls bigint, answered bigint, duration_seconds bigint)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select r.team_id, r.campaign_id, r.user_id, pg_catalog.date_trunc('hour', coalesce(r.started_at, r.created_at), 'UTC'),
         r.status, sum(p_sign)::bigint, sum(p_sign * (r.answered_at is not null)::integer)::bigint,
         sum(p_sign * coalesce(r.duration, 0))::bigint
    from pg_catalog.unnest(p_rows) r
   group by 1, 2, 3, 4, 5
$$;

COMMENT ON FUNCTION dialbridge.dialer_call_stat_rows(p_rows public.call_logs[], p_sign integer) IS 'What call logs contribute to dialbridge.dialer_call_stats (per team, campaign, rep, UTC hour of the start, status: calls, answered, seconds), counted with a sign: the trigger''s deltas and the recompute use it.';

REVOKE ALL ON FUNCTION dialbridge.dialer_call_stat_rows(p_rows public.call_logs[], p_sign integer) FROM PUBLIC;
