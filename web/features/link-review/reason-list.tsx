'use client';
/** The evidence for a link as sentences, strongest first, each with its weight (bits for, against, or a note). */
import { Pill } from '../common/pill';
import type { LinkReason } from './link-review.types';
import { LINK_REVIEW_TEXTS } from './texts';

const T = LINK_REVIEW_TEXTS;

/** +8.71, −5.27 (a true minus sign), 0 for a note. */
export const formatWeight = (w: number) => (w > 0 ? `+${w.toFixed(2)}` : w < 0 ? `−${Math.abs(w).toFixed(2)}` : '0');

export function ReasonList({ reasons }: { reasons: readonly LinkReason[] }) {
  if (reasons.length === 0) return <p className="ph-muted" style={{ marginLeft: 0 }}>{T.reasonsNone}</p>;
  return (
    <ul className="ph-reasons">
      {reasons.map((r, i) => (
        <li key={i} data-feature={r.feature}>
          {r.weight > 0 ? <Pill tone="green">{T.weightFor}</Pill> : r.weight < 0 ? <Pill tone="red">{T.weightAgainst}</Pill> : <Pill tone="gray">{T.weightNote}</Pill>}
          <span>{r.text}</span>
          {r.weight !== 0 ? <span className="ph-muted">{T.weight(formatWeight(r.weight))}</span> : null}
        </li>
      ))}
    </ul>
  );
}
