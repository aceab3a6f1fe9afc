-- phoneburner_oauth_tokens: a rep stores, replaces and removes their own PhoneBurner token and sees
-- whether it is set, never the token itself (column privileges); nobody touches another user's row; the
-- service role reads tokens; anon nothing.
--
-- The browser's writes are shaped as supabase-js sends them through PostgREST: insert (POST), update
-- (PATCH), upsert on user_id (POST + on_conflict: ON CONFLICT (user_id) DO UPDATE SET every sent column =
-- EXCLUDED.column), delete. An upsert that sends the token itself cannot work: reading
-- EXCLUDED.access_token needs SELECT on the column, which the browser never gets — the last assertion of
-- the rep's section pins that trade-off down.
begin;
\ir _fixtures/two_teams.psql
insert into public.phoneburner_oauth_tokens (user_id, access_token, refresh_token, expires_at, display_name)
values (tests.user_id('rep.b@rls.test'), 'pb-secret-b', 'pb-refresh-b', now() + interval '1 hour', 'Bea at Bravo');
select plan(24);

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
select throws_ok($$ select access_token from public.phoneburner_oauth_tokens $$,
  '42501', 'permission denied for table phoneburner_oauth_tokens',
  'a rep cannot read their access token');
select throws_ok($$ select refresh_token from public.phoneburner_oauth_tokens $$,
  '42501', 'permission denied for table phoneburner_oauth_tokens',
  'a rep cannot read their refresh token');
select throws_ok($$ select * from public.phoneburner_oauth_tokens $$,
  '42501', 'permission denied for table phoneburner_oauth_tokens',
  'a rep cannot read the tokens through select *');
select throws_ok(
  $$ update public.phoneburner_oauth_tokens set display_name = 'x' where access_token like 'pb-%' $$,
  '42501', 'permission denied for table phoneburner_oauth_tokens',
  'a rep cannot probe a token''s value through a filter');

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
  '42501', 'new row violates row-level security policy for table "phoneburner_oauth_tokens"',
  'a rep cannot hand their row to a teammate');
select throws_ok(
  $$ insert into public.phoneburner_oauth_tokens (user_id, access_token) values (auth.uid(), 'pb-secret-a3')
     on conflict (user_id) do update set user_id = excluded.user_id, access_token = excluded.access_token $$,
  '42501', 'permission denied for table phoneburner_oauth_tokens',
  'an upsert that sends the token itself is refused: it would need SELECT on the token (store it with insert or update)');

-- ---------------------------------------------------------------------------------------------------
-- an admin
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('admin@rls.test');

select results_eq(
  $$ select display_name, has_access_token from public.phoneburner_oauth_tokens order by display_name $$,
  $$ values ('Ada (PB)', true), ('Bea at Bravo', true) $$,
  'an admin sees who has connected PhoneBurner');
select throws_ok($$ select access_token from public.phoneburner_oauth_tokens $$,
  '42501', 'permission denied for table phoneburner_oauth_tokens',
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
  $$ select access_token, refresh_token from public.phoneburner_oauth_tokens where user_id = tests.user_id('rep.a@rls.test') $$,
  $$ values ('pb-secret-a2', 'pb-refresh-a2') $$,
  'the service role reads the token the rep stored (the upsert of settings kept it)');

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
  $$ select access_token, display_name from public.phoneburner_oauth_tokens where user_id = tests.user_id('rep.b@rls.test') $$,
  $$ values ('pb-secret-b', 'Bea at Bravo') $$,
  'the other rep''s token is unchanged');
select is_empty($$ select id from public.phoneburner_oauth_tokens where user_id <> tests.user_id('rep.b@rls.test') $$,
  'no other token row exists (nothing planted, the rep''s own row removed)');

select * from finish();
rollback;
