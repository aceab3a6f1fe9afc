CREATE TABLE public.credit_balances (
    user_id uuid NOT NULL,
    balance integer DEFAULT 0 NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

COMMENT ON TABLE public.credit_balances IS 'Each user''s voice-agent credits: the sum of their credit_ledger (kept by trigger; dialbridge.recompute_credit_balances checks it).';

COMMENT ON COLUMN public.credit_balances.user_id IS 'The user.';

COMMENT ON COLUMN public.credit_balances.balance IS 'Credits left (negative: calls made beyond the balance).';

COMMENT ON COLUMN public.credit_balances.updated_at IS 'When the balance last changed.';

ALTER TABLE ONLY public.credit_balances
    ADD CONSTRAINT credit_balances_pkey PRIMARY KEY (user_id);

ALTER TABLE ONLY public.credit_balances
    ADD CONSTRAINT credit_balances_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE CASCADE;

CREATE POLICY "Users see their own" ON public.credit_balances FOR SELECT TO authenticated USING (((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.credit_balances ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.credit_balances TO service_role;
GRANT SELECT ON TABLE public.credit_balances TO authenticated;
