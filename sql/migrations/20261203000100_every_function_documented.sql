-- migrate:up
-- Every function says what it does in the catalog (COMMENT ON), where psql's \df+, Supabase's studio,
-- the declarative source (sql/schema/) and the documentation test read it. The texts are the doc comments
-- (/** … */) each function had in its migration, unchanged. Re-runnable: COMMENT ON replaces.

comment on function dialbridge.acquire_phoneburner_lease(uuid,text,integer) is
'Takes (or renews) the lease on a rep''s PhoneBurner account; false while someone else holds it.';

comment on function dialbridge.activity_call_stats(public.contact_activities) is
'The contribution of one contact_activities row to the contact and session call statistics.';

comment on function dialbridge.activity_deltas(public.contact_activities[],public.contact_activities[]) is
'The signed, classified contributions of old and new contact_activities rows (old −1, new +1): what
every roll-up adds up. Classification by dialbridge.disposition_classes (code first, then label).';

comment on function dialbridge.activity_facts(public.contact_activities) is
'The roll-up contribution of one contact_activities row: one row for a call or a callback, none for
anything else (contact changes, notes, emails) or a soft-deleted row.';

comment on function dialbridge.activity_stat_deltas(public.contact_activities[],public.contact_activities[]) is
'The statistics change of one statement on contact_activities as signed contributions: p_old = rows as
they were (-1), p_new = rows as they are (+1). A row whose contribution did not change cancels out.';

comment on function dialbridge.apply_activity_changes(public.contact_activities[],public.contact_activities[]) is
'Applies a change of contact_activities rows to every roll-up: the old rows'' contributions are
subtracted, the new rows'' added. Lock order, shared by every writer: the contacts involved (by id),
then rep_daily_stats, rep_day_totals, session_stats, session_contact_stats, session_totals,
segment_daily_stats (each in key order). Finally every contact whose calls changed is marked for
rescoring (dialbridge.mark_contacts_for_scoring: the contacts__score job recomputes it moments later, off
this path, since a score reads the contact''s whole history); the score is always derived from the calls.';

comment on function dialbridge.apply_call_stat_deltas(dialbridge.activity_stat_delta[]) is
'Applies signed contributions to the contacts, sessions and session members they concern: sums per
parent, monotonic extremes, an indexed top-1 re-read where a removed row held an extreme. Parent rows
are locked in id order: contacts, then sessions, then session members — FOR NO KEY UPDATE, which does not
conflict with the KEY SHARE locks that inserting activities takes on the same parents in row order (FOR
UPDATE did, and two concurrent writers deadlocked on it).';

comment on function dialbridge.apply_callback(uuid) is
'Applies a scheduled callback (callback_scheduled activity, or any activity carrying
callback_scheduled_date): an open ''call'' task (source ''callback'') due at the callback time for the rep
(user_id, else the contact owner), with details.notes; the contact''s next action ''call'' on that date (in
details.timezone, else the contact''s) unless a newer disposition or callback set it. A later callback for
the same call (same activity, or same phoneburner_call_id) reschedules that task instead of adding one; an
older one arriving late changes nothing. A disposition call task of the same call is cancelled (the
callback is the follow-up). On a do-not-call contact the task is recorded as cancelled. Notes:
details.notes, else (callback rows) disposition_notes. Event time: details.event_at, else
disposition_set_at, else just after its call''s disposition, else created_at. Idempotent.';

comment on function dialbridge.apply_contact_changes(uuid) is
'Applies a contact_updated activity (details: {changes: {field: {old, new}}, updated_by, event_at}) field
by field, last write wins by event time: a change is applied when its (event time, event id) is newer
than the newest applied change of that field (from either side); otherwise it is kept as not applied.
One contact_field_changes row per (event, field), source ''phoneburner'', changed_at = event time.
Only the synced fields (dialbridge.synced_contact_column) change the contact; other fields, do_not_call
included, are audited as not applied. A changed email domain flags the contact for review; a changed
phone clears the invalid-number flag (the new number is untested). Idempotent per (event, field).';

comment on function dialbridge.apply_disposition(uuid) is
'One call''s disposition: dialbridge.apply_dispositions of that call (kept for the link RPC and callers).';

comment on function dialbridge.apply_dispositions(uuid[]) is
'Applies the dispositions of the given calls (contact_activities ids) to their contacts through the
matching disposition mappings: the rules of the header of 20261121002120_disposition_engine.sql, set-based
(see the header of this migration). Calls that are unmatched, deleted or without a disposition are left
alone; a call already applied as it is changes nothing. Raises DB037 for an id that is not an activity.
Event times come from the activities, never now(), so a replay produces the same rows.';

comment on function dialbridge.apply_phone_normalizations(jsonb,timestamp with time zone) is
'Applies normalisations computed outside SQL: [{id, phone, phone_e164, phone_status}] where phone is the
value that was normalised. A row whose phone changed since is left alone (still pending). Returns the
number of rows updated. Unparseable numbers are flagged phone_number_invalid (reason ''unparseable'');
a valid number clears that flag (never one set by a disposition).';

comment on function dialbridge.await_phoneburner_receivers() is
'The barrier the batch processor calls before it claims events: returns once every receiver that
counted on an already queued job has committed. Holds nothing afterwards (session lock taken and
released at once, released on error too).';

comment on function dialbridge.await_scoring_markers() is
'The barrier the scoring job calls before it claims marks: returns once every marker that counted on an
already queued job has committed. Holds nothing afterwards.';

comment on function dialbridge.best_call_time(uuid,timestamp with time zone) is
'Best ISO day of week and hour to call a contact, as of a time:
{"day_of_week", "time_of_day", "source": contact | segment | everyone, "basis": {...}} — nulls when there
is nothing to go on.';

comment on function dialbridge.buffer_or_apply_call_stat_deltas(dialbridge.activity_stat_delta[]) is
'Within a batch of the event processor (setting dialbridge.defer_call_stats = on for the transaction)
statement deltas are buffered in a temporary table and applied once, by flush_call_stat_deltas(), at
the end of the batch: each contact and session is then updated and locked once per batch, in id order,
for the shortest time. Everywhere else (the browser, link_unmatched_activity, …) they apply at once.';

comment on function dialbridge.call_has_open_callback_task(uuid,uuid,text) is
'Whether the call (or another activity of the same PhoneBurner call) has an open callback task: the
scheduled callback is then the follow-up call, and the disposition adds no second call task.';

comment on function dialbridge.called_ago(timestamp with time zone,timestamp with time zone) is
'"called today", "called 1 day ago", "called 5 days ago".';

comment on function dialbridge.claim_contact_mark(uuid,text,uuid,timestamp with time zone) is
'Claims a contact''s status or next action for an activity if its event time is the newest seen (ties:
larger activity id; the same activity always re-claims). True when the caller should write it.';

