CREATE FUNCTION dialbridge.activity_facts(a public.contact_activities) RETURNS TABLE(day date, team_id uuid, user_id uuid, session_id uuid, contact_id uuid, disposition_code text, label_key text, calls integer, connections integer, decision_maker_conversations integer, gatekeeper_conversations integer, voicemails integer, no_answers integer, talk_time_seconds bigint, call_duration_seconds bigint, dispositioned_calls integer, callbacks_scheduled integer)
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

COMMENT ON FUNCTION dialbridge.activity_facts(a public.contact_activities) IS 'The roll-up contribution of one contact_activities row: one row for a call or a callback, none for
anything else (contact changes, notes, emails) or a soft-deleted row.';

REVOKE ALL ON FUNCTION dialbridge.activity_facts(a public.contact_activities) FROM PUBLIC;
