CREATE FUNCTION dialbridge.phoneburner_call_activity_rows(p_keys text[]) RETURNS TABLE(dedupe_key text, contact_id uuid, matching_status text, user_id uuid, phoneburner_session_id uuid, team_id uuid, activity_type text, call_started_at timestamp with time zone, call_connected_at timestamp with time zone, call_ended_at timestamp with time zone, ring_duration_seconds integer, call_duration_seconds integer, talk_time_seconds integer, call_outcome text, answered_by text, disposition_code text, disposition_label text, disposition_notes text, disposition_set_at timestamp with time zone, callback_scheduled_date timestamp with time zone, recording_url text, recording_duration_seconds integer, user_name text, user_email text, phoneburner_call_id text, phoneburner_contact_id text, phoneburner_event_id text, details jsonb)
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
           'callback_notes', case when r.callback_at is not null then r.callback_notes end,
           'callback_event_at', case when r.callback_at is not null then r.callback_details ->> 'event_at' end,
           'callback_event_id', case when r.callback_at is not null then r.first_callback_event_id end,
           'callback_timezone', case when r.callback_at is not null then r.callback_details ->> 'timezone' end,
           'callback_user_id', case when r.callback_at is not null and r.cb_rep_id is distinct from r.rep_id then r.cb_rep_id end,
           'callback_details', case when r.callback_at is not null
                                    then nullif(r.callback_details - 'notes' - 'event_at' - 'timezone', '{}'::jsonb) end,
           'event_ids', pg_catalog.to_jsonb(r.call_event_ids)))
    from result_rows r
   where r.has_call
  union all
  -- a callback whose call PhoneBurner has not reported (yet): the call's row, until its call events come
  select r.dedupe_key, r.contact_id, r.matching_status,
         coalesce(r.cb_rep_id, r.rep_id), r.session_id, r.team_id, 'callback_scheduled',
         null, null, null, null, null, null, null, null, null, null,
         r.callback_notes, null, r.callback_at, null, null,
         coalesce(r.cb_name, r.cb_display_name, r.rep_name, r.rep_display_name),
         coalesce(r.cb_email, r.cb_profile_email, r.rep_email, r.rep_profile_email),
         r.call_id, r.pb_contact_id, r.first_callback_event_id,
         coalesce(r.callback_details, '{}'::jsonb)
    from result_rows r
   where not r.has_call and r.callback_at is not null;
end
$$;

COMMENT ON FUNCTION dialbridge.phoneburner_call_activity_rows(p_keys text[]) IS 'The contact_activities row the stored events of each given call add up to — one row per call, its callback
(callback_scheduled_date; in details callback_notes, callback_event_at, callback_event_id, callback_timezone,
callback_user_id) on it; a callback whose call is not reported yet is a callback_scheduled row under the
call''s key until the call''s events come. A pure function of those events, the contacts, sessions, profiles
and disposition mappings. Rows keep a manual link (link_unmatched_activity).';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_call_activity_rows(p_keys text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_call_activity_rows(p_keys text[]) TO service_role;
