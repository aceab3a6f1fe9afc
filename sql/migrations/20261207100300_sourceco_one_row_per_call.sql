-- migrate:up
-- One row per call (issue 15, item 4): a callback scheduled on a call ("Call Back" with follow_up, PhoneBurner's
-- callback.scheduled) no longer writes a second contact_activities row (callback_scheduled) beside the call.
-- The callback is on the call's own row — callback_scheduled_date, and in details callback_notes,
-- callback_event_at, callback_event_id, callback_timezone (and callback_user_id when another rep set it) —
-- which is where SourceCo's screens read it. A callback whose call the dialer has not reported (yet) is a
-- row of activity_type callback_scheduled under the call's own key: when the call's events come, that same
-- row becomes the call. Counting rows per call therefore never double-counts.
--
-- The callback's effects follow it: the task (dialbridge.apply_callback) is applied from the call row
-- whenever its callback is new or changed; statistics and roll-ups count a callback once, on whichever row
-- carries it; seed 000's event-grained view (seed.contact_activities) still shows a callback_scheduled
-- event for it. Existing callback rows are folded into their call rows (tasks, webhook log links and the
-- callback's application move with them), then the statistics and roll-ups are recomputed.

CREATE OR REPLACE FUNCTION dialbridge.activity_call_stats(a public.contact_activities) RETURNS TABLE(is_call integer, is_connected integer, is_decision_maker integer, is_gatekeeper integer, is_voicemail integer, is_no_answer integer, duration_seconds integer, talk_seconds integer, attempt_at timestamp with time zone, connected_at timestamp with time zone, disposition_at timestamp with time zone, engaged_at timestamp with time zone, activity_at timestamp with time zone, is_qualified integer, is_meeting integer, is_disqualified integer, is_callback integer, member_stage integer)
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
  select
    k.call::integer,
    k.connected::integer,
    coalesce(k.connected and a.answered_by = 'decision_maker', false)::integer,
    coalesce(k.connected and a.answered_by = 'gatekeeper', false)::integer,
    coalesce(k.call and a.call_outcome = 'voicemail', false)::integer,
    coalesce(k.call and a.call_outcome in ('no_answer', 'busy'), false)::integer,
    case when k.call then coalesce(a.call_duration_seconds, 0) else 0 end,
    case when k.connected then coalesce(a.talk_time_seconds, 0) else 0 end,
    case when k.call then a.call_started_at end,
    case when k.connected then coalesce(a.call_connected_at, a.call_started_at) end,
    case when k.call and coalesce(a.disposition_code, a.disposition_label) is not null then a.disposition_set_at end,
    case when k.connected and a.talk_time_seconds > 120
          and coalesce(m.category, a.details ->> 'disposition_category') = 'positive'
         then coalesce(a.call_connected_at, a.call_started_at) end,
    case when k.call then greatest(a.call_started_at, a.call_connected_at, a.call_ended_at, a.disposition_set_at) end,
    coalesce(k.call and m.sourceco_contact_status = 'Qualified', false)::integer,
    coalesce(k.call and (m.phoneburner_disposition_code = 'MEETING_SET' or m.sourceco_contact_stage = 'Meeting Set'), false)::integer,
    coalesce(k.call and m.sourceco_contact_status = 'Disqualified', false)::integer,
    coalesce(a.deleted_at is null and (a.activity_type = 'callback_scheduled' or (k.call and a.callback_scheduled_date is not null)), false)::integer,
    case when not k.call then 0
         when coalesce(a.disposition_code, a.disposition_label) is not null then 3
         when k.connected then 2
         else 1 end
  from (select coalesce(a.deleted_at is null and a.activity_type in ('call_attempt', 'call_connected', 'call_completed',
                                                                     'disposition_set', 'voicemail_left'), false) as call,
               coalesce(a.deleted_at is null and a.activity_type in ('call_attempt', 'call_connected', 'call_completed',
                                                                     'disposition_set', 'voicemail_left')
                        and a.call_outcome = 'connected', false) as connected) k
  left join public.disposition_mappings m
    on k.call and a.disposition_code is not null
   and m.phoneburner_disposition_code = a.disposition_code and m.is_active
$$;

CREATE OR REPLACE FUNCTION dialbridge.activity_facts(a public.contact_activities) RETURNS TABLE(day date, team_id uuid, user_id uuid, session_id uuid, contact_id uuid, disposition_code text, label_key text, calls integer, connections integer, decision_maker_conversations integer, gatekeeper_conversations integer, voicemails integer, no_answers integer, talk_time_seconds bigint, call_duration_seconds bigint, dispositioned_calls integer, callbacks_scheduled integer)
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
  select (coalesce(a.call_started_at, a.disposition_set_at, a.created_at)
            at time zone (select s.time_zone from dialbridge.report_settings s))::date,
         a.team_id, a.user_id, a.phoneburner_session_id, a.contact_id,
         case when k.is_call then coalesce(nullif(pg_catalog.upper(pg_catalog.btrim(a.disposition_code)), ''), '') else '' end,
         case when k.is_call then coalesce(dialbridge.normalize_label(a.disposition_label), '') else '' end,
         k.is_call::integer,
         k.is_connected::integer,
         coalesce(k.is_connected and a.answered_by operator(pg_catalog.=) 'decision_maker', false)::integer,
         coalesce(k.is_connected and a.answered_by operator(pg_catalog.=) 'gatekeeper', false)::integer,
         coalesce(k.is_call and a.call_outcome operator(pg_catalog.=) 'voicemail', false)::integer,
         coalesce(k.is_call and a.call_outcome operator(pg_catalog.=) any (array['no_answer', 'busy']), false)::integer,
         case when k.is_connected then coalesce(a.talk_time_seconds, 0)::bigint else 0::bigint end,
         case when k.is_call then coalesce(a.call_duration_seconds, 0)::bigint else 0::bigint end,
         (k.is_call and (nullif(pg_catalog.btrim(a.disposition_code), '') is not null
                         or nullif(pg_catalog.btrim(a.disposition_label), '') is not null))::integer,
         coalesce(a.activity_type operator(pg_catalog.=) 'callback_scheduled'
                  or (k.is_call and a.callback_scheduled_date is not null), false)::integer
    from (select c.is_call, coalesce(c.is_call and a.call_outcome operator(pg_catalog.=) 'connected', false) as is_connected
            from (select a.activity_type operator(pg_catalog.=) any
                           (array['call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left'])
                           as is_call) c) k
   where a.deleted_at is null
     and (k.is_call or a.activity_type operator(pg_catalog.=) 'callback_scheduled')
$$;

CREATE OR REPLACE FUNCTION dialbridge.phoneburner_call_activity_rows(p_keys text[]) RETURNS TABLE(dedupe_key text, contact_id uuid, matching_status text, user_id uuid, phoneburner_session_id uuid, team_id uuid, activity_type text, call_started_at timestamp with time zone, call_connected_at timestamp with time zone, call_ended_at timestamp with time zone, ring_duration_seconds integer, call_duration_seconds integer, talk_time_seconds integer, call_outcome text, answered_by text, disposition_code text, disposition_label text, disposition_notes text, disposition_set_at timestamp with time zone, callback_scheduled_date timestamp with time zone, recording_url text, recording_duration_seconds integer, user_name text, user_email text, phoneburner_call_id text, phoneburner_contact_id text, phoneburner_event_id text, details jsonb)
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

CREATE OR REPLACE FUNCTION dialbridge.call_activity_rows(p_keys text[]) RETURNS SETOF dialbridge.call_activity_row
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
           'callback_notes', case when r.callback_at is not null then r.callback_notes end,
           'callback_event_at', case when r.callback_at is not null then r.callback_event_at end,
           'callback_event_id', case when r.callback_at is not null then r.callback_event_id end,
           'event_ids', pg_catalog.to_jsonb(r.event_ids)))
    from r;
