-- The dialing queue (public.next_contact_to_dial), called as the agent: what it hands out, in which order,
-- what it never hands out, reservations that lapse, a contact shared by two campaigns, skipping in preview
-- mode, and why it is empty. The clock: every call passes as_of = t0, noon in New York on the day now()
-- falls on there (inside every calling window of the contacts here); fixtures are relative to t0.
begin;
select plan(28);
set local client_min_messages = error;

select (date_trunc('day', now() at time zone 'America/New_York') + interval '12 hours') at time zone 'America/New_York' as t0 \gset

select tests.create_user('owner@dial602.test', 'Dial 602') \gset
select tests.create_user('agent@dial602.test', 'Dial 602') \gset
select tests.create_user('other@dial602.test', 'Dial 602 others') \gset

select tests.push_contact('Dial 602', 'Ready', 'One', '+12125556001') as ready1 \gset
select tests.push_contact('Dial 602', 'Ready', 'Two', '+12125556002') as ready2 \gset
select tests.push_contact('Dial 602', 'Asked', 'Removal', '+12125556003') as dnc \gset
select tests.push_contact('Dial 602', 'Not', 'Interested', '+12125556004') as suppressed \gset
select tests.push_contact('Dial 602', 'Wrong', 'Number', '+12125556005') as invalid \gset
select tests.push_contact('Dial 602', 'Tried', 'Thrice', '+12125556006') as exhausted \gset
select tests.push_contact('Dial 602', 'Retry', 'Later', '+12125556007') as waiting \gset
select tests.push_contact('Dial 602', 'Shared', 'Number', '+12125556008') as shared_number \gset
select tests.push_contact('Dial 602 others', 'Other', 'Team', '+12125556008') as other_team_dnc \gset

update contacts set do_not_call = true, do_not_call_reason = 'user_requested', do_not_call_set_at = :'t0' where id = :'dnc';
update contacts set do_not_call = true, do_not_call_reason = 'user_requested' where id = :'other_team_dnc';
insert into suppressions (contact_id, team_id, suppression_type, reason, source, expires_at)
values (:'suppressed', tests.team_id('Dial 602'), 'internal', 'not_interested', 'disposition', :'t0'::timestamptz + interval '30 days');
update contacts set phone_number_invalid = true, phone_number_invalid_reason = 'disconnected' where id = :'invalid';

select tests.dialer_campaign('owner@dial602.test', 'Q1 buyers',
  array[:'ready1', :'ready2', :'dnc', :'suppressed', :'invalid', :'exhausted', :'waiting', :'shared_number']::uuid[]) as campaign \gset
insert into public.dialer_campaign_agents (campaign_id, user_id) values (:'campaign', tests.user_id('agent@dial602.test'));
update public.campaign_contacts set created_at = :'t0'::timestamptz - interval '1 day' where campaign_id = :'campaign';
update public.campaign_contacts set status = 'failed', attempts = 3 where id = tests.campaign_contact(:'campaign', :'exhausted');
update public.campaign_contacts set status = 'failed', attempts = 1, last_attempt_at = :'t0'::timestamptz - interval '10 minutes'
 where id = tests.campaign_contact(:'campaign', :'waiting');

-- ---------------------------------------------------------------------------------------------------
-- what it hands out, and to whom
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('other@dial602.test');
select throws_ok(format($$ select * from public.next_contact_to_dial(%L, null, %L) $$, :'campaign', :'t0'), '42501', null,
  'a rep of another team cannot take from the campaign');
select tests.authenticate_as('agent@dial602.test');
select throws_ok(format($$ select * from public.next_contact_to_dial(%L, %L, %L) $$, :'campaign', tests.user_id('owner@dial602.test'), :'t0'),
  '42501', 'you can only dial for yourself', 'an agent cannot reserve for somebody else');

create temporary table handed (n serial, campaign_contact_id uuid, contact_id uuid, queue_status text, detail text, agent text);
grant all on handed to authenticated;
grant all on handed_n_seq to authenticated;
insert into handed (campaign_contact_id, contact_id, queue_status, detail, agent)
select campaign_contact_id, contact_id, queue_status, detail, 'agent' from public.next_contact_to_dial(:'campaign', null, :'t0');
select tests.authenticate_as('owner@dial602.test');
insert into handed (campaign_contact_id, contact_id, queue_status, detail, agent)
select campaign_contact_id, contact_id, queue_status, detail, 'owner' from public.next_contact_to_dial(:'campaign', null, :'t0');
insert into handed (campaign_contact_id, contact_id, queue_status, detail, agent)
select campaign_contact_id, contact_id, queue_status, detail, 'owner' from public.next_contact_to_dial(:'campaign', null, :'t0');
reset role;

select is((select contact_id from handed where n = 1), :'ready1'::uuid, 'the agent gets the first ready contact');
select is((select contact_id from handed where n = 2), :'ready2'::uuid, 'the owner, asking next, gets the second: never the same one');
select is((select queue_status from handed where n = 3), 'waiting_for_retry', 'then nothing is callable before a retry comes due');
select is((select detail from handed where n = 3), 'Nothing to dial now: the next retry is due at 12:50 (America/New_York)',
  'and the answer says when, in the campaign''s zone');
