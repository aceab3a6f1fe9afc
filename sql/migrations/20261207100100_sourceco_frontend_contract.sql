-- migrate:up
-- SourceCo's frontend, unchanged, against dialbridge (issue 15, first part): the contact_activities
-- columns its screens select, filled by the projection; the call vocabulary its screens count
-- (call_attempt / call_completed + call_connected); the browser's manual call log; data PhoneBurner sends
-- that was dropped (wrapped Transcript, recording_link*, contact.phones[], contact notes and e-mail); the
-- contact-resolution cascade with automatic relinking; buyer / listing / valuation-lead anchors on contacts
-- and calls; public.unified_contact_timeline; the RPCs its screens call; the token row the browser upserts;
-- and the seed's event-grained model as views (schema seed) so that seed 000's sample queries run verbatim.

-- ---------------------------------------------------------------------------------------------------
-- contacts: SourceCo's anchors (installed into SourceCo's database, these columns already exist)
-- ---------------------------------------------------------------------------------------------------
alter table public.contacts add column if not exists remarketing_buyer_id uuid;
alter table public.contacts add column if not exists listing_id uuid;
alter table public.contacts add column if not exists valuation_lead_id uuid;
alter table public.contacts add column if not exists archived boolean not null default false;
comment on column public.contacts.remarketing_buyer_id is 'Buyer firm the contact works for (SourceCo''s buyers.id; a push of entity_type buyers dials these contacts).';
comment on column public.contacts.listing_id is 'Deal / seller company the contact belongs to (SourceCo''s listings.id).';
comment on column public.contacts.valuation_lead_id is 'Valuation lead the contact came from (SourceCo''s valuation_leads.id; a push of entity_type leads dials these contacts).';
comment on column public.contacts.archived is 'Archived in SourceCo (its screens list only contacts not archived).';
create index if not exists contacts_remarketing_buyer_idx on public.contacts (remarketing_buyer_id) where remarketing_buyer_id is not null;
create index if not exists contacts_listing_idx on public.contacts (listing_id) where listing_id is not null;
create index if not exists contacts_valuation_lead_idx on public.contacts (valuation_lead_id) where valuation_lead_id is not null;

-- ---------------------------------------------------------------------------------------------------
-- contact_activities: the columns SourceCo's screens select
-- ---------------------------------------------------------------------------------------------------
alter table public.contact_activities add column if not exists remarketing_buyer_id uuid;
alter table public.contact_activities add column if not exists listing_id uuid;
alter table public.contact_activities add column if not exists valuation_lead_id uuid;
alter table public.contact_activities add column if not exists contact_email text;
alter table public.contact_activities add column if not exists call_connected boolean;
alter table public.contact_activities add column if not exists call_direction text;
alter table public.contact_activities add column if not exists recording_url_public text;
alter table public.contact_activities add column if not exists call_transcript text;
alter table public.contact_activities add column if not exists phoneburner_status text;
alter table public.contact_activities add column if not exists contact_notes text;
alter table public.contact_activities add column if not exists ai_summary text;

comment on column public.contact_activities.remarketing_buyer_id is 'Buyer firm of the call (from the contact''s remarketing_buyer_id unless the row is anchored to a listing).';
comment on column public.contact_activities.listing_id is 'Deal / listing of the call (from the contact''s listing_id, or set when a rep logs or links a call to a deal).';
comment on column public.contact_activities.valuation_lead_id is 'Valuation lead of the call (from the contact''s valuation_lead_id, kept from the push''s inline contact).';
comment on column public.contact_activities.contact_email is 'The contact''s e-mail at the time of the call (the contact''s, else what the dialer sent); a manual row without contact_id is linked by it.';
comment on column public.contact_activities.call_connected is 'Whether someone was reached: call_outcome = connected for dialer calls; as logged for manual calls. SourceCo''s screens count connected calls by it.';
comment on column public.contact_activities.call_direction is 'outbound or inbound (dialer calls: what the dialer sent, else outbound).';
comment on column public.contact_activities.recording_url_public is 'Shareable recording link (PhoneBurner recording_url_public / recording_link_public).';
comment on column public.contact_activities.call_transcript is 'Transcript of the call (a wrapped delivery''s Transcript, or a transcript synced later).';
comment on column public.contact_activities.phoneburner_status is 'PhoneBurner''s own status text for the call (api_calldone status; the seed''s outcome as sent).';
comment on column public.contact_activities.contact_notes is 'The contact''s notes as PhoneBurner returned them with the call.';
comment on column public.contact_activities.ai_summary is 'Short summary of the call (generate-call-summary: the transcript analysis, cached here).';

select dialbridge.ensure_constraint('public.contact_activities', 'contact_activities_anchor_xor',
  'check (not (remarketing_buyer_id is not null and listing_id is not null))');
select dialbridge.ensure_constraint('public.contact_activities', 'contact_activities_call_direction_check',
  'check (call_direction in (''outbound'', ''inbound''))');
comment on column public.contact_activities.activity_type is 'Calls: call_attempt while under way, call_completed once ended or dispositioned (one row per call; stage from call_connected_at, call_ended_at, disposition_set_at; the seed''s per-event vocabulary is the view seed.contact_activities). Other rows: callback_scheduled, contact_updated, voicemail_left, email_sent, email_opened, meeting_scheduled, note (call_connected and disposition_set are accepted from writers of the seed''s vocabulary).';

create index if not exists contact_activities_remarketing_buyer_idx on public.contact_activities (remarketing_buyer_id) where remarketing_buyer_id is not null;
create index if not exists contact_activities_listing_idx on public.contact_activities (listing_id) where listing_id is not null;
create index if not exists contact_activities_valuation_lead_idx on public.contact_activities (valuation_lead_id) where valuation_lead_id is not null;
create index if not exists contact_activities_contact_email_idx on public.contact_activities (lower(contact_email)) where contact_email is not null;
create index if not exists contact_activities_unmatched_idx on public.contact_activities (created_at desc) where matching_status = 'unmatched';

grant insert (call_connected, call_direction, contact_email, listing_id, remarketing_buyer_id, valuation_lead_id,
              matching_status, call_transcript, recording_url, recording_url_public, contact_notes)
  on public.contact_activities to authenticated;
grant update (listing_id, remarketing_buyer_id, valuation_lead_id, matching_status, ai_summary)
  on public.contact_activities to authenticated;

-- the browser's rows (SourceCo's manual call log inserts no user, team or contact) and the columns the
-- screens read, derived from the call for every provider
create or replace function dialbridge.tg_contact_activities__sourceco_columns() returns trigger
  language plpgsql
  set search_path to ''
as $$
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
comment on function dialbridge.tg_contact_activities__sourceco_columns() is 'Trigger function: the columns SourceCo''s screens read, kept true for every row. Rows the browser logs
(source_system manual) get the writer as user, the contact found by contact_email (exactly one visible
contact with it), its team, matching_status unmatched when nothing anchors them; every call gets the
contact''s buyer / listing / valuation-lead anchors and e-mail, call_connected (outcome connected, or as
logged), call_direction (outbound unless the dialer said inbound) and, for dialer calls, the recording
link, transcript, contact notes and PhoneBurner status from the call''s merged details. A rep can set
matching_status only to manually_linked.';
revoke all on function dialbridge.tg_contact_activities__sourceco_columns() from public;

drop trigger if exists _040_sourceco_columns on public.contact_activities;
create trigger _040_sourceco_columns before insert or update on public.contact_activities
  for each row execute function dialbridge.tg_contact_activities__sourceco_columns();


-- ---------------------------------------------------------------------------------------------------
-- The projection: SourceCo's vocabulary (a call is call_attempt until it ends, then call_completed),
-- and what PhoneBurner sends that the screens show (status, public recording, transcript, notes, e-mail)
-- ---------------------------------------------------------------------------------------------------
create or replace function dialbridge.normalize_phoneburner_event(p_log public.phoneburner_webhooks_log, p_zone text) RETURNS dialbridge.phoneburner_call_events
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  p jsonb := p_log.payload;
  t text := p_log.event_type;
  r dialbridge.phoneburner_call_events;
  v_obj jsonb;
  v_rep record;
  v_phone text;
  v_notes text;
  v_zone text;
