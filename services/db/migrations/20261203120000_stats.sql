-- The bureau's statistics (issue #16: 业务办理情况, 证照情况统计, projects by district and office,
-- overdue steps), kept current by the stats job on resource.changed (services/stats/) instead of
-- being counted over every approval per request. One narrow row per approval and per timed step,
-- indexed so that each figure is a range scan, and two roll-ups kept by differences (steps due
-- per office and day; projects per district, per office). This migration fills them from the rows
-- a store already holds; `planhub stats rebuild` refills them the same way the job does.
-- Days are the bureau's (Asia/Shanghai).

-- One row per approval. received_day / closed_day count 新增 and 办结; the approval is 在办 on a
-- day d when received_day <= d < ended_day (ended_day null while it is open): open_span is that
-- span, searched with a GiST index for "在办 at d" without reading every earlier approval.
-- ended_day is never before received_day, so an approval closed "before" it was received was
-- never open. An approval 办结 without a close time counts as closed on no day and open on none.
CREATE TABLE stats_approvals (
  approval_id  text PRIMARY KEY,
  project_no   text NOT NULL,
  item         text NOT NULL,
  office       text NOT NULL,        -- the handling office as stored; '' when none
  unit         text NOT NULL,        -- 办理部门 as the seed groups offices: 中心城区分局, <X>分局, 市局
  district     text NOT NULL,        -- the project's district as stored (洪山, 洪山区); '' when unknown
  received_day date,
  closed_day   date,                 -- the day it was 办结
  ended_day    date,
  open_span    daterange GENERATED ALWAYS AS (
                 CASE WHEN received_day IS NOT NULL THEN daterange(received_day, ended_day, '[)') END) STORED,
  cert_type    text,                 -- 选址意见书 … when it closed with a certificate of the four types
  uploaded     boolean NOT NULL DEFAULT false
);
CREATE INDEX stats_approvals_received_idx ON stats_approvals (received_day);
CREATE INDEX stats_approvals_closed_idx ON stats_approvals (closed_day);
CREATE INDEX stats_approvals_ended_idx ON stats_approvals (ended_day);
CREATE INDEX stats_approvals_open_idx ON stats_approvals USING gist (open_span);
CREATE INDEX stats_approvals_project_idx ON stats_approvals (project_no);

-- One row per step that started and has a time limit: due_day is limit_days working days after
-- the start on China's official calendar (rules/ dueDate). late: finished after its due day.
-- An unfinished step is overdue once today is after due_day, so it is counted when asked.
CREATE TABLE stats_steps (
  approval_id  text NOT NULL,
  seq          integer NOT NULL,
  office       text NOT NULL,        -- the step's office; '' when none
  due_day      date NOT NULL,
  finished_day date,
  late         boolean GENERATED ALWAYS AS (finished_day > due_day) STORED,
  PRIMARY KEY (approval_id, seq)
);
CREATE INDEX stats_steps_late_idx ON stats_steps (due_day, office) WHERE late;
CREATE INDEX stats_steps_unfinished_idx ON stats_steps (due_day, office) WHERE finished_day IS NULL;

-- Steps due per office and day, and how many of them finished late: a year of figures is a few
-- thousand rows instead of a few hundred thousand steps.
CREATE TABLE stats_step_days (
  due_day date NOT NULL,
  office  text NOT NULL,
  due     integer NOT NULL,
  late    integer NOT NULL,
  PRIMARY KEY (due_day, office)
);

-- Each project's district as last counted, so a changed district moves one project between rows.
CREATE TABLE stats_projects (
  project_no text PRIMARY KEY,
  district   text NOT NULL
);

-- Projects per district (by 'district', key the district as stored), per handling office (by
-- 'office': distinct projects with an approval of that office) and with any approval at all
-- (by 'any', key ''), the office rows' 合计.
CREATE TABLE stats_project_counts (
  by       text NOT NULL CHECK (by IN ('district', 'office', 'any')),
  key      text NOT NULL,
  projects integer NOT NULL,
  PRIMARY KEY (by, key)
);

