CREATE TYPE dialbridge.last_disposition AS (
	code text,
	label text,
	set_at timestamp with time zone,
	notes text
);
