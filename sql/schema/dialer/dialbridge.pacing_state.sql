CREATE TABLE dialbridge.pacing_state (
    campaign_id uuid NOT NULL,
    decided_at timestamp with time zone NOT NULL,
    mode text NOT NULL,
    reps integer NOT NULL,
    free_reps integer NOT NULL,
    lines_before integer NOT NULL,
    lines_wanted integer NOT NULL,
    lines_started integer NOT NULL,
    expected_abandon_rate numeric NOT NULL,
    allowed_rate numeric NOT NULL,
    window_live_answers bigint DEFAULT 0 NOT NULL,
    window_abandoned bigint DEFAULT 0 NOT NULL,
    detail text,
    CONSTRAINT pacing_state_allowed_rate_check CHECK ((allowed_rate >= (0)::numeric)),
    CONSTRAINT pacing_state_expected_abandon_rate_check CHECK ((expected_abandon_rate >= (0)::numeric)),
    CONSTRAINT pacing_state_free_reps_check CHECK ((free_reps >= 0)),
    CONSTRAINT pacing_state_lines_before_check CHECK ((lines_before >= 0)),
    CONSTRAINT pacing_state_lines_started_check CHECK ((lines_started >= 0)),
    CONSTRAINT pacing_state_lines_wanted_check CHECK ((lines_wanted >= 0)),
    CONSTRAINT pacing_state_mode_check CHECK ((mode = ANY (ARRAY['power'::text, 'predictive'::text, 'full'::text, 'idle'::text, 'stopped'::text]))),
    CONSTRAINT pacing_state_reps_check CHECK ((reps >= 0))
);

COMMENT ON TABLE dialbridge.pacing_state IS 'The predictive pacer''s latest decision per campaign (written by dialbridge.start_predictive_calls): how many reps, how many free, lines ringing before, lines it wanted and started, why (mode), the abandonment it expected and was allowed, and the campaign''s 30-day window.';

COMMENT ON COLUMN dialbridge.pacing_state.campaign_id IS 'The campaign.';

COMMENT ON COLUMN dialbridge.pacing_state.decided_at IS 'When the pacer decided.';

COMMENT ON COLUMN dialbridge.pacing_state.mode IS 'power (no history, or the cap at risk: one line per free rep), predictive, full (max_lines reached), idle (no rep logged in), stopped (no longer an active predictive campaign).';

COMMENT ON COLUMN dialbridge.pacing_state.reps IS 'Reps logged in to the campaign (available, on a call or wrapping up).';

COMMENT ON COLUMN dialbridge.pacing_state.free_reps IS 'Of those, available.';

COMMENT ON COLUMN dialbridge.pacing_state.lines_before IS 'Lines ringing before the decision.';

COMMENT ON COLUMN dialbridge.pacing_state.lines_wanted IS 'Lines the pacer wanted to start.';

COMMENT ON COLUMN dialbridge.pacing_state.lines_started IS 'Lines started (fewer when the queue had no more contacts callable now).';

COMMENT ON COLUMN dialbridge.pacing_state.expected_abandon_rate IS 'The abandonment rate (share of live answers) the chosen lines were expected to cause.';

COMMENT ON COLUMN dialbridge.pacing_state.allowed_rate IS 'The rate the pacer was allowed (shrinks as the 30-day window uses up the 3 % cap).';

COMMENT ON COLUMN dialbridge.pacing_state.window_live_answers IS 'Live-answered calls in the campaign''s 30-day window at the decision.';

COMMENT ON COLUMN dialbridge.pacing_state.window_abandoned IS 'Abandoned calls in that window.';

COMMENT ON COLUMN dialbridge.pacing_state.detail IS 'Why fewer lines were started than wanted (the queue''s answer), or why nothing was dialled.';

ALTER TABLE ONLY dialbridge.pacing_state
    ADD CONSTRAINT pacing_state_pkey PRIMARY KEY (campaign_id);

ALTER TABLE ONLY dialbridge.pacing_state
    ADD CONSTRAINT pacing_state_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES public.dialer_campaigns(id) ON DELETE CASCADE;

ALTER TABLE dialbridge.pacing_state ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE dialbridge.pacing_state TO service_role;
