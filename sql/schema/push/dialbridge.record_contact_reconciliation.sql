CREATE FUNCTION dialbridge.record_contact_reconciliation(p_user_id uuid, p_synced_until timestamp with time zone, p_seen integer, p_changed integer, p_error text DEFAULT NULL::text) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  insert into dialbridge.phoneburner_sync_state as s (user_id, contacts_synced_until, contacts_last_run_at, contacts_seen,
                                                      contacts_changed, last_error)
  values (p_user_id, p_synced_until, now(), coalesce(p_seen, 0), coalesce(p_changed, 0), p_error)
  on conflict (user_id) do update
    set contacts_synced_until = coalesce(excluded.contacts_synced_until, s.contacts_synced_until),
        contacts_last_run_at = excluded.contacts_last_run_at,
        contacts_seen = excluded.contacts_seen, contacts_changed = excluded.contacts_changed,
        last_error = excluded.last_error
$$;

COMMENT ON FUNCTION dialbridge.record_contact_reconciliation(p_user_id uuid, p_synced_until timestamp with time zone, p_seen integer, p_changed integer, p_error text) IS 'Records the end of an account''s contact pull (watermark) or its error.';

REVOKE ALL ON FUNCTION dialbridge.record_contact_reconciliation(p_user_id uuid, p_synced_until timestamp with time zone, p_seen integer, p_changed integer, p_error text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.record_contact_reconciliation(p_user_id uuid, p_synced_until timestamp with time zone, p_seen integer, p_changed integer, p_error text) TO service_role;
