CREATE FUNCTION dialbridge.csv_field(p_value text, p_is_text boolean DEFAULT true) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $_$
  select case
    when p_value is null then ''
    else (select case when v ~ '[",\r\n]' or v ~ '^\s|\s$' then '"' || pg_catalog.replace(v, '"', '""') || '"' else v end
            from (select case when p_is_text and p_value ~ '^[=+\-@\t\r]' then '''' || p_value else p_value end as v) x)
  end
$_$;

COMMENT ON FUNCTION dialbridge.csv_field(p_value text, p_is_text boolean) IS 'One CSV field: empty for null; quoted when it holds a comma, quote, CR or LF, or edge spaces; text that
a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is prefixed with a single quote.';

REVOKE ALL ON FUNCTION dialbridge.csv_field(p_value text, p_is_text boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.csv_field(p_value text, p_is_text boolean) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.csv_field(p_value text, p_is_text boolean) TO service_role;
