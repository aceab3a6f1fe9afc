CREATE TABLE dialbridge.calling_places (
    id bigint NOT NULL,
    time_zones text[] NOT NULL,
    calling_state text
);

COMMENT ON TABLE dialbridge.calling_places IS 'The distinct places of called parties (candidate zones and US state): the dialing queue evaluates calling hours per place, then picks contacts of the places open now.';

COMMENT ON COLUMN dialbridge.calling_places.id IS 'Place id.';

COMMENT ON COLUMN dialbridge.calling_places.time_zones IS 'Candidate IANA zones (dialbridge.called_party_time_zones).';

COMMENT ON COLUMN dialbridge.calling_places.calling_state IS 'US state, for its calling window (dialbridge.called_party_state).';

ALTER TABLE dialbridge.calling_places ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME dialbridge.calling_places_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE ONLY dialbridge.calling_places
    ADD CONSTRAINT calling_places_key UNIQUE NULLS NOT DISTINCT (time_zones, calling_state);

ALTER TABLE ONLY dialbridge.calling_places
    ADD CONSTRAINT calling_places_pkey PRIMARY KEY (id);

ALTER TABLE dialbridge.calling_places ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON TABLE dialbridge.calling_places TO service_role;
