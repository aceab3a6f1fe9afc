-- VoIPStudio dialer calls by hour of day (reporting time zone), last 30 days (seed 003 analytics byHour).
select extract(hour from hour_local)::integer as "Hour", sum(calls) as "Calls", sum(answered_calls) as "Answered"
  from reports.dialer_calls_hourly
 where hour_utc >= now() - interval '30 days'
 group by 1
 order by 1
