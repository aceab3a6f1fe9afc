CREATE TABLE public.tasks (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    contact_id uuid,
    team_id uuid,
    assigned_to_user_id uuid,
    created_by_user_id uuid,
    source_activity_id uuid,
    source text DEFAULT 'manual'::text NOT NULL,
    task_type text DEFAULT 'call'::text NOT NULL,
    title text NOT NULL,
    notes text,
    due_at timestamp with time zone NOT NULL,
    priority text DEFAULT 'medium'::text NOT NULL,
    status text DEFAULT 'open'::text NOT NULL,
    completed_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT tasks_completed_check CHECK (((status = 'completed'::text) = (completed_at IS NOT NULL))),
    CONSTRAINT tasks_priority_check CHECK ((priority = ANY (ARRAY['low'::text, 'medium'::text, 'high'::text, 'urgent'::text]))),
    CONSTRAINT tasks_source_check CHECK ((source = ANY (ARRAY['manual'::text, 'disposition'::text, 'callback'::text, 'system'::text]))),
    CONSTRAINT tasks_status_check CHECK ((status = ANY (ARRAY['open'::text, 'completed'::text, 'cancelled'::text]))),
    CONSTRAINT tasks_task_type_check CHECK ((task_type = ANY (ARRAY['call'::text, 'email'::text, 'meeting_prep'::text, 'research'::text, 'send_materials'::text, 'follow_up'::text])))
);

COMMENT ON TABLE public.tasks IS 'Callbacks and follow-ups assigned to reps.';

COMMENT ON COLUMN public.tasks.id IS 'Task id (uuid).';

COMMENT ON COLUMN public.tasks.contact_id IS 'Contact the task is about.';

COMMENT ON COLUMN public.tasks.team_id IS 'Team the task belongs to.';

COMMENT ON COLUMN public.tasks.assigned_to_user_id IS 'Rep who should do it.';

COMMENT ON COLUMN public.tasks.created_by_user_id IS 'Who created it (null: created by a disposition or callback).';

COMMENT ON COLUMN public.tasks.source_activity_id IS 'Call or callback activity that created the task.';

COMMENT ON COLUMN public.tasks.source IS 'manual, disposition, callback or system.';

COMMENT ON COLUMN public.tasks.task_type IS 'call, email, meeting_prep, research, send_materials or follow_up.';

COMMENT ON COLUMN public.tasks.title IS 'What to do.';

COMMENT ON COLUMN public.tasks.notes IS 'Context (e.g. the rep''s call notes).';

COMMENT ON COLUMN public.tasks.due_at IS 'When it is due.';

COMMENT ON COLUMN public.tasks.priority IS 'low, medium, high or urgent.';

COMMENT ON COLUMN public.tasks.status IS 'open, completed or cancelled.';

COMMENT ON COLUMN public.tasks.completed_at IS 'When it was completed.';

COMMENT ON COLUMN public.tasks.created_at IS 'When the task was created.';

COMMENT ON COLUMN public.tasks.updated_at IS 'When the task last changed.';

ALTER TABLE ONLY public.tasks
    ADD CONSTRAINT tasks_pkey PRIMARY KEY (id);

CREATE INDEX tasks_assignee_due_idx ON public.tasks USING btree (assigned_to_user_id, due_at) WHERE (status = 'open'::text);

CREATE INDEX tasks_contact_idx ON public.tasks USING btree (contact_id);

CREATE INDEX tasks_source_activity_idx ON public.tasks USING btree (source_activity_id) WHERE (source_activity_id IS NOT NULL);

CREATE UNIQUE INDEX tasks_source_activity_key ON public.tasks USING btree (source_activity_id, source) WHERE ((source_activity_id IS NOT NULL) AND (status <> 'cancelled'::text));

CREATE INDEX tasks_team_idx ON public.tasks USING btree (team_id);

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.tasks FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

ALTER TABLE ONLY public.tasks
    ADD CONSTRAINT tasks_assigned_to_user_id_fkey FOREIGN KEY (assigned_to_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.tasks
    ADD CONSTRAINT tasks_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.tasks
    ADD CONSTRAINT tasks_created_by_user_id_fkey FOREIGN KEY (created_by_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.tasks
    ADD CONSTRAINT tasks_source_activity_id_fkey FOREIGN KEY (source_activity_id) REFERENCES public.contact_activities(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.tasks
    ADD CONSTRAINT tasks_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

CREATE POLICY "Managers delete their team's tasks" ON public.tasks FOR DELETE TO authenticated USING ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND ( SELECT dialbridge.is_manager_or_admin() AS is_manager_or_admin)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

CREATE POLICY "Reps create tasks for their team" ON public.tasks FOR INSERT TO authenticated WITH CHECK ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)) AND ((created_by_user_id IS NULL) OR (created_by_user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_admin() AS is_admin)) AND ((contact_id IS NULL) OR (EXISTS ( SELECT 1
   FROM public.contacts c
  WHERE ((c.id = tasks.contact_id) AND (NOT (c.team_id IS DISTINCT FROM tasks.team_id))))))));

CREATE POLICY "Reps see their team's tasks" ON public.tasks FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

CREATE POLICY "Reps update their team's tasks" ON public.tasks FOR UPDATE TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin))) WITH CHECK (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.tasks ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.tasks TO service_role;
GRANT SELECT,DELETE ON TABLE public.tasks TO authenticated;

GRANT INSERT(contact_id) ON TABLE public.tasks TO authenticated;

GRANT INSERT(team_id) ON TABLE public.tasks TO authenticated;

GRANT INSERT(assigned_to_user_id),UPDATE(assigned_to_user_id) ON TABLE public.tasks TO authenticated;

GRANT INSERT(created_by_user_id) ON TABLE public.tasks TO authenticated;

GRANT INSERT(task_type),UPDATE(task_type) ON TABLE public.tasks TO authenticated;

GRANT INSERT(title),UPDATE(title) ON TABLE public.tasks TO authenticated;

GRANT INSERT(notes),UPDATE(notes) ON TABLE public.tasks TO authenticated;

GRANT INSERT(due_at),UPDATE(due_at) ON TABLE public.tasks TO authenticated;

GRANT INSERT(priority),UPDATE(priority) ON TABLE public.tasks TO authenticated;

GRANT UPDATE(status) ON TABLE public.tasks TO authenticated;

GRANT UPDATE(completed_at) ON TABLE public.tasks TO authenticated;
