CREATE FUNCTION dialbridge.webhook_provider(p_provider text) RETURNS dialbridge.webhook_providers
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  v_row dialbridge.webhook_providers;
begin
  select * into v_row from dialbridge.webhook_providers w where w.provider = p_provider;
  if not found then
    raise exception 'unknown webhook provider "%"', p_provider using errcode = 'DB022',
      hint = 'register it with dialbridge.register_webhook_provider';
  end if;
  return v_row;
end
$$;

COMMENT ON FUNCTION dialbridge.webhook_provider(p_provider text) IS 'The provider''s registration; raises DB022 for an unknown provider.';

REVOKE ALL ON FUNCTION dialbridge.webhook_provider(p_provider text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.webhook_provider(p_provider text) TO service_role;
