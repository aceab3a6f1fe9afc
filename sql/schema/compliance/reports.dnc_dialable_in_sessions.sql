CREATE VIEW reports.dnc_dialable_in_sessions WITH (security_invoker='true') AS
 SELECT c.id AS contact_id,
    m.team_id,
    TRIM(BOTH FROM ((COALESCE(c.first_name, ''::text) || ' '::text) || COALESCE(c.last_name, ''::text))) AS contact_name,
    c.phone_e164,
    m.session_id,
    s.session_name,
    s.created_by_user_id AS rep_id,
    rp.display_name AS rep_name,
    m.state AS member_state,
    m.phoneburner_contact_id,
    p.status AS propagation_status,
    p.attempts,
    p.last_error,
    p.created_at AS do_not_call_at,
        CASE
            WHEN (p.id IS NULL) THEN 'not sent to PhoneBurner yet'::text
            WHEN (p.status = 'pending'::text) THEN (('sending to PhoneBurner (attempt '::text || (p.attempts + 1)) || ')'::text)
            WHEN (p.status = 'no_phoneburner_id'::text) THEN 'PhoneBurner''s id of the contact is not known: remove it in PhoneBurner by hand'::text
            WHEN (p.status = 'not_connected'::text) THEN 'the rep''s PhoneBurner account is not connected: remove it in PhoneBurner by hand'::text
            WHEN (p.status = 'failed'::text) THEN ('PhoneBurner refused: '::text || COALESCE(p.last_error, 'unknown error'::text))
            ELSE 'flagged in PhoneBurner, not removed'::text
        END AS reason
   FROM ((((dialbridge.report_session_contacts m
     JOIN dialbridge.report_contacts c ON ((c.id = m.contact_id)))
     JOIN dialbridge.report_phoneburner_sessions s ON ((s.id = m.session_id)))
     LEFT JOIN dialbridge.report_profiles rp ON ((rp.id = s.created_by_user_id)))
     LEFT JOIN LATERAL ( SELECT x.id,
            x.team_id,
            x.contact_id,
            x.session_id,
            x.suppression_id,
            x.account_user_id,
            x.phoneburner_contact_id,
            x.status,
            x.actions,
            x.attempts,
            x.last_error,
            x.created_at,
            x.updated_at,
            x.completed_at
           FROM dialbridge.report_dnc_propagations x
          WHERE ((x.contact_id = m.contact_id) AND (x.session_id = m.session_id))
          ORDER BY x.created_at DESC, x.id DESC
         LIMIT 1) p ON (true))
  WHERE ((c.do_not_call OR (p.id IS NOT NULL)) AND (m.state <> ALL (ARRAY['removed'::text, 'failed'::text])) AND (s.deleted_at IS NULL) AND (s.session_status = ANY (ARRAY['active'::text, 'paused'::text])));

COMMENT ON VIEW reports.dnc_dialable_in_sessions IS 'Compliance: contacts on the legal do-not-call list that remain dialable in an active (or paused) PhoneBurner dial session, with why — not sent yet, sending, no PhoneBurner id, account not connected, refused. Empty when every do-not-call reached PhoneBurner.';

COMMENT ON COLUMN reports.dnc_dialable_in_sessions.contact_id IS 'The do-not-call contact.';

COMMENT ON COLUMN reports.dnc_dialable_in_sessions.team_id IS 'Team of the session.';

COMMENT ON COLUMN reports.dnc_dialable_in_sessions.contact_name IS 'Contact name.';

COMMENT ON COLUMN reports.dnc_dialable_in_sessions.phone_e164 IS 'Its number.';

COMMENT ON COLUMN reports.dnc_dialable_in_sessions.session_id IS 'The dial session it is still in.';

COMMENT ON COLUMN reports.dnc_dialable_in_sessions.session_name IS 'Session name.';

COMMENT ON COLUMN reports.dnc_dialable_in_sessions.rep_id IS 'Whose PhoneBurner account holds the session.';

COMMENT ON COLUMN reports.dnc_dialable_in_sessions.rep_name IS 'Their name.';

COMMENT ON COLUMN reports.dnc_dialable_in_sessions.member_state IS 'The contact''s state in the session.';

COMMENT ON COLUMN reports.dnc_dialable_in_sessions.phoneburner_contact_id IS 'PhoneBurner''s id of the contact.';

COMMENT ON COLUMN reports.dnc_dialable_in_sessions.propagation_status IS 'pending, no_phoneburner_id, not_connected, failed (null: not recorded).';

COMMENT ON COLUMN reports.dnc_dialable_in_sessions.attempts IS 'Attempts made to send it.';

COMMENT ON COLUMN reports.dnc_dialable_in_sessions.last_error IS 'PhoneBurner''s last error.';

COMMENT ON COLUMN reports.dnc_dialable_in_sessions.do_not_call_at IS 'When the do-not-call was recorded for this session.';

COMMENT ON COLUMN reports.dnc_dialable_in_sessions.reason IS 'Why it is still dialable, and what to do.';

GRANT SELECT ON TABLE reports.dnc_dialable_in_sessions TO authenticated;
GRANT SELECT ON TABLE reports.dnc_dialable_in_sessions TO service_role;
GRANT SELECT ON TABLE reports.dnc_dialable_in_sessions TO dialbridge_metabase;
