CREATE FUNCTION dialbridge.bolna_status_rank(p_status text) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select case p_status
    when 'queued' then 0 when 'rescheduled' then 0 when 'initiated' then 1 when 'ringing' then 2
    when 'in-progress' then 3 when 'call-disconnected' then 4
    when 'completed' then 5 when 'busy' then 5 when 'no-answer' then 5 when 'balance-low' then 5
    when 'canceled' then 5 when 'failed' then 5 when 'stopped' then 5 when 'error' then 5 end
$$;

COMMENT ON FUNCTION dialbridge.bolna_status_rank(p_status text) IS 'How far a Bolna status is along the lifecycle (queued 0 … call-disconnected 4, final statuses 5): a call takes its furthest status, so a late POST never regresses it.';

REVOKE ALL ON FUNCTION dialbridge.bolna_status_rank(p_status text) FROM PUBLIC;
