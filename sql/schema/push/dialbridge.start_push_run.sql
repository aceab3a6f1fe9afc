CREATE FUNCTION dialbridge.start_push_run(p_request jsonb, as_of timestamp with time zone DEFAULT now()) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
  v_request_id text := nullif(pg_catalog.btrim(p_request ->> 'request_id'), '');
  v_options jsonb := coalesce(p_request -> 'options', '{}'::jsonb);
  v_filter jsonb := p_request -> 'filter';
  v_contact_ids uuid[];
  v_ids uuid[];
  v_rows jsonb;
  v_existing record;
  v_run_id uuid;
  v_refused integer;
  v_unjustified integer;
  v_key text;
begin
  if auth.uid() is null then
    raise exception 'sign in to push contacts' using errcode = 'DB042';
  end if;
  if p_request is null or pg_catalog.jsonb_typeof(p_request) <> 'object' then
    raise exception 'the push request must be a JSON object' using errcode = 'DB040';
  end if;
  for v_key in select pg_catalog.jsonb_object_keys(p_request) loop
    if v_key not in ('request_id', 'contact_ids', 'filter', 'options', 'target_user_id', 'api_style', 'request_shape',
                     'entity_type') then
      raise exception 'unknown push request key "%"', v_key using errcode = 'DB040';
    end if;
  end loop;
  if v_request_id is null or pg_catalog.length(v_request_id) > 200 then
    raise exception 'request_id is required (at most 200 characters)' using errcode = 'DB040';
  end if;
  if v_filter is not null and pg_catalog.jsonb_typeof(v_filter) = 'null' then
    v_filter := null;
  end if;
  perform dialbridge.validate_contact_filter(v_filter);
  perform dialbridge.validate_push_options(v_options);
  if coalesce(p_request ->> 'api_style', 'dialsession') not in ('dialsession', 'seed') then
    raise exception 'api_style must be "dialsession" or "seed"' using errcode = 'DB040';
  end if;
  if p_request -> 'contact_ids' is not null and pg_catalog.jsonb_typeof(p_request -> 'contact_ids') <> 'null' then
    if pg_catalog.jsonb_typeof(p_request -> 'contact_ids') <> 'array' or exists (
         select 1 from pg_catalog.jsonb_array_elements(p_request -> 'contact_ids') e
          where coalesce(e #>> '{}', '') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') then
      raise exception 'contact_ids must be an array of uuids' using errcode = 'DB040';
    end if;
    v_contact_ids := array(select (e #>> '{}')::uuid from pg_catalog.jsonb_array_elements(p_request -> 'contact_ids') e);
  end if;

  -- idempotency: the same key never starts a second run
  select r.id, r.user_id into v_existing from public.phoneburner_push_runs r where r.request_id = v_request_id;
  if v_existing.id is null and exists (select 1 from dialbridge.push_run_owner(v_request_id)) then
    raise exception 'request_id % is already used by another push', v_request_id using errcode = 'DB040';
  end if;
  if v_existing.id is not null then
    if v_existing.user_id is distinct from auth.uid() then
      raise exception 'request_id % is already used by another push', v_request_id using errcode = 'DB040';
    end if;
    return dialbridge.push_run_summary(v_existing.id) || '{"replayed": true}'::jsonb;
  end if;

  v_ids := dialbridge.resolve_push_selection(v_contact_ids, v_filter, as_of);
  if pg_catalog.cardinality(v_ids) = 0 then
    raise exception 'no contacts found for this selection' using errcode = 'DB043';
  end if;

  select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'contact_id', c.contact_id, 'ord', c.ord, 'status', c.status, 'reason', c.reason, 'detail', c.detail,
           'is_overridden', c.is_overridden, 'overridden_reason', c.overridden_reason,
           'override_reason', c.override_reason, 'phone_e164', c.phone_e164) order by c.ord),
         pg_catalog.count(*) filter (where c.override_refused and c.reason = 'legal_dnc'),
         pg_catalog.count(*) filter (where c.is_overridden and coalesce(pg_catalog.btrim(c.override_reason), '') = '')
    into v_rows, v_refused, v_unjustified
    from dialbridge.push_candidates(v_ids, v_options, as_of, true) c;
  if v_rows is null then
    raise exception 'no contacts found for this selection' using errcode = 'DB043';
  end if;
  if v_refused > 0 then
    raise exception '% contact(s) are on the legal do-not-call list: that can never be overridden', v_refused
      using errcode = 'DB041';
  end if;
  if v_unjustified > 0 then
    raise exception '% override(s) without a reason: say why each excluded contact is included', v_unjustified
      using errcode = 'DB045';
  end if;

  v_run_id := dialbridge.record_push_run(
    pg_catalog.jsonb_build_object(
      'request_id', v_request_id,
      'target_user_id', p_request ->> 'target_user_id',
      'request_shape', coalesce(p_request ->> 'request_shape', 'dialbridge'),
      'entity_type', p_request ->> 'entity_type',
      'api_style', coalesce(p_request ->> 'api_style', v_options ->> 'api_style', 'dialsession'),
      'filter', v_filter,
      'filter_fingerprint', dialbridge.push_fingerprint(v_contact_ids, v_filter),
      'options', v_options,
      'target_session_id', v_options ->> 'target_session_id',
      'session_name', coalesce(nullif(pg_catalog.btrim(v_options ->> 'session_name'), ''),
                               dialbridge.suggest_session_name(
                                 coalesce(nullif(array(select (e ->> 'contact_id')::uuid from pg_catalog.jsonb_array_elements(v_rows) e
                                                        where e ->> 'status' = 'ready'), '{}'), v_ids),
                                 v_filter, as_of))),
    v_rows, as_of);
  return dialbridge.push_run_summary(v_run_id) || '{"replayed": false}'::jsonb;
end
$_$;

COMMENT ON FUNCTION dialbridge.start_push_run(p_request jsonb, as_of timestamp with time zone) IS 'Starts a push AS THE REP (call with role authenticated and the rep''s JWT claims; RLS applies to every
read). p_request: {request_id (required, the idempotency key), contact_ids | filter, options,
target_user_id, api_style, request_shape, entity_type}. Validates like the preview, refuses overrides
of legal do-not-call (DB041) and overrides without a reason (DB045), then records the run. A request_id
already used by the same rep returns that run again ("replayed") instead of pushing twice.
Returns {run_id, request_id, replayed, status, contacts_ready, contacts_excluded, batches_total}.';

REVOKE ALL ON FUNCTION dialbridge.start_push_run(p_request jsonb, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.start_push_run(p_request jsonb, as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.start_push_run(p_request jsonb, as_of timestamp with time zone) TO service_role;
