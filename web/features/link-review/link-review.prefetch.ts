/** The review queue's first page fetched on the server (see common/server-prefetch.ts). */
import { prefetched, serverGet } from '../common/server-prefetch';
import type { ReviewQueue } from './link-review.types';
import { linkReviewKeys } from './link-review.queries';
import { reviewApiParams, type ReviewState } from './review-state';

export function prefetchReviewQueue(state: ReviewState) {
  const params = reviewApiParams(state);
  return prefetched(async (client) => {
    await client.prefetchQuery({
      queryKey: linkReviewKeys.queue(params),
      queryFn: () => serverGet<ReviewQueue>('/api/links/review', { ...params }),
    });
  });
}
