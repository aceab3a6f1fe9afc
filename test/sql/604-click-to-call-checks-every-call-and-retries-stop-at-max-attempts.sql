-- Click-to-call is still checked (public.check_call_allowed, public.start_dialer_call): legal and internal
-- do-not-call, suppressions, a number another contact marked do-not-call, flagged and malformed numbers,
-- the calling window; a campaign contact must be the agent's reservation (or a manual campaign's). And a
-- campaign contact's schedule: failed → retried after retry_interval, never beyond max_attempts; a
-- callback at its own time; a call VoIPStudio never placed is no attempt. The clock: t0 = noon in New
-- York on the day now() falls on there; every check passes it (as_of), fixtures are relative to it.
begin;
select plan(22);
set local client_min_messages = error;

select (date_trunc('day', now() at time zone 'America/New_York') + interval '12 hours') at time zone 'America/New_York' as t0 \gset
select tests.create_user('rep@dial604.test', 'Dial 604') \gset
select tests.create_user('other@dial604.test', 'Dial 604') \gset

select tests.push_contact('Dial 604', 'Fine', 'Contact', '+12125556401') as fine \gset
select tests.push_contact('Dial 604', 'Legal', 'Removal', '+12125556402') as legal \gset
select tests.push_contact('Dial 604', 'Internal', 'Policy', '+12125556403') as internal \gset
select tests.push_contact('Dial 604', 'Not', 'Now', '+12125556404') as suppressed \gset
select tests.push_contact('Dial 604', 'Flagged', 'Number', '+12125556405') as flagged \gset
select tests.push_contact('Dial 604', 'Same', 'Number', '+12125556406') as same_number \gset
select tests.push_contact('Dial 604', 'Marked', 'Elsewhere', '+12125556406') as marked \gset
update contacts set do_not_call = true, do_not_call_reason = 'user_requested' where id in (:'legal', :'marked');
insert into suppressions (contact_id, team_id, suppression_type, reason, source)
values (:'internal', tests.team_id('Dial 604'), 'internal', 'internal_policy', 'manual');
insert into suppressions (contact_id, team_id, suppression_type, reason, source, expires_at)
values (:'suppressed', tests.team_id('Dial 604'), 'internal', 'not_interested', 'disposition', :'t0'::timestamptz + interval '90 days');
update contacts set phone_number_invalid = true, phone_number_invalid_reason = 'disconnected' where id = :'flagged';

select tests.authenticate_as('rep@dial604.test');
create function pg_temp.why(p_phone text, p_contact uuid, p_at timestamptz) returns text language sql as $$
  select coalesce(reason, 'allowed') from public.check_call_allowed(p_phone, p_contact, null, p_at)
$$;
select is(pg_temp.why('+12125556401', :'fine', :'t0'), 'allowed', 'a clean contact may be called at noon');
select is(pg_temp.why('(212) 555-6401', null, :'t0'), 'allowed', 'a typed 10-digit number is read as a US number and finds its contact');
select is(pg_temp.why('+12125556402', :'legal', :'t0'), 'do_not_call', 'a legal do-not-call contact never');
select is(pg_temp.why('+12125556402', null, :'t0'), 'do_not_call', 'nor its number typed by hand');
select is(pg_temp.why('+12125556403', :'internal', :'t0'), 'do_not_call', 'an internal do-not-call neither');
select results_eq(format($$ select reason, allowed_from from public.check_call_allowed('+12125556404', %L, null, %L) $$, :'suppressed', :'t0'),
  format($$ values ('suppressed'::text, %L::timestamptz + interval '90 days') $$, :'t0'), 'a suppressed contact until its suppression ends');
select is(pg_temp.why('+12125556405', :'flagged', :'t0'), 'invalid_phone', 'a flagged number is not called');
select is(pg_temp.why('+12125556406', :'same_number', :'t0'), 'do_not_call', 'nor a number another contact asked never to be called on');
select is(pg_temp.why('555-CALL-ME', null, :'t0'), 'invalid_phone', 'a malformed number is refused');
select results_eq(format($$ select reason, allowed_from from public.check_call_allowed('+12125556401', %L, null, %L::timestamptz + interval '9 hours 30 minutes') $$, :'fine', :'t0'),
  format($$ values ('outside_hours'::text, %L::timestamptz + interval '20 hours') $$, :'t0'),
  'at 21:30 in New York a call waits for 08:00 the next day');
