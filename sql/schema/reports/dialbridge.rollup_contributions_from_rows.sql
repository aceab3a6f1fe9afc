CREATE VIEW dialbridge.rollup_contributions_from_rows AS
 SELECT 'call'::text AS kind,
    1 AS w,
    f.day,
    f.team_id,
    f.user_id,
    f.session_id,
    f.contact_id,
    NULL::text AS dimension,
    NULL::text AS value,
    f.disposition_code,
    f.label_key,
    f.calls,
    f.connections,
    f.decision_maker_conversations,
    f.gatekeeper_conversations,
    f.voicemails,
    f.no_answers,
    f.talk_time_seconds,
    f.call_duration_seconds,
    f.dispositioned_calls,
    f.callbacks_scheduled,
    NULL::text AS outcome_group,
    false AS is_meeting,
    0 AS contacts_dialed,
    0 AS contacts_connected
   FROM (public.contact_activities a
     CROSS JOIN LATERAL dialbridge.activity_facts(a.*) f(day, team_id, user_id, session_id, contact_id, disposition_code, label_key, calls, connections, decision_maker_conversations, gatekeeper_conversations, voicemails, no_answers, talk_time_seconds, call_duration_seconds, dispositioned_calls, callbacks_scheduled))
UNION ALL
 SELECT 'classified'::text AS kind,
    1 AS w,
    f.day,
    f.team_id,
    f.user_id,
    f.session_id,
    f.contact_id,
    NULL::text AS dimension,
    NULL::text AS value,
    f.disposition_code,
    f.label_key,
    f.calls,
    f.connections,
    f.decision_maker_conversations,
    f.gatekeeper_conversations,
    f.voicemails,
    f.no_answers,
    f.talk_time_seconds,
    f.call_duration_seconds,
    f.dispositioned_calls,
    f.callbacks_scheduled,
    dialbridge.disposition_outcome_group(cc.match_key, cc.outcome_group, cl.outcome_group, f.disposition_code, f.label_key) AS outcome_group,
    dialbridge.disposition_is_meeting(cc.match_key, cc.is_meeting, cl.is_meeting) AS is_meeting,
    0 AS contacts_dialed,
    0 AS contacts_connected
   FROM (((public.contact_activities a
     CROSS JOIN LATERAL dialbridge.activity_facts(a.*) f(day, team_id, user_id, session_id, contact_id, disposition_code, label_key, calls, connections, decision_maker_conversations, gatekeeper_conversations, voicemails, no_answers, talk_time_seconds, call_duration_seconds, dispositioned_calls, callbacks_scheduled))
     LEFT JOIN dialbridge.disposition_classes cc ON (((f.disposition_code <> ''::text) AND (cc.match_key = ('c:'::text || f.disposition_code)))))
     LEFT JOIN dialbridge.disposition_classes cl ON (((f.label_key <> ''::text) AND (cl.match_key = ('l:'::text || f.label_key)))))
UNION ALL
 SELECT 'segment'::text AS kind,
    1 AS w,
    f.day,
    f.team_id,
    f.user_id,
    f.session_id,
    f.contact_id,
    s.dimension,
    s.value,
    f.disposition_code,
    f.label_key,
    f.calls,
    f.connections,
    f.decision_maker_conversations,
    f.gatekeeper_conversations,
    f.voicemails,
    f.no_answers,
    f.talk_time_seconds,
    f.call_duration_seconds,
    f.dispositioned_calls,
    f.callbacks_scheduled,
    NULL::text AS outcome_group,
    false AS is_meeting,
    0 AS contacts_dialed,
    0 AS contacts_connected
   FROM (((public.contact_activities a
     CROSS JOIN LATERAL dialbridge.activity_facts(a.*) f(day, team_id, user_id, session_id, contact_id, disposition_code, label_key, calls, connections, decision_maker_conversations, gatekeeper_conversations, voicemails, no_answers, talk_time_seconds, call_duration_seconds, dispositioned_calls, callbacks_scheduled))
     LEFT JOIN public.contacts c ON ((c.id = f.contact_id)))
     CROSS JOIN LATERAL dialbridge.contact_segment_values(c.contact_type, c.list_source, c.industry, c.state, c.country) s(dimension, value))
UNION ALL
 SELECT 'reach'::text AS kind,
    1 AS w,
    NULL::date AS day,
    r.team_id,
    NULL::uuid AS user_id,
    r.session_id,
    r.contact_id,
    NULL::text AS dimension,
    NULL::text AS value,
    NULL::text AS disposition_code,
    NULL::text AS label_key,
    0 AS calls,
    0 AS connections,
    0 AS decision_maker_conversations,
    0 AS gatekeeper_conversations,
    0 AS voicemails,
    0 AS no_answers,
    (0)::bigint AS talk_time_seconds,
    (0)::bigint AS call_duration_seconds,
    0 AS dispositioned_calls,
    0 AS callbacks_scheduled,
    NULL::text AS outcome_group,
    false AS is_meeting,
    ((r.calls > 0))::integer AS contacts_dialed,
    ((r.connections > 0))::integer AS contacts_connected
   FROM ( SELECT f.session_id,
            f.team_id,
            f.contact_id,
            sum(f.calls) AS calls,
            sum(f.connections) AS connections
           FROM (public.contact_activities a
             CROSS JOIN LATERAL dialbridge.activity_facts(a.*) f(day, team_id, user_id, session_id, contact_id, disposition_code, label_key, calls, connections, decision_maker_conversations, gatekeeper_conversations, voicemails, no_answers, talk_time_seconds, call_duration_seconds, dispositioned_calls, callbacks_scheduled))
          WHERE ((f.session_id IS NOT NULL) AND (f.contact_id IS NOT NULL) AND (f.calls = 1))
          GROUP BY f.session_id, f.team_id, f.contact_id) r;

COMMENT ON VIEW dialbridge.rollup_contributions_from_rows IS 'Every contact_activities row''s contributions to the roll-ups as the raw rows and the current mappings say (calls, their segments, sessions'' reach): every roll-up must equal dialbridge.rollup_select_sql over it.';

GRANT SELECT ON TABLE dialbridge.rollup_contributions_from_rows TO service_role;