-- When the figures were last brought up to date (the responses' as_of).
CREATE TABLE stats_state (
  id           boolean PRIMARY KEY DEFAULT true CHECK (id),
  refreshed_at timestamptz NOT NULL
);

-- Filling them from what the store holds. The same derivations as services/stats/stats-rows.ts;
-- tests/integration/stats-projection.test.ts checks that this fill and the job's agree.
INSERT INTO stats_approvals (approval_id, project_no, item, office, unit, district, received_day, closed_day, ended_day, cert_type, uploaded)
SELECT a.id, a.project_no, a.item, coalesce(a.office, ''),
  CASE WHEN coalesce(a.office, '') = '' THEN '未载明'
       WHEN a.office LIKE '中心城区分局%' THEN '中心城区分局'
       ELSE coalesce(substring(a.office FROM '^(.+?分局)'), '市局') END,
  coalesce(p.district, ''), r.day, c.day,
  CASE WHEN a.status = '办结' AND r.day IS NOT NULL THEN greatest(r.day, coalesce(c.day, r.day)) END,
  CASE WHEN c.day IS NULL OR a.certificate_no IS NULL THEN NULL
       WHEN a.certificate_no LIKE '武规选%' THEN '选址意见书'
       WHEN a.certificate_no LIKE '武规地%' THEN '用地规划许可证'
       WHEN a.certificate_no LIKE '武规建%' THEN '工程规划许可证'
       WHEN a.certificate_no LIKE '武规验%' THEN '规划条件核实证明' END,
  coalesce(a.extra -> 'certificate_uploaded' = 'true'::jsonb, false)
FROM approvals a
LEFT JOIN projects p ON p.project_no = a.project_no
CROSS JOIN LATERAL (SELECT (a.received_at AT TIME ZONE 'Asia/Shanghai')::date AS day) r
CROSS JOIN LATERAL (SELECT CASE WHEN a.status = '办结' THEN (a.closed_at AT TIME ZONE 'Asia/Shanghai')::date END AS day) c;

-- Working days as chinese-days 1.5.7 (the rules' calendar) has them for 2004–2026: weekdays off
-- (holidays) and weekend days worked (调休); other years count weekends only, as it does.
-- tests/unit/stats-calendar.test.ts checks these lists against the package.
CREATE TEMPORARY TABLE stats_workdays ON COMMIT DROP AS
WITH days AS (
  SELECT d::date AS day FROM generate_series('1900-01-01'::date, '2200-12-31'::date, interval '1 day') d
), off AS (
  SELECT unnest('{
    2004-01-01,2004-01-22,2004-01-23,2004-01-26,2004-01-27,2004-01-28,2004-05-03,2004-05-04,
    2004-05-05,2004-05-06,2004-05-07,2004-10-01,2004-10-04,2004-10-05,2004-10-06,2004-10-07,
    2005-01-03,2005-02-09,2005-02-10,2005-02-11,2005-02-14,2005-02-15,2005-05-02,2005-05-03,
    2005-05-04,2005-05-05,2005-05-06,2005-10-03,2005-10-04,2005-10-05,2005-10-06,2005-10-07,
    2006-01-02,2006-01-03,2006-01-30,2006-01-31,2006-02-01,2006-02-02,2006-02-03,2006-05-01,
    2006-05-02,2006-05-03,2006-05-04,2006-05-05,2006-10-02,2006-10-03,2006-10-04,2006-10-05,
    2006-10-06,2007-01-01,2007-01-02,2007-01-03,2007-02-19,2007-02-20,2007-02-21,2007-02-22,
    2007-02-23,2007-05-01,2007-05-02,2007-05-03,2007-05-04,2007-05-07,2007-10-01,2007-10-02,
    2007-10-03,2007-10-04,2007-10-05,2007-12-31,2008-01-01,2008-02-06,2008-02-07,2008-02-08,
    2008-02-11,2008-02-12,2008-04-04,2008-05-01,2008-05-02,2008-06-09,2008-09-15,2008-09-29,
    2008-09-30,2008-10-01,2008-10-02,2008-10-03,2009-01-01,2009-01-02,2009-01-26,2009-01-27,
    2009-01-28,2009-01-29,2009-01-30,2009-04-06,2009-05-01,2009-05-28,2009-05-29,2009-10-01,
    2009-10-02,2009-10-05,2009-10-06,2009-10-07,2009-10-08,2010-01-01,2010-02-15,2010-02-16,
    2010-02-17,2010-02-18,2010-02-19,2010-04-05,2010-05-03,2010-06-14,2010-06-15,2010-06-16,
    2010-09-22,2010-09-23,2010-09-24,2010-10-01,2010-10-04,2010-10-05,2010-10-06,2010-10-07,
    2011-01-03,2011-02-02,2011-02-03,2011-02-04,2011-02-07,2011-02-08,2011-04-04,2011-04-05,
    2011-05-02,2011-06-06,2011-09-12,2011-10-03,2011-10-04,2011-10-05,2011-10-06,2011-10-07,
    2012-01-02,2012-01-03,2012-01-23,2012-01-24,2012-01-25,2012-01-26,2012-01-27,2012-04-02,
    2012-04-03,2012-04-04,2012-04-30,2012-05-01,2012-06-22,2012-10-01,2012-10-02,2012-10-03,
    2012-10-04,2012-10-05,2013-01-01,2013-01-02,2013-01-03,2013-02-11,2013-02-12,2013-02-13,
    2013-02-14,2013-02-15,2013-04-04,2013-04-05,2013-04-29,2013-04-30,2013-05-01,2013-06-10,
    2013-06-11,2013-06-12,2013-09-19,2013-09-20,2013-10-01,2013-10-02,2013-10-03,2013-10-04,
    2013-10-07,2014-01-01,2014-01-31,2014-02-03,2014-02-04,2014-02-05,2014-02-06,2014-04-07,
    2014-05-01,2014-05-02,2014-06-02,2014-09-08,2014-10-01,2014-10-02,2014-10-03,2014-10-06,
    2014-10-07,2015-01-01,2015-01-02,2015-02-18,2015-02-19,2015-02-20,2015-02-23,2015-02-24,
    2015-04-06,2015-05-01,2015-06-22,2015-09-03,2015-09-04,2015-10-01,2015-10-02,2015-10-05,
    2015-10-06,2015-10-07,2016-01-01,2016-02-08,2016-02-09,2016-02-10,2016-02-11,2016-02-12,
    2016-04-04,2016-05-02,2016-06-09,2016-06-10,2016-09-15,2016-09-16,2016-10-03,2016-10-04,
    2016-10-05,2016-10-06,2016-10-07,2017-01-02,2017-01-27,2017-01-30,2017-01-31,2017-02-01,
    2017-02-02,2017-04-03,2017-04-04,2017-05-01,2017-05-29,2017-05-30,2017-10-02,2017-10-03,
    2017-10-04,2017-10-05,2017-10-06,2018-01-01,2018-02-15,2018-02-16,2018-02-19,2018-02-20,
    2018-02-21,2018-04-05,2018-04-06,2018-04-30,2018-05-01,2018-06-18,2018-09-24,2018-10-01,
    2018-10-02,2018-10-03,2018-10-04,2018-10-05,2018-12-31,2019-01-01,2019-02-04,2019-02-05,
    2019-02-06,2019-02-07,2019-02-08,2019-04-05,2019-05-01,2019-05-02,2019-05-03,2019-06-07,
    2019-09-13,2019-10-01,2019-10-02,2019-10-03,2019-10-04,2019-10-07,2020-01-01,2020-01-24,
    2020-01-27,2020-01-28,2020-01-29,2020-01-30,2020-01-31,2020-04-06,2020-05-01,2020-05-04,
    2020-05-05,2020-06-25,2020-06-26,2020-10-01,2020-10-02,2020-10-05,2020-10-06,2020-10-07,
    2020-10-08,2021-01-01,2021-02-11,2021-02-12,2021-02-15,2021-02-16,2021-02-17,2021-04-05,
    2021-05-03,2021-05-04,2021-05-05,2021-06-14,2021-09-20,2021-09-21,2021-10-01,2021-10-04,
    2021-10-05,2021-10-06,2021-10-07,2022-01-03,2022-01-31,2022-02-01,2022-02-02,2022-02-03,
    2022-02-04,2022-04-04,2022-04-05,2022-05-02,2022-05-03,2022-05-04,2022-06-03,2022-09-12,
    2022-10-03,2022-10-04,2022-10-05,2022-10-06,2022-10-07,2023-01-02,2023-01-23,2023-01-24,
    2023-01-25,2023-01-26,2023-01-27,2023-04-05,2023-05-01,2023-05-02,2023-05-03,2023-06-22,
    2023-06-23,2023-09-29,2023-10-02,2023-10-03,2023-10-04,2023-10-05,2023-10-06,2024-01-01,
    2024-02-12,2024-02-13,2024-02-14,2024-02-15,2024-02-16,2024-04-04,2024-04-05,2024-05-01,
    2024-05-02,2024-05-03,2024-06-10,2024-09-16,2024-09-17,2024-10-01,2024-10-02,2024-10-03,
    2024-10-04,2024-10-07,2025-01-01,2025-01-28,2025-01-29,2025-01-30,2025-01-31,2025-02-03,
    2025-02-04,2025-04-04,2025-05-01,2025-05-02,2025-05-05,2025-06-02,2025-10-01,2025-10-02,
    2025-10-03,2025-10-06,2025-10-07,2025-10-08,2026-01-01,2026-01-02,2026-02-16,2026-02-17,
    2026-02-18,2026-02-19,2026-02-20,2026-02-23,2026-04-06,2026-05-01,2026-05-04,2026-05-05,
    2026-06-19,2026-09-25,2026-10-01,2026-10-02,2026-10-05,2026-10-06,2026-10-07
  }'::date[]) AS day
), worked AS (
  SELECT unnest('{
    2004-01-17,2004-01-18,2004-05-08,2004-05-09,2004-10-09,2004-10-10,2005-02-05,2005-02-06,
    2005-04-30,2005-05-08,2005-10-08,2005-10-09,2006-01-28,2006-02-05,2006-04-29,2006-04-30,
    2006-09-30,2006-10-08,2006-12-30,2006-12-31,2007-02-17,2007-02-25,2007-04-28,2007-04-29,
    2007-09-29,2007-09-30,2007-12-29,2008-02-02,2008-02-03,2008-05-04,2008-09-27,2008-09-28,
    2009-01-04,2009-01-24,2009-02-01,2009-05-31,2009-09-27,2009-10-10,2010-02-20,2010-02-21,
    2010-06-12,2010-06-13,2010-09-19,2010-09-25,2010-09-26,2010-10-09,2011-01-30,2011-02-12,
    2011-04-02,2011-10-08,2011-10-09,2011-12-31,2012-01-21,2012-01-29,2012-03-31,2012-04-01,
    2012-04-28,2012-09-29,2013-01-05,2013-01-06,2013-02-16,2013-02-17,2013-04-07,2013-04-27,
    2013-04-28,2013-06-08,2013-06-09,2013-09-22,2013-09-29,2013-10-12,2014-01-26,2014-02-08,
    2014-05-04,2014-09-28,2014-10-11,2015-01-04,2015-02-15,2015-02-28,2015-09-06,2015-10-10,
    2016-02-06,2016-02-14,2016-06-12,2016-09-18,2016-10-08,2016-10-09,2017-01-22,2017-02-04,
    2017-04-01,2017-05-27,2017-09-30,2018-02-11,2018-02-24,2018-04-08,2018-04-28,2018-09-29,
    2018-09-30,2018-12-29,2019-02-02,2019-02-03,2019-04-28,2019-05-05,2019-09-29,2019-10-12,
    2020-01-19,2020-04-26,2020-05-09,2020-06-28,2020-09-27,2020-10-10,2021-02-07,2021-02-20,
    2021-04-25,2021-05-08,2021-09-18,2021-09-26,2021-10-09,2022-01-29,2022-01-30,2022-04-02,
    2022-04-24,2022-05-07,2022-10-08,2022-10-09,2023-01-28,2023-01-29,2023-04-23,2023-05-06,
    2023-06-25,2023-10-07,2023-10-08,2024-02-04,2024-02-18,2024-04-07,2024-04-28,2024-05-11,
    2024-09-14,2024-09-29,2024-10-12,2025-01-26,2025-02-08,2025-04-27,2025-09-28,2025-10-11,
    2026-01-04,2026-02-14,2026-02-28,2026-05-09,2026-09-20,2026-10-10
  }'::date[]) AS day
), flagged AS (
  SELECT day, (extract(isodow FROM day) < 6 AND day NOT IN (SELECT day FROM off)) OR day IN (SELECT day FROM worked) AS workday
  FROM days
)
-- n: working days up to and including the day.
SELECT day, workday, sum(workday::int) OVER (ORDER BY day) AS n FROM flagged;
CREATE INDEX ON stats_workdays (day);
CREATE INDEX ON stats_workdays (n) WHERE workday;
ANALYZE stats_workdays;

-- Due: the limit_days-th working day after the start day (the start day not counted); a limit of
-- 0 is the first working day from the start day on (rules/functions/working-days.ts).
INSERT INTO stats_steps (approval_id, seq, office, due_day, finished_day)
SELECT s.approval_id, s.seq, coalesce(s.office, ''), w.day, (s.finished_at AT TIME ZONE 'Asia/Shanghai')::date
FROM approval_steps s
JOIN stats_workdays st ON st.day = (s.started_at AT TIME ZONE 'Asia/Shanghai')::date
JOIN stats_workdays w ON w.workday
  AND w.n = CASE WHEN s.limit_days = 0 THEN st.n - st.workday::int + 1 ELSE st.n + s.limit_days END
WHERE s.limit_days IS NOT NULL AND s.started_at IS NOT NULL;

INSERT INTO stats_step_days (due_day, office, due, late)
SELECT due_day, office, count(*), count(*) FILTER (WHERE late) FROM stats_steps GROUP BY due_day, office;

INSERT INTO stats_projects (project_no, district) SELECT project_no, coalesce(district, '') FROM projects;

INSERT INTO stats_project_counts (by, key, projects)
SELECT 'district', district, count(*) FROM stats_projects GROUP BY district
UNION ALL
SELECT 'office', office, count(DISTINCT project_no) FROM stats_approvals GROUP BY office
UNION ALL
SELECT 'any', '', count(DISTINCT project_no) FROM stats_approvals HAVING count(*) > 0;

INSERT INTO stats_state (refreshed_at) VALUES (now());
ANALYZE stats_approvals, stats_steps, stats_step_days, stats_projects, stats_project_counts;
