CREATE TABLE dialbridge.dialer_pacing_daily (
    campaign_id uuid NOT NULL,
    day date NOT NULL,
    dialled bigint DEFAULT 0 NOT NULL,
    live_answers bigint DEFAULT 0 NOT NULL,
    machine_answers bigint DEFAULT 0 NOT NULL,
    abandoned bigint DEFAULT 0 NOT NULL,
    ring_seconds bigint DEFAULT 0 NOT NULL,
    talk_seconds bigint DEFAULT 0 NOT NULL,
    connected bigint DEFAULT 0 NOT NULL
);

COMMENT ON TABLE dialbridge.dialer_pacing_daily IS 'What predictive pacing measures, per campaign and UTC day (of the call''s start): calls dialled, live and machine answers, abandoned calls, ring seconds to a live answer, talk seconds and connected calls. Maintained by a statement trigger on call_logs; dialbridge.recompute_dialer_pacing_daily rebuilds it.';

COMMENT ON COLUMN dialbridge.dialer_pacing_daily.campaign_id IS 'The campaign.';

COMMENT ON COLUMN dialbridge.dialer_pacing_daily.day IS 'UTC day the calls started.';

COMMENT ON COLUMN dialbridge.dialer_pacing_daily.dialled IS 'Calls placed (not canceled).';

COMMENT ON COLUMN dialbridge.dialer_pacing_daily.live_answers IS 'Answered by a person.';

COMMENT ON COLUMN dialbridge.dialer_pacing_daily.machine_answers IS 'Answered by a machine.';

COMMENT ON COLUMN dialbridge.dialer_pacing_daily.abandoned IS 'Live answers no rep reached within 2 s.';

COMMENT ON COLUMN dialbridge.dialer_pacing_daily.ring_seconds IS 'Seconds from the start to a person''s answer, summed over live answers.';

COMMENT ON COLUMN dialbridge.dialer_pacing_daily.talk_seconds IS 'Seconds of connected calls.';

COMMENT ON COLUMN dialbridge.dialer_pacing_daily.connected IS 'Live answers a rep took.';

ALTER TABLE ONLY dialbridge.dialer_pacing_daily
    ADD CONSTRAINT dialer_pacing_daily_pkey PRIMARY KEY (campaign_id, day);

ALTER TABLE ONLY dialbridge.dialer_pacing_daily
    ADD CONSTRAINT dialer_pacing_daily_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES public.dialer_campaigns(id) ON DELETE CASCADE;

ALTER TABLE dialbridge.dialer_pacing_daily ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE dialbridge.dialer_pacing_daily TO service_role;
