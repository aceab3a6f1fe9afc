CREATE FUNCTION dialbridge.tg_call_dispositions__to_pipeline() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_log public.call_logs;
  v_payload jsonb;
begin
  select * into v_log from public.call_logs where id = new.call_id;
  if v_log.provider = 'voipstudio' then
    v_payload := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'id', 'disposition:' || new.id,
      'event_name', 'disposition.set',
      'event_time', pg_catalog.to_char(new.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      'root_call_id', v_log.call_id,
      'call_log_id', v_log.id,
      'disposition', new.disposition,
      'notes', new.notes,
      'follow_up_date', pg_catalog.to_char(new.follow_up_date at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      'user_email', (select p.email from public.profiles p where p.id = coalesce(new.user_id, v_log.user_id)),
      'contact_id', v_log.contact_id,
      'campaign_id', v_log.campaign_id));
    perform dialbridge.receive_webhook_event('voipstudio', 'disposition.set', v_payload, null,
      pg_catalog.octet_length(v_payload::text), 'internal', null, null, 'dialbridge');
  end if;
  if v_log.campaign_contact_id is not null then
    perform dialbridge.refresh_campaign_contacts(array[v_log.campaign_contact_id]);
  end if;
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_call_dispositions__to_pipeline() IS 'Trigger function: a VoIPStudio call''s disposition becomes a disposition.set event of the shared pipeline (stored and queued in this transaction; the disposition engine acts on the call''s activity, once, whatever the order with the call''s own events), and its campaign contact is re-derived (status, callback, retry).';

REVOKE ALL ON FUNCTION dialbridge.tg_call_dispositions__to_pipeline() FROM PUBLIC;
