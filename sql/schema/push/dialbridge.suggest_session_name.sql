CREATE FUNCTION dialbridge.suggest_session_name(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone DEFAULT now()) RETURNS text
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select pg_catalog.concat_ws(' - ',
    case when pg_catalog.count(distinct c.contact_type) = 1 and pg_catalog.count(c.contact_type) = pg_catalog.count(*)
         then case pg_catalog.min(c.contact_type) when 'buyer' then 'Buyers' when 'seller' then 'Sellers' end end,
    case when pg_catalog.count(distinct c.contact_type) = 1 and pg_catalog.min(c.contact_type) = 'buyer'
              and pg_catalog.count(distinct c.buyer_type) = 1 and pg_catalog.count(c.buyer_type) = pg_catalog.count(*)
         then pg_catalog.min(c.buyer_type) end,
    dialbridge.jsonb_single_text(p_filter -> 'industry'),
    coalesce(dialbridge.jsonb_single_text(p_filter -> 'geography'),
             pg_catalog.upper(dialbridge.jsonb_single_text(p_filter -> 'state'))),
    pg_catalog.to_char(as_of at time zone 'UTC', 'Mon YYYY'))
    from public.contacts c
   where c.id = any (p_contact_ids)
$$;

COMMENT ON FUNCTION dialbridge.suggest_session_name(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone) IS 'Seed 002''s smart session name: contact type when all share one ("Buyers"), the buyer type when all
buyers share one, the filtered industry and geography (one value each), then "Mon YYYY".
"Buyers - PE Firm - Business Services - Northeast - Feb 2026".';

REVOKE ALL ON FUNCTION dialbridge.suggest_session_name(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.suggest_session_name(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.suggest_session_name(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone) TO service_role;