comment on function dialbridge.claim_pending_phones(integer) is
'The next rows waiting for normalisation (locked for the caller''s transaction, skipping rows another
worker holds): id, the number and the contact''s country as a default region hint.';

comment on function dialbridge.claim_push_batch(uuid,text,timestamp with time zone) is
'Takes a batch for sending (service role). Locks the batch; checks legal do-not-call, suppressions and
numbers once more at send time (what changed since the preview is excluded now, never sent); builds the
PhoneBurner payload in the run''s API style; counts the attempt. Returns {state: ready | done | blocked |
empty, …}: blocked while an earlier batch of the run is unfinished, empty when nothing is left to send;
needs_lookup when the previous attempt may have created the session (timeout, network error, 5xx, or
a sender that died mid-call).';

comment on function dialbridge.complete_push_batch(uuid,jsonb,timestamp with time zone,boolean) is
'Records a sent batch (service role, idempotent): the session (created or reused; ''pending:<key>'' until
PhoneBurner reports its id), memberships, each contact''s PhoneBurner id and sync time, per-contact
results and failures, the run''s counters and progress; finishes the run after its last batch or queues
the next batch. p_result: {phoneburner_session_id?, session_url?, redirect_url?, contacts: [{contact_id,
status: added | updated | failed, phoneburner_contact_id?, field?, error?}]}. Contacts not listed count
as added. Answers the run summary with next_batch_id (only {run_id, next_batch_id} when p_summary is
false: the worker, going on with the next batch, needs no more).';

comment on function dialbridge.contact_call_stats_from_rows(uuid) is
'The contacts'' call statistics recomputed from their contact_activities rows (same contribution as the
triggers). p_contact_id null: every contact that has call rows or non-zero statistics.';

comment on function dialbridge.contact_phone_key(public.contacts) is
'The suppression key of a contact''s phone: its E.164 form when the push side has normalised it
(contacts.phone_e164, read softly: that column belongs to the push migrations), else
dialbridge.suppression_phone(phone).';

comment on function dialbridge.contact_segment_values(text,text,text,text,text) is
'A contact''s segment, one row per dimension: contact_type, list_source, industry, geography (state, else
country). Blank values are null.';

comment on function dialbridge.contacts_matching(jsonb,timestamp with time zone) is
'The contacts a filter selects, as the caller sees them (RLS applies): segment_id resolves saved
segments (any of them), the other keys narrow further; dialable_only keeps contacts with a valid
number that nothing blocks.';

comment on function dialbridge.contacts_matching_filter(jsonb,timestamp with time zone) is
'The contacts matching a filter without segments, as the caller sees them (security invoker: RLS
applies). dialable_only is applied by dialbridge.contacts_matching.';

comment on function dialbridge.csv_field(text,boolean) is
'One CSV field: empty for null; quoted when it holds a comma, quote, CR or LF, or edge spaces; text that
a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is prefixed with a single quote.';

comment on function dialbridge.current_app_role() is
'The caller''s application role: rep, manager, admin (null for anon, unknown or inactive users).';

comment on function dialbridge.current_phoneburner_user_id() is
'The caller''s PhoneBurner user id: a user may not re-point call attribution at someone else''s calls.';

comment on function dialbridge.current_team_id() is
'The caller''s team (null for anon, unknown or inactive users).';

comment on function dialbridge.defer_call_stats() is
'Starts buffering call-statistics deltas for the rest of the transaction (see buffer_or_apply_call_stat_deltas).';

comment on function dialbridge.defer_push_batch(uuid,timestamp with time zone,text) is
'Hands a batch to the worker for later (the function ran out of time, or the account was busy).';

comment on function dialbridge.dial_time_text(numeric) is
'"~45 minutes", "~3.7 hours".';

comment on function dialbridge.disposition_label_example(text,text) is
'An example of the label reps chose for an unmapped disposition (a label only, no other data of the
call). Security definer so that the label-only index can be used (a normalize_label predicate cannot
cross the source view''s security barrier).';

comment on function dialbridge.due_callback_pushes(timestamp with time zone) is
'Per rep, the contacts with an open callback task due on as_of''s date (in the PhoneBurner account''s zone),
for teams that opted in (push_settings.auto_add_callbacks_to_session) and reps with a PhoneBurner token,
with the rep''s "Callbacks" session of that day when one exists (seed contract: contacts are added to it).';

comment on function dialbridge.email_domain(text) is
'The domain of an email address (lower case), null when there is none.';

comment on function dialbridge.engagement_score_breakdown(uuid,timestamp with time zone) is
'The engagement score of a contact as of a time, with every factor that produced it (see the header).
Reads only; calculate_contact_engagement_score stores it.';

comment on function dialbridge.enqueue_phone_normalization() is
'Queues the coalesced phone-normalisation job (one job however many rows are pending). A missing or
failing queue never fails the write: the rows stay pending and the cron sweep picks them up.';

comment on function dialbridge.enqueue_push_batch(uuid,timestamp with time zone) is
'Queues the worker job that sends a batch, one at a time per PhoneBurner account.';

comment on function dialbridge.ensure_constraint(regclass,text,text,boolean) is
'Adds a constraint when it does not exist yet. Constraints on tables that may pre-exist with user data
(contacts) are added NOT VALID: enforced for every new or changed row, never failing the migration
on legacy rows (report them with `select * from contacts where not (<check>)`).';

comment on function dialbridge.expected_rep_daily_stats() is
'rep_daily_stats as the raw rows say it should be.';

comment on function dialbridge.expected_rep_day_totals() is
'rep_day_totals as the raw rows and the current mappings say it should be.';

comment on function dialbridge.expected_segment_daily_stats() is
'segment_daily_stats as the raw rows (and the contacts'' current segment columns) say it should be.';

comment on function dialbridge.expected_session_contact_stats() is
'session_contact_stats as the raw rows say it should be.';

comment on function dialbridge.expected_session_stats() is
'session_stats as the raw rows say it should be.';

comment on function dialbridge.expected_session_totals() is
'session_totals as the raw rows and the current mappings say it should be (a session has calls whenever it has reach).';

comment on function dialbridge.fail_push_batch(uuid,jsonb,timestamp with time zone) is
'Fails a batch for good (retries exhausted or a non-retryable PhoneBurner error): its contacts and those
of later batches are marked failed with the error, and the run ends failed (or partially_succeeded
when earlier batches went through), visibly, with the error on the run row.';

comment on function dialbridge.find_disposition_mapping(text,text) is
'The active mapping for a disposition code and/or label (null row when none matches).';

comment on function dialbridge.flush_call_stat_deltas() is
'Applies the buffered deltas (a row inserted then updated in the same batch nets out to its last
version) and stops buffering. Returns the number of net deltas applied.';

