CREATE FUNCTION dialbridge.reset_webhook_events_for_replay(p_provider text, p_since timestamp with time zone DEFAULT NULL::timestamp with time zone, p_statuses text[] DEFAULT ARRAY['failed'::text], p_event_type text DEFAULT NULL::text, p_until timestamp with time zone DEFAULT NULL::timestamp with time zone) RETURNS SETOF bigint
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
  v_p dialbridge.webhook_providers := dialbridge.webhook_provider(p_provider);
begin
  return query execute pg_catalog.format(
    'update %s l
        set processing_status = ''pending'', retry_count = 0, next_retry_at = null,
            processing_error = null, processing_error_code = null
      where ($1::timestamptz is null or l.received_at >= $1)
        and ($2::timestamptz is null or l.received_at < $2)
        and ($3::text[] is null or l.processing_status = any ($3))
        and ($4::text is null or l.event_type = $4)
        and l.payload_pruned_at is null %s
     returning l.id',
    v_p.inbox, case when v_p.inbox = 'dialbridge.webhook_events' then 'and l.provider = $5' else '' end)
    using p_since, p_until, p_statuses, p_event_type, p_provider;
end
$_$;

COMMENT ON FUNCTION dialbridge.reset_webhook_events_for_replay(p_provider text, p_since timestamp with time zone, p_statuses text[], p_event_type text, p_until timestamp with time zone) IS 'Replay, for any provider: puts its matching stored events back to pending with a fresh retry budget and
returns their ids. Safe for any event: processing the same event again changes nothing. p_statuses null:
every status.';

REVOKE ALL ON FUNCTION dialbridge.reset_webhook_events_for_replay(p_provider text, p_since timestamp with time zone, p_statuses text[], p_event_type text, p_until timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.reset_webhook_events_for_replay(p_provider text, p_since timestamp with time zone, p_statuses text[], p_event_type text, p_until timestamp with time zone) TO service_role;