end
$$;

CREATE OR REPLACE FUNCTION dialbridge.project_phoneburner_calls(p_keys text[]) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_keys text[] := array(select distinct k from unnest(p_keys) k where k like 'phoneburner:call:%' order by 1);
  v_changed integer := 0;
  v_key text;
  v_gone text[] := '{}';
  v_deleted integer;
begin
  if pg_catalog.cardinality(v_keys) = 0 then
    return 0;
  end if;

  -- dial sessions named by the calls: created when unknown (team and creator from the rep)
  insert into public.phoneburner_sessions (phoneburner_session_id, session_name, team_id, created_by_user_id)
  select distinct on (e.phoneburner_session_id) e.phoneburner_session_id,
         coalesce(e.session_name, 'PhoneBurner session ' || e.phoneburner_session_id), p.team_id, p.id
    from dialbridge.phoneburner_call_events e
    left join public.profiles p on p.phoneburner_user_id = e.phoneburner_user_id
   where e.call_key = any (v_keys) and e.phoneburner_session_id is not null
     and not exists (select 1 from public.phoneburner_sessions x where x.phoneburner_session_id = e.phoneburner_session_id)
   order by e.phoneburner_session_id, e.session_name is null, p.id is null, e.event_at, e.event_id
  on conflict (phoneburner_session_id) do nothing;
  -- a session created before its name was known gets the name
  update public.phoneburner_sessions s
     set session_name = n.session_name
    from (select distinct on (e.phoneburner_session_id) e.phoneburner_session_id, e.session_name
            from dialbridge.phoneburner_call_events e
           where e.call_key = any (v_keys) and e.phoneburner_session_id is not null and e.session_name is not null
           order by e.phoneburner_session_id, e.event_at, e.event_id) n
   where s.phoneburner_session_id = n.phoneburner_session_id
     and s.session_name = 'PhoneBurner session ' || s.phoneburner_session_id;

  v_changed := dialbridge.merge_call_activities('phoneburner',
    array(select row(d.*)::dialbridge.call_activity_row from dialbridge.phoneburner_call_activity_rows(v_keys) d));

  -- rows whose events now belong to another call (events without call id, re-correlated); checked key by
  -- key so that each check is an index probe whatever the table statistics say
  foreach v_key in array v_keys loop
    if not exists (select 1 from dialbridge.phoneburner_call_events e
                    where e.call_key = v_key and (e.kind = 'call' or e.callback_at is not null)) then
      v_gone := v_gone || v_key;
    end if;
    -- a callback is on its call's row (one row per call): a callback row of an earlier release goes
    v_gone := v_gone || dialbridge.phoneburner_callback_key(v_key);
  end loop;
  if pg_catalog.cardinality(v_gone) > 0 then
    delete from public.contact_activities a where a.dedupe_key = any (v_gone) and a.source_system = 'phoneburner';
    get diagnostics v_deleted = row_count;
    v_changed := v_changed + v_deleted;
  end if;
  return v_changed;