comment on function dialbridge.format_mmss(numeric) is
'Duration in seconds as m:ss (222 → 3:42; minutes are not wrapped into hours: 3702 → 61:42).';

comment on function dialbridge.format_usd_short(numeric) is
'"$500M", "$2.5B", "$250K" (null stays null).';

comment on function dialbridge.health(timestamp with time zone) is
'Platform status for functions/health and monitoring, without personal data:
  database    server version and clock;
  migrations  applied count and latest version, from dbmate''s public.schema_migrations or, on a
              Supabase project migrated with `supabase db push`, supabase_migrations.schema_migrations
              (whichever has the later version);
  worker      latest heartbeat of a running process, alive when under 150 s old (the heartbeat cron
              runs every minute: two missed beats and a margin), and graphile-worker queue counts;
  status      ''ok'' when the worker is alive, else ''degraded''.
security definer: it reads migration bookkeeping and graphile_worker''s tables, which the API roles
cannot; it is executable by service_role only.';

comment on function dialbridge.humanize_reason(text) is
'A suppression or do-not-call reason code as words ("user_requested" → "User requested").';

comment on function dialbridge.ingest_phoneburner_events(dialbridge.phoneburner_call_events[]) is
'Stores the normalised facts of a batch of events (one statement for the whole batch; a replay that
normalises an event differently replaces its row) and returns, per event, the keys to project: its own
key (null when it has none) and every other key it changed (events without call id re-correlated;
unmatched calls that an api_contact_displayed just made resolvable). The per-event follow-ups that
write run in their own subtransaction: a failure there marks that event only (error text in the row).';

comment on function dialbridge.is_admin() is
'Whether the caller is an active admin.';

comment on function dialbridge.is_call_activity_type(text) is
'Whether an activity type is a call (what the call statistics count).';

comment on function dialbridge.is_manager_or_admin() is
'Managers (of the caller''s team) and admins: may delete the team''s rows.';

comment on function dialbridge.jsonb_first_id(jsonb[]) is
'The first of several candidate JSON values that is an id (see jsonb_id). plpgsql rather than SQL on
purpose: it runs for every received event, and plpgsql keeps its plans for the session.';

comment on function dialbridge.jsonb_flag(jsonb) is
'A JSON boolean, 1/0 or "1"/"0"/"true"/"false"/"yes"/"no" as boolean; null otherwise.';

comment on function dialbridge.jsonb_id(jsonb) is
'A JSON string or number as trimmed text (ids arrive as both); null for anything else or empty.';

comment on function dialbridge.jsonb_lower_texts(jsonb) is
'A JSON string or array of strings as a text array of trimmed, lower-cased values (null otherwise).';

comment on function dialbridge.jsonb_scalar_text(jsonb) is
'A JSON string or number as trimmed text (ids arrive as both); null for anything else or empty.';

comment on function dialbridge.jsonb_seconds(jsonb) is
'Whole seconds from a JSON number or numeric string, 0 ≤ s ≤ 10 days; null otherwise.';

comment on function dialbridge.jsonb_single_text(jsonb) is
'The one string of a JSON string or one-element array of strings (null otherwise).';

comment on function dialbridge.jsonb_string(jsonb) is
'A JSON string (trimmed, non-empty) as text; null for anything else.';

comment on function dialbridge.legal_do_not_call(uuid[]) is
'The contacts among p_contact_ids that are on the legal do-not-call list by any path: their own flag, a
legal suppression of the contact or of its number (whoever recorded it), or the number marked
do-not-call on another contact row. The recorder''s independent second check (cheap, indexed); the
send-time gate uses dialbridge.push_blocks. Security definer: reads every team''s suppressions, answers
only about the given contacts.';

comment on function dialbridge.link_pushed_session(text,text,text,text[],text) is
'Gives a pushed session still known as ''pending:<key>'' its PhoneBurner id, from an event of a contact
pushed into it: the event''s dial session is unknown to us, the contact (SourceCo id, else PhoneBurner id,
else dialled number) is a member of exactly that pending session (the newest one, for the event''s rep
when known). Returns our session id, or null when nothing was linked.';

comment on function dialbridge.local_date(timestamp with time zone,text) is
'The calendar date of an instant in a time zone (the contact''s); UTC when the zone is missing or unknown.';

comment on function dialbridge.mark_contacts_for_scoring(uuid[]) is
'Marks contacts for rescoring and makes sure a contacts__score job will see the marks (see above).
Called with the contacts'' row locks held (the roll-up trigger); ids that are no contact''s are ignored.
Never fails the caller because of the queue: the marks stay and the cron sweep queues the job.';

comment on function dialbridge.normalize_label(text) is
'Normalised disposition label: case-, space- and punctuation-insensitive ("Not  Interested" = "not-interested").';

comment on function dialbridge.normalize_phoneburner_event(public.phoneburner_webhooks_log,text) is
'Reads one logged event into its normalised facts (the row is not stored here). Lenient on fields (a
malformed time or duration is left out), strict on what the event is for: an unknown event type raises
DB060 (the log row is marked skipped), an event that cannot mean anything raises DB061 (failed at
once: retrying cannot help; `npm run replay` after a fix). Messages never quote payload values.';

comment on function dialbridge.normalized_aliases(text[]) is
'Normalised aliases, for matching and for the alias index.';

comment on function dialbridge.pending_phones_for_push(uuid[],jsonb,timestamp with time zone) is
'The numbers a push request would need normalised first: contacts of the selection whose phone changed
and is not normalised yet (as the caller sees them).';

comment on function dialbridge.perform_workflow_run(uuid) is
'Worker side of a workflow run (task contacts__run_disposition_workflow): a queued run becomes
''recorded'' (no integration sends anything yet). Idempotent; returns the run''s status (null: gone).';

comment on function dialbridge.phone_e164_candidates(text) is
'The E.164 forms a dialled number may have been stored under (''+'' and its digits; 10 digits are a
North American number without its country code). Empty for text with fewer than 7 or more than 15 digits.';

comment on function dialbridge.phoneburner_accounts_to_reconcile() is
'The accounts to reconcile: reps with a PhoneBurner token, with their watermark.';

comment on function dialbridge.phoneburner_answered_by(text) is
'answered_by in the activity vocabulary (decision_maker, gatekeeper, voicemail, answering_service, unknown).';

comment on function dialbridge.phoneburner_call_activity_rows(text[]) is
'The contact_activities rows the stored events of the given calls add up to (a call row, and a
callback_scheduled row when a callback was scheduled): a pure function of those events, the contacts,
sessions, profiles and disposition mappings. Rows keep a manual link (link_unmatched_activity).';

comment on function dialbridge.phoneburner_call_context(uuid[]) is
'The call context pushed with each contact (seed 002 "Custom Fields"), as the seed contract''s
custom_fields object: linking id, classification, firmographics, relationship and deal context, call
prep and attribution. Keys without a value are left out.';

