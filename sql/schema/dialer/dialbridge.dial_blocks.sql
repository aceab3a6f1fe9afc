CREATE FUNCTION dialbridge.dial_blocks(p_contact_ids uuid[], p_phones text[], as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(ordinality bigint, contact_id uuid, block text, detail text, blocked_until timestamp with time zone)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  with input as (
    select i.n as ordinality, i.contact_id, dialbridge.suppression_phone(i.phone) as phone_e164
      from unnest(p_contact_ids, p_phones) with ordinality as i (contact_id, phone, n)
  ), hits as (
    select s.ordinality, s.contact_id,
           case when s.is_legal then 'legal_dnc' when s.until is null then 'internal_dnc' else 'suppressed' end as kind,
           case when s.is_legal and s.reason = 'user_requested' then 'Requested removal'
                when s.is_legal and s.reason = 'legal_requirement' then 'Legal DNC list'
                else coalesce(dialbridge.humanize_reason(s.reason), 'Suppressed') end as detail,
           s.until, 1 as src
      from dialbridge.suppression_statuses(p_contact_ids, p_phones, as_of) s
     where s.is_suppressed
    union all
    select i.ordinality, i.contact_id, 'legal_dnc',
           case when i.contact_id is null then 'Number marked do-not-call' else 'Number marked do-not-call on another contact' end,
           null::timestamptz, 2
      from input i
     where i.phone_e164 is not null
       and exists (select 1 from public.contacts o
                    where o.phone_e164 = i.phone_e164 and o.id is distinct from i.contact_id and o.do_not_call)
  )
  select distinct on (h.ordinality) h.ordinality, h.contact_id, h.kind, h.detail, h.until
    from hits h
   order by h.ordinality, case h.kind when 'legal_dnc' then 1 when 'internal_dnc' then 2 else 3 end,
            h.until desc nulls first, h.src
$$;

COMMENT ON FUNCTION dialbridge.dial_blocks(p_contact_ids uuid[], p_phones text[], as_of timestamp with time zone) IS 'What blocks dialing each (contact, number) pair, strongest first per pair: legal_dnc, internal_dnc (no end date) or suppressed (with the end date) — the disposition engine''s suppression rules (dialbridge.suppression_statuses) plus a number marked do-not-call on any other contact. The contact may be null (a number typed by hand). No visibility filter: service role and the platform''s own security-definer functions only.';

REVOKE ALL ON FUNCTION dialbridge.dial_blocks(p_contact_ids uuid[], p_phones text[], as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.dial_blocks(p_contact_ids uuid[], p_phones text[], as_of timestamp with time zone) TO service_role;
