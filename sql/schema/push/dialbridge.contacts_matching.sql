CREATE FUNCTION dialbridge.contacts_matching(p_filter jsonb, as_of timestamp with time zone DEFAULT now()) RETURNS SETOF uuid
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  v_filter jsonb := coalesce(p_filter, '{}'::jsonb);
  v_segments uuid[];
  v_ids uuid[];
begin
  perform dialbridge.validate_contact_filter(v_filter);
  if v_filter ? 'segment_id' and pg_catalog.jsonb_typeof(v_filter -> 'segment_id') <> 'null' then
    v_segments := case pg_catalog.jsonb_typeof(v_filter -> 'segment_id')
      when 'string' then array[(v_filter ->> 'segment_id')::uuid]
      else (select pg_catalog.array_agg(e::uuid) from pg_catalog.jsonb_array_elements_text(v_filter -> 'segment_id') e) end;
    if (select pg_catalog.count(*) from public.contact_segments s where s.id = any (v_segments))
       < pg_catalog.cardinality(array(select distinct pg_catalog.unnest(v_segments))) then
      raise exception 'saved segment not found' using errcode = 'DB043';
    end if;
    v_ids := array(
      select m from public.contact_segments s, dialbridge.contacts_matching_filter(s.filter, as_of) m
       where s.id = any (v_segments)
      intersect
      select m from dialbridge.contacts_matching_filter(v_filter - 'segment_id', as_of) m);
  else
    v_ids := array(select dialbridge.contacts_matching_filter(v_filter, as_of));
  end if;

  if coalesce((v_filter ->> 'dialable_only')::boolean, false) then
    return query
      select c.id from public.contacts c
       where c.id = any (v_ids)
         and c.phone_status is distinct from 'invalid' and c.phone_status is distinct from 'missing'
         and not c.phone_number_invalid and not c.do_not_call
         and c.id not in (select b.contact_id from dialbridge.push_blocks(v_ids, as_of) b);
  else
    return query select pg_catalog.unnest(v_ids);
  end if;
end
$$;

COMMENT ON FUNCTION dialbridge.contacts_matching(p_filter jsonb, as_of timestamp with time zone) IS 'The contacts a filter selects, as the caller sees them (RLS applies): segment_id resolves saved
segments (any of them), the other keys narrow further; dialable_only keeps contacts with a valid
number that nothing blocks.';

REVOKE ALL ON FUNCTION dialbridge.contacts_matching(p_filter jsonb, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.contacts_matching(p_filter jsonb, as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.contacts_matching(p_filter jsonb, as_of timestamp with time zone) TO service_role;
