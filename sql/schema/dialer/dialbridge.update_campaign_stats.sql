CREATE FUNCTION dialbridge.update_campaign_stats() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if tg_op = 'INSERT' then
    update public.dialer_campaigns c set stats = dialbridge.jsonb_add_numbers(c.stats, d.delta)
      from (select n.campaign_id, dialbridge.campaign_stats_sum(array_agg(n.status), array_agg(n.attempts), array_agg(1)) as delta
              from new_rows n group by n.campaign_id) d
     where c.id = d.campaign_id;
  elsif tg_op = 'DELETE' then
    update public.dialer_campaigns c set stats = dialbridge.jsonb_add_numbers(c.stats, d.delta)
      from (select o.campaign_id, dialbridge.campaign_stats_sum(array_agg(o.status), array_agg(o.attempts), array_agg(-1)) as delta
              from old_rows o group by o.campaign_id) d
     where c.id = d.campaign_id;
  else
    update public.dialer_campaigns c set stats = dialbridge.jsonb_add_numbers(c.stats, d.delta)
      from (select x.campaign_id, dialbridge.campaign_stats_sum(array_agg(x.status), array_agg(x.attempts), array_agg(x.sign)) as delta
              from (select n.campaign_id, n.status, n.attempts, 1 as sign from new_rows n
                    union all
                    select o.campaign_id, o.status, o.attempts, -1 from old_rows o) x
             group by x.campaign_id) d
     where c.id = d.campaign_id
       and d.delta <> dialbridge.campaign_stats_sum('{}', '{}', '{}');
  end if;
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.update_campaign_stats() IS 'Trigger function (seed 003''s name): adds each statement''s change of campaign contacts to dialer_campaigns.stats (total, pending, calling, completed, failed, do_not_call, callback, attempts), one update per campaign; dialbridge.recompute_campaign_stats rebuilds it from the rows.';

REVOKE ALL ON FUNCTION dialbridge.update_campaign_stats() FROM PUBLIC;
