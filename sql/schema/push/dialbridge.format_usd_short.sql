CREATE FUNCTION dialbridge.format_usd_short(p_amount numeric) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $_$
  select case when p_amount is null then null
              when pg_catalog.abs(p_amount) >= 1e9 then '$' || pg_catalog.trim_scale(pg_catalog.round(p_amount / 1e9, 1)) || 'B'
              when pg_catalog.abs(p_amount) >= 1e6 then '$' || pg_catalog.trim_scale(pg_catalog.round(p_amount / 1e6, 1)) || 'M'
              when pg_catalog.abs(p_amount) >= 1e3 then '$' || pg_catalog.trim_scale(pg_catalog.round(p_amount / 1e3, 1)) || 'K'
              else '$' || pg_catalog.trim_scale(pg_catalog.round(p_amount, 0)) end
$_$;

COMMENT ON FUNCTION dialbridge.format_usd_short(p_amount numeric) IS '"$500M", "$2.5B", "$250K" (null stays null).';

REVOKE ALL ON FUNCTION dialbridge.format_usd_short(p_amount numeric) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.format_usd_short(p_amount numeric) TO service_role;
