CREATE FUNCTION dialbridge.record_webhook_rejection(p_provider text, p_reason text, p_event_type_hint text, p_ip inet, p_payload_size integer, as_of timestamp with time zone DEFAULT now()) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_p dialbridge.webhook_providers := dialbridge.webhook_provider(p_provider);
  v_count integer;
begin
  if v_p.inbox = 'public.phoneburner_webhooks_log' then
    return dialbridge.record_phoneburner_webhook_rejection(p_reason, p_event_type_hint, p_ip, p_payload_size, as_of);
  end if;
  insert into dialbridge.webhook_rejections as r
    (provider, bucket_at, reason, event_type_hint, ip_address, rejection_count, max_payload_size_bytes, first_seen_at, last_seen_at)
  values (p_provider, pg_catalog.date_trunc('minute', as_of), p_reason,
          case when p_event_type_hint = any (v_p.event_types) then p_event_type_hint else 'unknown' end,
          p_ip, 1, p_payload_size, as_of, as_of)
  on conflict on constraint webhook_rejections_bucket_key do update
    set rejection_count = r.rejection_count + 1,
        max_payload_size_bytes = greatest(r.max_payload_size_bytes, excluded.max_payload_size_bytes),
        first_seen_at = least(r.first_seen_at, excluded.first_seen_at),
        last_seen_at = greatest(r.last_seen_at, excluded.last_seen_at)
  returning r.rejection_count into v_count;
  return v_count;
end
$$;

COMMENT ON FUNCTION dialbridge.record_webhook_rejection(p_provider text, p_reason text, p_event_type_hint text, p_ip inet, p_payload_size integer, as_of timestamp with time zone) IS 'Counts one rejected request of a provider''s endpoint in its minute bucket and returns the bucket''s count.
Hints that are not one of the provider''s event types are folded into ''unknown''.';

REVOKE ALL ON FUNCTION dialbridge.record_webhook_rejection(p_provider text, p_reason text, p_event_type_hint text, p_ip inet, p_payload_size integer, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.record_webhook_rejection(p_provider text, p_reason text, p_event_type_hint text, p_ip inet, p_payload_size integer, as_of timestamp with time zone) TO service_role;
