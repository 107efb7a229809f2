/** The Chinese sentences the analysis writes: reasons of findings and details of deviations, in one place for review. */

const d = (v: number | null) => (v === null ? '—' : v.toFixed(1));
const monthCn = (m: string) => `${Number(m.slice(0, 4))}年${Number(m.slice(5))}月`;

export function bottleneckReason(x: {
  item: string; step: string; office: string; from: string; to: string; cases: number;
  waiting: number | null; baseline: number | null; growth: number; cost: number;
}): string {
  const period = x.from === x.to ? monthCn(x.from) : `${monthCn(x.from)}至${x.from.slice(0, 4) === x.to.slice(0, 4) ? `${Number(x.to.slice(5))}月` : monthCn(x.to)}`;
  const queue = x.growth > 0.05 ? `，排队案件每月增加约 ${d(x.growth)} 件` : '';
  return `${period}，${x.office}的「${x.step}」环节等待时间中位数 ${d(x.waiting)} 个工作日，平时仅 ${d(x.baseline)} 个工作日${queue}；`
    + `该期间${x.item} ${x.cases} 件案件在此多等待共 ${d(x.cost)} 个工作日。`;
}

export function mutualReason(x: { item: string; a: string; b: string; aFirst: number; bFirst: number; effect: number; worse: 'a' | 'b' }): string {
  const [first, then] = x.worse === 'b' ? [x.b, x.a] : [x.a, x.b];
  return `${x.item}中「${x.a}」在先 ${x.aFirst} 件、「${x.b}」在先 ${x.bFirst} 件，两种次序都有；`
    + `先办「${first}」再办「${then}」时两环节合计多用约 ${d(Math.abs(x.effect))} 个工作日（返工），次序影响办理时间，前置关系应予明确。`;
}

export function parallelReason(x: { item: string; a: string; b: string; aFirst: number; bFirst: number; offices: [string, string]; saved: number }): string {
  return `${x.item}中「${x.a}」（${x.offices[0]}）与「${x.b}」（${x.offices[1]}）两种次序都有（${x.aFirst} 件 / ${x.bFirst} 件），`
    + `次序对办理时间没有影响，且由不同单位办理；并行办理每件案件约可缩短 ${d(x.saved)} 个工作日。`;
}

export const skippedDetail = (missing: readonly string[]) => `缺少${missing.map((n) => `「${n}」`).join('、')}`;
export const extraDetail = (extra: readonly string[]) => `多出${extra.map((n) => `「${n}」`).join('、')}（标准环节之外或重复办理）`;
/** `early` was done before `late`, which the standard puts first; a sign-off done early breaks 三传件. */
export const inversionDetail = (early: string, late: string, signOff: boolean) => `「${early}」先于「${late}」${signOff ? '（三传件次序不符）' : ''}`;
