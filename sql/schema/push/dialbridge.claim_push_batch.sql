CREATE FUNCTION dialbridge.claim_push_batch(p_batch_id uuid, p_holder text, as_of timestamp with time zone DEFAULT now()) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_batch public.phoneburner_push_batches;
  v_run public.phoneburner_push_runs;
  v_ids uuid[];
  v_contacts jsonb;
  v_contact_ids jsonb;
  v_session_pb_id text;
  v_name text;
begin
  select * into v_batch from public.phoneburner_push_batches where id = p_batch_id for update;
  if v_batch.id is null then
    return '{"state": "done", "why": "no such batch"}'::jsonb;
  end if;
  select * into v_run from public.phoneburner_push_runs where id = v_batch.run_id for update;
  if v_batch.status in ('succeeded', 'failed') or v_run.status in ('failed', 'succeeded', 'partially_succeeded', 'nothing_to_push') then
    return pg_catalog.jsonb_build_object('state', 'done', 'run_id', v_run.id);
  end if;
  if exists (select 1 from public.phoneburner_push_batches b
              where b.run_id = v_batch.run_id and b.batch_no < v_batch.batch_no and b.status <> 'succeeded') then
    return pg_catalog.jsonb_build_object('state', 'blocked', 'run_id', v_run.id);
  end if;

  -- send-time gate: whatever became blocked since the preview is excluded now (legal do-not-call always,
  -- other blocks unless the rep overrode them), and numbers are re-read
  with gate as (
    select rc.contact_id, b.block, b.detail
      from public.phoneburner_push_run_contacts rc
      join dialbridge.push_blocks(array(select x.contact_id from public.phoneburner_push_run_contacts x
                                         where x.run_id = v_run.id and x.batch_no = v_batch.batch_no and x.status = 'queued'),
                                  as_of) b on b.contact_id = rc.contact_id
     where rc.run_id = v_run.id and rc.batch_no = v_batch.batch_no and rc.status = 'queued'
       and (b.block = 'legal_dnc' or not rc.is_overridden)
  )
  update public.phoneburner_push_run_contacts rc
     set status = 'failed', error_field = 'do_not_call',
         error_message = 'Not sent: ' || pg_catalog.lower(dialbridge.push_reason_label(g.block)) || ' since the preview (' || g.detail || ')'
    from gate g
   where rc.run_id = v_run.id and rc.contact_id = g.contact_id;

  update public.phoneburner_push_run_contacts rc
     set status = 'failed', error_field = 'phone', error_message = 'Not sent: the number changed and is not valid now'
    from public.contacts c
   where rc.run_id = v_run.id and rc.batch_no = v_batch.batch_no and rc.status = 'queued'
     and c.id = rc.contact_id and (c.phone_status is distinct from 'valid' or c.phone_number_invalid and not rc.is_overridden);
  update public.phoneburner_push_run_contacts rc
     set phone_e164 = c.phone_e164
    from public.contacts c
   where rc.run_id = v_run.id and rc.batch_no = v_batch.batch_no and rc.status = 'queued'
     and c.id = rc.contact_id and rc.phone_e164 is distinct from c.phone_e164;

  v_ids := array(select rc.contact_id from public.phoneburner_push_run_contacts rc
                  where rc.run_id = v_run.id and rc.batch_no = v_batch.batch_no and rc.status = 'queued'
                  order by rc.position);
  if pg_catalog.cardinality(v_ids) = 0 then
    return pg_catalog.jsonb_build_object('state', 'empty', 'run_id', v_run.id, 'batch_id', v_batch.id);
  end if;

  v_name := v_run.session_name || case when v_run.api_style = 'dialsession' and v_run.batches_total > 1
                                       then ' (' || v_batch.batch_no || '/' || v_run.batches_total || ')' else '' end;
  -- seed contract: later batches (and pushes into an existing session) go into the known session
  select coalesce(
           (select s.phoneburner_session_id from public.phoneburner_sessions s where s.id = v_run.target_session_id),
           (select b.phoneburner_session_id from public.phoneburner_push_batches b
             where b.run_id = v_run.id and b.batch_no = 1 and b.status = 'succeeded'
               and b.phoneburner_session_id not like 'pending:%'))
    into v_session_pb_id;
  if v_run.api_style = 'dialsession' then
    v_session_pb_id := null;
  end if;

  select pg_catalog.jsonb_agg(
           case when v_run.api_style = 'dialsession' then
             pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
               'first_name', nullif(pg_catalog.btrim(c.first_name), ''),
               'last_name', nullif(pg_catalog.btrim(c.last_name), ''),
               'phone', rc.phone_e164,
               'email', nullif(pg_catalog.btrim(c.email), ''),
               'company', nullif(pg_catalog.btrim(c.company), ''),
               'title', nullif(pg_catalog.btrim(c.title), ''),
               'address1', nullif(pg_catalog.btrim(c.address_line1), ''),
               'city', nullif(pg_catalog.btrim(c.city), ''),
               'state', nullif(pg_catalog.btrim(c.state), ''),
               'zip', nullif(pg_catalog.btrim(c.zip), ''),
               'external_crm_data', pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                 'crm_id', c.sourceco_contact_id, 'crm_name', 'sourceco')),
               'custom_fields', (select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                                   'name', k.label, 'value', x.custom_fields ->> k.key, 'type', 1) order by k.ord)
                                   from dialbridge.phoneburner_custom_field_catalog() k where x.custom_fields ? k.key)))
           else
             pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
               'first_name', nullif(pg_catalog.btrim(c.first_name), ''),
               'last_name', nullif(pg_catalog.btrim(c.last_name), ''),
               'phone', rc.phone_e164,
               'email', nullif(pg_catalog.btrim(c.email), ''),
               'company', nullif(pg_catalog.btrim(c.company), ''),
               'title', nullif(pg_catalog.btrim(c.title), ''),
               'address', nullif(pg_catalog.btrim(c.address_line1), ''),
               'city', nullif(pg_catalog.btrim(c.city), ''),
               'state', nullif(pg_catalog.btrim(c.state), ''),
               'zip', nullif(pg_catalog.btrim(c.zip), ''),
               'country', nullif(pg_catalog.btrim(c.country), ''),
               'custom_fields', x.custom_fields))
           end order by rc.position),
         pg_catalog.jsonb_agg(rc.contact_id order by rc.position)
    into v_contacts, v_contact_ids
    from public.phoneburner_push_run_contacts rc
    join public.contacts c on c.id = rc.contact_id
    join dialbridge.phoneburner_call_context(v_ids) x on x.contact_id = rc.contact_id
   where rc.run_id = v_run.id and rc.batch_no = v_batch.batch_no and rc.status = 'queued';

  update public.phoneburner_push_batches
     set status = 'sending', attempts = attempts + 1, leased_by = p_holder, started_at = coalesce(started_at, as_of),
         next_attempt_at = null
   where id = v_batch.id;
  update public.phoneburner_push_runs
     set status = 'pushing', stage = 'uploading', started_at = coalesce(started_at, as_of),
         stage_detail = 'Uploading ' || pg_catalog.cardinality(v_ids) || ' contacts to "' || v_name || '"'
                        || case when v_run.batches_total > 1 then ' (batch ' || v_batch.batch_no || ' of ' || v_run.batches_total || ')' else '' end
   where id = v_run.id;

  return pg_catalog.jsonb_build_object(
    'state', 'ready',
    'run_id', v_run.id,
    'batch_id', v_batch.id,
    'batch_no', v_batch.batch_no,
    'batches_total', v_run.batches_total,
    'attempt', v_batch.attempts + 1,
    'api_style', v_run.api_style,
    'target_user_id', v_run.target_user_id,
    'request_key', v_batch.request_key,
    'session_name', v_name,
    'session_description', 'Pushed from SourceCo by dialbridge (' || v_run.contacts_ready || ' contacts)',
    'phoneburner_session_id', v_session_pb_id,
    -- the previous attempt may have reached PhoneBurner (no answer, or its sender died mid-call):
    -- the executor looks the session up by its key before sending anything again
    'needs_lookup', v_batch.attempts > 0
                    and ((v_batch.status = 'sending' and v_batch.leased_by is distinct from p_holder)
                         or (v_batch.status = 'retrying' and v_batch.last_error_code in ('PB_TIMEOUT', 'PB_NETWORK', 'PB_SERVER_ERROR'))),
    'last_error_code', v_batch.last_error_code,
    'update_existing', coalesce((v_run.options ->> 'update_existing')::boolean, true),
    'skip_duplicates', coalesce((v_run.options ->> 'skip_duplicates')::boolean, true),
    'contact_ids', v_contact_ids,
    'contacts', v_contacts);
end
$$;

COMMENT ON FUNCTION dialbridge.claim_push_batch(p_batch_id uuid, p_holder text, as_of timestamp with time zone) IS 'Takes a batch for sending (service role). Locks the batch; checks legal do-not-call, suppressions and
numbers once more at send time (what changed since the preview is excluded now, never sent); builds the
PhoneBurner payload in the run''s API style; counts the attempt. Returns {state: ready | done | blocked |
empty, …}: blocked while an earlier batch of the run is unfinished, empty when nothing is left to send;
needs_lookup when the previous attempt may have created the session (timeout, network error, 5xx, or
a sender that died mid-call).';

REVOKE ALL ON FUNCTION dialbridge.claim_push_batch(p_batch_id uuid, p_holder text, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.claim_push_batch(p_batch_id uuid, p_holder text, as_of timestamp with time zone) TO service_role;
