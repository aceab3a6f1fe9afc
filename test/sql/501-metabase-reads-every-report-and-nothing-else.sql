-- The reports schema is what Metabase and the frontend read. Metabase connects as a member of the
-- read-only role dialbridge_metabase: it reads every reports view (every team's rows) and nothing else —
-- no public table, no private roll-up, no write. The frontend reads the same views through row-level
-- security: a rep sees their team, an admin everyone, anon nothing. Every view is security_invoker and
-- documented (Metabase shows the comments to analysts).
begin;
select plan(21);

select tests.create_user('rep.a@metabase.test', 'Metabase Alpha', 'rep');
select tests.create_user('rep.b@metabase.test', 'Metabase Bravo', 'rep');
select tests.create_user('admin@metabase.test', null, 'admin');
select tests.report_call(tests.report_contact('Metabase Alpha', 'Alma'), 'rep.a@metabase.test', tests.report_noon(1),
                         'connected', 120, 'INTERESTED');
select tests.report_call(tests.report_contact('Metabase Bravo', 'Bruno'), 'rep.b@metabase.test', tests.report_noon(1),
                         'no_answer');

-- The schema
select has_role('dialbridge_metabase', 'the Metabase role exists');
select is((select rolcanlogin from pg_catalog.pg_roles where rolname = 'dialbridge_metabase'), false,
  'the Metabase role cannot log in itself (a login role is granted it)');
select cmp_ok((select count(*)::integer from pg_catalog.pg_class where relnamespace = 'reports'::regnamespace and relkind = 'v'),
  '>=', 20, 'the reports schema holds the report views');
select is_empty(
  $$ select c.relname::text from pg_catalog.pg_class c
      where c.relnamespace = 'reports'::regnamespace and c.relkind = 'v'
        and not coalesce(c.reloptions @> array['security_invoker=true'], false) $$,
  'every reports view is security_invoker (the caller''s row-level security applies)');
select is_empty(
  $$ select c.relname::text from pg_catalog.pg_class c
      where c.relnamespace = 'reports'::regnamespace and c.relkind = 'v'
        and pg_catalog.obj_description(c.oid, 'pg_class') is null $$,
  'every reports view has a comment');
select is_empty(
  $$ select c.relname || '.' || a.attname from pg_catalog.pg_class c
       join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where c.relnamespace = 'reports'::regnamespace and c.relkind = 'v'
        and pg_catalog.col_description(c.oid, a.attnum) is null $$,
  'every column of every reports view has a comment');

-- Metabase
set local role dialbridge_metabase;
select is_empty($$ select * from tests.unreadable_reports() $$, 'Metabase reads every reports view');
select results_eq(
  $$ select team_name, dials from reports.rep_performance_daily
      where team_name in ('Metabase Alpha', 'Metabase Bravo') order by team_name $$,
  $$ values ('Metabase Alpha'::text, 1), ('Metabase Bravo', 1) $$,
  'Metabase sees every team''s numbers');
select throws_ok($$ select count(*) from public.contacts $$, '42501', null,
  'Metabase cannot read the contacts table');
select throws_ok($$ select count(*) from public.contact_activities $$, '42501', null,
  'Metabase cannot read the activities table');
select throws_ok($$ select count(*) from public.phoneburner_webhooks_log $$, '42501', null,
  'Metabase cannot read the webhook log (payloads hold personal data)');
select throws_ok($$ select count(*) from dialbridge.rep_daily_stats $$, '42501', null,
  'Metabase cannot read the private roll-ups directly');
select throws_ok($$ select count(*) from dialbridge.report_contacts $$, '42501', null,
  'Metabase cannot read the private source views directly');
select throws_ok($$ select dialbridge.rebuild_rollups() $$, '42501', null,
  'Metabase cannot run private functions');
reset role;
select is_empty(
  $$ select c.relname::text from pg_catalog.pg_class c
      where c.relnamespace = 'reports'::regnamespace
        and pg_catalog.has_table_privilege('dialbridge_metabase', c.oid, 'insert, update, delete, truncate, references, trigger') $$,
  'Metabase holds no write privilege on any report');

-- The frontend: a rep, an admin, anon
select tests.authenticate_as('rep.a@metabase.test');
select results_eq(
  $$ select team_name from reports.rep_performance_daily $$,
  $$ values ('Metabase Alpha'::text) $$,
  'a rep reads their own team''s numbers');
select is_empty(
  $$ select * from reports.rep_performance_daily where team_name = 'Metabase Bravo' $$,
  'a rep does not see another team''s numbers');
select is_empty(
  $$ select * from reports.contact_engagement where first_name = 'Bruno' $$,
  'a rep does not see another team''s contacts in a report');
select tests.authenticate_as('admin@metabase.test');
select results_eq(
  $$ select team_name from reports.rep_performance_daily
      where team_name in ('Metabase Alpha', 'Metabase Bravo') order by 1 $$,
  $$ values ('Metabase Alpha'::text), ('Metabase Bravo') $$,
  'an admin reads every team''s numbers');
select tests.authenticate_as_anon();
select throws_ok($$ select * from reports.rep_performance_daily $$, '42501', null,
  'anon cannot read reports');
select tests.clear_authentication();
select is((select count(*)::integer from pg_catalog.pg_class c
            where c.relnamespace = 'reports'::regnamespace and c.relkind = 'v'
              and pg_catalog.has_table_privilege('anon', c.oid, 'select')), 0,
  'anon holds no grant on any report');

select * from finish();
rollback;
