/**
 * Search on PostgreSQL without ranking huge posting lists. The query runs as a few tiers (exact
 * keys, phrase in a title, phrase in the text, all word groups, all characters); each tier takes
 * a bounded number of candidates from every type's partition, the best by prior, and only the
 * union of candidates is ranked; a tier runs only while the ones before it have not filled the
 * page (see inTurn), and so does the partial tier after them (./postgres-partial.ts). A word
 * the statistics do not list is looked up before any tier: when no row holds it, no complete
 * tier can match, and only the partial tier (or the caller, told which words) answers. A tier
 * whose term is common in a partition walks that partition's prior index; a rarer one takes its
 * GIN matches, at most RARE_CANDIDATES of them.
 * Which is which comes from the ANALYZE statistics kept in memory (./table-stats.ts), not from a
 * round trip to the planner. Counts per tab are ./postgres-results.ts's; a request without
 * terms is a listing (./postgres-browse.ts).
 */
import type { Db } from '../../../services/db/db.ts';
import { isListing } from '../listing.ts';
import { COVERAGE_SPAN, partialGroups, unheldGroups, withoutUnheld } from '../partial-match.ts';
import type { SearchRequest, SearchResult, SearchType } from '../search-engine.ts';
import { SEARCH_TYPES } from '../search-engine.ts';
import { filterStatsCache } from './filter-stats.ts';
import { listDocs } from './postgres-browse.ts';
import { Params, filterSql, hasFilters, shareOf, tiers, type Tier } from './postgres-matches.ts';
import { anyHoldsSql, heldFlags, partialPlan, partialTierSql, unlistedGroups, type PartialPlan } from './postgres-partial.ts';
import { countMatches, indexed, pageOf, summed, withTexts, type Row } from './postgres-results.ts';
import { partitionOf } from './postgres-schema.ts';
import { listedOnly, tableStatsCache, type PartitionStats } from './table-stats.ts';

/**
 * A tier whose term is in more than this share of a partition (by the statistics, counting
 * only the lexemes they list, ./table-stats.ts listedOnly, and several word groups as if
 * independent, Match.jointShare) first walks that partition's prior index, for at most
 * WALK_ROWS rows; when the walk does not fill the page, which happens when the term is rarer
 * than the share or sits mostly in low-prior rows, the tier takes its GIN matches as a rare
 * term would. Unbounded, such a walk cost 1.3 s at 1M rows (国土资源和规划: the bureau's old
 * name, common in old documents only); bounded, a wasted walk costs a few milliseconds, and a
 * successful one saves building a bitmap of every match (62k rows for a boilerplate phrase of
 * 公文: 24 ms per tier).
 */
export const WALK_SHARE = 0.02;
export const WALK_ROWS = 1000;
/** How many matches of a rare tier, per type, are ranked by prior at most. */
const RARE_CANDIDATES = 1000;
/**
 * How many rows holding all of a phrase's bigrams, per type, are checked for the phrase itself.
 * The check unpacks each row's vector (the index alone cannot tell word order), so it is
 * bounded: at 1M rows a phrase none of whose 19k candidates held it took 130 ms unbounded. A
 * phrase found only beyond them still matches in the words and characters tiers.
 */
const PHRASE_CHECKS = 500;

/**
 * A phrase whose rarest bigram is in more than this share of a partition takes its GIN
 * candidates by its TRIM_KEEP rarest bigrams only.
 */
const TRIM_SHARE = 0.05;
const TRIM_KEEP = 3;
/** More lexemes than this (a pasted passage) take their GIN candidates by the TRIM_KEEP rarest, whatever their share. */
const TRIM_LONG = 16;

/** How much each tier is worth; within a tier, text rank and the prior decide. */
const TIER_BASE: Record<Tier, number> = { key: 100, title: 60, phrase: 40, words: 20, chars: 0, partial: -40 };

/** The live table's statistics, shared with ./postgres-similar.ts. */
export const statsOf = tableStatsCache();
const filterStatsOf = filterStatsCache();

function score(r: Row): number {
  // A partial match's band is its coverage's (../partial-match.ts): all of it below the chars tier.
  const coverage = r.tier === 'partial' ? COVERAGE_SPAN * (r.coverage ?? 0) : 0;
  return TIER_BASE[r.tier] + coverage + 10 * Math.min(1, r.rank) + 5 * r.prior;
}

/**
 * The tiers as one statement, each run only while those before it found fewer than `needed`
 * records (projects, when collapsing). A tier's scores lie wholly below the one before it (see
 * TIER_BASE), so once the page is full nothing a later tier finds can reach it: a project's
 * name that fills the page from its keys costs no full-text tier at all, and a common term
 * whose titles fill it never walks the texts. Sorted by date, every tier is needed.
 */
