CREATE FUNCTION dialbridge.refresh_disposition_classes() RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  lock table dialbridge.disposition_classes in exclusive mode;
  delete from dialbridge.disposition_classes;
  insert into dialbridge.disposition_classes
         (match_key, code, label, category, status, stage, outcome_group, is_meeting, engagement_score_delta)
  select distinct on (k.match_key)
         k.match_key, m.phoneburner_disposition_code, m.phoneburner_disposition_label,
         m.category, m.sourceco_contact_status, m.sourceco_contact_stage,
         coalesce(pg_catalog.lower(m.sourceco_contact_status), 'other'),
         (m.phoneburner_disposition_code = 'MEETING_SET' or coalesce(m.sourceco_contact_stage = 'Meeting Set', false)),
         m.engagement_score_delta
    from public.disposition_mappings m
   cross join lateral (
           select 'c:' || m.phoneburner_disposition_code
           union all
           select 'l:' || dialbridge.normalize_label(m.phoneburner_disposition_label)
           union all
           select 'l:' || dialbridge.normalize_label(a.alias) from pg_catalog.unnest(m.label_aliases) as a(alias)
         ) as k(match_key)
   where m.is_active and k.match_key is not null
   order by k.match_key, m.phoneburner_disposition_code;
end
$$;

COMMENT ON FUNCTION dialbridge.refresh_disposition_classes() IS 'Rebuilds dialbridge.disposition_classes from the active disposition mappings.';

REVOKE ALL ON FUNCTION dialbridge.refresh_disposition_classes() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.refresh_disposition_classes() TO service_role;
