CREATE FUNCTION dialbridge.prune_webhook_payloads(as_of timestamp with time zone DEFAULT now(), p_keep interval DEFAULT NULL::interval, p_limit integer DEFAULT 10000) RETURNS TABLE(inbox text, pruned integer)
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_before timestamptz := as_of - coalesce(p_keep, dialbridge.webhook_payload_retention());
  v_n integer;
begin
  with due as (
    select l.id from public.phoneburner_webhooks_log l
     where l.payload_pruned_at is null and l.received_at < v_before
       and l.processing_status in ('success', 'skipped', 'duplicate')
     order by l.received_at limit p_limit
  )
  update public.phoneburner_webhooks_log l
     set payload = '{}'::jsonb, envelope = null, signature_header = null, payload_pruned_at = as_of
    from due where l.id = due.id;
  get diagnostics v_n = row_count;
  inbox := 'public.phoneburner_webhooks_log'; pruned := v_n; return next;
  with due as (
    select e.id from dialbridge.webhook_events e
     where e.payload_pruned_at is null and e.received_at < v_before
       and e.processing_status in ('success', 'skipped', 'duplicate')
     order by e.received_at limit p_limit
  )
  update dialbridge.webhook_events e
     set payload = '{}'::jsonb, envelope = null, signature_header = null, payload_pruned_at = as_of
    from due where e.id = due.id;
  get diagnostics v_n = row_count;
  inbox := 'dialbridge.webhook_events'; pruned := v_n; return next;
end
$$;

COMMENT ON FUNCTION dialbridge.prune_webhook_payloads(as_of timestamp with time zone, p_keep interval, p_limit integer) IS 'Retention: empties the payload (and envelope and signature) of processed events received before as_of − p_keep (default dialbridge.webhook_payload_retention(), 90 days), at most p_limit per inbox per call; failed and pending events keep theirs until they are resolved. The rows, their outcome and links stay; the call records are never pruned. Returns how many per inbox.';

REVOKE ALL ON FUNCTION dialbridge.prune_webhook_payloads(as_of timestamp with time zone, p_keep interval, p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.prune_webhook_payloads(as_of timestamp with time zone, p_keep interval, p_limit integer) TO service_role;
