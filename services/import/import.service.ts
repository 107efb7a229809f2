/**
 * Imports JSON lines of one resource type: validates every line, writes the good ones in
 * batches (with their outbox rows, in the same transaction), and reports each bad line by
 * number and field. Records are upserted by id; unchanged records are left alone.
 */
import { createHash } from 'node:crypto';
import { appendAudit } from '../audit/audit.store.ts';
import type { Db, Queryable } from '../db/db.ts';
import { appendOutbox, type OutboxEntry } from '../outbox/outbox.store.ts';
import { TOPICS } from '../outbox/topics.ts';
import { ProjectNoError, issueProjectNo, reserveImportedNos } from '../projects/project-no.service.ts';
import { TABLES, toRow } from '../resources/resource-tables.ts';
import * as store from '../resources/resource.store.ts';
import { IMPORT_SCHEMAS, type ResourceType } from '../resources/resource.schema.ts';
import { readJsonLines } from './jsonl-reader.ts';

export interface LineError {
  line: number;
  field?: string;
  message: string;
}

export interface ImportReport {
  type: ResourceType;
  lines: number;
  accepted: number;
  changed: number;
  unchanged: number;
  rejected: number;
  /** The first errors, in line order (all are counted in `rejected`). */
  errors: LineError[];
  /** Project numbers that records refer to but no imported project has (yet). */
  unknownProjectNos: number;
}

export interface ImportOptions {
  batchSize?: number;
  maxErrors?: number;
  onProgress?: (p: { lines: number; bytes: number }) => void;
  /** Who imports, for the audit log (`cli`, `api`, a user name). */
  actor?: string;
}

interface Pending {
  line: number;
  record: Record<string, unknown>;
}

const hash = (record: unknown) => createHash('sha1').update(JSON.stringify(record)).digest('base64url');

/** Formats a zod issue path as the field a person would name: `steps[2].limit_days`. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

export async function importJsonl(
  db: Db,
  type: ResourceType,
  source: AsyncIterable<Uint8Array>,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  const batchSize = opts.batchSize ?? 500;
  const maxErrors = opts.maxErrors ?? 1000;
  const schema = IMPORT_SCHEMAS[type];
  const report: ImportReport = { type, lines: 0, accepted: 0, changed: 0, unchanged: 0, rejected: 0, errors: [], unknownProjectNos: 0 };
  const reject = (e: LineError) => {
    report.rejected += 1;
    if (report.errors.length < maxErrors) report.errors.push(e);
  };
  let batch: Pending[] = [];
  let bytes = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    const result = await writeBatch(db, type, current, reject);
    report.changed += result.changed;
    report.accepted += result.accepted;
    report.unknownProjectNos += result.unknownProjectNos;
  };

  for await (const parsed of readJsonLines(source)) {
    report.lines += 1;
    bytes += parsed.bytes;
    if ('error' in parsed) {
      reject({ line: parsed.lineNo, message: parsed.error });
    } else {
      const result = schema.safeParse(parsed.value);
      if (result.success) batch.push({ line: parsed.lineNo, record: result.data as Record<string, unknown> });
      else {
        const issue = result.error.issues[0]!;
        const field = fieldName(issue.path);
        const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more)` : '';
        reject({ line: parsed.lineNo, field: field || undefined, message: `${field ? `${field}: ` : ''}${issue.message}${more}` });
      }
    }
    if (batch.length >= batchSize) await flush();
    if (report.lines % 1000 === 0) opts.onProgress?.({ lines: report.lines, bytes });
  }
  await flush();
  opts.onProgress?.({ lines: report.lines, bytes });
  report.unchanged = report.accepted - report.changed;
  report.errors.sort((a, b) => a.line - b.line);
  const { errors: _errors, ...counts } = report;
  await appendAudit(db, { actor: opts.actor ?? 'system', action: 'import', resource_type: type, detail: counts });
  return report;
}

/**
 * Writes a batch in one transaction. When the database refuses the batch (a constraint one
 * record breaks), each record is retried alone so that only the bad ones are rejected.
 */
async function writeBatch(
  db: Db,
  type: ResourceType,
  batch: Pending[],
  reject: (e: LineError) => void,
): Promise<{ accepted: number; changed: number; unknownProjectNos: number }> {
  // The last line with an id wins, as if the lines had been imported one after another.
  const byId = new Map<string, Pending>();
  for (const p of batch) byId.set(p.record.id as string, p);
  const unique = [...byId.values()];
  const superseded = batch.length - unique.length;
  try {
    const r = await db.transaction((tx) => writeRecords(tx, type, unique));
    return { accepted: unique.length + superseded, ...r };
  } catch (err) {
    if (unique.length === 1) {
      reject(dbError(unique[0]!.line, err));
      return { accepted: superseded, changed: 0, unknownProjectNos: 0 };
    }
  }
  const total = { accepted: superseded, changed: 0, unknownProjectNos: 0 };
  for (const p of unique) {
    try {
      const r = await db.transaction((tx) => writeRecords(tx, type, [p]));
      total.accepted += 1;
      total.changed += r.changed;
      total.unknownProjectNos += r.unknownProjectNos;
    } catch (err) {
      reject(dbError(p.line, err));
    }
  }
  return total;
}

