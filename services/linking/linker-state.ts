/**
 * What the linker holds in memory between runs of a process: the candidate index over all
 * projects, the key book (certificates, 文号 and letter numbers → projects) and the latest
 * model. Rebuilt when projects, approvals or the model change (a cheap fingerprint query per
 * batch), and after a minute for the 文号 and letter numbers other processes may have added.
 */
import type { Queryable } from '../db/db.ts';
import { docNoKey } from '../reading/references.ts';
import { buildCandidateIndex, type CandidateIndex } from './candidate-index.ts';
import { FEATURE_SET, type LinkerModel } from './link-model.ts';
import type { LinkingStore } from './linking.store.ts';
import { letterKey, type KeyBook } from './text-analysis.ts';

export interface LinkerState {
  index: CandidateIndex;
  keys: KeyBook;
  /** The latest stored model of the current feature set, or null (none estimated yet). */
  model: LinkerModel | null;
  version: number | null;
}

export type StateStore = Pick<LinkingStore, 'fingerprint' | 'loadProjects' | 'loadKeys' | 'latestModel'>;

const KEYS_TTL_MS = 60_000;

export function buildKeyBook(index: CandidateIndex, rows: readonly { kind: 'certificate' | 'document' | 'letter'; key: string; project_no: string }[]): KeyBook {
  const books = { certificate: new Map<string, number[]>(), document: new Map<string, number[]>(), letter: new Map<string, number[]>() };
  for (const r of rows) {
    const i = index.byNo.get(r.project_no);
    const key = r.kind === 'letter' ? letterKey(r.key) : docNoKey(r.key);
    if (i === undefined || key === null) continue;
    const book = books[r.kind];
    const list = book.get(key);
    if (!list) book.set(key, [i]);
    else if (!list.includes(i)) list.push(i);
  }
  return { certificates: books.certificate, documents: books.document, letters: books.letter };
}

export function createLinkerCache(deps: { db: Queryable; store: StateStore }) {
  const { db, store } = deps;
  let cached: { fingerprint: string; state: LinkerState; keysAt: number } | null = null;

  async function load(fingerprint: string, index: CandidateIndex | null): Promise<LinkerState> {
    const built = index ?? buildCandidateIndex(await store.loadProjects(db));
    const keys = buildKeyBook(built, await store.loadKeys(db));
    const stored = await store.latestModel(db);
    const model = stored && (stored.model as LinkerModel).featureSet === FEATURE_SET ? (stored.model as LinkerModel) : null;
    const state = { index: built, keys, model, version: model ? stored!.version : null };
    cached = { fingerprint, state, keysAt: Date.now() };
    return state;
  }

  /** The state for the data as it is now. */
  async function current(): Promise<LinkerState> {
    const fingerprint = await store.fingerprint(db);
    if (!cached) return load(fingerprint, null);
    const [projects] = fingerprint.split('|');
    const [cachedProjects] = cached.fingerprint.split('|');
    const sameProjects = projects === cachedProjects && fingerprint.split('|')[1] === cached.fingerprint.split('|')[1];
    if (fingerprint !== cached.fingerprint || Date.now() - cached.keysAt > KEYS_TTL_MS) {
      return load(fingerprint, sameProjects ? cached.state.index : null);
    }
    return cached.state;
  }

  return { current, invalidate: () => { cached = null; } };
}

export type LinkerCache = ReturnType<typeof createLinkerCache>;