begin
  r.log_id := p_log.id;
  r.event_id := p_log.event_id;
  r.event_type := t;
  r.extra := '{}'::jsonb;
  r.normalized_at := pg_catalog.now();
  r.is_start := false;
  r.call_id := coalesce(dialbridge.jsonb_scalar_text(p -> 'call_id'), dialbridge.jsonb_scalar_text(p -> 'call' -> 'id'),
                       dialbridge.jsonb_scalar_text(p -> 'callId'), dialbridge.jsonb_scalar_text(p -> 'call' -> 'call_id'));
  r.sourceco_contact_id := dialbridge.phoneburner_sourceco_id(p);
  if r.sourceco_contact_id is null
     and dialbridge.normalize_label(p -> 'contact' ->> 'crm_name') = 'sourceco' then
    r.sourceco_contact_id := dialbridge.jsonb_scalar_text(p -> 'contact' -> 'crm_id');  -- softphone_call_done
  end if;
  r.phoneburner_contact_id := coalesce(
    dialbridge.jsonb_scalar_text(p -> 'contact_id'), dialbridge.jsonb_scalar_text(p -> 'contact' -> 'id'),
    dialbridge.jsonb_scalar_text(p -> 'contact' -> 'user_id'), dialbridge.jsonb_scalar_text(p -> 'contact' -> 'contact_user_id'),
    dialbridge.jsonb_scalar_text(p -> 'contact_user_id'),
    case when t = 'api_contact_displayed' then dialbridge.jsonb_scalar_text(p -> 'user_id') end);
  r.phoneburner_session_id := coalesce(
    dialbridge.jsonb_scalar_text(p -> 'dial_session' -> 'id'), dialbridge.jsonb_scalar_text(p -> 'ds_id'),
    dialbridge.jsonb_scalar_text(p -> 'dial_session_id'), dialbridge.jsonb_scalar_text(p -> 'dialsession_id'),
    dialbridge.jsonb_scalar_text(p -> 'dialsession' -> 'id'));
  r.session_name := dialbridge.jsonb_string(p -> 'dial_session' -> 'name');
  select * into v_rep from dialbridge.phoneburner_event_rep(t, p);
  r.phoneburner_user_id := v_rep.user_id;
  r.user_name := v_rep.user_name;
  r.user_email := v_rep.user_email;
  v_phone := coalesce(dialbridge.jsonb_scalar_text(p -> 'call' -> 'to_number'), dialbridge.jsonb_scalar_text(p -> 'to_number'),
                      dialbridge.jsonb_scalar_text(p -> 'contact' -> 'phone'), dialbridge.jsonb_scalar_text(p -> 'phone'));
  r.phone_e164 := dialbridge.phone_e164_candidates(v_phone);
  -- the contact's other numbers (real api_calldone: contact.phones[{number, type, is_primary}]), after the
  -- dialled one: a callback that carries only phones[] still finds its contact in the pushed session
  if pg_catalog.jsonb_typeof(p -> 'contact' -> 'phones') = 'array' then
    select coalesce(r.phone_e164, '{}') || coalesce(array_agg(distinct c.phone order by c.phone)
                                                      filter (where c.phone <> all (coalesce(r.phone_e164, '{}'))), '{}')
      into r.phone_e164
      from pg_catalog.jsonb_array_elements(p -> 'contact' -> 'phones') x(ph)
      cross join lateral unnest(dialbridge.phone_e164_candidates(
        case when pg_catalog.jsonb_typeof(x.ph) = 'object'
             then coalesce(dialbridge.jsonb_scalar_text(x.ph -> 'number'), dialbridge.jsonb_scalar_text(x.ph -> 'phone'))
             else dialbridge.jsonb_scalar_text(x.ph) end)) as c(phone);
  end if;
  r.event_at := coalesce(
    dialbridge.phoneburner_event_time(p -> 'timestamp', p_zone),
    case when t in ('api_calldone', 'softphone_call_done') then dialbridge.phoneburner_event_time(p -> 'end_time', p_zone) end,
    dialbridge.phoneburner_event_time(p -> 'start_time', p_zone),
    p_log.received_at);

  case t
  when 'call.started' then
    r.kind := 'call';
    r.is_start := true;
    r.started_at := coalesce(dialbridge.phoneburner_event_time(p -> 'call' -> 'started_at', p_zone),
                             dialbridge.phoneburner_event_time(p -> 'started_at', p_zone), r.event_at);
    r.extra := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'direction', coalesce(dialbridge.jsonb_string(p -> 'call' -> 'direction'), dialbridge.jsonb_string(p -> 'direction'))));

  when 'call.connected' then
    r.kind := 'call';
    v_obj := case when pg_catalog.jsonb_typeof(p -> 'connection_details') = 'object' then p -> 'connection_details' else p end;
    r.connected_at := coalesce(dialbridge.phoneburner_event_time(v_obj -> 'connected_at', p_zone),
                               dialbridge.phoneburner_event_time(p -> 'connected_at', p_zone), r.event_at);
    r.ring_seconds := coalesce(dialbridge.jsonb_seconds(v_obj -> 'ring_duration_seconds'),
                               dialbridge.jsonb_seconds(p -> 'ring_duration_seconds'));
    r.answered_by := dialbridge.phoneburner_answered_by(coalesce(dialbridge.jsonb_string(v_obj -> 'answered_by'),
                                                                 dialbridge.jsonb_string(p -> 'answered_by')));
    r.extra := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'detection_method', dialbridge.jsonb_string(v_obj -> 'detection_method'),
      'answered_by_sent', case when r.answered_by = 'unknown' then coalesce(dialbridge.jsonb_string(v_obj -> 'answered_by'),
                                                                             dialbridge.jsonb_string(p -> 'answered_by')) end));

  when 'call.ended' then
    r.kind := 'call';
    v_obj := case when pg_catalog.jsonb_typeof(p -> 'call_summary') = 'object' then p -> 'call_summary' else p end;
    r.ended_at := coalesce(dialbridge.phoneburner_event_time(v_obj -> 'ended_at', p_zone),
                           dialbridge.phoneburner_event_time(p -> 'ended_at', p_zone), r.event_at);
    r.total_seconds := coalesce(dialbridge.jsonb_seconds(v_obj -> 'total_duration_seconds'),
                                dialbridge.jsonb_seconds(p -> 'total_duration_seconds'),
                                dialbridge.jsonb_seconds(p -> 'call_duration'),
                                dialbridge.jsonb_seconds(p -> 'duration'));
    r.ring_seconds := coalesce(dialbridge.jsonb_seconds(v_obj -> 'ring_duration_seconds'),
                               dialbridge.jsonb_seconds(p -> 'ring_duration_seconds'));
    r.talk_seconds := coalesce(dialbridge.jsonb_seconds(v_obj -> 'talk_duration_seconds'),
                               dialbridge.jsonb_seconds(p -> 'talk_duration_seconds'),
                               dialbridge.jsonb_seconds(p -> 'talk_time_seconds'),
                               dialbridge.jsonb_seconds(p -> 'talk_time'));
    r.outcome := dialbridge.phoneburner_outcome(coalesce(dialbridge.jsonb_string(v_obj -> 'outcome'),
                                                         dialbridge.jsonb_string(p -> 'outcome')));
    if pg_catalog.jsonb_typeof(p -> 'recording') = 'object' then
      if dialbridge.jsonb_flag(p -> 'recording' -> 'available') is distinct from false then
        r.recording_url := dialbridge.jsonb_string(p -> 'recording' -> 'url');
        r.recording_seconds := dialbridge.jsonb_seconds(p -> 'recording' -> 'duration_seconds');
      end if;
    else
      r.recording_url := dialbridge.jsonb_string(p -> 'recording_url');
      r.recording_seconds := coalesce(dialbridge.jsonb_seconds(p -> 'recording_duration'),
                                      dialbridge.jsonb_seconds(p -> 'recording_duration_seconds'));
    end if;
    r.extra := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'outcome_sent', case when r.outcome is null then coalesce(dialbridge.jsonb_string(v_obj -> 'outcome'),
                                                                dialbridge.jsonb_string(p -> 'outcome')) end,
      'disconnect_reason', dialbridge.jsonb_string(v_obj -> 'disconnect_reason'),
      'disconnected_by', dialbridge.jsonb_string(v_obj -> 'disconnected_by'),
      'hold_seconds', dialbridge.jsonb_seconds(v_obj -> 'hold_duration_seconds')));

  when 'disposition.set' then
    r.kind := 'call';
    v_obj := case when pg_catalog.jsonb_typeof(p -> 'disposition') = 'object' then p -> 'disposition' else '{}'::jsonb end;
    r.disposition_code := coalesce(dialbridge.jsonb_scalar_text(v_obj -> 'code'), dialbridge.jsonb_scalar_text(p -> 'disposition_code'),
                                   dialbridge.jsonb_scalar_text(p -> 'disposition_id'));
    r.disposition_label := coalesce(dialbridge.jsonb_string(v_obj -> 'label'), dialbridge.jsonb_string(v_obj -> 'name'),
                                    dialbridge.jsonb_string(p -> 'disposition_label'), dialbridge.jsonb_string(p -> 'disposition_name'),
                                    dialbridge.jsonb_string(p -> 'disposition'));
    if r.disposition_code is null and r.disposition_label is null then
      raise exception 'disposition.set carries neither a disposition code nor a label' using errcode = 'DB061';
    end if;
    r.disposition_category := pg_catalog.lower(dialbridge.jsonb_string(v_obj -> 'category'));
    if r.disposition_category not in ('positive', 'neutral', 'negative', 'administrative') then
      r.disposition_category := null;
    end if;
    r.disposition_notes := coalesce(dialbridge.jsonb_string(v_obj -> 'notes'), dialbridge.jsonb_string(p -> 'notes'));
    r.disposition_at := coalesce(dialbridge.phoneburner_event_time(v_obj -> 'set_at', p_zone), r.event_at);
    r.callback_at := coalesce(dialbridge.phoneburner_event_time(v_obj -> 'callback_date', p_zone),
                              dialbridge.phoneburner_event_time(p -> 'callback_date', p_zone));
    if r.callback_at is not null then
      r.callback_details := pg_catalog.jsonb_build_object('source', t);
    end if;

  when 'callback.scheduled' then
    r.kind := 'callback';
    v_obj := case when pg_catalog.jsonb_typeof(p -> 'callback') = 'object' then p -> 'callback' else '{}'::jsonb end;
    v_zone := coalesce(dialbridge.jsonb_string(v_obj -> 'timezone'), p_zone);
    r.callback_at := coalesce(dialbridge.phoneburner_event_time(v_obj -> 'scheduled_for', v_zone),
                              dialbridge.phoneburner_event_time(p -> 'callback_date', v_zone),
                              dialbridge.phoneburner_event_time(p -> 'scheduled_for', v_zone));
    if r.callback_at is null then
      raise exception 'callback.scheduled carries no valid callback time' using errcode = 'DB061';
    end if;
    r.callback_notes := coalesce(dialbridge.jsonb_string(v_obj -> 'notes'), dialbridge.jsonb_string(p -> 'callback_notes'),
                                 dialbridge.jsonb_string(p -> 'notes'));
    r.callback_details := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'source', t,
      'timezone', dialbridge.jsonb_string(v_obj -> 'timezone'),
      'reminder_enabled', dialbridge.jsonb_flag(v_obj -> 'reminder_enabled'),
      'reminder_minutes_before', dialbridge.jsonb_seconds(v_obj -> 'reminder_minutes_before'),
      'auto_dial', dialbridge.jsonb_flag(v_obj -> 'auto_dial')));

  when 'contact.updated' then
    r.kind := 'contact_update';
    if pg_catalog.jsonb_typeof(p -> 'changes') is distinct from 'object' or p -> 'changes' = '{}'::jsonb then
      raise exception 'contact.updated carries no changes object' using errcode = 'DB061';
    end if;
    r.changes := p -> 'changes';
    r.updated_by := case
      when pg_catalog.jsonb_typeof(p -> 'updated_by') = 'object' then pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
        'user_id', coalesce(dialbridge.jsonb_scalar_text(p -> 'updated_by' -> 'user_id'),
                            dialbridge.jsonb_scalar_text(p -> 'updated_by' -> 'id')),
        'name', dialbridge.jsonb_string(p -> 'updated_by' -> 'name'),
        'email', dialbridge.jsonb_string(p -> 'updated_by' -> 'email')))
      when dialbridge.jsonb_scalar_text(p -> 'updated_by') is not null then
        pg_catalog.jsonb_build_object('user_id', dialbridge.jsonb_scalar_text(p -> 'updated_by'))
    end;
    r.phone_e164 := '{}';

  when 'api_callbegin' then
    r.kind := 'call';
    r.is_start := true;
    r.started_at := coalesce(dialbridge.phoneburner_event_time(p -> 'start_time', p_zone), r.event_at);
    r.extra := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object('direction', dialbridge.jsonb_string(p -> 'direction')));

  when 'api_calldone', 'softphone_call_done' then
    r.kind := 'call';
    r.started_at := dialbridge.phoneburner_event_time(p -> 'start_time', p_zone);
    r.ended_at := dialbridge.phoneburner_event_time(p -> 'end_time', p_zone);
    r.total_seconds := dialbridge.jsonb_seconds(p -> 'duration');
    r.connected := dialbridge.jsonb_flag(p -> 'connected');
    r.disposition_label := coalesce(dialbridge.jsonb_string(p -> 'status'), dialbridge.jsonb_string(p -> 'disposition'));
    r.disposition_code := dialbridge.jsonb_scalar_text(p -> 'disposition_code');
    if pg_catalog.jsonb_typeof(p -> 'call_notes') = 'array' then
      select nullif(pg_catalog.string_agg(pg_catalog.btrim(n #>> '{}'), E'\n' order by o), '') into v_notes
        from pg_catalog.jsonb_array_elements(p -> 'call_notes') with ordinality as x(n, o)
       where pg_catalog.jsonb_typeof(n) = 'string' and pg_catalog.btrim(n #>> '{}') <> '';
    else
      v_notes := dialbridge.jsonb_string(p -> 'call_notes');
    end if;
    r.disposition_notes := v_notes;
    if r.disposition_label is not null or r.disposition_code is not null then
      r.disposition_at := coalesce(r.ended_at, r.event_at);
    end if;
    r.recording_url := coalesce(dialbridge.jsonb_string(p -> 'recording_url'), dialbridge.jsonb_string(p -> 'recording_link'),
                                dialbridge.jsonb_string(p -> 'recording_url_public'), dialbridge.jsonb_string(p -> 'recording_link_public'));
    r.callback_at := dialbridge.phoneburner_event_time(p -> 'follow_up', p_zone);
    if r.callback_at is not null then
      r.callback_details := pg_catalog.jsonb_build_object('source', t || '.follow_up');
    end if;
    r.extra := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'direction', dialbridge.jsonb_string(p -> 'direction'),
      'status_sent', dialbridge.jsonb_string(p -> 'status'),
      'recording_url_public', coalesce(dialbridge.jsonb_string(p -> 'recording_url_public'),
                                       dialbridge.jsonb_string(p -> 'recording_link_public'))));

  when 'api_contact_displayed' then
    r.kind := 'contact_displayed';

  else
    raise exception 'event type % is not projected', pg_catalog.left(t, 100) using errcode = 'DB060';
  end case;

  -- what SourceCo's screens show of a call, whichever event carries it: the transcript an intermediary
  -- wrapped around the event ({body, Transcript, status}), PhoneBurner's contact notes and e-mail
  if r.kind = 'call' then
    r.extra := coalesce(r.extra, '{}'::jsonb) || pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'transcript', coalesce(dialbridge.jsonb_string(p_log.envelope -> 'Transcript'), dialbridge.jsonb_string(p_log.envelope -> 'transcript'),
                             dialbridge.jsonb_string(p -> 'transcript')),
      'contact_notes', dialbridge.jsonb_string(p -> 'contact' -> 'notes'),
      'contact_email', pg_catalog.lower(coalesce(dialbridge.jsonb_string(p -> 'contact' -> 'primary_email'),
                                                 dialbridge.jsonb_string(p -> 'contact' -> 'email'),
                                                 dialbridge.jsonb_string(p -> 'contact' -> 'emails' -> 0),
                                                 dialbridge.jsonb_string(p -> 'contact_email')))));
  end if;

  r.subject := case
    when r.kind not in ('call', 'callback') then null
    when r.phoneburner_contact_id is not null then 'pb:' || r.phoneburner_contact_id
    when r.sourceco_contact_id is not null then 'sc:' || r.sourceco_contact_id
    when pg_catalog.cardinality(r.phone_e164) > 0 then 'tel:' || r.phone_e164[1]
  end;
  r.call_key := case
    when r.kind not in ('call', 'callback') then null
    when r.call_id is not null then 'phoneburner:call:' || r.call_id
    when r.subject is null then 'phoneburner:call:idless:' || r.event_id
    else 'phoneburner:call:idless:' || r.event_id  -- provisional: dialbridge.phoneburner_idless_call_key decides
  end;
  return r;
