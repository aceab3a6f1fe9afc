CREATE FUNCTION dialbridge.disposition_label_example(p_code text, p_label_key text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select coalesce(
    (select a.disposition_label from public.contact_activities a
      where p_code <> '' and a.disposition_code = p_code and a.disposition_label is not null limit 1),
    (select a.disposition_label from public.contact_activities a
      where p_label_key <> '' and a.disposition_code is null and a.disposition_label is not null
        and dialbridge.normalize_label(a.disposition_label) = p_label_key limit 1))
$$;

COMMENT ON FUNCTION dialbridge.disposition_label_example(p_code text, p_label_key text) IS 'An example of the label reps chose for an unmapped disposition (a label only, no other data of the
call). Security definer so that the label-only index can be used (a normalize_label predicate cannot
cross the source view''s security barrier).';

REVOKE ALL ON FUNCTION dialbridge.disposition_label_example(p_code text, p_label_key text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.disposition_label_example(p_code text, p_label_key text) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.disposition_label_example(p_code text, p_label_key text) TO service_role;
GRANT ALL ON FUNCTION dialbridge.disposition_label_example(p_code text, p_label_key text) TO dialbridge_metabase;
