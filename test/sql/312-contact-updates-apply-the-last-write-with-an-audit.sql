begin;
select plan(10);

select tests.create_user('sarah@sourceco.com', 'buyers', 'rep') \gset
select tests.create_user('rival@sourceco.com', 'sellers', 'rep') \gset

select tests.make_contact('buyers', 'sarah@sourceco.com', p_phone => '+15550123') as john \gset

-- the clock: the dialer's changes happened yesterday, relative to now() (the transaction's start), so the
-- rep's edit below (stamped now()) is the newer write
select now() - interval '1 day' as t \gset
select :'t'::timestamptz + interval '65 minutes 0.333 seconds' as t_794 \gset

-- ---------------------------------------------------------------------------------------------------
-- as the event projection: seed 000's contact.updated
-- ---------------------------------------------------------------------------------------------------
select tests.record_contact_update(:'john', 'evt_contact_updated_794', :'t_794',
  '{"phone": {"old": "+15550123", "new": "+15559999"},
    "email": {"old": "jsmith@heritagecap.com", "new": "john.smith@heritagecap.com"},
    "title": {"old": "Managing Partner", "new": "Senior Managing Director"}}') as upd \gset
select dialbridge.apply_contact_changes(:'upd');

select results_eq(
  format($$select phone, email, title, needs_review from contacts where id = %L$$, :'john'),
  $$values ('+15559999', 'john.smith@heritagecap.com', 'Senior Managing Director', false)$$,
  'each changed field is applied (same email domain: no review)');
select results_eq(
  format($$select field_name, old_value, new_value, source_system, source_event_id, changed_by, changed_at, applied
             from contact_field_changes where contact_id = %L order by field_name$$, :'john'),
  format($$values ('email', 'jsmith@heritagecap.com', 'john.smith@heritagecap.com', 'phoneburner', 'evt_contact_updated_794', 'pb_user_10', %1$L::timestamptz, true),
           ('phone', '+15550123', '+15559999', 'phoneburner', 'evt_contact_updated_794', 'pb_user_10', %1$L::timestamptz, true),
           ('title', 'Managing Partner', 'Senior Managing Director', 'phoneburner', 'evt_contact_updated_794', 'pb_user_10', %1$L::timestamptz, true)$$, :'t_794'),
  'one audit row per change: old, new, source, who, event time, applied');

select dialbridge.apply_contact_changes(:'upd');
select results_eq(
  format($$select count(*)::int from contact_field_changes where contact_id = %L$$, :'john'),
  $$values (3)$$, 'applying the same event again records nothing more');

-- an older event arriving late: audited, not applied
select tests.record_contact_update(:'john', 'evt_old_790', :'t',
  '{"phone": {"old": "+15550123", "new": "+15550000"}, "city": {"old": null, "new": "Boston"}}',
  '"pb_user_11"') as old_upd \gset
select dialbridge.apply_contact_changes(:'old_upd');
select results_eq(
  format($$select c.phone, c.city, f.field_name, f.applied, f.changed_by
             from contacts c join contact_field_changes f on f.contact_id = c.id and f.source_event_id = 'evt_old_790'
            where c.id = %L order by f.field_name$$, :'john'),
  $$values ('+15559999', 'Boston', 'city', true, 'pb_user_11'),
           ('+15559999', 'Boston', 'phone', false, 'pb_user_11')$$,
  'an older change of a field that changed since is kept as not applied; an untouched field still applies');

-- synced fields only; the seed's "address" is address_line1
select tests.record_contact_update(:'john', 'evt_796', :'t'::timestamptz + interval '2 hours',
  '{"address": {"old": null, "new": "123 Main Street"}, "do_not_call": {"old": false, "new": true},
    "owner_id": {"old": null, "new": "someone"}}') as misc \gset
select dialbridge.apply_contact_changes(:'misc');
select results_eq(
  format($$select c.address_line1, c.do_not_call, array_agg(f.field_name || '=' || f.applied order by f.field_name)
             from contacts c join contact_field_changes f on f.contact_id = c.id and f.source_event_id = 'evt_796'
            where c.id = %L group by c.address_line1, c.do_not_call$$, :'john'),
  $$values ('123 Main Street', false, array['address_line1=true', 'do_not_call=false', 'owner_id=false'])$$,
  'address maps to address_line1; fields that are not synced (do_not_call, owner) are audited, never applied');

-- ---------------------------------------------------------------------------------------------------
-- as a rep: an edit in SourceCo is a write too
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('sarah@sourceco.com');
update contacts set title = 'Partner' where id = :'john';
select tests.clear_authentication();
select results_eq(
  format($$select source_system, old_value, new_value, changed_by, applied from contact_field_changes
            where contact_id = %L and field_name = 'title' and source_system = 'sourceco_platform'$$, :'john'),
  format($$values ('sourceco_platform', 'Senior Managing Director', 'Partner', %L, true)$$, tests.user_id('sarah@sourceco.com')),
  'a rep''s edit of a synced field is audited with its author');

select tests.record_contact_update(:'john', 'evt_797', :'t'::timestamptz + interval '3 hours',
  '{"title": {"old": "Senior Managing Director", "new": "Operating Partner"}}') as late_title \gset
select dialbridge.apply_contact_changes(:'late_title');
select results_eq(
  format($$select c.title, f.applied from contacts c join contact_field_changes f on f.contact_id = c.id
            where c.id = %L and f.source_event_id = 'evt_797'$$, :'john'),
  $$values ('Partner', false)$$,
  'a dialer change older than the rep''s edit in SourceCo loses (last write wins across both systems)');

-- an unmatched contact.updated waits for its link; a malformed one changes nothing
select tests.record_contact_update(null, 'evt_798', :'t'::timestamptz + interval '4 hours', '{"title": {"new": "X"}}') as orphan \gset
select dialbridge.apply_contact_changes(:'orphan');
select is_empty($$select 1 from contact_field_changes where source_event_id = 'evt_798'$$,
  'an unmatched contact.updated changes nothing until linked');
select tests.record_contact_update(:'john', 'evt_799', :'t'::timestamptz + interval '4 hours', '"not an object"') as bad \gset
select lives_ok(format('select dialbridge.apply_contact_changes(%L)', :'bad'),
  'a contact.updated without a changes object is ignored, not an error');

select tests.authenticate_as('rival@sourceco.com');
select is_empty($$select 1 from contact_field_changes$$, 'a rep of another team sees none of the audit');
select tests.clear_authentication();

select * from finish();
rollback;
