CREATE FUNCTION dialbridge.register_webhook_provider(p_provider text, p_description text, p_identity_fn text, p_refs_fn text, p_normalize_fn text DEFAULT NULL::text, p_process_fn text DEFAULT 'dialbridge.project_call_events'::text, p_event_types text[] DEFAULT '{}'::text[], p_inbox text DEFAULT 'dialbridge.webhook_events'::text, p_task_identifier text DEFAULT 'webhook_events__process'::text, p_job_key text DEFAULT NULL::text) RETURNS dialbridge.webhook_providers
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_row dialbridge.webhook_providers;
begin
  if to_regprocedure(p_identity_fn || '(text, jsonb, text)') is null then
    raise exception 'identity function %(text, jsonb, text) does not exist', p_identity_fn using errcode = 'DB022';
  end if;
  if to_regprocedure(p_refs_fn || '(text, jsonb)') is null and to_regprocedure(p_refs_fn || '(text, jsonb, text)') is null then
    raise exception 'refs function %(text, jsonb) does not exist', p_refs_fn using errcode = 'DB022';
  end if;
  if to_regprocedure(p_process_fn || '(text, bigint[], timestamptz)') is null then
    raise exception 'process function %(text, bigint[], timestamptz) does not exist', p_process_fn using errcode = 'DB022';
  end if;
  if p_normalize_fn is not null and to_regprocedure(p_normalize_fn || '(dialbridge.webhook_events)') is null then
    raise exception 'normalize function %(dialbridge.webhook_events) does not exist', p_normalize_fn using errcode = 'DB022';
  end if;
  insert into dialbridge.source_systems (source_system, description) values (p_provider, p_description)
  on conflict (source_system) do nothing;
  insert into dialbridge.webhook_providers as w (provider, description, inbox, identity_fn, refs_fn, process_fn,
         normalize_fn, event_types, task_identifier, job_key)
  values (p_provider, p_description, p_inbox, p_identity_fn, p_refs_fn, p_process_fn, p_normalize_fn,
          coalesce(p_event_types, '{}'), p_task_identifier,
          coalesce(p_job_key, p_task_identifier || ':' || p_provider))
  on conflict (provider) do update
     set description = excluded.description, inbox = excluded.inbox, identity_fn = excluded.identity_fn,
         refs_fn = excluded.refs_fn, process_fn = excluded.process_fn, normalize_fn = excluded.normalize_fn,
         event_types = excluded.event_types, task_identifier = excluded.task_identifier, job_key = excluded.job_key
   where (w.description, w.inbox, w.identity_fn, w.refs_fn, w.process_fn, w.normalize_fn, w.event_types,
          w.task_identifier, w.job_key)
         is distinct from
         (excluded.description, excluded.inbox, excluded.identity_fn, excluded.refs_fn, excluded.process_fn,
          excluded.normalize_fn, excluded.event_types, excluded.task_identifier, excluded.job_key);
  select * into v_row from dialbridge.webhook_providers w where w.provider = p_provider;
  return v_row;
end
$$;

COMMENT ON FUNCTION dialbridge.register_webhook_provider(p_provider text, p_description text, p_identity_fn text, p_refs_fn text, p_normalize_fn text, p_process_fn text, p_event_types text[], p_inbox text, p_task_identifier text, p_job_key text) IS 'Registers (or updates) a provider: its source system and its adapter''s functions, checked to exist with
the signatures the pipeline calls. The generic path needs identity, refs and normalize functions; the
job defaults to webhook_events__process with job_key webhook_events__process:<provider>. Idempotent.';

REVOKE ALL ON FUNCTION dialbridge.register_webhook_provider(p_provider text, p_description text, p_identity_fn text, p_refs_fn text, p_normalize_fn text, p_process_fn text, p_event_types text[], p_inbox text, p_task_identifier text, p_job_key text) FROM PUBLIC;
