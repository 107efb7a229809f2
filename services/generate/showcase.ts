/**
 * The demo corpus's showcase project: one large estate built in phases, with the approvals of
 * every phase, the 公文 that answered them, the minutes that decided on it and about a hundred
 * petitions from its neighbours — over two hundred records about one project, so the 360 view
 * and its measurement (tests/bench/web.bench.ts) have a busy project to show. It is the first
 * project of the corpus that draws petitions and follows the building chain; everything else
 * about it is made as for any project, from its own random stream.
 */
import { createApprovals, type ApprovalContext, type ApprovalDraft } from './approval-factory.ts';
import type { Counters } from './counters.ts';
import { projectPetitions, type PetitionOut } from './petition-factory.ts';
import type { ProjectDraft } from './project-factory.ts';
import { createRng } from './rng.ts';

/** Approval chains (phases) and petitions the showcase gets; ids keep two digits per project. */
export const SHOWCASE_PHASES = 14;
export const SHOWCASE_PETITIONS = 120;
const MAX_APPROVALS = 99;

export function isShowcaseCandidate(p: ProjectDraft): boolean {
  return p.spec.chain === 'building' && p.spec.complaints.length > 0;
}

/** The approvals of every phase, numbered on from the first phase's (apv-000001-01 … -NN). */
export function showcaseApprovals(ctx: ApprovalContext, p: ProjectDraft, seed: number): ApprovalDraft[] {
  const out: ApprovalDraft[] = [];
  for (let phase = 0; phase < SHOWCASE_PHASES; phase++) {
    for (const a of createApprovals(ctx, p, createRng(seed, 'showcase-phase', phase))) {
      if (out.length === MAX_APPROVALS) return out;
      const id = `apv-${String(p.index + 1).padStart(6, '0')}-${String(out.length + 1).padStart(2, '0')}`;
      out.push({ ...a, record: { ...a.record, id } });
    }
  }
  return out;
}

/**
 * Petitions about the showcase until there are SHOWCASE_PETITIONS (each round from its own
 * stream). A project this contested is one the 信访 office files its letters under: each
 * petition carries the project's number, as one in twenty ordinary ones does.
 */
export function showcasePetitions(counters: Counters, p: ProjectDraft, approvals: readonly ApprovalDraft[], seed: number, nextId: () => string): PetitionOut[] {
  const out: PetitionOut[] = [];
  for (let round = 0; out.length < SHOWCASE_PETITIONS && round < 10 * SHOWCASE_PETITIONS; round++) {
    out.push(...projectPetitions(counters, p, approvals, createRng(seed, 'showcase-petitions', round), nextId));
  }
  return out.slice(0, SHOWCASE_PETITIONS).map((pe) => ({ ...pe, record: { ...pe.record, project_nos: [p.projectNo] } }));
}
