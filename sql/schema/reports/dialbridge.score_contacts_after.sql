CREATE FUNCTION dialbridge.score_contacts_after(p_after_id uuid, p_limit integer DEFAULT 500, p_as_of timestamp with time zone DEFAULT now()) RETURNS uuid
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_ids uuid[];
begin
  select pg_catalog.array_agg(x.id order by x.id) into v_ids
    from (select c.id from public.contacts c
           where p_after_id is null or c.id > p_after_id
           order by c.id limit greatest(p_limit, 1)) x;
  if v_ids is null then
    return null;
  end if;
  perform dialbridge.score_contacts(v_ids, p_as_of);
  return v_ids[pg_catalog.cardinality(v_ids)];
end
$$;

COMMENT ON FUNCTION dialbridge.score_contacts_after(p_after_id uuid, p_limit integer, p_as_of timestamp with time zone) IS 'Scores the next batch of contacts after p_after_id (keyset pagination, id order) and returns the last
id scored (null when done). The nightly job calls it until null, one short transaction per batch.';

REVOKE ALL ON FUNCTION dialbridge.score_contacts_after(p_after_id uuid, p_limit integer, p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.score_contacts_after(p_after_id uuid, p_limit integer, p_as_of timestamp with time zone) TO service_role;
