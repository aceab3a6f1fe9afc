CREATE TABLE dialbridge.credential_secrets (
    kind text NOT NULL,
    owner_id uuid NOT NULL,
    ciphertext bytea,
    vault_secret_id uuid,
    stored_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT credential_secrets_kind CHECK ((kind = ANY (ARRAY['phoneburner_access_token'::text, 'phoneburner_refresh_token'::text, 'voipstudio_api_token'::text]))),
    CONSTRAINT credential_secrets_one_store CHECK (((ciphertext IS NOT NULL) <> (vault_secret_id IS NOT NULL)))
);

COMMENT ON TABLE dialbridge.credential_secrets IS 'Reps'' provider tokens, encrypted: in Supabase Vault (vault_secret_id) where it is installed, else pgcrypto ciphertext under dialbridge.credential_key. Written only by the token tables'' triggers; read only by the owner-run credential functions.';

COMMENT ON COLUMN dialbridge.credential_secrets.kind IS 'Which secret: phoneburner_access_token, phoneburner_refresh_token or voipstudio_api_token.';

COMMENT ON COLUMN dialbridge.credential_secrets.owner_id IS 'The rep (profiles.id) the secret belongs to.';

COMMENT ON COLUMN dialbridge.credential_secrets.ciphertext IS 'pgp_sym_encrypt(secret) under dialbridge.credential_key (AES-256), when Vault is not installed.';

COMMENT ON COLUMN dialbridge.credential_secrets.vault_secret_id IS 'vault.secrets id holding the secret, where Supabase Vault is installed.';

COMMENT ON COLUMN dialbridge.credential_secrets.stored_at IS 'When this secret value was stored (its age, for rotation).';

ALTER TABLE ONLY dialbridge.credential_secrets
    ADD CONSTRAINT credential_secrets_pkey PRIMARY KEY (kind, owner_id);
