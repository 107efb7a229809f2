/** What `GET /public/api/progress?q=` answers: what a citizen may know of a project, nothing more. */

export interface PublicApproval {
  item: string;
  status: string | null;
  received_at: string | null;
  closed_at: string | null;
  /** The names of its stages (办理环节), in order. */
  stages: string[];
}

export interface PublicProject {
  project_no: string;
  name: string;
  district: string | null;
  approvals: PublicApproval[];
}

export interface PublicProgress {
  q: string;
  projects: PublicProject[];
}
