CREATE FUNCTION dialbridge.ensure_constraint(p_table regclass, p_name text, p_definition text, p_not_valid boolean DEFAULT false) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if not exists (select 1 from pg_catalog.pg_constraint where conrelid = p_table and conname = p_name) then
    execute format('alter table %s add constraint %I %s%s', p_table, p_name, p_definition,
                   case when p_not_valid then ' not valid' else '' end);
  end if;
end
$$;

COMMENT ON FUNCTION dialbridge.ensure_constraint(p_table regclass, p_name text, p_definition text, p_not_valid boolean) IS 'Adds a constraint when it does not exist yet. Constraints on tables that may pre-exist with user data
(contacts) are added NOT VALID: enforced for every new or changed row, never failing the migration
on legacy rows (report them with `select * from contacts where not (<check>)`).';

REVOKE ALL ON FUNCTION dialbridge.ensure_constraint(p_table regclass, p_name text, p_definition text, p_not_valid boolean) FROM PUBLIC;
