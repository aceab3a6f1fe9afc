CREATE FUNCTION public.contact_dialability(p_contact_ids uuid[], as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(contact_id uuid, is_dialable boolean, blocked_reason text, blocked_label text, detail text)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select c.id,
         b.block is null and c.phone_status in ('valid', 'pending') and not c.phone_number_invalid,
         coalesce(b.block, case when c.phone_status = 'invalid' or c.phone_number_invalid then 'invalid_phone'
                                when c.phone_status = 'missing' or c.phone_status is null then 'missing_phone' end),
         dialbridge.push_reason_label(coalesce(b.block, case when c.phone_status = 'invalid' or c.phone_number_invalid then 'invalid_phone'
                                when c.phone_status = 'missing' or c.phone_status is null then 'missing_phone' end)),
         coalesce(b.detail || coalesce(' (until ' || pg_catalog.to_char(b.blocked_until at time zone 'UTC', 'YYYY-MM-DD') || ')', ''),
                  case when c.phone_status = 'invalid' then 'Number cannot be read as a phone number'
                       when c.phone_number_invalid then 'Flagged: ' || coalesce(pg_catalog.lower(dialbridge.humanize_reason(c.phone_number_invalid_reason)), 'known bad number')
                       when c.phone_status = 'missing' or c.phone_status is null then 'No phone number' end)
    from public.contacts c
    left join dialbridge.push_blocks(p_contact_ids, as_of) b on b.contact_id = c.id
   where c.id = any (p_contact_ids)
$$;

COMMENT ON FUNCTION public.contact_dialability(p_contact_ids uuid[], as_of timestamp with time zone) IS 'Per contact: may it be dialed (the phone icon), and if not the blocking reason and detail (the greyed
row''s tooltip). Blocks are do-not-call, suppressions, invalid or missing numbers — not the push-time
rules (recently contacted, duplicates), which depend on the list.';

REVOKE ALL ON FUNCTION public.contact_dialability(p_contact_ids uuid[], as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION public.contact_dialability(p_contact_ids uuid[], as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION public.contact_dialability(p_contact_ids uuid[], as_of timestamp with time zone) TO service_role;
