CREATE FUNCTION dialbridge.reapply_dispositions(p_code text DEFAULT NULL::text) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  r record;
  n integer := 0;
begin
  for r in
    with candidates as materialized (
      select a.id, a.contact_id, a.disposition_code, a.disposition_label,
             coalesce(a.disposition_set_at, a.call_ended_at, a.call_started_at, a.created_at) as set_at
        from public.contact_activities a
       where a.contact_id is not null
         and a.deleted_at is null
         and (a.disposition_code is not null or a.disposition_label is not null)
         and not exists (select 1 from dialbridge.disposition_applications d
                          where d.activity_id = a.id and d.mapping_id is not null)
    )
    select k.id
      from candidates k
     cross join lateral dialbridge.find_disposition_mapping(k.disposition_code, k.disposition_label) m
     where m.id is not null
       and (p_code is null or m.phoneburner_disposition_code = pg_catalog.upper(pg_catalog.btrim(p_code)))
     order by k.contact_id, k.set_at, k.id
  loop
    perform dialbridge.apply_disposition(r.id);
    n := n + 1;
  end loop;
  return n;
end
$$;

COMMENT ON FUNCTION dialbridge.reapply_dispositions(p_code text) IS 'Applies the mappings that now match to past calls whose disposition matched none when they were
recorded (or that were never applied). p_code: only calls the mapping with this code now matches.
Returns the number of calls applied. Oldest first, contacts in id order.';

REVOKE ALL ON FUNCTION dialbridge.reapply_dispositions(p_code text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.reapply_dispositions(p_code text) TO service_role;
