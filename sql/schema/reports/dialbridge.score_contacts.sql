CREATE FUNCTION dialbridge.score_contacts(p_contact_ids uuid[], p_as_of timestamp with time zone DEFAULT now()) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_id uuid;
  v_count integer := 0;
begin
  for v_id in
    select c.id from public.contacts c where c.id = any (p_contact_ids) order by c.id for no key update
  loop
    perform public.calculate_contact_engagement_score(v_id, p_as_of);
    v_count := v_count + 1;
  end loop;
  return v_count;
end
$$;

COMMENT ON FUNCTION dialbridge.score_contacts(p_contact_ids uuid[], p_as_of timestamp with time zone) IS 'Scores contacts (in id order, the lock order of every writer), skipping ids that no longer exist.
Returns how many were scored.';

REVOKE ALL ON FUNCTION dialbridge.score_contacts(p_contact_ids uuid[], p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.score_contacts(p_contact_ids uuid[], p_as_of timestamp with time zone) TO service_role;
