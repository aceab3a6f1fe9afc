CREATE FUNCTION dialbridge.dialer_pacing_rows(p_rows public.call_logs[], p_sign integer) RETURNS SETOF dialbridge.dialer_pacing_daily
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select r.campaign_id, (coalesce(r.started_at, r.created_at) at time zone 'UTC')::date,
         sum(p_sign)::bigint,
         sum(p_sign * (r.answered_by is distinct from 'machine' and r.answered_at is not null)::integer)::bigint,
         sum(p_sign * coalesce(r.answered_by = 'machine', false)::integer)::bigint,
         sum(p_sign * r.abandoned::integer)::bigint,
         sum(p_sign * case when r.answered_by is distinct from 'machine' and r.answered_at is not null and r.started_at is not null
                           then greatest(0, pg_catalog.round(extract(epoch from r.answered_at - r.started_at)))::integer else 0 end)::bigint,
         sum(p_sign * case when r.answered_at is not null and not r.abandoned and r.answered_by is distinct from 'machine'
                           then coalesce(r.duration, 0) else 0 end)::bigint,
         sum(p_sign * (r.answered_at is not null and not r.abandoned and r.answered_by is distinct from 'machine')::integer)::bigint
    from pg_catalog.unnest(p_rows) r
   where r.campaign_id is not null and r.status <> 'canceled'
   group by 1, 2
$$;

COMMENT ON FUNCTION dialbridge.dialer_pacing_rows(p_rows public.call_logs[], p_sign integer) IS 'What call logs contribute to dialbridge.dialer_pacing_daily (canceled calls, never placed, contribute nothing), counted with a sign: the trigger''s deltas and the recompute use it.';

REVOKE ALL ON FUNCTION dialbridge.dialer_pacing_rows(p_rows public.call_logs[], p_sign integer) FROM PUBLIC;
