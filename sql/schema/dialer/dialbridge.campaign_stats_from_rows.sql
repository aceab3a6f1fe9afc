CREATE FUNCTION dialbridge.campaign_stats_from_rows(p_campaign_ids uuid[] DEFAULT NULL::uuid[]) RETURNS TABLE(campaign_id uuid, stats jsonb)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select c.id, dialbridge.campaign_stats_sum(coalesce(array_agg(cc.status) filter (where cc.id is not null), '{}'),
                                            coalesce(array_agg(cc.attempts) filter (where cc.id is not null), '{}'),
                                            coalesce(array_agg(1) filter (where cc.id is not null), '{}'))
    from public.dialer_campaigns c
    left join public.campaign_contacts cc on cc.campaign_id = c.id
   where p_campaign_ids is null or c.id = any (p_campaign_ids)
   group by c.id
$$;

COMMENT ON FUNCTION dialbridge.campaign_stats_from_rows(p_campaign_ids uuid[]) IS 'Campaign stats computed from campaign_contacts (all campaigns when null): the reference the maintained dialer_campaigns.stats is compared with.';

REVOKE ALL ON FUNCTION dialbridge.campaign_stats_from_rows(p_campaign_ids uuid[]) FROM PUBLIC;
