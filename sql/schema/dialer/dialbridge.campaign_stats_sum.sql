CREATE FUNCTION dialbridge.campaign_stats_sum(p_status text[], p_attempts integer[], p_sign integer[]) RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select pg_catalog.jsonb_build_object(
    'total', coalesce(sum(r.sign), 0),
    'pending', coalesce(sum(r.sign) filter (where r.status = 'pending'), 0),
    'calling', coalesce(sum(r.sign) filter (where r.status = 'calling'), 0),
    'completed', coalesce(sum(r.sign) filter (where r.status = 'completed'), 0),
    'failed', coalesce(sum(r.sign) filter (where r.status = 'failed'), 0),
    'do_not_call', coalesce(sum(r.sign) filter (where r.status = 'do-not-call'), 0),
    'callback', coalesce(sum(r.sign) filter (where r.status = 'callback'), 0),
    'attempts', coalesce(sum(r.sign * r.attempts), 0))
    from unnest(p_status, p_attempts, p_sign) r(status, attempts, sign)
$$;

COMMENT ON FUNCTION dialbridge.campaign_stats_sum(p_status text[], p_attempts integer[], p_sign integer[]) IS 'Campaign stats of campaign contact rows counted with a sign: total, pending, calling, completed, failed, do_not_call, callback, attempts. The trigger adds the delta of changed rows, the recompute sums all rows: one definition.';

REVOKE ALL ON FUNCTION dialbridge.campaign_stats_sum(p_status text[], p_attempts integer[], p_sign integer[]) FROM PUBLIC;
