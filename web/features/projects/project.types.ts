/** What GET /api/projects/:no answers (services/projects/project.service.ts). */

export interface ProjectStep {
  name: string;
  /** The step's group inside the approval (孵化, 技术审查, 外部协审 …). */
  stage: string | null;
  office: string | null;
  handler: string | null;
  limit_days: number | null;
  started_at: string | null;
  finished_at: string | null;
  /** The last day it may finish on (YYYY-MM-DD), in working days from its start; null when not started or unlimited. */
  due: string | null;
  overdue: boolean;
}

export interface ProjectApproval {
  id: string;
  item: string;
  status: string;
  received_at: string | null;
  closed_at: string | null;
  office: string | null;
  handler: string | null;
  certificate_no: string | null;
  steps: ProjectStep[];
}

export interface CreditRecordRow {
  id: string;
  builder: string;
  credit_code: string | null;
  status: string;
  reason: string | null;
  date: string | null;
}

/** How a resource came to be linked to the project, as the links API words it. */
export type LinkStatus = 'declared' | 'auto' | 'confirmed' | 'suggested';

export interface LinkedResource {
  resource_type: string;
  resource_id: string;
  title: string | null;
  status: LinkStatus;
  /** declared, key (a cited number), linkage (the linker's model), manual (added by a person). */
  method: string;
  /** The linker's probability that this is the project meant (1 for a record's own link). */
  score: number;
  /** 1 − probability × the project's share of the mention; null for a record's own link. */
  doubt: number | null;
}

export interface ProjectDetail {
  project: {
    id: string;
    project_no: string;
    name: string;
    builder: string | null;
    builder_credit_code: string | null;
    address: string | null;
    district: string | null;
    project_type: string | null;
    land_use: string | null;
    scale_m2: number | null;
    created_at: string | null;
  };
  summary: {
    approvals: number;
    approvals_open: number;
    documents: number;
    meetings: number;
    petitions: number;
    last_activity: string | null;
  } | null;
  approvals: ProjectApproval[];
  /** The counted links by type and id, then the suggestions awaiting review, best first (1000 at most). */
  resources: LinkedResource[];
  builder: {
    name: string;
    credit_code: string | null;
    standing: string | null;
    dishonest: boolean;
    credit_records: CreditRecordRow[];
    projects: { project_no: string; name: string; district: string | null }[];
  } | null;
}
