-- Helpers for the VoIPStudio dialer tests (600–699): a campaign with contacts, and a VoIPStudio webhook leg
-- delivered and processed as the webhook function does. Kept for the whole run, like 000-setup.sql; every
-- other file rolls back.
begin;
select plan(3);

/**
 * A campaign owned by p_owner (its team's) with the given contacts (public.contacts ids) added directly,
 * as add_campaign_contacts adds them. p_settings sets type, status, max_attempts, retry_interval,
 * active_hours, timezone, reservation_timeout_seconds.
 */
create or replace function tests.dialer_campaign(p_owner text, p_name text, p_contacts uuid[], p_settings jsonb default '{}')
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_id uuid;
begin
  insert into public.dialer_campaigns (user_id, name, type, status, max_attempts, retry_interval, active_hours, timezone,
                                       reservation_timeout_seconds)
  values (tests.user_id(p_owner), p_name, coalesce(p_settings ->> 'type', 'power'), coalesce(p_settings ->> 'status', 'active'),
          coalesce((p_settings ->> 'max_attempts')::integer, 3), coalesce((p_settings ->> 'retry_interval')::integer, 3600),
          coalesce(p_settings -> 'active_hours', '{}'::jsonb), coalesce(p_settings ->> 'timezone', 'America/New_York'),
          coalesce((p_settings ->> 'reservation_timeout_seconds')::integer, 120))
  returning id into v_id;
  insert into public.campaign_contacts (campaign_id, contact_id, phone_number, first_name, last_name)
  select v_id, c.id, coalesce(c.phone_e164, c.phone), c.first_name, c.last_name
    from unnest(p_contacts) with ordinality u(id, n) join public.contacts c on c.id = u.id
   order by u.n;
  return v_id;
end
$$;

/** The campaign contact of a contact in a campaign. */
create or replace function tests.campaign_contact(p_campaign uuid, p_contact uuid) returns uuid
language sql stable security definer set search_path = ''
as $$ select id from public.campaign_contacts where campaign_id = p_campaign and contact_id = p_contact $$;

/** One VoIPStudio webhook POST (a leg's event), stored through the shared receive as the webhook stores it. */
create or replace function tests.voipstudio_leg(p_event text, p_root text, p_leg text, p_at timestamptz, p_final boolean,
                                                p_extra jsonb default '{}')
returns text
language sql volatile security definer set search_path = ''
as $$
  select r.status from dialbridge.receive_webhook_event('voipstudio', p_event,
    pg_catalog.jsonb_build_object('id', p_event || ':' || p_leg || ':' || pg_catalog.to_char(p_at at time zone 'UTC', 'HH24MISS.US'),
      'event_name', p_event, 'event_time', pg_catalog.to_char(p_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      'call_id', p_leg, 'root_call_id', p_root, 'final', p_final) || p_extra,
    null, 200, 'basic', null, null, 'test') r
$$;

grant execute on function tests.dialer_campaign(text, text, uuid[], jsonb), tests.campaign_contact(uuid, uuid),
  tests.voipstudio_leg(text, text, text, timestamptz, boolean, jsonb) to anon, authenticated, service_role;

select has_function('tests', 'dialer_campaign', array['text', 'text', 'uuid[]', 'jsonb'], 'the campaign helper is installed');
select has_function('tests', 'campaign_contact', array['uuid', 'uuid'], 'the campaign contact helper is installed');
select has_function('tests', 'voipstudio_leg', array['text', 'text', 'text', 'timestamp with time zone', 'boolean', 'jsonb'],
  'the VoIPStudio leg helper is installed');
select * from finish();
commit;
