CREATE FUNCTION dialbridge.update_updated_at_column() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  new.updated_at := pg_catalog.now();
  return new;
end
$$;

COMMENT ON FUNCTION dialbridge.update_updated_at_column() IS 'Trigger function (seed 003''s name): keeps updated_at current on every update of the dialer''s tables.';

REVOKE ALL ON FUNCTION dialbridge.update_updated_at_column() FROM PUBLIC;
