/**
 * What rules/ and the services agree on: the facts a decision point is judged by, and what a
 * rule answers. rules/ imports nothing of the app; the services gather the facts, rules/
 * decides, the services act (store alerts, refuse a move, suspend an approval).
 */

/** Where in an approval a rule runs: a step (受理, 公示, 发证 …) being started or finished, or intake (收件). */
export interface DecisionPoint {
  step: string;
  action: 'start' | 'finish';
}

/** The facts the service gathers before a decision point; every field a table may read. */
export interface ApprovalFacts {
  project: {
    project_no: string;
    name: string;
    district: string | null;
    project_type: string | null;
    land_use: string | null;
    /** 重点项目 / 重大项目 / 一般项目 (from the record; null when not stated). */
    level: string | null;
    /** 市政 (municipal works) or not. */
    municipal: boolean;
    /** 交通 (transport) municipal works. */
    transport: boolean;
    /** The land comes by allocation (划拨) rather than sale (出让). */
    allocated: boolean;
    /** The works cross district lines (跨区). */
    cross_district: boolean;
  };
  approval: {
    id: string;
    item: string;
    status: string;
    office: string | null;
    received_at: string | null;
    suspended: boolean;
  };
  step: {
    name: string;
    /** When the step started (ISO), for its time limit; null before it starts. */
    started_at: string | null;
    limit_days: number | null;
  } | null;
  /** Petitions linked to the project (declared, confirmed or auto-linked), open ones only. */
  petitions: { open: number; items: { id: string; subject: string; status: string; link: string }[] };
  /** The builder's credit: the worst current record. */
  credit: { dishonest: boolean; record: { id: string; status: string; reason: string | null; date: string | null } | null };
  /** Application materials (申报材料). */
  materials: { complete: boolean | null; genuine: boolean | null; expired: boolean | null; uploaded: boolean | null };
  /** Approval results and maps (审批结果及图件). */
  results: { uploaded: boolean | null };
  /** Red-line (红线) GIS data and map ↔ form consistency, for supervision. */
  gis: { red_line_stored: boolean | null; red_line_valid: boolean | null; map_consistent: boolean | null };
  /** The sign-off chain as recorded (三传件): roles in the order they signed. */
  sign_off: string[];
  /** Today, as the service's clock says (ISO date), for time limits. */
  today: string;
}

/**
 * One rule's verdict. `block` refuses the move (nothing changes); `alert` lets it go on but
 * raises an alert the handling office must decide (提醒 / 退件 / 暂停); `warn` is a supervision
 * warning; `pass` says the rule ran and found nothing.
 */
export type Verdict = 'pass' | 'block' | 'alert' | 'warn';

export interface RuleOutcome {
  ruleId: string;
  version: number;
  verdict: Verdict;
  /** The reason in plain Chinese, citing the record it rests on (`建设单位有失信记录（cr-1：…）`). */
  reason: string;
  /** What the alert is about, so re-running never duplicates it: a petition id, a credit record id, a step. */
  cause: string | null;
  /** The decisions an alert offers. */
  options: string[];
  /** Which row fired with which inputs (the engine's trace, or a function's own account). */
  trace: unknown;
}
