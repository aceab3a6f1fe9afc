CREATE FUNCTION dialbridge.activity_call_stats(a public.contact_activities) RETURNS TABLE(is_call integer, is_connected integer, is_decision_maker integer, is_gatekeeper integer, is_voicemail integer, is_no_answer integer, duration_seconds integer, talk_seconds integer, attempt_at timestamp with time zone, connected_at timestamp with time zone, disposition_at timestamp with time zone, engaged_at timestamp with time zone, activity_at timestamp with time zone, is_qualified integer, is_meeting integer, is_disqualified integer, is_callback integer, member_stage integer)
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

COMMENT ON FUNCTION dialbridge.activity_call_stats(a public.contact_activities) IS 'The contribution of one contact_activities row to the contact and session call statistics.';

REVOKE ALL ON FUNCTION dialbridge.activity_call_stats(a public.contact_activities) FROM PUBLIC;
