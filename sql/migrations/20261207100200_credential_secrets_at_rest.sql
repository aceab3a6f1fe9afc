-- migrate:up
-- Secrets at rest (issue 16, item 5; issue 15, item 11): the reps' PhoneBurner tokens and VoIPStudio API
-- tokens no longer sit in plain text in their tables. The token columns keep their names, types and
-- grants' meaning, but the value written into them is taken out by a BEFORE trigger and kept encrypted
-- in dialbridge.credential_secrets — in Supabase Vault where the vault extension is installed (its key
-- lives outside the database), else with pgcrypto under a key kept in dialbridge.credential_key, a table
-- no API role can read. The column keeps only the marker '[encrypted]' (so `access_token is not null` and
-- has_access_token still say whether a token is set).
--
-- Because the column holds only the marker, the browser may SELECT it: that is what lets SourceCo's
-- settings screen upsert its token on user_id (ON CONFLICT DO UPDATE SET access_token =
-- EXCLUDED.access_token reads the column). Tokens are read only through the owner-run functions
-- dialbridge.phoneburner_credentials and dialbridge.voipstudio_credentials_of (service role).
--
-- Each token's age is recorded (token_stored_at: when the current secret was stored; storing the same
-- secret again keeps it) and dialbridge.credentials_due_for_rotation(as_of, max_age) / the view
-- reports.credential_rotation list tokens older than 90 days (seed 001: rotate every 90 days).

create schema if not exists extensions;
create extension if not exists pgcrypto with schema extensions;

-- ---------------------------------------------------------------------------------------------------
-- storage
-- ---------------------------------------------------------------------------------------------------
create table if not exists dialbridge.credential_key (
  id boolean primary key default true check (id),
  key bytea not null,
  created_at timestamptz not null default now()
);
comment on table dialbridge.credential_key is 'The pgcrypto key that encrypts credential_secrets where Supabase Vault is not installed: one random 32-byte key, readable by the database owner only (no API role has any privilege on it; the owner-run secret functions use it). Kept apart from the secrets so a copy of one table reveals nothing.';
comment on column dialbridge.credential_key.id is 'Always true: there is one key.';
comment on column dialbridge.credential_key.key is 'The key (random bytes).';
comment on column dialbridge.credential_key.created_at is 'When the key was made.';
revoke all on table dialbridge.credential_key from public;

create table if not exists dialbridge.credential_secrets (
  kind text not null,
  owner_id uuid not null,
  ciphertext bytea,
  vault_secret_id uuid,
  stored_at timestamptz not null default now(),
  primary key (kind, owner_id),
  constraint credential_secrets_kind check (kind in ('phoneburner_access_token', 'phoneburner_refresh_token', 'voipstudio_api_token')),
  constraint credential_secrets_one_store check ((ciphertext is not null) <> (vault_secret_id is not null))
);
comment on table dialbridge.credential_secrets is 'Reps'' provider tokens, encrypted: in Supabase Vault (vault_secret_id) where it is installed, else pgcrypto ciphertext under dialbridge.credential_key. Written only by the token tables'' triggers; read only by the owner-run credential functions.';
comment on column dialbridge.credential_secrets.kind is 'Which secret: phoneburner_access_token, phoneburner_refresh_token or voipstudio_api_token.';
comment on column dialbridge.credential_secrets.owner_id is 'The rep (profiles.id) the secret belongs to.';
comment on column dialbridge.credential_secrets.ciphertext is 'pgp_sym_encrypt(secret) under dialbridge.credential_key (AES-256), when Vault is not installed.';
comment on column dialbridge.credential_secrets.vault_secret_id is 'vault.secrets id holding the secret, where Supabase Vault is installed.';
comment on column dialbridge.credential_secrets.stored_at is 'When this secret value was stored (its age, for rotation).';
revoke all on table dialbridge.credential_secrets from public;

