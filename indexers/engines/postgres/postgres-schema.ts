/** The per-generation search table on PostgreSQL, and its indexes. */
import type { Queryable } from '../../../services/db/db.ts';

export const docsTable = (generation: number) => `search_docs_g${generation}`;

export const DOC_COLUMNS = [
  'doc_id', 'type', 'resource_id', 'passage', 'version', 'title', 'body', 'date', 'status', 'item', 'open',
  'districts', 'project_nos', 'project_names', 'builders', 'keys', 'title_tsv', 'body_tsv', 'gram_tsv', 'prior',
] as const;

/** The column types, as `jsonb_to_recordset` needs them. */
export const DOC_RECORD_TYPES = `doc_id text, type text, resource_id text, passage integer, version integer, title text,
  body text, date date, status text, item text, open boolean, districts text[], project_nos text[], project_names text[],
  builders text[], keys text[], title_tsv tsvector, body_tsv tsvector, gram_tsv tsvector, prior real`;

export async function createDocsTable(db: Queryable, generation: number): Promise<void> {
  await db.exec(`CREATE TABLE IF NOT EXISTS ${docsTable(generation)} (
    doc_id        text PRIMARY KEY,
    type          text NOT NULL,
    resource_id   text NOT NULL,
    passage       integer NOT NULL,
    version       integer NOT NULL,
    title         text NOT NULL,
    body          text NOT NULL,
    date          date,
    status        text,
    item          text,
    open          boolean NOT NULL,
    districts     text[] NOT NULL,
    project_nos   text[] NOT NULL,
    project_names text[] NOT NULL,
    builders      text[] NOT NULL,
    keys          text[] NOT NULL,
    title_tsv     tsvector NOT NULL,
    body_tsv      tsvector NOT NULL,
    gram_tsv      tsvector NOT NULL,
    prior         real NOT NULL
  );
  -- More common-lexeme statistics: the search decides how to walk each tier from the planner's estimates.
  ALTER TABLE ${docsTable(generation)} ALTER COLUMN title_tsv SET STATISTICS 1000,
    ALTER COLUMN body_tsv SET STATISTICS 1000, ALTER COLUMN gram_tsv SET STATISTICS 1000`);
}

/**
 * Indexes are built after a generation's bulk load (much faster than maintaining them row by
 * row). The prior indexes let PostgreSQL walk the best documents first when a term matches a
 * large share of the rows, instead of ranking the whole posting list.
 */
export async function createDocsIndexes(db: Queryable, generation: number): Promise<void> {
  const t = docsTable(generation);
  await db.exec(`
    CREATE INDEX IF NOT EXISTS ${t}_resource ON ${t} (type, resource_id);
    CREATE INDEX IF NOT EXISTS ${t}_keys ON ${t} USING gin (keys);
    CREATE INDEX IF NOT EXISTS ${t}_title ON ${t} USING gin (title_tsv);
    CREATE INDEX IF NOT EXISTS ${t}_body ON ${t} USING gin (body_tsv);
    CREATE INDEX IF NOT EXISTS ${t}_gram ON ${t} USING gin (gram_tsv);
    CREATE INDEX IF NOT EXISTS ${t}_projects ON ${t} USING gin (project_nos);
    CREATE INDEX IF NOT EXISTS ${t}_prior ON ${t} (prior DESC);
    CREATE INDEX IF NOT EXISTS ${t}_type_prior ON ${t} (type, prior DESC);
    CREATE INDEX IF NOT EXISTS ${t}_date ON ${t} (date DESC NULLS LAST);
    ANALYZE ${t};
  `);
}

export async function dropDocsTable(db: Queryable, generation: number): Promise<void> {
  await db.exec(`DROP TABLE IF EXISTS ${docsTable(generation)}`);
}
