CREATE FUNCTION dialbridge.read_credential(p_kind text, p_owner_id uuid) RETURNS text
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $_$
declare
  v_row dialbridge.credential_secrets;
  v_secret text;
begin
  select * into v_row from dialbridge.credential_secrets s where s.kind = p_kind and s.owner_id = p_owner_id;
  if not found then
    return null;
  elsif v_row.vault_secret_id is not null then
    execute 'select decrypted_secret from vault.decrypted_secrets where id = $1' into v_secret using v_row.vault_secret_id;
    return v_secret;
  else
    return dialbridge.credential_decrypt(v_row.ciphertext);
  end if;
end
$_$;

COMMENT ON FUNCTION dialbridge.read_credential(p_kind text, p_owner_id uuid) IS 'A rep''s secret in clear (null when none): for the owner-run credential functions the service role calls. Never granted to an API role.';

REVOKE ALL ON FUNCTION dialbridge.read_credential(p_kind text, p_owner_id uuid) FROM PUBLIC;
