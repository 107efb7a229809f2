/** What the statistics API answers (`GET /api/stats/...`, services/stats/): JSON unless `format=csv`. */

export const HANDLING_GROUPS = ['item', 'month', 'district', 'office'] as const;
export type HandlingGroup = (typeof HANDLING_GROUPS)[number];

export interface HandlingCounts {
  /** 新增: received in the period. */
  received: number;
  /** 在办: received by the period's end (a month row: that month's end) and not closed by it. */
  open: number;
  /** 办结: closed in the period. */
  closed: number;
}

export interface HandlingRow extends HandlingCounts {
  /** The item, district, office, or month `YYYY-MM`. */
  key: string;
}

/** 业务办理情况. */
export interface HandlingAnswer {
  from: string;
  to: string;
  group: HandlingGroup;
  filters: { district?: string; office?: string; item?: string };
  rows: HandlingRow[];
  total: HandlingRow;
  as_of: string;
}

export const CERTIFICATE_TYPES = ['选址意见书', '用地规划许可证', '工程规划许可证', '规划条件核实证明'] as const;
export type CertificateType = (typeof CERTIFICATE_TYPES)[number];

export interface CertificateCounts {
  issued: number;
  uploaded: number;
  not_uploaded: number;
  /** `97.6%`, as the seed prints it. */
  rate: string;
}

export interface CertificateRow {
  /** 办理部门: 中心城区分局, 市局, or a district branch (`洪山分局`); `总计` for the total. */
  unit: string;
  issued: number;
  by_type: Record<string, CertificateCounts>;
}

/** 证照情况统计. */
export interface CertificatesAnswer {
  from: string;
  to: string;
  types: string[];
  rows: CertificateRow[];
  total: CertificateRow;
  as_of: string;
}

export type ProjectsBy = 'district' | 'office';

/** 项目按区属统计 / 按办理部门统计. */
export interface ProjectsAnswer {
  by: ProjectsBy;
  rows: { key: string; projects: number }[];
  total: { key: string; projects: number };
}

export interface OverdueCell {
  office: string;
  month: string;
  overdue: number;
  due: number;
}

/** 超期环节: steps due in the period by office and month, and how many of them ran over. */
export interface OverdueAnswer {
  from: string;
  to: string;
  months: string[];
  offices: string[];
  cells: OverdueCell[];
  total: { overdue: number; due: number };
  as_of: string;
}

export const MEASURES = ['received', 'open', 'closed', 'issued', 'overdue'] as const;
export type Measure = (typeof MEASURES)[number];

export interface StatsApproval {
  id: string;
  project_no: string;
  project_name: string | null;
  item: string;
  office: string | null;
  district: string | null;
  status: string;
  received_at: string | null;
  closed_at: string | null;
  certificate_no: string | null;
}

/** The approvals behind a figure (`GET /api/stats/approvals`). */
export interface StatsApprovalsPage {
  total: number;
  page: number;
  size: number;
  items: StatsApproval[];
}
