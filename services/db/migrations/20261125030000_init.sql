-- PlanHub's system of record. Every resource table carries the same bookkeeping columns:
-- version (bumped on each real change), content_hash (what the import compares, so a re-import
-- of the same file changes nothing), extra (fields beyond the canonical ones, kept verbatim).

CREATE TABLE projects (
  id                  text PRIMARY KEY,
  project_no          text NOT NULL UNIQUE,
  name                text NOT NULL,
  builder             text,
  builder_credit_code text,
  address             text,
  district            text,
  project_type        text,
  land_use            text,
  scale_m2            numeric,
  created_at          timestamptz,
  extra               jsonb NOT NULL DEFAULT '{}',
  version             integer NOT NULL DEFAULT 1,
  content_hash        text NOT NULL,
  imported_at         timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX projects_builder_idx ON projects (builder);
CREATE INDEX projects_district_idx ON projects (district);

-- Serials for project numbers, one counter per district / business type / year, taken with an
-- upsert so numbers stay unique under concurrent writers on the server.
CREATE TABLE project_no_counters (
  district_code text NOT NULL,
  type_code     text NOT NULL,
  year          integer NOT NULL,
  last_serial   integer NOT NULL,
  PRIMARY KEY (district_code, type_code, year)
);

-- Legal persons that build; filled from projects and credit records.
CREATE TABLE builders (
  name        text PRIMARY KEY,
  credit_code text UNIQUE,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE approvals (
  id             text PRIMARY KEY,
  project_no     text NOT NULL,
  item           text NOT NULL,
  status         text NOT NULL CHECK (status IN ('新增', '在办', '办结')),
  received_at    timestamptz,
  closed_at      timestamptz,
  office         text,
  handler        text,
  certificate_no text,
  extra          jsonb NOT NULL DEFAULT '{}',
  version        integer NOT NULL DEFAULT 1,
  content_hash   text NOT NULL,
  imported_at    timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX approvals_project_no_idx ON approvals (project_no);
CREATE INDEX approvals_status_idx ON approvals (status);

CREATE TABLE approval_steps (
  approval_id text NOT NULL REFERENCES approvals (id) ON DELETE CASCADE,
  seq         integer NOT NULL,
  name        text NOT NULL,
  stage       text,
  office      text,
  handler     text,
  limit_days  integer,
  started_at  timestamptz,
  finished_at timestamptz,
  extra       jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (approval_id, seq)
);

CREATE TABLE documents (
  id           text PRIMARY KEY,
  doc_no       text,
  title        text,
  date         date,
  issuer       text,
  body         text,
  project_nos  text[] NOT NULL DEFAULT '{}',
  extra        jsonb NOT NULL DEFAULT '{}',
  version      integer NOT NULL DEFAULT 1,
  content_hash text NOT NULL,
  imported_at  timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_doc_no_idx ON documents (doc_no);

CREATE TABLE meetings (
  id           text PRIMARY KEY,
  title        text NOT NULL,
  date         date,
  kind         text,
  body         text,
  project_nos  text[] NOT NULL DEFAULT '{}',
  extra        jsonb NOT NULL DEFAULT '{}',
  version      integer NOT NULL DEFAULT 1,
  content_hash text NOT NULL,
  imported_at  timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE petitions (
  id           text PRIMARY KEY,
  letter_no    text,
  subject      text NOT NULL,
  body         text,
  received_at  timestamptz,
  channel      text,
  category     text,
  office       text,
  deadline     date,
  status       text,
  project_nos  text[] NOT NULL DEFAULT '{}',
  extra        jsonb NOT NULL DEFAULT '{}',
  version      integer NOT NULL DEFAULT 1,
  content_hash text NOT NULL,
  imported_at  timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- The petitioner's personal data lives apart from the petition so that every ordinary query,
-- index and export leaves it out by construction; only the confidential-petition path reads it.
CREATE TABLE petitioners (
  petition_id text PRIMARY KEY REFERENCES petitions (id) ON DELETE CASCADE,
  name        text,
  phone       text,
  email       text,
  address     text,
  extra       jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE credit_records (
  id           text PRIMARY KEY,
  builder      text NOT NULL,
  credit_code  text,
  status       text NOT NULL,
  reason       text,
  date         date,
  extra        jsonb NOT NULL DEFAULT '{}',
  version      integer NOT NULL DEFAULT 1,
  content_hash text NOT NULL,
  imported_at  timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX credit_records_builder_idx ON credit_records (builder);
CREATE INDEX credit_records_code_idx ON credit_records (credit_code);

CREATE TABLE regulations (
  id           text PRIMARY KEY,
  title        text NOT NULL,
  date         date,
  region       text,
  category     text,
  body         text,
  extra        jsonb NOT NULL DEFAULT '{}',
  version      integer NOT NULL DEFAULT 1,
  content_hash text NOT NULL,
  imported_at  timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Which projects a resource belongs to. 'declared' links come from the record itself; the
-- recommendation service adds matched ones with a score and lets officers confirm or reject.
CREATE TABLE resource_links (
  resource_type text NOT NULL,
  resource_id   text NOT NULL,
  project_no    text NOT NULL,
  score         real NOT NULL,
  method        text NOT NULL,
  status        text NOT NULL CHECK (status IN ('confirmed', 'suggested', 'rejected')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (resource_type, resource_id, project_no)
);
CREATE INDEX resource_links_project_idx ON resource_links (project_no);

-- Follow-up work, written in the same transaction as the change that causes it. A row is
-- 'done' only after its job succeeded; 'dead' rows failed every attempt and wait for a replay.
CREATE TABLE outbox (
  id              bigserial PRIMARY KEY,
  topic           text NOT NULL,
  resource_type   text NOT NULL,
  resource_id     text NOT NULL,
  version         integer NOT NULL,
  payload         jsonb NOT NULL DEFAULT '{}',
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'dead')),
  attempts        integer NOT NULL DEFAULT 0,
  -- Bumped by each replay, so a replayed row becomes a new queue job (job ids are deterministic).
  generation      integer NOT NULL DEFAULT 0,
  last_error      text,
  next_attempt_at timestamptz,
  enqueued_at     timestamptz,
  processed_at    timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_pending_idx ON outbox (id) WHERE status = 'pending';
CREATE INDEX outbox_dead_idx ON outbox (id) WHERE status = 'dead';

-- What a project has collected, kept current by the project-summary job.
CREATE TABLE project_summaries (
  project_no     text PRIMARY KEY,
  approvals      integer NOT NULL,
  approvals_open integer NOT NULL,
  documents      integer NOT NULL,
  meetings       integer NOT NULL,
  petitions      integer NOT NULL,
  last_activity  timestamptz,
  refreshed_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE roles (
  name        text PRIMARY KEY,
  description text NOT NULL
);
INSERT INTO roles (name, description) VALUES
  ('public',     '公众：网上查询办理进度'),
  ('officer',    '工作人员：按项目检索资源'),
  ('handler',    '经办人：办理案件，查看推荐材料'),
  ('supervisor', '处（科）室负责人、首席代表：审阅关联信访与预警'),
  ('admin',      '系统管理员：导入数据，管理任务');

CREATE TABLE users (
  id           bigserial PRIMARY KEY,
  username     text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role         text NOT NULL REFERENCES roles (name),
  office       text,
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
  id            bigserial PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT now(),
  actor         text NOT NULL,
  action        text NOT NULL,
  resource_type text,
  resource_id   text,
  detail        jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
