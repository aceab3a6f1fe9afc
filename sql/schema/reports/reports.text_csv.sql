CREATE DOMAIN reports."text/csv" AS text;

COMMENT ON DOMAIN reports."text/csv" IS 'CSV text; PostgREST serves functions returning it as text/csv.';

GRANT ALL ON TYPE reports."text/csv" TO authenticated;
GRANT ALL ON TYPE reports."text/csv" TO service_role;
