CREATE VIEW dialbridge.dialer_agents_ready AS
 SELECT s.user_id,
    s.campaign_id,
    s.since,
    c.type
   FROM (public.dialer_agent_states s
     JOIN public.dialer_campaigns c ON ((c.id = s.campaign_id)))
  WHERE ((s.state = 'available'::text) AND (c.status = 'active'::text) AND (c.type = 'power'::text));

COMMENT ON VIEW dialbridge.dialer_agents_ready IS 'Agents available on an active power campaign: the power dialer starts their next call (public.next_contact_to_dial, then click-to-call). Predictive campaigns are paced per campaign instead (dialer_campaigns__pace).';

COMMENT ON COLUMN dialbridge.dialer_agents_ready.user_id IS 'The agent.';

COMMENT ON COLUMN dialbridge.dialer_agents_ready.campaign_id IS 'The campaign.';

COMMENT ON COLUMN dialbridge.dialer_agents_ready.since IS 'Free since.';

COMMENT ON COLUMN dialbridge.dialer_agents_ready.type IS 'The campaign''s type (power).';

GRANT SELECT ON TABLE dialbridge.dialer_agents_ready TO service_role;