end
$$;
;
create or replace function dialbridge.phoneburner_call_activity_rows(p_keys text[]) RETURNS TABLE(dedupe_key text, contact_id uuid, matching_status text, user_id uuid, phoneburner_session_id uuid, team_id uuid, activity_type text, call_started_at timestamp with time zone, call_connected_at timestamp with time zone, call_ended_at timestamp with time zone, ring_duration_seconds integer, call_duration_seconds integer, talk_time_seconds integer, call_outcome text, answered_by text, disposition_code text, disposition_label text, disposition_notes text, disposition_set_at timestamp with time zone, callback_scheduled_date timestamp with time zone, recording_url text, recording_duration_seconds integer, user_name text, user_email text, phoneburner_call_id text, phoneburner_contact_id text, phoneburner_event_id text, details jsonb)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
#variable_conflict use_column
begin
  -- plpgsql (not sql) so that find_disposition_mapping, created by a later migration, binds at run time
  return query
  with f as (
    select e.* from dialbridge.phoneburner_call_events e where e.call_key = any (p_keys)
  ), agg as (
    select f.call_key,
           bool_or(f.kind = 'call') as has_call,
           max(f.call_id) as call_id,
           min(f.started_at) as started_at,
           min(f.connected_at) as connected_at,
           max(f.ended_at) as ended_at,
           max(f.ring_seconds) as ring_seconds,
           max(f.total_seconds) as total_seconds,
           max(f.talk_seconds) as talk_seconds,
           bool_or(f.connected) as connected_flag,
           (array_agg(f.outcome order by f.event_at desc, f.event_id desc) filter (where f.outcome is not null))[1] as outcome,
           (array_agg(f.answered_by order by f.event_at desc, f.event_id desc) filter (where f.answered_by is not null))[1] as answered_by,
           (array_agg(f.recording_url order by f.event_at desc, f.event_id desc) filter (where f.recording_url is not null))[1] as recording_url,
           max(f.recording_seconds) as recording_seconds,
           min(f.event_at) filter (where f.kind = 'call') as first_call_event_at,
           (array_agg(f.event_id order by f.event_at, f.event_id) filter (where f.kind = 'call'))[1] as first_call_event_id,
           (array_agg(f.event_id order by f.event_at, f.event_id) filter (where f.callback_at is not null))[1] as first_callback_event_id,
           (array_agg(f.phoneburner_contact_id order by f.event_at, f.event_id) filter (where f.phoneburner_contact_id is not null))[1] as pb_contact_id,
           (array_agg(f.phoneburner_session_id order by f.event_at, f.event_id) filter (where f.phoneburner_session_id is not null))[1] as pb_session_id,
           (array_agg(f.extra ->> 'direction' order by f.event_at, f.event_id) filter (where f.extra ? 'direction'))[1] as direction,
           (array_agg(f.extra ->> 'disconnect_reason' order by f.event_at desc, f.event_id desc) filter (where f.extra ? 'disconnect_reason'))[1] as disconnect_reason,
           (array_agg(f.extra ->> 'outcome_sent' order by f.event_at desc, f.event_id desc) filter (where f.extra ? 'outcome_sent'))[1] as outcome_sent,
           (array_agg(f.extra ->> 'status_sent' order by f.event_at desc, f.event_id desc) filter (where f.extra ? 'status_sent'))[1] as status_sent,
           (array_agg(f.extra ->> 'recording_url_public' order by f.event_at desc, f.event_id desc) filter (where f.extra ? 'recording_url_public'))[1] as recording_url_public,
           (array_agg(f.extra ->> 'transcript' order by f.event_at desc, f.event_id desc) filter (where f.extra ? 'transcript'))[1] as transcript,
           (array_agg(f.extra ->> 'contact_notes' order by f.event_at desc, f.event_id desc) filter (where f.extra ? 'contact_notes'))[1] as contact_notes,
           (array_agg(f.extra ->> 'contact_email' order by f.event_at desc, f.event_id desc) filter (where f.extra ? 'contact_email'))[1] as contact_email,
           array_agg(f.sourceco_contact_id order by f.event_at, f.event_id) filter (where f.sourceco_contact_id is not null) as sourceco_ids,
           array_agg(f.phoneburner_contact_id order by f.event_at, f.event_id) filter (where f.phoneburner_contact_id is not null) as pb_ids,
           array_agg(f.event_id order by f.event_id) filter (where f.kind = 'call') as call_event_ids
      from f
     group by f.call_key
  ), phones as (
    select f.call_key, array_agg(distinct p.phone order by p.phone) as phones
      from f cross join unnest(f.phone_e164) as p(phone)
     group by f.call_key
  ), rep as (
    select distinct on (f.call_key) f.call_key, f.phoneburner_user_id, f.user_name, f.user_email
      from f
     where f.kind = 'call' and coalesce(f.phoneburner_user_id, f.user_name, f.user_email) is not null
     order by f.call_key,
              case when f.event_type in ('call.started', 'api_callbegin', 'api_calldone', 'softphone_call_done') then 0
                   when f.event_type = 'disposition.set' then 1 else 2 end,
              f.event_at, f.event_id
  ), disp as (
    select distinct on (f.call_key) f.call_key, f.disposition_code, f.disposition_label, f.disposition_category,
           f.disposition_notes, f.disposition_at
      from f
     where f.kind = 'call' and coalesce(f.disposition_code, f.disposition_label) is not null
     order by f.call_key, f.disposition_at desc nulls last, f.event_at desc, f.event_id desc
  ), disp_maps as materialized (
    -- the mapping of each distinct disposition once (a batch has a handful), not once per call
    select p.disposition_code, p.disposition_label, m.phoneburner_disposition_code, m.phoneburner_disposition_label,
           m.category, m.is_connected_outcome
      from (select distinct x.disposition_code, x.disposition_label from disp x) p
      cross join lateral dialbridge.find_disposition_mapping(p.disposition_code, p.disposition_label) m
  ), cb as (
    select distinct on (f.call_key) f.call_key, f.callback_at, f.callback_notes,
           coalesce(f.callback_details, '{}'::jsonb)
             || pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object('notes', f.callback_notes, 'event_at', f.event_at))
             as callback_details,
           f.phoneburner_user_id, f.user_name, f.user_email
      from f
     where f.callback_at is not null
     order by f.call_key, f.event_at desc, f.event_id desc
  ), base as (
    select a.*, ph.phones,
           r.user_name as rep_name, r.user_email as rep_email,
           d.disposition_code as code_sent, d.disposition_label as label_sent, d.disposition_category as category_sent,
           d.disposition_notes, d.disposition_at,
           m.phoneburner_disposition_code as mapped_code, m.phoneburner_disposition_label as mapped_label,
           m.category as mapped_category, m.is_connected_outcome as mapped_connected,
           s.id as session_id, s.team_id as session_team_id,
           p.id as rep_id, p.team_id as rep_team_id, p.display_name as rep_display_name, p.email as rep_profile_email,
           cb.callback_at, cb.callback_notes, cb.callback_details, cb.user_name as cb_name, cb.user_email as cb_email,
           cbp.id as cb_rep_id, cbp.display_name as cb_display_name, cbp.email as cb_profile_email,
           ml.contact_id as linked_contact_id, ml.team_id as linked_team_id
      from agg a
      left join phones ph on ph.call_key = a.call_key
      left join rep r on r.call_key = a.call_key
      left join disp d on d.call_key = a.call_key
      left join disp_maps m on m.disposition_code is not distinct from d.disposition_code
                           and m.disposition_label is not distinct from d.disposition_label
      left join public.phoneburner_sessions s on s.phoneburner_session_id = a.pb_session_id
      left join public.profiles p on p.phoneburner_user_id = r.phoneburner_user_id
      left join cb on cb.call_key = a.call_key
      left join public.profiles cbp on cbp.phoneburner_user_id = cb.phoneburner_user_id
      left join lateral (
        select x.contact_id, x.team_id
          from public.contact_activities x
         where x.dedupe_key in (a.call_key, dialbridge.phoneburner_callback_key(a.call_key))
           and x.matching_status = 'manually_linked'
         order by x.dedupe_key
         limit 1) ml on true
  ), resolved as materialized (
    select b.*,
           coalesce(b.linked_contact_id,
                    dialbridge.resolve_phoneburner_contact(b.sourceco_ids, b.pb_ids, b.phones, b.session_id)) as resolved_contact_id
      from base b
  ), derived as materialized (
    select r.*, c.team_id as contact_team_id,
           dialbridge.phoneburner_call_outcome(r.outcome, r.answered_by, r.connected_flag, r.connected_at, r.talk_seconds,
             r.mapped_code, r.mapped_connected, r.label_sent) as outcome_final,
           coalesce(r.started_at,
                    least(r.connected_at - pg_catalog.make_interval(secs => r.ring_seconds),
                          r.ended_at - pg_catalog.make_interval(secs => r.total_seconds)),
                    r.first_call_event_at) as started_final
      from resolved r
      left join public.contacts c on c.id = r.resolved_contact_id
  ), result_rows as (
    select
      d.call_key as dedupe_key,
      d.resolved_contact_id as contact_id,
      case when d.linked_contact_id is not null then 'manually_linked'
           when d.resolved_contact_id is not null then 'matched' else 'unmatched' end as matching_status,
      case when d.linked_contact_id is not null then d.linked_team_id
           else coalesce(d.contact_team_id, d.rep_team_id, d.session_team_id) end as team_id,
      d.*
    from derived d
  )
  -- the call
  select r.dedupe_key, r.contact_id, r.matching_status, r.rep_id, r.session_id, r.team_id,
         case when coalesce(r.code_sent, r.label_sent) is not null or r.ended_at is not null or r.outcome is not null
                   or r.total_seconds is not null or r.connected_flag is not null then 'call_completed'
              else 'call_attempt' end,
         r.started_final, r.connected_at, r.ended_at, r.ring_seconds,
         coalesce(r.total_seconds,
                  case when r.started_at is not null and r.ended_at >= r.started_at
                       then pg_catalog.round(extract(epoch from r.ended_at - r.started_at))::integer end),
         coalesce(r.talk_seconds,
                  case when r.outcome_final = 'connected' then
                    coalesce(case when r.connected_at is not null and r.ended_at >= r.connected_at
                                  then pg_catalog.round(extract(epoch from r.ended_at - r.connected_at))::integer end,
                             r.total_seconds) end),
         r.outcome_final,
         coalesce(r.answered_by,
                  dialbridge.phoneburner_inferred_answered_by(r.outcome_final, r.mapped_code, r.mapped_category, r.mapped_connected)),
         coalesce(r.mapped_code, r.code_sent),
         coalesce(r.label_sent, r.mapped_label),
         r.disposition_notes,
         case when coalesce(r.code_sent, r.label_sent) is not null then r.disposition_at end,
         r.callback_at,
         r.recording_url, r.recording_seconds,
         coalesce(r.rep_name, r.rep_display_name), coalesce(r.rep_email, r.rep_profile_email),
         r.call_id, r.pb_contact_id, r.first_call_event_id,
         pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
           'direction', r.direction,
           'outcome_sent', coalesce(r.outcome, r.outcome_sent),
           'disconnect_reason', r.disconnect_reason,
           'connected_flag', r.connected_flag,
           'answered_by_inferred', case when r.answered_by is null and r.outcome_final in ('connected', 'voicemail') then true end,
           'disposition_code_sent', case when r.code_sent is distinct from r.mapped_code then r.code_sent end,
           'disposition_category', r.category_sent,
           'disposition_unmapped', case when coalesce(r.code_sent, r.label_sent) is not null and r.mapped_code is null then true end,
           'status_sent', r.status_sent,
           'recording_url_public', r.recording_url_public,
           'transcript', r.transcript,
           'contact_notes', r.contact_notes,
           'contact_email', r.contact_email,
           'event_ids', pg_catalog.to_jsonb(r.call_event_ids)))
    from result_rows r
   where r.has_call
  union all
  -- the callback scheduled on it
  select dialbridge.phoneburner_callback_key(r.dedupe_key), r.contact_id, r.matching_status,
         coalesce(r.cb_rep_id, r.rep_id), r.session_id, r.team_id, 'callback_scheduled',
         null, null, null, null, null, null, null, null, null, null,
         r.callback_notes, null, r.callback_at, null, null,
         coalesce(r.cb_name, r.cb_display_name, r.rep_name, r.rep_display_name),
         coalesce(r.cb_email, r.cb_profile_email, r.rep_email, r.rep_profile_email),
         r.call_id, r.pb_contact_id, r.first_callback_event_id,
         coalesce(r.callback_details, '{}'::jsonb)
    from result_rows r
   where r.callback_at is not null;
