CREATE FUNCTION dialbridge.ingest_phoneburner_events(p_facts dialbridge.phoneburner_call_events[]) RETURNS TABLE(log_id bigint, own_key text, keys text[], error text, error_code text)
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
#variable_conflict use_column
declare
  r dialbridge.phoneburner_call_events;
  v_old dialbridge.phoneburner_call_events;
  v_replaced dialbridge.phoneburner_call_events[] := '{}';
  v_keys text[];
  v_own text;
  v_msg text;
  v_state text;
begin
  if p_facts is null or pg_catalog.cardinality(p_facts) = 0 then
    return;
  end if;
  -- a replay that reads an event differently (normalisation fixed since): the old row goes, the new comes
  for v_old in
    delete from dialbridge.phoneburner_call_events e
     using unnest(p_facts) n
     where e.log_id = n.log_id
       and (e.event_id, e.event_type, e.kind, e.event_at, e.call_id, e.subject, e.is_start, e.sourceco_contact_id,
            e.phoneburner_contact_id, e.phone_e164, e.phoneburner_user_id, e.user_name, e.user_email,
            e.phoneburner_session_id, e.session_name, e.started_at, e.connected_at, e.ended_at, e.ring_seconds,
            e.total_seconds, e.talk_seconds, e.connected, e.outcome, e.answered_by, e.recording_url, e.recording_seconds,
            e.disposition_code, e.disposition_label, e.disposition_category, e.disposition_notes, e.disposition_at,
            e.callback_at, e.callback_notes, e.callback_details, e.changes, e.updated_by, e.extra)
           is distinct from
           (n.event_id, n.event_type, n.kind, n.event_at, n.call_id, n.subject, n.is_start, n.sourceco_contact_id,
            n.phoneburner_contact_id, n.phone_e164, n.phoneburner_user_id, n.user_name, n.user_email,
            n.phoneburner_session_id, n.session_name, n.started_at, n.connected_at, n.ended_at, n.ring_seconds,
            n.total_seconds, n.talk_seconds, n.connected, n.outcome, n.answered_by, n.recording_url, n.recording_seconds,
            n.disposition_code, n.disposition_label, n.disposition_category, n.disposition_notes, n.disposition_at,
            n.callback_at, n.callback_notes, n.callback_details, n.changes, n.updated_by, n.extra)
    returning e.*
  loop
    v_replaced := v_replaced || v_old;
  end loop;
  insert into dialbridge.phoneburner_call_events
  select n.* from unnest(p_facts) n order by n.log_id
  on conflict (log_id) do nothing;

  foreach r in array p_facts loop
    v_keys := '{}';
    v_own := null;
    select x.* into v_old from unnest(v_replaced) x where x.log_id = r.log_id;
    if v_old.log_id is not null and v_old.call_key is not null then
      v_keys := v_keys || v_old.call_key;
    end if;
    begin
      if r.kind in ('call', 'callback') then
        if r.subject is not null and exists (
             select 1 from dialbridge.phoneburner_call_events e
              where e.subject = r.subject and e.call_id is null and e.kind in ('call', 'callback')
                and e.event_at between r.event_at - interval '14 hours' and r.event_at + interval '14 hours') then
          v_keys := v_keys || dialbridge.phoneburner_reassign_idless(r.subject, r.event_at);
        end if;
        if v_old.log_id is not null and v_old.subject is not null
           and (v_old.subject is distinct from r.subject or v_old.event_at is distinct from r.event_at) then
          v_keys := v_keys || dialbridge.phoneburner_reassign_idless(v_old.subject, v_old.event_at);
        end if;
        if r.call_id is not null then
          v_own := r.call_key;
        else
          select e.call_key into v_own from dialbridge.phoneburner_call_events e where e.log_id = r.log_id;
        end if;
      elsif r.kind = 'contact_update' then
        v_own := 'phoneburner:contact_updated:' || r.event_id;
      elsif r.kind = 'contact_displayed' then
        -- never attributes a call; it may tell us PhoneBurner's id for a contact we pushed to that session
        if r.sourceco_contact_id is not null and r.phoneburner_contact_id is not null and r.phoneburner_session_id is not null then
          update public.phoneburner_session_contacts m
             set phoneburner_contact_id = r.phoneburner_contact_id
            from public.phoneburner_sessions s, public.contacts c
           where s.phoneburner_session_id = r.phoneburner_session_id and m.session_id = s.id
             and c.sourceco_contact_id = r.sourceco_contact_id and m.contact_id = c.id
             and m.phoneburner_contact_id is distinct from r.phoneburner_contact_id;
          if found then
            v_keys := v_keys || array(
              select a.dedupe_key from public.contact_activities a
               where a.matching_status = 'unmatched' and a.phoneburner_contact_id = r.phoneburner_contact_id
                 and a.dedupe_key like 'phoneburner:call:%');
          end if;
        end if;
      end if;
      log_id := r.log_id;
      own_key := v_own;
      keys := array(select distinct k from unnest(v_keys) k where k is not null and k is distinct from v_own order by 1);
      error := null;
      error_code := null;
    exception when others then
      get stacked diagnostics v_msg = message_text, v_state = returned_sqlstate;
      log_id := r.log_id;
      own_key := null;
      keys := '{}';
      error := pg_catalog.left(v_msg, 1000);
      error_code := v_state;
    end;
    return next;
  end loop;
end
$$;

COMMENT ON FUNCTION dialbridge.ingest_phoneburner_events(p_facts dialbridge.phoneburner_call_events[]) IS 'Stores the normalised facts of a batch of events (one statement for the whole batch; a replay that
normalises an event differently replaces its row) and returns, per event, the keys to project: its own
key (null when it has none) and every other key it changed (events without call id re-correlated;
unmatched calls that an api_contact_displayed just made resolvable). The per-event follow-ups that
write run in their own subtransaction: a failure there marks that event only (error text in the row).';

REVOKE ALL ON FUNCTION dialbridge.ingest_phoneburner_events(p_facts dialbridge.phoneburner_call_events[]) FROM PUBLIC;
