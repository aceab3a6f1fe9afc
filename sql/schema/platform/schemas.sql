CREATE SCHEMA dialbridge;

COMMENT ON SCHEMA dialbridge IS 'dialbridge internals: helpers, trigger functions, event projection. Not exposed through the API.';

CREATE SCHEMA extensions;

CREATE SCHEMA reports;

COMMENT ON SCHEMA reports IS 'dialbridge reports: documented views (and a few RPCs) read by Metabase and by the frontend through PostgREST. Rows follow the caller''s team (RLS); Metabase sees every team.';

CREATE SCHEMA seed;

COMMENT ON SCHEMA seed IS 'Seed 000''s data model as views over dialbridge''s tables: with search_path seed, public the seed''s sample queries run as written and count right.';

CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA extensions;

COMMENT ON EXTENSION pgcrypto IS 'cryptographic functions';

GRANT USAGE ON SCHEMA dialbridge TO authenticated;
GRANT USAGE ON SCHEMA dialbridge TO service_role;

GRANT USAGE ON SCHEMA public TO anon;
GRANT USAGE ON SCHEMA public TO authenticated;
GRANT USAGE ON SCHEMA public TO service_role;

GRANT USAGE ON SCHEMA reports TO authenticated;
GRANT USAGE ON SCHEMA reports TO service_role;
GRANT USAGE ON SCHEMA reports TO dialbridge_metabase;

GRANT USAGE ON SCHEMA seed TO authenticated;
GRANT USAGE ON SCHEMA seed TO service_role;