end
$$;
;
create or replace function dialbridge.call_activity_rows(p_keys text[]) RETURNS SETOF dialbridge.call_activity_row
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
begin
  return query
  with f as (
    select e.* from dialbridge.call_events e where e.call_key = any (p_keys) and e.kind = 'call'
  ), agg as (
    select f.call_key,
           max(f.provider) as provider,
           max(f.call_id) as call_id,
           min(f.started_at) as started_at,
           min(f.connected_at) as connected_at,
           max(f.ended_at) as ended_at,
           max(f.ring_seconds) as ring_seconds,
           max(f.total_seconds) as total_seconds,
           max(f.talk_seconds) as talk_seconds,
           bool_or(f.connected) as connected_flag,
           (array_agg(f.outcome order by f.event_at desc, f.event_id desc) filter (where f.outcome is not null))[1] as outcome,
           (array_agg(f.answered_by order by f.event_at desc, f.event_id desc) filter (where f.answered_by is not null))[1] as answered_by,
           (array_agg(f.recording_url order by f.event_at desc, f.event_id desc) filter (where f.recording_url is not null))[1] as recording_url,
           max(f.recording_seconds) as recording_seconds,
           min(f.event_at) as first_event_at,
           (array_agg(f.event_id order by f.event_at, f.event_id))[1] as first_event_id,
           array_agg(f.sourceco_contact_id order by f.event_at, f.event_id) filter (where f.sourceco_contact_id is not null) as sourceco_ids,
           (array_agg(f.provider_contact_id order by f.event_at, f.event_id) filter (where f.provider_contact_id is not null))[1] as provider_contact_id,
           (array_agg(f.provider_session_id order by f.event_at, f.event_id) filter (where f.provider_session_id is not null))[1] as provider_session_id,
           (array_agg(f.provider_user_id order by f.event_at, f.event_id) filter (where f.provider_user_id is not null))[1] as provider_user_id,
           (array_agg(f.user_name order by f.event_at, f.event_id) filter (where f.user_name is not null))[1] as user_name,
           (array_agg(pg_catalog.lower(f.user_email) order by f.event_at, f.event_id) filter (where f.user_email is not null))[1] as user_email,
           pg_catalog.jsonb_object_agg(x.key, x.value order by f.event_at, f.event_id) filter (where x.key is not null) as extra,
           array_agg(distinct f.event_id order by f.event_id) as event_ids
      from f left join lateral pg_catalog.jsonb_each(f.extra) x on true
     group by f.call_key
  ), phones as (
    select f.call_key, array_agg(distinct p.phone order by p.phone) as phones
      from f cross join unnest(f.phone_e164) as p(phone)
     group by f.call_key
  ), disp as (
    select distinct on (f.call_key) f.call_key, f.disposition_code, f.disposition_label, f.disposition_notes, f.disposition_at
      from f
     where coalesce(f.disposition_code, f.disposition_label) is not null
     order by f.call_key, f.disposition_at desc nulls last, f.event_at desc, f.event_id desc
  ), disp_maps as materialized (
    select p.disposition_code, p.disposition_label, m.phoneburner_disposition_code, m.phoneburner_disposition_label,
           m.is_connected_outcome
      from (select distinct x.disposition_code, x.disposition_label from disp x) p
      cross join lateral dialbridge.find_disposition_mapping(p.disposition_code, p.disposition_label) m
  ), cb as (
    select distinct on (f.call_key) f.call_key, f.callback_at, f.callback_notes, f.event_id, f.event_at
      from f
     where f.callback_at is not null
     order by f.call_key, f.event_at desc, f.event_id desc
  ), base as (
    select a.*, ph.phones, d.disposition_code as code_sent, d.disposition_label as label_sent, d.disposition_notes,
           d.disposition_at, m.phoneburner_disposition_code as mapped_code, m.phoneburner_disposition_label as mapped_label,
           m.is_connected_outcome as mapped_connected, p.id as rep_id, p.team_id as rep_team_id,
           p.display_name as rep_display_name, cb.callback_at, cb.callback_notes, cb.event_id as callback_event_id,
           cb.event_at as callback_event_at, ml.contact_id as linked_contact_id, ml.team_id as linked_team_id
      from agg a
      left join phones ph on ph.call_key = a.call_key
      left join disp d on d.call_key = a.call_key
      left join disp_maps m on m.disposition_code is not distinct from d.disposition_code
                           and m.disposition_label is not distinct from d.disposition_label
      left join public.profiles p on pg_catalog.lower(p.email) = a.user_email
      left join cb on cb.call_key = a.call_key
      left join lateral (
        select x.contact_id, x.team_id from public.contact_activities x
         where x.dedupe_key in (a.call_key, a.provider || ':callback:' || pg_catalog.substr(a.call_key, pg_catalog.length(a.provider) + 7))
           and x.matching_status = 'manually_linked'
         order by x.dedupe_key limit 1) ml on true
  ), resolved as materialized (
    select b.*, coalesce(b.linked_contact_id, dialbridge.resolve_call_contact(b.sourceco_ids, b.phones)) as contact_id
      from base b
  ), r as (
    select x.*, c.team_id as contact_team_id,
           case when x.linked_contact_id is not null then 'manually_linked'
                when x.contact_id is not null then 'matched' else 'unmatched' end as matching_status,
           coalesce(x.outcome,
                    case when x.mapped_connected or x.connected_flag or x.connected_at is not null then 'connected' end)
             as outcome_final,
           coalesce(x.started_at, x.connected_at - pg_catalog.make_interval(secs => x.ring_seconds),
                    x.ended_at - pg_catalog.make_interval(secs => x.total_seconds), x.first_event_at) as started_final
      from resolved x left join public.contacts c on c.id = x.contact_id
  )
  -- the call
  select r.call_key, r.contact_id, r.matching_status, r.rep_id, null::uuid,
         case when r.linked_contact_id is not null then r.linked_team_id else coalesce(r.contact_team_id, r.rep_team_id) end,
         case when coalesce(r.code_sent, r.label_sent) is not null or r.ended_at is not null or r.outcome is not null
                   or r.total_seconds is not null then 'call_completed'
              else 'call_attempt' end,
         r.started_final, r.connected_at, r.ended_at, r.ring_seconds,
         coalesce(r.total_seconds,
                  case when r.started_at is not null and r.ended_at >= r.started_at
                       then pg_catalog.round(extract(epoch from r.ended_at - r.started_at))::integer end),
         coalesce(r.talk_seconds,
                  case when r.outcome_final = 'connected' and r.connected_at is not null and r.ended_at >= r.connected_at
                       then pg_catalog.round(extract(epoch from r.ended_at - r.connected_at))::integer end),
         r.outcome_final, r.answered_by,
         coalesce(r.mapped_code, r.code_sent), coalesce(r.label_sent, r.mapped_label), r.disposition_notes,
         case when coalesce(r.code_sent, r.label_sent) is not null then coalesce(r.disposition_at, r.first_event_at) end,
         r.callback_at, r.recording_url, r.recording_seconds,
         coalesce(r.user_name, r.rep_display_name), r.user_email,
         null::text, null::text, null::text,
         coalesce(r.extra, '{}'::jsonb) || pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
           'provider', r.provider,
           'provider_call_id', r.call_id,
           'provider_contact_id', r.provider_contact_id,
           'provider_session_id', r.provider_session_id,
           'provider_user_id', r.provider_user_id,
           'connected_flag', r.connected_flag,
           'disposition_code_sent', case when r.code_sent is distinct from r.mapped_code then r.code_sent end,
           'disposition_unmapped', case when coalesce(r.code_sent, r.label_sent) is not null and r.mapped_code is null then true end,
           'event_ids', pg_catalog.to_jsonb(r.event_ids)))
    from r
  union all
  -- the callback scheduled on it
  select r.provider || ':callback:' || r.call_id, r.contact_id, r.matching_status, r.rep_id, null::uuid,
         case when r.linked_contact_id is not null then r.linked_team_id else coalesce(r.contact_team_id, r.rep_team_id) end,
         'callback_scheduled', null, null, null, null, null, null, null, null, null, null,
         r.callback_notes, null, r.callback_at, null, null,
         coalesce(r.user_name, r.rep_display_name), r.user_email, null, null, null,
         pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object('provider', r.provider, 'provider_call_id', r.call_id,
           'notes', r.callback_notes, 'event_id', r.callback_event_id, 'event_at', r.callback_event_at))
    from r
   where r.callback_at is not null;
