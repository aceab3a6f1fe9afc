CREATE VIEW reports.voice_agent_credits WITH (security_invoker='true') AS
 SELECT b.user_id,
    p.display_name AS user_name,
    b.balance,
    b.updated_at AS balance_updated_at,
    ( SELECT count(*) AS count
           FROM dialbridge.report_voice_calls c
          WHERE ((c.user_id = b.user_id) AND (c.bolna_status = 'balance-low'::text))) AS balance_low_calls,
    ( SELECT max(COALESCE(c.completed_at, c.created_at)) AS max
           FROM dialbridge.report_voice_calls c
          WHERE ((c.user_id = b.user_id) AND (c.bolna_status = 'balance-low'::text))) AS last_balance_low_at
   FROM (dialbridge.report_credit_balances b
     LEFT JOIN dialbridge.report_profiles p ON ((p.id = b.user_id)));

COMMENT ON VIEW reports.voice_agent_credits IS 'Voice-agent credits per user: the balance, and the calls Bolna refused for a low balance (balance-low), the latest when.';

COMMENT ON COLUMN reports.voice_agent_credits.user_id IS 'The user.';

COMMENT ON COLUMN reports.voice_agent_credits.user_name IS 'Their display name.';

COMMENT ON COLUMN reports.voice_agent_credits.balance IS 'Credits left.';

COMMENT ON COLUMN reports.voice_agent_credits.balance_updated_at IS 'When the balance last changed.';

COMMENT ON COLUMN reports.voice_agent_credits.balance_low_calls IS 'Calls Bolna ended with balance-low.';

COMMENT ON COLUMN reports.voice_agent_credits.last_balance_low_at IS 'The latest of them.';

GRANT SELECT ON TABLE reports.voice_agent_credits TO authenticated;
GRANT SELECT ON TABLE reports.voice_agent_credits TO service_role;
GRANT SELECT ON TABLE reports.voice_agent_credits TO dialbridge_metabase;
