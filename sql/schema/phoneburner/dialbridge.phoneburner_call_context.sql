CREATE FUNCTION dialbridge.phoneburner_call_context(p_contact_ids uuid[]) RETURNS TABLE(contact_id uuid, custom_fields jsonb)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  with deals as (
    select d.contact_id,
           pg_catalog.count(*) filter (where d.deal_status = 'active') as active_deals,
           (pg_catalog.array_agg(d.deal_name || coalesce(' - ' || pg_catalog.to_char(d.presented_at at time zone 'UTC', 'Mon YYYY'), '')
              order by d.presented_at desc nulls last) filter (where d.presented_at is not null))[1] as last_presented,
           (pg_catalog.array_agg(d.outcome order by d.presented_at desc nulls last) filter (where d.presented_at is not null))[1] as last_outcome
      from public.deal_contacts d
     where d.contact_id = any (p_contact_ids)
     group by d.contact_id
  )
  select c.id, pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
    'sourceco_contact_id', c.sourceco_contact_id,
    'contact_type', c.contact_type,
    'buyer_type', c.buyer_type,
    'firm_type', c.firm_type,
    'industry', c.industry,
    'aum', dialbridge.format_usd_short(c.aum_usd),
    'fund_size', dialbridge.format_usd_short(c.fund_size_usd),
    'target_ebitda_range', case when c.target_ebitda_min_usd is not null or c.target_ebitda_max_usd is not null then
        coalesce(dialbridge.format_usd_short(c.target_ebitda_min_usd), '?') || ' - ' || coalesce(dialbridge.format_usd_short(c.target_ebitda_max_usd), '?') end,
    'ebitda', dialbridge.format_usd_short(c.ebitda_usd),
    'target_sectors', nullif(pg_catalog.array_to_string(c.target_sectors, ', '), ''),
    'target_geographies', nullif(pg_catalog.array_to_string(c.target_geographies, ', '), ''),
    'last_contact_date', pg_catalog.to_char(c.last_call_attempt_at at time zone 'UTC', 'YYYY-MM-DD'),
    'last_contact_method', case when c.last_call_attempt_at is not null then 'call' end,
    'last_contact_outcome', c.last_disposition_label,
    'total_calls_attempted', nullif(c.total_call_attempts, 0)::text,
    'engagement_score', c.call_engagement_score::text,
    'active_deals_count', nullif(d.active_deals, 0)::text,
    'last_deal_presented', d.last_presented,
    'last_deal_outcome', d.last_outcome,
    'call_talking_points', nullif(pg_catalog.btrim(c.call_talking_points), ''),
    'relationship_notes', nullif(pg_catalog.btrim(c.relationship_notes), ''),
    'preferred_contact_time', case when c.best_call_day_of_week is not null or c.best_call_time_of_day is not null then
        pg_catalog.concat_ws(' ', (array['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'])[c.best_call_day_of_week],
                             'around ' || pg_catalog.to_char(c.best_call_time_of_day, 'HH24:MI')) end,
    'assistant_name', coalesce(nullif(pg_catalog.btrim(c.assistant_name), ''), nullif(pg_catalog.btrim(c.gatekeeper_name), '')),
    'assistant_phone', nullif(pg_catalog.btrim(c.assistant_phone), ''),
    'gatekeeper_notes', nullif(pg_catalog.btrim(c.gatekeeper_notes), ''),
    'contact_owner', o.display_name,
    'contact_owner_email', o.email,
    'contact_source', c.list_source))
    from public.contacts c
    left join public.profiles o on o.id = c.owner_id
    left join deals d on d.contact_id = c.id
   where c.id = any (p_contact_ids)
$$;

COMMENT ON FUNCTION dialbridge.phoneburner_call_context(p_contact_ids uuid[]) IS 'The call context pushed with each contact (seed 002 "Custom Fields"), as the seed contract''s
custom_fields object: linking id, classification, firmographics, relationship and deal context, call
prep and attribution. Keys without a value are left out.';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_call_context(p_contact_ids uuid[]) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_call_context(p_contact_ids uuid[]) TO service_role;
