-- Calling hours in the called party's local time: the legal window (08:00–21:00, stricter states such as
-- Florida 08:00–20:00), the campaign's active hours and days, the zone from what is known (zone, state,
-- ZIP, area code; uncertain → every candidate must allow the call), across New York's clock changes, and
-- the queue's "outside hours until …". The clock: explicit moments (as_of) only, no wall clock.
begin;
select plan(24);
set local client_min_messages = error;

create temporary table place (name text primary key, zones text[], state text);
insert into place values
  ('ny', dialbridge.called_party_time_zones('America/New_York', 'NY', '10001', '+12125550100'), dialbridge.called_party_state('NY', '10001', '+12125550100')),
  ('fl by state', dialbridge.called_party_time_zones(null, 'FL', null, '+12125550100'), dialbridge.called_party_state('FL', null, '+12125550100')),
  ('fl by area code', dialbridge.called_party_time_zones(null, null, null, '+13055550100'), dialbridge.called_party_state(null, null, '+13055550100')),
  ('fl by zip', dialbridge.called_party_time_zones(null, null, '33101', '+12125550100'), dialbridge.called_party_state(null, '33101', '+12125550100')),
  ('us unknown', dialbridge.called_party_time_zones(null, null, null, '+15555550100'), dialbridge.called_party_state(null, null, '+15555550100')),
  ('la', dialbridge.called_party_time_zones(null, 'CA', null, '+13105550100'), dialbridge.called_party_state(null, null, '+13105550100')),
  ('uk', dialbridge.called_party_time_zones(null, null, null, '+442071234567'), dialbridge.called_party_state(null, null, '+442071234567'));

create function pg_temp.ok(p_place text, p_at text, p_hours jsonb default '{}', p_tz text default 'America/New_York') returns boolean
language sql stable as $$
  select dialbridge.is_callable_at(p.zones, p.state, p_hours, p_tz, p_at::timestamptz) from place p where p.name = p_place
$$;

-- where a called party is
select is((select zones from place where name = 'fl by state'), array['America/Chicago', 'America/New_York'],
  'a Florida contact may be in either of its state''s zones');
select is((select state from place where name = 'fl by area code'), 'FL', 'with no state or ZIP, the area code tells the state (305: Florida)');
select is((select state from place where name = 'fl by zip'), 'FL', 'a ZIP tells the state before the area code does (331xx: Florida, number from New York)');
select is((select cardinality(zones) from place where name = 'us unknown'), 7, 'a +1 number whose area code is unknown may be in any US zone');
select is((select zones from place where name = 'uk'), '{}'::text[], 'a number outside North America with no zone is unknown (the campaign''s zone applies)');

-- the federal window in New York (winter: UTC-5)
select is(pg_temp.ok('ny', '2027-01-12 12:59:00+00'), false, '07:59 in New York is too early');
select is(pg_temp.ok('ny', '2027-01-12 13:00:00+00'), true, '08:00 is allowed');
select is(pg_temp.ok('ny', '2027-01-13 01:59:00+00'), true, '20:59 is allowed');
select is(pg_temp.ok('ny', '2027-01-13 02:00:00+00'), false, '21:00 is too late');

-- Florida: 08:00–20:00, and both of its zones
select is(pg_temp.ok('fl by state', '2027-01-13 01:00:00+00'), false, 'at 20:00 Eastern Florida''s window has closed...');
select is(pg_temp.ok('ny', '2027-01-13 01:00:00+00'), true, '...while a New Yorker may still be called');
select is(pg_temp.ok('fl by area code', '2027-01-13 01:30:00+00'), false, 'a Florida number is not called at 20:30 Eastern (Florida''s 20:00 limit)');
select is(pg_temp.ok('fl by zip', '2027-01-12 13:30:00+00'), false, '08:30 Eastern is 07:30 in Florida''s Central part: the stricter candidate wins');
select is(pg_temp.ok('fl by zip', '2027-01-12 14:00:00+00'), true, '09:00 Eastern = 08:00 Central is allowed');

-- unknown US zone: from 08:00 in Honolulu to 21:00 in New York
select is(pg_temp.ok('us unknown', '2027-01-12 17:59:00+00'), false, 'an unplaced +1 number waits for 08:00 in Hawaii (12:59 Eastern)');
select is(pg_temp.ok('us unknown', '2027-01-12 18:00:00+00'), true, 'and is callable from 13:00 Eastern');

-- the campaign's active hours and days, in the called party's time
select is(pg_temp.ok('la', '2027-01-12 16:30:00+00', '{"start": "09:00", "end": "17:00"}'), false,
  'a 09:00–17:00 campaign does not call Los Angeles at 08:30 there (11:30 in New York)');
select is(pg_temp.ok('la', '2027-01-12 17:00:00+00', '{"start": "09:00", "end": "17:00"}'), true, 'and does at 09:00 there');
select is(pg_temp.ok('ny', '2027-01-16 15:00:00+00', '{"days": ["mon", "tue", "wed", "thu", "fri"]}'), false,
  'a weekdays-only campaign does not call on a Saturday');
select is(pg_temp.ok('uk', '2027-01-12 12:00:00+00', '{}', 'Europe/London'), true,
  'an unknown zone is read in the campaign''s zone (12:00 in London)');

-- across New York's clock changes: the same UTC moment, a different local hour
select is(pg_temp.ok('ny', '2027-03-13 12:30:00+00'), false, 'Saturday before the spring change, 12:30 UTC is 07:30 EST: too early');
select is(pg_temp.ok('ny', '2027-03-14 12:30:00+00'), true, 'the Sunday after it, 12:30 UTC is 08:30 EDT: allowed');
select is((select dialbridge.callable_from(p.zones, p.state, '{}', 'America/New_York', '2027-03-14 02:30:00+00') from place p where p.name = 'ny'),
  '2027-03-14 12:00:00+00'::timestamptz, 'from 21:30 EST on the night of the change, the next opening is 08:00 EDT (12:00 UTC)');

-- the queue says until when
select tests.create_user('owner@dial603.test', 'Dial 603');
select tests.push_contact('Dial 603', 'Late', 'Evening', '+12125556301') as late \gset
select tests.dialer_campaign('owner@dial603.test', 'Evening', array[:'late']::uuid[]) as c \gset
update public.campaign_contacts set created_at = '2027-01-01 00:00:00+00' where campaign_id = :'c';
select tests.authenticate_as('owner@dial603.test');
select results_eq(format($$ select queue_status, detail, available_at from public.next_contact_to_dial(%L, null, '2027-01-13 02:30:00+00') $$, :'c'),
  $$ values ('outside_hours'::text, 'Nothing to dial now: everyone left is outside calling hours until Wed 08:00 (America/New_York)'::text,
             '2027-01-13 13:00:00+00'::timestamptz) $$,
  'at 21:30 in New York the queue is empty until 08:00 the next morning, and says so');

select * from finish();
rollback;
