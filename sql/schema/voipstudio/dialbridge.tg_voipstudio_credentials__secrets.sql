CREATE FUNCTION dialbridge.tg_voipstudio_credentials__secrets() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_marker constant text := dialbridge.credential_marker();
begin
  if tg_op = 'DELETE' then
    perform dialbridge.store_credential('voipstudio_api_token', old.user_id, null);
    return old;
  end if;
  if tg_op = 'UPDATE' and new.user_id is distinct from old.user_id then
    raise exception 'a credentials row cannot change hands' using errcode = '42501';
  end if;
  if tg_op = 'INSERT' and nullif(new.api_token, '') is null then
    new.api_token := null;      -- nothing to store; never a removal (an upsert's insert half carries no token)
  elsif new.api_token is distinct from v_marker then
    perform dialbridge.store_credential('voipstudio_api_token', new.user_id, new.api_token);
    new.api_token := case when nullif(new.api_token, '') is not null then v_marker end;
  end if;
  new.token_stored_at := (select s.stored_at from dialbridge.credential_secrets s
                           where s.kind = 'voipstudio_api_token' and s.owner_id = new.user_id);
  return new;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_voipstudio_credentials__secrets() IS 'Takes the API token written into voipstudio_credentials out into dialbridge.credential_secrets (encrypted or in Vault), leaving the marker ''[encrypted]'' and the token''s age; removes it with the row.';

REVOKE ALL ON FUNCTION dialbridge.tg_voipstudio_credentials__secrets() FROM PUBLIC;
