import { describe, expect, it } from 'vitest';
import { formatPercent, LINK_STATUS_LABELS, linksByResource, suggestedLinks } from './link-status';
import type { LinkedResource } from './project.types';

const link = (id: string, o: Partial<LinkedResource> = {}): LinkedResource => ({
  resource_type: 'petition', resource_id: id, title: null, status: 'auto', method: 'linkage', score: 0.9, doubt: 0.1, ...o,
});

describe('a link’s standing on the 360 view', () => {
  it('words the four statuses as the bureau does', () => {
    expect(LINK_STATUS_LABELS).toEqual({ declared: '记录自带', auto: '自动关联', suggested: '待审核', confirmed: '人工确认' });
  });

  it('writes a probability as a percentage with at most one decimal, never 100% unless certain', () => {
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.977401)).toBe('97.7%');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(0.99996)).toBe('99.9%');
    expect(formatPercent(0.00001)).toBe('0.1%');
    expect(formatPercent(0)).toBe('0%');
  });

  it('finds a hit’s link by type and id, and lists the suggestions of a type in the API’s order', () => {
    const links = [link('a'), link('b', { status: 'suggested', score: 0.8 }), link('c', { resource_type: 'meeting', status: 'suggested' }), link('d', { status: 'suggested', score: 0.6 })];
    expect(linksByResource(links).get('petition:a')?.status).toBe('auto');
    expect(linksByResource(links).get('meeting:a')).toBeUndefined();
    expect(suggestedLinks(links, null).map((l) => l.resource_id)).toEqual(['b', 'c', 'd']);
    expect(suggestedLinks(links, 'petition').map((l) => l.resource_id)).toEqual(['b', 'd']);
    expect(suggestedLinks(links, 'approval')).toEqual([]);
  });
});
