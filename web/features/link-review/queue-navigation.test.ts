import { describe, expect, it } from 'vitest';
import { itemKey, landingAfterTurn, moveSelection, pageTurn, queueAction, resolveSelection, selectionAfterDecision } from './queue-navigation';

const keys = ['a', 'b', 'c'];

describe('moving through the review queue with the keyboard', () => {
  it('reads j/k and the arrows as moves, y/n/u as decisions, and leaves other keys and typing alone', () => {
    expect(queueAction({ key: 'j' })).toEqual({ move: 1 });
    expect(queueAction({ key: 'ArrowDown' })).toEqual({ move: 1 });
    expect(queueAction({ key: 'k' })).toEqual({ move: -1 });
    expect(queueAction({ key: 'ArrowUp' })).toEqual({ move: -1 });
    expect(queueAction({ key: 'y' })).toEqual({ decide: 'confirm' });
    expect(queueAction({ key: 'n' })).toEqual({ decide: 'reject' });
    expect(queueAction({ key: 'u' })).toEqual({ decide: 'unsure' });
    expect(queueAction({ key: 'x' })).toBeNull();
    expect(queueAction({ key: 'y', ctrlKey: true })).toBeNull();
    expect(queueAction({ key: 'n', metaKey: true })).toBeNull();
    expect(queueAction({ key: 'j', targetTag: 'input' })).toBeNull();
    expect(queueAction({ key: 'ArrowDown', targetTag: 'SELECT' })).toBeNull();
    expect(queueAction({ key: 'y', targetEditable: true })).toBeNull();
    expect(queueAction({ key: 'y', targetTag: 'BUTTON' })).toEqual({ decide: 'confirm' });
  });

  it('steps up and down, stopping at either end', () => {
    expect(moveSelection(keys, { key: 'a', index: 0 }, 1)).toEqual({ key: 'b', index: 1 });
    expect(moveSelection(keys, { key: 'c', index: 2 }, 1)).toEqual({ key: 'c', index: 2 });
    expect(moveSelection(keys, { key: 'a', index: 0 }, -1)).toEqual({ key: 'a', index: 0 });
    expect(moveSelection([], { key: null, index: 0 }, 1)).toEqual({ key: null, index: 0 });
  });

  it('finds the selected item by key, else the item now in its place, else the last', () => {
    expect(resolveSelection(keys, { key: 'c', index: 0 })).toBe(2);
    expect(resolveSelection(keys, { key: 'gone', index: 1 })).toBe(1);
    expect(resolveSelection(keys, { key: 'gone', index: 7 })).toBe(2);
    expect(resolveSelection([], { key: 'a', index: 0 })).toBe(-1);
  });

  it('goes on to the next item after a decision, whether the decided one leaves the queue or stays', () => {
    expect(selectionAfterDecision(keys, 'a', true)).toEqual({ key: 'b', index: 0 });
    expect(selectionAfterDecision(keys, 'a', false)).toEqual({ key: 'b', index: 1 });
    expect(selectionAfterDecision(keys, 'c', true)).toEqual({ key: 'b', index: 1 });
    expect(selectionAfterDecision(keys, 'c', false)).toEqual({ key: 'c', index: 2 });
    expect(selectionAfterDecision(['a'], 'a', true)).toEqual({ key: null, index: 0 });
    // The page's last item, with more behind it: the item the refetched page brings into its place.
    const more = selectionAfterDecision(keys, 'c', true, true);
    expect(more).toEqual({ key: null, index: 2 });
    expect(resolveSelection(['a', 'b', 'd'], more)).toBe(2);
    expect(selectionAfterDecision(keys, 'c', false, true)).toEqual({ key: 'c', index: 2 });
    // Once 'a' has left, the queue is [b, c] and the selection lands on b, in a's old place.
    const after = selectionAfterDecision(keys, 'a', true);
    expect(resolveSelection(['b', 'c'], after)).toBe(0);
    expect(resolveSelection(['c'], after)).toBe(0);
  });

  it('knows an item by its resource and project', () => {
    expect(itemKey({ resource_type: 'petition', resource_id: 'pet-1', project_no: 'HSAA20230102' })).toBe('petition:pet-1:HSAA20230102');
  });

  it('turns the page at either end when there is one, landing on its first item going on and its last coming back', () => {
    expect(pageTurn(19, 20, 1, 3, 1)).toBe(1);
    expect(pageTurn(18, 20, 1, 3, 1)).toBeNull();
    expect(pageTurn(19, 20, 3, 3, 1)).toBeNull();
    expect(pageTurn(0, 20, 2, 3, -1)).toBe(-1);
    expect(pageTurn(0, 20, 1, 3, -1)).toBeNull();
    expect(pageTurn(3, 20, 2, 3, -1)).toBeNull();
    expect(resolveSelection(keys, landingAfterTurn(1))).toBe(0);
    expect(resolveSelection(keys, landingAfterTurn(-1))).toBe(2);
  });
});