comment on function dialbridge.phoneburner_call_id(jsonb) is
'The provider call id of an event: call_id, call.id, callId or call.call_id.';

comment on function dialbridge.phoneburner_call_outcome(text,text,boolean,timestamp with time zone,integer,text,boolean,text) is
'The call outcome from the merged facts (rules in the header of this migration).';

comment on function dialbridge.phoneburner_callback_key(text) is
'The callback row''s dedupe key for a call key.';

comment on function dialbridge.phoneburner_credentials(uuid) is
'A rep''s PhoneBurner token (service role only: the browser never reads tokens).';

comment on function dialbridge.phoneburner_custom_field_catalog() is
'The custom fields pushed for call context, in display order: the seed contract''s custom_fields key and
the name real PhoneBurner shows ("SourceCo ID" first: the webhook links calls back by it).';

comment on function dialbridge.phoneburner_event_identity(text,jsonb,text) is
'The identity of an event (the log''s event_id): payload event_id, else the X-Phoneburner-Event-ID header,
else <event type>:<call id>, else <event type>:sha256:<digest of the canonical payload>. Identities
longer than 255 characters are replaced by their digest so the unique index always accepts them.';

comment on function dialbridge.phoneburner_event_refs(text,jsonb,text) is
'The ids and time an event carries, from either payload shape: seed 000 nested (call.id, contact.id,
user.id, dial_session.id, custom_fields.sourceco_contact_id), seed 001 flat (call_id, contact_id,
user_id, assigned_user_id, sourceco_contact_id) and real PhoneBurner (call_id, ds_id, contact.user_id,
contact_user_id, agent.user_id, "SourceCo ID" custom field, external_crm_data). Used for the log''s
lookup columns and by the projection. A top-level user_id is the rep only in the seed contract: in
PhoneBurner''s own payloads user_id names the contact. event_at: timestamp, else end_time, else
start_time; zone-less times are read in p_zone, by default the PhoneBurner account''s zone (database
setting dialbridge.phoneburner_time_zone, default America/New_York — the processing reads it too).';

comment on function dialbridge.phoneburner_event_rep(text,jsonb) is
'The rep an event names, as {id, name, email} from user / agent / assigned_user / updated_by / flat ids.';

comment on function dialbridge.phoneburner_event_time(jsonb,text) is
'A sender''s time as timestamptz: ISO 8601 with a zone or epoch numbers, and zone-less
''YYYY-MM-DD[ HH:MM[:SS]]'' read in p_zone (the account''s zone, or a callback''s own timezone); null when
it is not a valid time (dialbridge.phoneburner_timestamptz): a bad field never costs the event.
Stable, not immutable (its text → timestamptz cast is stable): so it is inlined into the normaliser''s
expressions instead of run as a query per field.';

comment on function dialbridge.phoneburner_event_types() is
'The event types dialbridge knows (seed contract, real dial-session callbacks, softphone).';

comment on function dialbridge.phoneburner_idless_call_key(bigint) is
'The call key of a stored event (for events with a call id: phoneburner:call:<id>).';

comment on function dialbridge.phoneburner_idless_start_key(text,timestamp with time zone,text) is
'The call a start event without call id opens or joins (see the rules above).';

comment on function dialbridge.phoneburner_inferred_answered_by(text,text,text,boolean) is
'answered_by when no event said (real PhoneBurner never does): voicemail for voicemail; for a connected
call, gatekeeper for a gatekeeper disposition, decision_maker for a conversation that ended in a positive
or negative decision (Interested, Not interested, Meeting set, Do not call, …), else unknown.';

comment on function dialbridge.phoneburner_outcome(text) is
'A call.ended outcome in the seed vocabulary (completed, no_answer, busy, failed, rejected, voicemail); null if unknown.';

comment on function dialbridge.phoneburner_processor_awaits_receivers() is
'True when dialbridge.process_phoneburner_webhooks calls the barrier, i.e. receivers may rely on an
already queued job. Read from the catalog, cached per session and per version of that function.';

comment on function dialbridge.phoneburner_reassign_idless(text,timestamp with time zone) is
'Re-derives the call keys of a subject''s events without call id around a time (the window every key a
new event can change lies in) and returns the keys whose events changed: old and new.';

comment on function dialbridge.phoneburner_receivers_lock_key() is
'Advisory lock key of the receivers'' barrier (arbitrary constant).';

comment on function dialbridge.phoneburner_retry_delay(integer) is
'Delay before retry n (1-based): 5 s × 4^(n-1), at most one hour (5 s, 20 s, 80 s, 5 min 20 s, 21 min …).';

comment on function dialbridge.phoneburner_sourceco_id(jsonb) is
'Our contact id carried by an event, from any place PhoneBurner or the seeds put it, first found wins:
a custom field named sourceco_contact_id / sourceco_id / "SourceCo ID" (case-, space- and
punctuation-insensitive; {name: value} or [{name, value}] form; top level, then under contact; plain,
then typed_custom_fields), seed 001''s flat sourceco_contact_id, then
external_crm_data[crm_name = sourceco].crm_id (top level, then under contact).';

comment on function dialbridge.phoneburner_time_zone() is
'The time zone of PhoneBurner''s zone-less times. PhoneBurner reports call times in the time zone set in
the account, without saying which: set it once per database with
  alter database <db> set dialbridge.phoneburner_time_zone = ''America/Denver'';
Default America/New_York. A misspelt zone makes processing fail loudly (and retry), never guess.';

comment on function dialbridge.phoneburner_timestamptz(jsonb,text) is
'A sender''s time as timestamptz, or null when it is not a time (never an error: a bad timestamp must not
cost the event). ISO 8601 with Z or an offset; epoch seconds or milliseconds; a zone-less
''YYYY-MM-DD[ HH:MM[:SS]]'' (real PhoneBurner''s start_time / end_time) is read in p_zone.';

comment on function dialbridge.pipeline_alerts(timestamp with time zone) is
'Seed 001''s alert rules evaluated as of p_as_of: one row per rule (and per team or rep for the business
rules), with whether it fires now, what was observed and the threshold. Pipeline rules are returned only
to callers who may see the pipeline (admins, reporting readers).
  critical  webhook_endpoint_down         the database cannot see the endpoint; it sees traffic stop:
                                          nothing received (accepted or rejected) for 5 minutes after
                                          events were arriving in the hour before
  critical  phoneburner_api_key_rejected  a push refused for bad credentials (401/403 → error PB_AUTH) in
                                          the last hour, and no successful push for that rep since
  high      webhook_processing_failing    more than 50 events failed or waiting to retry (24 hours)
  high      webhook_backlog               more than 100 events not processed yet
  medium    reconciliation_discrepancies  the reconciliation corrected more than 10 contacts (24 hours)
  medium    missing_sourceco_contact_id   more than 1% of events without a SourceCo id (24 hours)
  medium    webhook_success_rate          under 99.5% processed successfully (24 hours)
  medium    webhook_latency               95th percentile receipt-to-processing over 10 s (last hour)
  low       connection_rate_drop          a team''s connection rate down more than 10% week over week
                                          (relative; both weeks at least 20 dials)
  low       rep_connection_rate_low       a rep under 20% over 7 days (at least 20 dials)
  low       rep_avg_talk_time_low         a rep''s average talk time under 90 s over 7 days (at least 5
                                          connections)';

