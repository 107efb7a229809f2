import { describe, expect, it } from 'vitest';
import { searchKeys, suggestText } from './search.queries';

describe('search query keys', () => {
  it('put every search and suggestion under searchKeys.all, so one invalidation covers them', () => {
    const results = searchKeys.results({ q: '青山', size: 20 });
    const suggestions = searchKeys.suggestions('qs');
    expect(results.slice(0, 1)).toEqual([...searchKeys.all]);
    expect(suggestions.slice(0, 1)).toEqual([...searchKeys.all]);
    expect(results).not.toEqual(suggestions);
  });

  it('tell searches apart by every parameter', () => {
    expect(searchKeys.results({ q: '青山', size: 20 })).toEqual(searchKeys.results({ q: '青山', size: 20 }));
    expect(searchKeys.results({ q: '青山', size: 20 })).not.toEqual(searchKeys.results({ q: '青山', size: 20, page: 2 }));
  });

  it('ask type-ahead for the trimmed text, at most 50 characters', () => {
    expect(suggestText('  qstygy ')).toBe('qstygy');
    expect(suggestText('青'.repeat(80))).toHaveLength(50);
  });
});