-- ---------------------------------------------------------------------------------------------------
-- encryption helpers (owner only). pgcrypto is looked up where it is installed (extensions on Supabase).
-- ---------------------------------------------------------------------------------------------------
create or replace function dialbridge.credential_vault_installed() returns boolean
  language sql stable set search_path = '' as $$
  select pg_catalog.to_regclass('vault.decrypted_secrets') is not null
     and exists (select 1 from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
                  where n.nspname = 'vault' and p.proname = 'create_secret')
     and exists (select 1 from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
                  where n.nspname = 'vault' and p.proname = 'update_secret')
$$;
comment on function dialbridge.credential_vault_installed() is 'Whether Supabase Vault (vault.create_secret, vault.decrypted_secrets) is installed: then secrets go there.';
revoke all on function dialbridge.credential_vault_installed() from public;

do $do$
declare
  v_nsp text := (select n.nspname from pg_catalog.pg_extension e join pg_catalog.pg_namespace n on n.oid = e.extnamespace
                  where e.extname = 'pgcrypto');
begin
  execute pg_catalog.format($f$
    create or replace function dialbridge.credential_encrypt(p_secret text) returns bytea
      language plpgsql volatile set search_path = '' as $b$
    declare v_key bytea;
    begin
      select k.key into v_key from dialbridge.credential_key k;
      if v_key is null then
        insert into dialbridge.credential_key (key) values (%1$I.gen_random_bytes(32))
        on conflict (id) do nothing;
        select k.key into v_key from dialbridge.credential_key k;
      end if;
      return %1$I.pgp_sym_encrypt(p_secret, pg_catalog.encode(v_key, 'hex'), 'cipher-algo=aes256');
    end
    $b$ $f$, v_nsp);
  execute pg_catalog.format($f$
    create or replace function dialbridge.credential_decrypt(p_ciphertext bytea) returns text
      language sql stable set search_path = '' as $b$
      select %1$I.pgp_sym_decrypt(p_ciphertext, pg_catalog.encode(k.key, 'hex')) from dialbridge.credential_key k
    $b$ $f$, v_nsp);
end
$do$;
comment on function dialbridge.credential_encrypt(text) is 'Encrypts a secret with pgcrypto (AES-256) under dialbridge.credential_key, making the key on first use. Owner only.';
comment on function dialbridge.credential_decrypt(bytea) is 'Decrypts what credential_encrypt made. Owner only.';
revoke all on function dialbridge.credential_encrypt(text) from public;
revoke all on function dialbridge.credential_decrypt(bytea) from public;

create or replace function dialbridge.read_credential(p_kind text, p_owner_id uuid) returns text
  language plpgsql stable security definer set search_path = '' as $$
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
$$;
comment on function dialbridge.read_credential(text, uuid) is 'A rep''s secret in clear (null when none): for the owner-run credential functions the service role calls. Never granted to an API role.';
revoke all on function dialbridge.read_credential(text, uuid) from public;

