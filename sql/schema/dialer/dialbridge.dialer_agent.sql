CREATE FUNCTION dialbridge.dialer_agent(p_agent_id uuid) RETURNS uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if auth.uid() is not null then
    if p_agent_id is not null and p_agent_id <> auth.uid() then
      raise exception 'you can only dial for yourself' using errcode = '42501';
    end if;
    return auth.uid();
  end if;
  if coalesce(auth.role(), 'service_role') <> 'service_role' then
    raise exception 'sign in to dial' using errcode = '42501';
  end if;
  if p_agent_id is null then
    raise exception 'name the agent to dial for' using errcode = '22023';
  end if;
  return p_agent_id;
end
$$;

COMMENT ON FUNCTION dialbridge.dialer_agent(p_agent_id uuid) IS 'The agent a dialing call acts for: the signed-in user (who may not name another), or for the service role (the power dialer) the agent it names.';

REVOKE ALL ON FUNCTION dialbridge.dialer_agent(p_agent_id uuid) FROM PUBLIC;
