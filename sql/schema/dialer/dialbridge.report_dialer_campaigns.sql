CREATE VIEW dialbridge.report_dialer_campaigns WITH (security_barrier='true') AS
 SELECT c.id,
    c.user_id,
    c.team_id,
    c.name,
    c.description,
    c.type,
    c.status,
    c.caller_id,
    c.script,
    c.max_attempts,
    c.retry_interval,
    c.active_hours,
    c.timezone,
    c.reservation_timeout_seconds,
    c.voicemail_drop_id,
    c.stats,
    c.created_at,
    c.updated_at,
    c.max_lines,
    c.safe_harbor_drop_id,
    c.abandon_cooldown_seconds,
    c.dial_queue
   FROM public.dialer_campaigns c
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR dialbridge.can_see_campaign(c.id));

COMMENT ON VIEW dialbridge.report_dialer_campaigns IS 'Dialer campaigns the caller may see (Metabase and the service role: all). Read by reports views.';

GRANT SELECT ON TABLE dialbridge.report_dialer_campaigns TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_dialer_campaigns TO service_role;
GRANT SELECT ON TABLE dialbridge.report_dialer_campaigns TO dialbridge_metabase;
