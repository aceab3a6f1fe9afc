CREATE FUNCTION dialbridge.queue_dnc_propagations(p_suppression_ids uuid[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_rows integer;
begin
  with covered as (
    select distinct on (c.id, s.id) c.id as contact_id, s.id as suppression_id, c.phoneburner_contact_id
      from public.suppressions s
      join public.contacts c on c.id = s.contact_id or (s.phone_e164 is not null and c.phone_e164 = s.phone_e164)
     where s.id = any (p_suppression_ids) and s.suppression_type = 'legal' and s.lifted_at is null
  ), inserted as (
    insert into public.phoneburner_dnc_propagations as p (team_id, contact_id, session_id, suppression_id, account_user_id,
                                                          phoneburner_contact_id, status)
    select ses.team_id, cv.contact_id, ses.id, cv.suppression_id, ses.created_by_user_id,
           coalesce(m.phoneburner_contact_id, cv.phoneburner_contact_id),
           case when coalesce(m.phoneburner_contact_id, cv.phoneburner_contact_id) is null then 'no_phoneburner_id'
                when not exists (select 1 from public.phoneburner_oauth_tokens t
                                  where t.user_id = ses.created_by_user_id and t.access_token is not null) then 'not_connected'
                else 'pending' end
      from covered cv
      join public.phoneburner_session_contacts m on m.contact_id = cv.contact_id and m.state not in ('removed', 'failed')
      join public.phoneburner_sessions ses on ses.id = m.session_id
     where ses.deleted_at is null and ses.session_status in ('active', 'paused')
    on conflict (contact_id, session_id, suppression_id) do nothing
    returning p.status
  )
  select count(*) filter (where status = 'pending') into v_rows from inserted;
  if v_rows > 0 then
    begin
      perform graphile_worker.add_job('phoneburner_dnc__propagate', '{}'::json,
        job_key := 'phoneburner_dnc__propagate', job_key_mode := 'replace', run_at := pg_catalog.now());
    exception when others then
      raise warning 'dialbridge: could not queue phoneburner_dnc__propagate (%): the 5-minute sweep will', sqlstate;
    end;
  end if;
  return v_rows;
end
$$;

COMMENT ON FUNCTION dialbridge.queue_dnc_propagations(p_suppression_ids uuid[]) IS 'For the given legal suppressions: one phoneburner_dnc_propagations row per live membership (active or paused session, not removed) of every contact they cover (the contact, or any contact with the number), then queues the worker. Rows with no PhoneBurner contact id or no connected account are recorded as such (they stay listed in reports.dnc_dialable_in_sessions). Idempotent.';

REVOKE ALL ON FUNCTION dialbridge.queue_dnc_propagations(p_suppression_ids uuid[]) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.queue_dnc_propagations(p_suppression_ids uuid[]) TO service_role;
