CREATE TABLE public.call_dispositions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    call_id uuid NOT NULL,
    user_id uuid DEFAULT auth.uid(),
    disposition text NOT NULL,
    notes text,
    follow_up_date timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT call_dispositions_disposition_check CHECK ((disposition = ANY (ARRAY['interested'::text, 'not-interested'::text, 'callback'::text, 'wrong-number'::text, 'no-answer'::text, 'voicemail'::text, 'do-not-call'::text, 'qualified'::text, 'not-qualified'::text])))
);

COMMENT ON TABLE public.call_dispositions IS 'Call outcomes set by the agent (seed 003). Each one goes through the shared pipeline as a disposition.set event: the disposition engine (public.disposition_mappings) acts on the call''s activity; follow-up dates become callbacks and tasks.';

COMMENT ON COLUMN public.call_dispositions.id IS 'Disposition id (uuid).';

COMMENT ON COLUMN public.call_dispositions.call_id IS 'The call log.';

COMMENT ON COLUMN public.call_dispositions.user_id IS 'The agent who dispositioned.';

COMMENT ON COLUMN public.call_dispositions.disposition IS 'interested, not-interested, callback, wrong-number, no-answer, voicemail, do-not-call, qualified, not-qualified.';

COMMENT ON COLUMN public.call_dispositions.notes IS 'Disposition notes.';

COMMENT ON COLUMN public.call_dispositions.follow_up_date IS 'Scheduled follow-up (a callback).';

COMMENT ON COLUMN public.call_dispositions.created_at IS 'When it was set (the latest disposition of a call wins).';

ALTER TABLE ONLY public.call_dispositions
    ADD CONSTRAINT call_dispositions_pkey PRIMARY KEY (id);

CREATE INDEX call_dispositions_call_idx ON public.call_dispositions USING btree (call_id, created_at);

CREATE INDEX call_dispositions_user_idx ON public.call_dispositions USING btree (user_id);

CREATE TRIGGER _900_to_pipeline AFTER INSERT ON public.call_dispositions FOR EACH ROW EXECUTE FUNCTION dialbridge.tg_call_dispositions__to_pipeline();

ALTER TABLE ONLY public.call_dispositions
    ADD CONSTRAINT call_dispositions_call_id_fkey FOREIGN KEY (call_id) REFERENCES public.call_logs(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.call_dispositions
    ADD CONSTRAINT call_dispositions_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

CREATE POLICY "Users change their own dispositions, managers their team's" ON public.call_dispositions FOR UPDATE TO authenticated USING (((user_id = ( SELECT auth.uid() AS uid)) OR (( SELECT dialbridge.is_manager_or_admin() AS is_manager_or_admin) AND ( SELECT dialbridge.can_see_call_log(call_dispositions.call_id) AS can_see_call_log)))) WITH CHECK (( SELECT dialbridge.can_see_call_log(call_dispositions.call_id) AS can_see_call_log));

CREATE POLICY "Users disposition calls they see" ON public.call_dispositions FOR INSERT TO authenticated WITH CHECK (((user_id = ( SELECT auth.uid() AS uid)) AND ( SELECT dialbridge.can_see_call_log(call_dispositions.call_id) AS can_see_call_log)));

CREATE POLICY "Users see the dispositions of calls they see" ON public.call_dispositions FOR SELECT TO authenticated USING (( SELECT dialbridge.can_see_call_log(call_dispositions.call_id) AS can_see_call_log));

ALTER TABLE public.call_dispositions ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.call_dispositions TO service_role;
GRANT SELECT ON TABLE public.call_dispositions TO authenticated;

GRANT INSERT(id) ON TABLE public.call_dispositions TO authenticated;

GRANT INSERT(call_id) ON TABLE public.call_dispositions TO authenticated;

GRANT INSERT(user_id) ON TABLE public.call_dispositions TO authenticated;

GRANT INSERT(disposition) ON TABLE public.call_dispositions TO authenticated;

GRANT INSERT(notes),UPDATE(notes) ON TABLE public.call_dispositions TO authenticated;

GRANT INSERT(follow_up_date) ON TABLE public.call_dispositions TO authenticated;
