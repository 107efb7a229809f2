/**
 * 分件: which handler of the office should take a case. Half the score is load (the fewest open
 * cases in the office scores 1, the most 0), half is how related the handler's past cases are
 * to this project (0..1, from the linking and recommendation features); the reasons say both.
 */
import type { FunctionRule } from './function-rule.ts';

export interface HandlerCandidate {
  handler: string;
  office: string;
  openCases: number;
  /** 0..1: how related the handler's past cases are to this project. */
  relatedness: number;
  /** The related past cases (project numbers or approval ids), most related first. */
  relatedCases: string[];
}

export interface RankedHandler extends HandlerCandidate {
  /** 0..100, higher first. */
  score: number;
  /** Why, in Chinese: `在办 3 件（本处最少）`, `办过相似案件 2 件：…`. */
  reasons: string[];
}

const LOAD_WEIGHT = 0.5;
const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/** The candidates best first (score, then fewer open cases, then name, so the order is stable). */
export function rankHandlers(candidates: HandlerCandidate[]): RankedHandler[] {
  if (candidates.length === 0) return [];
  const open = candidates.map((c) => Math.max(0, c.openCases));
  const [least, most] = [Math.min(...open), Math.max(...open)];
  return candidates
    .map((c): RankedHandler => {
      const n = Math.max(0, c.openCases);
      const load = most === least ? 1 : (most - n) / (most - least);
      const score = Math.round((LOAD_WEIGHT * load + (1 - LOAD_WEIGHT) * clamp01(c.relatedness)) * 10_000) / 100;
      const shown = c.relatedCases.slice(0, 3).join('、') + (c.relatedCases.length > 3 ? ' 等' : '');
      const reasons = [
        n === least ? `在办 ${n} 件（本处最少）` : `在办 ${n} 件（本处最少 ${least} 件）`,
        c.relatedCases.length ? `办过相似案件 ${c.relatedCases.length} 件：${shown}` : '未办过相似案件',
      ];
      return { ...c, score, reasons };
    })
    .sort((a, b) => b.score - a.score || a.openCases - b.openCases || a.handler.localeCompare(b.handler, 'zh-CN'));
}

export const handlerRankingRule: FunctionRule = {
  meta: {
    id: 'handler-ranking',
    name: '分件：承办人推荐',
    version: 1,
    effective: '2026-12-01',
    basis: '《武汉市国土资源和规划局业务规则库》分件规则：按承办人在办案件数和既往案件与本项目的相关程度推荐承办人',
    // Called by the services where a case is assigned (rankHandlers), not at a step.
    points: [],
    kind: 'function',
  },
  run: (input) => {
    const ranked = rankHandlers((input.candidates as HandlerCandidate[] | undefined) ?? []);
    return { order: ranked.map((r) => r.handler), scores: ranked.map((r) => r.score), reasons: ranked[0]?.reasons ?? [] };
  },
  outcomes: () => [],
};
