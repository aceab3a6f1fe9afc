CREATE TABLE dialbridge.phoneburner_sync_state (
    user_id uuid NOT NULL,
    contacts_synced_until timestamp with time zone,
    contacts_last_run_at timestamp with time zone,
    contacts_seen integer DEFAULT 0 NOT NULL,
    contacts_changed integer DEFAULT 0 NOT NULL,
    sessions_checked_at timestamp with time zone,
    last_error text,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

COMMENT ON TABLE dialbridge.phoneburner_sync_state IS 'Daily reconciliation progress per PhoneBurner account (watermark of the contacts pull, last errors).';

ALTER TABLE ONLY dialbridge.phoneburner_sync_state
    ADD CONSTRAINT phoneburner_sync_state_pkey PRIMARY KEY (user_id);

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON dialbridge.phoneburner_sync_state FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

ALTER TABLE ONLY dialbridge.phoneburner_sync_state
    ADD CONSTRAINT phoneburner_sync_state_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE CASCADE;

ALTER TABLE dialbridge.phoneburner_sync_state ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE dialbridge.phoneburner_sync_state TO service_role;
