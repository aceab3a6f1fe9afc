-- A disposition moves the contact's engagement score by its mapping's delta, once per call, clamped to
-- 0..100. The score has one writer, the engagement score of the reporting migrations, which recomputes it
-- from the contact's calls (base 50, connection rate, talk time, the calls' mapping deltas, recency) in the
-- rescoring job that follows each call (dialbridge.score_marked_contacts, run here where the worker would);
-- apply_disposition never adds the delta a second time. The calls here were not answered, so the
-- dispositions' deltas are the only factor on top of the neutral 50.
begin;
select plan(8);

select tests.create_user('sarah@sourceco.com', 'buyers', 'rep') \gset
-- the clock: the calls are days before now() (the transaction's start), as the score measures from now()

-- ---------------------------------------------------------------------------------------------------
-- as the event projection
-- ---------------------------------------------------------------------------------------------------
select tests.make_contact('buyers', 'sarah@sourceco.com') as john \gset
select tests.record_call(:'john', 'sarah@sourceco.com', 'INTERESTED', 'Interested - Send Information',
  now() - interval '2 days', p_connected => false) as john_call \gset
select dialbridge.apply_disposition(:'john_call');
select dialbridge.score_marked_contacts();
select results_eq(format($$select call_engagement_score from contacts where id = %L$$, :'john'),
  $$values (75)$$, 'INTERESTED adds 25 to the neutral 50');

select dialbridge.apply_disposition(:'john_call');
update contact_activities set disposition_code = disposition_code, disposition_set_at = disposition_set_at
 where id = :'john_call';
select dialbridge.apply_disposition(:'john_call');
select dialbridge.score_marked_contacts();
select results_eq(format($$select call_engagement_score from contacts where id = %L$$, :'john'),
  $$values (75)$$, 'applying the same call again, or after a replay, adds nothing');

select tests.record_call(:'john', 'sarah@sourceco.com', 'LEFT_VOICEMAIL', 'Left Voicemail',
  now() - interval '2 days' + interval '4 hours', p_connected => false) as john_call_2 \gset
select dialbridge.apply_disposition(:'john_call_2');
select dialbridge.score_marked_contacts();
select results_eq(format($$select call_engagement_score from contacts where id = %L$$, :'john'),
  $$values (80)$$, 'another call adds its own delta (+5)');

-- a changed disposition swaps the delta instead of adding a second one
select tests.redispose(:'john_call', 'NOT_INTERESTED', 'Not Interested', now() - interval '2 days' + interval '6 minutes');
select dialbridge.apply_disposition(:'john_call');
select dialbridge.score_marked_contacts();
select results_eq(format($$select call_engagement_score from contacts where id = %L$$, :'john'),
  $$values (30)$$, 'changing INTERESTED to NOT_INTERESTED swaps +25 for -25 (50 - 25 + 5)');
select dialbridge.apply_disposition(:'john_call');
select dialbridge.score_marked_contacts();
select results_eq(format($$select call_engagement_score from contacts where id = %L$$, :'john'),
  $$values (30)$$, 'and applying it again changes nothing');

-- clamped to 0..100
select tests.make_contact('buyers', 'sarah@sourceco.com', 'Emily', 'Chen') as emily \gset
select dialbridge.apply_disposition(tests.record_call(:'emily', 'sarah@sourceco.com', 'MEETING_SET', 'Meeting Scheduled',
  now() - interval '3 days', p_connected => false));
select dialbridge.apply_disposition(tests.record_call(:'emily', 'sarah@sourceco.com', 'MEETING_SET', 'Meeting Scheduled',
  now() - interval '2 days', p_connected => false));
select dialbridge.score_marked_contacts();
select results_eq(format($$select call_engagement_score from contacts where id = %L$$, :'emily'),
  $$values (100)$$, 'two MEETING_SET calls (+50 each) stop at 100');

select tests.make_contact('buyers', 'sarah@sourceco.com', 'Paul', 'Ng') as paul \gset
select dialbridge.apply_disposition(tests.record_call(:'paul', 'sarah@sourceco.com', 'NOT_A_FIT', 'Not a Fit - Wrong ICP',
  now() - interval '3 days', p_connected => false));
select dialbridge.apply_disposition(tests.record_call(:'paul', 'sarah@sourceco.com', 'NOT_INTERESTED', 'Not Interested',
  now() - interval '2 days', p_connected => false));
select dialbridge.score_marked_contacts();
select results_eq(format($$select call_engagement_score from contacts where id = %L$$, :'paul'),
  $$values (0)$$, 'NOT_A_FIT and NOT_INTERESTED (-25 each) stop at 0');

-- the engine itself never writes the score (one writer: no double counting)
select tests.record_call(:'paul', 'sarah@sourceco.com', 'HOT_LEAD', 'Hot Lead - High Priority',
  now() - interval '1 day', p_connected => false) as hot \gset
update contacts set call_engagement_score = 42 where id = :'paul';
select dialbridge.apply_disposition(:'hot');
select results_eq(format($$select call_engagement_score from contacts where id = %L$$, :'paul'),
  $$values (42)$$, 'apply_disposition leaves the score to its recompute (it does not add the delta again)');

select * from finish();
rollback;
