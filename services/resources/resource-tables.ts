/**
 * How each imported resource type maps onto its table: the columns, and the row a validated
 * record becomes. Fields a record carries beyond these columns go to `extra` untouched.
 */
import type { ResourceType } from './resource.schema.ts';

export interface Column {
  name: string;
  /** The PostgreSQL type the value has in the JSON row set. */
  type: string;
}

export interface TableSpec {
  table: string;
  columns: Column[];
  /** Record fields stored elsewhere than a column of this table (child tables). */
  childFields: string[];
  /** Record field → column, where the two differ. */
  renamed: Record<string, string>;
}

const col = (name: string, type = 'text'): Column => ({ name, type });

export const TABLES: Record<ResourceType, TableSpec> = {
  project: {
    table: 'projects',
    columns: [
      col('project_no'), col('name'), col('builder'), col('builder_credit_code'), col('address'),
      col('district'), col('project_type'), col('land_use'), col('scale_m2', 'numeric'), col('created_at', 'timestamptz'),
    ],
    childFields: [],
    renamed: {},
  },
  approval: {
    table: 'approvals',
    columns: [
      col('project_no'), col('item'), col('status'), col('received_at', 'timestamptz'), col('closed_at', 'timestamptz'),
      col('office'), col('handler'), col('certificate_no'),
    ],
    childFields: ['steps'],
    renamed: {},
  },
  document: {
    table: 'documents',
    columns: [col('doc_no'), col('title'), col('date', 'date'), col('issuer'), col('body'), col('project_nos', 'text[]')],
    childFields: [],
    renamed: { text: 'body' },
  },
  meeting: {
    table: 'meetings',
    columns: [col('title'), col('date', 'date'), col('kind'), col('body'), col('project_nos', 'text[]')],
    childFields: [],
    renamed: { text: 'body' },
  },
  petition: {
    table: 'petitions',
    columns: [
      col('letter_no'), col('subject'), col('body'), col('received_at', 'timestamptz'), col('channel'), col('category'),
      col('office'), col('deadline', 'date'), col('status'), col('project_nos', 'text[]'),
    ],
    childFields: ['petitioner'],
    renamed: { text: 'body' },
  },
  credit: {
    table: 'credit_records',
    columns: [col('builder'), col('credit_code'), col('status'), col('reason'), col('date', 'date')],
    childFields: [],
    renamed: {},
  },
  regulation: {
    table: 'regulations',
    columns: [col('title'), col('date', 'date'), col('region'), col('category'), col('body')],
    childFields: [],
    renamed: {},
  },
};
// Regulations carry their text as `text` too.
TABLES.regulation.renamed = { text: 'body' };

/** The row for a record: its columns, `extra` for everything else, and its content hash. */
export function toRow(spec: TableSpec, record: Record<string, unknown>, contentHash: string): Record<string, unknown> {
  const row: Record<string, unknown> = { id: record.id, content_hash: contentHash };
  const columnNames = new Set(spec.columns.map((c) => c.name));
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'id' || spec.childFields.includes(key)) continue;
    const column = spec.renamed[key] ?? key;
    if (columnNames.has(column)) row[column] = value ?? null;
    else extra[key] = value;
  }
  row.extra = extra;
  return row;
}

/**
 * The record a stored row stands for, the inverse of `toRow`: columns under their import names
 * (`body` back to `text`), then the fields kept in `extra`. Child fields are not in the row.
 */
export function fromRow(spec: TableSpec, row: Record<string, unknown>): Record<string, unknown> {
  const fieldOf = new Map(Object.entries(spec.renamed).map(([field, column]) => [column, field]));
  const record: Record<string, unknown> = { id: row.id };
  for (const c of spec.columns) record[fieldOf.get(c.name) ?? c.name] = row[c.name] ?? null;
  const extra = (row.extra ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(extra)) if (!(key in record)) record[key] = value;
  return record;
}
