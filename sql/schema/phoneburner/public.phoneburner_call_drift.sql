CREATE VIEW public.phoneburner_call_drift WITH (security_invoker='true') AS
 SELECT DISTINCT ON (k.session_id) k.session_id,
    s.session_name,
    s.phoneburner_session_id,
    k.team_id,
    s.created_by_user_id,
    k.checked_at,
    k.provider_calls,
    k.recorded_calls,
    k.missing_calls
   FROM (public.phoneburner_session_call_checks k
     JOIN public.phoneburner_sessions s ON ((s.id = k.session_id)))
  ORDER BY k.session_id, k.checked_at DESC;

COMMENT ON VIEW public.phoneburner_call_drift IS 'Per dial session, the latest daily check: calls PhoneBurner reports, calls dialbridge recorded, and the calls that never reached dialbridge (missing_calls > 0 means lost callbacks).';

COMMENT ON COLUMN public.phoneburner_call_drift.session_id IS 'The dial session (our id).';

COMMENT ON COLUMN public.phoneburner_call_drift.session_name IS 'Session name.';

COMMENT ON COLUMN public.phoneburner_call_drift.phoneburner_session_id IS 'PhoneBurner''s id of the session.';

COMMENT ON COLUMN public.phoneburner_call_drift.team_id IS 'Team the session belongs to.';

COMMENT ON COLUMN public.phoneburner_call_drift.created_by_user_id IS 'Rep whose session it is.';

COMMENT ON COLUMN public.phoneburner_call_drift.checked_at IS 'When the counts were last compared.';

COMMENT ON COLUMN public.phoneburner_call_drift.provider_calls IS 'Calls PhoneBurner reports for the session.';

COMMENT ON COLUMN public.phoneburner_call_drift.recorded_calls IS 'Calls dialbridge recorded.';

COMMENT ON COLUMN public.phoneburner_call_drift.missing_calls IS 'Calls we never received.';

GRANT ALL ON TABLE public.phoneburner_call_drift TO service_role;
GRANT SELECT ON TABLE public.phoneburner_call_drift TO authenticated;