end
$$;

CREATE OR REPLACE FUNCTION dialbridge.project_call_keys(p_provider text, p_keys text[]) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_keys text[] := array(select distinct k from unnest(p_keys) k where k is not null order by 1);
  v_changed integer;
  v_gone text[];
  v_deleted integer;
begin
  if pg_catalog.cardinality(v_keys) = 0 then
    return 0;
  end if;
  v_changed := dialbridge.merge_call_activities(p_provider,
    array(select r from dialbridge.call_activity_rows(v_keys) r));
  -- a call whose facts are gone (a replay read its event differently), or that no longer has a callback
  select coalesce(array_agg(g), '{}') into v_gone
    from (select k as g from unnest(v_keys) k
           where not exists (select 1 from dialbridge.call_events e where e.call_key = k)
          union all
          -- a callback is on its call's row (one row per call): a callback row of an earlier release goes
          select p_provider || ':callback:' || pg_catalog.substr(k, pg_catalog.length(p_provider) + 7)
            from unnest(v_keys) k) x;
  delete from public.contact_activities a where a.dedupe_key = any (v_gone) and a.source_system = p_provider;
  get diagnostics v_deleted = row_count;
  return v_changed + v_deleted;
end
$$;

CREATE OR REPLACE FUNCTION dialbridge.merge_call_activities(p_source_system text, p_rows dialbridge.call_activity_row[]) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_row record;
  v_changed integer := 0;
  v_dispositions uuid[] := '{}';
  v_callbacks uuid[] := '{}';
  v_id uuid;
