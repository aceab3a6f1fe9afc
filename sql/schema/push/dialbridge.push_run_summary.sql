CREATE FUNCTION dialbridge.push_run_summary(p_run_id uuid) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_run public.phoneburner_push_runs;
  v_uid uuid := auth.uid();
begin
  select * into v_run from public.phoneburner_push_runs where id = p_run_id;
  if v_run.id is null or (v_uid is not null and not (v_run.team_id is not distinct from dialbridge.current_team_id()
                                                     or dialbridge.is_admin())) then
    raise exception 'push run not found' using errcode = 'DB044';
  end if;
  return pg_catalog.jsonb_build_object(
    'run_id', v_run.id,
    'request_id', v_run.request_id,
    'status', v_run.status,
    'stage', v_run.stage,
    'stage_detail', v_run.stage_detail,
    'progress', pg_catalog.jsonb_build_object('done', v_run.contacts_done, 'total', v_run.contacts_ready,
                                              'batches_done', v_run.batches_done, 'batches_total', v_run.batches_total),
    'session_name', v_run.session_name,
    'session_id', v_run.session_id,
    'phoneburner_session_id', case when v_run.phoneburner_session_id like 'pending:%' then null else v_run.phoneburner_session_id end,
    'session_url', v_run.session_url,
    'redirect_url', case when v_uid is null or v_uid = v_run.user_id then v_run.redirect_url end,
    'api_style', v_run.api_style,
    'total_contacts', v_run.total_contacts,
    'contacts_ready', v_run.contacts_ready,
    'contacts_added', v_run.contacts_added,
    'contacts_updated', v_run.contacts_updated,
    'contacts_failed', v_run.contacts_failed,
    'contacts_excluded', v_run.contacts_excluded,
    'contacts_overridden', v_run.contacts_overridden,
    'batches_total', v_run.batches_total,
    'error', v_run.error,
    'error_code', v_run.error_code,
    'exclusions', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'contact_id', rc.contact_id,
               'name', coalesce(nullif(pg_catalog.btrim(pg_catalog.concat_ws(' ', c.first_name, c.last_name)), ''), c.email, 'Unnamed contact'),
               'company', c.company,
               'reason', dialbridge.push_reason_label(rc.reason) || coalesce(': ' || rc.detail, ''),
               'reason_code', rc.reason,
               'detail', rc.detail) order by rc.position)
        from public.phoneburner_push_run_contacts rc join public.contacts c on c.id = rc.contact_id
       where rc.run_id = v_run.id and rc.status = 'excluded'), '[]'::jsonb),
    'failures', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'contact_id', rc.contact_id,
               'name', coalesce(nullif(pg_catalog.btrim(pg_catalog.concat_ws(' ', c.first_name, c.last_name)), ''), c.email, 'Unnamed contact'),
               'field', rc.error_field, 'error', rc.error_message) order by rc.position)
        from public.phoneburner_push_run_contacts rc join public.contacts c on c.id = rc.contact_id
       where rc.run_id = v_run.id and rc.status = 'failed'), '[]'::jsonb));
end
$$;

COMMENT ON FUNCTION dialbridge.push_run_summary(p_run_id uuid) IS 'A run as the push function answers it (both request shapes read from it): ids, status and progress,
counts, the session, exclusions with names and reasons, per-contact failures. Security definer with
an explicit check: the caller sees runs of their team (admins all; the service role any). redirect_url
is only included for the service role and for the run''s own pusher.';

REVOKE ALL ON FUNCTION dialbridge.push_run_summary(p_run_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.push_run_summary(p_run_id uuid) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.push_run_summary(p_run_id uuid) TO service_role;
