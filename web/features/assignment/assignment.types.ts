/** `GET /api/approvals/:id/assignees`, as the API sends it. */
export interface Assignee {
  handler: string;
  office: string;
  openCases: number;
  relatedness: number;
  relatedCases: string[];
  score: number;
  /** In Chinese, from the rules: `在办 3 件（本处最少）`, `办过相似案件 2 件：…`. */
  reasons: string[];
}

export interface Assignees {
  approval_id: string;
  office: string;
  current: string | null;
  similar_cases: number;
  candidates: Assignee[];
}
