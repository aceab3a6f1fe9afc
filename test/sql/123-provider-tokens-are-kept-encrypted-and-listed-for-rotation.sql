-- Secrets at rest: a rep's PhoneBurner and VoIPStudio tokens never sit in plain text in any table — the
-- token columns keep the marker '[encrypted]', the secret is in dialbridge.credential_secrets, encrypted
-- under a key kept in another table (pgcrypto), or in Supabase Vault where it is installed (played here by
-- a stand-in with Vault's documented functions). The service role still reads each token back; removing
-- the row removes the secret; tokens older than 90 days (seed 001) are listed for rotation. One clock: the
-- transaction's now().
begin;
select plan(15);

select tests.create_user('rot.a@secrets.test', 'Secrets A') as ann \gset
select tests.create_user('rot.b@secrets.test', 'Secrets A') as bob \gset
select tests.create_user('rot.admin@secrets.test', 'Secrets A', 'admin') as adm \gset

insert into public.phoneburner_oauth_tokens (user_id, access_token, refresh_token, display_name)
values (:'ann', 'pb-plain-ann-1234567890', 'pb-refresh-ann', 'Ann');
insert into public.voipstudio_credentials (user_id, voipstudio_user_id, api_token)
values (:'ann', '7001', 'vs-plain-ann-abcdef');

select results_eq(
  $$ select t.access_token, t.refresh_token, v.api_token
       from public.phoneburner_oauth_tokens t join public.voipstudio_credentials v using (user_id) where t.user_id = $$ || quote_literal(:'ann') || $$ $$,
  $$ values ('[encrypted]', '[encrypted]', '[encrypted]') $$,
  'the token columns keep only the marker');
select is(
  (select count(*)::int from dialbridge.credential_secrets s
    where s.owner_id = :'ann'
      and (encode(s.ciphertext, 'escape') like '%pb-plain-ann%' or encode(s.ciphertext, 'escape') like '%vs-plain-ann%'
           or encode(s.ciphertext, 'escape') like '%pb-refresh-ann%')),
  0, 'the stored secrets are ciphertext: no token appears in them');
select is((select count(*)::int from dialbridge.credential_secrets s where s.owner_id = :'ann' and s.ciphertext is not null), 3,
  'three secrets are stored for the rep (PhoneBurner access and refresh, VoIPStudio)');
select results_eq(
  format($$ select c.access_token, c.refresh_token, v.api_token, v.voipstudio_user_id
              from dialbridge.phoneburner_credentials(%L) c, dialbridge.voipstudio_credentials_of(%L) v $$, :'ann', :'ann'),
  $$ values ('pb-plain-ann-1234567890', 'pb-refresh-ann', 'vs-plain-ann-abcdef', '7001') $$,
  'the service role''s credential functions decrypt them');
select ok(not has_table_privilege('service_role', 'dialbridge.credential_key', 'select')
          and not has_table_privilege('authenticated', 'dialbridge.credential_key', 'select')
          and not has_table_privilege('service_role', 'dialbridge.credential_secrets', 'select'),
  'no API role can read the key or the encrypted store');

-- the same token again keeps its age; a new one starts a new age
update dialbridge.credential_secrets set stored_at = now() - interval '100 days' where owner_id = :'ann';
update public.phoneburner_oauth_tokens set access_token = 'pb-plain-ann-1234567890' where user_id = :'ann';
select is((select stored_at from dialbridge.credential_secrets where owner_id = :'ann' and kind = 'phoneburner_access_token'),
  now() - interval '100 days', 'storing the same token again keeps its age');
update public.phoneburner_oauth_tokens set display_name = 'Ann (PB)' where user_id = :'ann';
update public.voipstudio_credentials set voipstudio_user_id = '7001' where user_id = :'ann';
select results_eq(
  format($$ select provider, age_days from dialbridge.credentials_due_for_rotation(now()) where user_id = %L order by provider $$, :'ann'),
  $$ values ('phoneburner', 100), ('voipstudio', 100) $$,
  'tokens stored 100 days ago are due for rotation');
select is_empty(
  format($$ select 1 from dialbridge.credentials_due_for_rotation(now() - interval '11 days') where user_id = %L $$, :'ann'),
  'at 89 days they were not due yet');

select tests.authenticate_as('rot.b@secrets.test');
select is_empty($$ select * from reports.credential_rotation $$, 'another rep does not see whose tokens are due');
select tests.authenticate_as('rot.admin@secrets.test');
select results_eq($$ select provider, rep_name is not null, age_days from reports.credential_rotation order by provider $$,
  $$ values ('phoneburner', true, 100), ('voipstudio', true, 100) $$,
  'an admin sees every token due for rotation');
select tests.authenticate_as('rot.a@secrets.test');
update public.phoneburner_oauth_tokens set access_token = 'pb-rotated-ann' where user_id = auth.uid();
select results_eq($$ select provider from reports.credential_rotation $$, $$ values ('voipstudio') $$,
  'a rotated token leaves the list');
select tests.clear_authentication();

-- removing the row removes the secrets
delete from public.voipstudio_credentials where user_id = :'ann';
select is((select count(*)::int from dialbridge.credential_secrets where owner_id = :'ann' and kind = 'voipstudio_api_token'), 0,
  'removing the VoIPStudio settings removes the secret');

-- Supabase Vault, where installed, holds the secret instead (a stand-in with Vault's documented functions)
create schema vault;
create table vault.secrets (id uuid primary key default gen_random_uuid(), name text unique, description text, secret text);
create function vault.create_secret(new_secret text, new_name text default null, new_description text default '', new_key_id uuid default null)
  returns uuid language sql as $$ insert into vault.secrets (name, description, secret) values (new_name, new_description, '~' || reverse(new_secret)) returning id $$;
create function vault.update_secret(secret_id uuid, new_secret text default null, new_name text default null, new_description text default null, new_key_id uuid default null)
  returns void language sql as $$ update vault.secrets set secret = coalesce('~' || reverse(new_secret), secret) where id = secret_id $$;
create view vault.decrypted_secrets as select id, name, description, secret, reverse(substr(secret, 2)) as decrypted_secret from vault.secrets;

insert into public.phoneburner_oauth_tokens (user_id, access_token, display_name) values (:'bob', 'pb-vault-bob', 'Bob');
select results_eq(
  format($$ select s.ciphertext is null, v.name, (select access_token from dialbridge.phoneburner_credentials(%L))
              from dialbridge.credential_secrets s join vault.secrets v on v.id = s.vault_secret_id
             where s.owner_id = %L and s.kind = 'phoneburner_access_token' $$, :'bob', :'bob'),
  format($$ values (true, 'dialbridge:phoneburner_access_token:%s', 'pb-vault-bob') $$, :'bob'),
  'with Vault installed the token goes into Vault and is read back from it');
update public.phoneburner_oauth_tokens set access_token = 'pb-vault-bob-2' where user_id = :'bob';
select is((select access_token from dialbridge.phoneburner_credentials(:'bob')), 'pb-vault-bob-2',
  'a replaced token updates the Vault secret');
delete from public.phoneburner_oauth_tokens where user_id = :'bob';
select is((select count(*)::int from vault.secrets where name like '%' || :'bob'), 0,
  'disconnecting removes the Vault secret');

select * from finish();
rollback;
