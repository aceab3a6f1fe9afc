CREATE FUNCTION dialbridge.disposition_class(p_disposition_code text, p_label_key text) RETURNS TABLE(outcome_group text, is_meeting boolean)
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
  select coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end,
                  case when p_disposition_code <> '' or p_label_key <> '' then 'unmapped' else 'none' end),
         coalesce(case when cc.match_key is not null then cc.is_meeting else cl.is_meeting end, false)
    from (select 1) one
    left join dialbridge.disposition_classes cc on p_disposition_code <> '' and cc.match_key operator(pg_catalog.=) ('c:' || p_disposition_code)
    left join dialbridge.disposition_classes cl on p_label_key <> '' and cl.match_key operator(pg_catalog.=) ('l:' || p_label_key)
$$;

COMMENT ON FUNCTION dialbridge.disposition_class(p_disposition_code text, p_label_key text) IS 'The outcome group and meeting flag of a (normalised) disposition code and label key: the mapping matched by code first, then by label; unmapped when neither matches, none when there is no disposition.';

REVOKE ALL ON FUNCTION dialbridge.disposition_class(p_disposition_code text, p_label_key text) FROM PUBLIC;
