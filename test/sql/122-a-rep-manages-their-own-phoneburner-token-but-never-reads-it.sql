-- phoneburner_oauth_tokens: a rep stores, replaces and removes their own PhoneBurner token and sees
-- whether it is set, never the token itself: the column keeps only the marker '[encrypted]', the token
-- is kept encrypted apart (123); nobody touches another user's row; the service role reads tokens through
-- dialbridge.phoneburner_credentials; anon nothing.
--
-- The browser's writes are shaped as supabase-js sends them through PostgREST: insert (POST), update
-- (PATCH), upsert on user_id (POST + on_conflict: ON CONFLICT (user_id) DO UPDATE SET every sent column =
-- EXCLUDED.column), delete — including SourceCo's settings screen, which upserts the token itself.
begin;
\ir _fixtures/two_teams.psql
insert into public.phoneburner_oauth_tokens (user_id, access_token, refresh_token, expires_at, display_name)
values (tests.user_id('rep.b@rls.test'), 'pb-secret-b', 'pb-refresh-b', now() + interval '1 hour', 'Bea at Bravo');
select plan(25);

-- ---------------------------------------------------------------------------------------------------
-- a rep of team Alpha (no token yet)
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('rep.a@rls.test');

select results_eq(
  $$ insert into public.phoneburner_oauth_tokens (user_id, access_token, display_name)
     values (auth.uid(), 'pb-secret-a', 'Ada at Alpha') returning has_access_token, display_name $$,
  $$ values (true, 'Ada at Alpha') $$,
  'a rep stores their personal access token and sees that it is set');
select results_eq(
  $$ update public.phoneburner_oauth_tokens set access_token = 'pb-secret-a2', refresh_token = 'pb-refresh-a2',
            expires_at = '2031-01-01T00:00:00Z'
      where user_id = auth.uid() returning has_access_token, expires_at $$,
  $$ values (true, '2031-01-01T00:00:00Z'::timestamptz) $$,
  'a rep replaces their token');
select results_eq(
  $$ insert into public.phoneburner_oauth_tokens (user_id, display_name, expires_at)
     select user_id, display_name, expires_at
       from json_populate_recordset(null::public.phoneburner_oauth_tokens,
              json_build_array(json_build_object('user_id', auth.uid(), 'display_name', 'Ada (PB)', 'expires_at', '2032-01-01T00:00:00Z')))
     on conflict (user_id) do update set user_id = excluded.user_id, display_name = excluded.display_name,
                                         expires_at = excluded.expires_at
     returning display_name, expires_at, has_access_token $$,
  $$ values ('Ada (PB)', '2032-01-01T00:00:00Z'::timestamptz, true) $$,
  'a rep upserts their token settings on user_id exactly as supabase-js does, keeping the stored token');
select results_eq($$ select user_id = auth.uid(), has_access_token, display_name from public.phoneburner_oauth_tokens $$,
  $$ values (true, true, 'Ada (PB)') $$,
  'a rep sees exactly their own row');
select results_eq($$ select access_token, refresh_token from public.phoneburner_oauth_tokens $$,
  $$ values ('[encrypted]', '[encrypted]') $$,
  'a rep reads only the marker where their tokens were, never the tokens');
select results_eq($$ select count(*)::int from public.phoneburner_oauth_tokens t where t::text like '%pb-secret%' or t::text like '%pb-refresh%' $$,
  $$ values (0) $$,
  'select * shows no token either');
select is_empty(
  $$ update public.phoneburner_oauth_tokens set display_name = 'x' where access_token like 'pb-%' returning id $$,
  'a rep cannot probe a token''s value through a filter');
select results_eq(
  $$ select has_access_token, token_stored_at is not null from public.phoneburner_oauth_tokens $$,
  $$ values (true, true) $$,
  'the row says a token is set and since when');

select is_empty($$ select id from public.phoneburner_oauth_tokens where user_id = tests.user_id('rep.b@rls.test') $$,
  'a rep cannot see whether another user has a token');
select is_empty(
  $$ update public.phoneburner_oauth_tokens set access_token = 'stolen' where user_id = tests.user_id('rep.b@rls.test') returning id $$,
  'a rep''s update of another user''s token touches no row');
select is_empty($$ delete from public.phoneburner_oauth_tokens where user_id = tests.user_id('rep.b@rls.test') returning id $$,
  'a rep''s delete of another user''s token touches no row');
select throws_ok(
  $$ insert into public.phoneburner_oauth_tokens (user_id, access_token) values (tests.user_id('rep2.a@rls.test'), 'planted') $$,
  '42501', 'new row violates row-level security policy for table "phoneburner_oauth_tokens"',
  'a rep cannot store a token for a teammate');
