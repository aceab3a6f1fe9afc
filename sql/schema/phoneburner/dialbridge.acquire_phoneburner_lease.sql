CREATE FUNCTION dialbridge.acquire_phoneburner_lease(p_user_id uuid, p_holder text, p_ttl_seconds integer DEFAULT 150) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_got boolean;
begin
  insert into dialbridge.phoneburner_account_leases as l (user_id, holder, acquired_at, expires_at)
  values (p_user_id, p_holder, now(), pg_catalog.clock_timestamp() + pg_catalog.make_interval(secs => p_ttl_seconds))
  on conflict (user_id) do update
    set holder = excluded.holder,
        acquired_at = case when l.holder = excluded.holder then l.acquired_at else excluded.acquired_at end,
        expires_at = excluded.expires_at
    where l.holder = excluded.holder or l.expires_at < pg_catalog.clock_timestamp()
  returning true into v_got;
  return coalesce(v_got, false);
end
$$;

COMMENT ON FUNCTION dialbridge.acquire_phoneburner_lease(p_user_id uuid, p_holder text, p_ttl_seconds integer) IS 'Takes (or renews) the lease on a rep''s PhoneBurner account; false while someone else holds it.';

REVOKE ALL ON FUNCTION dialbridge.acquire_phoneburner_lease(p_user_id uuid, p_holder text, p_ttl_seconds integer) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.acquire_phoneburner_lease(p_user_id uuid, p_holder text, p_ttl_seconds integer) TO service_role;
