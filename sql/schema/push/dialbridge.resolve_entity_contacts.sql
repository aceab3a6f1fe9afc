CREATE FUNCTION dialbridge.resolve_entity_contacts(p_entity_type text, p_ids jsonb) RETURNS uuid[]
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $_$
declare
  v_keys text[];
begin
  if p_ids is null or pg_catalog.jsonb_typeof(p_ids) <> 'array' then
    raise exception 'entity ids must be an array' using errcode = 'DB040';
  end if;
  v_keys := array(select pg_catalog.btrim(e) from pg_catalog.jsonb_array_elements_text(p_ids) e);
  case p_entity_type
    when 'contacts', 'buyer_contacts' then
      return array(
        select x.id from (
          select c.id, k.n
            from pg_catalog.unnest(v_keys) with ordinality as k(key, n)
            join public.contacts c
              on c.id = case when k.key ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then k.key::uuid end
          union all
          select c.id, k.n
            from pg_catalog.unnest(v_keys) with ordinality as k(key, n)
            join public.contacts c on c.sourceco_contact_id = k.key) x
        group by x.id order by pg_catalog.min(x.n));
    when 'listings' then
      return array(
        select d.contact_id
          from public.deal_contacts d
          join pg_catalog.unnest(v_keys) with ordinality as k(key, n) on d.deal_id = k.key
         where d.is_primary
            or not exists (select 1 from public.deal_contacts p where p.deal_id = d.deal_id and p.is_primary)
         group by d.contact_id
         order by pg_catalog.min(k.n), d.contact_id);
    when 'buyers', 'leads' then
      if exists (select 1 from pg_catalog.unnest(v_keys) k
                  where k !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') then
        raise exception '% ids must be uuids', p_entity_type using errcode = 'DB040';
      end if;
      -- a buyer firm's contacts (contacts.remarketing_buyer_id), a valuation lead's (contacts.valuation_lead_id);
      -- archived contacts are not dialled
      return array(
        select c.id
          from pg_catalog.unnest(v_keys) with ordinality as k(key, n)
          join public.contacts c
            on (p_entity_type = 'buyers' and c.remarketing_buyer_id = k.key::uuid)
            or (p_entity_type = 'leads' and c.valuation_lead_id = k.key::uuid)
         where not c.archived
         group by c.id
         order by pg_catalog.min(k.n), c.id);
    when 'contact_list' then
      if exists (select 1 from pg_catalog.unnest(v_keys) k
                  where k !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') then
        raise exception 'contact_list ids must be saved segment ids (uuids)' using errcode = 'DB040';
      end if;
      return array(select dialbridge.contacts_matching(pg_catalog.jsonb_build_object('segment_id', pg_catalog.to_jsonb(v_keys))));
    else
      raise exception 'entity_type "%" is not supported', p_entity_type using errcode = 'DB040';
  end case;
end
$_$;

COMMENT ON FUNCTION dialbridge.resolve_entity_contacts(p_entity_type text, p_ids jsonb) IS 'The contacts of SourceCo entities (the push function''s SourceCo request shape), as the caller sees them:
contacts / buyer_contacts = contact ids (uuid or SourceCo''s own key), buyers = the buyer firms'' contacts
(contacts.remarketing_buyer_id), leads = the valuation leads'' contacts (contacts.valuation_lead_id), both
without archived contacts; listings = the deals'' main contacts (all of a deal''s contacts when none is
marked main), contact_list = the members of saved segments. In the order given. Other entity types
raise DB040 naming the type.';

REVOKE ALL ON FUNCTION dialbridge.resolve_entity_contacts(p_entity_type text, p_ids jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.resolve_entity_contacts(p_entity_type text, p_ids jsonb) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.resolve_entity_contacts(p_entity_type text, p_ids jsonb) TO service_role;
