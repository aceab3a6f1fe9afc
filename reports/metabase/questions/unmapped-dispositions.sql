-- Dispositions no mapping matches: add a mapping or an alias for each.
select disposition_code as "Code", example_label as "Label", calls as "Calls", reps as "Reps",
       first_day as "First seen", last_day as "Last seen"
  from reports.unmapped_dispositions
 order by calls desc
