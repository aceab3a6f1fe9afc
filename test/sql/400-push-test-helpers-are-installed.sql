-- Helpers for the push tests (400–499): contacts with a normalised number (as the push function, demo data
-- and sync write them), a dial session with members, and a push request. Kept for the whole run, like
-- 000-setup.sql; every other file rolls back.
begin;
select plan(2);

/**
 * A contact of a team with its number normalised: p_phone in E.164 → valid, any other text → invalid
 * (unparseable), null → missing. p_extra sets other columns: email, company, contact_type, buyer_type,
 * state, timezone, industry, last_call_days_ago (last call that many days ago), owner (email).
 */
create or replace function tests.push_contact(p_team text, p_first text, p_last text, p_phone text,
                                              p_extra jsonb default '{}'::jsonb)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_id uuid;
  v_status text := case when p_phone is null then 'missing'
                        when p_phone ~ '^\+[1-9][0-9]{6,14}$' then 'valid' else 'invalid' end;
begin
  insert into public.contacts (team_id, owner_id, first_name, last_name, phone, phone_e164, phone_status,
                               phone_normalized_from, email, company, contact_type, buyer_type, state, timezone,
                               industry, last_call_attempt_at)
  values (tests.team_id(p_team), tests.user_id(p_extra ->> 'owner'), p_first, p_last, p_phone,
          case when v_status = 'valid' then p_phone end, v_status, p_phone,
          case when p_extra ? 'email' then p_extra ->> 'email'
               else pg_catalog.lower(coalesce(p_first, 'x') || '.' || coalesce(p_last, 'y')) || '@example.test' end,
          case when p_extra ? 'company' then p_extra ->> 'company' else 'Heritage Capital Partners' end,
          coalesce(p_extra ->> 'contact_type', 'buyer'), coalesce(p_extra ->> 'buyer_type', 'PE Firm'),
          coalesce(p_extra ->> 'state', 'NY'),
          case when p_extra ? 'timezone' then p_extra ->> 'timezone' else 'America/New_York' end,
          p_extra ->> 'industry',
          now() - pg_catalog.make_interval(days => (p_extra ->> 'last_call_days_ago')::integer))
  returning id into v_id;
  return v_id;
end
$$;

/** An active dial session of a team (created by p_rep_email) holding the given contacts, waiting to be dialed. */
create or replace function tests.push_session(p_team text, p_rep_email text, p_name text, p_contacts uuid[],
                                              p_phoneburner_id text default null)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_id uuid;
begin
  insert into public.phoneburner_sessions (phoneburner_session_id, session_name, team_id, created_by_user_id,
                                           session_status, last_activity_at)
  values (coalesce(p_phoneburner_id, 'test_' || gen_random_uuid()::text), p_name, tests.team_id(p_team),
          tests.user_id(p_rep_email), 'active', now() - interval '1 hour')
  returning id into v_id;
  insert into public.phoneburner_session_contacts (session_id, contact_id, team_id, phone_e164, state, added_at)
  select v_id, c.id, c.team_id, c.phone_e164, 'pending', now() - interval '1 day'
    from public.contacts c where c.id = any (p_contacts);
  return v_id;
end
$$;

grant execute on function tests.push_contact(text, text, text, text, jsonb),
  tests.push_session(text, text, text, uuid[], text) to anon, authenticated, service_role;

select has_function('tests', 'push_contact', array['text', 'text', 'text', 'text', 'jsonb'],
  'the push contact helper is installed');
select has_function('tests', 'push_session', array['text', 'text', 'text', 'uuid[]', 'text'],
  'the push session helper is installed');
select * from finish();
commit;
