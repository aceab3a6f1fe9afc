CREATE FUNCTION dialbridge.bolna_contact(p_user_id uuid, p_phone text) RETURNS uuid
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select c.id from public.contacts c
   where c.phone_e164 = p_phone
     and c.team_id is not distinct from (select pr.team_id from public.profiles pr where pr.id = p_user_id)
   order by c.created_at, c.id
   limit 1
$$;

COMMENT ON FUNCTION dialbridge.bolna_contact(p_user_id uuid, p_phone text) IS 'The contact a voice-agent call of a user to a number belongs to: the user''s team''s contact with that E.164 number (oldest first), or null.';

REVOKE ALL ON FUNCTION dialbridge.bolna_contact(p_user_id uuid, p_phone text) FROM PUBLIC;
