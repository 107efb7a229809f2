/**
 * Each piece of evidence as a sentence a reviewer can check against the text, with its weight:
 * `文中出现建设单位品牌“福星惠誉”` (+6.2). Wording lives here, in one place, for review. Pure.
 */
import type { Comparison, Feature } from './features.ts';
import type { ScorePart } from './link-model.ts';
import type { MentionContext } from './mention-context.ts';
import type { ProjectProfile } from './project-profile.ts';

export interface Reason {
  feature: Feature | 'about' | 'prior';
  level: string;
  /** Bits this piece adds to the score (negative: against the match). */
  weight: number;
  text: string;
}

type Sentence = (evidence: string, p: ProjectProfile) => string;

const SENTENCES: Partial<Record<`${Feature}:${string}`, Sentence>> = {
  'key:project_no': (e) => `文中引用项目编号“${e}”`,
  'key:certificate': (e) => `文中引用该项目的证照编号“${e}”`,
  'key:doc_no': (e) => `文中引用的文号或信件编号“${e}”关联该项目`,
  'name:unique': (e) => `文中出现项目名称的核心“${e}”，只有该项目用此名`,
  'name:whole': (e) => `文中出现项目名称的核心“${e}”`,
  'name:common': (e) => `文中出现项目名称的核心“${e}”，但多个项目的名称含有它`,
  'name:near': (e, p) => `文中“${e}”与项目名称“${p.core}”仅一字音同字异`,
  'name:most': (e) => `文中出现项目名称的大部分字词：${e}`,
  'name:some': (e) => `文中出现项目名称的部分字词：${e}`,
  'name:none': (_, p) => `文中未出现项目名称“${p.core}”`,
  'alias:also': (e) => `文中还出现该项目的另一个名称“${e}”`,
  'role:heading': () => '项目名称出现在标题、议定事项的开头或所研究的事项中',
  'brand:whole': (e) => `文中出现建设单位品牌“${e}”`,
  'brand:short': (e) => `名称前出现建设单位简称“${e}”`,
  'road:two': (e) => `文中出现项目四至道路：${e}`,
  'road:one': (e) => `文中出现项目周边道路“${e}”`,
  'street:agree': (e) => `文中出现项目所在街道“${e}”`,
  'plot:agree': (e) => `地块编号一致：${e}`,
  'plot:disagree': (e, p) => `文中地块编号（${e}）与项目（${p.plots.join('、')}）不符`,
  'phase:agree': (e) => `分期一致：${e}`,
  'phase:disagree': (e, p) => `文中分期（${e}）与项目（${p.phases.map((n) => `${n}期`).join('、')}）不符`,
  'kind:agree': (e) => `文中所说的设施类别（${e}）与项目相符`,
  'kind:differs': (e) => `文中所说的设施类别（${e}）与项目不符`,
  'when:during': (e) => `日期（${e}）在项目立项至审批后几年之内`,
  'when:before': (e) => `日期（${e}）早于项目立项`,
  'when:after': (e) => `日期（${e}）在项目最后一次审批的多年之后`,
  'office:agree': (e) => `承办单位（${e}分局）与项目所在区一致`,
  'office:differs': (e, p) => `承办单位（${e}分局）与项目所在区（${p.district ?? '未知'}）不同`,
  'district:agree': (e) => `文中所写行政区（${e}）与项目所在区一致`,
  'district:differs': (e, p) => `文中所写行政区（${e}）与项目所在区（${p.district ?? '未知'}）不同`,
};

/** The name the text used when it is not the core: the name with its kind, or a sales name or alias. */
const VIA: Record<'said' | 'estate', Partial<Record<string, Sentence>>> = {
  said: {
    unique: (e) => `文中出现项目名称“${e}”，只有该项目用此名`,
    whole: (e) => `文中出现项目名称“${e}”`,
    common: (e) => `文中出现项目名称“${e}”，但多个项目同名`,
  },
  estate: {
    unique: (e) => `文中出现楼盘名或别名“${e}”，只有该项目用此名`,
    whole: (e) => `文中出现楼盘名或别名“${e}”`,
    common: (e) => `文中出现楼盘名或别名“${e}”，但多个项目同名`,
    near: (e) => `文中“${e}”与楼盘名仅一字音同字异`,
  },
};

const ABOUT: Record<Exclude<MentionContext, 'subject'>, (name: string) => string> = {
  home: (n) => `文中“${n}”是来信人的住处，不是反映的对象，仅作建议`,
  landmark: (n) => `文中“${n}”只用来指明位置，仅作建议`,
  passing: (n) => `文中“${n}”只是顺带提及，不是议定或反映的对象`,
};

const round = (x: number) => Math.round(x * 100) / 100;

/** What says which project the text means (a number it cites, a name it uses): read first, whatever its weight. */
const IDENTIFYING = new Set(['key', 'name']);

/** The reasons for one scored comparison: every level that says something, what identifies the project first, then strongest first. */
export function reasonsOf(c: Comparison, parts: readonly ScorePart[], p: ProjectProfile, about: MentionContext, mentioned: string | null): Reason[] {
  const out: Reason[] = [];
  for (const part of parts) {
    const sentence = (part.feature === 'name' && c.nameVia && c.nameVia !== 'core' ? VIA[c.nameVia][part.level] : undefined)
      ?? SENTENCES[`${part.feature}:${part.level}`];
    if (!sentence || Math.abs(part.weight) < 0.05) continue;
    out.push({ feature: part.feature, level: part.level, weight: round(part.weight), text: sentence(c.evidence[part.feature] ?? '', p) });
  }
  const first = (r: Reason) => (IDENTIFYING.has(r.feature) && r.weight > 0 ? 0 : 1);
  out.sort((a, b) => first(a) - first(b) || Math.abs(b.weight) - Math.abs(a.weight));
  if (about !== 'subject') out.push({ feature: 'about', level: about, weight: 0, text: ABOUT[about](mentioned ?? p.core) });
  return out;
}
