CREATE VIEW reports.time_to_meeting WITH (security_invoker='true') AS
 WITH meeting_keys AS (
         SELECT k.match_key
           FROM dialbridge.disposition_classes k
          WHERE k.is_meeting
        ), meetings AS (
         SELECT a.contact_id,
            min(COALESCE(a.disposition_set_at, a.call_started_at, a.created_at)) AS first_meeting_at,
            (count(*))::integer AS meeting_calls
           FROM dialbridge.report_contact_activities a
          WHERE ((a.contact_id IS NOT NULL) AND (a.deleted_at IS NULL) AND (a.activity_type = ANY (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text, 'voicemail_left'::text])) AND ((a.disposition_code IN ( SELECT substr(k.match_key, 3) AS substr
                   FROM meeting_keys k
                  WHERE (k.match_key ~~ 'c:%'::text))) OR ((a.disposition_code IS NULL) AND (a.disposition_label IS NOT NULL) AND (('l:'::text || dialbridge.normalize_label(a.disposition_label)) IN ( SELECT k.match_key
                   FROM meeting_keys k)))))
          GROUP BY a.contact_id
        )
 SELECT c.id AS contact_id,
    c.team_id,
    c.first_name,
    c.last_name,
    c.company,
    COALESCE(c.contact_type, 'unspecified'::text) AS contact_type,
    COALESCE(c.list_source, 'unspecified'::text) AS list_source,
    COALESCE(c.industry, 'unspecified'::text) AS industry,
    COALESCE(NULLIF(c.state, ''::text), NULLIF(c.country, ''::text), 'unspecified'::text) AS geography,
    c.first_call_attempt_at AS first_call_at,
    m.first_meeting_at,
    m.meeting_calls,
    round(((date_part('epoch'::text, (m.first_meeting_at - c.first_call_attempt_at)) / (86400)::double precision))::numeric, 1) AS days_to_meeting
   FROM (meetings m
     JOIN dialbridge.report_contacts c ON ((c.id = m.contact_id)));

COMMENT ON VIEW reports.time_to_meeting IS 'Contacts who got a meeting: time from their first call to the first call dispositioned as a meeting.';

COMMENT ON COLUMN reports.time_to_meeting.contact_id IS 'Contact id.';

COMMENT ON COLUMN reports.time_to_meeting.team_id IS 'Team id.';

COMMENT ON COLUMN reports.time_to_meeting.first_name IS 'Contact first name.';

COMMENT ON COLUMN reports.time_to_meeting.last_name IS 'Contact last name.';

COMMENT ON COLUMN reports.time_to_meeting.company IS 'Contact company.';

COMMENT ON COLUMN reports.time_to_meeting.contact_type IS 'buyer, seller (or mixed for sessions; unspecified when blank).';

COMMENT ON COLUMN reports.time_to_meeting.list_source IS 'Where the contact came from (unspecified when blank).';

COMMENT ON COLUMN reports.time_to_meeting.industry IS 'Contact industry (unspecified when blank).';

COMMENT ON COLUMN reports.time_to_meeting.geography IS 'Contact state, else country (unspecified when blank).';

COMMENT ON COLUMN reports.time_to_meeting.first_call_at IS 'The contact''s first call attempt.';

COMMENT ON COLUMN reports.time_to_meeting.first_meeting_at IS 'When the contact''s first meeting disposition was set.';

COMMENT ON COLUMN reports.time_to_meeting.meeting_calls IS 'Calls dispositioned as a meeting.';

COMMENT ON COLUMN reports.time_to_meeting.days_to_meeting IS 'Days from first call to first meeting.';

GRANT SELECT ON TABLE reports.time_to_meeting TO authenticated;
GRANT SELECT ON TABLE reports.time_to_meeting TO service_role;
GRANT SELECT ON TABLE reports.time_to_meeting TO dialbridge_metabase;
