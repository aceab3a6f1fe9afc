-- migrate:up
-- SourceCo's edits reach PhoneBurner (issue 15, item 10; seed 001 US-008.2, F-005). A pushed contact
-- edited in SourceCo — name, phone, e-mail, company, title, address, or the custom fields it carries for
-- the call (talking points, notes, firm and deal context, assistant) — is sent to each PhoneBurner account
-- that holds it, in batches every 15 minutes (worker task contacts__sync_to_phoneburner: PUT
-- /rest/1/contacts/{id}, form-encoded). Last write wins per field, decided from the existing audit
-- (public.contact_field_changes): a field whose latest SourceCo edit is older than a change PhoneBurner
-- made to it is not sent (PhoneBurner's newer value comes in through its webhook or the reconciliation),
-- and the worker reads PhoneBurner's contact first so a change made there that has not reached dialbridge
-- yet is not overwritten either. What was sent and what was held back is kept on
-- dialbridge.phoneburner_contact_syncs.

create table if not exists dialbridge.phoneburner_contact_syncs (
  contact_id uuid not null references public.contacts (id) on delete cascade,
  account_user_id uuid not null references public.profiles (id) on delete cascade,
  phoneburner_contact_id text not null,
  last_synced_at timestamptz,
  status text not null default 'synced',
  fields_sent jsonb not null default '{}'::jsonb,
  held_back jsonb not null default '{}'::jsonb,
  custom_fields_sent jsonb,
  attempts integer not null default 0,
  last_error text,
  updated_at timestamptz not null default now(),
  primary key (contact_id, account_user_id),
  constraint phoneburner_contact_syncs_status_check check (status in ('synced', 'failed', 'gone'))
);
comment on table dialbridge.phoneburner_contact_syncs is 'SourceCo edits sent to PhoneBurner, per contact and PhoneBurner account: up to when (last_synced_at), what was sent, what was held back because PhoneBurner''s value is newer, the custom fields last sent, the last error. Written by contacts__sync_to_phoneburner.';
comment on column dialbridge.phoneburner_contact_syncs.contact_id is 'The contact.';
comment on column dialbridge.phoneburner_contact_syncs.account_user_id is 'The rep whose PhoneBurner account holds it.';
comment on column dialbridge.phoneburner_contact_syncs.phoneburner_contact_id is 'PhoneBurner''s id of the contact in that account.';
comment on column dialbridge.phoneburner_contact_syncs.last_synced_at is 'Edits made up to this time have been considered (sent or held back).';
comment on column dialbridge.phoneburner_contact_syncs.status is 'synced, failed (see last_error; retried next batch) or gone (PhoneBurner no longer has the contact).';
comment on column dialbridge.phoneburner_contact_syncs.fields_sent is 'The fields last sent, with their values.';
comment on column dialbridge.phoneburner_contact_syncs.held_back is 'Fields not sent and why (phoneburner_newer: PhoneBurner changed the field after the SourceCo edit).';
comment on column dialbridge.phoneburner_contact_syncs.custom_fields_sent is 'The custom fields (label → value) PhoneBurner holds from us, to send only what changed.';
comment on column dialbridge.phoneburner_contact_syncs.attempts is 'Failed attempts since the last success.';
comment on column dialbridge.phoneburner_contact_syncs.last_error is 'The last error.';
comment on column dialbridge.phoneburner_contact_syncs.updated_at is 'Last change.';
revoke all on dialbridge.phoneburner_contact_syncs from public;
grant select on dialbridge.phoneburner_contact_syncs to service_role;
create index if not exists phoneburner_contact_syncs_account_idx on dialbridge.phoneburner_contact_syncs (account_user_id);

create or replace function dialbridge.phoneburner_synced_custom_field_keys() returns text[]
  language sql immutable set search_path = '' as $$
  select array['contact_type', 'buyer_type', 'firm_type', 'industry', 'aum', 'fund_size', 'target_ebitda_range', 'ebitda',
               'target_sectors', 'target_geographies', 'call_talking_points', 'relationship_notes', 'preferred_contact_time',
               'assistant_name', 'assistant_phone', 'gatekeeper_notes', 'contact_owner', 'contact_owner_email']
$$;
comment on function dialbridge.phoneburner_synced_custom_field_keys() is 'The pushed custom fields that SourceCo edits and that are kept up to date in PhoneBurner (not the call statistics, which move with every call and are refreshed by the next push).';
revoke all on function dialbridge.phoneburner_synced_custom_field_keys() from public;

create or replace function dialbridge.phoneburner_contact_sync_due(as_of timestamptz default now(), p_limit integer default 200)
  returns table (contact_id uuid, account_user_id uuid, phoneburner_contact_id text, since timestamptz,
                 fields jsonb, held_back jsonb, custom_fields jsonb, custom_snapshot jsonb)
  language sql stable security definer set search_path = '' as $$
  with holders as (
    -- each PhoneBurner account that holds a pushed contact, and since when it has our values
    select m.contact_id, s.created_by_user_id as account_user_id,
           (pg_catalog.array_agg(coalesce(m.phoneburner_contact_id, c.phoneburner_contact_id) order by m.added_at desc)
              filter (where coalesce(m.phoneburner_contact_id, c.phoneburner_contact_id) is not null))[1] as pb_id,
           pg_catalog.min(m.added_at) as pushed_at
      from public.phoneburner_session_contacts m
      join public.phoneburner_sessions s on s.id = m.session_id and s.deleted_at is null
      join public.contacts c on c.id = m.contact_id
     where m.state not in ('removed', 'failed') and s.created_by_user_id is not null
     group by m.contact_id, s.created_by_user_id
  ), due as (
    select h.contact_id, h.account_user_id, h.pb_id, coalesce(y.last_synced_at, h.pushed_at) as since, y.custom_fields_sent
      from holders h
      join public.contacts c on c.id = h.contact_id
      join public.phoneburner_oauth_tokens t on t.user_id = h.account_user_id and t.access_token is not null
      left join dialbridge.phoneburner_contact_syncs y on y.contact_id = h.contact_id and y.account_user_id = h.account_user_id
     where h.pb_id is not null and coalesce(y.status, 'synced') <> 'gone'
       and not c.do_not_call
       and (c.updated_at > coalesce(y.last_synced_at, h.pushed_at) or y.status = 'failed')
       and c.updated_at <= as_of
     order by c.updated_at
     limit p_limit
  ), edits as (
    -- per field, the latest SourceCo edit since, and whether PhoneBurner changed the field after it
    select d.contact_id, d.account_user_id, f.field_name,
           (pg_catalog.array_agg(f.changed_at order by f.changed_at desc, f.id desc))[1] as edited_at,
           (pg_catalog.array_agg(f.old_value order by f.changed_at, f.id))[1] as before
      from due d
      join public.contact_field_changes f on f.contact_id = d.contact_id
     where f.source_system in ('sourceco_platform', 'manual') and f.applied and f.changed_at > d.since and f.changed_at <= as_of
     group by d.contact_id, d.account_user_id, f.field_name
  ), judged as (
    select e.*, exists (select 1 from public.contact_field_changes p
                         where p.contact_id = e.contact_id and p.field_name = e.field_name
                           and p.source_system in ('phoneburner', 'reconciliation') and p.changed_at > e.edited_at) as phoneburner_newer
      from edits e
  ), context as (
    select x.contact_id, pg_catalog.jsonb_object_agg(k.label, x.custom_fields ->> k.key order by k.ord) as snapshot
      from dialbridge.phoneburner_call_context(array(select d.contact_id from due d)) x
      cross join dialbridge.phoneburner_custom_field_catalog() k
     where k.key = any (dialbridge.phoneburner_synced_custom_field_keys()) and x.custom_fields ? k.key
     group by x.contact_id
  )
  select d.contact_id, d.account_user_id, d.pb_id, d.since,
         coalesce((select pg_catalog.jsonb_object_agg(j.field_name, pg_catalog.jsonb_build_object(
                            'value', pg_catalog.to_jsonb(c) ->> j.field_name, 'before', j.before, 'edited_at', j.edited_at))
                     from judged j where j.contact_id = d.contact_id and j.account_user_id = d.account_user_id and not j.phoneburner_newer),
                  '{}'::jsonb),
         coalesce((select pg_catalog.jsonb_object_agg(j.field_name, 'phoneburner_newer')
                     from judged j where j.contact_id = d.contact_id and j.account_user_id = d.account_user_id and j.phoneburner_newer),
                  '{}'::jsonb),
         coalesce((select pg_catalog.jsonb_object_agg(n.key, n.value)
                     from pg_catalog.jsonb_each(coalesce(cx.snapshot, '{}'::jsonb)) n
                    where (coalesce(d.custom_fields_sent, '{}'::jsonb) -> n.key) is distinct from n.value), '{}'::jsonb),
         coalesce(cx.snapshot, '{}'::jsonb)
    from due d
    join public.contacts c on c.id = d.contact_id
    left join context cx on cx.contact_id = d.contact_id
$$;
comment on function dialbridge.phoneburner_contact_sync_due(timestamptz, integer) is 'The next batch of pushed contacts edited in SourceCo since they were last sent to a PhoneBurner account (oldest edit first; failed ones again): per contact and account, the standard fields to send (current value, the value PhoneBurner should still hold, when edited), those held back because PhoneBurner changed them after the edit (last write wins, from contact_field_changes), and the custom fields that changed since last sent. Do-not-call contacts are left to the do-not-call propagation.';
revoke all on function dialbridge.phoneburner_contact_sync_due(timestamptz, integer) from public;
grant execute on function dialbridge.phoneburner_contact_sync_due(timestamptz, integer) to service_role;

create or replace function dialbridge.record_phoneburner_contact_sync(
  p_contact_id uuid, p_account_user_id uuid, p_phoneburner_contact_id text, p_status text, p_synced_until timestamptz,
  p_fields_sent jsonb, p_held_back jsonb, p_custom_fields_sent jsonb, p_error text default null)
  returns void language sql security definer set search_path = '' as $$
  insert into dialbridge.phoneburner_contact_syncs as y (contact_id, account_user_id, phoneburner_contact_id, last_synced_at, status,
                                                        fields_sent, held_back, custom_fields_sent, attempts, last_error, updated_at)
  values (p_contact_id, p_account_user_id, p_phoneburner_contact_id,
          case when p_status <> 'failed' then p_synced_until end, p_status,
          coalesce(p_fields_sent, '{}'::jsonb), coalesce(p_held_back, '{}'::jsonb), p_custom_fields_sent,
          case when p_status = 'failed' then 1 else 0 end, p_error, pg_catalog.now())
  on conflict (contact_id, account_user_id) do update set
    phoneburner_contact_id = excluded.phoneburner_contact_id,
    last_synced_at = case when excluded.status <> 'failed' then excluded.last_synced_at else y.last_synced_at end,
    status = excluded.status,
    fields_sent = case when excluded.status = 'synced' then excluded.fields_sent else y.fields_sent end,
    held_back = excluded.held_back,
    custom_fields_sent = case when excluded.status = 'synced' then coalesce(excluded.custom_fields_sent, y.custom_fields_sent) else y.custom_fields_sent end,
    attempts = case when excluded.status = 'failed' then y.attempts + 1 else 0 end,
    last_error = excluded.last_error,
    updated_at = pg_catalog.now()
$$;
comment on function dialbridge.record_phoneburner_contact_sync(uuid, uuid, text, text, timestamptz, jsonb, jsonb, jsonb, text) is 'Records one contact''s sync to one PhoneBurner account: synced (edits up to p_synced_until considered; what was sent and held back), failed (kept for the next batch) or gone.';
revoke all on function dialbridge.record_phoneburner_contact_sync(uuid, uuid, text, text, timestamptz, jsonb, jsonb, jsonb, text) from public;
grant execute on function dialbridge.record_phoneburner_contact_sync(uuid, uuid, text, text, timestamptz, jsonb, jsonb, jsonb, text) to service_role;

-- migrate:down
--
