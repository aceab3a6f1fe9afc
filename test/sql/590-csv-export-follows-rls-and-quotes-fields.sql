-- CSV export of any report (reports.export_csv): RFC 4180 text (header, CRLF, quoted fields), spreadsheet
-- formulas neutralised in text, filters / order / limit validated against the view, and the caller's
-- row-level security deciding the rows, exactly as when reading the view.
begin;
select plan(15);

select tests.create_user('oz@csv.test', 'Csv Team', 'rep');
select tests.create_user('pia@csv.test', 'Csv Other', 'rep');
update public.profiles set display_name = 'Oz, "the rep"' where id = tests.user_id('oz@csv.test');
create temporary table c as select tests.report_contact('Csv Team', 'Cara') as id;
grant select on c to authenticated;
select tests.report_call((select id from c), 'oz@csv.test', tests.report_noon(3), 'connected', 100, 'INTERESTED',
                         null, null, null, E'Line one,\nline two');
select tests.report_call((select id from c), 'oz@csv.test', tests.report_noon(2), 'connected', 100, 'INTERESTED',
                         null, null, null, '=HYPERLINK("http://evil.example")');
select tests.report_call((select id from c), 'oz@csv.test', tests.report_noon(1), 'no_answer');

create function pg_temp.lines(p_csv text) returns text[] language sql immutable
as $$ select (string_to_array(p_csv, E'\r\n'))[1:greatest(array_length(string_to_array(p_csv, E'\r\n'), 1) - 1, 0)] $$;

select is((pg_temp.lines(reports.export_csv('contact_timeline', jsonb_build_object('contact_id', (select id from c)))))[1],
  (select string_agg(a.attname, ',' order by a.attnum) from pg_attribute a
    where a.attrelid = 'reports.contact_timeline'::regclass and a.attnum > 0 and not a.attisdropped),
  'the first line names the view''s columns, in order');
select is(array_length(pg_temp.lines(reports.export_csv('contact_timeline', jsonb_build_object('contact_id', (select id from c)))), 1),
  4, 'then one line per row (CRLF line ends)');
select ok(reports.export_csv('contact_timeline', jsonb_build_object('contact_id', (select id from c))) like '%,"Oz, ""the rep""",%',
  'a field with a comma or quotes is quoted, its quotes doubled');
select ok(reports.export_csv('contact_timeline', jsonb_build_object('contact_id', (select id from c))) like E'%,"Line one,\nline two",%',
  'a field with a line break is quoted and keeps it');
select ok(reports.export_csv('contact_timeline', jsonb_build_object('contact_id', (select id from c))) like '%,"''=HYPERLINK(""http://evil.example"")",%',
  'text a spreadsheet would run as a formula is prefixed with a quote');
select results_eq(
  $$ values (dialbridge.csv_field('-5', false), dialbridge.csv_field('-5', true), dialbridge.csv_field(null), dialbridge.csv_field(' padded')) $$,
  $$ values ('-5'::text, '''-5'::text, ''::text, '" padded"'::text) $$,
  'numbers keep their sign; nulls are empty; edge spaces are quoted');

select is(array_length(pg_temp.lines(reports.export_csv('contact_timeline',
            jsonb_build_object('contact_id', (select id from c), 'outcome', jsonb_build_object('in', array['Connected']),
                               'occurred_at', jsonb_build_object('lt', tests.report_noon(1)::text)))), 1),
  3, 'filters: equality, in, and comparisons');
select ok((pg_temp.lines(reports.export_csv('contact_timeline', jsonb_build_object('contact_id', (select id from c)),
                                             'occurred_at desc', 1)))[2] like '%Call - No answer%',
  'order and limit: the newest call only');

select throws_ok($$ select reports.export_csv('contacts') $$, 'DB050', null, 'only views of the reports schema can be exported');
select throws_ok($$ select reports.export_csv('contact_timeline', '{"phone": "1"}') $$, 'DB051', null,
  'a filter on a column the report does not have is refused');
select throws_ok($$ select reports.export_csv('contact_timeline', '{"title": {"matches": "x"}}') $$, 'DB051', null,
  'an unknown filter operator is refused');
select throws_ok($$ select reports.export_csv('contact_timeline', '{}', 'occurred_at; drop table public.contacts') $$, 'DB051', null,
  'an order that is not "column [asc|desc]" is refused (no SQL gets through)');
select throws_ok($$ select reports.export_csv('contact_timeline', '{}', null, 0) $$, 'DB051', null,
  'a limit outside 1 … 1,000,000 is refused');

select tests.authenticate_as('oz@csv.test');
select is(array_length(pg_temp.lines(reports.export_csv('contact_timeline', jsonb_build_object('contact_id', (select id from c)))), 1),
  4, 'the rep exports their team''s rows');
select tests.authenticate_as('pia@csv.test');
select is(array_length(pg_temp.lines(reports.export_csv('contact_timeline', jsonb_build_object('contact_id', (select id from c)))), 1),
  1, 'another team exports the header only: row-level security applies to the export');
select tests.clear_authentication();

select * from finish();
rollback;
