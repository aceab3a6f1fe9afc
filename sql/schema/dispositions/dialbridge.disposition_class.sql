CREATE FUNCTION dialbridge.disposition_class(p_disposition_code text, p_label_key text) RETURNS TABLE(outcome_group text, is_meeting boolean)
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
  select dialbridge.disposition_outcome_group(cc.match_key, cc.outcome_group, cl.outcome_group, p_disposition_code, p_label_key),
         dialbridge.disposition_is_meeting(cc.match_key, cc.is_meeting, cl.is_meeting)
    from (select 1) one
    left join dialbridge.disposition_classes cc on p_disposition_code <> '' and cc.match_key operator(pg_catalog.=) ('c:' || p_disposition_code)
    left join dialbridge.disposition_classes cl on p_label_key <> '' and cl.match_key operator(pg_catalog.=) ('l:' || p_label_key)
$$;

COMMENT ON FUNCTION dialbridge.disposition_class(p_disposition_code text, p_label_key text) IS 'The outcome group and meeting flag of a (normalised) disposition code and label key (dialbridge.disposition_outcome_group, disposition_is_meeting over the mapping lookups).';

REVOKE ALL ON FUNCTION dialbridge.disposition_class(p_disposition_code text, p_label_key text) FROM PUBLIC;
