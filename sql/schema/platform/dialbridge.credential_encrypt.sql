CREATE FUNCTION dialbridge.credential_encrypt(p_secret text) RETURNS bytea
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
    declare v_key bytea;
    begin
      select k.key into v_key from dialbridge.credential_key k;
      if v_key is null then
        insert into dialbridge.credential_key (key) values (extensions.gen_random_bytes(32))
        on conflict (id) do nothing;
        select k.key into v_key from dialbridge.credential_key k;
      end if;
      return extensions.pgp_sym_encrypt(p_secret, pg_catalog.encode(v_key, 'hex'), 'cipher-algo=aes256');
    end
    $$;

COMMENT ON FUNCTION dialbridge.credential_encrypt(p_secret text) IS 'Encrypts a secret with pgcrypto (AES-256) under dialbridge.credential_key, making the key on first use. Owner only.';

REVOKE ALL ON FUNCTION dialbridge.credential_encrypt(p_secret text) FROM PUBLIC;
