CREATE FUNCTION dialbridge.store_credential(p_kind text, p_owner_id uuid, p_secret text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $_$
declare
  v_row dialbridge.credential_secrets;
  v_vault_id uuid;
begin
  select * into v_row from dialbridge.credential_secrets s where s.kind = p_kind and s.owner_id = p_owner_id for update;
  if nullif(p_secret, '') is null then                                   -- removed (SourceCo sends refresh_token '')
    if found and v_row.vault_secret_id is not null then
      execute 'delete from vault.secrets where id = $1' using v_row.vault_secret_id;
    end if;
    delete from dialbridge.credential_secrets s where s.kind = p_kind and s.owner_id = p_owner_id;
    return;
  end if;
  if found and dialbridge.read_credential(p_kind, p_owner_id) is not distinct from p_secret then
    return;                                                              -- the same token again: its age stands
  end if;
  if dialbridge.credential_vault_installed() then
    if found and v_row.vault_secret_id is not null then
      execute 'select vault.update_secret($1, $2)' using v_row.vault_secret_id, p_secret;
      v_vault_id := v_row.vault_secret_id;
    else
      execute 'select vault.create_secret($1, $2, $3)' into v_vault_id
        using p_secret, 'dialbridge:' || p_kind || ':' || p_owner_id::text, 'dialbridge credential (' || p_kind || ')';
    end if;
    insert into dialbridge.credential_secrets as s (kind, owner_id, ciphertext, vault_secret_id, stored_at)
    values (p_kind, p_owner_id, null, v_vault_id, pg_catalog.now())
    on conflict (kind, owner_id) do update set ciphertext = null, vault_secret_id = excluded.vault_secret_id, stored_at = excluded.stored_at;
  else
    insert into dialbridge.credential_secrets as s (kind, owner_id, ciphertext, vault_secret_id, stored_at)
    values (p_kind, p_owner_id, dialbridge.credential_encrypt(p_secret), null, pg_catalog.now())
    on conflict (kind, owner_id) do update set ciphertext = excluded.ciphertext, vault_secret_id = null, stored_at = excluded.stored_at;
  end if;
end
$_$;

COMMENT ON FUNCTION dialbridge.store_credential(p_kind text, p_owner_id uuid, p_secret text) IS 'Stores (encrypted, or in Vault), replaces or — given null or '''' — removes a rep''s secret; storing the value already stored keeps its age. Called by the token tables'' triggers. Never granted to an API role.';

REVOKE ALL ON FUNCTION dialbridge.store_credential(p_kind text, p_owner_id uuid, p_secret text) FROM PUBLIC;
