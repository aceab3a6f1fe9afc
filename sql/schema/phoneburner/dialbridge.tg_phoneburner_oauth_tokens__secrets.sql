CREATE FUNCTION dialbridge.tg_phoneburner_oauth_tokens__secrets() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_marker constant text := dialbridge.credential_marker();
begin
  if tg_op = 'DELETE' then
    perform dialbridge.store_credential('phoneburner_access_token', old.user_id, null);
    perform dialbridge.store_credential('phoneburner_refresh_token', old.user_id, null);
    return old;
  end if;
  if tg_op = 'UPDATE' and new.user_id is distinct from old.user_id then
    raise exception 'a token row cannot change hands' using errcode = '42501';
  end if;
  if tg_op = 'INSERT' and nullif(new.access_token, '') is null then
    new.access_token := null;      -- nothing to store; never a removal (an upsert's insert half carries no token)
  elsif new.access_token is distinct from v_marker then
    perform dialbridge.store_credential('phoneburner_access_token', new.user_id, new.access_token);
    new.access_token := case when nullif(new.access_token, '') is not null then v_marker end;
  end if;
  if tg_op = 'INSERT' and nullif(new.refresh_token, '') is null then
    new.refresh_token := null;      -- nothing to store; never a removal (an upsert's insert half carries no token)
  elsif new.refresh_token is distinct from v_marker then
    perform dialbridge.store_credential('phoneburner_refresh_token', new.user_id, new.refresh_token);
    new.refresh_token := case when nullif(new.refresh_token, '') is not null then v_marker end;
  end if;
  new.token_stored_at := (select s.stored_at from dialbridge.credential_secrets s
                           where s.kind = 'phoneburner_access_token' and s.owner_id = new.user_id);
  return new;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_phoneburner_oauth_tokens__secrets() IS 'Takes the tokens written into phoneburner_oauth_tokens out into dialbridge.credential_secrets (encrypted or in Vault), leaving the marker ''[encrypted]'' and the token''s age; removes them with the row.';

REVOKE ALL ON FUNCTION dialbridge.tg_phoneburner_oauth_tokens__secrets() FROM PUBLIC;