function dbError(line: number, err: unknown): LineError {
  if (err instanceof ProjectNoError) return { line, field: err.field, message: `${err.field}: ${err.message}` };
  const e = err as { code?: string; constraint?: string; message?: string };
  if (e.code === '23505' && e.constraint === 'projects_project_no_key') {
    return { line, field: 'project_no', message: 'project_no: already belongs to another project' };
  }
  return { line, message: `the database refused the record: ${e.message ?? String(err)}` };
}

async function writeRecords(
  tx: Queryable,
  type: ResourceType,
  items: Pending[],
): Promise<{ changed: number; unknownProjectNos: number }> {
  const records = items.map((p) => p.record);
  if (type === 'project') {
    for (const r of records) {
      if (!r.project_no) {
        try {
          r.project_no = await issueProjectNo(tx, r);
        } catch (err) {
          if (err instanceof ProjectNoError) throw new ProjectNoError('project_no', `missing, and none can be issued: ${err.message}`);
          throw err;
        }
      }
    }
    await reserveImportedNos(tx, records.map((r) => r.project_no as string));
  }
  const ids = records.map((r) => r.id as string);
  const before = await store.currentProjectNos(tx, type, ids);
  const spec = TABLES[type];
  const rows = records.map((r) => toRow(spec, r, hash(r)));
  const changed = await store.upsertRows(tx, type, rows);
  const changedIds = new Set(changed.map((c) => c.id));
  const changedRecords = records.filter((r) => changedIds.has(r.id as string));
  const nowNos = (r: Record<string, unknown>): string[] =>
    type === 'project' || type === 'approval' ? [r.project_no as string] : ((r.project_nos as string[] | undefined) ?? []);

  await writeChildren(tx, type, changedRecords, nowNos);
  if (type === 'project' || type === 'credit') {
    await store.upsertBuilders(
      tx,
      records.flatMap((r) => {
        const name = r.builder as string | null;
        const code = (type === 'project' ? r.builder_credit_code : r.credit_code) as string | null;
        return name ? [{ name, credit_code: code ?? null }] : [];
      }),
    );
  }
  const entries: OutboxEntry[] = changed.map(({ id, version }) => {
    const record = records.find((r) => r.id === id)!;
    const affected = [...new Set([...(before.get(id) ?? []), ...nowNos(record)])];
    return { topic: TOPICS.resourceChanged, resource_type: type, resource_id: id, version, payload: { project_nos: affected } };
  });
  await appendOutbox(tx, entries);

  let unknownProjectNos = 0;
  if (type !== 'project') {
    const referenced = [...new Set(records.flatMap(nowNos))];
    const known = await store.existingProjectNos(tx, referenced);
    unknownProjectNos = referenced.filter((no) => !known.has(no)).length;
  }
  return { changed: changed.length, unknownProjectNos };
}

async function writeChildren(
  tx: Queryable,
  type: ResourceType,
  changed: Record<string, unknown>[],
  nowNos: (r: Record<string, unknown>) => string[],
): Promise<void> {
  if (changed.length === 0) return;
  const ids = changed.map((r) => r.id as string);
  if (type === 'approval') {
    const steps = changed.flatMap((r) =>
      ((r.steps as Record<string, unknown>[]) ?? []).map((s, i) => {
        const { name, stage, office, handler, limit_days, started_at, finished_at, ...extra } = s;
        return {
          approval_id: r.id as string, seq: i + 1, name: name as string,
          stage: (stage as string) ?? null, office: (office as string) ?? null, handler: (handler as string) ?? null,
          limit_days: (limit_days as number) ?? null, started_at: (started_at as string) ?? null,
          finished_at: (finished_at as string) ?? null, extra,
        };
      }),
    );
    await store.replaceSteps(tx, ids, steps);
  }
  if (type === 'petition') {
    const people = changed.flatMap((r) => {
      const p = r.petitioner as Record<string, unknown> | null | undefined;
      if (!p) return [];
      const { name, phone, email, address, ...extra } = p;
      return [{
        petition_id: r.id as string, name: (name as string) ?? null, phone: (phone as string) ?? null,
        email: (email as string) ?? null, address: (address as string) ?? null, extra,
      }];
    });
    await store.replacePetitioners(tx, ids, people);
  }
  if (type === 'approval' || type === 'document' || type === 'meeting' || type === 'petition') {
    const links = changed.flatMap((r) => nowNos(r).map((project_no) => ({ resource_id: r.id as string, project_no })));
    await store.replaceDeclaredLinks(tx, type, ids, links);
  }
}
