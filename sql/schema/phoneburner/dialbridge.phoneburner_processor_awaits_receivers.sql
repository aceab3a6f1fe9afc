CREATE FUNCTION dialbridge.phoneburner_processor_awaits_receivers() RETURNS boolean
    LANGUAGE sql
    SET search_path TO ''
    AS $$ select dialbridge.webhook_processor_awaits_receivers() $$;

COMMENT ON FUNCTION dialbridge.phoneburner_processor_awaits_receivers() IS 'dialbridge.webhook_processor_awaits_receivers: whether receivers may rely on an already queued job.';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_processor_awaits_receivers() FROM PUBLIC;
