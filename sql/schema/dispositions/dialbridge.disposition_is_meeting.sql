CREATE FUNCTION dialbridge.disposition_is_meeting(p_code_match text, p_code_meeting boolean, p_label_meeting boolean) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ select coalesce(case when p_code_match is not null then p_code_meeting else p_label_meeting end, false) $$;

COMMENT ON FUNCTION dialbridge.disposition_is_meeting(p_code_match text, p_code_meeting boolean, p_label_meeting boolean) IS 'Whether a disposition books a meeting, from its two mapping lookups (code first, then label).';

REVOKE ALL ON FUNCTION dialbridge.disposition_is_meeting(p_code_match text, p_code_meeting boolean, p_label_meeting boolean) FROM PUBLIC;
