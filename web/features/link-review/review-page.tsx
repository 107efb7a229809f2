'use client';
/**
 * 关联审核: the queue of suggested links (filters in the URL) beside the selected one's evidence,
 * decided with buttons or the keyboard (j/k or ↑/↓ move, y confirm, n reject, u unsure). After a
 * decision the selection and focus go on to the next item; decided items leave the queue. A step
 * past either end of the page turns it.
 */
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useMemo, useRef, useState, useTransition } from 'react';
import { formatNumber } from '../common/format';
import { Pager } from '../common/pager';
import { describeError } from '../common/describe-error';
import { EmptyState, ErrorState, Loading, Notice } from '../common/states';
import type { Decision, QueueItem } from './link-review.types';
import { useDecide, useReviewQueue } from './link-review.queries';
import {
  itemKey, landingAfterTurn, moveSelection, pageTurn, queueAction, resolveSelection, selectionAfterDecision, type Selection,
} from './queue-navigation';
import { ReviewDetail } from './review-detail';
import { ReviewFilters } from './review-filters';
import { ReviewQueueList } from './review-queue';
import { parseReviewState, reviewApiParams, reviewHref, type ReviewState } from './review-state';
import { LINK_REVIEW_TEXTS } from './texts';

const T = LINK_REVIEW_TEXTS;
/** Who decides, until the access issue adds login and the API takes the signed-in person instead. */
const FIRST: Selection = { key: null, index: 0 };

/** A decision that did not land: the item stays in the queue, and this says why. */
function DecisionError({ error }: { error: unknown }) {
  const { title, detail } = describeError(error);
  return <Notice tone="error" title={`${T.decideFailed}：${title}`}>{detail}</Notice>;
}

export function ReviewPage() {
  const router = useRouter();
  const params = useSearchParams();
  const state = useMemo(() => parseReviewState(new URLSearchParams(params.toString())), [params]);
  const queue = useReviewQueue(reviewApiParams(state));
  const decide = useDecide();
  const [navigating, startNavigation] = useTransition();
  const [selection, setSelection] = useState<Selection>(FIRST);
  const [announcement, setAnnouncement] = useState('');
  const itemRefs = useRef(new Map<string, HTMLButtonElement>());
  /** Set when the keyboard or a decision moved the selection: focus follows it on the next render. */
  const focusSelected = useRef(false);

  const items = useMemo(() => queue.data?.items ?? [], [queue.data]);
  const keys = useMemo(() => items.map(itemKey), [items]);
  const index = resolveSelection(keys, selection);
  const current: QueueItem | undefined = items[index];

  const pages = queue.data ? Math.ceil(queue.data.total / queue.data.size) : 1;
  /** Where the selection lands when the page changes: the first item, or the last when k turned back. */
  const landing = useRef<Selection>(FIRST);
  /** Set for the commit in which the page changed: its selection is the old page's until the landing renders. */
  const settling = useRef(false);
  const href = reviewHref(state);
  useEffect(() => {
    setSelection({ ...landing.current });
    landing.current = FIRST;
    settling.current = true;
  }, [href]);

  useEffect(() => {
    if (settling.current) {
      settling.current = false;
      return;
    }
    // Not while a page is being turned to, nor while the old page stands in for it, nor before a
    // decision has landed: the buttons there are about to go.
    if (!focusSelected.current || !current || navigating || decide.isPending || queue.isPlaceholderData) return;
    // Known only by its place (the next page's first item, coming up): wait for the queue to arrive.
    if (selection.key === null && queue.isFetching) return;
    focusSelected.current = false;
    itemRefs.current.get(itemKey(current))?.focus();
  });

  const go = (patch: Partial<ReviewState>) => startNavigation(() => router.replace(reviewHref({ ...state, page: 1, ...patch }), { scroll: false }));

  function decideCurrent(decision: Decision) {
    if (!current) return;
    const input = { resource_type: current.resource_type, resource_id: current.resource_id, project_no: current.project_no, decision };
    const title = current.resource_title ?? T.untitled;
    decide.mutate(input, { onSuccess: () => setAnnouncement(T.decided(T.decisions[decision], title)) });
    const more = queue.data !== undefined && state.page * queue.data.size < queue.data.total;
    setSelection(selectionAfterDecision(keys, itemKey(current), decision !== 'unsure', more));
    focusSelected.current = true;
  }

  // The listener reads the latest render's state through this ref.
  const onKey = useRef<(e: KeyboardEvent) => void>(() => undefined);
  onKey.current = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement | null;
    const action = queueAction({
      key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey,
      targetTag: target?.tagName, targetEditable: target?.isContentEditable,
    });
    if (!action || keys.length === 0) return;
    e.preventDefault();
    if ('move' in action) {
      focusSelected.current = true;
      const turn = pageTurn(index, keys.length, state.page, pages, action.move);
      if (turn) {
        landing.current = landingAfterTurn(turn);
        go({ page: state.page + turn });
      } else {
        setSelection(moveSelection(keys, { key: current ? itemKey(current) : null, index }, action.move));
      }
    } else {
      decideCurrent(action.decide);
    }
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <article className="ph-review">
      <h1 className="ph-page-title">{T.pageTitle}</h1>
      <p className="ph-muted" style={{ marginLeft: 0 }}>{T.intro}</p>
      <p className="ph-muted ph-review-keys" style={{ marginLeft: 0 }}>{T.keys}</p>
      <ReviewFilters state={state} onChange={go} />
      <p role="status" aria-live="polite" className="ph-summary ph-review-status">
        {queue.data ? T.total(formatNumber(queue.data.total)) : null}
        {announcement ? <span className="ph-review-announcement">{announcement}</span> : null}
      </p>
      {decide.isError ? <DecisionError error={decide.error} /> : null}
      {queue.isPending ? <Loading /> : null}
      {queue.isError ? <ErrorState error={queue.error} onRetry={() => void queue.refetch()} /> : null}
      {queue.data && !queue.isError ? (
        items.length === 0 ? (
          <EmptyState>{T.empty}</EmptyState>
        ) : (
          <div className={`ph-review-layout${navigating || queue.isPlaceholderData ? ' ph-pending' : ''}`} aria-busy={navigating || queue.isFetching}>
            <div className="ph-review-left">
              <ReviewQueueList
                items={items}
                selected={index}
                itemRefs={itemRefs}
                onSelect={(i) => setSelection({ key: keys[i] ?? null, index: i })}
              />
              <Pager
                page={state.page}
                pages={pages}
                href={(page) => reviewHref({ ...state, page })}
                scroll={false}
              />
            </div>
            {current ? <ReviewDetail item={current} onDecide={decideCurrent} /> : <EmptyState>{T.selectHint}</EmptyState>}
          </div>
        )
      ) : null}
    </article>
  );
}
