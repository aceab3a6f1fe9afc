CREATE FUNCTION dialbridge.project_phoneburner_keys(p_keys text[]) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  return dialbridge.project_phoneburner_calls(p_keys) + dialbridge.project_phoneburner_contact_updates(p_keys);
end
$$;

COMMENT ON FUNCTION dialbridge.project_phoneburner_keys(p_keys text[]) IS 'Projects any mix of call keys and contact-update keys (calls first).';

REVOKE ALL ON FUNCTION dialbridge.project_phoneburner_keys(p_keys text[]) FROM PUBLIC;
