CREATE FUNCTION dialbridge.score_marked_contacts(p_limit integer DEFAULT 100, p_as_of timestamp with time zone DEFAULT now()) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_ids uuid[];
  v_id uuid;
begin
  perform dialbridge.await_scoring_markers();
  select coalesce(pg_catalog.array_agg(x.id order by x.id), '{}') into v_ids
    from (select c.id from public.contacts c
           where c.id in (select m.contact_id from dialbridge.contacts_to_score m
                           order by m.contact_id limit greatest(p_limit, 1))
           order by c.id
             for no key update skip locked) x;
  if pg_catalog.cardinality(v_ids) = 0 then
    return 0;
  end if;
  delete from dialbridge.contacts_to_score m where m.contact_id = any (v_ids);
  foreach v_id in array v_ids loop
    perform public.calculate_contact_engagement_score(v_id, p_as_of);
  end loop;
  return pg_catalog.cardinality(v_ids);
end
$$;

COMMENT ON FUNCTION dialbridge.score_marked_contacts(p_limit integer, p_as_of timestamp with time zone) IS 'Rescores up to p_limit marked contacts (id order, skipping contacts another transaction holds) as of
p_as_of and removes their marks; returns how many were scored (0: nothing claimable is left).';

REVOKE ALL ON FUNCTION dialbridge.score_marked_contacts(p_limit integer, p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.score_marked_contacts(p_limit integer, p_as_of timestamp with time zone) TO service_role;
