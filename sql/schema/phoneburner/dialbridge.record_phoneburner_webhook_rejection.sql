CREATE FUNCTION dialbridge.record_phoneburner_webhook_rejection(p_reason text, p_event_type_hint text, p_ip inet, p_payload_size integer, as_of timestamp with time zone DEFAULT now()) RETURNS integer
    LANGUAGE sql
    SET search_path TO ''
    AS $$
  insert into public.phoneburner_webhook_rejections as r
    (bucket_at, reason, event_type_hint, ip_address, rejection_count, max_payload_size_bytes, first_seen_at, last_seen_at)
  values (pg_catalog.date_trunc('minute', as_of), p_reason,
          case when p_event_type_hint = any (dialbridge.phoneburner_event_types()) then p_event_type_hint else 'unknown' end,
          p_ip, 1, p_payload_size, as_of, as_of)
  on conflict on constraint phoneburner_webhook_rejections_bucket_key do update
    set rejection_count = r.rejection_count + 1,
        max_payload_size_bytes = greatest(r.max_payload_size_bytes, excluded.max_payload_size_bytes),
        first_seen_at = least(r.first_seen_at, excluded.first_seen_at),
        last_seen_at = greatest(r.last_seen_at, excluded.last_seen_at)
  returning r.rejection_count
$$;

COMMENT ON FUNCTION dialbridge.record_phoneburner_webhook_rejection(p_reason text, p_event_type_hint text, p_ip inet, p_payload_size integer, as_of timestamp with time zone) IS 'Counts one rejected webhook request in its minute bucket (upsert) and returns the bucket''s count.
Unknown event type hints are folded into ''unknown'' so a caller cannot grow the table with made-up names.';

REVOKE ALL ON FUNCTION dialbridge.record_phoneburner_webhook_rejection(p_reason text, p_event_type_hint text, p_ip inet, p_payload_size integer, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.record_phoneburner_webhook_rejection(p_reason text, p_event_type_hint text, p_ip inet, p_payload_size integer, as_of timestamp with time zone) TO service_role;
