/**
 * Imports JSON lines of one resource type: validates every line, writes the good ones in
 * batches (with their outbox rows, in the same transaction), and reports each bad line by
 * number and field. Records are upserted by id; unchanged records are left alone.
 */
import type { AuditStore } from '../audit/audit.store.ts';
import type { Db, Queryable } from '../db/db.ts';
import { ProjectNoError } from '../projects/project-no.service.ts';
import { IMPORT_SCHEMAS, type ResourceType } from '../resources/resource.schema.ts';
import { createImportWriter, type Batch, type WriterDeps } from './import-writer.ts';
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

export interface ImportDeps extends WriterDeps {
  db: Pick<Db, 'transaction'> & Queryable;
  audit: Pick<AuditStore, 'append'>;
}

/** A validated record and the line it came from. */
interface Pending {
  line: number;
  record: Batch['records'][number];
}

/** Formats a zod issue path as the field a person would name: `steps[2].limit_days`. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

function dbError(line: number, err: unknown): LineError {
  if (err instanceof ProjectNoError) return { line, field: err.field, message: `${err.field}: ${err.message}` };
  const e = err as { code?: string; constraint?: string; message?: string };
  if (e.code === '23505' && e.constraint === 'projects_project_no_key') {
    return { line, field: 'project_no', message: 'project_no: already belongs to another project' };
  }
  return { line, message: `the database refused the record: ${e.message ?? String(err)}` };
}

export function createImportService(deps: ImportDeps) {
  const { db } = deps;
  const writer = createImportWriter(deps);
  const batchOf = (type: ResourceType, items: Pending[]) => ({ type, records: items.map((p) => p.record) }) as Batch;

  /**
   * Writes a batch in one transaction. When the database refuses the batch (a constraint one
   * record breaks), each record is retried alone so that only the bad ones are rejected.
   */
  async function writeBatch(type: ResourceType, batch: Pending[], reject: (e: LineError) => void) {
    // The last line with an id wins, as if the lines had been imported one after another.
    const byId = new Map<string, Pending>();
    for (const p of batch) byId.set(p.record.id, p);
    const unique = [...byId.values()];
    const superseded = batch.length - unique.length;
    try {
      const r = await db.transaction((tx) => writer.write(tx, batchOf(type, unique)));
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
        const r = await db.transaction((tx) => writer.write(tx, batchOf(type, [p])));
        total.accepted += 1;
        total.changed += r.changed;
        total.unknownProjectNos += r.unknownProjectNos;
      } catch (err) {
        reject(dbError(p.line, err));
      }
    }
    return total;
  }

  async function importJsonl(type: ResourceType, source: AsyncIterable<Uint8Array>, opts: ImportOptions = {}): Promise<ImportReport> {
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
      const result = await writeBatch(type, current, reject);
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
        if (result.success) batch.push({ line: parsed.lineNo, record: result.data });
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
    await deps.audit.append(db, { actor: opts.actor ?? 'system', action: 'import', resource_type: type, detail: counts });
    return report;
  }

  return { importJsonl };
}

export type ImportService = ReturnType<typeof createImportService>;
