CREATE FUNCTION dialbridge.contact_blocks(p_contact_ids uuid[], as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(contact_id uuid, block text, detail text, blocked_until timestamp with time zone)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_ids uuid[];
  v_phones text[];
begin
  -- the engine's rules are asked only about contacts with something to find (do-not-call flag, a
  -- suppression row of the contact or of its number): the same answer, without normalising thousands of
  -- clean numbers again (a valid phone_e164 is its own suppression key)
  select pg_catalog.array_agg(c.id order by c.id), pg_catalog.array_agg(coalesce(c.phone_e164, c.phone) order by c.id)
    into v_ids, v_phones
    from public.contacts c
   where c.id = any (p_contact_ids)
     and (c.do_not_call
          or exists (select 1 from public.suppressions s where s.contact_id = c.id)
          or exists (select 1 from public.suppressions s
                      where s.phone_e164 = coalesce(c.phone_e164, dialbridge.suppression_phone(c.phone))));

  return query
  with hits as (
    select s.contact_id as id,
           case when s.is_legal then 'legal_dnc' when s.until is null then 'internal_dnc' else 'suppressed' end as kind,
           case when s.is_legal and s.reason = 'user_requested' then 'Requested removal'
                when s.is_legal and s.reason = 'legal_requirement' then 'Legal DNC list'
                else coalesce(dialbridge.humanize_reason(s.reason), 'Suppressed') end as detail,
           s.until, 1 as src
      from dialbridge.suppression_statuses(coalesce(v_ids, '{}'), coalesce(v_phones, '{}'), as_of) s
     where s.is_suppressed
    union all
    select c.id, 'legal_dnc', 'Number marked do-not-call on another contact', null::timestamptz, 2
      from public.contacts c
      join public.contacts o on o.phone_e164 = c.phone_e164 and o.id <> c.id
     where c.id = any (p_contact_ids) and c.phone_e164 is not null and o.do_not_call
  )
  select distinct on (h.id) h.id, h.kind, h.detail, h.until
    from hits h
   order by h.id, case h.kind when 'legal_dnc' then 1 when 'internal_dnc' then 2 else 3 end,
            h.until desc nulls first, h.src;
end
$$;

COMMENT ON FUNCTION dialbridge.contact_blocks(p_contact_ids uuid[], as_of timestamp with time zone) IS 'What blocks dialing each contact, strongest first per contact: legal_dnc, internal_dnc (no end date) or suppressed (with the end date) — the disposition engine''s suppression rules (dialbridge.suppression_statuses) plus a number marked do-not-call on any other contact row. No visibility filter (service role and the platform''s own security-definer functions only): dialbridge.push_blocks filters it for the API, the dialing queue checks the campaign.';

REVOKE ALL ON FUNCTION dialbridge.contact_blocks(p_contact_ids uuid[], as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.contact_blocks(p_contact_ids uuid[], as_of timestamp with time zone) TO service_role;