comment on function dialbridge.pipeline_health(timestamp with time zone) is
'Webhook pipeline health over the last hour, 24 hours and 7 days before p_as_of. Admins and reporting
readers see the counts; others see zeros (the source views return no rows to them).';

comment on function dialbridge.process_phoneburner_webhooks(integer,timestamp with time zone) is
'The worker''s unit of work: processes up to p_limit due events of public.phoneburner_webhooks_log in one
transaction (see the header of this migration) and returns what happened plus when the next retry is
due. Batches overlap only while claiming and normalising (FOR UPDATE SKIP LOCKED: disjoint events; a
normalised event is a function of its own log row); from storing the facts on they run one at a time (a
transaction-level advisory lock): per-session counters are hot rows that concurrent batches would only
queue on, and one writer keeps the projection free of deadlocks. So two processors (the worker task runs
PHONEBURNER_PROCESSORS of them) keep both cores busy: one normalises the next batch while the other
projects.
Per-event subtransactions only read (normalising), so they take no transaction id: batches of any size
stay clear of PostgreSQL''s 64 cached subtransactions per backend.';

comment on function dialbridge.project_phoneburner_calls(text[]) is
'Projects the given calls: upserts their rows (only what changed is written: the statistics triggers
then move exactly the difference), deletes rows whose events moved to another call, creates unknown
dial sessions, and applies the effects of what changed: dialbridge.apply_dispositions, once for the batch (a matched call
whose disposition is new or changed — code, label, notes, time, callback date — or that just got its
contact), then dialbridge.apply_callback (a matched callback row that is new or changed). Those functions belong to the disposition engine; if
they are missing this raises (the events retry), it never skips them.';

comment on function dialbridge.project_phoneburner_contact_updates(text[]) is
'Projects contact.updated events (keys phoneburner:contact_updated:<event id>): one contact_updated row
each, details {changes: {field: {old, new}}, updated_by: {user_id, name, email}, event_at}; then
dialbridge.apply_contact_changes for a matched row that is new or just got its contact.';

comment on function dialbridge.project_phoneburner_keys(text[]) is
'Projects any mix of call keys and contact-update keys (calls first).';

comment on function dialbridge.push_blocks(uuid[],timestamp with time zone) is
'What blocks dialing each contact, strongest first per contact: legal_dnc, internal_dnc (no end date) or
suppressed (with the end date). The suppression rules are the disposition engine''s
(dialbridge.suppression_statuses: the contact''s own suppressions and do-not-call flag, legal
suppressions of its number whoever recorded them, number-only rows); in addition a number marked
do-not-call on any other contact row (legal: any team) blocks it, matched on the libphonenumber-normalised
phone_e164. Security definer so that a number''s legal status is found whatever team recorded it; callers
only learn about contacts they can see (explicit team check), never about the other rows. Set-based for
the preview''s 10,000-contact lists.';

comment on function dialbridge.push_candidates(uuid[],jsonb,timestamp with time zone,boolean) is
'Validates contacts for a push, one row per distinct contact the caller can see (security invoker: RLS
applies), in the given order: status ready or excluded, the first exclusion reason with its detail,
whether it may be overridden (and was), warnings, and the contact''s local time against the calling
window. Options as in dialbridge.validate_push_options. p_for_push: a number changed but not yet
normalised is excluded (the push normalises first; the preview only warns).

An override forces a contact in past every overridable reason; legal do-not-call, a missing number and
an unparseable number can never be overridden (override_refused marks such attempts).';

comment on function dialbridge.push_fingerprint(uuid[],jsonb) is
'Fingerprint of a push''s selection: the filter, or the sorted contact ids when chosen by hand.';

comment on function dialbridge.push_reason_label(text) is
'The words the push modal shows for an exclusion reason or warning.';

comment on function dialbridge.push_reason_rank(text) is
'Display order of exclusion reasons (the order they are checked in).';

comment on function dialbridge.push_run_owner(text) is
'Whether a request_id is taken (security definer: a rep cannot see other teams'' runs).';

comment on function dialbridge.push_run_summary(uuid) is
'A run as the push function answers it (both request shapes read from it): ids, status and progress,
counts, the session, exclusions with names and reasons, per-contact failures. Security definer with
an explicit check: the caller sees runs of their team (admins all; the service role any). redirect_url
is only included for the service role and for the run''s own pusher.';

comment on function dialbridge.queue_workflow_runs(dialbridge.disposition_step[]) is
'Queues the workflows of a round of dispositions (see dialbridge.queue_workflow_run, which it replaces in
the engine): a workflow_runs row per (call, workflow) unless one is queued, recorded or delivered (a
cancelled one is queued again), and one graphile_worker.add_jobs call for the runs queued now.
security definer: graphile_worker.';

comment on function dialbridge.reads_all_reports() is
'Whether the caller reads every team''s rows in reports: Metabase (members of dialbridge_metabase),
the service role, and superusers. Not security definer: it asks about current_user, the caller.';

comment on function dialbridge.reads_pipeline_reports() is
'Whether the caller may see pipeline health (webhook log counts): admins and reporting readers.';

comment on function dialbridge.reapply_dispositions(text) is
'Applies the mappings that now match to past calls whose disposition matched none when they were
recorded (or that were never applied). p_code: only calls the mapping with this code now matches.
Returns the number of calls applied. Oldest first, contacts in id order.';

comment on function dialbridge.rebuild_rollups() is
'Rebuilds every roll-up from the raw rows. Takes EXCLUSIVE locks on the roll-up tables (reads go on;
writers — the triggers — wait), in the same order the triggers lock them.';

comment on function dialbridge.receive_phoneburner_event(text,jsonb,text,integer,text,text,inet,text,jsonb) is
'Stores one authenticated event (idempotent on its identity) and queues its processing in the same
transaction; the edge function answers 2xx only after this commits. ''accepted'' for a new event,
''duplicate'' (with the stored row''s id) for one already logged. Queueing is one coalesced
graphile-worker job (job_key phoneburner_webhooks_log__process) that processes every pending row; when
the queue is missing or fails the event is still stored and stays pending for the cron sweep.
Security definer: the caller (service_role) needs no privilege on graphile_worker.';

