/**
 * Small pieces shared by the official prose: issuers (the bureau was renamed in 2019), 文号 with
 * the bracket styles real documents mix, and the way a project's size is written.
 */
import type { Rng } from './rng.ts';
import type { Counters } from './counters.ts';
import type { ProjectDraft } from './project-factory.ts';

/** The bureau became 自然资源和规划局 in the 2019 reform; documents before keep the old name. */
export function bureauName(year: number): string {
  return year < 2019 ? '武汉市国土资源和规划局' : '武汉市自然资源和规划局';
}

/** How documents refer to the bureau in their titles. */
export function bureauShortName(year: number): string {
  return year < 2019 ? '市国土规划局' : '市自然资源和规划局';
}

/** The issuer of a case's document: the branch when a branch office led the case. */
export function issuerFor(office: string, district: string, year: number): string {
  return office.includes('分局') ? `${bureauName(year)}${district}分局` : bureauName(year);
}

export type DocFamily = 'reply' | 'letter' | 'land' | 'notice';

function docPrefix(family: DocFamily, branch: string | null, year: number): string {
  const base = year < 2019 ? (family === 'land' ? '武土资规' : '武规') : '武自然资规';
  if (branch) return `${base}${branch}${family === 'reply' ? '' : '函'}`;
  if (family === 'letter') return `${base}函`;
  if (family === 'notice') return `${base}发`;
  return base;
}

/**
 * A 文号 such as 武规〔2016〕12号. About one in ten uses [2016] or (2016) instead of 〔〕, as typed
 * documents in the bureau's archive do, so search must not depend on the bracket.
 */
export function docNo(family: DocFamily, branch: string | null, year: number, counters: Counters, rng: Rng): string {
  const prefix = docPrefix(family, branch, year);
  const serial = counters.next(`doc/${prefix}/${year}`);
  return `${prefix}${bracketYear(year, rng)}${serial}号`;
}

export function bracketYear(year: number, rng: Rng): string {
  const roll = rng.next();
  if (roll < 0.9) return `〔${year}〕`;
  if (roll < 0.95) return `[${year}]`;
  return roll < 0.975 ? `(${year})` : `（${year}）`;
}

/** 125634.52 → "125634.52平方米" or "约12.56万平方米", both as the archive writes them. */
export function area(m2: number, rng: Rng): string {
  return m2 >= 100_000 && rng.chance(0.5) ? `约${(m2 / 10_000).toFixed(2)}万平方米` : `${m2.toFixed(2)}平方米`;
}

/** The sentence about a project's size, worded for its kind. */
export function scaleSentence(p: ProjectDraft, rng: Rng): string {
  switch (p.spec.projectType) {
    case '市政交通':
      if (p.kind === 'road' || p.kind === 'bridge') {
        return `道路规划红线宽度${rng.pick([24, 30, 40, 50, 60])}米，工程用地面积${area(p.scaleM2, rng)}`;
      }
      return `工程用地面积${area(p.scaleM2, rng)}`;
    case '土地储备':
      return `用地面积${area(p.scaleM2, rng)}（合${(p.scaleM2 / 666.67).toFixed(1)}亩）`;
    case '测绘地信':
      return `测区面积约${(p.scaleM2 / 1_000_000).toFixed(1)}平方公里`;
    default:
      return `总建筑面积${area(p.scaleM2, rng)}`;
  }
}

/** "R2 二类居住用地" → "二类居住用地（R2）", the order prose uses. */
export function landUseLabel(landUse: string | null): string {
  if (!landUse) return '';
  const [code, ...name] = landUse.split(' ');
  return `${name.join(' ')}（${code}）`;
}

/** The project named with or without its number, as a document body would. */
export function projectRef(p: ProjectDraft, withNo: boolean): string {
  return withNo ? `${p.name}（项目编号：${p.projectNo}）` : p.name;
}
