CREATE TYPE dialbridge.disposition_step AS (
	activity_id uuid,
	contact_id uuid,
	mapping_id uuid,
	has_prev boolean,
	same_mapping boolean,
	prev_mapping_id uuid,
	prev_task_id uuid,
	prev_run_id uuid,
	set_at timestamp with time zone,
	label text,
	rep_id uuid,
	team_id uuid,
	dialed text
);
