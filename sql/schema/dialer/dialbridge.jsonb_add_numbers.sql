CREATE FUNCTION dialbridge.jsonb_add_numbers(a jsonb, b jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select coalesce(pg_catalog.jsonb_object_agg(k.key,
           coalesce((a ->> k.key)::numeric, 0) + coalesce((b ->> k.key)::numeric, 0)), '{}'::jsonb)
    from (select pg_catalog.jsonb_object_keys(coalesce(a, '{}')) as key
          union select pg_catalog.jsonb_object_keys(coalesce(b, '{}'))) k
$$;

COMMENT ON FUNCTION dialbridge.jsonb_add_numbers(a jsonb, b jsonb) IS 'Adds two JSON objects of numbers key by key (a missing key is 0).';

REVOKE ALL ON FUNCTION dialbridge.jsonb_add_numbers(a jsonb, b jsonb) FROM PUBLIC;
