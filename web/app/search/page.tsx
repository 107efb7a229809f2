/**
 * 搜索 with its state in the URL: /search?q=…&type=…&district=…&page=…, its first results
 * rendered on the server. No Suspense boundary: the page is dynamic, so its client parts render
 * with it, and a streamed boundary would be revealed only after React's reveal throttling.
 */
import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { SearchPage } from '../../features/search/search-page';
import { prefetchSearch } from '../../features/search/search.prefetch';
import { parseSearchState } from '../../features/search/search-state';

export const metadata: Metadata = { title: '检索' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Search({ searchParams }: Props) {
  const state = parseSearchState(await searchParams);
  return (
    <HydrationBoundary state={await prefetchSearch(state)}>
      <SearchPage />
    </HydrationBoundary>
  );
}
