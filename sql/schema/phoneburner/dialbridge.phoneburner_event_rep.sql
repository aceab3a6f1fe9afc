CREATE FUNCTION dialbridge.phoneburner_event_rep(p_event_type text, p_payload jsonb) RETURNS TABLE(user_id text, user_name text, user_email text)
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
declare
  v_obj jsonb;
begin
  v_obj := case
    when pg_catalog.jsonb_typeof(p_payload -> 'user') = 'object' then p_payload -> 'user'
    when pg_catalog.jsonb_typeof(p_payload -> 'agent') = 'object' then p_payload -> 'agent'
    when pg_catalog.jsonb_typeof(p_payload -> 'assigned_user') = 'object' then p_payload -> 'assigned_user'
    when pg_catalog.jsonb_typeof(p_payload -> 'updated_by') = 'object' then p_payload -> 'updated_by'
  end;
  -- a top-level user_id is the rep in the seed contract only (PhoneBurner's own payloads use it for the contact)
  user_id := coalesce(
    dialbridge.jsonb_scalar_text(v_obj -> 'id'), dialbridge.jsonb_scalar_text(v_obj -> 'user_id'),
    dialbridge.jsonb_scalar_text(v_obj -> 'member_user_id'), dialbridge.jsonb_scalar_text(p_payload -> 'assigned_user_id'),
    dialbridge.jsonb_scalar_text(p_payload -> 'custom_data' -> 'pb_user_id'),
    dialbridge.jsonb_scalar_text(p_payload -> 'member_user_id'), dialbridge.jsonb_scalar_text(p_payload -> 'pb_user_id'),
    case when pg_catalog.jsonb_typeof(p_payload -> 'updated_by') in ('string', 'number')
         then dialbridge.jsonb_scalar_text(p_payload -> 'updated_by') end,
    case when p_event_type not like 'api\_%' and p_event_type <> 'softphone_call_done'
         then dialbridge.jsonb_scalar_text(p_payload -> 'user_id') end);
  user_name := coalesce(dialbridge.jsonb_string(v_obj -> 'name'),
    nullif(pg_catalog.btrim(coalesce(dialbridge.jsonb_string(v_obj -> 'first_name'), '') || ' '
                            || coalesce(dialbridge.jsonb_string(v_obj -> 'last_name'), '')), ''),
    dialbridge.jsonb_string(p_payload -> 'user_name'));
  user_email := coalesce(dialbridge.jsonb_string(v_obj -> 'email'), dialbridge.jsonb_string(p_payload -> 'user_email'));
  return next;
end
$$;

COMMENT ON FUNCTION dialbridge.phoneburner_event_rep(p_event_type text, p_payload jsonb) IS 'The rep an event names, as {id, name, email} from user / agent / assigned_user / updated_by / flat ids.';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_event_rep(p_event_type text, p_payload jsonb) FROM PUBLIC;
