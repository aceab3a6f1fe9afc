CREATE FUNCTION dialbridge.called_ago(p_at timestamp with time zone, as_of timestamp with time zone DEFAULT now()) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select case when p_at is null then null
              when pg_catalog.floor(extract(epoch from (as_of - p_at)) / 86400) < 1 then 'Called today'
              when pg_catalog.floor(extract(epoch from (as_of - p_at)) / 86400) = 1 then 'Called 1 day ago'
              else 'Called ' || pg_catalog.floor(extract(epoch from (as_of - p_at)) / 86400)::integer || ' days ago' end
$$;

COMMENT ON FUNCTION dialbridge.called_ago(p_at timestamp with time zone, as_of timestamp with time zone) IS '"called today", "called 1 day ago", "called 5 days ago".';

REVOKE ALL ON FUNCTION dialbridge.called_ago(p_at timestamp with time zone, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.called_ago(p_at timestamp with time zone, as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.called_ago(p_at timestamp with time zone, as_of timestamp with time zone) TO service_role;
