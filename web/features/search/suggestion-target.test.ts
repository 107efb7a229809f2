import { describe, expect, it } from 'vitest';
import { recordHref } from '../common/record-links';
import { suggestionTarget } from './suggestion-target';

describe('where a type-ahead entry leads', () => {
  it('opens a project in its 360 view and a regulation on its reading page', () => {
    expect(suggestionTarget({ kind: 'project', ref: 'QSAA20160020', text: '青山体育公园' })).toBe('/projects/QSAA20160020');
    expect(suggestionTarget({ kind: 'regulation', ref: 'reg-001', text: '武汉市城乡规划条例' })).toBe('/regulations/reg-001');
  });

  it('searches a builder among projects and a place everywhere', () => {
    expect(suggestionTarget({ kind: 'builder', ref: '武汉地产集团', text: '武汉地产集团' })).toBe(`/search?q=${encodeURIComponent('武汉地产集团')}&type=project`);
    expect(suggestionTarget({ kind: 'place', ref: '青山区', text: '青山区' })).toBe(`/search?q=${encodeURIComponent('青山区')}`);
  });

  it('links records with the query along, and encodes ids', () => {
    expect(recordHref('document', 'doc 1/2', ' 青山 ')).toBe(`/documents/doc%201%2F2?q=${encodeURIComponent('青山')}`);
    expect(recordHref('petition', 'pet-1')).toBe('/petitions/pet-1');
    expect(recordHref('project', 'HSAA20160001', 'x')).toBe('/projects/HSAA20160001');
  });
});