comment on function dialbridge.reclassify_totals() is
'Rebuilds rep_day_totals and session_totals from the per-disposition roll-ups with the current mappings
(an admin edited a mapping: qualified, meetings… move at once). EXCLUSIVE locks: reads go on, writers wait.';

comment on function dialbridge.recompute_contact_call_stats(uuid) is
'Reconciliation: recomputes contacts'' call statistics from the raw rows, fixes the ones that drifted and
returns what it fixed, one row per contact and column. An empty result means the incremental statistics
were exact. p_contact_id null: all contacts (drifted ones fixed one at a time, in id order, each under
its row lock, so the projection is never held up for long).';

comment on function dialbridge.recompute_rollups(boolean) is
'Compares every roll-up with a recompute from the raw rows: one row per roll-up with the number of
differing rows (a missing or extra row counts once, a changed row twice). With p_repair, takes the
roll-up locks first (so the comparison is exact under concurrent writes) and rebuilds them all when any
difference is found. Without it, each comparison is one statement, consistent with itself.';

comment on function dialbridge.recompute_session_call_stats(uuid) is
'Reconciliation for phoneburner_sessions: recomputes counters, rates and member counts from the raw
rows, fixes drift (sessions locked in id order) and returns what it fixed. p_session_id null: all.';

comment on function dialbridge.reconcile_phoneburner_contacts(uuid,jsonb) is
'Turns PhoneBurner''s view of contacts into contact.updated events where it differs from ours. p_contacts:
[{phoneburner_contact_id, sourceco_contact_id, modified_at, first_name, last_name, email, phone_e164,
phone, company, title, address_line1, city, state, zip}]: numbers normalised by the worker
(libphonenumber), modified_at as PhoneBurner sends it (zone-less, read in the account''s zone).
The contact is ours by SourceCo id, else by PhoneBurner id. Each differing contact becomes one event
(identity reconciliation:<PhoneBurner id>:<modified time>, so a rerun adds nothing) received through
dialbridge.receive_phoneburner_event with auth_method ''reconciliation'': the projection applies it last
write wins, with audit. PhoneBurner ids learnt on the way are stored. Returns the events stored.';

comment on function dialbridge.record_contact_reconciliation(uuid,timestamp with time zone,integer,integer,text) is
'Records the end of an account''s contact pull (watermark) or its error.';

comment on function dialbridge.record_phoneburner_webhook_rejection(text,text,inet,integer,timestamp with time zone) is
'Counts one rejected webhook request in its minute bucket (upsert) and returns the bucket''s count.
Unknown event type hints are folded into ''unknown'' so a caller cannot grow the table with made-up names.';

comment on function dialbridge.record_push_batch_retry(uuid,jsonb,timestamp with time zone) is
'Notes a failed attempt that will be retried (rate limit, timeout, PhoneBurner busy) on the batch and the run.';

comment on function dialbridge.record_push_contact_errors(uuid,jsonb) is
'Records contacts PhoneBurner rejected in a batch ([{contact_id, field, error}]) so the next attempt
sends the others only (real PhoneBurner refuses a whole dial session for one bad contact).';

comment on function dialbridge.record_push_run(jsonb,jsonb,timestamp with time zone) is
'Records a validated run (security definer, called by dialbridge.start_push_run only). Checks again,
explicitly, everything that must not depend on the caller''s honesty: the caller is an active team
member; the target account is the caller''s, or the caller is an admin or the target''s manager; every
contact is visible to the caller; nothing ready is on legal do-not-call (read again here) or lacks a
valid number; an existing session belongs to the target and is active. Returns the run id.';

comment on function dialbridge.record_session_call_counts(uuid,jsonb,timestamp with time zone) is
'Records PhoneBurner''s call counts for an account''s sessions ([{id, total_calls | calls | call_count,
custom_data: {request_id}}]): the session is ours by PhoneBurner id, else by the push batch''s key (which
also links a pending session). Our count: distinct PhoneBurner calls recorded for the session. Returns
the sessions checked.';

comment on function dialbridge.record_worker_heartbeat(text,text,integer,integer,integer,timestamp with time zone,numeric,timestamp with time zone) is
'Records a heartbeat of a worker process (upsert) and prunes processes silent for a week.';

comment on function dialbridge.record_worker_stopped(text,timestamp with time zone) is
'Marks a worker process as cleanly stopped, so health reports it gone at once rather than after 150 s.';

comment on function dialbridge.refresh_call_hour_stats(timestamp with time zone) is
'Rebuilds dialbridge.call_hour_stats from the calls of the 365 days before p_as_of.';

comment on function dialbridge.refresh_disposition_classes() is
'Rebuilds dialbridge.disposition_classes from the active disposition mappings.';

comment on function dialbridge.release_phoneburner_lease(uuid,text) is
'Releases the lease if the caller still holds it.';

comment on function dialbridge.report_time_zone() is
'The reporting time zone (security definer: callers need no access to the settings table).';

comment on function dialbridge.report_today(timestamp with time zone) is
'Today''s date in the reporting time zone, as of a time.';

comment on function dialbridge.reset_phoneburner_webhooks_for_replay(timestamp with time zone,text[],text,timestamp with time zone) is
'Replay: puts matching logged events back to pending with a fresh retry budget and returns their ids.
Safe for any event: processing the same event again changes nothing. p_statuses null: every status.';

comment on function dialbridge.resolve_entity_contacts(text,jsonb) is
'The contacts of SourceCo entities (the push function''s SourceCo request shape), as the caller sees them:
contacts / buyer_contacts = contact ids (uuid or SourceCo''s own key), listings = the deals'' main
contacts (all of a deal''s contacts when none is marked main), contact_list = the members of saved
segments. In the order given. Other entity types raise DB040 naming the type.';

comment on function dialbridge.resolve_inline_contacts(jsonb) is
'Contacts for a push''s inline contacts ({phone, phone_e164, phone_status, name, email, company,
contact_id} as SourceCo''s frontend sends them, numbers normalised by the caller): the contact by id if
the caller can see it, else the team''s contact with that number, else a new contact in the caller''s
team (list_source ''inline push''). Runs as the caller (RLS applies).';

comment on function dialbridge.resolve_phoneburner_contact(text[],text[],text[],uuid) is
'Which of our contacts a call or event is about, first match wins: a carried SourceCo id (contacts.
sourceco_contact_id, or the contact''s uuid) → a PhoneBurner contact id (contacts.phoneburner_contact_id,
then session members, this session''s first) → the dialled number among this session''s members when
exactly one contact has it. Null: unmatched.';

comment on function dialbridge.resolve_push_selection(uuid[],jsonb,timestamp with time zone) is
'The contacts a push request selects: explicit ids (the selection wins over a filter) or the filter.';

