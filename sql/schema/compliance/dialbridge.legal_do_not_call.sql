CREATE FUNCTION dialbridge.legal_do_not_call(p_contact_ids uuid[]) RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select c.id
    from public.contacts c
   where c.id = any (p_contact_ids)
     -- a signed-in user learns only about their own team's contacts (admins and server-side callers: all)
     and (auth.uid() is null or dialbridge.is_admin() or c.team_id = dialbridge.current_team_id())
     and (c.do_not_call
          or exists (select 1 from public.suppressions s
                      where s.contact_id = c.id and s.suppression_type = 'legal' and s.lifted_at is null)
          or (c.phone_e164 is not null and exists (
                select 1 from public.suppressions s
                 where s.phone_e164 = c.phone_e164 and s.suppression_type = 'legal' and s.lifted_at is null))
          or (c.phone_e164 is not null and exists (
                select 1 from public.contacts o where o.phone_e164 = c.phone_e164 and o.id <> c.id and o.do_not_call)))
$$;

COMMENT ON FUNCTION dialbridge.legal_do_not_call(p_contact_ids uuid[]) IS 'The contacts among p_contact_ids that are on the legal do-not-call list by any path: their own flag, a
legal suppression of the contact or of its number (whoever recorded it), or the number marked
do-not-call on another contact row. The recorder''s independent second check (cheap, indexed); the
send-time gate uses dialbridge.push_blocks. Security definer: reads every team''s suppressions, answers
only about the given contacts — for a signed-in user, only those of their own team (admins: all).';

REVOKE ALL ON FUNCTION dialbridge.legal_do_not_call(p_contact_ids uuid[]) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.legal_do_not_call(p_contact_ids uuid[]) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.legal_do_not_call(p_contact_ids uuid[]) TO service_role;
