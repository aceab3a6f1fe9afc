CREATE FUNCTION dialbridge.bolna_ensure_contacts(p_ids bigint[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_n integer;
begin
  with wanted as (
    select distinct a.user_id, pr.team_id, dialbridge.bolna_phone(e.payload) as phone
      from dialbridge.webhook_events e
      join public.voice_agents a on a.bolna_agent_id = e.payload ->> 'agent_id'
      join public.profiles pr on pr.id = a.user_id
     where e.provider = 'bolna' and e.id = any (p_ids) and dialbridge.bolna_phone(e.payload) is not null
  ), missing as (
    select distinct on (w.team_id, w.phone) w.* from wanted w
     where dialbridge.bolna_contact(w.user_id, w.phone) is null
     order by w.team_id, w.phone, w.user_id
  )
  insert into public.contacts (team_id, owner_id, phone, phone_e164, phone_status, phone_normalized_from, list_source)
  select m.team_id, m.user_id, m.phone, m.phone, 'valid', m.phone, 'voice agent'
    from missing m;
  get diagnostics v_n = row_count;
  return v_n;
end
$$;

COMMENT ON FUNCTION dialbridge.bolna_ensure_contacts(p_ids bigint[]) IS 'Before a batch of Bolna events is projected: a contact for every (user, number) it names that has none in the user''s team (list_source ''voice agent''), so each call finds its contact. Returns the contacts created.';

REVOKE ALL ON FUNCTION dialbridge.bolna_ensure_contacts(p_ids bigint[]) FROM PUBLIC;
