/** What a drill-down shows, in words: `新增 · 2014-01-01 至 2014-12-31 · 2014-04 · 洪山 · 建设工程规划许可证`. Pure. */
import type { DrillState } from './drill-down';
import { STATS_TEXTS } from './texts';

const T = STATS_TEXTS;

export function describeDrill(d: DrillState): string {
  const parts: string[] = [T.drill.measures[d.measure]];
  if (d.from || d.to) parts.push(T.period(d.from ?? '…', d.to ?? '…'));
  for (const v of [d.month, d.district, d.office, d.unit, d.item, d.type]) if (v) parts.push(v);
  if (d.uploaded !== null) parts.push(T.drill.uploaded[String(d.uploaded) as 'true' | 'false']);
  return parts.join(' · ');
}
