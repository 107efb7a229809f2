/**
 * The rule center (业务规则管理中心): the tables with their versions and bases, one table with
 * its content, cases and published versions; publishing a version (its cases must pass, and the
 * dry run is reported) and the dry run itself: which alerts a changed table would open or close
 * over the open approvals now at one of its decision points.
 */
import { runsAt, type RuleOutcome, type TableMeta, type TableVersion } from '../../rules/index.ts';
import { AppError, badRequest, notFound } from '../common/errors.ts';
import type { Db } from '../db/db.ts';
import type { AuditStore } from '../audit/audit.store.ts';
import type { ApprovalFactsStore } from './approval-facts.store.ts';
import type { FactsGatherer } from './approval-facts.service.ts';
import { bureauDate } from './approval-facts.ts';
import type { AlertStore } from './alert.store.ts';
import type { AdvanceService, Viewer } from './advance.service.ts';
import type { RuleBookHolder } from './rule-book.holder.ts';
import type { RuleVersionStore } from './rule-version.store.ts';

/** How many open approvals a dry run (and the re-run after publishing) looks at, at most. */
export const DRY_RUN_APPROVALS = 5000;

export interface PublishInput {
  content: unknown;
  name?: string;
  effective?: string;
  basis?: string;
}

interface AlertKey { approval_id: string; step: string; cause: string }
export interface DryRun {
  rule_id: string;
  version: number;
  /** How many open approvals at one of the table's points were evaluated. */
  evaluated: number;
  would_open: (AlertKey & { verdict: string; reason: string })[];
  would_close: (AlertKey & { alert_id: number; reason: string })[];
}

/** The engine refuses a malformed table with a RuleTableError: the client's mistake, named. */
const asBadTable = (err: unknown): never => {
  if (err instanceof Error && err.name === 'RuleTableError') throw badRequest(`content: ${err.message}`);
  throw err;
};

