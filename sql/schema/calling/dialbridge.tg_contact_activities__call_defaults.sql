CREATE FUNCTION dialbridge.tg_contact_activities__call_defaults() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if new.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left') then
    new.call_started_at := coalesce(new.call_started_at, new.call_connected_at, new.call_ended_at,
                                    new.disposition_set_at, new.created_at, pg_catalog.now());
    if coalesce(new.disposition_code, new.disposition_label) is not null and new.disposition_set_at is null then
      new.disposition_set_at := coalesce(new.call_ended_at, new.call_started_at);
    end if;
  end if;
  return new;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_contact_activities__call_defaults() IS 'Call rows logged by hand (the browser inserts call_started_at / call_ended_at but no disposition time):
a call always has a start time and a dispositioned call a disposition time, which the statistics use.';

REVOKE ALL ON FUNCTION dialbridge.tg_contact_activities__call_defaults() FROM PUBLIC;
