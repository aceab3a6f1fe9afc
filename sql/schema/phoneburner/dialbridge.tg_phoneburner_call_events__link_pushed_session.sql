CREATE FUNCTION dialbridge.tg_phoneburner_call_events__link_pushed_session() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if new.phoneburner_session_id is not null then
    perform dialbridge.link_pushed_session(new.phoneburner_session_id, new.sourceco_contact_id,
                                           new.phoneburner_contact_id, new.phone_e164, new.phoneburner_user_id);
  end if;
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_phoneburner_call_events__link_pushed_session() IS 'Trigger function: links a pending pushed session when an event of one of its contacts names its id.';

REVOKE ALL ON FUNCTION dialbridge.tg_phoneburner_call_events__link_pushed_session() FROM PUBLIC;
