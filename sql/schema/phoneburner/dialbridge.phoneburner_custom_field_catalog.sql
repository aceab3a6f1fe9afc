CREATE FUNCTION dialbridge.phoneburner_custom_field_catalog() RETURNS TABLE(ord integer, key text, label text)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  values (1, 'sourceco_contact_id', 'SourceCo ID'), (2, 'contact_type', 'Contact Type'), (3, 'buyer_type', 'Buyer Type'),
         (4, 'firm_type', 'Firm Type'), (5, 'industry', 'Industry'), (6, 'aum', 'AUM'), (7, 'fund_size', 'Fund Size'),
         (8, 'target_ebitda_range', 'Target EBITDA Range'), (9, 'ebitda', 'EBITDA'), (10, 'target_sectors', 'Target Sectors'),
         (11, 'target_geographies', 'Target Geographies'), (12, 'last_contact_date', 'Last Contact Date'),
         (13, 'last_contact_method', 'Last Contact Method'), (14, 'last_contact_outcome', 'Last Contact Outcome'),
         (15, 'total_calls_attempted', 'Calls Attempted'), (16, 'engagement_score', 'Engagement Score'),
         (17, 'active_deals_count', 'Active Deals'), (18, 'last_deal_presented', 'Last Deal Presented'),
         (19, 'last_deal_outcome', 'Last Deal Outcome'), (20, 'call_talking_points', 'Talking Points'),
         (21, 'relationship_notes', 'Relationship Notes'), (22, 'preferred_contact_time', 'Preferred Contact Time'),
         (23, 'assistant_name', 'Assistant Name'), (24, 'assistant_phone', 'Assistant Phone'),
         (25, 'gatekeeper_notes', 'Gatekeeper Notes'), (26, 'contact_owner', 'Contact Owner'),
         (27, 'contact_owner_email', 'Contact Owner Email'), (28, 'contact_source', 'Contact Source')
$$;

COMMENT ON FUNCTION dialbridge.phoneburner_custom_field_catalog() IS 'The custom fields pushed for call context, in display order: the seed contract''s custom_fields key and
the name real PhoneBurner shows ("SourceCo ID" first: the webhook links calls back by it).';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_custom_field_catalog() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_custom_field_catalog() TO service_role;
