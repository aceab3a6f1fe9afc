CREATE FUNCTION dialbridge.reset_phoneburner_webhooks_for_replay(p_since timestamp with time zone DEFAULT NULL::timestamp with time zone, p_statuses text[] DEFAULT ARRAY['failed'::text], p_event_type text DEFAULT NULL::text, p_until timestamp with time zone DEFAULT NULL::timestamp with time zone) RETURNS SETOF bigint
    LANGUAGE sql
    SET search_path TO ''
    AS $$
  update public.phoneburner_webhooks_log l
     set processing_status = 'pending', retry_count = 0, next_retry_at = null,
         processing_error = null, processing_error_code = null
   where (p_since is null or l.received_at >= p_since)
     and (p_until is null or l.received_at < p_until)
     and (p_statuses is null or l.processing_status = any (p_statuses))
     and (p_event_type is null or l.event_type = p_event_type)
  returning l.id
$$;

COMMENT ON FUNCTION dialbridge.reset_phoneburner_webhooks_for_replay(p_since timestamp with time zone, p_statuses text[], p_event_type text, p_until timestamp with time zone) IS 'Replay: puts matching logged events back to pending with a fresh retry budget and returns their ids.
Safe for any event: processing the same event again changes nothing. p_statuses null: every status.';

REVOKE ALL ON FUNCTION dialbridge.reset_phoneburner_webhooks_for_replay(p_since timestamp with time zone, p_statuses text[], p_event_type text, p_until timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.reset_phoneburner_webhooks_for_replay(p_since timestamp with time zone, p_statuses text[], p_event_type text, p_until timestamp with time zone) TO service_role;