select results_eq(
  format($$ select status, reserved_by, reserved_until from public.campaign_contacts where id = %L $$, tests.campaign_contact(:'campaign', :'ready1')),
  format($$ values ('calling'::text, %L::uuid, %L::timestamptz + interval '120 seconds') $$, tests.user_id('agent@dial602.test'), :'t0'),
  'a reservation is the agent''s, for the campaign''s reservation timeout');

select is((select status from public.campaign_contacts where id = tests.campaign_contact(:'campaign', :'dnc')), 'pending',
  'a do-not-call contact is never handed out (the queue skips it before reserving)');
select is((select next_attempt_at from public.campaign_contacts where id = tests.campaign_contact(:'campaign', :'suppressed')),
  :'t0'::timestamptz + interval '30 days', 'a suppressed contact is postponed to the end of its suppression');
select is((select status from public.campaign_contacts where id = tests.campaign_contact(:'campaign', :'shared_number')), 'do-not-call',
  'a number another team marked do-not-call is found in the same transaction and the contact marked do-not-call');
select is((select count(*)::int from handed where contact_id in (:'dnc', :'suppressed', :'invalid', :'exhausted', :'waiting', :'shared_number')), 0,
  'nothing blocked, invalid, out of attempts or waiting for its retry was handed out');

-- ---------------------------------------------------------------------------------------------------
-- a reservation nobody follows with a call lapses; the waiting retry comes due
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('owner@dial602.test');
select results_eq(format($$ select contact_id, queue_status from public.next_contact_to_dial(%L, null, %L::timestamptz + interval '5 minutes') $$, :'campaign', :'t0'),
  format($$ values (%L::uuid, 'reserved'::text) $$, :'ready1'),
  'after the timeout, the lapsed reservation goes back to the queue and is handed out again');
select results_eq(format($$ select contact_id, is_callback, attempts from public.next_contact_to_dial(%L, null, %L::timestamptz + interval '1 hour') $$, :'campaign', :'t0'),
  format($$ values (%L::uuid, false, 0) $$, :'ready1'),
  'an hour on, both lapsed reservations are back: the first in the list first');
select results_eq(format($$ select contact_id, attempts from public.next_contact_to_dial(%L, null, %L::timestamptz + interval '1 hour') $$, :'campaign', :'t0'),
  format($$ values (%L::uuid, 0) $$, :'ready2'), 'then the second');
select results_eq(format($$ select contact_id, attempts from public.next_contact_to_dial(%L, null, %L::timestamptz + interval '1 hour') $$, :'campaign', :'t0'),
  format($$ values (%L::uuid, 1) $$, :'waiting'), 'then the contact whose retry interval has passed');
select results_eq(format($$ select queue_status, detail from public.next_contact_to_dial(%L, null, %L::timestamptz + interval '1 hour') $$, :'campaign', :'t0'),
  format($$ values ('waiting_for_retry'::text, 'Nothing to dial now: the next retry is due at ' || %L || ' (America/New_York)') $$,
         to_char((:'t0'::timestamptz + interval '30 days') at time zone 'America/New_York', 'YYYY-MM-DD HH24:MI')),
  'the rest is held by agents or blocked; the suppressed contact is next, when its suppression ends');

-- ---------------------------------------------------------------------------------------------------
-- order: due callbacks first, then priority, then the earliest scheduled, then the fewest attempts
-- ---------------------------------------------------------------------------------------------------
reset role;
select tests.push_contact('Dial 602', 'Order', 'A', '+12125556101') as oa \gset
select tests.push_contact('Dial 602', 'Order', 'B', '+12125556102') as ob \gset
select tests.push_contact('Dial 602', 'Order', 'C', '+12125556103') as oc \gset
select tests.push_contact('Dial 602', 'Order', 'D', '+12125556104') as od \gset
select tests.push_contact('Dial 602', 'Order', 'E', '+12125556105') as oe \gset
select tests.dialer_campaign('owner@dial602.test', 'Order', array[:'oa', :'ob', :'oc', :'od', :'oe']::uuid[], '{"max_attempts": 5}') as ordered \gset
update public.campaign_contacts set priority = 5 where id = tests.campaign_contact(:'ordered', :'ob');
update public.campaign_contacts set status = 'callback', attempts = 1, callback_at = :'t0'::timestamptz - interval '1 minute',
       last_attempt_at = :'t0'::timestamptz - interval '1 day' where id = tests.campaign_contact(:'ordered', :'oc');
update public.campaign_contacts set status = 'failed', attempts = 2, last_attempt_at = :'t0'::timestamptz - interval '3 days'
 where id = tests.campaign_contact(:'ordered', :'od');