end
$$;
;

comment on function dialbridge.normalize_phoneburner_event(p_log public.phoneburner_webhooks_log, p_zone text) is 'Reads one logged event into its normalised facts (the row is not stored here). Lenient on fields (a
malformed time or duration is left out), strict on what the event is for: an unknown event type raises
DB060 (the log row is marked skipped), an event that cannot mean anything raises DB061 (failed at
once: retrying cannot help; `npm run replay` after a fix). Messages never quote payload values. Keeps
what SourceCo''s screens show: PhoneBurner''s status text, recording_url / recording_link (and their public
forms), the contact''s numbers (contact.phones[]), notes and e-mail, and the Transcript an intermediary
wrapped around the event.';

-- rows written before: the same calls in the new words (the statistics count every call type alike)
update public.contact_activities
   set activity_type = case when activity_type = 'disposition_set' or call_ended_at is not null or call_outcome is not null
                              or call_duration_seconds is not null then 'call_completed' else 'call_attempt' end
 where activity_type in ('disposition_set', 'call_connected')
   and dedupe_key is not null;
-- and the derived columns of every existing row (the trigger fills them)
update public.contact_activities set call_connected = call_connected
 where call_connected is null
   and activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left');

-- ---------------------------------------------------------------------------------------------------
-- Contact resolution: a pushed session is linked by the dialled number even when PhoneBurner sends its own
-- contact id (it always does: contact.user_id); calls left unmatched are matched again on their own
-- ---------------------------------------------------------------------------------------------------
create or replace function dialbridge.link_pushed_session(p_phoneburner_session_id text, p_sourceco_contact_id text, p_phoneburner_contact_id text, p_phones text[], p_phoneburner_user_id text default null::text) returns uuid
    language plpgsql security definer
    set search_path to ''
    as $$
declare
  v_session uuid;
begin
  if p_phoneburner_session_id is null
     or exists (select 1 from public.phoneburner_sessions s where s.phoneburner_session_id = p_phoneburner_session_id) then
    return null;
  end if;
  select s.id into v_session
    from public.phoneburner_sessions s
    join public.phoneburner_session_contacts m on m.session_id = s.id
    join public.contacts c on c.id = m.contact_id
    left join public.profiles p on p.id = s.created_by_user_id
   where s.phoneburner_session_id like 'pending:%'
     and s.deleted_at is null
     and (p_phoneburner_user_id is null or p.phoneburner_user_id is null or p.phoneburner_user_id = p_phoneburner_user_id)
     and (c.sourceco_contact_id = p_sourceco_contact_id
          or (p_sourceco_contact_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
              and c.id = p_sourceco_contact_id::uuid)
          or (p_phoneburner_contact_id is not null and m.phoneburner_contact_id = p_phoneburner_contact_id)
          or (p_sourceco_contact_id is null
              and (m.phoneburner_contact_id is null or m.phoneburner_contact_id = p_phoneburner_contact_id)
              and m.phone_e164 = any (p_phones)))
   order by s.created_at desc
   limit 1
   for update of s skip locked;
  if v_session is null then
    return null;
  end if;
  update public.phoneburner_sessions set phoneburner_session_id = p_phoneburner_session_id where id = v_session;
  update public.phoneburner_push_batches b
     set phoneburner_session_id = p_phoneburner_session_id
   where b.session_id = v_session and b.phoneburner_session_id like 'pending:%';
  update public.phoneburner_push_runs r
     set phoneburner_session_id = p_phoneburner_session_id
   where r.session_id = v_session and r.phoneburner_session_id like 'pending:%';
  return v_session;
end
$$;
comment on function dialbridge.link_pushed_session(p_phoneburner_session_id text, p_sourceco_contact_id text, p_phoneburner_contact_id text, p_phones text[], p_phoneburner_user_id text) is 'Gives a pushed session still known as ''pending:<key>'' its PhoneBurner id, from an event of a contact
pushed into it: the event''s dial session is unknown to us, the contact (SourceCo id, else PhoneBurner id,
else — when no SourceCo id came — a number of the contact whose PhoneBurner id we do not know yet or is
this one) is a member of exactly that pending session (the newest one, for the event''s rep when known).
Returns our session id, or null when nothing was linked.';

create or replace function dialbridge.rematch_phoneburner_calls(p_limit integer default 5000) returns integer
    language plpgsql
    set search_path to ''
    as $$
declare
  v_keys text[];
  v_before integer;
  v_after integer;
begin
  perform dialbridge.lock_call_projection();
  select array_agg(distinct k), pg_catalog.count(distinct k) into v_keys, v_before
    from (select case when a.dedupe_key like 'phoneburner:callback:%'
                      then 'phoneburner:call:' || pg_catalog.substr(a.dedupe_key, 22) else a.dedupe_key end as k
            from public.contact_activities a
           where a.matching_status = 'unmatched' and a.source_system = 'phoneburner' and a.deleted_at is null
             and a.dedupe_key like 'phoneburner:%'
           order by a.created_at desc
           limit greatest(p_limit, 1)) x;
  if v_keys is null then
    return 0;
  end if;
  perform dialbridge.project_phoneburner_calls(v_keys);
  select pg_catalog.count(*) into v_after
    from public.contact_activities a
   where a.dedupe_key = any (v_keys) and a.matching_status = 'unmatched';
  return v_before - v_after;
