/**
 * One record for its reading page: the record as imported, the projects it belongs to, and the
 * 文号 and project numbers in its text that link to records the hub holds. Approvals come with
 * their steps and which ran over; petitions with their petitioner masked.
 */
import { badRequest, notFound } from '../common/errors.ts';
import type { Queryable } from '../db/db.ts';
import { TABLES, fromRow } from '../resources/resource-tables.ts';
import { recordIdSchema, type ResourceType } from '../resources/resource.schema.ts';
import type { ResourceStore } from '../resources/resource.store.ts';
import { maskPetitioner, type MaskedPetitioner } from './petitioner-mask.ts';
import type { LinkedProject, ReadingStore } from './reading.store.ts';
import { docNoLikePattern, docNoTargets, findCitations, resolveReferences, type Reference } from './references.ts';
import { stepDeadline } from './step-deadline.ts';

export const READING_TYPES = ['approval', 'document', 'meeting', 'petition', 'regulation', 'credit'] as const satisfies readonly ResourceType[];
export type ReadingType = (typeof READING_TYPES)[number];

/** The fields read for references, per type, as the record names them. */
const REFERENCE_FIELDS: Record<ReadingType, readonly string[]> = {
  // The certificate number links to the certificate when the hub holds it as a document.
  approval: ['item', 'certificate_no'],
  document: ['title', 'text'],
  meeting: ['title', 'text'],
  petition: ['subject', 'text'],
  regulation: ['title', 'text'],
  credit: ['reason'],
};

/** Distinct numbers looked up per record: a text citing thousands must not become thousands of patterns. */
const MAX_LOOKUPS = 200;

/** How a credit record's projects are linked to it: through its builder, not through a link row. */
export const BUILDER_METHOD = 'builder';

export interface Reading {
  type: ReadingType;
  id: string;
  record: Record<string, unknown>;
  projects: LinkedProject[];
  references: Reference[];
}

export function createReadingService(deps: {
  db: Queryable;
  reading: Pick<ReadingStore, 'findRow' | 'stepsOf' | 'petitionerOf' | 'linkedProjects' | 'projectsOfBuilder' | 'docNosLike'>;
  resources: Pick<ResourceStore, 'existingProjectNos'>;
  /** The clock open steps are judged by. */
  now?: () => Date;
}) {
  const { db, reading, resources } = deps;
  const now = deps.now ?? (() => new Date());

  /** The id as the import would have accepted it, or a 400 saying what is wrong with it. */
  function checkId(input: string): string {
    const parsed = recordIdSchema.safeParse(input);
    if (!parsed.success) throw badRequest(`id ${parsed.error.issues[0]!.message}`);
    return parsed.data;
  }

  /** What a type adds to its record from child tables. */
  async function childrenOf(type: ReadingType, id: string): Promise<Record<string, unknown>> {
    if (type === 'approval') {
      const clock = now();
      const steps = await reading.stepsOf(db, id);
      return { steps: steps.map(({ extra, ...step }) => ({ ...extra, ...step, ...stepDeadline(step, clock) })) };
    }
    if (type === 'petition') {
      const p = await reading.petitionerOf(db, id);
      const petitioner: MaskedPetitioner | null = p && maskPetitioner({ ...p, gender: p.extra.gender ?? p.extra.sex });
      return { petitioner };
    }
    return {};
  }

  async function projectsOf(type: ReadingType, record: Record<string, unknown>): Promise<LinkedProject[]> {
    if (type !== 'credit') return reading.linkedProjects(db, type, String(record.id));
    const builder = await reading.projectsOfBuilder(db, String(record.builder), (record.credit_code as string | null) ?? null);
    return builder.map((p) => ({ ...p, method: BUILDER_METHOD }));
  }

  async function referencesIn(type: ReadingType, record: Record<string, unknown>): Promise<Reference[]> {
    const fields = REFERENCE_FIELDS[type].flatMap((field) => {
      const text = record[field];
      return typeof text === 'string' && text.length > 0 ? [{ field, text }] : [];
    });
    const citations = findCitations(fields);
    const keysOf = (kind: 'doc_no' | 'project_no') =>
      [...new Set(citations.filter((c) => c.kind === kind).map((c) => c.key))].slice(0, MAX_LOOKUPS);
    const [held, projectNos] = await Promise.all([
      reading.docNosLike(db, keysOf('doc_no').map(docNoLikePattern)),
      resources.existingProjectNos(db, keysOf('project_no')),
    ]);
    return resolveReferences(citations, { docNos: docNoTargets(held), projectNos }, { type, id: String(record.id) });
  }

  /** The record of `type` with that id, its projects and references; 404 when the hub has none. */
  async function read(type: ReadingType, idInput: string): Promise<Reading> {
    const id = checkId(idInput);
    const row = await reading.findRow(db, type, id);
    if (!row) throw notFound(`no ${type} with id "${id}"`);
    // The body is returned as stored: personal data written into a petition's text is the access issue's to hide.
    const record = fromRow(TABLES[type], row);
    const [children, projects, references] = await Promise.all([
      childrenOf(type, id),
      projectsOf(type, record),
      referencesIn(type, record),
    ]);
    return { type, id, record: { ...record, ...children }, projects, references };
  }

  return { read };
}

export type ReadingService = ReturnType<typeof createReadingService>;
