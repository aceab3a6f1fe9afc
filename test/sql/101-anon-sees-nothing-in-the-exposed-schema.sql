-- anon (a request without a signed-in user) sees nothing: no privilege on any table, view or sequence
-- of `public`, and selecting from each of them is refused or empty. Neither API role may move a
-- sequence (UPDATE on a sequence is setval: a browser could make the next insert collide). Generic over
-- pg_class, so objects other migrations add are judged too.
begin;
\ir _fixtures/two_teams.psql

/** As the caller: every public relation with what a plain select gets (denied, empty or rows). */
create function tests.what_i_can_select() returns table (relation text, outcome text)
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  r record;
  n bigint;
begin
  for r in select c.oid::regclass as rel, c.relname::text as name from pg_catalog.pg_class c
            where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
            order by c.relname
  loop
    begin
      execute format('select count(*) from (select 1 from %s limit 1) as s', r.rel) into n;
      relation := r.name;
      outcome := case when n = 0 then 'empty' else 'rows' end;
    exception when insufficient_privilege then
      relation := r.name;
      outcome := 'denied';
    end;
    return next;
  end loop;
end
$$;
grant execute on function tests.what_i_can_select() to anon;
select plan(5);

select is_empty(
  $$ select c.oid::regclass::text
       from pg_catalog.pg_class c
      where c.relnamespace = 'public'::regnamespace
        and c.relkind in ('r', 'p', 'v', 'm', 'f')
        and (pg_catalog.has_table_privilege('anon', c.oid, 'select, insert, update, delete, truncate, references, trigger')
             or pg_catalog.has_any_column_privilege('anon', c.oid, 'select, insert, update, references'))
      order by 1 $$,
  'anon holds no privilege on any table or view in public');
select is_empty(
  $$ select c.oid::regclass::text || ' (' || r.rolname || ')'
       from pg_catalog.pg_class c
       cross join (values ('anon'), ('authenticated')) as r(rolname)
      where c.relnamespace = 'public'::regnamespace
        and c.relkind = 'S'
        and (pg_catalog.has_sequence_privilege(r.rolname, c.oid, 'update')
             or (r.rolname = 'anon' and pg_catalog.has_sequence_privilege('anon', c.oid, 'usage, select')))
      order by 1 $$,
  'no API role can move a sequence in public, and anon cannot even read one');

-- ---------------------------------------------------------------------------------------------------
-- anon, with every team's rows present
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_anon();
create temporary table anon_sees on commit drop as select * from tests.what_i_can_select();

select is_empty($$ select relation from anon_sees where outcome <> 'denied' and outcome <> 'empty' $$,
  'anon reads no row of any table or view in public');
select isnt_empty($$ select relation from anon_sees where relation = 'contacts' and outcome = 'denied' $$,
  'the check really ran as anon (contacts refused it)');

select tests.clear_authentication();
select isnt_empty($$ select relation from tests.what_i_can_select() where relation = 'contacts' and outcome = 'rows' $$,
  'the same check as the owner finds the fixture''s contacts (so it can tell rows from none)');

select * from finish();
rollback;
