import { describe, expect, it } from 'vitest';
import { applyDecision, linkReviewKeys } from './link-review.queries';
import type { QueueItem, ReviewQueue } from './link-review.types';

const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) => JSON.stringify(key.slice(0, prefix.length)) === JSON.stringify(prefix);
const item = (id: string, project_no = 'HSAA20230102'): QueueItem => ({
  resource_type: 'petition', resource_id: id, project_no, project_name: null, project_district: null, status: 'suggested',
  method: 'linkage', score: 0.9, doubt: 0.1, reasons: [], passage: null, linker_version: 1, decision: null, decided_by: null,
  decided_at: null, resource_title: null,
});
const queue: ReviewQueue = { status: 'suggested', total: 23, page: 1, size: 20, items: [item('a'), item('b'), item('b', 'HSAA20230103')] };

describe('the links query keys and a decision’s effect on the queue', () => {
  it('nest every queue and every resource’s links under linkReviewKeys.all', () => {
    const q = linkReviewKeys.queue({ status: 'suggested', page: 2 });
    expect(startsWith(q, linkReviewKeys.queues())).toBe(true);
    expect(startsWith(q, linkReviewKeys.all)).toBe(true);
    expect(startsWith(linkReviewKeys.resource('petition', 'a'), linkReviewKeys.all)).toBe(true);
    expect(startsWith(linkReviewKeys.resource('petition', 'a'), linkReviewKeys.queues())).toBe(false);
  });

  it('takes a confirmed or rejected link out of the queue, and only that pair', () => {
    const after = applyDecision(queue, { resource_type: 'petition', resource_id: 'b', project_no: 'HSAA20230102', decision: 'confirm' }, '审核员');
    expect(after.items.map((i) => `${i.resource_id}:${i.project_no}`)).toEqual(['a:HSAA20230102', 'b:HSAA20230103']);
    expect(after.total).toBe(22);
    expect(applyDecision(queue, { resource_type: 'petition', resource_id: 'a', project_no: 'HSAA20230102', decision: 'reject' }, '审核员').items).toHaveLength(2);
  });

  it('keeps a link marked unsure in the queue, marked', () => {
    const after = applyDecision(queue, { resource_type: 'petition', resource_id: 'a', project_no: 'HSAA20230102', decision: 'unsure' }, '审核员');
    expect(after.items).toHaveLength(3);
    expect(after.total).toBe(23);
    expect(after.items[0]!.decision).toBe('unsure');
    expect(after.items[1]!.decision).toBeNull();
  });
});
