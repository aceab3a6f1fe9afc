CREATE FUNCTION public.lift_suppression(p_suppression_id uuid, p_reason text) RETURNS public.suppressions
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v public.suppressions;
begin
  if (select auth.uid()) is null then
    raise exception 'sign in to lift a suppression' using errcode = 'DB032';
  end if;
  if pg_catalog.length(pg_catalog.btrim(coalesce(p_reason, ''))) < 10 then
    raise exception 'lifting a suppression needs a reason (at least 10 characters)' using errcode = 'DB033';
  end if;
  select * into v from public.suppressions s where s.id = p_suppression_id for update;
  if not found or not (v.team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin())) then
    raise exception 'suppression % not found', p_suppression_id using errcode = 'DB034';
  end if;
  if v.lifted_at is not null or (v.expires_at is not null and v.expires_at <= now()) then
    raise exception 'suppression % is not active (already lifted or expired)', p_suppression_id using errcode = 'DB035';
  end if;
  -- the guard trigger checks the role again, so direct updates follow the same rules
  update public.suppressions s
     set lifted_at = now(), lifted_by_user_id = (select auth.uid()), lift_reason = pg_catalog.btrim(p_reason)
   where s.id = v.id
  returning * into v;

  if v.suppression_type = 'legal' and v.contact_id is not null then
    update public.contacts c
       set do_not_call = false
     where c.id = v.contact_id
       and c.do_not_call
       and not exists (select 1 from public.suppressions s
                        where s.contact_id = v.contact_id and s.suppression_type = 'legal' and s.lifted_at is null);
  end if;
  return v;
end
$$;

COMMENT ON FUNCTION public.lift_suppression(p_suppression_id uuid, p_reason text) IS 'RPC: lifts a suppression, audited on the row (lifted_at, lifted_by_user_id, lift_reason). Internal
suppressions: managers of the row''s team and admins. Legal do-not-call: admins only, only to correct a
record made in error (the reason says so); the contact leaves the do-not-call list when no other legal
suppression of it remains. Reason: at least 10 characters.';

REVOKE ALL ON FUNCTION public.lift_suppression(p_suppression_id uuid, p_reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.lift_suppression(p_suppression_id uuid, p_reason text) TO authenticated;
GRANT ALL ON FUNCTION public.lift_suppression(p_suppression_id uuid, p_reason text) TO service_role;
