CREATE FUNCTION dialbridge.process_phoneburner_webhooks(p_limit integer DEFAULT 100, as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(claimed integer, succeeded integer, skipped integer, retrying integer, failed integer, next_retry_at timestamp with time zone)
    LANGUAGE sql
    SET search_path TO ''
    AS $$ select * from dialbridge.process_webhook_events('phoneburner', p_limit, as_of) $$;

COMMENT ON FUNCTION dialbridge.process_phoneburner_webhooks(p_limit integer, as_of timestamp with time zone) IS 'dialbridge.process_webhook_events for PhoneBurner (its batch stage: dialbridge.phoneburner_process_events).';

REVOKE ALL ON FUNCTION dialbridge.process_phoneburner_webhooks(p_limit integer, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.process_phoneburner_webhooks(p_limit integer, as_of timestamp with time zone) TO service_role;
