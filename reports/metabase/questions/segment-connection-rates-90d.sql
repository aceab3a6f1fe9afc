-- Connection and qualification rates by contact segment over the last 90 days.
select dimension as "Dimension", segment as "Segment", sum(dials) as "Dials", sum(connections) as "Connections",
       round(100.0 * sum(connections) / nullif(sum(dials), 0), 1) as "Connection rate %",
       sum(qualified) as "Qualified", sum(meetings) as "Meetings"
  from reports.segment_performance_daily
 where period_start > current_date - 90
 group by dimension, segment
 order by dimension, sum(dials) desc