begin
  if p_rows is null or pg_catalog.cardinality(p_rows) = 0 then
    return 0;
  end if;
  for v_row in
    with desired as (
      select * from unnest(p_rows) r
    ), old as (
      select a.dedupe_key, a.contact_id, a.disposition_code, a.disposition_label, a.callback_scheduled_date,
             a.disposition_notes, a.disposition_set_at, a.user_id, a.details ->> 'callback_notes' as callback_notes
        from public.contact_activities a
       where a.dedupe_key = any (array(select d.dedupe_key from desired d))
    ), up as (
      insert into public.contact_activities as a (
        dedupe_key, source_system, contact_id, matching_status, user_id, phoneburner_session_id, team_id,
        activity_type, call_started_at, call_connected_at, call_ended_at, ring_duration_seconds,
        call_duration_seconds, talk_time_seconds, call_outcome, answered_by, disposition_code, disposition_label,
        disposition_notes, disposition_set_at, callback_scheduled_date, recording_url, recording_duration_seconds,
        user_name, user_email, phoneburner_call_id, phoneburner_contact_id, phoneburner_event_id, details)
      select d.dedupe_key, p_source_system, d.contact_id, d.matching_status, d.user_id, d.phoneburner_session_id, d.team_id,
             d.activity_type, d.call_started_at, d.call_connected_at, d.call_ended_at, d.ring_duration_seconds,
             d.call_duration_seconds, d.talk_time_seconds, d.call_outcome, d.answered_by, d.disposition_code,
             d.disposition_label, d.disposition_notes, d.disposition_set_at, d.callback_scheduled_date, d.recording_url,
             d.recording_duration_seconds, d.user_name, d.user_email, d.phoneburner_call_id, d.phoneburner_contact_id,
             d.phoneburner_event_id, d.details
        from desired d
       order by d.dedupe_key
      on conflict (dedupe_key) do update set
        contact_id = case when a.matching_status = 'manually_linked' then a.contact_id else excluded.contact_id end,
        matching_status = case when a.matching_status = 'manually_linked' then a.matching_status else excluded.matching_status end,
        team_id = case when a.matching_status = 'manually_linked' then a.team_id else excluded.team_id end,
        user_id = excluded.user_id,
        phoneburner_session_id = excluded.phoneburner_session_id,
        activity_type = excluded.activity_type,
        call_started_at = excluded.call_started_at,
        call_connected_at = excluded.call_connected_at,
        call_ended_at = excluded.call_ended_at,
        ring_duration_seconds = excluded.ring_duration_seconds,
        call_duration_seconds = excluded.call_duration_seconds,
        talk_time_seconds = excluded.talk_time_seconds,
        call_outcome = excluded.call_outcome,
        answered_by = excluded.answered_by,
        disposition_code = excluded.disposition_code,
        disposition_label = excluded.disposition_label,
        disposition_notes = excluded.disposition_notes,
        disposition_set_at = excluded.disposition_set_at,
        callback_scheduled_date = excluded.callback_scheduled_date,
        recording_url = excluded.recording_url,
        recording_duration_seconds = excluded.recording_duration_seconds,
        user_name = excluded.user_name,
        user_email = excluded.user_email,
        phoneburner_call_id = excluded.phoneburner_call_id,
        phoneburner_contact_id = excluded.phoneburner_contact_id,
        phoneburner_event_id = excluded.phoneburner_event_id,
        details = excluded.details
      where (a.user_id, a.phoneburner_session_id, a.activity_type, a.call_started_at, a.call_connected_at,
             a.call_ended_at, a.ring_duration_seconds, a.call_duration_seconds, a.talk_time_seconds, a.call_outcome,
             a.answered_by, a.disposition_code, a.disposition_label, a.disposition_notes, a.disposition_set_at,
             a.callback_scheduled_date, a.recording_url, a.recording_duration_seconds, a.user_name, a.user_email,
             a.phoneburner_call_id, a.phoneburner_contact_id, a.phoneburner_event_id, a.details)
            is distinct from
            (excluded.user_id, excluded.phoneburner_session_id, excluded.activity_type, excluded.call_started_at,
             excluded.call_connected_at, excluded.call_ended_at, excluded.ring_duration_seconds,
             excluded.call_duration_seconds, excluded.talk_time_seconds, excluded.call_outcome, excluded.answered_by,
             excluded.disposition_code, excluded.disposition_label, excluded.disposition_notes,
             excluded.disposition_set_at, excluded.callback_scheduled_date, excluded.recording_url,
             excluded.recording_duration_seconds, excluded.user_name, excluded.user_email, excluded.phoneburner_call_id,
             excluded.phoneburner_contact_id, excluded.phoneburner_event_id, excluded.details)
         or (a.matching_status <> 'manually_linked'
             and (a.contact_id, a.matching_status, a.team_id)
                 is distinct from (excluded.contact_id, excluded.matching_status, excluded.team_id))
      returning a.id, a.dedupe_key, a.activity_type, a.contact_id, a.disposition_code, a.disposition_label,
                a.callback_scheduled_date, a.disposition_notes, a.disposition_set_at, a.user_id,
                a.details ->> 'callback_notes' as callback_notes
    )
    select up.*, old.dedupe_key is null as is_new, old.contact_id as old_contact_id,
           old.disposition_code as old_code, old.disposition_label as old_label,
           old.callback_scheduled_date as old_callback_at, old.disposition_notes as old_notes,
           old.disposition_set_at as old_set_at, old.user_id as old_user_id, old.callback_notes as old_callback_notes
      from up left join old on old.dedupe_key = up.dedupe_key
     order by up.dedupe_key
  loop
    v_changed := v_changed + 1;
    continue when v_row.contact_id is null;
    -- the callback on the row (a call's, or a callback whose call is not known yet): new or changed
    if v_row.callback_scheduled_date is not null
       and (v_row.is_new or v_row.old_contact_id is distinct from v_row.contact_id
            or (v_row.old_callback_at, v_row.old_user_id, v_row.old_callback_notes,
                case when v_row.activity_type = 'callback_scheduled' then v_row.old_notes end)
               is distinct from (v_row.callback_scheduled_date, v_row.user_id, v_row.callback_notes,
                case when v_row.activity_type = 'callback_scheduled' then v_row.disposition_notes end)) then
      v_callbacks := v_callbacks || v_row.id;
    end if;
    if v_row.activity_type <> 'callback_scheduled'
          and coalesce(v_row.disposition_code, v_row.disposition_label) is not null
          and (v_row.is_new or v_row.old_contact_id is distinct from v_row.contact_id
               or (v_row.old_code, v_row.old_label, v_row.old_notes, v_row.old_set_at, v_row.old_callback_at)
                  is distinct from (v_row.disposition_code, v_row.disposition_label, v_row.disposition_notes,
                                    v_row.disposition_set_at, v_row.callback_scheduled_date)) then
      -- first set or changed (code, label, notes, time or the callback date it schedules)
      v_dispositions := v_dispositions || v_row.id;
    end if;
  end loop;
  -- the batch's dispositions at once (set-based), then its callbacks (the result does not depend on the
  -- order: both resolve by event time)
  if pg_catalog.cardinality(v_dispositions) > 0 then
    perform dialbridge.apply_dispositions(v_dispositions);
  end if;
  foreach v_id in array v_callbacks loop
    perform dialbridge.apply_callback(v_id);
  end loop;

  return v_changed;
end
$$;

