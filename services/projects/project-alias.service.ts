/**
 * Names people use for a project that its record does not carry (老水泥厂那块地, a sales name
 * the import never had), added and removed by a person. Each change marks the project changed
 * through the outbox, so search documents, type-ahead and the linker take the name up as they
 * take up an imported alias; the audit log says who did it.
 */
import { DISTRICTS, districtForms } from '../../indexers/districts.ts';
import { normalizeText } from '../../indexers/segment/normalize.ts';
import type { Db, Queryable } from '../db/db.ts';
import { badRequest, notFound } from '../common/errors.ts';
import type { AuditStore } from '../audit/audit.store.ts';
import { TOPICS } from '../jobs/job-types.ts';
import type { OutboxStore } from '../outbox/outbox.store.ts';
import { canonicalProjectNo } from './project-no.ts';
import type { ProjectAliasStore } from './project-alias.store.ts';

export const MAX_ALIAS_CHARS = 40;
const PLACE_ONLY: ReadonlySet<string> = new Set(['武汉', '武汉市', ...DISTRICTS.flatMap((d) => districtForms(d))]);

export interface AliasInput {
  alias: string;
  by: string;
  note?: string | null;
}

export function createProjectAliasService(deps: {
  db: Db;
  store: ProjectAliasStore;
  outbox: Pick<OutboxStore, 'append'>;
  audit: Pick<AuditStore, 'append'>;
}) {
  const { db, store } = deps;

  async function projectOf(projectNoInput: string) {
    const projectNo = canonicalProjectNo(projectNoInput);
    const project = await store.projectNames(db, projectNo);
    if (!project) throw notFound(`no project numbered "${projectNo}"`);
    return { projectNo, ...project };
  }

  /** The alias as stored: normalized (full-width forms, spaces), checked for what cannot name one project. */
  function cleanAlias(input: string): string {
    const alias = normalizeText(input).trim().replace(/\s+/g, ' ');
    const chars = [...alias].length;
    if (chars < 2) throw badRequest('alias: a name of at least 2 characters is needed');
    if (chars > MAX_ALIAS_CHARS) throw badRequest(`alias: at most ${MAX_ALIAS_CHARS} characters (got ${chars})`);
    if (PLACE_ONLY.has(alias)) throw badRequest(`alias: "${alias}" is a district or the city, which names no one project`);
    if (/^[\d\s\p{P}]+$/u.test(alias)) throw badRequest(`alias: "${alias}" has no name in it`);
    return alias;
  }

  const who = (by: string) => {
    const actor = by.trim();
    if (!actor) throw badRequest('by: say who adds or removes the name');
    return actor;
  };

  async function list(projectNoInput: string) {
    const p = await projectOf(projectNoInput);
    return { project_no: p.projectNo, record_names: p.names, aliases: await store.list(db, p.projectNo) };
  }

  async function changed(tx: Queryable, p: { projectNo: string; id: string; version: number }) {
    await store.touch(tx, p.projectNo);
    await deps.outbox.append(tx, [{
      topic: TOPICS.resourceChanged, resource_type: 'project', resource_id: p.id, version: p.version, payload: { project_nos: [p.projectNo] },
    }]);
  }

  /** Adds a name; says which other projects already go by it (the linker then needs more than the name). */
  async function add(projectNoInput: string, input: AliasInput) {
    const p = await projectOf(projectNoInput);
    const alias = cleanAlias(input.alias);
    const actor = who(input.by);
    const note = input.note?.trim() || null;
    if (p.names.map((n) => normalizeText(n)).includes(alias)) {
      throw badRequest(`alias: "${alias}" is already a name of ${p.projectNo} in its record`);
    }
    const added = await db.transaction(async (tx) => {
      const fresh = await store.add(tx, { project_no: p.projectNo, alias, note, added_by: actor });
      if (!fresh) return false;
      await changed(tx, p);
      await deps.audit.append(tx, { actor, action: 'project.alias.add', resource_type: 'project', resource_id: p.id, detail: { project_no: p.projectNo, alias, note } });
      return true;
    });
    const [aliases, sharedWith] = await Promise.all([store.list(db, p.projectNo), store.othersNamed(db, alias, p.projectNo)]);
    return { project_no: p.projectNo, alias, added, shared_with: sharedWith, aliases };
  }

  async function remove(projectNoInput: string, aliasInput: string, by: string) {
    const p = await projectOf(projectNoInput);
    const alias = normalizeText(aliasInput).trim().replace(/\s+/g, ' ');
    const actor = who(by);
    const removed = await db.transaction(async (tx) => {
      if (!(await store.remove(tx, p.projectNo, alias))) return false;
      await changed(tx, p);
      await deps.audit.append(tx, { actor, action: 'project.alias.remove', resource_type: 'project', resource_id: p.id, detail: { project_no: p.projectNo, alias } });
      return true;
    });
    if (!removed) throw notFound(`${p.projectNo} has no added alias "${alias}" (names from its record are changed by re-importing it)`);
    return { project_no: p.projectNo, alias, removed, aliases: await store.list(db, p.projectNo) };
  }

  return { list, add, remove };
}

export type ProjectAliasService = ReturnType<typeof createProjectAliasService>;
