CREATE FUNCTION dialbridge.contacts_matching_filter(p_filter jsonb, as_of timestamp with time zone DEFAULT now()) RETURNS SETOF uuid
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select c.id
    from public.contacts c
   where (p_filter ->> 'contact_type' is null or c.contact_type = p_filter ->> 'contact_type')
     and (dialbridge.jsonb_lower_texts(p_filter -> 'buyer_type') is null
          or pg_catalog.lower(c.buyer_type) = any (dialbridge.jsonb_lower_texts(p_filter -> 'buyer_type')))
     and (dialbridge.jsonb_lower_texts(p_filter -> 'industry') is null
          or pg_catalog.lower(c.industry) = any (dialbridge.jsonb_lower_texts(p_filter -> 'industry'))
          or exists (select 1 from pg_catalog.unnest(c.target_sectors) t
                      where pg_catalog.lower(t) = any (dialbridge.jsonb_lower_texts(p_filter -> 'industry'))))
     and (dialbridge.jsonb_lower_texts(p_filter -> 'state') is null
          or pg_catalog.lower(c.state) = any (dialbridge.jsonb_lower_texts(p_filter -> 'state')))
     and (dialbridge.jsonb_lower_texts(p_filter -> 'geography') is null
          or pg_catalog.lower(c.state) = any (dialbridge.jsonb_lower_texts(p_filter -> 'geography'))
          or pg_catalog.lower(c.city) = any (dialbridge.jsonb_lower_texts(p_filter -> 'geography'))
          or exists (select 1 from pg_catalog.unnest(c.target_geographies) g
                      where pg_catalog.lower(g) = any (dialbridge.jsonb_lower_texts(p_filter -> 'geography'))))
     and (p_filter -> 'engagement_min' is null or pg_catalog.jsonb_typeof(p_filter -> 'engagement_min') = 'null'
          or c.call_engagement_score >= (p_filter ->> 'engagement_min')::numeric)
     and (p_filter -> 'engagement_max' is null or pg_catalog.jsonb_typeof(p_filter -> 'engagement_max') = 'null'
          or c.call_engagement_score <= (p_filter ->> 'engagement_max')::numeric)
     and (p_filter ->> 'last_contact_older_than_days' is null
          or c.last_call_attempt_at is null
          or c.last_call_attempt_at < as_of - pg_catalog.make_interval(days => (p_filter ->> 'last_contact_older_than_days')::integer))
     and (p_filter ->> 'last_contact_within_days' is null
          or c.last_call_attempt_at >= as_of - pg_catalog.make_interval(days => (p_filter ->> 'last_contact_within_days')::integer))
     and (p_filter ->> 'created_within_days' is null
          or c.created_at >= as_of - pg_catalog.make_interval(days => (p_filter ->> 'created_within_days')::integer))
     and (p_filter ->> 'never_contacted' is null
          or (c.last_call_attempt_at is null) = (p_filter ->> 'never_contacted')::boolean)
     and (p_filter ->> 'owner_id' is null or c.owner_id = (p_filter ->> 'owner_id')::uuid)
     and (p_filter ->> 'next_action_due_by' is null
          or (c.next_action_type = 'call' and c.next_action_date <= (p_filter ->> 'next_action_due_by')::date))
     and (p_filter ->> 'search' is null or pg_catalog.btrim(p_filter ->> 'search') = ''
          or pg_catalog.strpos(pg_catalog.lower(pg_catalog.concat_ws(' ', c.first_name, c.last_name, c.company, c.email)),
                               pg_catalog.lower(pg_catalog.btrim(p_filter ->> 'search'))) > 0)
     and ((dialbridge.jsonb_lower_texts(p_filter -> 'deal_id') is null
           and dialbridge.jsonb_lower_texts(p_filter -> 'deal_status') is null)
          or exists (select 1 from public.deal_contacts d
                      where d.contact_id = c.id
                        and (dialbridge.jsonb_lower_texts(p_filter -> 'deal_id') is null
                             or pg_catalog.lower(d.deal_id) = any (dialbridge.jsonb_lower_texts(p_filter -> 'deal_id')))
                        and (dialbridge.jsonb_lower_texts(p_filter -> 'deal_status') is null
                             or d.deal_status = any (dialbridge.jsonb_lower_texts(p_filter -> 'deal_status')))))
$$;

COMMENT ON FUNCTION dialbridge.contacts_matching_filter(p_filter jsonb, as_of timestamp with time zone) IS 'The contacts matching a filter without segments, as the caller sees them (security invoker: RLS
applies). dialable_only is applied by dialbridge.contacts_matching.';

REVOKE ALL ON FUNCTION dialbridge.contacts_matching_filter(p_filter jsonb, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.contacts_matching_filter(p_filter jsonb, as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.contacts_matching_filter(p_filter jsonb, as_of timestamp with time zone) TO service_role;
