CREATE FUNCTION dialbridge.push_fingerprint(p_contact_ids uuid[], p_filter jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select pg_catalog.md5(case
    when p_contact_ids is not null and pg_catalog.cardinality(p_contact_ids) > 0
      then 'ids:' || (select pg_catalog.string_agg(distinct x::text, ',' order by x::text) from pg_catalog.unnest(p_contact_ids) x)
    else 'filter:' || coalesce(p_filter, '{}'::jsonb)::text end)
$$;

COMMENT ON FUNCTION dialbridge.push_fingerprint(p_contact_ids uuid[], p_filter jsonb) IS 'Fingerprint of a push''s selection: the filter, or the sorted contact ids when chosen by hand.';

REVOKE ALL ON FUNCTION dialbridge.push_fingerprint(p_contact_ids uuid[], p_filter jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.push_fingerprint(p_contact_ids uuid[], p_filter jsonb) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.push_fingerprint(p_contact_ids uuid[], p_filter jsonb) TO service_role;
