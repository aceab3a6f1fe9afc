CREATE FUNCTION dialbridge.phoneburner_sourceco_id(p_payload jsonb) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
declare
  v_doc jsonb;
  v_key text;
  v_value jsonb;
  v_id text;
begin
  foreach v_doc in array array[p_payload -> 'custom_fields', p_payload -> 'contact' -> 'custom_fields',
                               p_payload -> 'typed_custom_fields', p_payload -> 'contact' -> 'typed_custom_fields'] loop
    if pg_catalog.jsonb_typeof(v_doc) = 'object' then
      for v_key, v_value in select f.key, f.value from pg_catalog.jsonb_each(v_doc) f loop
        if pg_catalog.regexp_replace(pg_catalog.lower(v_key), '[^a-z0-9]+', '', 'g') in ('sourcecocontactid', 'sourcecoid') then
          v_id := dialbridge.jsonb_first_id(array[v_value]);
          if v_id is not null then return v_id; end if;
        end if;
      end loop;
    elsif pg_catalog.jsonb_typeof(v_doc) = 'array' then
      for v_key, v_value in select e ->> 'name', e -> 'value' from pg_catalog.jsonb_array_elements(v_doc) e
                             where pg_catalog.jsonb_typeof(e) = 'object' loop
        if pg_catalog.regexp_replace(pg_catalog.lower(v_key), '[^a-z0-9]+', '', 'g') in ('sourcecocontactid', 'sourcecoid') then
          v_id := dialbridge.jsonb_first_id(array[v_value]);
          if v_id is not null then return v_id; end if;
        end if;
      end loop;
    end if;
  end loop;

  v_id := dialbridge.jsonb_first_id(array[p_payload -> 'sourceco_contact_id', p_payload -> 'sourceco_id']);
  if v_id is not null then return v_id; end if;

  foreach v_doc in array array[p_payload -> 'external_crm_data', p_payload -> 'contact' -> 'external_crm_data'] loop
    if pg_catalog.jsonb_typeof(v_doc) = 'array' then
      select dialbridge.jsonb_first_id(array[e -> 'crm_id']) into v_id
        from pg_catalog.jsonb_array_elements(v_doc) e
       where pg_catalog.jsonb_typeof(e) = 'object'
         and pg_catalog.regexp_replace(pg_catalog.lower(e ->> 'crm_name'), '[^a-z0-9]+', '', 'g') = 'sourceco'
         and dialbridge.jsonb_first_id(array[e -> 'crm_id']) is not null
       limit 1;
      if v_id is not null then return v_id; end if;
    end if;
  end loop;
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.phoneburner_sourceco_id(p_payload jsonb) IS 'Our contact id carried by an event, from any place PhoneBurner or the seeds put it, first found wins:
a custom field named sourceco_contact_id / sourceco_id / "SourceCo ID" (case-, space- and
punctuation-insensitive; {name: value} or [{name, value}] form; top level, then under contact; plain,
then typed_custom_fields), seed 001''s flat sourceco_contact_id, then
external_crm_data[crm_name = sourceco].crm_id (top level, then under contact).';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_sourceco_id(p_payload jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_sourceco_id(p_payload jsonb) TO service_role;
