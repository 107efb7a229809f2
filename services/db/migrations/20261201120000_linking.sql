-- Linking loose mentions to projects (issue #12). A record's own project numbers stay
-- method 'declared', status 'confirmed'. The linker adds method 'key' (a cited number) or
-- 'linkage' (record linkage) rows with status 'auto' or 'suggested'; a person turns them into
-- 'confirmed' or 'rejected' (decided_by, decided_at), and the linker never touches a row a
-- person decided. 'auto' links count as links wherever confirmed ones do.
ALTER TABLE resource_links DROP CONSTRAINT resource_links_status_check;
ALTER TABLE resource_links ADD CONSTRAINT resource_links_status_check
  CHECK (status IN ('confirmed', 'auto', 'suggested', 'rejected'));

ALTER TABLE resource_links
  -- How unsure the linker is that this is the project meant: 1 − probability × its share of the
  -- probability among the projects the same mention could be.
  ADD COLUMN doubt          real,
  -- [{feature, level, weight, text}]: the evidence, each with its weight in bits and a sentence.
  ADD COLUMN reasons        jsonb NOT NULL DEFAULT '[]',
  -- The linker model (linker_models.version) that made the row.
  ADD COLUMN linker_version integer,
  -- For minutes and 公文 covering several projects: the numbered item or passage it came from.
  ADD COLUMN passage        text,
  ADD COLUMN decision       text CHECK (decision IN ('confirm', 'reject', 'unsure')),
  ADD COLUMN decided_by     text,
  ADD COLUMN decided_at     timestamptz,
  ADD COLUMN updated_at     timestamptz NOT NULL DEFAULT now();

-- The review queue: suggestions, best first.
CREATE INDEX resource_links_suggested_idx ON resource_links (score DESC, resource_type, resource_id)
  WHERE status = 'suggested';

-- Fellegi–Sunter models: per feature level its m and u probabilities and weight, per resource
-- type, the prior and the decision thresholds. A new version per estimate; links record theirs.
CREATE TABLE linker_models (
  version    serial PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  model      jsonb NOT NULL,
  -- What the estimate was made from: labelled pairs and random pairs per type.
  trained_on jsonb NOT NULL DEFAULT '{}'
);

-- Cheap "have projects or approvals changed?" checks for the linker's in-process caches.
CREATE INDEX projects_updated_at_idx ON projects (updated_at);
CREATE INDEX approvals_updated_at_idx ON approvals (updated_at);
