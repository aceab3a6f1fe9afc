CREATE FUNCTION dialbridge.phoneburner_event_refs(p_event_type text, p_payload jsonb, p_zone text DEFAULT NULL::text) RETURNS TABLE(call_id text, contact_id text, sourceco_contact_id text, user_id text, session_id text, event_at timestamp with time zone)
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
declare
  v_zone text := coalesce(p_zone,
    nullif(pg_catalog.btrim(pg_catalog.current_setting('dialbridge.phoneburner_time_zone', true)), ''), 'America/New_York');
begin
  call_id := dialbridge.phoneburner_call_id(p_payload);
  contact_id := dialbridge.jsonb_first_id(array[
    p_payload -> 'contact_id', p_payload -> 'contact' -> 'id', p_payload -> 'contact' -> 'user_id',
    p_payload -> 'contact' -> 'contact_user_id', p_payload -> 'contact_user_id']);
  sourceco_contact_id := dialbridge.phoneburner_sourceco_id(p_payload);
  user_id := dialbridge.jsonb_first_id(array[
    p_payload -> 'user' -> 'id', p_payload -> 'agent' -> 'user_id', p_payload -> 'assigned_user' -> 'id',
    p_payload -> 'assigned_user_id', p_payload -> 'updated_by' -> 'user_id', p_payload -> 'updated_by',
    p_payload -> 'member_user_id', p_payload -> 'pb_user_id',
    case when p_event_type not like 'api\_%' and p_event_type <> 'softphone_call_done' then p_payload -> 'user_id' end]);
  session_id := dialbridge.jsonb_first_id(array[
    p_payload -> 'dial_session' -> 'id', p_payload -> 'ds_id', p_payload -> 'dial_session_id',
    p_payload -> 'dialsession_id', p_payload -> 'dialsession' -> 'id']);
  event_at := coalesce(dialbridge.phoneburner_timestamptz(p_payload -> 'timestamp', v_zone),
                       dialbridge.phoneburner_timestamptz(p_payload -> 'end_time', v_zone),
                       dialbridge.phoneburner_timestamptz(p_payload -> 'start_time', v_zone));
  return next;
end
$$;

COMMENT ON FUNCTION dialbridge.phoneburner_event_refs(p_event_type text, p_payload jsonb, p_zone text) IS 'The ids and time an event carries, from either payload shape: seed 000 nested (call.id, contact.id,
user.id, dial_session.id, custom_fields.sourceco_contact_id), seed 001 flat (call_id, contact_id,
user_id, assigned_user_id, sourceco_contact_id) and real PhoneBurner (call_id, ds_id, contact.user_id,
contact_user_id, agent.user_id, "SourceCo ID" custom field, external_crm_data). Used for the log''s
lookup columns and by the projection. A top-level user_id is the rep only in the seed contract: in
PhoneBurner''s own payloads user_id names the contact. event_at: timestamp, else end_time, else
start_time; zone-less times are read in p_zone, by default the PhoneBurner account''s zone (database
setting dialbridge.phoneburner_time_zone, default America/New_York — the processing reads it too).';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_event_refs(p_event_type text, p_payload jsonb, p_zone text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_event_refs(p_event_type text, p_payload jsonb, p_zone text) TO service_role;