CREATE OR REPLACE FUNCTION dialbridge.apply_callback(p_activity_id uuid) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  a public.contact_activities;
  c public.contacts;
  prev dialbridge.callback_applications;
  t public.tasks;
  v_found_task boolean := false;
  v_event_at timestamptz;
  v_notes text;
  v_tz text;
  v_rep uuid;
  v_team uuid;
  v_call_key text;
  v_is_latest boolean;
  v_status text;
  v_task_id uuid;
begin
  select * into a from public.contact_activities ca where ca.id = p_activity_id;
  if not found then
    raise exception 'activity % not found', p_activity_id using errcode = 'DB037';
  end if;
  if a.contact_id is null or a.deleted_at is not null or a.callback_scheduled_date is null then
    return;
  end if;

  select * into c from public.contacts ct where ct.id = a.contact_id for no key update;
  if not found then
    return;
  end if;

  -- When the callback was decided: the event time when the projection records it; else just after its
  -- call's disposition (a callback set with a disposition is the more specific plan); else when recorded.
  v_event_at := coalesce(
    dialbridge.timestamptz_or_null(a.details ->> 'callback_event_at'),
    dialbridge.timestamptz_or_null(a.details ->> 'event_at'),
    a.disposition_set_at,
    (select greatest(ca.disposition_set_at, ca.call_ended_at, ca.call_started_at) + interval '1 millisecond'
       from public.contact_activities ca
      where a.phoneburner_call_id is not null
        and ca.phoneburner_call_id = a.phoneburner_call_id
        and ca.contact_id = a.contact_id
        and ca.id <> a.id
        and ca.activity_type <> 'callback_scheduled'
      order by 1 desc nulls last
      limit 1),
    a.created_at);
  v_notes := nullif(pg_catalog.btrim(coalesce(a.details ->> 'callback_notes', a.details ->> 'notes',
                                              case when a.activity_type = 'callback_scheduled' then a.disposition_notes end)), '');
  v_tz := coalesce(nullif(pg_catalog.btrim(a.details ->> 'callback_timezone'), ''), nullif(pg_catalog.btrim(a.details ->> 'timezone'), ''), c.timezone);
  v_rep := coalesce(case when a.details ->> 'callback_user_id' ~ '^[0-9a-fA-F-]{36}$' then (a.details ->> 'callback_user_id')::uuid end, a.user_id, c.owner_id);
  v_team := coalesce(c.team_id, a.team_id);
  v_call_key := coalesce(a.phoneburner_call_id, a.id::text);

  select * into prev from dialbridge.callback_applications ap where ap.activity_id = a.id for update;
  if found
     and prev.contact_id = a.contact_id
     and prev.event_at = v_event_at
     and prev.scheduled_for = a.callback_scheduled_date
     and prev.assigned_to_user_id is not distinct from v_rep
     and prev.notes_md5 is not distinct from pg_catalog.md5(v_notes) then
    return;   -- already applied
  end if;

  -- the task of this callback, else of an earlier callback of the same call
  select * into t from public.tasks tk
   where tk.source = 'callback' and tk.source_activity_id = a.id
   order by (tk.status <> 'cancelled') desc, tk.created_at desc
   limit 1;
  v_found_task := found;
  if not v_found_task then
    select tk.* into t
      from dialbridge.callback_applications ap
      join public.tasks tk on tk.id = ap.task_id
     where ap.contact_id = a.contact_id and ap.call_key = v_call_key and ap.activity_id <> a.id
     order by ap.event_at desc, ap.activity_id desc
     limit 1;
    v_found_task := found;
  end if;

  -- an older callback of the same call arriving after a newer one changes nothing
  v_is_latest := not exists (
    select 1 from dialbridge.callback_applications ap
     where ap.contact_id = a.contact_id and ap.call_key = v_call_key and ap.activity_id <> a.id
       and (ap.event_at, ap.activity_id) > (v_event_at, a.id));

  if v_is_latest then
    v_status := case when c.do_not_call then 'cancelled' else 'open' end;
    if v_found_task and (t.status = 'open' or t.source_activity_id = a.id) then
      -- reschedule; a completed or cancelled callback reopens only when its time changed
      update public.tasks tk
         set due_at = a.callback_scheduled_date,
             assigned_to_user_id = v_rep,
             notes = case when c.do_not_call
                          then pg_catalog.concat_ws(E'\n\n', v_notes, 'Not scheduled: the contact is on the do-not-call list.')
                          else v_notes end,
             title = dialbridge.task_title('call', c, 'Scheduled callback'),
             status = case when tk.status = 'open' or tk.due_at is distinct from a.callback_scheduled_date
                           then v_status else tk.status end,
             completed_at = case when tk.status = 'completed' and tk.due_at is not distinct from a.callback_scheduled_date
                                 then tk.completed_at end
       where tk.id = t.id
      returning tk.id into v_task_id;
    else
      insert into public.tasks (contact_id, team_id, assigned_to_user_id, source_activity_id, source, task_type,
                                title, notes, due_at, priority, status)
      values (c.id, v_team, v_rep, a.id, 'callback', 'call',
              dialbridge.task_title('call', c, 'Scheduled callback'),
              case when c.do_not_call
                   then pg_catalog.concat_ws(E'\n\n', v_notes, 'Not scheduled: the contact is on the do-not-call list.')
                   else v_notes end,
              a.callback_scheduled_date, 'high', v_status)
      on conflict (source_activity_id, source) where source_activity_id is not null and status <> 'cancelled'
      do nothing
      returning id into v_task_id;
    end if;

    -- the callback is the follow-up call: a disposition's call task for the same call is not needed
    if v_status = 'open' then
      update public.tasks tk
         set status = 'cancelled',
             notes = pg_catalog.concat_ws(E'\n\n', tk.notes, 'Cancelled: replaced by the scheduled callback.')
        from public.contact_activities ca
       where ca.id = tk.source_activity_id
         and tk.contact_id = c.id
         and tk.source = 'disposition'
         and tk.task_type = 'call'
         and tk.status = 'open'
         and (ca.id = a.id or (a.phoneburner_call_id is not null and ca.phoneburner_call_id = a.phoneburner_call_id));
    end if;

    if dialbridge.claim_contact_mark(c.id, 'next_action', a.id, v_event_at) and not c.do_not_call then
      update public.contacts ct
         set next_action_type = 'call',
             next_action_date = dialbridge.local_date(a.callback_scheduled_date, v_tz),
             next_action_notes = coalesce(v_notes, 'Scheduled callback'),
             next_action_assigned_to_user_id = v_rep
       where ct.id = c.id;
    end if;
  else
    v_task_id := case when v_found_task then t.id end;
  end if;

  insert into dialbridge.callback_applications as ap
    (activity_id, contact_id, call_key, event_at, scheduled_for, assigned_to_user_id, notes_md5, task_id, applied_at)
  values (a.id, a.contact_id, v_call_key, v_event_at, a.callback_scheduled_date, v_rep, pg_catalog.md5(v_notes),
          v_task_id, now())
  on conflict (activity_id) do update
     set contact_id = excluded.contact_id, call_key = excluded.call_key, event_at = excluded.event_at,
         scheduled_for = excluded.scheduled_for, assigned_to_user_id = excluded.assigned_to_user_id,
         notes_md5 = excluded.notes_md5, task_id = excluded.task_id, applied_at = excluded.applied_at;
