CREATE TYPE dialbridge.rollup_contribution AS (
	kind text,
	w integer,
	day date,
	team_id uuid,
	user_id uuid,
	session_id uuid,
	contact_id uuid,
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
	callbacks_scheduled integer,
	outcome_group text,
	is_meeting boolean,
	contacts_dialed integer,
	contacts_connected integer
);

COMMENT ON TYPE dialbridge.rollup_contribution IS 'One contribution to the roll-ups: kind call (a call or callback row''s facts), classified (the same with its disposition''s outcome group and meeting flag, for the totals), segment (the same for one of its contact''s segment dimensions) or reach (a contact entering or leaving a session''s dialled/connected count); w is its sign (+1 added, −1 taken away).';