function inTurn(tierSql: string[], opts: { needed: number; collapse?: boolean; gated: boolean }): string {
  const record = opts.collapse ? `coalesce(project_nos[1], type || ':' || resource_id)` : `type || ':' || resource_id`;
  const ctes = tierSql.map((sql, i) => {
    if (i === 0 || !opts.gated) return `t${i} AS MATERIALIZED (${sql})`;
    const before = tierSql.slice(0, i).map((_, j) => `SELECT type, resource_id, project_nos FROM t${j}`).join(' UNION ALL ');
    // A one-time filter: PostgreSQL does not start the tier when it is false.
    return `t${i} AS MATERIALIZED (SELECT * FROM (${sql}) tier WHERE (SELECT count(DISTINCT ${record}) FROM (${before}) found) < ${opts.needed})`;
  });
  return `WITH ${ctes.join(',\n')}\n${tierSql.map((_, i) => `SELECT * FROM t${i}`).join(' UNION ALL ')}`;
}

/**
 * Per group of the plan, whether some row holds it, and whether a row carries one of the query's
 * keys; null when the statistics list every group (then rows hold them). One statement of EXISTS
 * lookups, each stopping at its first row.
 */
async function heldByAny(
  db: Db, table: string, req: SearchRequest, plan: PartialPlan, stats: Record<SearchType, PartitionStats>, searched: readonly SearchType[],
): Promise<{ held: boolean[]; keyed: boolean } | null> {
  const unlisted = unlistedGroups(plan, stats, searched);
  if (unlisted.length === 0) return null;
  const hp = new Params();
  const [found] = await indexed<{ held: boolean[]; keyed: boolean }>(db, anyHoldsSql(plan, unlisted, table, searched, hp, req.query.keys), hp.values);
  return { held: heldFlags(plan, unlisted, found!.held), keyed: found!.keyed };
}

/**
 * Whether a group no row holds leaves every complete tier empty: it does when no row carries a
 * key of the query (a key matches whatever else is typed) and the group has no lone character (a
 * lone character is matched as a word, and the characters and phrase tiers do without it); its
 * bigrams are what the characters tier asks for, and are part of the phrases.
 */
function blocksComplete(plan: PartialPlan, probe: { held: readonly boolean[]; keyed: boolean }): boolean {
  if (probe.keyed || !plan.byGrams) return false;
  return plan.groups.some((g, i) => !probe.held[i] && g.every((alt) => alt.every((w) => !LONE_HAN.test(w))));
}
const LONE_HAN = /^\p{Script=Han}$/u;

/** Per group of the plan, whether a row holds it, as a search of the same query reported (`unheld`: those none does). */
function knownHeld(plan: PartialPlan, unheld: readonly string[][][]): { held: boolean[]; keyed: boolean } {
  const none = new Set(unheld.map((g) => JSON.stringify(g)));
  return { held: plan.groups.map((g) => !none.has(JSON.stringify(g))), keyed: false };
}

