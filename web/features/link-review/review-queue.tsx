'use client';
/**
 * The queue of suggested links, best first: each a button (the resource, the candidate project,
 * the probability). The selected one is `aria-current`; the page moves focus to it when the
 * keyboard or a decision moves the selection.
 */
import type { RefObject } from 'react';
import { Pill } from '../common/pill';
import { formatPercent } from '../projects/link-status';
import type { QueueItem } from './link-review.types';
import { itemKey } from './queue-navigation';
import { LINK_REVIEW_TEXTS } from './texts';

const T = LINK_REVIEW_TEXTS;

export function ReviewQueueList({ items, selected, onSelect, itemRefs }: {
  items: readonly QueueItem[];
  selected: number;
  onSelect: (index: number) => void;
  /** The buttons by item key, for moving focus. */
  itemRefs: RefObject<Map<string, HTMLButtonElement>>;
}) {
  return (
    <ol className="ph-review-queue" aria-label={T.queueLabel}>
      {items.map((item, i) => {
        const key = itemKey(item);
        return (
          <li key={key}>
            <button
              type="button"
              className="ph-review-item"
              aria-current={i === selected ? 'true' : undefined}
              data-key={key}
              ref={(el) => {
                if (el) itemRefs.current.set(key, el);
                else itemRefs.current.delete(key);
              }}
              onClick={() => onSelect(i)}
            >
              <span className="ph-review-item-title">
                <Pill tone="gray">{T.types[item.resource_type]}</Pill>
                {item.resource_title ?? T.untitled}
              </span>
              <span className="ph-review-item-project">
                → {item.project_name ?? item.project_no}
                {item.project_district ? `（${item.project_district}）` : ''}
              </span>
              <span className="ph-review-item-score">
                {T.score} {formatPercent(item.score)}
                {item.decision === 'unsure' ? <Pill tone="gold" style={{ marginLeft: 6 }}>{T.unsureTag}</Pill> : null}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