end
$$;

CREATE OR REPLACE FUNCTION public.link_unmatched_activity(p_activity_id uuid, p_contact_id uuid) RETURNS SETOF public.contact_activities
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_activity public.contact_activities;
  v_contact public.contacts;
  v_keys text[];
  v_row public.contact_activities;
  v_ids uuid[] := '{}';
  v_service boolean := coalesce(auth.role(), '') = 'service_role';
begin
  if not v_service and auth.uid() is null then
    raise exception 'sign in to link an activity' using errcode = 'DB062';
  end if;
  select * into v_activity from public.contact_activities a where a.id = p_activity_id;
  select * into v_contact from public.contacts c where c.id = p_contact_id;
  if v_activity.id is null or v_contact.id is null
     or not (v_service or dialbridge.is_admin()
             or v_activity.team_id is not distinct from dialbridge.current_team_id()) then
    raise exception 'activity or contact not found' using errcode = 'DB063';
  end if;
  if not (v_service or dialbridge.is_admin()
          or (dialbridge.current_team_id() is not null
              and v_activity.team_id = dialbridge.current_team_id()
              and v_contact.team_id = dialbridge.current_team_id())) then
    raise exception 'only a rep of the activity''s team can link it, to a contact of that team' using errcode = 'DB065';
  end if;
  if v_activity.matching_status <> 'unmatched' then
    raise exception 'the activity is already linked to a contact' using errcode = 'DB064';
  end if;

  v_keys := case
    when v_activity.dedupe_key like 'phoneburner:call:%'
      then array[v_activity.dedupe_key, dialbridge.phoneburner_callback_key(v_activity.dedupe_key)]
    when v_activity.dedupe_key like 'phoneburner:callback:%'
      then array[v_activity.dedupe_key, 'phoneburner:call:' || pg_catalog.substr(v_activity.dedupe_key, 22)]
    else array[]::text[] end;

  for v_row in
    update public.contact_activities a
       set contact_id = p_contact_id,
           matching_status = 'manually_linked',
           team_id = coalesce(v_contact.team_id, a.team_id)
     where (a.id = p_activity_id or a.dedupe_key = any (v_keys)) and a.matching_status = 'unmatched'
    returning a.*
  loop
    v_ids := v_ids || v_row.id;
  end loop;

  -- effects that waited for a contact, in a fixed order (the call before its callback)
  for v_row in select * from public.contact_activities a where a.id = any (v_ids) order by a.dedupe_key nulls last, a.id loop
    if v_row.activity_type = 'contact_updated' then
      perform dialbridge.apply_contact_changes(v_row.id);
    else
      if v_row.activity_type <> 'callback_scheduled' and coalesce(v_row.disposition_code, v_row.disposition_label) is not null then
        perform dialbridge.apply_disposition(v_row.id);
      end if;
      if v_row.callback_scheduled_date is not null then
        perform dialbridge.apply_callback(v_row.id);
      end if;
    end if;
  end loop;

  return query select * from public.contact_activities a where a.id = any (v_ids) order by a.dedupe_key nulls last, a.id;
