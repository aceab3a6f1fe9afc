CREATE FUNCTION dialbridge.tg_contacts__keep_legal_suppressions() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  -- contacts.phone_e164 (push migrations) when present, read softly
  v_phone text := coalesce(nullif(pg_catalog.to_jsonb(old) ->> 'phone_e164', ''), dialbridge.suppression_phone(old.phone));
begin
  update public.suppressions s
     set contact_id = null,
         phone_e164 = coalesce(s.phone_e164, v_phone)
   where s.contact_id = old.id
     and s.suppression_type = 'legal'
     and s.lifted_at is null
     and coalesce(s.phone_e164, v_phone) is not null;
  return old;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_contacts__keep_legal_suppressions() IS 'Trigger function: before a contact is deleted, its active legal suppressions are detached from it and
kept on the phone number (the do-not-call request follows the number). security definer: runs for
whoever may delete the contact.';

REVOKE ALL ON FUNCTION dialbridge.tg_contacts__keep_legal_suppressions() FROM PUBLIC;
