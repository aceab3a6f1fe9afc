CREATE FUNCTION dialbridge.suppression_phone(p_phone text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $_$
  select case
           when v.digits = '' then null
           when v.has_plus and pg_catalog.length(v.digits) between 8 and 15 then '+' || v.digits
           when not v.has_plus and pg_catalog.length(v.digits) = 10 then '+1' || v.digits
           when not v.has_plus and pg_catalog.length(v.digits) = 11 and pg_catalog.left(v.digits, 1) = '1' then '+' || v.digits
         end
    from (select pg_catalog.ltrim(t.base) like '+%' as has_plus,
                 pg_catalog.regexp_replace(t.base, '[^0-9]', '', 'g') as digits
            from (select pg_catalog.regexp_replace(p_phone, '\s*(ext\.?|extension|x|#)\s*[0-9]+\s*$', '', 'i') as base) t
         ) v
$_$;

COMMENT ON FUNCTION dialbridge.suppression_phone(p_phone text) IS 'The key a phone number is suppressed under: E.164 when the text reads as one (+ and 8–15 digits, or a
10-digit / 1+10-digit North American number), else null. Extensions are dropped. The push path
normalises numbers with libphonenumber-js; this is the SQL side''s conservative equivalent, used only to
match suppressions.';

REVOKE ALL ON FUNCTION dialbridge.suppression_phone(p_phone text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.suppression_phone(p_phone text) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.suppression_phone(p_phone text) TO service_role;
