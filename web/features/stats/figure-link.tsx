'use client';
/** A figure of 统计 as a link to the approvals behind it; a zero, which has none, stays text. */
import { AppLink as Link } from '../common/app-link';
import { drillHref, type DrillState } from './drill-down';

export function FigureLink({ value, drill, label }: { value: number; drill: DrillState; label?: string }) {
  if (value === 0) return <span className="ph-figure-zero">0</span>;
  return (
    <Link href={drillHref(drill)} className="ph-figure" aria-label={label}>
      {value}
    </Link>
  );
}
