CREATE FUNCTION dialbridge.reconcile_phoneburner_contacts(p_user_id uuid, p_contacts jsonb) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  r record;
  v_changes jsonb;
  v_count integer := 0;
  v_payload jsonb;
  v_status text;
begin
  for r in
    select x.*, c.id as our_id, c.sourceco_contact_id as our_key, c.first_name as o_first_name, c.last_name as o_last_name,
           c.email as o_email, c.phone as o_phone, c.phone_e164 as o_phone_e164, c.company as o_company, c.title as o_title,
           c.address_line1 as o_address_line1, c.city as o_city, c.state as o_state, c.zip as o_zip,
           c.phoneburner_contact_id as o_pb_id
      from (select y.*, dialbridge.phoneburner_event_time(pg_catalog.to_jsonb(y.modified_at), dialbridge.phoneburner_time_zone()) as modified_ts
              from pg_catalog.jsonb_to_recordset(p_contacts) as y(phoneburner_contact_id text, sourceco_contact_id text,
                   modified_at text, first_name text, last_name text, email text, phone_e164 text, phone text,
                   company text, title text, address_line1 text, city text, state text, zip text)) x
      left join lateral (
        select ct.* from public.contacts ct
         where (x.sourceco_contact_id is not null and ct.sourceco_contact_id = x.sourceco_contact_id)
            or (x.sourceco_contact_id is null and x.phoneburner_contact_id is not null and ct.phoneburner_contact_id = x.phoneburner_contact_id)
         order by (ct.sourceco_contact_id = x.sourceco_contact_id) desc limit 1) c on true
  loop
    if r.our_id is null or r.phoneburner_contact_id is null or r.modified_ts is null then
      continue;
    end if;
    if r.o_pb_id is null and not exists (select 1 from public.contacts o where o.phoneburner_contact_id = r.phoneburner_contact_id) then
      update public.contacts set phoneburner_contact_id = r.phoneburner_contact_id where id = r.our_id;
    end if;
    -- only fields PhoneBurner reports and that differ (numbers compared in E.164)
    select coalesce(pg_catalog.jsonb_object_agg(f.field, pg_catalog.jsonb_build_object('old', f.ours, 'new', f.theirs)), '{}'::jsonb)
      into v_changes
      from (values
              ('first_name', r.o_first_name, r.first_name),
              ('last_name', r.o_last_name, r.last_name),
              ('email', r.o_email, r.email),
              ('company', r.o_company, r.company),
              ('title', r.o_title, r.title),
              ('address_line1', r.o_address_line1, r.address_line1),
              ('city', r.o_city, r.city),
              ('state', r.o_state, r.state),
              ('zip', r.o_zip, r.zip)) as f(field, ours, theirs)
     where f.theirs is not null and nullif(pg_catalog.btrim(f.theirs), '') is not null
       and pg_catalog.lower(pg_catalog.btrim(coalesce(f.ours, ''))) <> pg_catalog.lower(pg_catalog.btrim(f.theirs));
    if r.phone_e164 is not null and r.phone_e164 is distinct from r.o_phone_e164
       and dialbridge.suppression_phone(r.o_phone) is distinct from r.phone_e164 then
      v_changes := v_changes || pg_catalog.jsonb_build_object('phone', pg_catalog.jsonb_build_object('old', r.o_phone, 'new', r.phone_e164));
    end if;
    if v_changes = '{}'::jsonb then
      continue;
    end if;
    v_payload := pg_catalog.jsonb_build_object(
      'event', 'contact.updated',
      'event_id', 'reconciliation:' || r.phoneburner_contact_id || ':' || pg_catalog.to_char(r.modified_ts at time zone 'UTC', 'YYYYMMDD"T"HH24MISS'),
      'timestamp', pg_catalog.to_char(r.modified_ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
      'contact_id', r.phoneburner_contact_id,
      'changes', v_changes,
      'updated_by', pg_catalog.jsonb_build_object('user_id', 'reconciliation', 'name', 'Daily reconciliation'),
      'custom_fields', pg_catalog.jsonb_build_object('sourceco_contact_id', r.our_key));
    select s.status into v_status
      from dialbridge.receive_phoneburner_event('contact.updated', v_payload, null,
             pg_catalog.octet_length(v_payload::text), 'reconciliation', null, null, 'dialbridge reconciliation') s;
    if v_status = 'accepted' then
      v_count := v_count + 1;
    end if;
  end loop;
  return v_count;
end
$$;

COMMENT ON FUNCTION dialbridge.reconcile_phoneburner_contacts(p_user_id uuid, p_contacts jsonb) IS 'Turns PhoneBurner''s view of contacts into contact.updated events where it differs from ours. p_contacts:
[{phoneburner_contact_id, sourceco_contact_id, modified_at, first_name, last_name, email, phone_e164,
phone, company, title, address_line1, city, state, zip}]: numbers normalised by the worker
(libphonenumber), modified_at as PhoneBurner sends it (zone-less, read in the account''s zone).
The contact is ours by SourceCo id, else by PhoneBurner id. Each differing contact becomes one event
(identity reconciliation:<PhoneBurner id>:<modified time>, so a rerun adds nothing) received through
dialbridge.receive_phoneburner_event with auth_method ''reconciliation'': the projection applies it last
write wins, with audit. PhoneBurner ids learnt on the way are stored. Returns the events stored.';

REVOKE ALL ON FUNCTION dialbridge.reconcile_phoneburner_contacts(p_user_id uuid, p_contacts jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.reconcile_phoneburner_contacts(p_user_id uuid, p_contacts jsonb) TO service_role;