update public.campaign_contacts set status = 'failed', attempts = 1, last_attempt_at = :'t0'::timestamptz - interval '2 days'
 where id = tests.campaign_contact(:'ordered', :'oe');
update public.campaign_contacts set scheduled_at = :'t0'::timestamptz + interval '1 day' where id = tests.campaign_contact(:'ordered', :'oa');
update public.campaign_contacts set created_at = :'t0'::timestamptz - interval '1 day' where campaign_id = :'ordered';
select tests.authenticate_as('owner@dial602.test');
select results_eq(format($$ select contact_id from public.next_contact_to_dial(%L, null, %L) $$, :'ordered', :'t0'),
  format($$ values (%L::uuid) $$, :'oc'), 'a due callback comes first');
select results_eq(format($$ select contact_id from public.next_contact_to_dial(%L, null, %L) $$, :'ordered', :'t0'),
  format($$ values (%L::uuid) $$, :'ob'), 'then the highest priority');
select results_eq(format($$ select contact_id from public.next_contact_to_dial(%L, null, %L) $$, :'ordered', :'t0'),
  format($$ values (%L::uuid) $$, :'od'), 'then the earliest due (its retry came due before the other''s)');
select results_eq(format($$ select contact_id from public.next_contact_to_dial(%L, null, %L) $$, :'ordered', :'t0'),
  format($$ values (%L::uuid) $$, :'oe'), 'then the next due');
select results_eq(format($$ select queue_status, available_at from public.next_contact_to_dial(%L, null, %L) $$, :'ordered', :'t0'),
  format($$ values ('waiting_for_retry'::text, %L::timestamptz + interval '1 day') $$, :'t0'),
  'a contact scheduled for tomorrow waits: the queue says until when');

-- ---------------------------------------------------------------------------------------------------
-- one contact, two campaigns: never in two agents' hands at once
-- ---------------------------------------------------------------------------------------------------
reset role;
select tests.push_contact('Dial 602', 'Two', 'Campaigns', '+12125556201') as both \gset
select tests.dialer_campaign('owner@dial602.test', 'First', array[:'both']::uuid[]) as first_c \gset
select tests.dialer_campaign('owner@dial602.test', 'Second', array[:'both']::uuid[]) as second_c \gset
select tests.authenticate_as('owner@dial602.test');
select results_eq(format($$ select contact_id from public.next_contact_to_dial(%L, null, %L) $$, :'first_c', :'t0'),
  format($$ values (%L::uuid) $$, :'both'), 'the first campaign reserves the contact');
select results_eq(format($$ select campaign_contact_id, queue_status from public.next_contact_to_dial(%L, null, %L) $$, :'second_c', :'t0'),
  $$ values (null::uuid, 'all_reserved'::text) $$, 'the second campaign does not get it while the first holds it');

-- ---------------------------------------------------------------------------------------------------
-- preview: skipping needs a reason and puts the contact back for later
-- ---------------------------------------------------------------------------------------------------
select throws_ok(format($$ select public.skip_campaign_contact(%L, '  ', %L) $$, tests.campaign_contact(:'first_c', :'both'), :'t0'),
  '22023', 'say why the contact is skipped', 'a skip without a reason is refused');
select results_eq(format($$ select status, skip_reason, next_attempt_at, attempts from public.skip_campaign_contact(%L, 'Wants email first', %L) $$,
                         tests.campaign_contact(:'first_c', :'both'), :'t0'),
  format($$ values ('pending'::text, 'Wants email first'::text, %L::timestamptz + interval '3600 seconds', 0) $$, :'t0'),
  'a skip returns the contact to the queue after the retry interval, without counting an attempt');
select results_eq(format($$ select contact_id from public.next_contact_to_dial(%L, null, %L) $$, :'second_c', :'t0'),
  format($$ values (%L::uuid) $$, :'both'), 'and frees it for the other campaign');

-- ---------------------------------------------------------------------------------------------------
-- an inactive campaign, and one with nothing left
-- ---------------------------------------------------------------------------------------------------
update public.dialer_campaigns set status = 'paused' where id = :'ordered';
select results_eq(format($$ select queue_status, detail from public.next_contact_to_dial(%L, null, %L) $$, :'ordered', :'t0'),
  $$ values ('campaign_not_active'::text, 'The campaign is paused'::text) $$, 'a paused campaign hands nothing out and says why');
reset role;
select tests.dialer_campaign('owner@dial602.test', 'Done', array[:'dnc', :'exhausted']::uuid[]) as done_c \gset
update public.campaign_contacts set status = 'completed' where id = tests.campaign_contact(:'done_c', :'exhausted');
select tests.authenticate_as('owner@dial602.test');
select results_eq(format($$ select queue_status, detail from public.next_contact_to_dial(%L, null, %L) $$, :'done_c', :'t0'),
  $$ values ('nothing_left'::text, 'Nothing left to dial (1 blocked: do-not-call or invalid number)'::text) $$,
  'a campaign with only completed and blocked contacts has nothing left, and says how many are blocked');

select * from finish();
rollback;
