CREATE FUNCTION dialbridge.validate_contact_filter(p_filter jsonb, p_allow_segment boolean DEFAULT true) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $_$
declare
  v_key text;
  v_value jsonb;
  v_type text;
begin
  if p_filter is null then
    return true;
  end if;
  if pg_catalog.jsonb_typeof(p_filter) <> 'object' then
    raise exception 'the filter must be a JSON object' using errcode = 'DB040';
  end if;
  for v_key, v_value in select * from pg_catalog.jsonb_each(p_filter) loop
    v_type := pg_catalog.jsonb_typeof(v_value);
    if v_type = 'null' then
      continue;
    end if;
    case v_key
      when 'contact_type' then
        if v_type <> 'string' or v_value #>> '{}' not in ('buyer', 'seller') then
          raise exception 'filter contact_type must be "buyer" or "seller"' using errcode = 'DB040';
        end if;
      when 'buyer_type', 'industry', 'state', 'geography', 'deal_id', 'deal_status' then
        if not (v_type = 'string' or (v_type = 'array' and not exists (
                  select 1 from pg_catalog.jsonb_array_elements(v_value) e where pg_catalog.jsonb_typeof(e) <> 'string'))) then
          raise exception 'filter % must be a string or an array of strings', v_key using errcode = 'DB040';
        end if;
      when 'engagement_min', 'engagement_max' then
        if v_type <> 'number' or (v_value #>> '{}')::numeric not between 0 and 100 then
          raise exception 'filter % must be a number from 0 to 100', v_key using errcode = 'DB040';
        end if;
      when 'last_contact_older_than_days', 'last_contact_within_days', 'created_within_days' then
        if v_type <> 'number' or (v_value #>> '{}')::numeric <> pg_catalog.trunc((v_value #>> '{}')::numeric)
           or (v_value #>> '{}')::numeric not between 0 and 36500 then
          raise exception 'filter % must be a whole number of days', v_key using errcode = 'DB040';
        end if;
      when 'never_contacted', 'dialable_only' then
        if v_type <> 'boolean' then
          raise exception 'filter % must be true or false', v_key using errcode = 'DB040';
        end if;
      when 'owner_id' then
        if v_type <> 'string' or v_value #>> '{}' !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
          raise exception 'filter owner_id must be a uuid' using errcode = 'DB040';
        end if;
      when 'segment_id' then
        if not p_allow_segment then
          raise exception 'a saved segment cannot refer to another segment' using errcode = 'DB040';
        end if;
        if not ((v_type = 'string' and v_value #>> '{}' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')
                or (v_type = 'array' and pg_catalog.jsonb_array_length(v_value) > 0 and not exists (
                  select 1 from pg_catalog.jsonb_array_elements(v_value) e
                   where pg_catalog.jsonb_typeof(e) <> 'string'
                      or e #>> '{}' !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'))) then
          raise exception 'filter segment_id must be a uuid or an array of uuids' using errcode = 'DB040';
        end if;
      when 'next_action_due_by' then
        if v_type <> 'string' or v_value #>> '{}' !~ '^\d{4}-\d{2}-\d{2}$' then
          raise exception 'filter next_action_due_by must be a date (YYYY-MM-DD)' using errcode = 'DB040';
        end if;
      when 'search' then
        if v_type <> 'string' or pg_catalog.length(v_value #>> '{}') > 200 then
          raise exception 'filter search must be a string of at most 200 characters' using errcode = 'DB040';
        end if;
      else
        raise exception 'unknown filter key "%"', v_key using errcode = 'DB040',
          hint = 'contact_type, buyer_type, industry, state, geography, engagement_min, engagement_max, last_contact_older_than_days, last_contact_within_days, never_contacted, created_within_days, deal_id, deal_status, segment_id, owner_id, next_action_due_by, search, dialable_only';
    end case;
  end loop;
  return true;
end
$_$;

COMMENT ON FUNCTION dialbridge.validate_contact_filter(p_filter jsonb, p_allow_segment boolean) IS 'Checks a contact filter and raises DB040 naming the first bad key. Keys: contact_type (buyer|seller),
buyer_type, industry, state, geography, deal_id, deal_status (string or array of strings),
engagement_min, engagement_max (0–100), last_contact_older_than_days, last_contact_within_days,
created_within_days (whole days), never_contacted, dialable_only (booleans), owner_id (uuid),
segment_id (uuid or array of uuids), next_action_due_by (date: a call due on or before it),
search (text: name, company or email contains). Immutable: usable in check constraints.';

REVOKE ALL ON FUNCTION dialbridge.validate_contact_filter(p_filter jsonb, p_allow_segment boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.validate_contact_filter(p_filter jsonb, p_allow_segment boolean) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.validate_contact_filter(p_filter jsonb, p_allow_segment boolean) TO service_role;
