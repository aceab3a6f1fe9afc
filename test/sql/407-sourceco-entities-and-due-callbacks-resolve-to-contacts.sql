begin;
select plan(7);

select tests.create_user('cal@sourceco.com', 'cb-team', 'rep') \gset
select tests.create_user('ned@sourceco.com', 'cb-other', 'rep') \gset
select tests.push_contact('cb-team', 'Main', 'Seller', '+17135550101', '{"contact_type": "seller"}') as main \gset
select tests.push_contact('cb-team', 'Other', 'Seller', '+17135550102', '{"contact_type": "seller"}') as other \gset
select tests.push_contact('cb-team', 'Callback', 'Today', '+17135550103') as due \gset
select tests.push_contact('cb-team', 'Callback', 'Tomorrow', '+17135550104') as later \gset
update contacts set sourceco_contact_id = 'sc_buyer_789' where id = :'due';
insert into deal_contacts (deal_id, deal_name, contact_id, team_id, is_primary)
values ('listing_1', 'Collision Repair Platform', :'main', tests.team_id('cb-team'), true),
       ('listing_1', 'Collision Repair Platform', :'other', tests.team_id('cb-team'), false);
insert into contact_segments (team_id, name, filter) values (tests.team_id('cb-team'), 'Sellers', '{"contact_type": "seller"}')
returning id as segment \gset

-- ---------------------------------------------------------------------------------------------------
-- as a rep: SourceCo's entity types
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('cal@sourceco.com');
select results_eq(
  format($$select unnest(dialbridge.resolve_entity_contacts('contacts', '["sc_buyer_789", "%s", "nope"]'))$$, :'main'),
  format($$values (%L::uuid), (%L::uuid)$$, :'due', :'main'),
  'contact entities are found by SourceCo''s key or our id, in the order given; unknown ones are skipped');
select results_eq(
  $$select unnest(dialbridge.resolve_entity_contacts('listings', '["listing_1"]'))$$,
  format($$values (%L::uuid)$$, :'main'),
  'a listing resolves to its main contact');
select results_eq(
  format($$select count(*)::int from unnest(dialbridge.resolve_entity_contacts('contact_list', '["%s"]'))$$, :'segment'),
  $$values (2)$$,
  'a contact list resolves to the members of the saved segment');
select throws_ok($$select dialbridge.resolve_entity_contacts('inbound_leads', '["x"]')$$, 'DB040', 'entity_type "inbound_leads" is not supported',
  'an entity type dialbridge does not know is refused by name');
select tests.clear_authentication();

-- ---------------------------------------------------------------------------------------------------
-- as the worker: callbacks due today
-- ---------------------------------------------------------------------------------------------------
insert into tasks (contact_id, team_id, assigned_to_user_id, source, task_type, title, due_at)
values (:'due', tests.team_id('cb-team'), tests.user_id('cal@sourceco.com'), 'callback', 'call', 'Call back', '2026-11-20T15:00:00Z'),
       (:'later', tests.team_id('cb-team'), tests.user_id('cal@sourceco.com'), 'callback', 'call', 'Call back', '2026-11-21T15:00:00Z');
insert into phoneburner_oauth_tokens (user_id, access_token) values (tests.user_id('cal@sourceco.com'), 'tok');
select tests.authenticate_as_service_role();
select is_empty($$select 1 from dialbridge.due_callback_pushes('2026-11-20T12:00:00Z')$$,
  'teams that did not opt in get no automatic callback pushes');
select tests.clear_authentication();
insert into push_settings (team_id, auto_add_callbacks_to_session) values (tests.team_id('cb-team'), true);
select tests.authenticate_as_service_role();
select results_eq(
  $$select user_id, due_on, contact_ids from dialbridge.due_callback_pushes('2026-11-20T12:00:00Z')$$,
  format($$values (%L::uuid, date '2026-11-20', array[%L]::uuid[])$$, tests.user_id('cal@sourceco.com'), :'due'),
  'on the callback''s date (account zone) the rep''s due contacts are listed for their callbacks session');
select tests.clear_authentication();
update tasks set status = 'completed', completed_at = now() where contact_id = :'due';
select tests.authenticate_as_service_role();
select is_empty($$select 1 from dialbridge.due_callback_pushes('2026-11-20T12:00:00Z')$$,
  'a callback already done is not pushed');
select tests.clear_authentication();

select * from finish();
rollback;
