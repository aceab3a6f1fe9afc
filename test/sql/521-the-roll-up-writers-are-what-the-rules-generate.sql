-- The roll-ups' incremental writers (dialbridge.add_to_<roll-up>) are generated from the roll-up rules
-- (rollup_measure_sum, rollup_filter, the tables' columns) by dialbridge.generate_rollup_writers(): a rule
-- changed without regenerating them would make the incremental roll-ups and the recompute disagree. Here:
-- regenerating changes nothing, and every roll-up but session_contact_stats (its reach has its own rule)
-- has its writer; a changed rule changes the writer.
begin;
select plan(4);

create temporary table t521_before as
select p.proname::text collate "default" as name, pg_catalog.pg_get_functiondef(p.oid) as def
  from pg_catalog.pg_proc p
 where p.pronamespace = 'dialbridge'::regnamespace and p.proname like 'add\_to\_%';

select results_eq($$ select name from t521_before order by 1 $$,
  $$ select 'add_to_' || r from dialbridge.rollups() r where r <> 'session_contact_stats' order by 1 $$,
  'every roll-up has its generated writer');
select results_eq($$ select * from dialbridge.generate_rollup_writers() order by 1 $$,
  $$ select 'dialbridge.add_to_' || r from dialbridge.rollups() r where r <> 'session_contact_stats' order by 1 $$,
  'the generator writes them all');
select is((select count(*)::int from t521_before b
             join pg_catalog.pg_proc p on p.proname = b.name and p.pronamespace = 'dialbridge'::regnamespace
            where pg_catalog.pg_get_functiondef(p.oid) is distinct from b.def), 0,
  'and regenerating them changes nothing: the writers in the database are what the current rules generate');

-- a rule changed: the writer follows once regenerated
create or replace function dialbridge.rollup_measure_sum(p_measure text) returns text
language sql immutable set search_path = '' as $$ select 'coalesce(sum(s.w * s.' || pg_catalog.quote_ident(p_measure) || ') * 2, 0)' $$;
select dialbridge.generate_rollup_writers();
select ok((select pg_catalog.pg_get_functiondef('dialbridge.add_to_rep_daily_stats(dialbridge.rollup_contribution[])'::regprocedure)
           like '%sum(s.w * s.calls) * 2%'), 'a changed rule changes the generated writer');

select * from finish();
rollback;
