-- disposition_mappings: every signed-in user reads the mapping table; only admins add, edit or delete
-- mappings; anon nothing.
begin;
\ir _fixtures/two_teams.psql
select count(*)::int as mapping_count from public.disposition_mappings \gset
select plan(17);

-- ---------------------------------------------------------------------------------------------------
-- a rep
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('rep.a@rls.test');

select is((select count(*)::int from public.disposition_mappings), :mapping_count,
  'a rep reads every disposition mapping');
select throws_ok(
  $$ insert into public.disposition_mappings (phoneburner_disposition_code, phoneburner_disposition_label)
     values ('REP_MADE_THIS', 'Rep Made This') $$,
  '42501', 'new row violates row-level security policy for table "disposition_mappings"',
  'a rep cannot add a mapping');
select is_empty(
  $$ update public.disposition_mappings set engagement_score_delta = 50 where phoneburner_disposition_code = 'NOT_INTERESTED' returning id $$,
  'a rep''s edit of a mapping touches no row');
select is_empty($$ delete from public.disposition_mappings where phoneburner_disposition_code = 'DO_NOT_CALL' returning id $$,
  'a rep''s delete of a mapping touches no row');

-- ---------------------------------------------------------------------------------------------------
-- a manager
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('manager.b@rls.test');

select is((select count(*)::int from public.disposition_mappings), :mapping_count,
  'a manager reads every disposition mapping');
select throws_ok(
  $$ insert into public.disposition_mappings (phoneburner_disposition_code, phoneburner_disposition_label)
     values ('MANAGER_MADE_THIS', 'Manager Made This') $$,
  '42501', 'new row violates row-level security policy for table "disposition_mappings"',
  'a manager cannot add a mapping');
select is_empty(
  $$ update public.disposition_mappings set mark_do_not_call = false, suppress_contact = false
      where phoneburner_disposition_code = 'DO_NOT_CALL' returning id $$,
  'a manager''s edit of a mapping touches no row');
select is_empty($$ delete from public.disposition_mappings where phoneburner_disposition_code = 'DO_NOT_CALL' returning id $$,
  'a manager''s delete of a mapping touches no row');

-- ---------------------------------------------------------------------------------------------------
-- an admin
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('admin@rls.test');

select results_eq(
  $$ insert into public.disposition_mappings (phoneburner_disposition_code, phoneburner_disposition_label, category,
                                              sourceco_contact_status, sourceco_contact_stage, engagement_score_delta,
                                              created_by_user_id)
     values ('SENT_TO_LEGAL', 'Sent to Legal', 'administrative', 'Attempted', 'Paused', 0, auth.uid())
     returning phoneburner_disposition_code, is_active $$,
  $$ values ('SENT_TO_LEGAL', true) $$,
  'an admin adds a mapping');
select results_eq(
  $$ update public.disposition_mappings set engagement_score_delta = 15, label_aliases = '{"Referral Given"}'
      where phoneburner_disposition_code = 'REFERRAL_PROVIDED' returning engagement_score_delta, label_aliases $$,
  $$ values (15, '{"Referral Given"}'::text[]) $$,
  'an admin edits a mapping');
select results_eq($$ delete from public.disposition_mappings where phoneburner_disposition_code = 'SENT_TO_LEGAL' returning phoneburner_disposition_label $$,
  $$ values ('Sent to Legal') $$,
  'an admin deletes a mapping');

-- ---------------------------------------------------------------------------------------------------
-- anon
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_anon();

select throws_ok($$ select id from public.disposition_mappings $$, '42501', 'permission denied for table disposition_mappings',
  'anon cannot read mappings');
select throws_ok($$ update public.disposition_mappings set is_active = false $$, '42501', 'permission denied for table disposition_mappings',
  'anon cannot edit mappings');

-- ---------------------------------------------------------------------------------------------------
-- afterwards, as the database owner
-- ---------------------------------------------------------------------------------------------------
select tests.clear_authentication();

select results_eq(
  $$ select engagement_score_delta from public.disposition_mappings where phoneburner_disposition_code = 'NOT_INTERESTED' $$,
  $$ values (-25) $$,
  'the mapping the rep tried to edit is unchanged');
select results_eq(
  $$ select mark_do_not_call, suppress_contact from public.disposition_mappings where phoneburner_disposition_code = 'DO_NOT_CALL' $$,
  $$ values (true, true) $$,
  'the do-not-call mapping the manager tried to weaken is unchanged');
select is((select count(*)::int from public.disposition_mappings), :mapping_count,
  'no mapping was added or lost (the admin''s addition was deleted again)');
select is_empty($$ select id from public.disposition_mappings where phoneburner_disposition_code in ('REP_MADE_THIS', 'MANAGER_MADE_THIS') $$,
  'no mapping was added by a rep or a manager');

select * from finish();
rollback;
