CREATE FUNCTION dialbridge.credential_decrypt(p_ciphertext bytea) RETURNS text
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
      select extensions.pgp_sym_decrypt(p_ciphertext, pg_catalog.encode(k.key, 'hex')) from dialbridge.credential_key k
    $$;

COMMENT ON FUNCTION dialbridge.credential_decrypt(p_ciphertext bytea) IS 'Decrypts what credential_encrypt made. Owner only.';

REVOKE ALL ON FUNCTION dialbridge.credential_decrypt(p_ciphertext bytea) FROM PUBLIC;
