CREATE FUNCTION dialbridge.jsonb_first_id(p_values jsonb[]) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
declare
  v_value jsonb;
  v_text text;
begin
  if p_values is null then return null; end if;
  foreach v_value in array p_values loop
    if pg_catalog.jsonb_typeof(v_value) in ('string', 'number') then
      v_text := pg_catalog.btrim(v_value #>> '{}');
      if v_text <> '' then return v_text; end if;
    end if;
  end loop;
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.jsonb_first_id(p_values jsonb[]) IS 'The first of several candidate JSON values that is an id (see jsonb_id). plpgsql rather than SQL on
purpose: it runs for every received event, and plpgsql keeps its plans for the session.';

REVOKE ALL ON FUNCTION dialbridge.jsonb_first_id(p_values jsonb[]) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.jsonb_first_id(p_values jsonb[]) TO service_role;
