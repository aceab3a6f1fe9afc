-- migrate:up
-- Compliance lookups answer only about the caller's contacts (issue 16, item 4): dialbridge.legal_do_not_call
-- and dialbridge.suppression_statuses run with their owner's rights; a rep who knew another team's contact
-- ids learned which were do-not-call. A signed-in user now learns about their own team's contacts only
-- (admins and server-side callers: all); a number's legal do-not-call still stops every team's dialing.
-- Re-runnable: create or replace.

CREATE OR REPLACE FUNCTION dialbridge.legal_do_not_call(p_contact_ids uuid[]) RETURNS SETOF uuid
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

CREATE OR REPLACE FUNCTION dialbridge.suppression_statuses(p_contact_ids uuid[], p_phones text[], p_as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(ordinality bigint, contact_id uuid, phone_e164 text, is_suppressed boolean, is_legal boolean, reason text, until timestamp with time zone)
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

-- migrate:down