export async function searchDocs(db: Db, table: string, req: SearchRequest): Promise<SearchResult> {
  // A filter can make a common term rare among the rows it keeps, so a walk could pass most of a
  // partition: filtered tiers always take their (bounded) index matches.
  const filtered = hasFilters(req);
  const [stats, kept] = await Promise.all([statsOf(db, table), filtered || isListing(req) ? filterStatsOf(db, table) : null]);
  if (isListing(req)) return listDocs(db, table, req, stats, kept!);
  const specs = tiers(req);
  if (specs.length === 0) return { total: 0, totalIsEstimate: false, counts: {}, hits: [] };
  // Every partition, even one the statistics call empty: they may be older than its rows.
  const searched = req.filters.type ? [req.filters.type] : SEARCH_TYPES;
  const p = new Params();
  const filters = filterSql(req, p);
  // Enough candidates for the page asked for, and some to spare for deduplication and collapsing.
  // Integers the service bounded, written into the SQL.
  const needed = req.offset + req.size;
  const perTier = Math.min(1000, Math.max(100, needed * 3));
  // Each type offers a share of the tier's candidates (the best by prior are kept across types);
  // a walk costs the rows it passes, and finding 100 matches in each of six partitions is
  // six times the work for the same 100 kept.
  const perType = searched.length === 1 ? perTier : Math.max(needed, Math.ceil((perTier * 2) / searched.length));
  const order = req.sort === 'date' ? 'date DESC NULLS LAST, prior DESC' : 'prior DESC';
  // Light rows: a hit's body and full project lists are read for the page alone (withTexts).
  const columns = `type, resource_id, passage, title, '' AS body, date, status, project_nos[1:1] AS project_nos, '{}'::text[] AS project_names, prior`;
  const tierSql = specs
    .map(({ tier, match }) => {
      const { where, rank, narrow, rarest } = match.build(p);
      // The tier's vector travels with its candidates, so the rank (which unpacks it) is computed on the kept rows only.
      const carried = match.column !== 'keys' ? `${columns}, ${match.column}` : columns;
      const offers = searched.map((type) => {
        const part = partitionOf(table, type);
        const share = shareOf(stats[type], match);
        // A phrase whose every bigram is common: GIN intersects all their posting lists in full
        // before the first row comes back (134k rows of 10 lists: 37 ms). The rarest few select
        // nearly as well, and the phrase itself is checked on each row anyway.
        // So does a long list of bigrams (a pasted passage), common or not: each costs a posting-list
        // walk (190 of them took 30–145 ms per partition and tier on 20k records), and the rarest few
        // select nearly as well; the rows they find are checked against all of them.
        const trim = rarest && ((narrow !== undefined && share > TRIM_SHARE) || match.lexemes.length > TRIM_LONG);
        const ginWhere = trim ? rarest(stats[type], TRIM_KEEP) : where;
        // Trimmed, the full condition is checked on the rows found (and so is a phrase, when there is one).
        const check = trim ? (narrow ? `${where} AND ${narrow}` : where) : narrow;
        const gin = (limit: number) => `SELECT ${carried} FROM ${part} WHERE ${ginWhere}${filters} LIMIT ${limit}`;
        // Matches taken from GIN: a phrase is checked on a bounded number of its bigrams' rows.
        const fromGin = check ? `SELECT * FROM (${gin(PHRASE_CHECKS)}) checked WHERE ${check}` : gin(RARE_CANDIDATES);
        let candidates = fromGin;
        // Walked only when ANALYZE listed every lexeme as common enough (listedOnly), and several
        // word groups as common together (jointShare): a rare word's guessed share, or words each
        // common and rare together (集团, 新洲, 大道), sent a thousand-row walk in vain.
        const listed = listedOnly(stats[type]);
        if (!filtered && (match.jointShare ?? ((st: PartitionStats) => shareOf(st, match)))(listed) > WALK_SHARE) {
          // The walk, and the GIN matches only when the walk did not even fill the page asked for
          // (a one-time filter: PostgreSQL does not start that branch otherwise). What the walk
          // found are the matches with the best prior, the ones a common term ranks first.
          candidates = `WITH walked AS MATERIALIZED (
              SELECT * FROM (SELECT ${carried} FROM ${part} ORDER BY ${order} LIMIT ${WALK_ROWS}) w
              WHERE ${where}${narrow ? ` AND ${narrow}` : ''} LIMIT ${perType})
            SELECT * FROM walked UNION ALL
            SELECT * FROM (${fromGin}) g WHERE (SELECT count(*) FROM walked) < ${needed}`;
        }
        return `(SELECT * FROM (${candidates}) candidates ORDER BY ${order} LIMIT ${perType})`;
      });
      return `(SELECT '${tier}' AS tier, ${columns.replace('date', 'date::text AS date')}, ${rank} AS rank FROM (
        SELECT * FROM (${offers.join(' UNION ALL ')}) c ORDER BY ${order} LIMIT ${perTier}) kept)`;
    });
  const groups = partialGroups(req);
  let plan = groups ? partialPlan(groups, stats, searched, Boolean(req.query.gramGroups)) : null;
  // Words the statistics do not list may be held by no row at all (../partial-match.ts
  // unheldGroups): looked up first, because a word no row holds leaves the complete tiers
  // nothing to find, and a fallback search spent most of its first half running them.
  // (Unless a search of this query just looked them up, and found nothing complete: req.known.)
  const known = plan && req.known ? knownHeld(plan, req.known.unheld) : null;
  const probe = known ?? (plan && plan.groups.length >= 2 ? await heldByAny(db, table, req, plan, stats, searched) : null);
  const blocked = Boolean(plan && probe && (known !== null || blocksComplete(plan, probe)));
  // Asked to report them (../../services/search/unheld-search.ts searches again without them).
  const unheld = plan && probe && req.unheld === 'report' ? unheldGroups(plan.weights, probe.held).map((i) => plan!.groups[i]!) : [];
  if (blocked && unheld.length > 0) return { ...summed({}, false), hits: [], unheld };
  if (plan && probe) plan = { ...plan, weights: withoutUnheld(plan.weights, probe.held) };
  const [rows, counted] = blocked
    ? [[] as Row[], summed({}, false)]
    : await Promise.all([
      indexed<Row>(db, inTurn(tierSql, { needed, collapse: req.collapse, gated: req.sort !== 'date' }), p.values),
      req.counts === false ? summed({}, false) : countMatches(db, table, req, stats, filtered ? kept : null),
    ]);
  // Last, the partial tier, as inTurn would gate it: only when the complete tiers left the page
  // short. A statement of its own, so that the searches they fill (most) do not plan it: in the
  // same statement it added a few milliseconds of planning to every search.
  const record = (r: Row) => (req.collapse && r.project_nos[0]) || `${r.type}:${r.resource_id}`;
  if (plan && plan.groups.length >= 2 && new Set(rows.map(record)).size < needed) {
    if (unheld.length > 0) return { ...counted, hits: await withTexts(db, table, pageOf(rows, req, score, false)), unheld };
    // Groups every row holds weigh nothing: with no weight at all, there is nothing to cover.
    if (plan.weights.some((w) => w > 0)) {
      const pp = new Params();
      const partialFilters = filterSql(req, pp);
      rows.push(...(await indexed<Row>(db, partialTierSql(plan, table, searched, stats, pp, {
        columns, order, filters: partialFilters, perType, perTier, walkShare: WALK_SHARE, walkRows: WALK_ROWS,
      }), pp.values)));
    }
  }
  return { ...counted, hits: await withTexts(db, table, pageOf(rows, req, score, req.sort === 'date', plan?.groups)) };
}
