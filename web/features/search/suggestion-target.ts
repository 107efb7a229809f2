/** Where choosing a type-ahead entry leads: a project's 360 view, a regulation's page, or a search. */
import { projectHref, recordHref } from '../common/record-links';
import { searchHref } from './search-state';
import type { Suggestion } from './search.types';

export function suggestionTarget(s: Pick<Suggestion, 'kind' | 'ref' | 'text'>): string {
  switch (s.kind) {
    case 'project':
      return projectHref(s.ref);
    case 'regulation':
      return recordHref('regulation', s.ref);
    case 'builder':
      return searchHref({ q: s.ref, type: 'project' });
    case 'place':
      return searchHref({ q: s.ref });
  }
}
