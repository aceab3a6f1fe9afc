CREATE VIEW seed.users WITH (security_invoker='true') AS
 SELECT p.id,
    p.display_name AS name,
    p.email,
    p.role,
    p.team_id,
    p.is_active
   FROM public.profiles p;

COMMENT ON VIEW seed.users IS 'Seed 000''s users (name, email) over profiles. With the reader''s rights.';

GRANT SELECT ON TABLE seed.users TO authenticated;
GRANT SELECT ON TABLE seed.users TO service_role;
