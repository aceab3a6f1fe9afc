CREATE FUNCTION dialbridge.link_pushed_session(p_phoneburner_session_id text, p_sourceco_contact_id text, p_phoneburner_contact_id text, p_phones text[], p_phoneburner_user_id text DEFAULT NULL::text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $_$
declare
  v_session uuid;
begin
  if p_phoneburner_session_id is null
     or exists (select 1 from public.phoneburner_sessions s where s.phoneburner_session_id = p_phoneburner_session_id) then
    return null;
  end if;
  select s.id into v_session
    from public.phoneburner_sessions s
    join public.phoneburner_session_contacts m on m.session_id = s.id
    join public.contacts c on c.id = m.contact_id
    left join public.profiles p on p.id = s.created_by_user_id
   where s.phoneburner_session_id like 'pending:%'
     and s.deleted_at is null
     and (p_phoneburner_user_id is null or p.phoneburner_user_id is null or p.phoneburner_user_id = p_phoneburner_user_id)
     and (c.sourceco_contact_id = p_sourceco_contact_id
          or (p_sourceco_contact_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
              and c.id = p_sourceco_contact_id::uuid)
          or (p_phoneburner_contact_id is not null and m.phoneburner_contact_id = p_phoneburner_contact_id)
          or (p_sourceco_contact_id is null
              and (m.phoneburner_contact_id is null or m.phoneburner_contact_id = p_phoneburner_contact_id)
              and m.phone_e164 = any (p_phones)))
   order by s.created_at desc
   limit 1
   for update of s skip locked;
  if v_session is null then
    return null;
  end if;
  update public.phoneburner_sessions set phoneburner_session_id = p_phoneburner_session_id where id = v_session;
  update public.phoneburner_push_batches b
     set phoneburner_session_id = p_phoneburner_session_id
   where b.session_id = v_session and b.phoneburner_session_id like 'pending:%';
  update public.phoneburner_push_runs r
     set phoneburner_session_id = p_phoneburner_session_id
   where r.session_id = v_session and r.phoneburner_session_id like 'pending:%';
  return v_session;
end
$_$;

COMMENT ON FUNCTION dialbridge.link_pushed_session(p_phoneburner_session_id text, p_sourceco_contact_id text, p_phoneburner_contact_id text, p_phones text[], p_phoneburner_user_id text) IS 'Gives a pushed session still known as ''pending:<key>'' its PhoneBurner id, from an event of a contact
pushed into it: the event''s dial session is unknown to us, the contact (SourceCo id, else PhoneBurner id,
else — when no SourceCo id came — a number of the contact whose PhoneBurner id we do not know yet or is
this one) is a member of exactly that pending session (the newest one, for the event''s rep when known).
Returns our session id, or null when nothing was linked.';

REVOKE ALL ON FUNCTION dialbridge.link_pushed_session(p_phoneburner_session_id text, p_sourceco_contact_id text, p_phoneburner_contact_id text, p_phones text[], p_phoneburner_user_id text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.link_pushed_session(p_phoneburner_session_id text, p_sourceco_contact_id text, p_phoneburner_contact_id text, p_phones text[], p_phoneburner_user_id text) TO service_role;
