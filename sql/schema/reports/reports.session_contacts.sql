CREATE VIEW reports.session_contacts WITH (security_invoker='true') AS
 SELECT m.session_id,
    m.team_id,
    m.contact_id,
    c.first_name,
    c.last_name,
    c.company,
        CASE
            WHEN (COALESCE(x.connections, 0) > 0) THEN 'connected'::text
            WHEN (COALESCE(x.calls, 0) > 0) THEN 'dialed'::text
            ELSE m.state
        END AS status,
    m.state AS membership_state,
    COALESCE(x.calls, 0) AS calls,
    COALESCE(x.connections, 0) AS connections,
    m.last_called_at,
    m.last_disposition_code,
    m.added_at,
    c.call_engagement_score
   FROM ((dialbridge.report_session_contacts m
     JOIN dialbridge.report_contacts c ON ((c.id = m.contact_id)))
     LEFT JOIN ( SELECT s.session_id,
            s.contact_id,
            (sum(s.calls))::integer AS calls,
            (sum(s.connections))::integer AS connections
           FROM dialbridge.session_contact_stats s
          GROUP BY s.session_id, s.contact_id) x ON (((x.session_id = m.session_id) AND (x.contact_id = m.contact_id))));

COMMENT ON VIEW reports.session_contacts IS 'Session detail: each contact of a session with its status (pending, dialed, connected, …) and calls.';

COMMENT ON COLUMN reports.session_contacts.session_id IS 'Dial session id.';

COMMENT ON COLUMN reports.session_contacts.team_id IS 'Team id.';

COMMENT ON COLUMN reports.session_contacts.contact_id IS 'Contact id.';

COMMENT ON COLUMN reports.session_contacts.first_name IS 'Contact first name.';

COMMENT ON COLUMN reports.session_contacts.last_name IS 'Contact last name.';

COMMENT ON COLUMN reports.session_contacts.company IS 'Contact company.';

COMMENT ON COLUMN reports.session_contacts.status IS 'overdue or due_today (follow-ups); pending, dialed, connected, … (session contacts).';

COMMENT ON COLUMN reports.session_contacts.membership_state IS 'State of the contact in the session as the push and dialer recorded it.';

COMMENT ON COLUMN reports.session_contacts.calls IS 'Calls.';

COMMENT ON COLUMN reports.session_contacts.connections IS 'Calls answered by a person (call outcome connected; voicemail is not a connection).';

COMMENT ON COLUMN reports.session_contacts.last_called_at IS 'Last call to the contact in this session.';

COMMENT ON COLUMN reports.session_contacts.last_disposition_code IS 'Last disposition in this session.';

COMMENT ON COLUMN reports.session_contacts.added_at IS 'When the contact was added to the session.';

COMMENT ON COLUMN reports.session_contacts.call_engagement_score IS 'Contact''s engagement score (0–100).';

GRANT SELECT ON TABLE reports.session_contacts TO authenticated;
GRANT SELECT ON TABLE reports.session_contacts TO service_role;
GRANT SELECT ON TABLE reports.session_contacts TO dialbridge_metabase;
