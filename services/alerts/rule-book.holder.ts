/**
 * The rule book the services evaluate with: rules/'s tables with the versions published through
 * the API overriding them. Built on first use and rebuilt when the published versions change
 * (checked by a cheap stamp before each use), so a version published by any process is used by
 * the next advance everywhere.
 */
import { createRuleBook, type RuleBook, type TableMeta, type TableVersion } from '../../rules/index.ts';
import type { Queryable } from '../db/db.ts';
import type { RuleVersionRow, RuleVersionStore } from './rule-version.store.ts';

export interface RuleBookHolder {
  /** The current book (rebuilt when a version was published since it was built). */
  get(): Promise<RuleBook>;
  /** A book with `extra` versions laid over the published ones (a dry run of a table not yet published). */
  withVersions(extra: TableVersion[]): Promise<RuleBook>;
}

export const toTableVersion = (r: Pick<RuleVersionRow, 'id' | 'version' | 'content' | 'meta'>): TableVersion =>
  ({ id: r.id, version: r.version, content: r.content, meta: r.meta as unknown as TableMeta });

export function createRuleBookHolder(deps: { db: Queryable; versions: Pick<RuleVersionStore, 'latest' | 'stamp'> }): RuleBookHolder {
  let built: { stamp: string; book: Promise<RuleBook> } | null = null;

  async function published(): Promise<TableVersion[]> {
    return (await deps.versions.latest(deps.db)).map(toTableVersion);
  }

  return {
    async get() {
      const stamp = await deps.versions.stamp(deps.db);
      if (built?.stamp !== stamp) {
        const book = published().then((v) => createRuleBook(v));
        built = { stamp, book };
        // A failed build is not kept: the next call tries again.
        book.catch(() => { if (built?.book === book) built = null; });
      }
      return built.book;
    },
    async withVersions(extra) {
      const ids = new Set(extra.map((v) => v.id));
      return createRuleBook([...(await published()).filter((v) => !ids.has(v.id)), ...extra]);
    },
  };
}
