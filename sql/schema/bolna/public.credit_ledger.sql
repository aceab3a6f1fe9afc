CREATE TABLE public.credit_ledger (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    call_id uuid,
    kind text NOT NULL,
    amount integer NOT NULL,
    note text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT credit_ledger_amount_check CHECK ((((kind = 'call'::text) AND (amount <= 0)) OR ((kind <> 'call'::text) AND (amount <> 0)))),
    CONSTRAINT credit_ledger_kind_check CHECK ((kind = ANY (ARRAY['call'::text, 'grant'::text, 'adjustment'::text])))
);

COMMENT ON TABLE public.credit_ledger IS 'Credits in and out: a call''s charge (kind call: at most one row per call, whatever the number of deliveries), grants and adjustments.';

COMMENT ON COLUMN public.credit_ledger.id IS 'Entry id.';

COMMENT ON COLUMN public.credit_ledger.user_id IS 'Whose credits.';

COMMENT ON COLUMN public.credit_ledger.call_id IS 'The call charged (kind call; null once the call row is deleted: the charge stays).';

COMMENT ON COLUMN public.credit_ledger.kind IS 'call (a charge, ≤ 0), grant, adjustment.';

COMMENT ON COLUMN public.credit_ledger.amount IS 'Credits added (positive) or taken (negative).';

COMMENT ON COLUMN public.credit_ledger.note IS 'Why (grants and adjustments).';

COMMENT ON COLUMN public.credit_ledger.created_at IS 'When the entry was made.';

COMMENT ON COLUMN public.credit_ledger.updated_at IS 'When the entry last changed (a call''s charge follows its final duration).';

ALTER TABLE ONLY public.credit_ledger
    ADD CONSTRAINT credit_ledger_pkey PRIMARY KEY (id);

CREATE UNIQUE INDEX credit_ledger_call_once ON public.credit_ledger USING btree (call_id) WHERE (kind = 'call'::text);

CREATE INDEX credit_ledger_user_idx ON public.credit_ledger USING btree (user_id, created_at DESC);

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.credit_ledger FOR EACH ROW EXECUTE FUNCTION dialbridge.update_updated_at_column();

CREATE TRIGGER _900_balances_delete AFTER DELETE ON public.credit_ledger REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_credit_ledger__balances();

CREATE TRIGGER _900_balances_insert AFTER INSERT ON public.credit_ledger REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_credit_ledger__balances();

CREATE TRIGGER _900_balances_update AFTER UPDATE ON public.credit_ledger REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_credit_ledger__balances();

ALTER TABLE ONLY public.credit_ledger
    ADD CONSTRAINT credit_ledger_call_id_fkey FOREIGN KEY (call_id) REFERENCES public.calls(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.credit_ledger
    ADD CONSTRAINT credit_ledger_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE CASCADE;

CREATE POLICY "Users see their own" ON public.credit_ledger FOR SELECT TO authenticated USING (((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.credit_ledger ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.credit_ledger TO service_role;
GRANT SELECT ON TABLE public.credit_ledger TO authenticated;
