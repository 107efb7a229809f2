/**
 * One record for its reading page: the record as imported, the projects it belongs to, and the
 * 文号 and project numbers in its text that link to records the hub holds. Approvals come with
 * their steps and which ran over. Petitions depend on who reads: a supervisor gets the
 * petitioner whole, the text as stored and the other petitions from the same phone (重复信访),
 * and the read is audited; everyone else gets the petitioner and the text masked.
 */
import { seesPersonalData, type Principal } from '../access/principal.ts';
import type { AuditStore } from '../audit/audit.store.ts';
import type { SecretStore } from '../auth/secret.store.ts';
import { badRequest, notFound } from '../common/errors.ts';
import type { Queryable } from '../db/db.ts';
import { NO_PHONE_KEY, PHONE_KEY_SECRET, newPhoneKeySecret, phoneKey, storedPhoneKey } from '../privacy/phone-key.ts';
import { TABLES, fromRow } from '../resources/resource-tables.ts';
import { recordIdSchema, type ResourceType } from '../resources/resource.schema.ts';
import type { ResourceStore } from '../resources/resource.store.ts';
import { maskPetitionRecord, maskedPetitioner, personalFieldsSent, wholePetitioner } from './petition-privacy.ts';
import type { LinkedProject, ReadingStore, RepeatPetition } from './reading.store.ts';
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

/** Repeat petitions listed at most. */
const MAX_REPEATS = 20;
/** Petitioners keyed per statement when filling the keys of rows imported before keys existed. */
const KEY_BATCH = 2000;

/** How a credit record's projects are linked to it: through its builder, not through a link row. */
export const BUILDER_METHOD = 'builder';

export interface Reading {
  type: ReadingType;
  id: string;
  record: Record<string, unknown>;
  projects: LinkedProject[];
  references: Reference[];
  /** Supervisors only: the other petitions sent from the petitioner's phone, newest first. */
  repeat_petitions?: RepeatPetition[];
}

export function createReadingService(deps: {
  db: Queryable;
  reading: Pick<ReadingStore,
    'findRow' | 'stepsOf' | 'petitionerOf' | 'petitionsByPhoneKey' | 'unkeyedPhones' | 'setPhoneKeys' | 'linkedProjects' | 'projectsOfBuilder' | 'docNosLike'>;
  resources: Pick<ResourceStore, 'existingProjectNos'>;
  audit: Pick<AuditStore, 'append'>;
  secrets: Pick<SecretStore, 'getOrCreate'>;
  /** The clock open steps are judged by. */
  now?: () => Date;
}) {
  const { db, reading, resources } = deps;
  const now = deps.now ?? (() => new Date());
  /** Set once this process has keyed the petitioners imported before phone keys were written. */
  let keyed: Promise<void> | null = null;

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
    return {};
  }

  const phoneKeySecret = () => deps.secrets.getOrCreate(db, PHONE_KEY_SECRET, newPhoneKeySecret());

  /** Keys the petitioners that have a phone and no key yet (imported before keys were written); once per process. */
  function keyOlderPetitioners(): Promise<void> {
    keyed ??= (async () => {
      const secret = await phoneKeySecret();
      for (;;) {
        const rows = await reading.unkeyedPhones(db, KEY_BATCH);
        // A blank phone gets NO_PHONE_KEY too, so that no row is handed back unkeyed on the next turn.
        await reading.setPhoneKeys(db, rows.map((r) => ({ petition_id: r.petition_id, phone_key: storedPhoneKey(secret, r.phone) ?? NO_PHONE_KEY })));
        if (rows.length < KEY_BATCH) return;
      }
    })().catch((err: unknown) => {
      keyed = null;
      throw err;
    });
    return keyed;
  }

  async function repeatPetitions(id: string, phone: string | null, storedKey: string | null): Promise<RepeatPetition[]> {
    await keyOlderPetitioners();
    const key = storedKey ?? phoneKey(await phoneKeySecret(), phone);
    // A phone too short to key must not match every other such phone.
    if (!key || key === NO_PHONE_KEY) return [];
    return reading.petitionsByPhoneKey(db, key, id, MAX_REPEATS);
  }

  /** A petition as `viewer` may read it; a supervisor's read of personal data is audited. */
  async function petitionFor(viewer: Principal, id: string, stored: Record<string, unknown>) {
    const p = await reading.petitionerOf(db, id);
    if (!seesPersonalData(viewer)) {
      return { record: { ...maskPetitionRecord(stored, p), petitioner: maskedPetitioner(p) }, repeats: undefined };
    }
    const fields = personalFieldsSent(stored, p);
    const repeats = p ? await repeatPetitions(id, p.phone, p.phone_key) : [];
    if (fields.length > 0) {
      await deps.audit.append(db, {
        actor: viewer.username, action: 'petitioner.read', resource_type: 'petition', resource_id: id, detail: { fields },
      });
    }
    return { record: { ...stored, petitioner: wholePetitioner(p) }, repeats };
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

  /** The record of `type` with that id as `viewer` may read it, its projects and references; 404 when the hub has none. */
  async function read(type: ReadingType, idInput: string, viewer: Principal): Promise<Reading> {
    const id = checkId(idInput);
    const row = await reading.findRow(db, type, id);
    if (!row) throw notFound(`no ${type} with id "${id}"`);
    const stored = fromRow(TABLES[type], row);
    if (type === 'petition') {
      const { record, repeats } = await petitionFor(viewer, id, stored);
      // References are found in the text as sent, so their offsets hold in the masked text too.
      const [projects, references] = await Promise.all([projectsOf(type, record), referencesIn(type, record)]);
      return { type, id, record, projects, references, ...(repeats ? { repeat_petitions: repeats } : {}) };
    }
    const [children, projects, references] = await Promise.all([
      childrenOf(type, id),
      projectsOf(type, stored),
      referencesIn(type, stored),
    ]);
    return { type, id, record: { ...stored, ...children }, projects, references };
  }

  return { read };
}

export type ReadingService = ReturnType<typeof createReadingService>;
