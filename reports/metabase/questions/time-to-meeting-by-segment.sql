-- Days from a contact's first call to its first meeting, by segment.
select contact_type as "Contacts", list_source as "List source", industry as "Industry",
       contacts_with_meeting as "Meetings", median_days_to_meeting as "Median days", avg_days_to_meeting as "Average days"
  from reports.time_to_meeting_by_segment
 order by contacts_with_meeting desc
