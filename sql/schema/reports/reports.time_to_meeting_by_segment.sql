CREATE VIEW reports.time_to_meeting_by_segment WITH (security_invoker='true') AS
 SELECT t.team_id,
    t.contact_type,
    t.list_source,
    t.industry,
    (count(*))::integer AS contacts_with_meeting,
    round(avg(t.days_to_meeting), 1) AS avg_days_to_meeting,
    round((percentile_cont((0.5)::double precision) WITHIN GROUP (ORDER BY ((t.days_to_meeting)::double precision)))::numeric, 1) AS median_days_to_meeting,
    min(t.days_to_meeting) AS fastest_days,
    max(t.days_to_meeting) AS slowest_days
   FROM reports.time_to_meeting t
  WHERE (t.days_to_meeting IS NOT NULL)
  GROUP BY t.team_id, t.contact_type, t.list_source, t.industry;

COMMENT ON VIEW reports.time_to_meeting_by_segment IS 'Time from first call to meeting by contact type, list source and industry: count, average and median days.';

COMMENT ON COLUMN reports.time_to_meeting_by_segment.team_id IS 'Team id.';

COMMENT ON COLUMN reports.time_to_meeting_by_segment.contact_type IS 'buyer, seller (or mixed for sessions; unspecified when blank).';

COMMENT ON COLUMN reports.time_to_meeting_by_segment.list_source IS 'Where the contact came from (unspecified when blank).';

COMMENT ON COLUMN reports.time_to_meeting_by_segment.industry IS 'Contact industry (unspecified when blank).';

COMMENT ON COLUMN reports.time_to_meeting_by_segment.contacts_with_meeting IS 'Contacts who got a meeting.';

COMMENT ON COLUMN reports.time_to_meeting_by_segment.avg_days_to_meeting IS 'Average days from first call to meeting.';

COMMENT ON COLUMN reports.time_to_meeting_by_segment.median_days_to_meeting IS 'Median days from first call to meeting.';

COMMENT ON COLUMN reports.time_to_meeting_by_segment.fastest_days IS 'Fewest days from first call to meeting.';

COMMENT ON COLUMN reports.time_to_meeting_by_segment.slowest_days IS 'Most days from first call to meeting.';

GRANT SELECT ON TABLE reports.time_to_meeting_by_segment TO authenticated;
GRANT SELECT ON TABLE reports.time_to_meeting_by_segment TO service_role;
GRANT SELECT ON TABLE reports.time_to_meeting_by_segment TO dialbridge_metabase;
