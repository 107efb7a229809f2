/**
 * Moving through the review queue with the keyboard: which key does what, where the selection
 * goes, and where it lands after a decision (on the next item, which takes the decided one's
 * place once the queue is fetched again). Pure.
 */
import type { Decision } from './link-review.types';

export type QueueAction = { move: 1 | -1 } | { decide: Decision };

const ACTIONS: Record<string, QueueAction> = {
  j: { move: 1 }, ArrowDown: { move: 1 },
  k: { move: -1 }, ArrowUp: { move: -1 },
  y: { decide: 'confirm' }, n: { decide: 'reject' }, u: { decide: 'unsure' },
};

export interface KeyInfo {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The focused element's tag and role: keys typed into a field or a list box are theirs. */
  targetTag?: string;
  targetEditable?: boolean;
}

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

/** The queue's action for a key press, or null when the key is not ours (a shortcut, typing in a field). */
export function queueAction(e: KeyInfo): QueueAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.targetEditable || TYPING.has((e.targetTag ?? '').toUpperCase())) return null;
  return ACTIONS[e.key] ?? null;
}

/** The selection: the item's key, and its place, for when the item has left the queue. */
export interface Selection {
  key: string | null;
  index: number;
}

/** Where the selection is in the queue now: its item, else the item now in its place, else the last. */
export function resolveSelection(keys: readonly string[], sel: Selection): number {
  if (keys.length === 0) return -1;
  const at = sel.key === null ? -1 : keys.indexOf(sel.key);
  if (at >= 0) return at;
  return Math.min(Math.max(sel.index, 0), keys.length - 1);
}

/** One step up or down, stopping at either end. */
export function moveSelection(keys: readonly string[], sel: Selection, step: 1 | -1): Selection {
  if (keys.length === 0) return { key: null, index: 0 };
  const index = Math.min(Math.max(resolveSelection(keys, sel) + step, 0), keys.length - 1);
  return { key: keys[index]!, index };
}

/**
 * After deciding on `decided`: the next item. A confirmed or rejected link leaves the queue (its
 * place goes to the next item); one marked unsure stays. After the page's last item the next is
 * the one the next page brings up (`more`), known only by its place; else the one before.
 */
export function selectionAfterDecision(keys: readonly string[], decided: string, leaves: boolean, more = false): Selection {
  const at = keys.indexOf(decided);
  if (at < 0) return { key: keys[0] ?? null, index: 0 };
  const next = keys[at + 1];
  // Once the decided item has left, the next one stands where it stood.
  if (next !== undefined) return { key: next, index: leaves ? at : at + 1 };
  if (!leaves) return { key: decided, index: at };
  if (more) return { key: null, index: at };
  return { key: keys[at - 1] ?? null, index: Math.max(at - 1, 0) };
}

/** The key an item is known by in the queue. */
export const itemKey = (l: { resource_type: string; resource_id: string; project_no: string }) =>
  `${l.resource_type}:${l.resource_id}:${l.project_no}`;

/** A step past either end of the page turns it, when there is a page there. */
export function pageTurn(index: number, length: number, page: number, pages: number, step: 1 | -1): 1 | -1 | null {
  if (step === 1 && index >= length - 1 && page < pages) return 1;
  if (step === -1 && index <= 0 && page > 1) return -1;
  return null;
}

/** Where the selection lands on a page turned to: its first item going on, its last coming back. */
export const landingAfterTurn = (step: 1 | -1): Selection => (step === 1 ? { key: null, index: 0 } : { key: null, index: Number.MAX_SAFE_INTEGER });
