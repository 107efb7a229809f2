/**
 * Letters that hold a piece of a project's name by chance (services/linking/features.ts): real
 * letters about a county hospital's doctors, a park's benches, another 湖壹号, a county's 第三中学 or
 * 城市之间 must not be linked to the hub's 人民医院医技楼, 公园里, 野芷湖壹号, 第三中学汉口北校区 or
 * 城市之光, while letters that name those works still are.
 * Invented projects and letters, the reference model, no store.
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
const project = (no: string, name: string, builder: string, address: string, district: string): ProjectSource => ({
  project_no: no, name, builder, address, district, estate_name: null, aliases: null, from_ms: FILED, until_ms: FILED + YEAR,
});

const PROJECTS = [
  project('DHAA20220001', '东湖高新区人民医院医技楼', '武汉东湖高新区人民医院', '东湖高新区关东街道光谷大道以东', '东湖高新'),
  project('HSAA20220002', '城建野芷湖壹号C包', '武汉城建某某房地产开发有限公司', '洪山区张家湾街道野芷湖西路以南', '洪山'),
  project('JAAA20220003', '绿地公园里一期', '武汉绿地某某置业有限公司', '江岸区后湖街道后湖大道以东', '江岸'),
  project('JAAA20220004', '后湖公共租赁住房二期工程', '武汉某某住房保障建设有限公司', '江岸区后湖街道金桥大道以西', '江岸'),
  project('HSSZ20220005', '野芷湖西路道路工程', '武汉市某某市政建设有限公司', '洪山区张家湾街道', '洪山'),
  project('DHAA20220006', '光谷第九小学新建工程', '武汉东湖新技术开发区某某投资有限公司', '东湖高新区关东街道光谷一路以西', '东湖高新'),
  project('HPAA20220007', '武汉市第三中学汉口北校区新建工程', '武汉市黄陂区某某教育投资有限公司', '黄陂区滠口街道汉口北大道以南', '黄陂'),
  project('HSAA20220008', '新城城市之光C包', '武汉新城某某置业有限公司', '洪山区和平街道友谊大道以东', '洪山'),
];

const index = buildCandidateIndex(PROJECTS);
const empty = (): TrainingSample => ({ matches: [], randoms: [], blocked: [], projects: PROJECTS.length, linksPerResource: 1 });
const model = estimateModel({ petition: empty(), document: empty(), meeting: empty() }, DEFAULT_THRESHOLDS, MODEL_PRIOR);

function autoLinks(title: string, body: string): string[] {
  const a = analyze(index, { id: 'pet-1', title, body, at: FILED + YEAR / 2 }, EMPTY_KEYS);
  return decideLinks(index, a, { model, type: 'petition', keep: new Set(), drop: new Set() })
    .filter((p) => p.status === 'auto').map((p) => index.profiles[p.index]!.no);
}

describe('a piece of a name held by chance', () => {
  it.each([
    ['县人民医院医生态度恶劣', '我母亲在县人民医院医治期间，医生态度恶劣，医护人员互相推诿。'],
    ['和顺湖壹号小区门口积水', '和顺湖壹号小区门口一下雨就积水，出行非常不便。'],
    ['请把公园里的健身器材修好', '社区公园里的健身器材坏了半年，老人没有地方锻炼。'],
    // Everyday words and what the works are, with a character or none besides (城市之, 第三中学).
    ['关于市域轨道交通规划的建议', '建议把城市之间的轨道交通规划得更合理一些。'],
    ['县第三中学违规补课', '县第三中学周末组织学生补课，一周只放假半天。'],
  ])('links nothing by itself: %s', (title, body) => {
    expect(autoLinks(title, body)).toEqual([]);
  });

  it.each([
    ['人民医院医技楼夜间施工', '东湖高新区人民医院医技楼的工地晚上施工到凌晨。', 'DHAA20220001'],
    ['野芷湖壹号工地扬尘', '野芷湖壹号的工地土方没有覆盖，一刮风到处都是灰。', 'HSAA20220002'],
    ['绿地公园里交房延期', '绿地公园里一期说好去年交房，到现在还没有交付。', 'JAAA20220003'],
    ['汉口北校区工地夜间施工', '第三中学汉口北校区的工地每天晚上施工，渣土车进进出出。', 'HPAA20220007'],
  ])('still links a letter that names the works: %s', (title, body, no) => {
    expect(autoLinks(title, body)).toEqual([no]);
  });
});
