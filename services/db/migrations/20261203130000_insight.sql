-- Process insight (流程分析, issue #16): the analysis of every closed step runs as a job and its
-- result is kept here with the time it was computed. Readers read the latest ready run; a run
-- being computed writes its rows under its own id and turns ready only when all are written.

CREATE TABLE insight_runs (
  id             bigserial PRIMARY KEY,
  status         text NOT NULL CHECK (status IN ('computing', 'ready', 'failed')),
  requested_by   text NOT NULL,
  started_at     timestamptz NOT NULL DEFAULT now(),
  -- Written with each page of progress: a computing run whose heartbeat stopped belongs to a
  -- process that died, and another may claim the next run.
  heartbeat_at   timestamptz NOT NULL DEFAULT now(),
  phase          text NOT NULL DEFAULT 'reading',
  progress_done  integer NOT NULL DEFAULT 0,
  progress_total integer NOT NULL DEFAULT 0,
  computed_at    timestamptz,
  duration_ms    integer,
  cases          integer,
  steps          integer,
  -- Per item: cases and cycle time p50/p90 (GET /api/insight).
  summary        jsonb,
  error          text
);
-- Never two runs at once, across processes: claiming a run is an insert this index refuses.
CREATE UNIQUE INDEX insight_runs_one_computing ON insight_runs (status) WHERE status = 'computing';

-- Per business item: steps, directly-follows graph, critical path, cycle time (the item's page).
CREATE TABLE insight_items (
  run_id bigint NOT NULL REFERENCES insight_runs (id) ON DELETE CASCADE,
  item   text NOT NULL,
  cases  integer NOT NULL,
  detail jsonb NOT NULL,
  PRIMARY KEY (run_id, item)
);

-- 阻滞节点 and pairs (互为前置, 潜在可并行), in rank order.
CREATE TABLE insight_findings (
  run_id bigint NOT NULL REFERENCES insight_runs (id) ON DELETE CASCADE,
  kind   text NOT NULL CHECK (kind IN ('bottleneck', 'mutual', 'parallel')),
  rank   integer NOT NULL,
  item   text NOT NULL,
  body   jsonb NOT NULL,
  PRIMARY KEY (run_id, kind, rank)
);

-- Conformance: one row per case and kind of deviation.
CREATE TABLE insight_deviations (
  run_id      bigint NOT NULL REFERENCES insight_runs (id) ON DELETE CASCADE,
  approval_id text NOT NULL,
  item        text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('skipped', 'out_of_order', 'extra')),
  detail      text NOT NULL,
  steps       text[] NOT NULL,
  PRIMARY KEY (run_id, approval_id, kind)
);
CREATE INDEX insight_deviations_item_idx ON insight_deviations (run_id, item, kind, approval_id);

-- Every closed case's cycle time in working days; the slowest first is a range scan.
CREATE TABLE insight_cases (
  run_id      bigint NOT NULL REFERENCES insight_runs (id) ON DELETE CASCADE,
  approval_id text NOT NULL,
  item        text NOT NULL,
  cycle_days  real NOT NULL
);
CREATE INDEX insight_cases_slowest_idx ON insight_cases (run_id, cycle_days DESC, approval_id);
CREATE INDEX insight_cases_item_idx ON insight_cases (run_id, item, cycle_days DESC, approval_id);
