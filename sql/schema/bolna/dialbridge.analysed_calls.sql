CREATE VIEW dialbridge.analysed_calls AS
 SELECT c.id,
    'bolna'::text AS source,
    c.user_id,
    c.phone_number,
    COALESCE(c.call_answered_at, c.created_at) AS at,
    c.duration_seconds,
    c.contact_id,
    t.content AS transcript
   FROM (public.calls c
     JOIN public.transcripts t ON ((t.call_id = c.id)))
UNION ALL
 SELECT l.id,
    'voipstudio'::text AS source,
    l.user_id,
        CASE
            WHEN (l.direction = 'inbound'::text) THEN l.from_number
            ELSE l.to_number
        END AS phone_number,
    COALESCE(l.answered_at, l.started_at, l.created_at) AS at,
    COALESCE(l.duration, 0) AS duration_seconds,
    l.contact_id,
    t.content AS transcript
   FROM (public.call_logs l
     JOIN public.transcripts t ON ((t.call_log_id = l.id)));

COMMENT ON VIEW dialbridge.analysed_calls IS 'Calls with a transcript, from either dialer: Bolna voice-agent calls (source bolna) and VoIPStudio calls whose recording was transcribed (source voipstudio), with their user, the other party''s number, when they were answered (else placed), duration, contact and transcript. Read by the analysis functions (owner rights).';

COMMENT ON COLUMN dialbridge.analysed_calls.id IS 'calls.id or call_logs.id.';

COMMENT ON COLUMN dialbridge.analysed_calls.source IS 'bolna or voipstudio.';

COMMENT ON COLUMN dialbridge.analysed_calls.user_id IS 'The user (the agent''s owner, or the rep).';

COMMENT ON COLUMN dialbridge.analysed_calls.phone_number IS 'The other party''s number.';

COMMENT ON COLUMN dialbridge.analysed_calls.at IS 'When the call was answered, else placed.';

COMMENT ON COLUMN dialbridge.analysed_calls.duration_seconds IS 'Its seconds.';

COMMENT ON COLUMN dialbridge.analysed_calls.contact_id IS 'The platform contact.';

COMMENT ON COLUMN dialbridge.analysed_calls.transcript IS 'The transcript.';

GRANT SELECT ON TABLE dialbridge.analysed_calls TO service_role;