end
$$;

CREATE OR REPLACE VIEW seed.contact_activities WITH (security_invoker='true') AS
 SELECT ca.id,
    e.activity_type,
    ca.contact_id,
    ca.user_id,
    ca.phoneburner_session_id,
    ca.team_id,
    ca.source_system,
    ca.call_started_at,
        CASE
            WHEN (e.activity_type = 'call_connected'::text) THEN COALESCE(ca.call_connected_at, ca.call_started_at)
            ELSE NULL::timestamp with time zone
        END AS call_connected_at,
        CASE
            WHEN (e.activity_type = 'call_completed'::text) THEN ca.call_ended_at
            ELSE NULL::timestamp with time zone
        END AS call_ended_at,
        CASE
            WHEN (e.activity_type = 'call_completed'::text) THEN ca.call_duration_seconds
            ELSE NULL::integer
        END AS call_duration_seconds,
        CASE
            WHEN (e.activity_type = 'call_completed'::text) THEN ca.talk_time_seconds
            ELSE NULL::integer
        END AS talk_time_seconds,
        CASE
            WHEN (e.activity_type = ANY (ARRAY['call_connected'::text, 'call_completed'::text])) THEN ca.call_outcome
            ELSE NULL::text
        END AS call_outcome,
        CASE
            WHEN (e.activity_type = 'call_connected'::text) THEN ca.answered_by
            ELSE NULL::text
        END AS answered_by,
        CASE
            WHEN (e.activity_type = 'disposition_set'::text) THEN ca.disposition_code
            ELSE NULL::text
        END AS disposition_code,
        CASE
            WHEN (e.activity_type = 'disposition_set'::text) THEN ca.disposition_label
            ELSE NULL::text
        END AS disposition_label,
        CASE
            WHEN (e.activity_type = 'disposition_set'::text) THEN ca.disposition_notes
            WHEN (e.activity_type = 'callback_scheduled'::text) THEN (ca.details ->> 'callback_notes'::text)
            ELSE NULL::text
        END AS disposition_notes,
        CASE
            WHEN (e.activity_type = 'disposition_set'::text) THEN ca.disposition_set_at
            ELSE NULL::timestamp with time zone
        END AS disposition_set_at,
        CASE
            WHEN (e.activity_type = ANY (ARRAY['disposition_set'::text, 'callback_scheduled'::text])) THEN ca.callback_scheduled_date
            ELSE NULL::timestamp with time zone
        END AS callback_scheduled_date,
        CASE
            WHEN (e.activity_type = 'call_completed'::text) THEN ca.recording_url
            ELSE NULL::text
        END AS recording_url,
    ca.user_name,
    ca.user_email,
    ca.phoneburner_call_id,
    ca.phoneburner_contact_id,
    e.at AS created_at,
    ca.updated_at
   FROM (public.contact_activities ca
     CROSS JOIN LATERAL ( VALUES ('call_attempt'::text,ca.call_started_at,true), ('call_connected'::text,COALESCE(ca.call_connected_at, ca.call_started_at),((ca.call_connected_at IS NOT NULL) OR ca.call_connected)), ('call_completed'::text,COALESCE(ca.call_ended_at, ca.call_started_at),((ca.call_ended_at IS NOT NULL) OR (ca.call_duration_seconds IS NOT NULL) OR (ca.call_outcome = ANY (ARRAY['no_answer'::text, 'busy'::text, 'failed'::text, 'rejected'::text, 'voicemail'::text])))), ('disposition_set'::text,ca.disposition_set_at,(COALESCE(ca.disposition_code, ca.disposition_label) IS NOT NULL)), ('callback_scheduled'::text,COALESCE(((ca.details ->> 'callback_event_at'::text))::timestamp with time zone, ca.disposition_set_at, ca.call_ended_at, ca.call_started_at),(ca.callback_scheduled_date IS NOT NULL))) e(activity_type, at, present))
  WHERE ((ca.deleted_at IS NULL) AND (ca.activity_type = ANY (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text])) AND e.present)
UNION ALL
 SELECT ca.id,
    ca.activity_type,
    ca.contact_id,
    ca.user_id,
    ca.phoneburner_session_id,
    ca.team_id,
    ca.source_system,
    ca.call_started_at,
    ca.call_connected_at,
    ca.call_ended_at,
    ca.call_duration_seconds,
    ca.talk_time_seconds,
    ca.call_outcome,
    ca.answered_by,
    ca.disposition_code,
    ca.disposition_label,
    ca.disposition_notes,
    ca.disposition_set_at,
    ca.callback_scheduled_date,
    ca.recording_url,
    ca.user_name,
    ca.user_email,
    ca.phoneburner_call_id,
    ca.phoneburner_contact_id,
    ca.created_at,
    ca.updated_at
   FROM public.contact_activities ca
  WHERE ((ca.deleted_at IS NULL) AND (ca.activity_type <> ALL (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text])));

