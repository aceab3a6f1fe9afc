-- migrate:up
-- SourceCo's PhoneBurner settings screen (admins) shows the webhook log: its count and the ten latest
-- deliveries (event_type, event_id, processing_status, created_at), and the system test runner checks that
-- the table is readable. Admins now read the log from the browser (row-level security: admins only); reps
-- and anon still read nothing, and nobody but the service role writes it.
grant select on public.phoneburner_webhooks_log to authenticated;
drop policy if exists "Admins read the webhook log" on public.phoneburner_webhooks_log;
create policy "Admins read the webhook log" on public.phoneburner_webhooks_log
  for select to authenticated using ((select dialbridge.is_admin()));

-- migrate:down
--
