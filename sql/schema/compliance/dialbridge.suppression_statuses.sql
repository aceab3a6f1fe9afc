CREATE FUNCTION dialbridge.suppression_statuses(p_contact_ids uuid[], p_phones text[], p_as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(ordinality bigint, contact_id uuid, phone_e164 text, is_suppressed boolean, is_legal boolean, reason text, until timestamp with time zone)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  with given as (
    select i.n as ordinality, i.contact_id as given_contact_id, dialbridge.suppression_phone(i.phone) as phone_e164,
           -- a signed-in user learns about their own team's contacts only (admins and server-side callers: all);
           -- a number's legal do-not-call is answered for anyone (it must stop every team's dialing)
           case when auth.uid() is null or dialbridge.is_admin()
                  or exists (select 1 from public.contacts k where k.id = i.contact_id and k.team_id = dialbridge.current_team_id())
                then i.contact_id end as contact_id
      from unnest(p_contact_ids, p_phones) with ordinality as i (contact_id, phone, n)
  ), input as (
    select g.ordinality, g.contact_id, g.phone_e164, g.given_contact_id from given g
  ),
  hits as (
    select i.ordinality, s.suppression_type, s.reason, s.expires_at
      from input i
      join public.suppressions s on s.contact_id = i.contact_id
     where (s.lifted_at is null or s.lifted_at > p_as_of)
       and (s.expires_at is null or s.expires_at > p_as_of)
    union all
    select i.ordinality, s.suppression_type, s.reason, s.expires_at
      from input i
      join public.suppressions s on s.phone_e164 = i.phone_e164
     where (s.suppression_type = 'legal' or s.contact_id is null)
       and (s.contact_id = i.contact_id) is not true   -- counted by the contact branch
       and (s.lifted_at is null or s.lifted_at > p_as_of)
       and (s.expires_at is null or s.expires_at > p_as_of)
    union all
    select i.ordinality, 'legal', coalesce(c.do_not_call_reason, 'legal_requirement'), null::timestamptz
      from input i
      join public.contacts c on c.id = i.contact_id
     where c.do_not_call
  )
  select i.ordinality, i.given_contact_id, i.phone_e164,
         count(h.ordinality) > 0,
         coalesce(bool_or(h.suppression_type = 'legal'), false),
         (array_agg(h.reason order by h.suppression_type = 'legal' desc, h.expires_at desc nulls first)
            filter (where h.ordinality is not null))[1],
         case when bool_or(h.ordinality is not null and h.expires_at is null) then null else max(h.expires_at) end
    from input i
    left join hits h on h.ordinality = i.ordinality
   group by i.ordinality, i.given_contact_id, i.phone_e164
   order by i.ordinality
$$;

COMMENT ON FUNCTION dialbridge.suppression_statuses(p_contact_ids uuid[], p_phones text[], p_as_of timestamp with time zone) IS 'Suppression status of many contacts / numbers at once (the push preview''s set-based form): one row per
input position. A contact is suppressed by its own unlifted, unexpired suppressions or its do_not_call
flag; a number by legal suppressions on it (whichever contact asked) and by number-only rows.
is_legal: a legal do-not-call applies (never overridable). until: null when permanent.
security definer: a do-not-call request recorded by another team still stops this team''s push (by number);
what a contact''s own rows say is answered only to its team (admins and server-side callers: every contact).';

REVOKE ALL ON FUNCTION dialbridge.suppression_statuses(p_contact_ids uuid[], p_phones text[], p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.suppression_statuses(p_contact_ids uuid[], p_phones text[], p_as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.suppression_statuses(p_contact_ids uuid[], p_phones text[], p_as_of timestamp with time zone) TO service_role;