create or replace function dialbridge.store_credential(p_kind text, p_owner_id uuid, p_secret text) returns void
  language plpgsql volatile security definer set search_path = '' as $$
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
$$;
comment on function dialbridge.store_credential(text, uuid, text) is 'Stores (encrypted, or in Vault), replaces or — given null or '''' — removes a rep''s secret; storing the value already stored keeps its age. Called by the token tables'' triggers. Never granted to an API role.';
revoke all on function dialbridge.store_credential(text, uuid, text) from public;

create or replace function dialbridge.credential_marker() returns text
  language sql immutable set search_path = '' as $$ select '[encrypted]'::text $$;
comment on function dialbridge.credential_marker() is 'What a token column holds once its secret is stored encrypted: ''[encrypted]''.';
revoke all on function dialbridge.credential_marker() from public;

-- ---------------------------------------------------------------------------------------------------
-- the token tables: the secret goes out, the marker stays
-- ---------------------------------------------------------------------------------------------------
alter table public.phoneburner_oauth_tokens add column if not exists token_stored_at timestamptz;
comment on column public.phoneburner_oauth_tokens.token_stored_at is 'When the current access token was stored (its age: tokens older than 90 days are listed for rotation in reports.credential_rotation).';
alter table public.voipstudio_credentials add column if not exists token_stored_at timestamptz;
comment on column public.voipstudio_credentials.token_stored_at is 'When the current API token was stored (its age: tokens older than 90 days are listed for rotation in reports.credential_rotation).';

create or replace function dialbridge.tg_phoneburner_oauth_tokens__secrets() returns trigger
  language plpgsql security definer set search_path = '' as $$
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
comment on function dialbridge.tg_phoneburner_oauth_tokens__secrets() is 'Takes the tokens written into phoneburner_oauth_tokens out into dialbridge.credential_secrets (encrypted or in Vault), leaving the marker ''[encrypted]'' and the token''s age; removes them with the row.';
revoke all on function dialbridge.tg_phoneburner_oauth_tokens__secrets() from public;

create or replace function dialbridge.tg_voipstudio_credentials__secrets() returns trigger
  language plpgsql security definer set search_path = '' as $$
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
comment on function dialbridge.tg_voipstudio_credentials__secrets() is 'Takes the API token written into voipstudio_credentials out into dialbridge.credential_secrets (encrypted or in Vault), leaving the marker ''[encrypted]'' and the token''s age; removes it with the row.';
revoke all on function dialbridge.tg_voipstudio_credentials__secrets() from public;

drop trigger if exists _050_secrets on public.phoneburner_oauth_tokens;
create trigger _050_secrets before insert or update or delete on public.phoneburner_oauth_tokens
  for each row execute function dialbridge.tg_phoneburner_oauth_tokens__secrets();
drop trigger if exists _050_secrets on public.voipstudio_credentials;
create trigger _050_secrets before insert or update or delete on public.voipstudio_credentials
  for each row execute function dialbridge.tg_voipstudio_credentials__secrets();

-- the plain-text tokens already stored move out (the trigger does it; a second run finds only markers)
update public.phoneburner_oauth_tokens set access_token = access_token
 where access_token <> dialbridge.credential_marker() or refresh_token <> dialbridge.credential_marker();
update public.voipstudio_credentials set api_token = api_token
 where api_token <> dialbridge.credential_marker();

-- the marker is what the browser may read (and what lets SourceCo's upsert on user_id work)
grant select (access_token, refresh_token) on public.phoneburner_oauth_tokens to authenticated;
grant select (token_stored_at) on public.phoneburner_oauth_tokens to authenticated;
grant select (api_token, token_stored_at) on public.voipstudio_credentials to authenticated;
grant update (user_id) on public.voipstudio_credentials to authenticated;
comment on column public.phoneburner_oauth_tokens.access_token is 'PhoneBurner access token (OAuth or personal): write the token here; what stays is the marker ''[encrypted]'' — the token itself is kept encrypted in dialbridge.credential_secrets (Supabase Vault where installed) and read by the service role through dialbridge.phoneburner_credentials.';
comment on column public.phoneburner_oauth_tokens.refresh_token is 'OAuth refresh token: written here, kept encrypted like access_token (the column shows ''[encrypted]''; '''' or null removes it).';
comment on column public.voipstudio_credentials.api_token is 'VoIPStudio API token (X-Auth-Token): write the token here; what stays is the marker ''[encrypted]'' — the token is kept encrypted in dialbridge.credential_secrets (Supabase Vault where installed) and read by the service role through dialbridge.voipstudio_credentials_of.';

