CREATE FUNCTION dialbridge.phoneburner_synced_custom_field_keys() RETURNS text[]
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
  select array['contact_type', 'buyer_type', 'firm_type', 'industry', 'aum', 'fund_size', 'target_ebitda_range', 'ebitda',
               'target_sectors', 'target_geographies', 'call_talking_points', 'relationship_notes', 'preferred_contact_time',
               'assistant_name', 'assistant_phone', 'gatekeeper_notes', 'contact_owner', 'contact_owner_email']
$$;

COMMENT ON FUNCTION dialbridge.phoneburner_synced_custom_field_keys() IS 'The pushed custom fields that SourceCo edits and that are kept up to date in PhoneBurner (not the call statistics, which move with every call and are refreshed by the next push).';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_synced_custom_field_keys() FROM PUBLIC;
