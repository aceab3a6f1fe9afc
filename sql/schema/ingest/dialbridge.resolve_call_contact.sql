CREATE FUNCTION dialbridge.resolve_call_contact(p_sourceco_ids text[], p_phones text[]) RETURNS uuid
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
  if pg_catalog.cardinality(p_phones) > 0 then
    select array_agg(distinct c.id) into v_candidates
      from public.contacts c where c.phone_e164 = any (p_phones);
    if pg_catalog.cardinality(v_candidates) = 1 then return v_candidates[1]; end if;
  end if;
  return null;
end
$_$;

COMMENT ON FUNCTION dialbridge.resolve_call_contact(p_sourceco_ids text[], p_phones text[]) IS 'The contact of a generic provider''s call: by our key (contacts.sourceco_contact_id, or contacts.id), else
by the number called when exactly one contact has it; else null (the call is kept unmatched, to be linked
by hand with public.link_unmatched_activity).';

REVOKE ALL ON FUNCTION dialbridge.resolve_call_contact(p_sourceco_ids text[], p_phones text[]) FROM PUBLIC;
