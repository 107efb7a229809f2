/** `GET /api/projects/:no/recommendations` (services/recommend/recommend.schema.ts). */
import type { ReadingType } from '../common/record-links';

export type RecommendationGroup = 'about' | 'builder' | 'case' | 'regulation' | 'nearby';

export interface Recommendation {
  type: ReadingType;
  id: string;
  title: string;
  date: string | null;
  group: RecommendationGroup;
  score: number;
  project_no: string | null;
  reasons: { kind: string; text: string }[];
}

export interface RecommendationsResponse {
  project_no: string;
  approval_id: string | null;
  items: Recommendation[];
}
