CREATE FUNCTION dialbridge.contact_segment_values(p_contact_type text, p_list_source text, p_industry text, p_state text, p_country text) RETURNS TABLE(dimension text, value text)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select v.dimension, v.value
    from (values ('contact_type', nullif(pg_catalog.btrim(p_contact_type), '')),
                 ('list_source', nullif(pg_catalog.btrim(p_list_source), '')),
                 ('industry', nullif(pg_catalog.btrim(p_industry), '')),
                 ('geography', coalesce(nullif(pg_catalog.btrim(p_state), ''), nullif(pg_catalog.btrim(p_country), ''))))
         as v(dimension, value)
$$;

COMMENT ON FUNCTION dialbridge.contact_segment_values(p_contact_type text, p_list_source text, p_industry text, p_state text, p_country text) IS 'A contact''s segment, one row per dimension: contact_type, list_source, industry, geography (state, else
country). Blank values are null.';

REVOKE ALL ON FUNCTION dialbridge.contact_segment_values(p_contact_type text, p_list_source text, p_industry text, p_state text, p_country text) FROM PUBLIC;
