CREATE FUNCTION dialbridge.push_blocks(p_contact_ids uuid[], as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(contact_id uuid, block text, detail text, blocked_until timestamp with time zone)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_uid uuid := auth.uid();
  v_all boolean;
  v_team uuid;
  v_visible uuid[];
  v_ids uuid[];
  v_phones text[];
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
  v_visible := array(select c.id from public.contacts c where c.id = any (p_contact_ids) and (v_all or c.team_id = v_team));
  -- the engine's rules are asked only about contacts with something to find (do-not-call flag, a
  -- suppression row of the contact or of its number): the same answer, without normalising thousands of
  -- clean numbers again (a valid phone_e164 is its own suppression key)
  select pg_catalog.array_agg(c.id order by c.id), pg_catalog.array_agg(coalesce(c.phone_e164, c.phone) order by c.id)
    into v_ids, v_phones
    from public.contacts c
   where c.id = any (v_visible)
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
     where c.id = any (v_visible) and c.phone_e164 is not null and o.do_not_call
  )
  select distinct on (h.id) h.id, h.kind, h.detail, h.until
    from hits h
   order by h.id, case h.kind when 'legal_dnc' then 1 when 'internal_dnc' then 2 else 3 end,
            h.until desc nulls first, h.src;
end
$$;

COMMENT ON FUNCTION dialbridge.push_blocks(p_contact_ids uuid[], as_of timestamp with time zone) IS 'What blocks dialing each contact, strongest first per contact: legal_dnc, internal_dnc (no end date) or
suppressed (with the end date). The suppression rules are the disposition engine''s
(dialbridge.suppression_statuses: the contact''s own suppressions and do-not-call flag, legal
suppressions of its number whoever recorded them, number-only rows); in addition a number marked
do-not-call on any other contact row (legal: any team) blocks it, matched on the libphonenumber-normalised
phone_e164. Security definer so that a number''s legal status is found whatever team recorded it; callers
only learn about contacts they can see (explicit team check), never about the other rows. Set-based for
the preview''s 10,000-contact lists.';

REVOKE ALL ON FUNCTION dialbridge.push_blocks(p_contact_ids uuid[], as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.push_blocks(p_contact_ids uuid[], as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.push_blocks(p_contact_ids uuid[], as_of timestamp with time zone) TO service_role;
