CREATE TABLE dialbridge.credential_key (
    id boolean DEFAULT true NOT NULL,
    key bytea NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT credential_key_id_check CHECK (id)
);

COMMENT ON TABLE dialbridge.credential_key IS 'The pgcrypto key that encrypts credential_secrets where Supabase Vault is not installed: one random 32-byte key, readable by the database owner only (no API role has any privilege on it; the owner-run secret functions use it). Kept apart from the secrets so a copy of one table reveals nothing.';

COMMENT ON COLUMN dialbridge.credential_key.id IS 'Always true: there is one key.';

COMMENT ON COLUMN dialbridge.credential_key.key IS 'The key (random bytes).';

COMMENT ON COLUMN dialbridge.credential_key.created_at IS 'When the key was made.';

ALTER TABLE ONLY dialbridge.credential_key
    ADD CONSTRAINT credential_key_pkey PRIMARY KEY (id);
