CREATE VIEW reports.credential_rotation WITH (security_invoker='true') AS
 SELECT r.provider,
    r.user_id,
    r.team_id,
    r.rep_name,
    r.stored_at,
    r.age_days
   FROM dialbridge.credentials_due_for_rotation() r(provider, user_id, team_id, rep_name, stored_at, age_days);

COMMENT ON VIEW reports.credential_rotation IS 'Provider tokens due for rotation now: stored more than 90 days ago (seed 001 security). A rep sees their own, an admin everyone''s.';

COMMENT ON COLUMN reports.credential_rotation.provider IS 'phoneburner or voipstudio.';

COMMENT ON COLUMN reports.credential_rotation.user_id IS 'The rep whose token it is.';

COMMENT ON COLUMN reports.credential_rotation.team_id IS 'The rep''s team.';

COMMENT ON COLUMN reports.credential_rotation.rep_name IS 'The rep''s display name.';

COMMENT ON COLUMN reports.credential_rotation.stored_at IS 'When the token was stored.';

COMMENT ON COLUMN reports.credential_rotation.age_days IS 'Whole days since then.';

GRANT SELECT ON TABLE reports.credential_rotation TO authenticated;
GRANT SELECT ON TABLE reports.credential_rotation TO service_role;
GRANT SELECT ON TABLE reports.credential_rotation TO dialbridge_metabase;
