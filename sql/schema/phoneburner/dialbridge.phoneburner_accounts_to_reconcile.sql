CREATE FUNCTION dialbridge.phoneburner_accounts_to_reconcile() RETURNS TABLE(user_id uuid, team_id uuid, contacts_synced_until timestamp with time zone)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select p.id, p.team_id, s.contacts_synced_until
    from public.phoneburner_oauth_tokens t
    join public.profiles p on p.id = t.user_id and p.is_active
    left join dialbridge.phoneburner_sync_state s on s.user_id = p.id
   where t.access_token is not null
   order by p.id
$$;

COMMENT ON FUNCTION dialbridge.phoneburner_accounts_to_reconcile() IS 'The accounts to reconcile: reps with a PhoneBurner token, with their watermark.';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_accounts_to_reconcile() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_accounts_to_reconcile() TO service_role;
