CREATE FUNCTION public.get_remarketing_dashboard_stats(p_from_date timestamp with time zone DEFAULT NULL::timestamp with time zone) RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  with calls as (
    select pg_catalog.count(*) filter (where ca.activity_type in ('call_attempt', 'call_completed', 'call_connected', 'disposition_set', 'voicemail_left')) as calls_made,
           pg_catalog.count(*) filter (where ca.activity_type in ('call_attempt', 'call_completed', 'call_connected', 'disposition_set', 'voicemail_left')
                                         and ca.call_connected) as calls_connected
      from public.contact_activities ca
     where ca.deleted_at is null
       and (p_from_date is null or coalesce(ca.call_started_at, ca.created_at) >= p_from_date)
  )
  select pg_catalog.jsonb_build_object(
    'cards', (select pg_catalog.jsonb_build_object('calls_made', c.calls_made, 'calls_connected', c.calls_connected) from calls c),
    'outreach_stats', (select pg_catalog.jsonb_build_object('calls_made', c.calls_made, 'calls_connected', c.calls_connected) from calls c),
    'new_by_source', '{}'::jsonb, 'all_by_source', '{}'::jsonb, 'ebitda_by_source', '{}'::jsonb,
    'industry_breakdown', '[]'::jsonb, 'team', '[]'::jsonb, 'top_deals', '[]'::jsonb, 'weekly', '{}'::jsonb,
    'recent_activity', '[]'::jsonb)
$$;

COMMENT ON FUNCTION public.get_remarketing_dashboard_stats(p_from_date timestamp with time zone) IS 'The calling part of SourceCo''s remarketing dashboard: calls_made (every call, once; contact_displayed is not a call) and calls_connected since p_from_date, under cards and outreach_stats, for the caller''s team (RLS). The deal keys of SourceCo''s own function (listings, sources, EBITDA) are empty here: installed into SourceCo''s database, keep SourceCo''s function and take these two counts from this definition.';

REVOKE ALL ON FUNCTION public.get_remarketing_dashboard_stats(p_from_date timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION public.get_remarketing_dashboard_stats(p_from_date timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION public.get_remarketing_dashboard_stats(p_from_date timestamp with time zone) TO service_role;
