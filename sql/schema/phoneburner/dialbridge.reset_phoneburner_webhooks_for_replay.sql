CREATE FUNCTION dialbridge.reset_phoneburner_webhooks_for_replay(p_since timestamp with time zone DEFAULT NULL::timestamp with time zone, p_statuses text[] DEFAULT ARRAY['failed'::text], p_event_type text DEFAULT NULL::text, p_until timestamp with time zone DEFAULT NULL::timestamp with time zone) RETURNS SETOF bigint
    LANGUAGE sql
    SET search_path TO ''
    AS $$ select * from dialbridge.reset_webhook_events_for_replay('phoneburner', p_since, p_statuses, p_event_type, p_until) $$;

COMMENT ON FUNCTION dialbridge.reset_phoneburner_webhooks_for_replay(p_since timestamp with time zone, p_statuses text[], p_event_type text, p_until timestamp with time zone) IS 'dialbridge.reset_webhook_events_for_replay for PhoneBurner.';

REVOKE ALL ON FUNCTION dialbridge.reset_phoneburner_webhooks_for_replay(p_since timestamp with time zone, p_statuses text[], p_event_type text, p_until timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.reset_phoneburner_webhooks_for_replay(p_since timestamp with time zone, p_statuses text[], p_event_type text, p_until timestamp with time zone) TO service_role;
