CREATE FUNCTION dialbridge.tg__queue_rematch() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if exists (select 1 from public.contact_activities a
              where a.matching_status = 'unmatched' and a.source_system = 'phoneburner' and a.deleted_at is null) then
    begin
      perform graphile_worker.add_job('contact_activities__rematch', '{}'::json,
        job_key := 'contact_activities__rematch', job_key_mode := 'replace', run_at := pg_catalog.now() + interval '2 seconds');
    exception when others then
      raise warning 'dialbridge: could not queue contact_activities__rematch (%): the 10-minute sweep will', sqlstate;
    end;
  end if;
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg__queue_rematch() IS 'Trigger function: something a call''s contact is found by changed (a contact''s PhoneBurner or SourceCo id, a session member''s PhoneBurner id, a pushed session''s PhoneBurner id): while unmatched PhoneBurner calls exist, queues the worker''s contact_activities__rematch (coalesced, 2 s debounce).';

REVOKE ALL ON FUNCTION dialbridge.tg__queue_rematch() FROM PUBLIC;