comment on function dialbridge.resume_stalled_push_batches(interval,timestamp with time zone) is
'Queues again the next unfinished batch of every run that stopped moving (its sender died: the function
was cut off, a worker crashed). Idempotent (one job per batch). Returns how many were queued.';

comment on function dialbridge.score_contacts(uuid[],timestamp with time zone) is
'Scores contacts (in id order, the lock order of every writer), skipping ids that no longer exist.
Returns how many were scored.';

comment on function dialbridge.score_contacts_after(uuid,integer,timestamp with time zone) is
'Scores the next batch of contacts after p_after_id (keyset pagination, id order) and returns the last
id scored (null when done). The nightly job calls it until null, one short transaction per batch.';

comment on function dialbridge.score_marked_contacts(integer,timestamp with time zone) is
'Rescores up to p_limit marked contacts (id order, skipping contacts another transaction holds) as of
p_as_of and removes their marks; returns how many were scored (0: nothing claimable is left).';

comment on function dialbridge.scoring_markers_lock_key() is
'Advisory lock key of the scoring markers'' barrier (arbitrary constant).';

comment on function dialbridge.session_call_stats_from_rows(uuid) is
'The sessions'' call statistics and member counts recomputed from the raw rows.';

comment on function dialbridge.session_member_stage(text) is
'Stage number of a member state (pending 0 … completed 3; removed and failed are not stages).';

comment on function dialbridge.session_member_state(integer) is
'Member state name for a stage number (1 dialed, 2 connected, 3 completed).';

comment on function dialbridge.session_suggestions(text,timestamp with time zone) is
'The rep''s sessions to offer in the push modal: the session of the rep''s most recent push of the same
selection within 30 days (pre-selected when still active), and the rep''s recent active sessions.';

comment on function dialbridge.set_report_time_zone(text) is
'Sets the reporting time zone (an IANA name known to the server) and rebuilds the roll-ups, whose days
depend on it. Raises DB052 for an unknown zone.';

comment on function dialbridge.start_push_run(jsonb,timestamp with time zone) is
'Starts a push AS THE REP (call with role authenticated and the rep''s JWT claims; RLS applies to every
read). p_request: {request_id (required, the idempotency key), contact_ids | filter, options,
target_user_id, api_style, request_shape, entity_type}. Validates like the preview, refuses overrides
of legal do-not-call (DB041) and overrides without a reason (DB045), then records the run. A request_id
already used by the same rep returns that run again ("replayed") instead of pushing twice.
Returns {run_id, request_id, replayed, status, contacts_ready, contacts_excluded, batches_total}.';

comment on function dialbridge.store_phoneburner_token(uuid,text,text,timestamp with time zone) is
'Stores a refreshed token pair (after POST /oauth/refreshtoken).';

comment on function dialbridge.success_metrics(timestamp with time zone) is
'Seed 001''s 90-day success metrics that the data can measure, as of p_as_of.';

comment on function dialbridge.suggest_session_name(uuid[],jsonb,timestamp with time zone) is
'Seed 002''s smart session name: contact type when all share one ("Buyers"), the buyer type when all
buyers share one, the filtered industry and geography (one value each), then "Mon YYYY".
"Buyers - PE Firm - Business Services - Northeast - Feb 2026".';

comment on function dialbridge.suppression_phone(text) is
'The key a phone number is suppressed under: E.164 when the text reads as one (+ and 8–15 digits, or a
10-digit / 1+10-digit North American number), else null. Extensions are dropped. The push path
normalises numbers with libphonenumber-js; this is the SQL side''s conservative equivalent, used only to
match suppressions.';

comment on function dialbridge.suppression_status(uuid,text,timestamp with time zone) is
'Is this contact / phone number suppressed at p_as_of? (is_suppressed, is_legal, reason, until). The push
refuses legal ones whatever the override; internal ones may be overridden with an audited reason.';

comment on function dialbridge.suppression_statuses(uuid[],text[],timestamp with time zone) is
'Suppression status of many contacts / numbers at once (the push preview''s set-based form): one row per
input position. A contact is suppressed by its own unlifted, unexpired suppressions or its do_not_call
flag; a number by legal suppressions on it (whichever contact asked) and by number-only rows.
is_legal: a legal do-not-call applies (never overridable). until: null when permanent.
security definer: a do-not-call request recorded by another team still stops this team''s push.';

comment on function dialbridge.synced_contact_column(text) is
'The contacts column a dialer field updates (seed 001 data mapping), null when the field is not synced.';

comment on function dialbridge.task_title(text,public.contacts,text) is
'Task title: "Email John Smith – Interested - Send Information".';

comment on function dialbridge.tg__set_updated_at() is
'Trigger function: keeps updated_at current on every update.';

comment on function dialbridge.tg_contact_activities__aggregate_calls() is
'Statement-level trigger on contact_activities: the transition tables'' deltas, applied or buffered.
security definer: a rep logging a call by hand may not write the statistics columns (column privileges),
yet they must follow; a trigger function cannot be called other than as a trigger.';

comment on function dialbridge.tg_contact_activities__call_defaults() is
'Call rows logged by hand (the browser inserts call_started_at / call_ended_at but no disposition time):
a call always has a start time and a dispositioned call a disposition time, which the statistics use.';

comment on function dialbridge.tg_contact_activities__rollups_delete() is
'Trigger function: deleted contact_activities rows → roll-ups.';

comment on function dialbridge.tg_contact_activities__rollups_insert() is
'Trigger function: inserted contact_activities rows → roll-ups.';

comment on function dialbridge.tg_contact_activities__rollups_update() is
'Trigger function: updated contact_activities rows → roll-ups (old contribution out, new one in).';

comment on function dialbridge.tg_contacts__audit_field_changes() is
'Trigger function: edits of the synced contact fields made in SourceCo (the frontend, imports, the
service role) are audited in contact_field_changes (source ''sourceco_platform'', changed now, applied),
so a dialer change older than a SourceCo edit loses (last write wins across both sides). Callers that
write their own audit rows set dialbridge.audited_by_caller = ''on'' for the transaction.
security definer: reps edit contacts but do not write the audit table.';

comment on function dialbridge.tg_contacts__default_sourceco_id() is
'Fills sourceco_contact_id from id on insert when the caller gives none.';

comment on function dialbridge.tg_contacts__enqueue_phone_normalization() is
'Statement trigger: queues normalisation when the statement left a row pending that it made pending
(inserted, or its number or status changed): updates of other columns of a row already pending (call
statistics, dispositions) do not queue the job again — it is queued already, or the sweep catches it.';

comment on function dialbridge.tg_contacts__keep_do_not_call() is
'Trigger function: do_not_call cannot be cleared while the contact has an unlifted legal suppression
(DB030), whoever asks (a disposition, contact.updated, reconciliation, the service role); while it is set,
its reason, time and author stay as first recorded. Setting it fills reason/time/author when missing.';