-- ---------------------------------------------------------------------------------------------------
-- readers: the service role's credential functions decrypt
-- ---------------------------------------------------------------------------------------------------
create or replace function dialbridge.phoneburner_credentials(p_user_id uuid)
  returns table (access_token text, refresh_token text, expires_at timestamptz)
  language sql stable security definer set search_path = '' as $$
  select dialbridge.read_credential('phoneburner_access_token', t.user_id),
         dialbridge.read_credential('phoneburner_refresh_token', t.user_id),
         t.expires_at
    from public.phoneburner_oauth_tokens t
   where t.user_id = p_user_id and t.access_token is not null
$$;

create or replace function dialbridge.voipstudio_credentials_of(p_user_id uuid)
  returns table (voipstudio_user_id text, api_token text)
  language sql stable security definer set search_path = '' as $$
  select c.voipstudio_user_id, dialbridge.read_credential('voipstudio_api_token', c.user_id)
    from public.voipstudio_credentials c where c.user_id = p_user_id
$$;

-- ---------------------------------------------------------------------------------------------------
-- rotation: tokens older than 90 days
-- ---------------------------------------------------------------------------------------------------
create or replace function dialbridge.credentials_due_for_rotation(as_of timestamptz default now(), max_age interval default interval '90 days')
  returns table (provider text, user_id uuid, team_id uuid, rep_name text, stored_at timestamptz, age_days integer)
  language sql stable security definer set search_path = '' as $$
  select c.provider, c.user_id, p.team_id, p.display_name, c.stored_at,
         pg_catalog.floor(pg_catalog.date_part('epoch', as_of - c.stored_at) / 86400)::integer
    from (select 'phoneburner'::text as provider, t.user_id, t.token_stored_at as stored_at
            from public.phoneburner_oauth_tokens t where t.access_token is not null
          union all
          select 'voipstudio', v.user_id, v.token_stored_at
            from public.voipstudio_credentials v where v.api_token is not null) c
    join public.profiles p on p.id = c.user_id
   where c.stored_at <= as_of - max_age
     and (c.user_id = auth.uid() or dialbridge.is_admin()
          -- the caller's role, not the owner's (current_user is the owner here): Metabase, the service role
          or pg_catalog.pg_has_role(coalesce(nullif(pg_catalog.current_setting('role'), 'none'), session_user), 'dialbridge_metabase', 'usage')
          or pg_catalog.pg_has_role(coalesce(nullif(pg_catalog.current_setting('role'), 'none'), session_user), 'service_role', 'usage'))
   order by c.stored_at, c.provider, c.user_id
$$;
comment on function dialbridge.credentials_due_for_rotation(timestamptz, interval) is 'Provider tokens stored more than max_age (default 90 days, seed 001''s rotation period) before as_of, oldest first — never the tokens. Runs as its owner (the token tables are per rep): a rep sees their own, admins and report readers (Metabase) everyone''s.';
revoke all on function dialbridge.credentials_due_for_rotation(timestamptz, interval) from public;
grant execute on function dialbridge.credentials_due_for_rotation(timestamptz, interval) to authenticated, service_role, dialbridge_metabase;

create or replace view reports.credential_rotation with (security_invoker = true) as
  select r.provider, r.user_id, r.team_id, r.rep_name, r.stored_at, r.age_days
    from dialbridge.credentials_due_for_rotation() r;
comment on view reports.credential_rotation is 'Provider tokens due for rotation now: stored more than 90 days ago (seed 001 security). A rep sees their own, an admin everyone''s.';
comment on column reports.credential_rotation.provider is 'phoneburner or voipstudio.';
comment on column reports.credential_rotation.user_id is 'The rep whose token it is.';
comment on column reports.credential_rotation.team_id is 'The rep''s team.';
comment on column reports.credential_rotation.rep_name is 'The rep''s display name.';
comment on column reports.credential_rotation.stored_at is 'When the token was stored.';
comment on column reports.credential_rotation.age_days is 'Whole days since then.';
grant select on reports.credential_rotation to authenticated, service_role, dialbridge_metabase;

-- migrate:down
--
