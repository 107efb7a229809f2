/**
 * The links API through TanStack Query. `linkReviewKeys.all` covers the review queue (every
 * filter and page) and each resource's links, so a decision refreshes them with one invalidation;
 * the project's 360 view is refreshed through `projectKeys.detail`.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../common/api-client';
import { projectKeys } from '../projects/project.queries';
import type { DecisionInput, DecisionResult, LinkType, ReviewQueue, ResourceLinks } from './link-review.types';
import { itemKey } from './queue-navigation';
import type { ReviewApiParams } from './review-state';

export const linkReviewKeys = {
  all: ['links'] as const,
  queues: () => [...linkReviewKeys.all, 'queue'] as const,
  queue: (params: ReviewApiParams) => [...linkReviewKeys.queues(), params] as const,
  resource: (type: LinkType, id: string) => [...linkReviewKeys.all, 'resource', type, id] as const,
};

export function useReviewQueue(params: ReviewApiParams) {
  return useQuery({
    queryKey: linkReviewKeys.queue(params),
    queryFn: ({ signal }) => apiGet<ReviewQueue>('/api/links/review', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useResourceLinks(type: LinkType, id: string) {
  return useQuery({
    queryKey: linkReviewKeys.resource(type, id),
    queryFn: ({ signal }) => apiGet<ResourceLinks>('/api/links', { resource_type: type, resource_id: id }, signal),
  });
}

/** The queues as they stand once `input` is recorded (by `decidedBy`, the signed-in user the API names): a confirmed or rejected link has left; one marked unsure stays, marked. */
export function applyDecision(queue: ReviewQueue, input: DecisionInput, decidedBy: string | null): ReviewQueue {
  const key = itemKey(input);
  if (input.decision === 'unsure') {
    return { ...queue, items: queue.items.map((i) => (itemKey(i) === key ? { ...i, decision: 'unsure', decided_by: decidedBy } : i)) };
  }
  const items = queue.items.filter((i) => itemKey(i) !== key);
  return { ...queue, items, total: queue.total - (queue.items.length - items.length) };
}

function afterDecision(client: QueryClient, input: DecisionInput, decidedBy: string | null) {
  client.setQueriesData<ReviewQueue>({ queryKey: linkReviewKeys.queues() }, (q) => (q ? applyDecision(q, input, decidedBy) : q));
  void client.invalidateQueries({ queryKey: linkReviewKeys.all });
  void client.invalidateQueries({ queryKey: projectKeys.detail(input.project_no) });
}

export function useDecide() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DecisionInput) => apiPost<DecisionResult>('/api/links/decision', input),
    onSuccess: (result, input) => afterDecision(client, input, result.link.decided_by),
  });
}
