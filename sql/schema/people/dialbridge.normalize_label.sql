CREATE FUNCTION dialbridge.normalize_label(p_label text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select nullif(pg_catalog.regexp_replace(pg_catalog.lower(p_label), '[^a-z0-9]+', '', 'g'), '')
$$;

COMMENT ON FUNCTION dialbridge.normalize_label(p_label text) IS 'Normalised disposition label: case-, space- and punctuation-insensitive ("Not  Interested" = "not-interested").';

REVOKE ALL ON FUNCTION dialbridge.normalize_label(p_label text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.normalize_label(p_label text) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.normalize_label(p_label text) TO service_role;
GRANT ALL ON FUNCTION dialbridge.normalize_label(p_label text) TO dialbridge_metabase;