end
$$;
comment on function dialbridge.rematch_phoneburner_calls(p_limit integer) is 'Projects the newest unmatched PhoneBurner calls again (at most p_limit) so that those whose contact can now
be found — its PhoneBurner id stored by the reconcile job, its pushed session linked, the contact created
or given its SourceCo id — become matched, with their statistics and disposition effects. Returns how
many calls were matched. Run by the worker (contact_activities__rematch) when any of those changes, and
every 10 minutes.';
revoke all on function dialbridge.rematch_phoneburner_calls(p_limit integer) from public;
grant execute on function dialbridge.rematch_phoneburner_calls(p_limit integer) to service_role;

create or replace function dialbridge.tg__queue_rematch() returns trigger
    language plpgsql security definer
    set search_path to ''
    as $$
begin
  if exists (select 1 from public.contact_activities a
              where a.matching_status = 'unmatched' and a.source_system = 'phoneburner' and a.deleted_at is null) then
    begin
      perform graphile_worker.add_job('contact_activities__rematch', '{}'::json,
        job_key := 'contact_activities__rematch', job_key_mode := 'replace', run_at := pg_catalog.now() + interval '2 seconds');
    exception when others then
      raise warning 'dialbridge: could not queue contact_activities__rematch (%): the 10-minute sweep will', sqlstate;
    end;
  end if;
  return null;
end
$$;
comment on function dialbridge.tg__queue_rematch() is 'Trigger function: something a call''s contact is found by changed (a contact''s PhoneBurner or SourceCo id, a session member''s PhoneBurner id, a pushed session''s PhoneBurner id): while unmatched PhoneBurner calls exist, queues the worker''s contact_activities__rematch (coalesced, 2 s debounce).';
revoke all on function dialbridge.tg__queue_rematch() from public;

drop trigger if exists _960_queue_rematch on public.contacts;
create trigger _960_queue_rematch after insert or update of phoneburner_contact_id, sourceco_contact_id on public.contacts
  for each statement execute function dialbridge.tg__queue_rematch();
drop trigger if exists _960_queue_rematch on public.phoneburner_session_contacts;
create trigger _960_queue_rematch after update of phoneburner_contact_id on public.phoneburner_session_contacts
  for each statement execute function dialbridge.tg__queue_rematch();
drop trigger if exists _960_queue_rematch on public.phoneburner_sessions;
create trigger _960_queue_rematch after update of phoneburner_session_id on public.phoneburner_sessions
  for each statement execute function dialbridge.tg__queue_rematch();

-- ---------------------------------------------------------------------------------------------------
-- Push: buyer firms and valuation leads, and the anchors of inline contacts
-- ---------------------------------------------------------------------------------------------------
create or replace function dialbridge.resolve_entity_contacts(p_entity_type text, p_ids jsonb) RETURNS uuid[]
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $_$
declare
  v_keys text[];
begin
  if p_ids is null or pg_catalog.jsonb_typeof(p_ids) <> 'array' then
    raise exception 'entity ids must be an array' using errcode = 'DB040';
  end if;
  v_keys := array(select pg_catalog.btrim(e) from pg_catalog.jsonb_array_elements_text(p_ids) e);
  case p_entity_type
    when 'contacts', 'buyer_contacts' then
      return array(
        select x.id from (
          select c.id, k.n
            from pg_catalog.unnest(v_keys) with ordinality as k(key, n)
            join public.contacts c
              on c.id = case when k.key ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then k.key::uuid end
          union all
          select c.id, k.n
            from pg_catalog.unnest(v_keys) with ordinality as k(key, n)
            join public.contacts c on c.sourceco_contact_id = k.key) x
        group by x.id order by pg_catalog.min(x.n));
    when 'listings' then
      return array(
        select d.contact_id
          from public.deal_contacts d
          join pg_catalog.unnest(v_keys) with ordinality as k(key, n) on d.deal_id = k.key
         where d.is_primary
            or not exists (select 1 from public.deal_contacts p where p.deal_id = d.deal_id and p.is_primary)
         group by d.contact_id
         order by pg_catalog.min(k.n), d.contact_id);
    when 'buyers', 'leads' then
      if exists (select 1 from pg_catalog.unnest(v_keys) k
                  where k !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') then
        raise exception '% ids must be uuids', p_entity_type using errcode = 'DB040';
      end if;
      -- a buyer firm's contacts (contacts.remarketing_buyer_id), a valuation lead's (contacts.valuation_lead_id);
      -- archived contacts are not dialled
      return array(
        select c.id
          from pg_catalog.unnest(v_keys) with ordinality as k(key, n)
          join public.contacts c
            on (p_entity_type = 'buyers' and c.remarketing_buyer_id = k.key::uuid)
            or (p_entity_type = 'leads' and c.valuation_lead_id = k.key::uuid)
         where not c.archived
         group by c.id
         order by pg_catalog.min(k.n), c.id);
    when 'contact_list' then
      if exists (select 1 from pg_catalog.unnest(v_keys) k
                  where k !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') then
        raise exception 'contact_list ids must be saved segment ids (uuids)' using errcode = 'DB040';
      end if;
      return array(select dialbridge.contacts_matching(pg_catalog.jsonb_build_object('segment_id', pg_catalog.to_jsonb(v_keys))));
    else
      raise exception 'entity_type "%" is not supported', p_entity_type using errcode = 'DB040';
  end case;
end
$_$;
;
comment on function dialbridge.resolve_entity_contacts(p_entity_type text, p_ids jsonb) is 'The contacts of SourceCo entities (the push function''s SourceCo request shape), as the caller sees them:
contacts / buyer_contacts = contact ids (uuid or SourceCo''s own key), buyers = the buyer firms'' contacts
(contacts.remarketing_buyer_id), leads = the valuation leads'' contacts (contacts.valuation_lead_id), both
without archived contacts; listings = the deals'' main contacts (all of a deal''s contacts when none is
marked main), contact_list = the members of saved segments. In the order given. Other entity types
raise DB040 naming the type.';
create or replace function dialbridge.resolve_inline_contacts(p_items jsonb) RETURNS uuid[]
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
  v_item jsonb;
  v_id uuid;
  v_ids uuid[] := '{}';
  v_team uuid := dialbridge.current_team_id();
  v_name text;
begin
  if p_items is null or pg_catalog.jsonb_typeof(p_items) <> 'array' then
    raise exception 'inline_contacts must be an array' using errcode = 'DB040';
  end if;
  if pg_catalog.jsonb_array_length(p_items) > 5000 then
    raise exception 'at most 5,000 inline contacts per push' using errcode = 'DB047';
  end if;
  for v_item in select * from pg_catalog.jsonb_array_elements(p_items) loop
    v_id := null;
    if v_item ->> 'contact_id' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
      select c.id into v_id from public.contacts c where c.id = (v_item ->> 'contact_id')::uuid;
    end if;
    if v_id is null and v_item ->> 'contact_id' is not null then
      select c.id into v_id from public.contacts c where c.sourceco_contact_id = v_item ->> 'contact_id';
    end if;
    if v_id is null and v_item ->> 'phone_e164' is not null then
      select c.id into v_id from public.contacts c
       where c.phone_e164 = v_item ->> 'phone_e164' and c.team_id is not distinct from v_team
       order by c.created_at limit 1;
    end if;
    if v_id is null then
      if v_team is null then
        raise exception 'only members of a team can push new contacts' using errcode = 'DB042';
      end if;
      v_name := nullif(pg_catalog.btrim(v_item ->> 'name'), '');
      insert into public.contacts (team_id, owner_id, first_name, last_name, email, phone, company, list_source)
      values (v_team, auth.uid(),
              pg_catalog.split_part(v_name, ' ', 1),
              nullif(pg_catalog.btrim(pg_catalog.substr(v_name, pg_catalog.length(pg_catalog.split_part(v_name, ' ', 1)) + 1)), ''),
              nullif(pg_catalog.btrim(v_item ->> 'email'), ''), nullif(pg_catalog.btrim(v_item ->> 'phone'), ''),
              nullif(pg_catalog.btrim(v_item ->> 'company'), ''), 'inline push')
      returning id into v_id;
    end if;
    -- the anchors ClickToDialPhone sends with the number: kept on the contact (where not set yet), so its
    -- calls carry them (contact_activities.valuation_lead_id / listing_id)
    if v_item ->> 'valuation_lead_id' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
       or v_item ->> 'listing_id' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
      update public.contacts c
         set valuation_lead_id = coalesce(c.valuation_lead_id, (v_item ->> 'valuation_lead_id')::uuid),
             listing_id = coalesce(c.listing_id, (v_item ->> 'listing_id')::uuid)
       where c.id = v_id
         and (c.valuation_lead_id is null and v_item ->> 'valuation_lead_id' is not null
              or c.listing_id is null and v_item ->> 'listing_id' is not null);
    end if;
    v_ids := v_ids || v_id;
  end loop;
  return v_ids;
end
$_$;
;
comment on function dialbridge.resolve_inline_contacts(p_items jsonb) is 'Contacts for a push''s inline contacts ({phone, phone_e164, phone_status, name, email, company,
contact_id, valuation_lead_id, listing_id} as SourceCo''s frontend sends them, numbers normalised by the
caller): the contact by id if the caller can see it, else the team''s contact with that number, else a new
contact in the caller''s team (list_source ''inline push''). A valuation lead or listing sent with the number
is kept on the contact where it has none. Runs as the caller (RLS applies).';
grant insert (remarketing_buyer_id, listing_id, valuation_lead_id, archived),
      update (remarketing_buyer_id, listing_id, valuation_lead_id, archived)
  on public.contacts to authenticated;

