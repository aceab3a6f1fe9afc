CREATE VIEW reports.lead_analysis_counts WITH (security_invoker='true') AS
 SELECT u.user_id,
    p.display_name AS user_name,
    count(la.id) FILTER (WHERE ((la.analysis_type)::text = 'individual'::text)) AS individual_analyses,
    count(la.id) FILTER (WHERE ((la.analysis_type)::text = 'complete'::text)) AS complete_analyses,
    count(la.id) FILTER (WHERE (la.analyzer = 'heuristic'::text)) AS heuristic_analyses,
    ( SELECT count(*) AS count
           FROM dialbridge.report_transcripts t
          WHERE ((t.user_id = u.user_id) AND (t.analysis_status = 'failed'::text))) AS failed_analyses,
    ( SELECT count(*) AS count
           FROM dialbridge.report_transcripts t
          WHERE ((t.user_id = u.user_id) AND (t.analysis_status = ANY (ARRAY['pending'::text, 'processing'::text])))) AS pending_analyses,
    COALESCE(sum(la.total_tokens), (0)::bigint) AS tokens_used,
    max(la.analysis_timestamp) AS last_analysis_at
   FROM ((( SELECT DISTINCT t.user_id
           FROM dialbridge.report_transcripts t
          WHERE (t.user_id IS NOT NULL)
        UNION
         SELECT DISTINCT a.user_id
           FROM dialbridge.report_lead_analytics a
          WHERE (a.user_id IS NOT NULL)) u
     LEFT JOIN dialbridge.report_lead_analytics la ON ((la.user_id = u.user_id)))
     LEFT JOIN dialbridge.report_profiles p ON ((p.id = u.user_id)))
  GROUP BY u.user_id, p.display_name;

COMMENT ON VIEW reports.lead_analysis_counts IS 'Transcript analyses per user: individual and complete rows, how many the offline analyser made, failed and waiting analyses, tokens used, the latest.';

COMMENT ON COLUMN reports.lead_analysis_counts.user_id IS 'The user.';

COMMENT ON COLUMN reports.lead_analysis_counts.user_name IS 'Their display name.';

COMMENT ON COLUMN reports.lead_analysis_counts.individual_analyses IS 'Individual (per call) analyses.';

COMMENT ON COLUMN reports.lead_analysis_counts.complete_analyses IS 'Complete (per contact) analyses.';

COMMENT ON COLUMN reports.lead_analysis_counts.heuristic_analyses IS 'Rows made by the offline heuristic analyser (no OpenAI key).';

COMMENT ON COLUMN reports.lead_analysis_counts.failed_analyses IS 'Transcripts whose analysis failed (replay: dialbridge.requeue_transcript_analyses).';

COMMENT ON COLUMN reports.lead_analysis_counts.pending_analyses IS 'Transcripts waiting for or in analysis.';

COMMENT ON COLUMN reports.lead_analysis_counts.tokens_used IS 'OpenAI tokens used.';

COMMENT ON COLUMN reports.lead_analysis_counts.last_analysis_at IS 'The latest analysis.';

GRANT SELECT ON TABLE reports.lead_analysis_counts TO authenticated;
GRANT SELECT ON TABLE reports.lead_analysis_counts TO service_role;
GRANT SELECT ON TABLE reports.lead_analysis_counts TO dialbridge_metabase;
