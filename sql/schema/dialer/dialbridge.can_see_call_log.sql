CREATE FUNCTION dialbridge.can_see_call_log(p_call_log_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select exists (
    select 1 from public.call_logs l
     where l.id = p_call_log_id
       and (l.user_id = auth.uid()
            or dialbridge.is_admin()
            or (l.team_id = dialbridge.current_team_id() and dialbridge.current_app_role() = 'manager')
            or (l.campaign_id is not null and dialbridge.can_see_campaign(l.campaign_id))))
$$;

COMMENT ON FUNCTION dialbridge.can_see_call_log(p_call_log_id uuid) IS 'Whether the signed-in user may see a call log (and its dispositions, recordings, voicemail drops): its rep, whoever sees its campaign, managers of its team, admins.';

REVOKE ALL ON FUNCTION dialbridge.can_see_call_log(p_call_log_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.can_see_call_log(p_call_log_id uuid) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.can_see_call_log(p_call_log_id uuid) TO service_role;