export function createRuleCenterService(deps: {
  db: Db;
  rules: Pick<RuleBookHolder, 'get' | 'withVersions'>;
  versions: Pick<RuleVersionStore, 'history' | 'insert'>;
  facts: Pick<ApprovalFactsStore, 'approval' | 'steps' | 'openApprovalsAt'>;
  gather: FactsGatherer;
  alerts: Pick<AlertStore, 'ofRule'>;
  advance: Pick<AdvanceService, 'reevaluate'>;
  audit: Pick<AuditStore, 'append'>;
  now: () => Date;
}) {
  const { db } = deps;

  async function list() {
    const book = await deps.rules.get();
    return { tables: book.tables() };
  }

  async function tableOf(id: string) {
    const t = (await deps.rules.get()).table(id);
    if (!t) throw notFound(`no rule "${id}"`);
    return t;
  }

  async function show(id: string) {
    const t = await tableOf(id);
    return { ...t, versions: await deps.versions.history(db, id) };
  }

  function nextVersion(meta: TableMeta, input: PublishInput): TableVersion {
    if (meta.kind !== 'table') throw badRequest(`rule "${meta.id}" is a function rule, kept as code: it has no table to publish`);
    if (input.effective !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(input.effective)) throw badRequest('effective: write the date YYYY-MM-DD');
    const version = meta.version + 1;
    const today = bureauDate(deps.now());
    const next: TableMeta = {
      ...meta, version, name: input.name?.trim() || meta.name, effective: input.effective ?? today, basis: input.basis?.trim() || meta.basis,
    };
    return { id: meta.id, version, content: input.content, meta: next };
  }

  /** Which alerts `candidate` would open or close over the open approvals now at its points. */
  async function dryRunOf(candidate: TableVersion): Promise<DryRun & { items: { id: string; step: string }[] }> {
    const book = await deps.rules.withVersions([candidate]).catch(asBadTable);
    const points = candidate.meta.points;
    const at = (await deps.facts.openApprovalsAt(db, null, DRY_RUN_APPROVALS))
      .filter((x) => points.some((p) => p.step === x.step || p.step === '*'));
    const fresh: (AlertKey & { o: RuleOutcome })[] = [];
    for (const item of at) {
      const a = await deps.facts.approval(db, item.id);
      if (!a) continue;
      const facts = await deps.gather(db, a, await deps.facts.steps(db, a.id), item.step);
      for (const action of ['start', 'finish'] as const) {
        const point = { step: item.step, action };
        if (!runsAt(points, point)) continue;
        const outcomes = (await book.evaluate(point, facts)).filter((o) => o.ruleId === candidate.id && o.verdict !== 'pass');
        fresh.push(...outcomes.map((o) => ({ approval_id: a.id, step: item.step, cause: o.cause ?? '', o })));
      }
    }
    const stored = await deps.alerts.ofRule(db, candidate.id, at.map((x) => x.id));
    const key = (k: AlertKey) => `${k.approval_id}|${k.step}|${k.cause}`;
    const storedKeys = new Set(stored.map(key));
    const freshKeys = new Set(fresh.map(key));
    const evaluatedSteps = new Set(at.map((x) => `${x.id}|${x.step}`));
    return {
      rule_id: candidate.id,
      version: candidate.version,
      evaluated: at.length,
      would_open: fresh.filter((f) => !storedKeys.has(key(f)))
        .map((f) => ({ approval_id: f.approval_id, step: f.step, cause: f.cause, verdict: f.o.verdict, reason: f.o.reason })),
      would_close: stored.filter((s) => s.status !== 'decided' && evaluatedSteps.has(`${s.approval_id}|${s.step}`) && !freshKeys.has(key(s)))
        .map((s) => ({ approval_id: s.approval_id, step: s.step, cause: s.cause, alert_id: s.id, reason: s.reason })),
      items: at,
    };
  }

  async function dryRun(id: string, input: PublishInput): Promise<DryRun> {
    const { items: _items, ...report } = await dryRunOf(nextVersion((await tableOf(id)).meta, input));
    return report;
  }

  /**
   * Publishes a new version when every case of the table passes with it; otherwise nothing is
   * stored and the failures are answered. The next evaluation anywhere uses it (the holder
   * rebuilds its book when the published versions change), and the open approvals at its points
   * are re-evaluated at once so the alerts it raises exist.
   */
  async function publish(id: string, input: PublishInput, viewer: Viewer) {
    const book = await deps.rules.get();
    const t = book.table(id);
    if (!t) throw notFound(`no rule "${id}"`);
    const candidate = nextVersion(t.meta, input);
    const cases = await book.runCases(id, input.content).catch(asBadTable);
    const failures = cases.filter((c) => !c.ok);
    if (failures.length > 0) return { published: false as const, rule_id: id, version: candidate.version, cases: cases.length, failures };
    const { items, ...dry } = await dryRunOf(candidate);
    await db.transaction(async (tx) => {
      const stored = await deps.versions.insert(tx, {
        id, version: candidate.version, content: candidate.content, meta: candidate.meta as unknown as Record<string, unknown>, published_by: viewer.principal.username,
      });
      if (!stored) throw new AppError(409, `rule "${id}" v${candidate.version} was published meanwhile; reload and try again`);
      await deps.audit.append(tx, {
        actor: viewer.principal.username, action: 'rule.publish', resource_type: 'rule', resource_id: id,
        detail: { version: candidate.version, effective: candidate.meta.effective, cases: cases.length, would_open: dry.would_open.length, would_close: dry.would_close.length },
      });
    });
    const raised = await deps.advance.reevaluate(items);
    return { published: true as const, rule_id: id, version: candidate.version, meta: candidate.meta, cases: cases.length, failures: [], dry_run: dry, raised };
  }

  return { list, show, dryRun, publish };
}

export type RuleCenterService = ReturnType<typeof createRuleCenterService>;
