CREATE TYPE dialbridge.activity_delta AS (
	sign integer,
	day date,
	team_id uuid,
	user_id uuid,
	session_id uuid,
	contact_id uuid,
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
	callbacks_scheduled integer,
	outcome_group text,
	is_meeting boolean
);

COMMENT ON TYPE dialbridge.activity_delta IS 'A signed, classified contribution of one contact_activities row (-1: as it was, +1: as it is).';
