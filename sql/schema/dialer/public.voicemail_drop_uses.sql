CREATE TABLE public.voicemail_drop_uses (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    voicemail_drop_id uuid NOT NULL,
    call_id uuid NOT NULL,
    user_id uuid,
    dropped_at timestamp with time zone DEFAULT now() NOT NULL
);

COMMENT ON TABLE public.voicemail_drop_uses IS 'Each voicemail dropped on a call (one per call): the source of voicemail_drops.usage_count.';

COMMENT ON COLUMN public.voicemail_drop_uses.id IS 'Row id (uuid).';

COMMENT ON COLUMN public.voicemail_drop_uses.voicemail_drop_id IS 'The message dropped.';

COMMENT ON COLUMN public.voicemail_drop_uses.call_id IS 'The call it was dropped on.';

COMMENT ON COLUMN public.voicemail_drop_uses.user_id IS 'The agent.';

COMMENT ON COLUMN public.voicemail_drop_uses.dropped_at IS 'When.';

ALTER TABLE ONLY public.voicemail_drop_uses
    ADD CONSTRAINT voicemail_drop_uses_call_key UNIQUE (call_id);

ALTER TABLE ONLY public.voicemail_drop_uses
    ADD CONSTRAINT voicemail_drop_uses_pkey PRIMARY KEY (id);

CREATE INDEX voicemail_drop_uses_drop_idx ON public.voicemail_drop_uses USING btree (voicemail_drop_id);

CREATE TRIGGER _900_count_delete AFTER DELETE ON public.voicemail_drop_uses REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_voicemail_drop_uses__count();

CREATE TRIGGER _900_count_insert AFTER INSERT ON public.voicemail_drop_uses REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_voicemail_drop_uses__count();

CREATE TRIGGER _900_count_update AFTER UPDATE ON public.voicemail_drop_uses REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_voicemail_drop_uses__count();

ALTER TABLE ONLY public.voicemail_drop_uses
    ADD CONSTRAINT voicemail_drop_uses_call_id_fkey FOREIGN KEY (call_id) REFERENCES public.call_logs(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.voicemail_drop_uses
    ADD CONSTRAINT voicemail_drop_uses_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.voicemail_drop_uses
    ADD CONSTRAINT voicemail_drop_uses_voicemail_drop_id_fkey FOREIGN KEY (voicemail_drop_id) REFERENCES public.voicemail_drops(id) ON DELETE CASCADE;

CREATE POLICY "Users see the drops on calls they see" ON public.voicemail_drop_uses FOR SELECT TO authenticated USING (( SELECT dialbridge.can_see_call_log(voicemail_drop_uses.call_id) AS can_see_call_log));

ALTER TABLE public.voicemail_drop_uses ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.voicemail_drop_uses TO service_role;
GRANT SELECT ON TABLE public.voicemail_drop_uses TO authenticated;