-- ---------------------------------------------------------------------------------------------------
-- public.unified_contact_timeline: what SourceCo's contact timeline and buyer call tab read
-- ---------------------------------------------------------------------------------------------------
create or replace view public.unified_contact_timeline with (security_invoker = true) as
  select ca.id,
         ca.contact_id,
         ca.remarketing_buyer_id,
         ca.contact_email,
         ca.source_system as source,
         case when ca.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set',
                                        'voicemail_left', 'callback_scheduled') then 'call'
              when ca.activity_type in ('email_sent', 'email_opened') then 'email'
              else 'note' end as channel,
         ca.activity_type as event_type,
         coalesce(ca.disposition_label, ca.phoneburner_status, ca.call_outcome,
                  case when ca.activity_type = 'callback_scheduled' then 'Callback scheduled' else 'Call' end) as title,
         ca.disposition_notes as body_preview,
         coalesce(ca.call_started_at, ca.callback_scheduled_date, ca.created_at) as event_at,
         ca.created_at,
         ca.listing_id,
         null::uuid as deal_id,
         null::text as campaign_name,
         null::text as campaign_id,
         ca.call_direction as direction,
         pg_catalog.jsonb_build_object(
           'duration_seconds', ca.call_duration_seconds,
           'talk_time_seconds', ca.talk_time_seconds,
           'recording_url', ca.recording_url,
           'recording_url_public', ca.recording_url_public,
           'call_transcript', ca.call_transcript,
           'disposition_code', ca.disposition_code,
           'disposition_label', ca.disposition_label,
           'disposition_notes', ca.disposition_notes,
           'call_outcome', ca.call_outcome,
           'call_connected', ca.call_connected,
           'call_direction', ca.call_direction,
           'phoneburner_status', ca.phoneburner_status,
           'contact_notes', ca.contact_notes,
           'callback_scheduled_date', ca.callback_scheduled_date,
           'user_name', ca.user_name,
           'ai_summary', ca.ai_summary) as metadata,
         coalesce((select p.display_name from public.profiles p where p.id = ca.user_id), ca.user_name) as team_member_name
    from public.contact_activities ca
   where ca.deleted_at is null;
comment on view public.unified_contact_timeline is 'SourceCo''s unified contact timeline (its call arm; SourceCo''s other arms — e-mail, LinkedIn, transcripts — live in its own database): one row per activity, the call''s fields under metadata with the keys its screens map. Runs with the reader''s rights (RLS of contact_activities).';
comment on column public.unified_contact_timeline.id is 'Activity id (contact_activities.id).';
comment on column public.unified_contact_timeline.contact_id is 'The contact.';
comment on column public.unified_contact_timeline.remarketing_buyer_id is 'Buyer firm of the activity.';
comment on column public.unified_contact_timeline.contact_email is 'The contact''s e-mail.';
comment on column public.unified_contact_timeline.source is 'Where it came from (source_system: phoneburner, manual, voipstudio, bolna, …).';
comment on column public.unified_contact_timeline.channel is 'call, email or note.';
comment on column public.unified_contact_timeline.event_type is 'The activity type (call_attempt, call_completed, callback_scheduled, …).';
comment on column public.unified_contact_timeline.title is 'Disposition label, else PhoneBurner''s status, else the outcome.';
comment on column public.unified_contact_timeline.body_preview is 'The rep''s notes.';
comment on column public.unified_contact_timeline.event_at is 'When it happened (the call''s start).';
comment on column public.unified_contact_timeline.created_at is 'When it was recorded.';
comment on column public.unified_contact_timeline.listing_id is 'Deal / listing of the activity.';
comment on column public.unified_contact_timeline.deal_id is 'Deal of SourceCos deal arms (always null in the call arm).';
comment on column public.unified_contact_timeline.campaign_name is 'Campaign of SourceCos e-mail arms (null here).';
comment on column public.unified_contact_timeline.campaign_id is 'Campaign id of SourceCos e-mail arms (null here).';
comment on column public.unified_contact_timeline.direction is 'outbound or inbound.';
comment on column public.unified_contact_timeline.metadata is 'The call''s fields under the keys SourceCo''s timeline maps (duration_seconds, talk_time_seconds, recording_url, recording_url_public, call_transcript, disposition_code, disposition_label, disposition_notes, call_outcome, call_connected, call_direction, phoneburner_status, contact_notes, callback_scheduled_date, user_name, ai_summary).';
comment on column public.unified_contact_timeline.team_member_name is 'The rep''s name.';
revoke all on public.unified_contact_timeline from public, anon;
grant select on public.unified_contact_timeline to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------
-- The RPCs SourceCo's screens call
-- ---------------------------------------------------------------------------------------------------
create or replace function public.is_admin(p_user_id uuid) returns boolean
    language sql stable security definer
    set search_path to ''
    as $$
  select coalesce((select p.role = 'admin' and p.is_active
                     from public.profiles p
                    where p.id = p_user_id
                      and (p_user_id = auth.uid() or p.team_id = dialbridge.current_team_id() or dialbridge.is_admin())),
                  false)
$$;
comment on function public.is_admin(p_user_id uuid) is 'SourceCo''s is_admin(user_id): whether that user is an active admin — answered about oneself, one''s teammates, or by an admin; false for anyone else.';
revoke all on function public.is_admin(p_user_id uuid) from public, anon;
grant execute on function public.is_admin(p_user_id uuid) to authenticated, service_role;

alter table public.phoneburner_oauth_tokens add column if not exists is_manual_token boolean not null default false;
alter table public.phoneburner_oauth_tokens add column if not exists token_type text not null default 'Bearer';
alter table public.phoneburner_oauth_tokens add column if not exists scope text;
alter table public.phoneburner_oauth_tokens add column if not exists phoneburner_user_email text;
alter table public.phoneburner_oauth_tokens add column if not exists phoneburner_user_id text;
comment on column public.phoneburner_oauth_tokens.is_manual_token is 'A personal access token pasted by the rep (SourceCo''s settings screen), not an OAuth grant: it does not expire on expires_at.';
comment on column public.phoneburner_oauth_tokens.token_type is 'Authorization scheme of the token (Bearer).';
comment on column public.phoneburner_oauth_tokens.scope is 'OAuth scope granted, when known.';
comment on column public.phoneburner_oauth_tokens.phoneburner_user_email is 'E-mail of the PhoneBurner account the token belongs to.';
comment on column public.phoneburner_oauth_tokens.phoneburner_user_id is 'PhoneBurner user id of the account the token belongs to.';
-- what SourceCo's settings screen writes (upsert on user_id) and reads; the token columns stay unreadable
grant select (is_manual_token, token_type, scope, phoneburner_user_email, phoneburner_user_id),
      insert (is_manual_token, token_type, scope, phoneburner_user_email, phoneburner_user_id, updated_at),
      update (is_manual_token, token_type, scope, phoneburner_user_email, phoneburner_user_id, updated_at)
  on public.phoneburner_oauth_tokens to authenticated;

create or replace function public.get_phoneburner_connected_users()
returns table (token_id uuid, user_id uuid, display_name text, phoneburner_user_email text, expires_at timestamptz,
               updated_at timestamptz, profile_first_name text, profile_last_name text, profile_email text,
               is_manual_token boolean)
    language sql stable security definer
    set search_path to ''
    as $$
  select t.id, t.user_id, coalesce(t.display_name, p.display_name), t.phoneburner_user_email, t.expires_at, t.updated_at,
         pg_catalog.split_part(p.display_name, ' ', 1),
         nullif(pg_catalog.btrim(pg_catalog.substr(p.display_name, pg_catalog.length(pg_catalog.split_part(p.display_name, ' ', 1)) + 1)), ''),
         p.email, t.is_manual_token
    from public.phoneburner_oauth_tokens t
    join public.profiles p on p.id = t.user_id
   where t.access_token is not null
     and (t.user_id = auth.uid() or p.team_id = dialbridge.current_team_id() or dialbridge.is_admin())
   order by coalesce(t.display_name, p.display_name), t.user_id
$$;
comment on function public.get_phoneburner_connected_users() is 'SourceCo''s list of reps whose PhoneBurner account is connected (the push modal''s rep picker): the caller''s team (admins: everyone), never the tokens.';
revoke all on function public.get_phoneburner_connected_users() from public, anon;
grant execute on function public.get_phoneburner_connected_users() to authenticated, service_role;

create table if not exists public.deal_activities (
  id uuid primary key default gen_random_uuid(),
  deal_id uuid not null,
  team_id uuid references public.teams (id) on delete cascade,
  activity_type text not null,
  title text not null,
  description text,
  admin_id uuid references public.profiles (id) on delete set null,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
comment on table public.deal_activities is 'Activity log of a deal (SourceCo''s deal_activities; installed into SourceCo''s database, its own table is used): manual call logs and other deal events.';
comment on column public.deal_activities.id is 'Activity id.';
comment on column public.deal_activities.deal_id is 'The deal (SourceCo listing / deal id).';
comment on column public.deal_activities.team_id is 'Team that logged it.';
comment on column public.deal_activities.activity_type is 'What happened (call_completed, note, …), as the caller names it.';
comment on column public.deal_activities.title is 'One-line title.';
comment on column public.deal_activities.description is 'Details.';
comment on column public.deal_activities.admin_id is 'Who logged it.';
comment on column public.deal_activities.metadata is 'Structured details (contact_activity_id, outcome, …).';
comment on column public.deal_activities.created_at is 'When it was logged.';
create index if not exists deal_activities_deal_idx on public.deal_activities (deal_id, created_at desc);
create index if not exists deal_activities_team_idx on public.deal_activities (team_id);
alter table public.deal_activities enable row level security;
drop policy if exists "Teams see their deal activities" on public.deal_activities;
create policy "Teams see their deal activities" on public.deal_activities for select to authenticated
  using (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));
drop policy if exists "Teams log their deal activities" on public.deal_activities;
create policy "Teams log their deal activities" on public.deal_activities for insert to authenticated
  with check ((team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()))
              and (admin_id = (select auth.uid()) or (select dialbridge.is_admin())));
revoke all on public.deal_activities from public, anon, authenticated;
grant select, insert on public.deal_activities to authenticated;
grant all on public.deal_activities to service_role;

create or replace function public.log_deal_activity(p_deal_id uuid, p_activity_type text, p_title text,
    p_description text default null, p_admin_id uuid default null, p_metadata jsonb default null) returns uuid
    language plpgsql
    set search_path to ''
    as $$
declare
  v_id uuid;
