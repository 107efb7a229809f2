/** 关联审核: /links/review?type=…&district=…&band=…&page=…, the queue of suggested links, its first page rendered on the server. */
import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { ReviewPage } from '../../../features/link-review/review-page';
import { prefetchReviewQueue } from '../../../features/link-review/link-review.prefetch';
import { parseReviewState } from '../../../features/link-review/review-state';
import './link-review.css';

export const metadata: Metadata = { title: '关联审核' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LinkReview({ searchParams }: Props) {
  const state = parseReviewState(await searchParams);
  return (
    <HydrationBoundary state={await prefetchReviewQueue(state)}>
      <ReviewPage />
    </HydrationBoundary>
  );
}
