CREATE FUNCTION dialbridge.phoneburner_call_outcome(p_outcome text, p_answered_by text, p_connected boolean, p_connected_at timestamp with time zone, p_talk integer, p_mapping_code text, p_mapping_connected boolean, p_label text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
declare
  l text := coalesce(dialbridge.normalize_label(p_label), '');
begin
  return case
    when p_outcome in ('no_answer', 'busy', 'failed', 'rejected') then p_outcome
    when p_outcome = 'voicemail' or p_answered_by = 'voicemail' then 'voicemail'
    when p_answered_by in ('decision_maker', 'gatekeeper', 'answering_service') then 'connected'
    when p_mapping_code = 'LEFT_VOICEMAIL' or l ~ '(voicemail|leftmessage|leftvm)' then 'voicemail'
    when p_answered_by = 'unknown' or p_connected_at is not null or p_connected then 'connected'
    when p_outcome = 'completed' and coalesce(p_talk, 0) > 0 then 'connected'
    when p_connected = false or p_mapping_code = 'NO_ANSWER' or l in ('noanswer', 'busy')
      then case when l like '%busy%' then 'busy' else 'no_answer' end
    when p_outcome = 'completed' then 'no_answer'
    when p_mapping_connected or (l like '%connected%' and l not like '%disconnect%') then 'connected'
  end;
end
$$;

COMMENT ON FUNCTION dialbridge.phoneburner_call_outcome(p_outcome text, p_answered_by text, p_connected boolean, p_connected_at timestamp with time zone, p_talk integer, p_mapping_code text, p_mapping_connected boolean, p_label text) IS 'The call outcome from the merged facts (rules in the header of this migration).';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_call_outcome(p_outcome text, p_answered_by text, p_connected boolean, p_connected_at timestamp with time zone, p_talk integer, p_mapping_code text, p_mapping_connected boolean, p_label text) FROM PUBLIC;
