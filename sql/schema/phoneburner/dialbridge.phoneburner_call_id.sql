CREATE FUNCTION dialbridge.phoneburner_call_id(p_payload jsonb) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
begin
  return dialbridge.jsonb_first_id(array[p_payload -> 'call_id', p_payload -> 'call' -> 'id',
                                         p_payload -> 'callId', p_payload -> 'call' -> 'call_id']);
end
$$;

COMMENT ON FUNCTION dialbridge.phoneburner_call_id(p_payload jsonb) IS 'The provider call id of an event: call_id, call.id, callId or call.call_id.';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_call_id(p_payload jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_call_id(p_payload jsonb) TO service_role;
