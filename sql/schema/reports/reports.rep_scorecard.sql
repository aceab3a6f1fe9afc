CREATE FUNCTION reports.rep_scorecard(p_from date, p_to date) RETURNS TABLE(team_id uuid, team_name text, rep_id uuid, rep_name text, dials integer, connections integer, connection_rate_pct numeric, talk_time_seconds bigint, talk_time_hours numeric, avg_talk_time_seconds integer, avg_talk_time text, decision_maker_conversations integer, voicemails integer, qualified integer, nurture integer, disqualified integer, meetings integer, callbacks_scheduled integer, qualification_rate_pct numeric, disposition_coverage_pct numeric, rank_by_connections bigint)
    LANGUAGE sql STABLE
    SET search_path TO ''
    BEGIN ATOMIC
 WITH s AS (
          SELECT r.team_id,
             r.user_id,
             (sum(r.calls))::integer AS dials,
             (sum(r.connections))::integer AS connections,
             (sum(r.talk_time_seconds))::bigint AS talk,
             (sum(r.decision_maker_conversations))::integer AS dm,
             (sum(r.voicemails))::integer AS vm,
             (COALESCE(sum(r.qualified), (0)::bigint))::integer AS qualified,
             (COALESCE(sum(r.nurture), (0)::bigint))::integer AS nurture,
             (COALESCE(sum(r.disqualified), (0)::bigint))::integer AS disqualified,
             (COALESCE(sum(r.meetings), (0)::bigint))::integer AS meetings,
             (sum(r.callbacks_scheduled))::integer AS callbacks,
             (sum(r.dispositioned_calls))::integer AS dispositioned
            FROM dialbridge.rep_day_totals r
           WHERE ((r.day >= rep_scorecard.p_from) AND (r.day <= rep_scorecard.p_to) AND (r.user_id IS NOT NULL))
           GROUP BY r.team_id, r.user_id
         )
  SELECT s.team_id,
     t.name,
     s.user_id,
     COALESCE(p.display_name, p.email, 'Unknown rep'::text) AS "coalesce",
     s.dials,
     s.connections,
     round(((100.0 * (s.connections)::numeric) / (NULLIF(s.dials, 0))::numeric), 1) AS round,
     s.talk,
     round(((s.talk)::numeric / 3600.0), 2) AS round,
     (round(((s.talk)::numeric / (NULLIF(s.connections, 0))::numeric)))::integer AS round,
     dialbridge.format_mmss(((s.talk)::numeric / (NULLIF(s.connections, 0))::numeric)) AS format_mmss,
     s.dm,
     s.vm,
     s.qualified,
     s.nurture,
     s.disqualified,
     s.meetings,
     s.callbacks,
     round(((100.0 * (s.qualified)::numeric) / (NULLIF(s.connections, 0))::numeric), 1) AS round,
     round(((100.0 * (s.dispositioned)::numeric) / (NULLIF(s.dials, 0))::numeric), 1) AS round,
     rank() OVER (ORDER BY s.connections DESC) AS rank
    FROM ((s
      LEFT JOIN dialbridge.report_profiles p ON ((p.id = s.user_id)))
      LEFT JOIN dialbridge.report_teams t ON ((t.id = s.team_id)))
   ORDER BY s.connections DESC, COALESCE(p.display_name, p.email, 'Unknown rep'::text);
END;

COMMENT ON FUNCTION reports.rep_scorecard(p_from date, p_to date) IS 'Rep scorecard between two report days (inclusive), ranked by connections. RPC: rpc/rep_scorecard {p_from, p_to}.';

REVOKE ALL ON FUNCTION reports.rep_scorecard(p_from date, p_to date) FROM PUBLIC;
GRANT ALL ON FUNCTION reports.rep_scorecard(p_from date, p_to date) TO authenticated;
GRANT ALL ON FUNCTION reports.rep_scorecard(p_from date, p_to date) TO service_role;
GRANT ALL ON FUNCTION reports.rep_scorecard(p_from date, p_to date) TO dialbridge_metabase;