select throws_ok(format($$ select public.start_dialer_call('+12125556402', p_contact_id => %L, as_of => %L) $$, :'legal', :'t0'),
  'DB071', 'call not allowed: Requested removal', 'starting a call to a legal do-not-call contact is refused before VoIPStudio is asked');
select is((select count(*)::int from public.call_logs where contact_id = :'legal'), 0, 'and leaves no call log');
select is((select status from public.start_dialer_call('+12125556401', p_contact_id => :'fine', as_of => :'t0')), 'initiated',
  'a manual call to a clean contact writes its call log first, initiated');

-- campaign contacts: the agent's reservation, or any in a manual campaign
reset role;
select tests.dialer_campaign('rep@dial604.test', 'Power', array[:'fine']::uuid[], '{"max_attempts": 2, "retry_interval": 600}') as power \gset
select tests.campaign_contact(:'power', :'fine') as cc \gset
select tests.authenticate_as('rep@dial604.test');
select throws_ok(format($$ select public.start_dialer_call(null, p_campaign_contact_id => %L, as_of => %L) $$, :'cc', :'t0'),
  'DB073', null, 'a power campaign''s contact must be reserved through the queue first');
select is((select campaign_contact_id from public.next_contact_to_dial(:'power', null, :'t0')), :'cc'::uuid, 'reserved');
select tests.authenticate_as('other@dial604.test');
select throws_ok(format($$ select public.start_dialer_call(null, p_campaign_contact_id => %L, as_of => %L) $$, :'cc', :'t0'),
  '42501', null, 'nobody else may call it');
select tests.authenticate_as('rep@dial604.test');
select (public.start_dialer_call(null, p_campaign_contact_id => :'cc', as_of => :'t0')).id \gset first_
reset role;

-- VoIPStudio refused it (softphone offline): no attempt, the reservation stands
select dialbridge.voipstudio_call_not_placed(:'first_id', 'agent_offline: The agent''s softphone is offline');
select results_eq(format($$ select status, attempts from public.campaign_contacts where id = %L $$, :'cc'),
  $$ values ('calling'::text, 0) $$, 'a call VoIPStudio never placed is no attempt, and the contact stays with the agent to retry');

-- placed and missed: failed, retried after the interval
select tests.authenticate_as('rep@dial604.test');
select (public.start_dialer_call(null, p_campaign_contact_id => :'cc', as_of => :'t0')).id \gset second_
reset role;
update public.call_logs set status = 'no-answer', started_at = :'t0', ended_at = :'t0'::timestamptz + interval '30 seconds' where id = :'second_id';
select results_eq(format($$ select status, attempts, next_attempt_at from public.campaign_contacts where id = %L $$, :'cc'),
  format($$ values ('failed'::text, 1, %L::timestamptz + interval '600 seconds') $$, :'t0'),
  'a missed call fails the contact, due again after the retry interval');

-- a callback disposition: at its own time
insert into public.call_dispositions (call_id, user_id, disposition, follow_up_date)
values (:'second_id', tests.user_id('rep@dial604.test'), 'callback', :'t0'::timestamptz + interval '3 days');
select results_eq(format($$ select status, next_attempt_at from public.campaign_contacts where id = %L $$, :'cc'),
  format($$ values ('callback'::text, %L::timestamptz + interval '3 days') $$, :'t0'), 'a callback is due at the time asked for');

-- the second (last) attempt, when the callback is due: reserved, placed, missed
select tests.authenticate_as('rep@dial604.test');
select is((select campaign_contact_id from public.next_contact_to_dial(:'power', null, :'t0'::timestamptz + interval '3 days')), :'cc'::uuid,
  'the callback comes due and is handed out again');
select (public.start_dialer_call(null, p_campaign_contact_id => :'cc', as_of => :'t0'::timestamptz + interval '3 days')).id \gset third_
reset role;
update public.call_logs set status = 'no-answer', started_at = :'t0'::timestamptz + interval '3 days' where id = :'third_id';
select results_eq(format($$ select status, attempts, next_attempt_at from public.campaign_contacts where id = %L $$, :'cc'),
  $$ values ('failed'::text, 2, null::timestamptz) $$, 'after max_attempts calls the contact is not scheduled again');
select tests.authenticate_as('rep@dial604.test');
select results_eq(format($$ select queue_status from public.next_contact_to_dial(%L, null, %L::timestamptz + interval '4 days') $$, :'power', :'t0'),
  $$ values ('nothing_left'::text) $$, 'and the queue has nothing left');

select * from finish();
rollback;
