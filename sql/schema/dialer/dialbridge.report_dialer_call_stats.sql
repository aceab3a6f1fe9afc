CREATE VIEW dialbridge.report_dialer_call_stats WITH (security_barrier='true') AS
 SELECT s.team_id,
    s.campaign_id,
    s.user_id,
    s.hour,
    s.status,
    s.calls,
    s.answered,
    s.duration_seconds,
    s.machine_answers,
    s.abandoned,
    s.ring_seconds,
    s.connected,
    s.talk_seconds
   FROM dialbridge.dialer_call_stats s
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR ( SELECT dialbridge.is_admin() AS is_admin) OR (s.user_id = ( SELECT auth.uid() AS uid)) OR ((s.team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND (( SELECT dialbridge.current_app_role() AS current_app_role) = 'manager'::text)) OR ((s.campaign_id IS NOT NULL) AND dialbridge.can_see_campaign(s.campaign_id)));

COMMENT ON VIEW dialbridge.report_dialer_call_stats IS 'The dialer''s call roll-up rows the caller may see (their calls, their campaigns'', their team''s for managers; Metabase: all). Read by reports views.';

GRANT SELECT ON TABLE dialbridge.report_dialer_call_stats TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_dialer_call_stats TO service_role;
GRANT SELECT ON TABLE dialbridge.report_dialer_call_stats TO dialbridge_metabase;
