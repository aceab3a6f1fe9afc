CREATE FUNCTION dialbridge.resolve_inline_contacts(p_items jsonb) RETURNS uuid[]
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
  v_item jsonb;
  v_id uuid;
  v_ids uuid[] := '{}';
  v_team uuid := dialbridge.current_team_id();
  v_name text;
begin
  if p_items is null or pg_catalog.jsonb_typeof(p_items) <> 'array' then
    raise exception 'inline_contacts must be an array' using errcode = 'DB040';
  end if;
  if pg_catalog.jsonb_array_length(p_items) > 5000 then
    raise exception 'at most 5,000 inline contacts per push' using errcode = 'DB047';
  end if;
  for v_item in select * from pg_catalog.jsonb_array_elements(p_items) loop
    v_id := null;
    if v_item ->> 'contact_id' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
      select c.id into v_id from public.contacts c where c.id = (v_item ->> 'contact_id')::uuid;
    end if;
    if v_id is null and v_item ->> 'contact_id' is not null then
      select c.id into v_id from public.contacts c where c.sourceco_contact_id = v_item ->> 'contact_id';
    end if;
    if v_id is null and v_item ->> 'phone_e164' is not null then
      select c.id into v_id from public.contacts c
       where c.phone_e164 = v_item ->> 'phone_e164' and c.team_id is not distinct from v_team
       order by c.created_at limit 1;
    end if;
    if v_id is null then
      if v_team is null then
        raise exception 'only members of a team can push new contacts' using errcode = 'DB042';
      end if;
      v_name := nullif(pg_catalog.btrim(v_item ->> 'name'), '');
      insert into public.contacts (team_id, owner_id, first_name, last_name, email, phone, company, list_source)
      values (v_team, auth.uid(),
              pg_catalog.split_part(v_name, ' ', 1),
              nullif(pg_catalog.btrim(pg_catalog.substr(v_name, pg_catalog.length(pg_catalog.split_part(v_name, ' ', 1)) + 1)), ''),
              nullif(pg_catalog.btrim(v_item ->> 'email'), ''), nullif(pg_catalog.btrim(v_item ->> 'phone'), ''),
              nullif(pg_catalog.btrim(v_item ->> 'company'), ''), 'inline push')
      returning id into v_id;
    end if;
    -- the anchors ClickToDialPhone sends with the number: kept on the contact (where not set yet), so its
    -- calls carry them (contact_activities.valuation_lead_id / listing_id)
    if v_item ->> 'valuation_lead_id' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
       or v_item ->> 'listing_id' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
      update public.contacts c
         set valuation_lead_id = coalesce(c.valuation_lead_id, (v_item ->> 'valuation_lead_id')::uuid),
             listing_id = coalesce(c.listing_id, (v_item ->> 'listing_id')::uuid)
       where c.id = v_id
         and (c.valuation_lead_id is null and v_item ->> 'valuation_lead_id' is not null
              or c.listing_id is null and v_item ->> 'listing_id' is not null);
    end if;
    v_ids := v_ids || v_id;
  end loop;
  return v_ids;
end
$_$;

COMMENT ON FUNCTION dialbridge.resolve_inline_contacts(p_items jsonb) IS 'Contacts for a push''s inline contacts ({phone, phone_e164, phone_status, name, email, company,
contact_id, valuation_lead_id, listing_id} as SourceCo''s frontend sends them, numbers normalised by the
caller): the contact by id if the caller can see it, else the team''s contact with that number, else a new
contact in the caller''s team (list_source ''inline push''). A valuation lead or listing sent with the number
is kept on the contact where it has none. Runs as the caller (RLS applies).';

REVOKE ALL ON FUNCTION dialbridge.resolve_inline_contacts(p_items jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.resolve_inline_contacts(p_items jsonb) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.resolve_inline_contacts(p_items jsonb) TO service_role;
