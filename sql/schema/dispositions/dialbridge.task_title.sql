CREATE FUNCTION dialbridge.task_title(p_task_type text, p_contact public.contacts, p_label text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
  select pg_catalog.concat_ws(' – ',
           (case p_task_type
              when 'call' then 'Call'
              when 'email' then 'Email'
              when 'meeting_prep' then 'Prepare the meeting with'
              when 'research' then 'Research'
              when 'send_materials' then 'Send materials to'
              when 'follow_up' then 'Follow up with'
              else 'Follow up with'
            end) || ' ' ||
           coalesce(nullif(pg_catalog.btrim(pg_catalog.concat_ws(' ', p_contact.first_name, p_contact.last_name)), ''),
                    nullif(pg_catalog.btrim(p_contact.company), ''), 'contact'),
           nullif(pg_catalog.btrim(p_label), ''))
$$;

COMMENT ON FUNCTION dialbridge.task_title(p_task_type text, p_contact public.contacts, p_label text) IS 'Task title: "Email John Smith – Interested - Send Information".';

REVOKE ALL ON FUNCTION dialbridge.task_title(p_task_type text, p_contact public.contacts, p_label text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.task_title(p_task_type text, p_contact public.contacts, p_label text) TO service_role;
