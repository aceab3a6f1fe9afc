CREATE FUNCTION dialbridge.resolve_phoneburner_contact(p_sourceco_ids text[], p_phoneburner_ids text[], p_phones text[], p_session_id uuid) RETURNS uuid
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $_$
declare
  v_id text;
  v_contact uuid;
  v_candidates uuid[];
begin
  foreach v_id in array coalesce(p_sourceco_ids, '{}') loop
    select c.id into v_contact from public.contacts c where c.sourceco_contact_id = v_id;
    if v_contact is not null then return v_contact; end if;
    if v_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
      select c.id into v_contact from public.contacts c where c.id = v_id::uuid;
      if v_contact is not null then return v_contact; end if;
    end if;
  end loop;
  foreach v_id in array coalesce(p_phoneburner_ids, '{}') loop
    select c.id into v_contact from public.contacts c where c.phoneburner_contact_id = v_id;
    if v_contact is not null then return v_contact; end if;
    select m.contact_id into v_contact
      from public.phoneburner_session_contacts m
     where m.phoneburner_contact_id = v_id
     order by (m.session_id = p_session_id) desc nulls last, m.added_at desc, m.contact_id
     limit 1;
    if v_contact is not null then return v_contact; end if;
  end loop;
  if p_session_id is not null and pg_catalog.cardinality(p_phones) > 0 then
    select array_agg(distinct m.contact_id) into v_candidates
      from public.phoneburner_session_contacts m
     where m.session_id = p_session_id and m.phone_e164 = any (p_phones) and m.state <> 'removed';
    if pg_catalog.cardinality(v_candidates) = 1 then return v_candidates[1]; end if;
  end if;
  return null;
end
$_$;

COMMENT ON FUNCTION dialbridge.resolve_phoneburner_contact(p_sourceco_ids text[], p_phoneburner_ids text[], p_phones text[], p_session_id uuid) IS 'Which of our contacts a call or event is about, first match wins: a carried SourceCo id (contacts.
sourceco_contact_id, or the contact''s uuid) → a PhoneBurner contact id (contacts.phoneburner_contact_id,
then session members, this session''s first) → the dialled number among this session''s members when
exactly one contact has it. Null: unmatched.';

REVOKE ALL ON FUNCTION dialbridge.resolve_phoneburner_contact(p_sourceco_ids text[], p_phoneburner_ids text[], p_phones text[], p_session_id uuid) FROM PUBLIC;