-- ---------------------------------------------------------------------------------------------------
-- existing callback rows fold into their calls
-- ---------------------------------------------------------------------------------------------------
create or replace function dialbridge.fold_callback_rows() returns integer
  language plpgsql set search_path = '' as $fold$
declare
  r record;
  v_call_key text;
  v_call public.contact_activities;
  v_folded integer := 0;
begin
  if not exists (select 1 from public.contact_activities a
                  where a.dedupe_key ~ '^[a-z_]+:callback:' and a.activity_type = 'callback_scheduled') then
    return 0;
  end if;
  perform dialbridge.lock_call_projection();
  for r in select a.* from public.contact_activities a
            where a.dedupe_key ~ '^[a-z_]+:callback:' and a.activity_type = 'callback_scheduled'
            order by a.dedupe_key
  loop
    v_call_key := pg_catalog.regexp_replace(r.dedupe_key, '^([a-z_]+):callback:', '\1:call:');
    select * into v_call from public.contact_activities a where a.dedupe_key = v_call_key;
    if not found then
      -- a callback without its call: the row is the call's, under the call's key
      update public.contact_activities a set dedupe_key = v_call_key where a.id = r.id;
    else
      update public.contact_activities a
         set callback_scheduled_date = coalesce(r.callback_scheduled_date, a.callback_scheduled_date),
             details = a.details || pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
               'callback_notes', coalesce(r.details ->> 'notes', r.disposition_notes),
               'callback_event_at', r.details ->> 'event_at',
               'callback_event_id', coalesce(r.phoneburner_event_id, r.details ->> 'event_id'),
               'callback_timezone', r.details ->> 'timezone',
               'callback_user_id', case when r.user_id is distinct from a.user_id then r.user_id end,
               'callback_details', nullif(r.details - 'notes' - 'event_at' - 'event_id' - 'timezone' - 'provider' - 'provider_call_id', '{}'::jsonb)))
       where a.id = v_call.id;
      update public.tasks t set source_activity_id = v_call.id where t.source_activity_id = r.id;
      update dialbridge.webhook_events e set contact_activity_id = v_call.id where e.contact_activity_id = r.id;
      update public.phoneburner_webhooks_log l set contact_activity_id = v_call.id where l.contact_activity_id = r.id;
      update public.suppressions s set source_activity_id = v_call.id where s.source_activity_id = r.id;
      update public.workflow_runs w set source_activity_id = v_call.id where w.source_activity_id = r.id;
      if exists (select 1 from dialbridge.callback_applications ap where ap.activity_id = v_call.id) then
        delete from dialbridge.callback_applications ap where ap.activity_id = r.id;
      else
        update dialbridge.callback_applications ap set activity_id = v_call.id where ap.activity_id = r.id;
      end if;
      delete from public.contact_activities a where a.id = r.id;
    end if;
    v_folded := v_folded + 1;
  end loop;
  -- the counters were kept under the old rule (a callback counted on its own row): recompute them
  perform count(*) from dialbridge.recompute_contact_call_stats();
  perform count(*) from dialbridge.recompute_session_call_stats();
  perform count(*) from dialbridge.recompute_rollups(true);
  return v_folded;
end
$fold$;
comment on function dialbridge.fold_callback_rows() is 'Folds the callback_scheduled rows of earlier releases (dedupe key <provider>:callback:<call>) into their call''s row — callback date, notes, event time, zone and rep into the call; tasks, webhook log links, suppressions, workflow runs and the callback''s application moved to it — or, without a call row, renames them to the call''s key; then recomputes the call statistics and roll-ups. Returns the rows folded. Run by the migration; idempotent.';
revoke all on function dialbridge.fold_callback_rows() from public;
select dialbridge.fold_callback_rows();

comment on function dialbridge.phoneburner_call_activity_rows(text[]) is 'The contact_activities row the stored events of each given call add up to — one row per call, its callback
(callback_scheduled_date; in details callback_notes, callback_event_at, callback_event_id, callback_timezone,
callback_user_id) on it; a callback whose call is not reported yet is a callback_scheduled row under the
call''s key until the call''s events come. A pure function of those events, the contacts, sessions, profiles
and disposition mappings. Rows keep a manual link (link_unmatched_activity).';
comment on function dialbridge.call_activity_rows(text[]) is 'The contact_activities row the stored call events of each given call add up to (one row per call, its
callback on it: callback_scheduled_date, details callback_notes / callback_event_at / callback_event_id),
whatever order the events came in: earliest start and connection, latest end, outcome, recording and
disposition by event time (ties by event id), the rep by email, the contact by
dialbridge.resolve_call_contact unless linked by hand. A pure function of those events, the contacts,
profiles and disposition mappings.';

-- migrate:down
--
