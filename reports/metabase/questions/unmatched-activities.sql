-- Dialer activities not linked to a contact yet.
select occurred_at as "When", rep_name as "Rep", session_name as "Session", call_outcome as "Outcome",
       disposition_label as "Disposition", phoneburner_contact_id as "PhoneBurner contact", age_hours as "Age (h)"
  from reports.unmatched_activities
 order by created_at
