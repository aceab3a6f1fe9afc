CREATE FUNCTION dialbridge.tg__set_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  new.updated_at := now();
  return new;
end
$$;

COMMENT ON FUNCTION dialbridge.tg__set_updated_at() IS 'Trigger function: keeps updated_at current on every update.';

REVOKE ALL ON FUNCTION dialbridge.tg__set_updated_at() FROM PUBLIC;
