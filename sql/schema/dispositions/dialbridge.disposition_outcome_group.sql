CREATE FUNCTION dialbridge.disposition_outcome_group(p_code_match text, p_code_group text, p_label_group text, p_disposition_code text, p_label_key text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select coalesce(case when p_code_match is not null then p_code_group else p_label_group end,
                  case when p_disposition_code <> '' or p_label_key <> '' then 'unmapped' else 'none' end)
$$;

COMMENT ON FUNCTION dialbridge.disposition_outcome_group(p_code_match text, p_code_group text, p_label_group text, p_disposition_code text, p_label_key text) IS 'The outcome group of a disposition from its two mapping lookups: the mapping matched by code wins, then by label; unmapped when neither matches, none when there is no disposition.';

REVOKE ALL ON FUNCTION dialbridge.disposition_outcome_group(p_code_match text, p_code_group text, p_label_group text, p_disposition_code text, p_label_key text) FROM PUBLIC;
