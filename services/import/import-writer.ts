/**
 * Writes one batch of validated records of a type in one transaction: the rows, their children
 * (approval steps, petitioners, declared links), builders, and an outbox row for each record that
 * really changed. Records keep their zod-inferred types throughout.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from '../db/db.ts';
import { TOPICS, type OutboxEntry } from '../jobs/job-types.ts';
import type { OutboxStore } from '../outbox/outbox.store.ts';
import type { SecretStore } from '../auth/secret.store.ts';
import { PHONE_KEY_SECRET, newPhoneKeySecret, storedPhoneKey } from '../privacy/phone-key.ts';
import { ProjectNoError, type ProjectNumbering } from '../projects/project-no.service.ts';
import { TABLES, toRow } from '../resources/resource-tables.ts';
import {
  projectNosOf, type ApprovalRecord, type PetitionRecord, type ResourceRecord, type ResourceType,
} from '../resources/resource.schema.ts';
import type { PetitionerRow, ResourceStore, StepRow } from '../resources/resource.store.ts';

/** A batch of one type, as a union so that checking `type` narrows `records`. */
export type Batch = { [T in ResourceType]: { type: T; records: ResourceRecord<T>[] } }[ResourceType];

export interface WriterDeps {
  resources: Pick<ResourceStore,
    'upsertRows' | 'currentProjectNos' | 'replaceSteps' | 'replacePetitioners' | 'replaceDeclaredLinks' | 'upsertBuilders' | 'existingProjectNos'>;
  outbox: Pick<OutboxStore, 'append'>;
  projectNos: Pick<ProjectNumbering, 'issue' | 'reserveImported'>;
  /** Where the key of petitioners' phone hashes is kept (repeat petitions). */
  secrets: Pick<SecretStore, 'getOrCreate'>;
}

const hash = (record: unknown) => createHash('sha1').update(JSON.stringify(record)).digest('base64url');

/** The types whose records declare their projects, and so get `declared` links. */
const LINKED_TYPES = new Set<ResourceType>(['approval', 'document', 'meeting', 'petition']);

export function createImportWriter(deps: WriterDeps) {
  const { resources, outbox, projectNos } = deps;

  /** Projects imported without a number get one; imported numbers move the counters past them. */
  async function numberProjects(tx: Queryable, batch: Batch): Promise<void> {
    if (batch.type !== 'project') return;
    for (const r of batch.records) {
      if (r.project_no) continue;
      try {
        r.project_no = await projectNos.issue(tx, r);
      } catch (err) {
        if (err instanceof ProjectNoError) throw new ProjectNoError('project_no', `missing, and none can be issued: ${err.message}`);
        throw err;
      }
    }
    await projectNos.reserveImported(tx, batch.records.flatMap((r) => (r.project_no ? [r.project_no] : [])));
  }

  async function writeChildren(tx: Queryable, changed: Batch): Promise<void> {
    if (changed.records.length === 0) return;
    const ids = changed.records.map((r) => r.id);
    if (changed.type === 'approval') await resources.replaceSteps(tx, ids, changed.records.flatMap(stepRows));
    if (changed.type === 'petition') {
      const secret = await deps.secrets.getOrCreate(tx, PHONE_KEY_SECRET, newPhoneKeySecret());
      await resources.replacePetitioners(tx, ids, changed.records.flatMap((p) => petitionerRows(p, secret)));
    }
    if (LINKED_TYPES.has(changed.type)) {
      const records: ResourceRecord<ResourceType>[] = changed.records;
      const links = records.flatMap((r) =>
        projectNosOf(changed.type, r).map((project_no) => ({ resource_id: r.id, project_no })));
      await resources.replaceDeclaredLinks(tx, changed.type, ids, links);
    }
  }

  async function writeBuilders(tx: Queryable, batch: Batch): Promise<void> {
    const builders =
      batch.type === 'project' ? batch.records.map((r) => ({ name: r.builder, credit_code: r.builder_credit_code }))
      : batch.type === 'credit' ? batch.records.map((r) => ({ name: r.builder, credit_code: r.credit_code }))
      : [];
    await resources.upsertBuilders(tx, builders.flatMap((b) => (b.name ? [{ name: b.name, credit_code: b.credit_code ?? null }] : [])));
  }

  /** Writes the batch; returns how many records changed and how many project numbers they name that no project has. */
  async function write(tx: Queryable, batch: Batch): Promise<{ changed: number; unknownProjectNos: number }> {
    await numberProjects(tx, batch);
    const records: ResourceRecord<ResourceType>[] = batch.records;
    const nosOf = (r: ResourceRecord<ResourceType>) => projectNosOf(batch.type, r);
    const before = await resources.currentProjectNos(tx, batch.type, records.map((r) => r.id));
    const spec = TABLES[batch.type];
    const changed = await resources.upsertRows(tx, batch.type, records.map((r) => toRow(spec, r, hash(r))));
    const changedIds = new Set(changed.map((c) => c.id));
    await writeChildren(tx, onlyRecords(batch, (r) => changedIds.has(r.id)));
    await writeBuilders(tx, batch);
    const byId = new Map(records.map((r) => [r.id, r]));
    const entries = changed.map(({ id, version }): OutboxEntry<'resource.changed'> => {
      const affected = [...new Set([...(before.get(id) ?? []), ...nosOf(byId.get(id)!)])];
      return { topic: TOPICS.resourceChanged, resource_type: batch.type, resource_id: id, version, payload: { project_nos: affected } };
    });
    await outbox.append(tx, entries);

    let unknownProjectNos = 0;
    if (batch.type !== 'project') {
      const referenced = [...new Set(records.flatMap(nosOf))];
      const known = await resources.existingProjectNos(tx, referenced);
      unknownProjectNos = referenced.filter((no) => !known.has(no)).length;
    }
    return { changed: changed.length, unknownProjectNos };
  }

  return { write };
}

/** The batch with only the records that pass (the same type, so the union still holds). */
function onlyRecords(batch: Batch, keep: (r: { id: string }) => boolean): Batch {
  return { ...batch, records: batch.records.filter(keep) } as Batch;
}

function stepRows(a: ApprovalRecord): StepRow[] {
  return a.steps.map(({ name, stage, office, handler, limit_days, started_at, finished_at, ...extra }, i) => ({
    approval_id: a.id, seq: i + 1, name, stage: stage ?? null, office: office ?? null, handler: handler ?? null,
    limit_days: limit_days ?? null, started_at: started_at ?? null, finished_at: finished_at ?? null, extra,
  }));
}

function petitionerRows(p: PetitionRecord, phoneKeySecret: string): PetitionerRow[] {
  if (!p.petitioner) return [];
  const { name, phone, email, address, ...extra } = p.petitioner;
  return [{
    petition_id: p.id, name: name ?? null, phone: phone ?? null, email: email ?? null, address: address ?? null, extra,
    phone_key: storedPhoneKey(phoneKeySecret, phone),
  }];
}