begin
  if p_deal_id is null or nullif(pg_catalog.btrim(p_activity_type), '') is null or nullif(pg_catalog.btrim(p_title), '') is null then
    raise exception 'log_deal_activity needs a deal, an activity type and a title' using errcode = 'DB040';
  end if;
  insert into public.deal_activities (deal_id, team_id, activity_type, title, description, admin_id, metadata)
  values (p_deal_id, dialbridge.current_team_id(), pg_catalog.btrim(p_activity_type), pg_catalog.btrim(p_title), p_description,
          coalesce(p_admin_id, auth.uid()), coalesce(p_metadata, '{}'::jsonb))
  returning id into v_id;
  return v_id;
end
$$;
comment on function public.log_deal_activity(p_deal_id uuid, p_activity_type text, p_title text, p_description text, p_admin_id uuid, p_metadata jsonb) is 'SourceCo''s log_deal_activity: records a deal event in the caller''s team (with the caller''s rights: RLS applies; p_admin_id defaults to the caller). Unlike SourceCo''s own, errors are raised, not swallowed.';
revoke all on function public.log_deal_activity(p_deal_id uuid, p_activity_type text, p_title text, p_description text, p_admin_id uuid, p_metadata jsonb) from public, anon;
grant execute on function public.log_deal_activity(p_deal_id uuid, p_activity_type text, p_title text, p_description text, p_admin_id uuid, p_metadata jsonb) to authenticated, service_role;

create or replace function public.get_remarketing_dashboard_stats(p_from_date timestamptz default null) returns jsonb
    language sql stable
    set search_path to ''
    as $$
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
comment on function public.get_remarketing_dashboard_stats(p_from_date timestamptz) is 'The calling part of SourceCo''s remarketing dashboard: calls_made (every call, once; contact_displayed is not a call) and calls_connected since p_from_date, under cards and outreach_stats, for the caller''s team (RLS). The deal keys of SourceCo''s own function (listings, sources, EBITDA) are empty here: installed into SourceCo''s database, keep SourceCo''s function and take these two counts from this definition.';
revoke all on function public.get_remarketing_dashboard_stats(p_from_date timestamptz) from public, anon;
grant execute on function public.get_remarketing_dashboard_stats(p_from_date timestamptz) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------
-- The seed's model, event-grained, so that seed 000's sample queries run verbatim:
--   set search_path = seed, public;  -- then Query 1–4 as written
-- ---------------------------------------------------------------------------------------------------
create schema if not exists seed;
comment on schema seed is 'Seed 000''s data model as views over dialbridge''s tables: with search_path seed, public the seed''s sample queries run as written and count right.';
revoke all on schema seed from public;
grant usage on schema seed to authenticated, service_role;

create or replace view seed.contact_activities with (security_invoker = true) as
  -- every call as the seed's rows: a call_attempt when dialing began, a call_connected when answered, a
  -- call_completed when it ended, a disposition_set when dispositioned; each row carries its own facts
  -- (the attempt the start, the connection the connect time, the end the durations and recording, the
  -- disposition its code and notes) so that counting rows counts each fact once
  select ca.id, e.activity_type, ca.contact_id, ca.user_id, ca.phoneburner_session_id, ca.team_id,
         ca.source_system, ca.call_started_at,
         case when e.activity_type = 'call_connected' then coalesce(ca.call_connected_at, ca.call_started_at) end as call_connected_at,
         case when e.activity_type = 'call_completed' then ca.call_ended_at end as call_ended_at,
         case when e.activity_type = 'call_completed' then ca.call_duration_seconds end as call_duration_seconds,
         case when e.activity_type = 'call_completed' then ca.talk_time_seconds end as talk_time_seconds,
         case when e.activity_type in ('call_connected', 'call_completed') then ca.call_outcome end as call_outcome,
         case when e.activity_type = 'call_connected' then ca.answered_by end as answered_by,
         case when e.activity_type = 'disposition_set' then ca.disposition_code end as disposition_code,
         case when e.activity_type = 'disposition_set' then ca.disposition_label end as disposition_label,
         case when e.activity_type = 'disposition_set' then ca.disposition_notes end as disposition_notes,
         case when e.activity_type = 'disposition_set' then ca.disposition_set_at end as disposition_set_at,
         case when e.activity_type = 'disposition_set' then ca.callback_scheduled_date end as callback_scheduled_date,
         case when e.activity_type = 'call_completed' then ca.recording_url end as recording_url,
         ca.user_name, ca.user_email, ca.phoneburner_call_id, ca.phoneburner_contact_id,
         e.at as created_at, ca.updated_at
    from public.contact_activities ca
    cross join lateral (values
      ('call_attempt', ca.call_started_at, true),
      ('call_connected', coalesce(ca.call_connected_at, ca.call_started_at), ca.call_connected_at is not null or ca.call_connected),
      ('call_completed', coalesce(ca.call_ended_at, ca.call_started_at),
         ca.call_ended_at is not null or ca.call_duration_seconds is not null or ca.call_outcome in ('no_answer', 'busy', 'failed', 'rejected', 'voicemail')),
      ('disposition_set', ca.disposition_set_at, coalesce(ca.disposition_code, ca.disposition_label) is not null)
    ) as e(activity_type, at, present)
   where ca.deleted_at is null
     and ca.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set')
     and e.present
  union all
  select ca.id, ca.activity_type, ca.contact_id, ca.user_id, ca.phoneburner_session_id, ca.team_id, ca.source_system,
         ca.call_started_at, ca.call_connected_at, ca.call_ended_at, ca.call_duration_seconds, ca.talk_time_seconds,
         ca.call_outcome, ca.answered_by, ca.disposition_code, ca.disposition_label, ca.disposition_notes,
         ca.disposition_set_at, ca.callback_scheduled_date, ca.recording_url, ca.user_name, ca.user_email,
         ca.phoneburner_call_id, ca.phoneburner_contact_id, ca.created_at, ca.updated_at
    from public.contact_activities ca
   where ca.deleted_at is null
     and ca.activity_type not in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set');
comment on view seed.contact_activities is 'Seed 000''s contact_activities: one row per call event (call_attempt, call_connected, call_completed, disposition_set), each carrying its own facts, and the other activities as they are. A connected call whose dialer gave no connection time (real PhoneBurner: connected "1") has its call_connected row at the call''s start. With the reader''s rights.';

create or replace view seed.users with (security_invoker = true) as
  select p.id, p.display_name as name, p.email, p.role, p.team_id, p.is_active from public.profiles p;
comment on view seed.users is 'Seed 000''s users (name, email) over profiles. With the reader''s rights.';

revoke all on all tables in schema seed from public, anon;
grant select on all tables in schema seed to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------
-- sync-phoneburner-transcripts: transcripts PhoneBurner's deliveries carried, onto calls that lack one
-- ---------------------------------------------------------------------------------------------------
create or replace function public.sync_phoneburner_transcripts(p_limit integer default 100, p_listing_id uuid default null,
    p_backfill_all boolean default false) returns jsonb
    language plpgsql security definer
    set search_path to ''
    as $$
declare
  v_team uuid := dialbridge.current_team_id();
  v_admin boolean := dialbridge.is_admin();
  v_checked integer;
  v_synced integer;
begin
  if auth.uid() is null or (v_team is null and not v_admin) then
    raise exception 'only members of a team can sync transcripts' using errcode = 'DB042';
  end if;
  with cand as materialized (
    select a.id, a.dedupe_key
      from public.contact_activities a
     where a.source_system = 'phoneburner' and a.call_transcript is null and a.deleted_at is null
       and a.dedupe_key like 'phoneburner:call:%'
       and (v_admin or a.team_id = v_team)
       and (p_listing_id is null or a.listing_id = p_listing_id)
       and (p_backfill_all or a.created_at >= pg_catalog.now() - interval '30 days')
     order by a.created_at desc
     limit least(greatest(coalesce(p_limit, 100), 1), 1000)
  ), found as (
    select c.id,
           (select coalesce(dialbridge.jsonb_string(l.envelope -> 'Transcript'), dialbridge.jsonb_string(l.envelope -> 'transcript'))
              from dialbridge.phoneburner_call_events e
              join public.phoneburner_webhooks_log l on l.id = e.log_id
             where e.call_key = c.dedupe_key
               and coalesce(dialbridge.jsonb_string(l.envelope -> 'Transcript'), dialbridge.jsonb_string(l.envelope -> 'transcript')) is not null
             order by l.received_at desc, l.id desc
             limit 1) as transcript
      from cand c
  ), upd as (
    update public.contact_activities a set call_transcript = f.transcript
      from found f
     where a.id = f.id and f.transcript is not null
    returning a.id
  )
  select (select pg_catalog.count(*) from cand), (select pg_catalog.count(*) from upd) into v_checked, v_synced;
  return pg_catalog.jsonb_build_object('success', true, 'checked', v_checked, 'synced', v_synced);
end
$$;
comment on function public.sync_phoneburner_transcripts(p_limit integer, p_listing_id uuid, p_backfill_all boolean) is 'SourceCo''s sync-phoneburner-transcripts: for the caller''s team''s PhoneBurner calls without a transcript (admins: every team''s; one listing if given; the last 30 days unless p_backfill_all; newest first, at most p_limit ≤ 1000), the newest transcript one of the call''s deliveries carried (the wrapper of a {body, Transcript, status} delivery, kept in the webhook log). Returns {success, checked, synced}.';
revoke all on function public.sync_phoneburner_transcripts(p_limit integer, p_listing_id uuid, p_backfill_all boolean) from public, anon;
grant execute on function public.sync_phoneburner_transcripts(p_limit integer, p_listing_id uuid, p_backfill_all boolean) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------
-- The report source views list the tables' columns: re-created with the new ones
-- ---------------------------------------------------------------------------------------------------
create or replace view dialbridge.report_contacts with (security_barrier = true) as
  select c.* from public.contacts c
   where (select dialbridge.reads_all_reports())
      or c.team_id = (select dialbridge.current_team_id())
      or (select dialbridge.is_admin());
create or replace view dialbridge.report_contact_activities with (security_barrier = true) as
  select a.* from public.contact_activities a
   where (select dialbridge.reads_all_reports())
      or a.team_id = (select dialbridge.current_team_id())
      or (select dialbridge.is_admin());

-- migrate:down
