CREATE FUNCTION dialbridge.record_phoneburner_contact_sync(p_contact_id uuid, p_account_user_id uuid, p_phoneburner_contact_id text, p_status text, p_synced_until timestamp with time zone, p_fields_sent jsonb, p_held_back jsonb, p_custom_fields_sent jsonb, p_error text DEFAULT NULL::text) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  insert into dialbridge.phoneburner_contact_syncs as y (contact_id, account_user_id, phoneburner_contact_id, last_synced_at, status,
                                                        fields_sent, held_back, custom_fields_sent, attempts, last_error, updated_at)
  values (p_contact_id, p_account_user_id, p_phoneburner_contact_id,
          case when p_status <> 'failed' then p_synced_until end, p_status,
          coalesce(p_fields_sent, '{}'::jsonb), coalesce(p_held_back, '{}'::jsonb), p_custom_fields_sent,
          case when p_status = 'failed' then 1 else 0 end, p_error, pg_catalog.now())
  on conflict (contact_id, account_user_id) do update set
    phoneburner_contact_id = excluded.phoneburner_contact_id,
    last_synced_at = case when excluded.status <> 'failed' then excluded.last_synced_at else y.last_synced_at end,
    status = excluded.status,
    fields_sent = case when excluded.status = 'synced' then excluded.fields_sent else y.fields_sent end,
    held_back = excluded.held_back,
    custom_fields_sent = case when excluded.status = 'synced' then coalesce(excluded.custom_fields_sent, y.custom_fields_sent) else y.custom_fields_sent end,
    attempts = case when excluded.status = 'failed' then y.attempts + 1 else 0 end,
    last_error = excluded.last_error,
    updated_at = pg_catalog.now()
$$;

COMMENT ON FUNCTION dialbridge.record_phoneburner_contact_sync(p_contact_id uuid, p_account_user_id uuid, p_phoneburner_contact_id text, p_status text, p_synced_until timestamp with time zone, p_fields_sent jsonb, p_held_back jsonb, p_custom_fields_sent jsonb, p_error text) IS 'Records one contact''s sync to one PhoneBurner account: synced (edits up to p_synced_until considered; what was sent and held back), failed (kept for the next batch) or gone.';

REVOKE ALL ON FUNCTION dialbridge.record_phoneburner_contact_sync(p_contact_id uuid, p_account_user_id uuid, p_phoneburner_contact_id text, p_status text, p_synced_until timestamp with time zone, p_fields_sent jsonb, p_held_back jsonb, p_custom_fields_sent jsonb, p_error text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.record_phoneburner_contact_sync(p_contact_id uuid, p_account_user_id uuid, p_phoneburner_contact_id text, p_status text, p_synced_until timestamp with time zone, p_fields_sent jsonb, p_held_back jsonb, p_custom_fields_sent jsonb, p_error text) TO service_role;
