/**
 * A petition that names a place many projects carry (services/linking/link-decision.ts): it links
 * by itself only when what it says stands there singles one project out. Invented projects, the
 * reference model (what the job uses before any full run), no store.
 */
import { describe, expect, it } from 'vitest';
import { buildCandidateIndex } from '../../services/linking/candidate-index.ts';
import { decideLinks } from '../../services/linking/link-decision.ts';
import { DEFAULT_THRESHOLDS, estimateModel, type TrainingSample } from '../../services/linking/link-model.ts';
import { MODEL_PRIOR } from '../../services/linking/model-prior.ts';
import type { ProjectSource } from '../../services/linking/project-profile.ts';
import { EMPTY_KEYS, analyze } from '../../services/linking/text-analysis.ts';

const YEAR = 365 * 86_400_000;
const FILED = Date.parse('2022-03-01');
const project = (no: string, name: string): ProjectSource => ({
  project_no: no, name, builder: '武汉某某建设有限公司', address: '洪山区青石街道', district: '洪山',
  estate_name: null, aliases: null, from_ms: FILED, until_ms: FILED + YEAR,
});

/** Six projects whose names all start with the place 竹溪, each a different kind of works. */
const PROJECTS = [
  project('HSAA20220001', '竹溪村城中村改造还建房项目'),
  project('HSAA20220002', '竹溪公共租赁住房二期工程'),
  project('HSAA20220003', '竹溪九年一贯制学校新建工程'),
  project('HSSZ20220004', '竹溪湿地公园'),
  project('HSSZ20220005', '竹溪片区雨污分流改造工程'),
  project('HSAA20220006', '竹溪K2地块住宅项目'),
];

const index = buildCandidateIndex(PROJECTS);
const empty = (): TrainingSample => ({ matches: [], randoms: [], blocked: [], projects: PROJECTS.length, linksPerResource: 1 });
const model = estimateModel({ petition: empty(), document: empty(), meeting: empty() }, DEFAULT_THRESHOLDS, MODEL_PRIOR);

function linksOf(title: string, body: string) {
  const a = analyze(index, { id: 'pet-1', title, body, at: FILED + YEAR / 2 }, EMPTY_KEYS);
  return decideLinks(index, a, { model, type: 'petition', keep: new Set(), drop: new Set() })
    .map((p) => ({ no: index.profiles[p.index]!.no, status: p.status }));
}

describe('a place many projects carry, in a petition', () => {
  it('links by itself the one whose kind the letter names right after the place', () => {
    const links = linksOf('竹溪的公租房夜间施工', '竹溪的公租房工地每天晚上施工到凌晨，渣土车进进出出。');
    expect(links.filter((l) => l.status === 'auto')).toEqual([{ no: 'HSAA20220002', status: 'auto' }]);
  });

  it('links none by itself when the letter says only the place', () => {
    const links = linksOf('竹溪那边夜间施工', '竹溪那边的工地每天晚上施工到凌晨，渣土车进进出出。');
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => l.status === 'auto')).toEqual([]);
  });
});
