CREATE VIEW public.phoneburner_push_log WITH (security_invoker='true') AS
 SELECT r.id AS run_id,
    r.created_at AS pushed_at,
    r.user_id AS pushed_by_user_id,
    p.display_name AS pushed_by,
    r.target_user_id,
    t.display_name AS pushed_for,
    r.team_id,
    r.session_name,
    r.session_id,
    NULLIF(r.phoneburner_session_id, ''::text) AS phoneburner_session_id,
    r.status,
    r.total_contacts,
    (r.contacts_added + r.contacts_updated) AS contacts_pushed,
    r.contacts_excluded,
    r.contacts_overridden,
    r.contacts_failed,
    r.api_style,
    r.request_shape,
    r.finished_at
   FROM ((public.phoneburner_push_runs r
     LEFT JOIN public.profiles p ON ((p.id = r.user_id)))
     LEFT JOIN public.profiles t ON ((t.id = r.target_user_id)));

COMMENT ON VIEW public.phoneburner_push_log IS 'Push log (seed 001 US-001): who pushed how many contacts into which dial session, when, with how many exclusions and overrides.';

COMMENT ON COLUMN public.phoneburner_push_log.run_id IS 'The push run (phoneburner_push_runs.id).';

COMMENT ON COLUMN public.phoneburner_push_log.pushed_at IS 'When the push was requested.';

COMMENT ON COLUMN public.phoneburner_push_log.pushed_by_user_id IS 'Who pushed (profile id).';

COMMENT ON COLUMN public.phoneburner_push_log.pushed_by IS 'Who pushed.';

COMMENT ON COLUMN public.phoneburner_push_log.target_user_id IS 'Whose PhoneBurner account received the list (profile id).';

COMMENT ON COLUMN public.phoneburner_push_log.pushed_for IS 'Whose PhoneBurner account received the list.';

COMMENT ON COLUMN public.phoneburner_push_log.team_id IS 'Team of the push.';

COMMENT ON COLUMN public.phoneburner_push_log.session_name IS 'Name of the dial session.';

COMMENT ON COLUMN public.phoneburner_push_log.session_id IS 'The (first) dial session the contacts went into (our id).';

COMMENT ON COLUMN public.phoneburner_push_log.phoneburner_session_id IS 'PhoneBurner''s id of that session (pending:… until PhoneBurner reports it).';

COMMENT ON COLUMN public.phoneburner_push_log.status IS 'queued, pushing, succeeded, partially_succeeded, failed or nothing_to_push.';

COMMENT ON COLUMN public.phoneburner_push_log.total_contacts IS 'Contacts considered.';

COMMENT ON COLUMN public.phoneburner_push_log.contacts_pushed IS 'Contacts PhoneBurner accepted (added or updated).';

COMMENT ON COLUMN public.phoneburner_push_log.contacts_excluded IS 'Contacts excluded before pushing.';

COMMENT ON COLUMN public.phoneburner_push_log.contacts_overridden IS 'Excluded contacts force-included by override.';

COMMENT ON COLUMN public.phoneburner_push_log.contacts_failed IS 'Contacts PhoneBurner rejected or that could not be sent.';

COMMENT ON COLUMN public.phoneburner_push_log.api_style IS 'dialsession (real PhoneBurner) or seed (the seed contract).';

COMMENT ON COLUMN public.phoneburner_push_log.request_shape IS 'dialbridge, sourceco (SourceCo''s frontend) or callback (callback follow-through).';

COMMENT ON COLUMN public.phoneburner_push_log.finished_at IS 'When the last batch finished.';

GRANT ALL ON TABLE public.phoneburner_push_log TO service_role;
GRANT SELECT ON TABLE public.phoneburner_push_log TO authenticated;
