CREATE TABLE dialbridge.phoneburner_account_leases (
    user_id uuid NOT NULL,
    holder text NOT NULL,
    acquired_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL
);

COMMENT ON TABLE dialbridge.phoneburner_account_leases IS 'Serialises calls to one rep''s PhoneBurner account across the edge function and the worker.';

ALTER TABLE ONLY dialbridge.phoneburner_account_leases
    ADD CONSTRAINT phoneburner_account_leases_pkey PRIMARY KEY (user_id);

ALTER TABLE ONLY dialbridge.phoneburner_account_leases
    ADD CONSTRAINT phoneburner_account_leases_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE CASCADE;

ALTER TABLE dialbridge.phoneburner_account_leases ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE dialbridge.phoneburner_account_leases TO service_role;
