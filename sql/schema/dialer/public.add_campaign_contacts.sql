CREATE FUNCTION public.add_campaign_contacts(p_campaign_id uuid, p_contacts jsonb, p_options jsonb DEFAULT '{}'::jsonb) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $_$
declare
  v_items jsonb := '[]';
  v_pos integer[] := '{}';
  v_excluded jsonb := '[]';
  v_ids uuid[];
  v_item jsonb;
  v_phone text;
  v_n integer := 0;
  v_seen uuid[] := '{}';
  v_phones text[] := '{}';
  v_reason text;
  v_out integer[] := '{}';
  i integer;
  v_added uuid[];
begin
  if not dialbridge.can_manage_campaign(p_campaign_id) and not (auth.uid() is null and exists (
       select 1 from public.dialer_campaigns c where c.id = p_campaign_id)) then
    raise exception 'campaign % not found or not yours to change', p_campaign_id using errcode = '42501';
  end if;
  if p_contacts is null or pg_catalog.jsonb_typeof(p_contacts) <> 'array' then
    raise exception 'contacts must be an array' using errcode = 'DB040';
  end if;
  if pg_catalog.jsonb_array_length(p_contacts) > 5000 then
    raise exception 'at most 5,000 contacts per request' using errcode = 'DB047';
  end if;
  perform dialbridge.validate_push_options(coalesce(p_options, '{}'));
  -- numbers first: an unusable number is excluded before any contact is matched or created
  for i in 0 .. pg_catalog.jsonb_array_length(p_contacts) - 1 loop
    v_item := p_contacts -> i;
    v_phone := pg_catalog.regexp_replace(coalesce(v_item ->> 'phone_number', v_item ->> 'phone', ''), '[^0-9+]', '', 'g');
    if v_item ->> 'contact_id' is null and v_phone !~ '^\+[1-9][0-9]{7,14}$' then
      v_reason := case when nullif(pg_catalog.btrim(coalesce(v_item ->> 'phone_number', v_item ->> 'phone', '')), '') is null
                       then 'missing_phone' else 'invalid_phone' end;
      v_excluded := v_excluded || pg_catalog.jsonb_build_object('index', i, 'phone_number', v_item ->> 'phone_number',
        'reason', v_reason, 'label', dialbridge.push_reason_label(v_reason),
        'detail', case when v_reason = 'missing_phone' then 'No phone number' else 'Not a phone number in E.164 form (+ and 8 to 15 digits)' end);
      continue;
    end if;
    if v_phone <> '' and v_phone = any (v_phones) then
      -- the same number twice in the list (a new contact's number is normalised later: match it here)
      v_excluded := v_excluded || pg_catalog.jsonb_build_object('index', i, 'phone_number', v_item ->> 'phone_number',
        'reason', 'duplicate_in_list', 'label', dialbridge.push_reason_label('duplicate_in_list'),
        'detail', 'Same phone as an earlier row');
      continue;
    end if;
    v_phones := v_phones || v_phone;
    v_items := v_items || pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'contact_id', v_item ->> 'contact_id', 'phone', nullif(v_phone, ''), 'phone_e164', nullif(v_phone, ''),
      'name', nullif(pg_catalog.btrim(coalesce(v_item ->> 'first_name', '') || ' ' || coalesce(v_item ->> 'last_name', '')), ''),
      'email', v_item ->> 'email', 'company', v_item ->> 'company'));
    v_pos := v_pos || i;
  end loop;
  v_ids := dialbridge.resolve_inline_contacts(v_items);

  if pg_catalog.to_regclass('pg_temp.campaign_contact_import') is null then
    create temporary table campaign_contact_import (pos integer, contact_id uuid, status text, reason text, detail text) on commit drop;
  end if;
  truncate pg_temp.campaign_contact_import;
  insert into pg_temp.campaign_contact_import
  select v_pos[c.ord], c.contact_id, c.status, c.reason, c.detail
    from dialbridge.push_candidates(v_ids, '{"skip_recently_contacted": false}'::jsonb || coalesce(p_options, '{}')) c;

  for i in 1 .. coalesce(pg_catalog.cardinality(v_ids), 0) loop
    if v_ids[i] = any (v_seen) then
      v_excluded := v_excluded || pg_catalog.jsonb_build_object('index', v_pos[i], 'contact_id', v_ids[i],
        'phone_number', p_contacts -> v_pos[i] ->> 'phone_number', 'reason', 'duplicate_in_list',
        'label', dialbridge.push_reason_label('duplicate_in_list'), 'detail', 'Same contact as an earlier row');
      v_out := v_out || v_pos[i];
    elsif not exists (select 1 from public.contacts k where k.id = v_ids[i]
                       and (k.team_id = dialbridge.current_team_id() or dialbridge.is_admin() or auth.uid() is null)) then
      v_excluded := v_excluded || pg_catalog.jsonb_build_object('index', v_pos[i], 'contact_id', v_ids[i],
        'reason', 'not_found', 'label', 'Not found', 'detail', 'No such contact in your team');
      v_out := v_out || v_pos[i];
    elsif exists (select 1 from public.campaign_contacts cc where cc.campaign_id = p_campaign_id and cc.contact_id = v_ids[i]) then
      v_excluded := v_excluded || pg_catalog.jsonb_build_object('index', v_pos[i], 'contact_id', v_ids[i],
        'phone_number', p_contacts -> v_pos[i] ->> 'phone_number', 'reason', 'already_in_campaign',
        'label', 'Already in campaign', 'detail', 'Already in this campaign');
      v_out := v_out || v_pos[i];
    end if;
    v_seen := v_seen || v_ids[i];
  end loop;
  v_excluded := v_excluded || coalesce((
    select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('index', x.pos, 'contact_id', x.contact_id,
             'phone_number', p_contacts -> x.pos ->> 'phone_number', 'reason', x.reason,
             'label', dialbridge.push_reason_label(x.reason), 'detail', x.detail) order by x.pos)
      from pg_temp.campaign_contact_import x
     where x.status = 'excluded' and x.pos <> all (v_out)), '[]');

  with added as (
    insert into public.campaign_contacts (campaign_id, contact_id, phone_number, first_name, last_name, email, company, priority, scheduled_at, metadata)
    select p_campaign_id, x.contact_id, coalesce(k.phone_e164, p_contacts -> x.pos ->> 'phone_number'),
           coalesce(p_contacts -> x.pos ->> 'first_name', k.first_name), coalesce(p_contacts -> x.pos ->> 'last_name', k.last_name),
           coalesce(p_contacts -> x.pos ->> 'email', k.email), coalesce(p_contacts -> x.pos ->> 'company', k.company),
           coalesce((p_contacts -> x.pos ->> 'priority')::integer, 0), (p_contacts -> x.pos ->> 'scheduled_at')::timestamptz,
           coalesce(p_contacts -> x.pos -> 'metadata', '{}')
      from pg_temp.campaign_contact_import x
      join public.contacts k on k.id = x.contact_id
     where x.status = 'ready' and x.pos <> all (v_out)
     order by x.pos
    on conflict (campaign_id, contact_id) do nothing
    returning id
  )
  select array_agg(a.id) into v_added from added a;
  return pg_catalog.jsonb_build_object('success', true, 'added', coalesce(pg_catalog.cardinality(v_added), 0),
    'excluded', (select coalesce(pg_catalog.jsonb_agg(e order by (e ->> 'index')::integer), '[]') from pg_catalog.jsonb_array_elements(v_excluded) e),
    'contacts', coalesce((select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(cc) order by cc.created_at, cc.id)
                            from public.campaign_contacts cc where cc.id = any (v_added)), '[]'));
end
$_$;

COMMENT ON FUNCTION public.add_campaign_contacts(p_campaign_id uuid, p_contacts jsonb, p_options jsonb) IS 'POST /api/dialer/campaigns/{id}/contacts: matches each contact to the caller''s team contact with that number (or creates it, as the push does: dialbridge.resolve_inline_contacts), validates with the push''s rules (dialbridge.push_candidates, options as for a push; recently contacted not applied unless asked) and adds the ready ones. Answers {success, added, excluded: [{index, phone_number, contact_id, reason, label, detail}], contacts}. Owners and managers of the campaign only (42501); DB040/DB047 as for a push.';

REVOKE ALL ON FUNCTION public.add_campaign_contacts(p_campaign_id uuid, p_contacts jsonb, p_options jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION public.add_campaign_contacts(p_campaign_id uuid, p_contacts jsonb, p_options jsonb) TO anon;
GRANT ALL ON FUNCTION public.add_campaign_contacts(p_campaign_id uuid, p_contacts jsonb, p_options jsonb) TO authenticated;
GRANT ALL ON FUNCTION public.add_campaign_contacts(p_campaign_id uuid, p_contacts jsonb, p_options jsonb) TO service_role;
