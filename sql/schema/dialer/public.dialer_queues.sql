CREATE VIEW public.dialer_queues WITH (security_invoker='true') AS
 SELECT cc.id,
    cc.campaign_id,
    cc.contact_id,
    cc.priority,
    GREATEST(cc.scheduled_at, cc.next_attempt_at) AS scheduled_at,
        CASE cc.status
            WHEN 'pending'::text THEN 'queued'::text
            WHEN 'callback'::text THEN 'queued'::text
            WHEN 'calling'::text THEN 'calling'::text
            WHEN 'completed'::text THEN 'completed'::text
            WHEN 'do-not-call'::text THEN 'skipped'::text
            WHEN 'failed'::text THEN
            CASE
                WHEN (cc.attempts >= c.max_attempts) THEN 'failed'::text
                ELSE 'queued'::text
            END
            ELSE NULL::text
        END AS status,
    cc.created_at
   FROM (public.campaign_contacts cc
     JOIN public.dialer_campaigns c ON ((c.id = cc.campaign_id)));

COMMENT ON VIEW public.dialer_queues IS 'The seed''s dialer queue, read from campaign_contacts (one source of truth): queued (pending, callback, or failed with attempts left), calling, completed, failed (out of attempts), skipped (do-not-call).';

COMMENT ON COLUMN public.dialer_queues.id IS 'The campaign contact.';

COMMENT ON COLUMN public.dialer_queues.campaign_id IS 'The campaign.';

COMMENT ON COLUMN public.dialer_queues.contact_id IS 'The platform contact.';

COMMENT ON COLUMN public.dialer_queues.priority IS 'Queue priority (higher first).';

COMMENT ON COLUMN public.dialer_queues.scheduled_at IS 'Not dialed before this.';

COMMENT ON COLUMN public.dialer_queues.status IS 'queued, calling, completed, failed, skipped.';

COMMENT ON COLUMN public.dialer_queues.created_at IS 'When it was queued.';

GRANT ALL ON TABLE public.dialer_queues TO service_role;
GRANT SELECT ON TABLE public.dialer_queues TO authenticated;
