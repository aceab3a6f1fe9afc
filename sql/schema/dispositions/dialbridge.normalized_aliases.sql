CREATE FUNCTION dialbridge.normalized_aliases(p_aliases text[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select coalesce(array_agg(dialbridge.normalize_label(a)) filter (where dialbridge.normalize_label(a) is not null), '{}')
    from unnest(p_aliases) as a
$$;

COMMENT ON FUNCTION dialbridge.normalized_aliases(p_aliases text[]) IS 'Normalised aliases, for matching and for the alias index.';

REVOKE ALL ON FUNCTION dialbridge.normalized_aliases(p_aliases text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.normalized_aliases(p_aliases text[]) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.normalized_aliases(p_aliases text[]) TO service_role;
