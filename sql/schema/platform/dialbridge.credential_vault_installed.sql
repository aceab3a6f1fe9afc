CREATE FUNCTION dialbridge.credential_vault_installed() RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select pg_catalog.to_regclass('vault.decrypted_secrets') is not null
     and exists (select 1 from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
                  where n.nspname = 'vault' and p.proname = 'create_secret')
     and exists (select 1 from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
                  where n.nspname = 'vault' and p.proname = 'update_secret')
$$;

COMMENT ON FUNCTION dialbridge.credential_vault_installed() IS 'Whether Supabase Vault (vault.create_secret, vault.decrypted_secrets) is installed: then secrets go there.';

REVOKE ALL ON FUNCTION dialbridge.credential_vault_installed() FROM PUBLIC;
