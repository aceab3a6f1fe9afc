CREATE VIEW dialbridge.report_credit_balances WITH (security_barrier='true') AS
 SELECT b.user_id,
    b.balance,
    b.updated_at
   FROM public.credit_balances b
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR ( SELECT dialbridge.is_admin() AS is_admin) OR (b.user_id = ( SELECT auth.uid() AS uid)));

COMMENT ON VIEW dialbridge.report_credit_balances IS 'Credit balances the caller may see. Read by reports views.';

GRANT SELECT ON TABLE dialbridge.report_credit_balances TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_credit_balances TO service_role;
GRANT SELECT ON TABLE dialbridge.report_credit_balances TO dialbridge_metabase;
