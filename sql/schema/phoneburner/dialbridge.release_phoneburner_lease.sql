CREATE FUNCTION dialbridge.release_phoneburner_lease(p_user_id uuid, p_holder text) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  delete from dialbridge.phoneburner_account_leases where user_id = p_user_id and holder = p_holder
$$;

COMMENT ON FUNCTION dialbridge.release_phoneburner_lease(p_user_id uuid, p_holder text) IS 'Releases the lease if the caller still holds it.';

REVOKE ALL ON FUNCTION dialbridge.release_phoneburner_lease(p_user_id uuid, p_holder text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.release_phoneburner_lease(p_user_id uuid, p_holder text) TO service_role;
