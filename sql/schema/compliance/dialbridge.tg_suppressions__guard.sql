CREATE FUNCTION dialbridge.tg_suppressions__guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_nested boolean := pg_catalog.pg_trigger_depth() > 1;
begin
  if tg_op = 'DELETE' then
    if v_nested and (old.suppression_type = 'internal' or old.lifted_at is not null or old.phone_e164 is null) then
      return old;   -- cascade from the contact's deletion
    end if;
    if old.suppression_type = 'legal' then
      raise exception 'a legal do-not-call suppression is never deleted'
        using errcode = 'DB031', hint = 'An admin may lift one recorded in error with public.lift_suppression().';
    end if;
    if old.lifted_at is null and (old.expires_at is null or old.expires_at > now()) then
      raise exception 'an active suppression is lifted with public.lift_suppression(), not deleted'
        using errcode = 'DB031';
    end if;
    return old;
  end if;

  -- UPDATE
  if v_nested then
    -- ON DELETE SET NULL of a referenced row, or the contact's deletion detaching a legal row
    if new.contact_id is distinct from old.contact_id and new.contact_id is not null then
      raise exception 'a suppression cannot move to another contact' using errcode = 'DB031';
    end if;
    if new.phone_e164 is distinct from old.phone_e164 and old.phone_e164 is not null then
      raise exception 'a suppression''s phone number cannot change' using errcode = 'DB031';
    end if;
    if (new.source_activity_id is distinct from old.source_activity_id and new.source_activity_id is not null)
       or (new.set_by_user_id is distinct from old.set_by_user_id and new.set_by_user_id is not null)
       or (new.lifted_by_user_id is distinct from old.lifted_by_user_id and new.lifted_by_user_id is not null) then
      raise exception 'only an ON DELETE action may clear a suppression''s references' using errcode = 'DB031';
    end if;
  else
    if (new.contact_id, new.phone_e164, new.source_activity_id, new.set_by_user_id)
       is distinct from (old.contact_id, old.phone_e164, old.source_activity_id, old.set_by_user_id) then
      raise exception 'a suppression''s contact, phone, source and author never change' using errcode = 'DB031';
    end if;
  end if;

  if (new.suppression_type, new.reason, new.source, new.created_at)
     is distinct from (old.suppression_type, old.reason, old.source, old.created_at) then
    raise exception 'a suppression''s kind, reason, source and start never change' using errcode = 'DB031';
  end if;

  if new.expires_at is distinct from old.expires_at then
    if old.suppression_type = 'legal' or old.lifted_at is not null or old.expires_at is null
       or (new.expires_at is not null and new.expires_at < old.expires_at) then
      raise exception 'a suppression is shortened only by lifting it with public.lift_suppression()'
        using errcode = 'DB031';
    end if;
  end if;

  if old.lifted_at is not null then
    if (new.lifted_at, new.lift_reason) is distinct from (old.lifted_at, old.lift_reason)
       or (new.lifted_by_user_id is distinct from old.lifted_by_user_id and not v_nested) then
      raise exception 'a lifted suppression is kept as it was lifted (audit)' using errcode = 'DB031';
    end if;
    return new;
  end if;

  if new.lifted_at is not null then
    if pg_catalog.length(pg_catalog.btrim(coalesce(new.lift_reason, ''))) < 10 then
      raise exception 'lifting a suppression needs a reason (at least 10 characters)' using errcode = 'DB033';
    end if;
    if (select auth.uid()) is null or new.lifted_by_user_id is distinct from (select auth.uid()) then
      raise exception 'a suppression is lifted by a signed-in user, recorded as the one lifting it'
        using errcode = 'DB032';
    end if;
    if old.suppression_type = 'legal' and not (select dialbridge.is_admin()) then
      raise exception 'only an admin may lift a legal do-not-call suppression, and only to correct a record made in error'
        using errcode = 'DB032';
    end if;
    if old.suppression_type = 'internal'
       and not ((select dialbridge.is_admin())
                or ((select dialbridge.is_manager_or_admin()) and old.team_id = (select dialbridge.current_team_id()))) then
      raise exception 'only a manager of the team or an admin may lift an internal suppression' using errcode = 'DB032';
    end if;
    new.lifted_at := now();   -- never backdated
  elsif new.lifted_by_user_id is not null or new.lift_reason is not null then
    raise exception 'lifting a suppression sets lifted_at, lifted_by_user_id and lift_reason together' using errcode = 'DB031';
  end if;
  return new;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_suppressions__guard() IS 'Trigger function: suppression rows are immutable except for
  - the lift (lifted_at, lifted_by_user_id, lift_reason), by the signed-in user recorded as lifting it,
    with a reason; internal: managers of the row''s team or admins; legal: admins only;
  - an internal suppression''s expiry moving later (a later disposition of the same call extends it);
  - team_id (the contact moved team);
  - foreign keys set to null by ON DELETE actions, and a legal row detached from a deleted contact
    (it stays on the phone number). These run from other triggers (pg_trigger_depth() > 1).
Deletes: legal rows never (unless they cannot suppress anything any more: lifted, or no phone left when
their contact is deleted); active internal rows only through their contact''s deletion.';

REVOKE ALL ON FUNCTION dialbridge.tg_suppressions__guard() FROM PUBLIC;
