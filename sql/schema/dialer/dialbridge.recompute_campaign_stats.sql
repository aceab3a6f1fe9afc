CREATE FUNCTION dialbridge.recompute_campaign_stats(p_campaign_ids uuid[] DEFAULT NULL::uuid[]) RETURNS TABLE(campaign_id uuid, was jsonb, now_is jsonb)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
#variable_conflict use_column
begin
  return query
  with r as (
    select x.campaign_id, x.stats, c.stats as old_stats
      from dialbridge.campaign_stats_from_rows(p_campaign_ids) x
      join public.dialer_campaigns c on c.id = x.campaign_id
     where c.stats is distinct from x.stats
  ), fixed as (
    update public.dialer_campaigns c set stats = r.stats from r where c.id = r.campaign_id
    returning c.id
  )
  select r.campaign_id, r.old_stats, r.stats from r join fixed f on f.id = r.campaign_id;
end
$$;

COMMENT ON FUNCTION dialbridge.recompute_campaign_stats(p_campaign_ids uuid[]) IS 'Reconciliation: rewrites every campaign''s stats that differ from its rows (dialbridge.campaign_stats_from_rows) and returns them with the old value; run nightly by the worker, compared in the tests.';

REVOKE ALL ON FUNCTION dialbridge.recompute_campaign_stats(p_campaign_ids uuid[]) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.recompute_campaign_stats(p_campaign_ids uuid[]) TO service_role;
