-- Approvals moving through their steps under the rules (issue #14): the alerts rules raise, the
-- rule versions published through the API, the latest outcomes per approval step, and a
-- suspension an alert's 暂停 puts on an approval.

-- One alert per rule, approval, step and cause ('' when the rule names none): re-running the
-- rules never raises the same alert twice. It keeps the rule version, facts and trace it came from.
CREATE TABLE alerts (
  id           bigserial PRIMARY KEY,
  rule_id      text NOT NULL,
  rule_version integer NOT NULL,
  approval_id  text NOT NULL REFERENCES approvals (id) ON DELETE CASCADE,
  project_no   text NOT NULL,
  step         text NOT NULL,
  action       text NOT NULL CHECK (action IN ('start', 'finish')),
  cause        text NOT NULL DEFAULT '',
  office       text,
  status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'decided')),
  verdict      text NOT NULL CHECK (verdict IN ('block', 'alert', 'warn')),
  reason       text NOT NULL,
  options      text[] NOT NULL DEFAULT '{}',
  decision     text CHECK (decision IN ('提醒', '退件', '暂停')),
  acknowledged_by text,
  acknowledged_at timestamptz,
  decided_by   text,
  decided_at   timestamptz,
  note         text,
  facts        jsonb NOT NULL,
  trace        jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (rule_id, approval_id, step, cause)
);
CREATE INDEX alerts_status_idx ON alerts (status, id);
CREATE INDEX alerts_approval_idx ON alerts (approval_id);
CREATE INDEX alerts_project_idx ON alerts (project_no);

-- Every version of a table published through the API; the newest of each id overrides the
-- version in rules/tables/. Never changed or deleted: an alert names the version that raised it.
CREATE TABLE rule_versions (
  id           text NOT NULL,
  version      integer NOT NULL,
  content      jsonb NOT NULL,
  meta         jsonb NOT NULL,
  published_by text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, version)
);

-- The latest outcomes at each decision point of an approval (the approval page's rule results),
-- written by every evaluation, allowed or blocked.
CREATE TABLE rule_evaluations (
  approval_id  text NOT NULL REFERENCES approvals (id) ON DELETE CASCADE,
  step         text NOT NULL,
  action       text NOT NULL CHECK (action IN ('start', 'finish')),
  allowed      boolean NOT NULL,
  outcomes     jsonb NOT NULL,
  evaluated_by text NOT NULL,
  evaluated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (approval_id, step, action)
);

-- A 暂停 decision suspends the approval until a supervisor lifts it; suspended_by is the alert.
ALTER TABLE approvals
  ADD COLUMN suspended_at timestamptz,
  ADD COLUMN suspended_by bigint REFERENCES alerts (id) ON DELETE SET NULL;
