CREATE FUNCTION dialbridge.synced_contact_column(p_field text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select case pg_catalog.lower(pg_catalog.btrim(p_field))
           when 'phone' then 'phone'
           when 'email' then 'email'
           when 'first_name' then 'first_name'
           when 'last_name' then 'last_name'
           when 'company' then 'company'
           when 'title' then 'title'
           when 'address' then 'address_line1'
           when 'address_line1' then 'address_line1'
           when 'city' then 'city'
           when 'state' then 'state'
           when 'zip' then 'zip'
         end
$$;

COMMENT ON FUNCTION dialbridge.synced_contact_column(p_field text) IS 'The contacts column a dialer field updates (seed 001 data mapping), null when the field is not synced.';

REVOKE ALL ON FUNCTION dialbridge.synced_contact_column(p_field text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.synced_contact_column(p_field text) TO service_role;
