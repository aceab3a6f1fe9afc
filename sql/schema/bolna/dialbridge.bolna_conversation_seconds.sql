CREATE FUNCTION dialbridge.bolna_conversation_seconds(p jsonb, p_status text) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $_$
  select greatest(0, coalesce(
    case when pg_catalog.jsonb_typeof(p -> 'conversation_duration') = 'number' then (p ->> 'conversation_duration')::numeric
         when p ->> 'conversation_duration' ~ '^\s*\d{1,6}(\.\d+)?\s*$' then (p ->> 'conversation_duration')::numeric end,
    -- the completed POST may carry only the rounded telephony duration
    case when p_status = 'completed' and p -> 'telephony_data' ->> 'duration' ~ '^\s*\d{1,6}(\.\d+)?\s*$'
         then (p -> 'telephony_data' ->> 'duration')::numeric end, 0))
$_$;

COMMENT ON FUNCTION dialbridge.bolna_conversation_seconds(p jsonb, p_status text) IS 'Seconds of conversation a Bolna POST reports: conversation_duration (float), else, on completed, telephony_data.duration; 0 when none.';

REVOKE ALL ON FUNCTION dialbridge.bolna_conversation_seconds(p jsonb, p_status text) FROM PUBLIC;
