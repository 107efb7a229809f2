/**
 * Search and type-ahead through TanStack Query. Keys are hierarchical (`searchKeys.all` covers
 * every search), so one invalidation refreshes them all.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '../common/api-client';
import type { SearchApiParams } from './search-state';
import type { SearchResponse, Suggestion } from './search.types';

export const searchKeys = {
  all: ['search'] as const,
  results: (params: SearchApiParams) => [...searchKeys.all, 'results', params] as const,
  suggestions: (q: string) => [...searchKeys.all, 'suggest', q] as const,
};

export function useSearch(params: SearchApiParams | null) {
  return useQuery({
    queryKey: searchKeys.results(params ?? { size: 0 }),
    queryFn: ({ signal }) => apiGet<SearchResponse>('/api/search', { ...params }, signal),
    enabled: params !== null,
    // Paging and switching tabs keep the old page on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });
}

/** The text to ask type-ahead for: trimmed, and nothing for an empty box. */
export const suggestText = (q: string) => q.trim().slice(0, 50);

export function useSuggestions(q: string) {
  const text = suggestText(q);
  return useQuery({
    queryKey: searchKeys.suggestions(text),
    queryFn: ({ signal }) => apiGet<{ items: Suggestion[] }>('/api/suggest', { q: text, size: 8 }, signal),
    enabled: text.length > 0,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}
