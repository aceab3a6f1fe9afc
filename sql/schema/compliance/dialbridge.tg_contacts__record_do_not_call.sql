CREATE FUNCTION dialbridge.tg_contacts__record_do_not_call() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if not exists (select 1 from public.suppressions s
                  where s.contact_id = new.id and s.suppression_type = 'legal' and s.lifted_at is null) then
    insert into public.suppressions (contact_id, phone_e164, team_id, suppression_type, reason, source,
                                     set_by_user_id, created_at)
    values (new.id, coalesce(nullif(pg_catalog.to_jsonb(new) ->> 'phone_e164', ''), dialbridge.suppression_phone(new.phone)),
            new.team_id, 'legal',
            coalesce(new.do_not_call_reason, 'legal_requirement'),
            case when (select auth.uid()) is null then 'system' else 'manual' end,
            new.do_not_call_set_by_user_id, coalesce(new.do_not_call_set_at, now()));
  end if;
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_contacts__record_do_not_call() IS 'Trigger function: a contact put on the do-not-call list by any path other than a suppression row (an
import, the service role, legacy data) gets its legal suppression, by contact and phone, in the same
transaction. security definer: writes suppressions on behalf of whoever set the flag.';

REVOKE ALL ON FUNCTION dialbridge.tg_contacts__record_do_not_call() FROM PUBLIC;
