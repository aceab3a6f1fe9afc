CREATE FUNCTION dialbridge.apply_phone_normalizations(p_rows jsonb, as_of timestamp with time zone DEFAULT now()) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $_$
declare
  v_count integer;
begin
  if p_rows is null or pg_catalog.jsonb_typeof(p_rows) <> 'array' then
    raise exception 'phone normalisations must be a JSON array' using errcode = 'DB040';
  end if;
  if exists (select 1 from pg_catalog.jsonb_to_recordset(p_rows) as r(id uuid, phone text, phone_e164 text, phone_status text)
              where r.id is null or r.phone_status is null or r.phone_status not in ('valid', 'invalid', 'missing')
                 or (r.phone_status = 'valid') <> (r.phone_e164 is not null)
                 or (r.phone_e164 is not null and r.phone_e164 !~ '^\+[1-9][0-9]{6,14}$')) then
    raise exception 'each normalisation needs an id, a status valid|invalid|missing and an E.164 number exactly when valid'
      using errcode = 'DB040';
  end if;

  update public.contacts c
     set phone_e164 = r.phone_e164,
         phone_status = r.phone_status,
         phone_normalized_from = c.phone,
         phone_normalized_at = as_of,
         phone_number_invalid = case
           when r.phone_status = 'invalid' then true
           when c.phone_number_invalid_reason = 'unparseable' then false
           else c.phone_number_invalid end,
         phone_number_invalid_reason = case
           when r.phone_status = 'invalid' and (not c.phone_number_invalid or c.phone_number_invalid_reason is null)
             then 'unparseable'
           when r.phone_status <> 'invalid' and c.phone_number_invalid_reason = 'unparseable' then null
           else c.phone_number_invalid_reason end
    from (select distinct on (x.id) x.* from pg_catalog.jsonb_to_recordset(p_rows)
            as x(id uuid, phone text, phone_e164 text, phone_status text) order by x.id) r
   where c.id = r.id
     and c.phone is not distinct from r.phone
     and (c.phone_status is distinct from r.phone_status or c.phone_e164 is distinct from r.phone_e164
          or c.phone_normalized_from is distinct from c.phone);
  get diagnostics v_count = row_count;
  return v_count;
end
$_$;

COMMENT ON FUNCTION dialbridge.apply_phone_normalizations(p_rows jsonb, as_of timestamp with time zone) IS 'Applies normalisations computed outside SQL: [{id, phone, phone_e164, phone_status}] where phone is the
value that was normalised. A row whose phone changed since is left alone (still pending). Returns the
number of rows updated. Unparseable numbers are flagged phone_number_invalid (reason ''unparseable'');
a valid number clears that flag (never one set by a disposition).';

REVOKE ALL ON FUNCTION dialbridge.apply_phone_normalizations(p_rows jsonb, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.apply_phone_normalizations(p_rows jsonb, as_of timestamp with time zone) TO service_role;
