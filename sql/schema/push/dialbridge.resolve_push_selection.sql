CREATE FUNCTION dialbridge.resolve_push_selection(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone DEFAULT now()) RETURNS uuid[]
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
begin
  if p_contact_ids is not null and pg_catalog.cardinality(p_contact_ids) > 0 then
    if pg_catalog.cardinality(p_contact_ids) > 20000 then
      raise exception 'at most 20,000 contacts per push' using errcode = 'DB047';
    end if;
    return p_contact_ids;
  end if;
  if p_filter is null then
    raise exception 'choose contacts: give contact ids or a filter' using errcode = 'DB040';
  end if;
  return array(select dialbridge.contacts_matching(p_filter, as_of));
end
$$;

COMMENT ON FUNCTION dialbridge.resolve_push_selection(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone) IS 'The contacts a push request selects: explicit ids (the selection wins over a filter) or the filter.';

REVOKE ALL ON FUNCTION dialbridge.resolve_push_selection(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.resolve_push_selection(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.resolve_push_selection(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone) TO service_role;
