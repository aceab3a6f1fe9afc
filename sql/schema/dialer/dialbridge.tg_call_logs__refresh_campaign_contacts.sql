CREATE FUNCTION dialbridge.tg_call_logs__refresh_campaign_contacts() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if tg_op = 'INSERT' then
    perform dialbridge.refresh_campaign_contacts(array(select distinct n.campaign_contact_id from new_rows n where n.campaign_contact_id is not null));
  elsif tg_op = 'DELETE' then
    perform dialbridge.refresh_campaign_contacts(array(select distinct o.campaign_contact_id from old_rows o where o.campaign_contact_id is not null));
  else
    perform dialbridge.refresh_campaign_contacts(array(
      select x.cc from (select n.campaign_contact_id as cc, n.status, n.started_at, n.abandoned, n.answered_by from new_rows n
                        union all select o.campaign_contact_id, o.status, o.started_at, o.abandoned, o.answered_by from old_rows o) x
       where x.cc is not null group by x.cc
      having count(distinct (x.status, x.started_at, x.abandoned, x.answered_by)) > 1 or count(*) = 1));
  end if;
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_call_logs__refresh_campaign_contacts() IS 'Trigger function: a statement that adds, removes or changes the status, start, abandonment or answering party of call logs re-derives their campaign contacts (dialbridge.refresh_campaign_contacts).';

REVOKE ALL ON FUNCTION dialbridge.tg_call_logs__refresh_campaign_contacts() FROM PUBLIC;
