/**
 * Builds the facts a decision point is judged by (rules/types.ts ApprovalFacts) from stored
 * rows: pure. The fields the rules need beyond the canonical columns come from the records'
 * `extra` (kept verbatim by the import), under these names:
 *
 * - approval: `materials_complete`, `materials_genuine`, `materials_expired`, `materials_uploaded`,
 *   `results_uploaded`, `red_line_stored`, `red_line_valid`, `map_consistent` (booleans) and
 *   `sign_off` (the roles that signed, in order: `["经办人", "处(科)室负责人", "首席代表"]`);
 * - project: `level` (重点项目 / 重大项目 / 一般项目, or 重点 / 重大 / 一般), `municipal`,
 *   `transport`, `allocated` (划拨), `cross_district` (booleans).
 *
 * A field that is absent or not a boolean is null ("not stated"): rules never block on it.
 */
import type { ApprovalFacts } from '../../rules/types.ts';
import { maskPersonalText } from '../privacy/pii-text.ts';
import { isDishonest } from '../resources/resource.schema.ts';
import type { ApprovalRow, CreditRow, LinkedPetitionRow, ProjectRow, StepRow } from './approval-facts.store.ts';

export interface FactRows {
  approval: ApprovalRow;
  project: ProjectRow | null;
  steps: StepRow[];
  step: string;
  petitions: LinkedPetitionRow[];
  credits: CreditRow[];
  /** Today in the bureau's time zone, YYYY-MM-DD. */
  today: string;
}

const flag = (extra: Record<string, unknown>, key: string): boolean | null => {
  const v = extra[key];
  return typeof v === 'boolean' ? v : null;
};
const yes = (extra: Record<string, unknown>, key: string): boolean => extra[key] === true;

const LEVELS: Record<string, string> = { 重点: '重点项目', 重大: '重大项目', 一般: '一般项目' };
function level(extra: Record<string, unknown>): string | null {
  const v = extra.level;
  if (typeof v !== 'string' || !v.trim()) return null;
  return LEVELS[v.trim()] ?? v.trim();
}

function signOff(extra: Record<string, unknown>): string[] {
  const v = extra.sign_off;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The worst current record: the newest 失信 one, else the newest of any status. */
function worstCredit(rows: CreditRow[]): ApprovalFacts['credit'] {
  const record = rows.find((r) => isDishonest(r.status)) ?? rows[0] ?? null;
  return { dishonest: record ? isDishonest(record.status) : false, record: record ? { ...record } : null };
}

export function buildApprovalFacts(rows: FactRows): ApprovalFacts {
  const { approval: a, project: p } = rows;
  const pe = p?.extra ?? {};
  const ae = a.extra ?? {};
  const step = rows.steps.find((s) => s.name === rows.step) ?? null;
  return {
    project: {
      project_no: a.project_no,
      name: p?.name ?? '',
      district: p?.district ?? null,
      project_type: p?.project_type ?? null,
      land_use: p?.land_use ?? null,
      level: level(pe),
      municipal: yes(pe, 'municipal'),
      transport: yes(pe, 'transport'),
      allocated: yes(pe, 'allocated'),
      cross_district: yes(pe, 'cross_district'),
    },
    approval: {
      id: a.id, item: a.item, status: a.status, office: a.office, received_at: a.received_at, suspended: a.suspended_at !== null,
    },
    step: step ? { name: step.name, started_at: step.started_at, limit_days: step.limit_days } : null,
    petitions: {
      open: rows.petitions.length,
      // Facts are stored with the alert and read by every role that sees alerts: subjects masked.
      items: rows.petitions.map((x) => ({ id: x.id, subject: maskPersonalText(x.subject), status: x.status ?? '', link: x.link })),
    },
    credit: worstCredit(rows.credits),
    materials: {
      complete: flag(ae, 'materials_complete'),
      genuine: flag(ae, 'materials_genuine'),
      expired: flag(ae, 'materials_expired'),
      uploaded: flag(ae, 'materials_uploaded'),
    },
    results: { uploaded: flag(ae, 'results_uploaded') },
    gis: { red_line_stored: flag(ae, 'red_line_stored'), red_line_valid: flag(ae, 'red_line_valid'), map_consistent: flag(ae, 'map_consistent') },
    sign_off: signOff(ae),
    today: rows.today,
  };
}

/** Today's date in the bureau's time zone (UTC+8, no daylight saving). */
export const bureauDate = (now: Date): string => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
