/** What the links API answers (services/linking/linking.schema.ts). */

export type LinkType = 'petition' | 'document' | 'meeting';
export type Decision = 'confirm' | 'reject' | 'unsure';

/** One piece of evidence: a sentence a reviewer can check against the text, and its weight in bits (negative: against). */
export interface LinkReason {
  feature: string;
  level: string;
  weight: number;
  text: string;
}

export interface LinkView {
  resource_type: LinkType;
  resource_id: string;
  project_no: string;
  project_name: string | null;
  project_district: string | null;
  status: 'declared' | 'auto' | 'suggested' | 'confirmed' | 'rejected';
  method: string;
  /** The linker's probability that this is the project meant. */
  score: number;
  /** 1 − probability × the project's share of the mention. */
  doubt: number | null;
  reasons: LinkReason[];
  /** In minutes and 公文 covering several projects: the numbered item the link came from. */
  passage: string | null;
  linker_version: number | null;
  decision: Decision | null;
  decided_by: string | null;
  decided_at: string | null;
}

export interface QueueItem extends LinkView {
  resource_title: string | null;
}

export interface ReviewQueue {
  status: string;
  total: number;
  page: number;
  size: number;
  items: QueueItem[];
}

export interface ResourceLinks {
  resource_type: LinkType;
  resource_id: string;
  links: LinkView[];
}

export interface DecisionInput {
  resource_type: LinkType;
  resource_id: string;
  project_no: string;
  decision: Decision;
}

export interface DecisionResult {
  link: LinkView;
  before: string | null;
}
