CREATE TABLE dialbridge.dialer_call_stats (
    team_id uuid,
    campaign_id uuid,
    user_id uuid,
    hour timestamp with time zone NOT NULL,
    status text NOT NULL,
    calls bigint DEFAULT 0 NOT NULL,
    answered bigint DEFAULT 0 NOT NULL,
    duration_seconds bigint DEFAULT 0 NOT NULL,
    machine_answers bigint DEFAULT 0 NOT NULL,
    abandoned bigint DEFAULT 0 NOT NULL,
    ring_seconds bigint DEFAULT 0 NOT NULL,
    connected bigint DEFAULT 0 NOT NULL,
    talk_seconds bigint DEFAULT 0 NOT NULL
);

COMMENT ON TABLE dialbridge.dialer_call_stats IS 'Call logs added up per team, campaign, rep, UTC hour (of the start, else of the row) and status: what public.dialer_analytics, the dialer reports and the predictive pacer (dialbridge.pacing_stats) read instead of scanning call logs. Maintained by statement triggers on call_logs; dialbridge.recompute_dialer_call_stats rebuilds it.';

COMMENT ON COLUMN dialbridge.dialer_call_stats.team_id IS 'The call''s team.';

COMMENT ON COLUMN dialbridge.dialer_call_stats.campaign_id IS 'The call''s campaign (null: none).';

COMMENT ON COLUMN dialbridge.dialer_call_stats.user_id IS 'The rep.';

COMMENT ON COLUMN dialbridge.dialer_call_stats.hour IS 'The UTC hour the call started in.';

COMMENT ON COLUMN dialbridge.dialer_call_stats.status IS 'The call''s status.';

COMMENT ON COLUMN dialbridge.dialer_call_stats.calls IS 'Calls.';

COMMENT ON COLUMN dialbridge.dialer_call_stats.answered IS 'Calls answered (answered_at set).';

COMMENT ON COLUMN dialbridge.dialer_call_stats.duration_seconds IS 'Seconds of calls.';

COMMENT ON COLUMN dialbridge.dialer_call_stats.machine_answers IS 'Calls a machine answered (answering-machine detection).';

COMMENT ON COLUMN dialbridge.dialer_call_stats.abandoned IS 'Live answers no rep reached within 2 s (predictive mode).';

COMMENT ON COLUMN dialbridge.dialer_call_stats.ring_seconds IS 'Seconds from the start to a person''s answer, summed over live answers.';

COMMENT ON COLUMN dialbridge.dialer_call_stats.connected IS 'Live answers a rep took.';

COMMENT ON COLUMN dialbridge.dialer_call_stats.talk_seconds IS 'Seconds of the calls a rep took.';

ALTER TABLE ONLY dialbridge.dialer_call_stats
    ADD CONSTRAINT dialer_call_stats_key UNIQUE NULLS NOT DISTINCT (team_id, campaign_id, user_id, hour, status);

ALTER TABLE dialbridge.dialer_call_stats ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE dialbridge.dialer_call_stats TO service_role;
