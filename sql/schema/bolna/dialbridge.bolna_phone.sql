CREATE FUNCTION dialbridge.bolna_phone(p jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select case when pg_catalog.length(d) between 8 and 15 then '+' || d end
    from (select pg_catalog.regexp_replace(coalesce(
                   case when pg_catalog.lower(p -> 'telephony_data' ->> 'call_type') = 'inbound'
                        then nullif(p -> 'telephony_data' ->> 'from_number', '')
                        else nullif(p -> 'telephony_data' ->> 'to_number', '') end,
                   nullif(p ->> 'user_number', ''), ''), '\D', '', 'g') as d) x
$$;

COMMENT ON FUNCTION dialbridge.bolna_phone(p jsonb) IS 'The other party''s number of a Bolna execution (telephony_data.to_number outbound, from_number inbound, else user_number) in E.164, or null.';

REVOKE ALL ON FUNCTION dialbridge.bolna_phone(p jsonb) FROM PUBLIC;
