CREATE FUNCTION dialbridge.tg_contacts__keep_do_not_call() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if tg_op = 'UPDATE' and old.do_not_call then
    if not new.do_not_call then
      if exists (select 1 from public.suppressions s
                  where s.contact_id = old.id and s.suppression_type = 'legal' and s.lifted_at is null) then
        raise exception 'contact % is on the do-not-call list: do_not_call cannot be cleared', old.id
          using errcode = 'DB030',
                hint = 'Do-not-call is permanent. An admin may lift a legal suppression recorded in error with public.lift_suppression().';
      end if;
      new.do_not_call_reason := null;
      new.do_not_call_set_at := null;
      new.do_not_call_set_by_user_id := null;
      return new;
    end if;
    new.do_not_call_reason := coalesce(old.do_not_call_reason, new.do_not_call_reason);
    new.do_not_call_set_at := coalesce(old.do_not_call_set_at, new.do_not_call_set_at);
    new.do_not_call_set_by_user_id := coalesce(old.do_not_call_set_by_user_id, new.do_not_call_set_by_user_id);
    return new;
  end if;

  if new.do_not_call then
    new.do_not_call_reason := coalesce(new.do_not_call_reason, 'legal_requirement');
    new.do_not_call_set_at := coalesce(new.do_not_call_set_at, now());
    new.do_not_call_set_by_user_id := coalesce(new.do_not_call_set_by_user_id, (select auth.uid()));
  end if;
  return new;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_contacts__keep_do_not_call() IS 'Trigger function: do_not_call cannot be cleared while the contact has an unlifted legal suppression
(DB030), whoever asks (a disposition, contact.updated, reconciliation, the service role); while it is set,
its reason, time and author stay as first recorded. Setting it fills reason/time/author when missing.';

REVOKE ALL ON FUNCTION dialbridge.tg_contacts__keep_do_not_call() FROM PUBLIC;
