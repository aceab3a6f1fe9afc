begin;
select plan(22);

-- The clock: everything is relative to now() (the transaction's start), including the calling-hours
-- checks, which ask at 20:30 and 21:30 New York time on the day now() falls on in New York.
select (date_trunc('day', now() at time zone 'America/New_York') + interval '20 hours 30 minutes')
         at time zone 'America/New_York' as ny_evening \gset

select tests.create_user('pia@sourceco.com', 'push-buyers', 'rep') \gset
select tests.create_user('mgr@sourceco.com', 'push-buyers', 'manager') \gset
select tests.create_user('otto@sourceco.com', 'push-others', 'rep') \gset

-- the list, in the order the rep picked it
select tests.push_contact('push-buyers', 'Ready', 'Buyer', '+12125550101') as ready \gset
select tests.push_contact('push-buyers', 'Asked', 'Removal', '+12125550102') as own_dnc \gset
select tests.push_contact('push-buyers', 'Shared', 'Number', '+12125550103') as number_dnc \gset
select tests.push_contact('push-others', 'Other', 'Team', '+12125550103') as other_team_dnc \gset
select tests.push_contact('push-buyers', 'Internal', 'Policy', '+12125550104') as internal \gset
select tests.push_contact('push-buyers', 'Not', 'Interested', '+12125550105') as suppressed \gset
select tests.push_contact('push-buyers', 'Wrong', 'Number', '+12125550106') as flagged \gset
select tests.push_contact('push-buyers', 'Letters', 'Only', '555-CALL-ME') as unparseable \gset
select tests.push_contact('push-buyers', 'No', 'Phone', null) as no_phone \gset
select tests.push_contact('push-buyers', 'Nolast', null, '+12125550107') as no_last \gset
select tests.push_contact('push-buyers', 'Called', 'Recently', '+12125550108', '{"last_call_days_ago": 2}') as recent_buyer \gset
select tests.push_contact('push-buyers', 'Seller', 'Tendays', '+12125550109', '{"last_call_days_ago": 10, "contact_type": "seller"}') as recent_seller \gset
select tests.push_contact('push-buyers', 'Buyer', 'Tendays', '+12125550110', '{"last_call_days_ago": 10}') as old_buyer \gset
select tests.push_contact('push-buyers', 'In', 'Session', '+12125550111') as in_session \gset
select tests.push_contact('push-buyers', 'Same', 'Phone', '+12125550101') as dup_phone \gset
select tests.push_contact('push-buyers', 'Same', 'Email', '+12125550112', '{"email": "ready.buyer@example.test"}') as dup_email \gset
select tests.push_contact('push-buyers', 'Ready', 'Buyer', '+12125550113', '{"email": null}') as dup_name \gset
select tests.push_contact('push-buyers', 'No', 'Company', '+12125550114', '{"company": null, "email": null}') as no_company \gset

update contacts set do_not_call = true, do_not_call_reason = 'user_requested', do_not_call_set_at = now() where id = :'own_dnc';
update contacts set do_not_call = true, do_not_call_reason = 'user_requested' where id = :'other_team_dnc';
insert into suppressions (contact_id, team_id, suppression_type, reason, source)
values (:'internal', tests.team_id('push-buyers'), 'internal', 'internal_policy', 'manual');
insert into suppressions (contact_id, team_id, suppression_type, reason, source, expires_at)
values (:'suppressed', tests.team_id('push-buyers'), 'internal', 'not_interested', 'disposition', now() + interval '1 year');
update contacts set phone_number_invalid = true, phone_number_invalid_reason = 'disconnected' where id = :'flagged';
update contacts set industry = 'Business Services' where id in (:'ready', :'old_buyer');
select tests.push_session('push-buyers', 'mgr@sourceco.com', 'PE Buyers - Nov 2026', array[:'in_session']::uuid[]) as session \gset

create temporary table list on commit drop as
select array[:'ready', :'own_dnc', :'number_dnc', :'internal', :'suppressed', :'flagged', :'unparseable', :'no_phone',
             :'no_last', :'recent_buyer', :'recent_seller', :'old_buyer', :'in_session', :'dup_phone', :'dup_email',
             :'dup_name', :'no_company', :'other_team_dnc']::uuid[] as ids;
grant select on list to authenticated;

-- ---------------------------------------------------------------------------------------------------
-- as a rep of the team
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('pia@sourceco.com');

select results_eq(
  $$select display_name, status, reason, is_overridable
      from dialbridge.push_candidates((select ids from list), '{}', now()) order by ord$$,
  $$values ('Ready Buyer', 'ready', null, false),
           ('Asked Removal', 'excluded', 'legal_dnc', false),
           ('Shared Number', 'excluded', 'legal_dnc', false),
           ('Internal Policy', 'excluded', 'internal_dnc', true),
           ('Not Interested', 'excluded', 'suppressed', true),
           ('Wrong Number', 'excluded', 'invalid_phone', true),
           ('Letters Only', 'excluded', 'invalid_phone', false),
           ('No Phone', 'excluded', 'missing_phone', false),
           ('Nolast', 'excluded', 'missing_name', true),
           ('Called Recently', 'excluded', 'recently_contacted', true),
           ('Seller Tendays', 'excluded', 'recently_contacted', true),
           ('Buyer Tendays', 'ready', null, false),
           ('In Session', 'excluded', 'already_in_session', true),
           ('Same Phone', 'excluded', 'duplicate_in_list', true),
           ('Same Email', 'excluded', 'duplicate_in_list', true),
           ('Ready Buyer', 'excluded', 'duplicate_in_list', true),
           ('No Company', 'ready', null, false)$$,
  'each contact the rep can see shows its first exclusion reason, whether it may be overridden, in list order (the other team''s contact is not in the list at all)');

select results_eq(
  $$select display_name, detail from dialbridge.push_candidates((select ids from list), '{}', now())
     where status = 'excluded' order by ord$$,
  $$values ('Asked Removal', 'Requested removal'),
           ('Shared Number', 'Requested removal'),
           ('Internal Policy', 'Internal policy'),
           ('Not Interested', 'Not interested (until ' || to_char((now() + interval '1 year') at time zone 'UTC', 'YYYY-MM-DD') || ')'),
           ('Wrong Number', 'Flagged: disconnected'),
           ('Letters Only', 'Number cannot be read as a phone number'),
           ('No Phone', 'No phone number'),
           ('Nolast', 'No last name'),
           ('Called Recently', 'Called 2 days ago'),
           ('Seller Tendays', 'Called 10 days ago'),
           ('In Session', 'In "PE Buyers - Nov 2026" since ' || to_char((now() - interval '1 day') at time zone 'UTC', 'YYYY-MM-DD')),
           ('Same Phone', 'Same phone as Ready Buyer'),
           ('Same Email', 'Same email as Ready Buyer'),
           ('Ready Buyer', 'Same name and company as an earlier contact')$$,
  'each exclusion says why in the words the push modal shows (a legal request on another team''s contact blocks the number here too)');

select results_eq(
  $$select display_name, warnings from dialbridge.push_candidates((select ids from list), '{}', now()) where status = 'ready' order by ord$$,
  $$values ('Ready Buyer', '{}'::text[]), ('Buyer Tendays', '{}'::text[]), ('No Company', '{missing_email,missing_company}'::text[])$$,
  'a missing email or company warns without excluding');

select is((preview_push((select ids from list)) ->> 'ready_count')::int, 3, 'the preview counts the contacts ready to push');
select is((preview_push((select ids from list)) ->> 'excluded_count')::int, 14, 'and the contacts excluded');
select results_eq(
  $$select e ->> 'reason', e ->> 'label', (e ->> 'count')::int, (e ->> 'is_overridable')::boolean
      from jsonb_array_elements(preview_push((select ids from list)) -> 'excluded') e$$,
  $$values ('legal_dnc', 'Legal do-not-call', 2, false), ('internal_dnc', 'Internal do-not-call', 1, true),
           ('suppressed', 'Suppressed', 1, true), ('invalid_phone', 'Invalid phone number', 2, false),
           ('missing_phone', 'Missing phone number', 1, false), ('missing_name', 'Missing first or last name', 1, true),
           ('recently_contacted', 'Recently contacted', 2, true), ('already_in_session', 'Already in an active session', 1, true),
           ('duplicate_in_list', 'Duplicate in this list', 3, true)$$,
  'exclusions come grouped by reason, strongest first, with the contacts'' count and whether the group can be overridden');
select results_eq(
  $$select c ->> 'name', c ->> 'company', c ->> 'detail'
      from jsonb_array_elements(preview_push((select ids from list)) -> 'excluded') e, jsonb_array_elements(e -> 'contacts') c
     where e ->> 'reason' = 'recently_contacted'$$,
  $$values ('Called Recently', 'Heritage Capital Partners', 'Called 2 days ago'),
           ('Seller Tendays', 'Heritage Capital Partners', 'Called 10 days ago')$$,
  'each excluded contact is listed with name, company and detail');
select is(preview_push((select ids from list)) ->> 'dialable_label', '10 dialable / 17 total',
  'the dialable count leaves out do-not-call, suppressed, bad and missing numbers');
select is(preview_push((select ids from list)) ->> 'estimated_dial_time', '~8 minutes',
  'the dial time estimate is 2.5 minutes per ready contact');
select is(preview_push((select ids from list)) ->> 'suggested_session_name',
  'Buyers - PE Firm - ' || to_char(now() at time zone 'UTC', 'Mon YYYY'),
  'the suggested name follows the smart naming of seed 002, from the contacts that will be pushed');
select is(preview_push(p_filter => '{"contact_type": "buyer", "state": "ny", "industry": ["Business Services"]}') ->> 'suggested_session_name',
  'Buyers - PE Firm - Business Services - NY - ' || to_char(now() at time zone 'UTC', 'Mon YYYY'),
  'a filtered industry and state join the name');

-- thresholds: per team setting, per push option
select is((select count(*)::int from dialbridge.push_candidates((select ids from list), '{"skip_recent_days": 0}', now())
            where reason = 'recently_contacted'), 0, 'skip_recent_days 0 includes recently contacted contacts');
select is((select count(*)::int from dialbridge.push_candidates((select ids from list), '{"skip_recent_days": 30}', now())
            where reason = 'recently_contacted'), 3, 'a push threshold of 30 days applies to buyers and sellers alike');
select tests.clear_authentication();

select tests.authenticate_as('mgr@sourceco.com');
insert into push_settings (team_id, recent_contact_days_buyer, recent_contact_days_seller, minutes_per_contact)
values (tests.team_id('push-buyers'), 1, 7, 5);
select tests.clear_authentication();
select tests.authenticate_as('pia@sourceco.com');
select is((select count(*)::int from dialbridge.push_candidates((select ids from list), '{}', now())
            where reason = 'recently_contacted'), 0, 'the team''s thresholds (buyers 1 day, sellers 7) decide by default');
select is(preview_push((select ids from list)) ->> 'estimated_dial_time', '~25 minutes', 'and so does its minutes per contact');

-- adding to the session the contact is already in updates it instead of excluding it
select results_eq(
  format($$select status, action from dialbridge.push_candidates(array[%L]::uuid[], '{"target_session_id": "%s"}', now())$$,
         :'in_session', :'session'),
  $$values ('ready', 'update')$$,
  'a contact already in the chosen session is updated there (update_existing defaults to true)');
select results_eq(
  format($$select status, detail from dialbridge.push_candidates(array[%L]::uuid[], '{"target_session_id": "%s", "update_existing": false}', now())$$,
         :'in_session', :'session'),
  $$values ('excluded', 'Already in this session')$$,
  'without update_existing it is excluded as already in the session');

-- calling hours, in the called party's time zone (Florida: 20:00, stricter than the federal 21:00)
select tests.clear_authentication();
update contacts set timezone = null, state = 'FL' where id = :'old_buyer';
update contacts set timezone = 'America/Los_Angeles' where id = :'ready';
select tests.authenticate_as('pia@sourceco.com');
select results_eq(
  format($$select display_name, is_outside_calling_hours, local_time
      from dialbridge.push_candidates((select ids from list), '{}', %L)
     where status = 'ready' and display_name in ('Ready Buyer', 'Buyer Tendays', 'No Company') order by ord$$, :'ny_evening'),
  $$values ('Ready Buyer', false, '17:30'), ('Buyer Tendays', true, '19:30, 20:30'), ('No Company', false, '20:30')$$,
  'at 20:30 in New York: Florida (either of its zones, 08:00–20:00 there) is outside, New York (until 21:00) and Los Angeles are inside');
select results_eq(
  format($$select c ->> 'name', c ->> 'local_time'
      from jsonb_array_elements(preview_push((select ids from list), as_of => %L::timestamptz + interval '1 hour')
                                -> 'outside_calling_hours' -> 'contacts') c$$, :'ny_evening'),
  $$values ('Called Recently', '21:30'), ('Seller Tendays', '21:30'), ('Buyer Tendays', '20:30, 21:30'), ('No Company', '21:30')$$,
  'an hour later the preview lists the ready contacts in New York and Florida as outside calling hours, not the one in Los Angeles');

-- the dialable count for any filter
select is(count_dialable('{"state": "NY"}') ->> 'label', '9 dialable / 16 total',
  'count_dialable answers "N dialable / M total" for a filter, as the rep sees the contacts');
select is((select count(*)::int from contact_dialability((select ids from list)) where not is_dialable), 7,
  'contact_dialability greys out do-not-call, suppressed, bad and missing numbers (the other team''s contact is invisible)');
select tests.clear_authentication();

-- ---------------------------------------------------------------------------------------------------
-- as a rep of another team
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('otto@sourceco.com');
select is((preview_push((select ids from list)) ->> 'total')::int, 1, 'a rep of another team previews only their own contact of the list');
select tests.clear_authentication();

select * from finish();
rollback;
