CREATE FUNCTION dialbridge.phoneburner_contact_sync_due(as_of timestamp with time zone DEFAULT now(), p_limit integer DEFAULT 200) RETURNS TABLE(contact_id uuid, account_user_id uuid, phoneburner_contact_id text, since timestamp with time zone, fields jsonb, held_back jsonb, custom_fields jsonb, custom_snapshot jsonb)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

COMMENT ON FUNCTION dialbridge.phoneburner_contact_sync_due(as_of timestamp with time zone, p_limit integer) IS 'The next batch of pushed contacts edited in SourceCo since they were last sent to a PhoneBurner account (oldest edit first; failed ones again): per contact and account, the standard fields to send (current value, the value PhoneBurner should still hold, when edited), those held back because PhoneBurner changed them after the edit (last write wins, from contact_field_changes), and the custom fields that changed since last sent. Do-not-call contacts are left to the do-not-call propagation.';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_contact_sync_due(as_of timestamp with time zone, p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_contact_sync_due(as_of timestamp with time zone, p_limit integer) TO service_role;