comment on function dialbridge.tg_contacts__keep_legal_suppressions() is
'Trigger function: before a contact is deleted, its active legal suppressions are detached from it and
kept on the phone number (the do-not-call request follows the number). security definer: runs for
whoever may delete the contact.';

comment on function dialbridge.tg_contacts__move_segment_rollups() is
'Trigger function: a contact''s segment columns changed → move its calls'' contributions from the old
segment values to the new ones. Before a contact is deleted, its contributions move to blank values:
the activities that keep pointing at it are then detached by the foreign key (contact_id set null),
and the roll-up trigger finds no contact to read segments from.';

comment on function dialbridge.tg_contacts__phone_status() is
'Keeps the normalised phone columns consistent with `phone`: no number → missing; a normalisation the
writer supplied for exactly this value → kept; anything else → pending (the worker job normalises it).';

comment on function dialbridge.tg_contacts__record_do_not_call() is
'Trigger function: a contact put on the do-not-call list by any path other than a suppression row (an
import, the service role, legacy data) gets its legal suppression, by contact and phone, in the same
transaction. security definer: writes suppressions on behalf of whoever set the flag.';

comment on function dialbridge.tg_disposition_mappings__enqueue_rescore() is
'Trigger function: disposition mappings changed → queue one contacts__score job for every contact
(job_key replaces a queued one, so a burst of edits rescores once, a minute after the last).';

comment on function dialbridge.tg_disposition_mappings__reclassify_totals() is
'Trigger function: disposition mappings changed → reclassify the totals in the same transaction.';

comment on function dialbridge.tg_disposition_mappings__refresh_classes() is
'Trigger function: disposition mappings changed → refresh their classification.';

comment on function dialbridge.tg_phoneburner_call_events__link_pushed_session() is
'Trigger function: links a pending pushed session when an event of one of its contacts names its id.';

comment on function dialbridge.tg_phoneburner_session_contacts__count_members() is
'Statement-level trigger on phoneburner_session_contacts: total_contacts_added / _active / _completed.
security definer for the same reason as tg_contact_activities__aggregate_calls.';

comment on function dialbridge.tg_suppressions__guard() is
'Trigger function: suppression rows are immutable except for
  - the lift (lifted_at, lifted_by_user_id, lift_reason), by the signed-in user recorded as lifting it,
    with a reason; internal: managers of the row''s team or admins; legal: admins only;
  - an internal suppression''s expiry moving later (a later disposition of the same call extends it);
  - team_id (the contact moved team);
  - foreign keys set to null by ON DELETE actions, and a legal row detached from a deleted contact
    (it stays on the phone number). These run from other triggers (pg_trigger_depth() > 1).
Deletes: legal rows never (unless they cannot suppress anything any more: lifted, or no phone left when
their contact is deleted); active internal rows only through their contact''s deletion.';

comment on function dialbridge.tg_suppressions__mark_contact_do_not_call() is
'Trigger function: a legal suppression of a contact puts the contact on the do-not-call list in the same
transaction (do_not_call, reason, set_at, set_by: the first request''s), cancels the contact''s open call
tasks and clears a planned call. security definer: reps may record a suppression but not write these
columns themselves.';

comment on function dialbridge.tg_users__create_profile() is
'Creates the profile of every new auth user (Supabase pattern: trigger on auth.users).';

comment on function dialbridge.timestamptz_or_null(text) is
'Timestamp from event text, or null when it is missing or unreadable (never fails the projection).';

comment on function dialbridge.upsert_segment_deltas(dialbridge.segment_delta[]) is
'Adds signed contributions to segment_daily_stats: summed per key, upserted in key order (the lock
order every writer shares), and rows left with all counters at zero deleted.';

comment on function dialbridge.valid_time_zone(text) is
'The contact''s time zone when it is a valid IANA name, else the reporting time zone.';

comment on function dialbridge.validate_contact_filter(jsonb,boolean) is
'Checks a contact filter and raises DB040 naming the first bad key. Keys: contact_type (buyer|seller),
buyer_type, industry, state, geography, deal_id, deal_status (string or array of strings),
engagement_min, engagement_max (0–100), last_contact_older_than_days, last_contact_within_days,
created_within_days (whole days), never_contacted, dialable_only (booleans), owner_id (uuid),
segment_id (uuid or array of uuids), next_action_due_by (date: a call due on or before it),
search (text: name, company or email contains). Immutable: usable in check constraints.';

comment on function dialbridge.validate_push_options(jsonb) is
'Checks push options and raises DB040 naming the first bad key. Keys: skip_recently_contacted,
update_existing, skip_duplicates, auto_start (booleans); skip_recent_days (0–365; one threshold for every
contact instead of the team''s per-type ones; 0 = do not skip); target_session_id (uuid of an existing
session to add to); overrides ([{contact_id, reason}]: force-include excluded contacts, with why);
detail_limit (contacts listed per group, 0–10000); session_name; api_style (dialsession | seed);
batch_size (1–500).';

comment on function contact_dialability(uuid[],timestamp with time zone) is
'Per contact: may it be dialed (the phone icon), and if not the blocking reason and detail (the greyed
row''s tooltip). Blocks are do-not-call, suppressions, invalid or missing numbers — not the push-time
rules (recently contacted, duplicates), which depend on the list.';

comment on function count_dialable(jsonb,uuid[],timestamp with time zone) is
'The "Dialable only" count for any filter or selection: contacts with a valid number that no
do-not-call, suppression or bad-number flag blocks. {dialable, total, label: "243 dialable / 312 total"}.';

comment on function lift_suppression(uuid,text) is
'RPC: lifts a suppression, audited on the row (lifted_at, lifted_by_user_id, lift_reason). Internal
suppressions: managers of the row''s team and admins. Legal do-not-call: admins only, only to correct a
record made in error (the reason says so); the contact leaves the do-not-call list when no other legal
suppression of it remains. Reason: at least 10 characters.';

comment on function preview_push(uuid[],jsonb,jsonb,timestamp with time zone) is
'What the push modal shows, for contact ids or a filter, as the caller sees the contacts (RLS): ready
and excluded counts, exclusions grouped by reason (name, company, detail, overridable), warnings,
contacts outside the calling window now, the dialable count, the estimated dial time, a suggested
session name and the rep''s sessions to add to. Options as in dialbridge.validate_push_options.

  select preview_push(p_filter => ''{"contact_type": "buyer", "buyer_type": "PE Firm"}'');
  supabase.rpc(''preview_push'', { p_contact_ids: [...], p_options: { skip_recent_days: 14 } })';

comment on function reapply_dispositions(text) is
'RPC (admins): after adding or fixing a disposition mapping, apply it to the past calls it now matches.
p_code: that mapping''s code (null: every mapping). Returns the number of calls applied.';


-- migrate:down
