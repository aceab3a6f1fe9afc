CREATE FUNCTION dialbridge.tg_contact_activities__sourceco_columns() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  c record;
  v_direction text;
  v_call boolean := new.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left');
  v_browser boolean := current_user::text in ('authenticated', 'anon');
begin
  if tg_op = 'UPDATE' and v_browser then
    -- what a rep may change: annotate, anchor to a deal / buyer / lead, link by hand; never un-link
    if new.matching_status is distinct from old.matching_status and new.matching_status <> 'manually_linked' then
      raise exception 'matching_status can only be set to manually_linked' using errcode = 'DB040';
    end if;
  end if;

  if tg_op = 'INSERT' and new.source_system in ('manual', 'manual_entry', 'sourceco_platform') then
    new.user_id := coalesce(new.user_id, auth.uid());
    if (new.user_name is null or new.user_email is null) and new.user_id is not null then
      select coalesce(new.user_name, p.display_name, p.email), coalesce(new.user_email, p.email) into new.user_name, new.user_email
        from public.profiles p where p.id = new.user_id;
    end if;
    if new.contact_id is null and nullif(pg_catalog.btrim(new.contact_email), '') is not null then
      -- SourceCo's resolver: the one contact (visible to the writer) with that e-mail
      select pg_catalog.min(x.id::text)::uuid as id, pg_catalog.count(*) as n into c
        from public.contacts x where pg_catalog.lower(x.email) = pg_catalog.lower(pg_catalog.btrim(new.contact_email));
      if c.n = 1 then
        new.contact_id := c.id;
        if new.matching_status = 'unmatched' then new.matching_status := 'matched'; end if;
      end if;
    end if;
    if new.contact_id is null and new.listing_id is null and new.remarketing_buyer_id is null
       and new.valuation_lead_id is null and v_call then
      new.matching_status := 'unmatched';
    elsif new.contact_id is null and new.matching_status = 'unmatched' and v_call then
      new.matching_status := 'matched';   -- anchored to a deal, buyer or lead
    end if;
  end if;

  if new.contact_id is not null
     and (tg_op = 'INSERT' or new.contact_id is distinct from old.contact_id
          or new.remarketing_buyer_id is null and new.listing_id is null and new.valuation_lead_id is null) then
    select x.team_id, x.email, x.remarketing_buyer_id, x.listing_id, x.valuation_lead_id into c
      from public.contacts x where x.id = new.contact_id;
    if found then
      if tg_op = 'INSERT' and new.source_system in ('manual', 'manual_entry', 'sourceco_platform') then
        new.team_id := coalesce(new.team_id, c.team_id);
      end if;
      if tg_op = 'UPDATE' and new.contact_id is distinct from old.contact_id
         and new.source_system not in ('manual', 'manual_entry', 'sourceco_platform') then
        -- relinked: the anchors follow the contact
        new.remarketing_buyer_id := null; new.listing_id := null; new.valuation_lead_id := null;
      end if;
      if new.listing_id is null then
        new.remarketing_buyer_id := coalesce(new.remarketing_buyer_id, c.remarketing_buyer_id);
      end if;
      if new.remarketing_buyer_id is null then
        new.listing_id := coalesce(new.listing_id, c.listing_id);
      end if;
      new.valuation_lead_id := coalesce(new.valuation_lead_id, c.valuation_lead_id);
      if new.source_system not in ('manual', 'manual_entry', 'sourceco_platform') or new.contact_email is null then
        new.contact_email := coalesce(pg_catalog.lower(c.email), new.details ->> 'contact_email', new.contact_email);
      end if;
    end if;
  elsif new.source_system not in ('manual', 'manual_entry', 'sourceco_platform') then
    new.contact_email := coalesce(new.details ->> 'contact_email', new.contact_email);
  end if;
  if tg_op = 'INSERT' and new.team_id is null and new.source_system in ('manual', 'manual_entry', 'sourceco_platform') then
    new.team_id := dialbridge.current_team_id();
  end if;

  if v_call then
    if new.source_system in ('manual', 'manual_entry', 'sourceco_platform') then
      -- SourceCo's manual log says callback (someone was reached and asked for a call back) or
      -- wrong_number: stored as the outcomes the statistics count, the words as sent kept in details
      if new.call_outcome in ('callback', 'wrong_number') then
        new.details := coalesce(new.details, '{}'::jsonb) || pg_catalog.jsonb_build_object('outcome_sent', new.call_outcome);
        new.call_outcome := case new.call_outcome when 'callback' then 'connected' else 'failed' end;
      end if;
      new.call_connected := coalesce(new.call_connected, new.call_outcome = 'connected', false);
    else
      new.call_connected := coalesce(new.call_outcome = 'connected', false);
      new.recording_url_public := coalesce(new.details ->> 'recording_url_public', new.recording_url_public);
      new.call_transcript := coalesce(new.details ->> 'transcript', new.call_transcript);
      new.contact_notes := coalesce(new.details ->> 'contact_notes', new.contact_notes);
      new.phoneburner_status := coalesce(new.details ->> 'status_sent', new.details ->> 'outcome_sent', new.phoneburner_status);
    end if;
    v_direction := pg_catalog.lower(coalesce(new.call_direction, new.details ->> 'direction'));
    new.call_direction := case when v_direction in ('inbound', 'in', 'incoming') then 'inbound' else 'outbound' end;
  end if;
  return new;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_contact_activities__sourceco_columns() IS 'Trigger function: the columns SourceCo''s screens read, kept true for every row. Rows the browser logs
(source_system manual) get the writer as user, the contact found by contact_email (exactly one visible
contact with it), its team, matching_status unmatched when nothing anchors them; every call gets the
contact''s buyer / listing / valuation-lead anchors and e-mail, call_connected (outcome connected, or as
logged), call_direction (outbound unless the dialer said inbound) and, for dialer calls, the recording
link, transcript, contact notes and PhoneBurner status from the call''s merged details. A rep can set
matching_status only to manually_linked.';

REVOKE ALL ON FUNCTION dialbridge.tg_contact_activities__sourceco_columns() FROM PUBLIC;
