CREATE FUNCTION dialbridge.push_blocks(p_contact_ids uuid[], as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(contact_id uuid, block text, detail text, blocked_until timestamp with time zone)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_uid uuid := auth.uid();
  v_all boolean;
  v_team uuid;
begin
  if v_uid is null then
    -- server-side callers only: the service role, or a direct connection without request claims
    v_all := coalesce(auth.role(), 'service_role') = 'service_role';
  else
    v_all := dialbridge.is_admin();
    v_team := dialbridge.current_team_id();
  end if;
  if not v_all and v_team is null then
    return;
  end if;
  return query
  select b.* from dialbridge.contact_blocks(
    array(select c.id from public.contacts c where c.id = any (p_contact_ids) and (v_all or c.team_id = v_team)), as_of) b;
end
$$;

COMMENT ON FUNCTION dialbridge.push_blocks(p_contact_ids uuid[], as_of timestamp with time zone) IS 'What blocks dialing each contact (dialbridge.contact_blocks), for the contacts the caller can see (explicit team check): a number''s legal status is found whatever team recorded it, and callers only learn about contacts they can see, never about the other rows. Set-based for the preview''s 10,000-contact lists.';

REVOKE ALL ON FUNCTION dialbridge.push_blocks(p_contact_ids uuid[], as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.push_blocks(p_contact_ids uuid[], as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.push_blocks(p_contact_ids uuid[], as_of timestamp with time zone) TO service_role;
