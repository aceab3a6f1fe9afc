CREATE FUNCTION dialbridge.mark_contacts_for_scoring(p_contact_ids uuid[]) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  -- contacts only (a deleted contact's calls lose their contact_id: nothing left to score)
  insert into dialbridge.contacts_to_score (contact_id)
  select c.id from public.contacts c where c.id = any (p_contact_ids) order by c.id
  on conflict (contact_id) do nothing;
  if pg_catalog.to_regnamespace('graphile_worker') is null then
    return;
  end if;
  begin
    begin
      if pg_catalog.pg_try_advisory_xact_lock_shared(dialbridge.scoring_markers_lock_key()) then
        if exists (select 1 from graphile_worker._private_jobs j
                    where j.key = 'contacts__score:marked' and j.locked_at is null and j.attempts = 0) then
          return;  -- the queued job claims after its barrier, i.e. after this transaction
        end if;
      end if;
    exception when others then
      null;  -- e.g. a graphile-worker whose tables changed: queue the ordinary way below
    end;
    perform graphile_worker.add_job('contacts__score', '{"marked": true}'::json,
      job_key := 'contacts__score:marked', job_key_mode := 'preserve_run_at', max_attempts := 5);
  exception when others then
    raise warning 'dialbridge: could not queue contacts__score (%): marked contacts wait for the sweep', sqlstate;
  end;
end
$$;

COMMENT ON FUNCTION dialbridge.mark_contacts_for_scoring(p_contact_ids uuid[]) IS 'Marks contacts for rescoring and makes sure a contacts__score job will see the marks (see above).
Called with the contacts'' row locks held (the roll-up trigger); ids that are no contact''s are ignored.
Never fails the caller because of the queue: the marks stay and the cron sweep queues the job.';

REVOKE ALL ON FUNCTION dialbridge.mark_contacts_for_scoring(p_contact_ids uuid[]) FROM PUBLIC;