select throws_ok(
  $$ insert into public.phoneburner_oauth_tokens (user_id, display_name) values (tests.user_id('rep.b@rls.test'), 'Mine now')
     on conflict (user_id) do update set user_id = excluded.user_id, display_name = excluded.display_name $$,
  '42501', 'new row violates row-level security policy for table "phoneburner_oauth_tokens"',
  'a rep cannot upsert over another user''s row');
select throws_ok(
  $$ update public.phoneburner_oauth_tokens set user_id = tests.user_id('rep2.a@rls.test') where user_id = auth.uid() $$,
  '42501', 'a token row cannot change hands',
  'a rep cannot hand their row to a teammate');
select results_eq(
  $$ insert into public.phoneburner_oauth_tokens (user_id, access_token, refresh_token, display_name, is_manual_token, expires_at, updated_at)
     select user_id, access_token, refresh_token, display_name, is_manual_token, expires_at, updated_at
       from json_populate_recordset(null::public.phoneburner_oauth_tokens,
              json_build_array(json_build_object('user_id', auth.uid(), 'access_token', 'pb-secret-a3', 'refresh_token', '',
                'display_name', 'Ada (PB)', 'is_manual_token', true, 'expires_at', '2099-01-01T00:00:00.000Z', 'updated_at', now())))
     on conflict (user_id) do update set user_id = excluded.user_id, access_token = excluded.access_token,
       refresh_token = excluded.refresh_token, display_name = excluded.display_name, is_manual_token = excluded.is_manual_token,
       expires_at = excluded.expires_at, updated_at = excluded.updated_at
     returning access_token, refresh_token, is_manual_token $$,
  $$ values ('[encrypted]', null::text, true) $$,
  'SourceCo''s settings screen upserts the token itself on user_id (refresh_token '''' removes the refresh token)');

-- ---------------------------------------------------------------------------------------------------
-- an admin
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('admin@rls.test');

select results_eq(
  $$ select display_name, has_access_token from public.phoneburner_oauth_tokens order by display_name $$,
  $$ values ('Ada (PB)', true), ('Bea at Bravo', true) $$,
  'an admin sees who has connected PhoneBurner');
select results_eq($$ select distinct access_token from public.phoneburner_oauth_tokens $$,
  $$ values ('[encrypted]') $$,
  'an admin cannot read anyone''s token either');
select is_empty(
  $$ update public.phoneburner_oauth_tokens set access_token = 'admin-swapped' where user_id = tests.user_id('rep.b@rls.test') returning id $$,
  'an admin cannot replace another user''s token');

-- ---------------------------------------------------------------------------------------------------
-- anon
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_anon();

select throws_ok($$ select has_access_token from public.phoneburner_oauth_tokens $$,
  '42501', 'permission denied for table phoneburner_oauth_tokens',
  'anon cannot see who has a token');
select throws_ok($$ insert into public.phoneburner_oauth_tokens (user_id, access_token) values (tests.user_id('rep.a@rls.test'), 'x') $$,
  '42501', 'permission denied for table phoneburner_oauth_tokens',
  'anon cannot store a token');

-- ---------------------------------------------------------------------------------------------------
-- the service role (edge functions and worker calling PhoneBurner)
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_service_role();

select results_eq(
  $$ select access_token, refresh_token, expires_at from dialbridge.phoneburner_credentials(tests.user_id('rep.a@rls.test')) $$,
  $$ values ('pb-secret-a3', null::text, '2099-01-01T00:00:00Z'::timestamptz) $$,
  'the service role reads the token the rep upserted last');
select throws_ok($$ select * from dialbridge.credential_secrets $$, '42501', 'permission denied for table credential_secrets',
  'not even the service role reads the encrypted store directly');

-- ---------------------------------------------------------------------------------------------------
-- the rep again: disconnecting
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('rep.a@rls.test');

select results_eq($$ delete from public.phoneburner_oauth_tokens where user_id = auth.uid() returning display_name $$,
  $$ values ('Ada (PB)') $$,
  'a rep removes their own token');

-- ---------------------------------------------------------------------------------------------------
-- afterwards, as the database owner
-- ---------------------------------------------------------------------------------------------------
select tests.clear_authentication();

select results_eq(
  $$ select c.access_token, t.display_name from public.phoneburner_oauth_tokens t, dialbridge.phoneburner_credentials(t.user_id) c
      where t.user_id = tests.user_id('rep.b@rls.test') $$,
  $$ values ('pb-secret-b', 'Bea at Bravo') $$,
  'the other rep''s token is unchanged');
select is_empty($$ select id from public.phoneburner_oauth_tokens where user_id <> tests.user_id('rep.b@rls.test') $$,
  'no other token row exists (nothing planted, the rep''s own row removed)');

select * from finish();
rollback;
