CREATE TYPE dialbridge.segment_delta AS (
	team_id uuid,
	day date,
	dimension text,
	value text,
	disposition_code text,
	label_key text,
	calls integer,
	connections integer,
	decision_maker_conversations integer,
	gatekeeper_conversations integer,
	voicemails integer,
	no_answers integer,
	talk_time_seconds bigint,
	call_duration_seconds bigint,
	dispositioned_calls integer,
	callbacks_scheduled integer
);

COMMENT ON TYPE dialbridge.segment_delta IS 'A signed contribution to dialbridge.segment_daily_stats.';
