CREATE VIEW dialbridge.segment_classified WITH (security_invoker='true') AS
 SELECT r.id,
    r.team_id,
    r.day,
    r.dimension,
    r.value,
    r.disposition_code,
    r.label_key,
    r.calls,
    r.connections,
    r.decision_maker_conversations,
    r.gatekeeper_conversations,
    r.voicemails,
    r.no_answers,
    r.talk_time_seconds,
    r.call_duration_seconds,
    r.dispositioned_calls,
    r.callbacks_scheduled,
    r.updated_at,
    COALESCE(
        CASE
            WHEN (cc.match_key IS NOT NULL) THEN cc.outcome_group
            ELSE cl.outcome_group
        END,
        CASE
            WHEN ((r.disposition_code <> ''::text) OR (r.label_key <> ''::text)) THEN 'unmapped'::text
            ELSE 'none'::text
        END) AS outcome_group,
    COALESCE(
        CASE
            WHEN (cc.match_key IS NOT NULL) THEN cc.is_meeting
            ELSE cl.is_meeting
        END, false) AS is_meeting
   FROM ((dialbridge.segment_daily_stats r
     LEFT JOIN dialbridge.disposition_classes cc ON (((r.disposition_code <> ''::text) AND (cc.match_key = ('c:'::text || r.disposition_code)))))
     LEFT JOIN dialbridge.disposition_classes cl ON (((r.label_key <> ''::text) AND (cl.match_key = ('l:'::text || r.label_key)))));

COMMENT ON VIEW dialbridge.segment_classified IS 'segment_daily_stats with the disposition class of each row.';

GRANT SELECT ON TABLE dialbridge.segment_classified TO authenticated;
GRANT SELECT ON TABLE dialbridge.segment_classified TO service_role;
GRANT SELECT ON TABLE dialbridge.segment_classified TO dialbridge_metabase;
