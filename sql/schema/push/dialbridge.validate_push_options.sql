CREATE FUNCTION dialbridge.validate_push_options(p_options jsonb) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $_$
declare
  v_key text;
  v_value jsonb;
  v_type text;
begin
  if p_options is null then
    return true;
  end if;
  if pg_catalog.jsonb_typeof(p_options) <> 'object' then
    raise exception 'push options must be a JSON object' using errcode = 'DB040';
  end if;
  for v_key, v_value in select * from pg_catalog.jsonb_each(p_options) loop
    v_type := pg_catalog.jsonb_typeof(v_value);
    if v_type = 'null' then
      continue;
    end if;
    case v_key
      when 'skip_recently_contacted', 'update_existing', 'skip_duplicates', 'auto_start' then
        if v_type <> 'boolean' then
          raise exception 'option % must be true or false', v_key using errcode = 'DB040';
        end if;
      when 'skip_recent_days' then
        if v_type <> 'number' or (v_value #>> '{}')::numeric <> pg_catalog.trunc((v_value #>> '{}')::numeric)
           or (v_value #>> '{}')::numeric not between 0 and 365 then
          raise exception 'option skip_recent_days must be a whole number from 0 to 365' using errcode = 'DB040';
        end if;
      when 'detail_limit' then
        if v_type <> 'number' or (v_value #>> '{}')::numeric not between 0 and 10000 then
          raise exception 'option detail_limit must be a number from 0 to 10000' using errcode = 'DB040';
        end if;
      when 'batch_size' then
        if v_type <> 'number' or (v_value #>> '{}')::numeric <> pg_catalog.trunc((v_value #>> '{}')::numeric)
           or (v_value #>> '{}')::numeric not between 1 and 10000 then
          raise exception 'option batch_size must be a whole number from 1 to 10000' using errcode = 'DB040';
        end if;
      when 'target_session_id' then
        if v_type <> 'string' or v_value #>> '{}' !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
          raise exception 'option target_session_id must be a uuid' using errcode = 'DB040';
        end if;
      when 'session_name' then
        if v_type <> 'string' or pg_catalog.length(v_value #>> '{}') > 255 then
          raise exception 'option session_name must be a string of at most 255 characters' using errcode = 'DB040';
        end if;
      when 'api_style' then
        if v_type <> 'string' or v_value #>> '{}' not in ('dialsession', 'seed') then
          raise exception 'option api_style must be "dialsession" or "seed"' using errcode = 'DB040';
        end if;
      when 'overrides' then
        if v_type <> 'array' or exists (
             select 1 from pg_catalog.jsonb_array_elements(v_value) e
              where pg_catalog.jsonb_typeof(e) <> 'object'
                 or coalesce(e ->> 'contact_id', '') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                 or exists (select 1 from pg_catalog.jsonb_object_keys(e) k where k not in ('contact_id', 'reason'))
                 or (e ? 'reason' and pg_catalog.jsonb_typeof(e -> 'reason') not in ('string', 'null'))) then
          raise exception 'option overrides must be an array of {contact_id, reason}' using errcode = 'DB040';
        end if;
      else
        raise exception 'unknown push option "%"', v_key using errcode = 'DB040',
          hint = 'skip_recently_contacted, skip_recent_days, update_existing, skip_duplicates, auto_start, target_session_id, overrides, detail_limit, session_name, api_style, batch_size';
    end case;
  end loop;
  return true;
end
$_$;

COMMENT ON FUNCTION dialbridge.validate_push_options(p_options jsonb) IS 'Checks push options and raises DB040 naming the first bad key. Keys: skip_recently_contacted,
update_existing, skip_duplicates, auto_start (booleans); skip_recent_days (0–365; one threshold for every
contact instead of the team''s per-type ones; 0 = do not skip); target_session_id (uuid of an existing
session to add to); overrides ([{contact_id, reason}]: force-include excluded contacts, with why);
detail_limit (contacts listed per group, 0–10000); session_name; api_style (dialsession | seed);
batch_size (1–500).';

REVOKE ALL ON FUNCTION dialbridge.validate_push_options(p_options jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.validate_push_options(p_options jsonb) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.validate_push_options(p_options jsonb) TO service_role;
