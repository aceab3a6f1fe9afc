CREATE FUNCTION dialbridge.find_disposition_mapping(p_code text, p_label text) RETURNS public.disposition_mappings
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select m.*
    from public.disposition_mappings m
   where m.is_active
     and (   (p_code is not null and m.phoneburner_disposition_code = pg_catalog.upper(pg_catalog.btrim(p_code)))
          or (dialbridge.normalize_label(p_label) is not null
              and (   dialbridge.normalize_label(m.phoneburner_disposition_label) = dialbridge.normalize_label(p_label)
                   or dialbridge.normalized_aliases(m.label_aliases) @> array[dialbridge.normalize_label(p_label)])))
   order by (p_code is not null and m.phoneburner_disposition_code = pg_catalog.upper(pg_catalog.btrim(p_code))) desc,
            m.phoneburner_disposition_code
   limit 1
$$;

COMMENT ON FUNCTION dialbridge.find_disposition_mapping(p_code text, p_label text) IS 'The active mapping for a disposition code and/or label (null row when none matches).';

REVOKE ALL ON FUNCTION dialbridge.find_disposition_mapping(p_code text, p_label text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.find_disposition_mapping(p_code text, p_label text) TO service_role;
GRANT ALL ON FUNCTION dialbridge.find_disposition_mapping(p_code text, p_label text) TO authenticated;
