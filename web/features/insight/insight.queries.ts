/**
 * 流程分析 through TanStack Query. Every answer comes from one cached run of the analysis, so
 * the run's `computed_at` is part of each key below the summary: when a new run is ready the
 * summary's `computed_at` changes and every list asks again, with no invalidation to forget.
 * The summary polls while a run is computing.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../common/api-client';
import { itemPath, type CaseParams, type DeviationParams } from './insight-state';
import type { Bottleneck, Deviation, InsightCase, InsightList, InsightPage, InsightSummary, ItemInsight, PairKind, StepPair } from './insight.types';

type Run = string | null;

export const insightKeys = {
  all: ['insight'] as const,
  summary: () => [...insightKeys.all, 'summary'] as const,
  run: (run: Run) => [...insightKeys.all, 'run', run] as const,
  item: (run: Run, item: string) => [...insightKeys.run(run), 'item', item] as const,
  bottlenecks: (run: Run, item: string) => [...insightKeys.run(run), 'bottlenecks', item] as const,
  pairs: (run: Run, kind: PairKind, item: string) => [...insightKeys.run(run), 'pairs', kind, item] as const,
  deviations: (run: Run, params: DeviationParams) => [...insightKeys.run(run), 'deviations', params] as const,
  cases: (run: Run, params: CaseParams) => [...insightKeys.run(run), 'cases', params] as const,
};

export const INSIGHT_PATHS = {
  summary: '/api/insight',
  refresh: '/api/insight/refresh',
  bottlenecks: '/api/insight/bottlenecks',
  pairs: '/api/insight/pairs',
  deviations: '/api/insight/deviations',
  cases: '/api/insight/cases',
} as const;

/** How often a computing run's progress is asked for. */
export const POLL_MS = 2_000;

export function useInsightSummary(enabled = true) {
  return useQuery({
    queryKey: insightKeys.summary(),
    queryFn: ({ signal }) => apiGet<InsightSummary>(INSIGHT_PATHS.summary, undefined, signal),
    refetchInterval: (query) => (query.state.data?.status === 'computing' ? POLL_MS : false),
    enabled,
  });
}

export const useItemInsight = (run: Run, item: string | null) =>
  useQuery({
    queryKey: insightKeys.item(run, item ?? ''),
    queryFn: ({ signal }) => apiGet<ItemInsight>(itemPath(item!), undefined, signal),
    enabled: item !== null,
  });

export const useBottlenecks = (run: Run, item: string | null) =>
  useQuery({
    queryKey: insightKeys.bottlenecks(run, item ?? ''),
    queryFn: ({ signal }) => apiGet<InsightList<Bottleneck>>(INSIGHT_PATHS.bottlenecks, { item }, signal),
    enabled: item !== null,
  });

export const usePairs = (run: Run, kind: PairKind, item: string | null) =>
  useQuery({
    queryKey: insightKeys.pairs(run, kind, item ?? ''),
    queryFn: ({ signal }) => apiGet<InsightList<StepPair>>(INSIGHT_PATHS.pairs, { kind, item }, signal),
    enabled: item !== null,
  });

export const useDeviations = (run: Run, params: DeviationParams | null) =>
  useQuery({
    queryKey: insightKeys.deviations(run, params!),
    queryFn: ({ signal }) => apiGet<InsightPage<Deviation>>(INSIGHT_PATHS.deviations, params!, signal),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });

export const useCases = (run: Run, params: CaseParams | null) =>
  useQuery({
    queryKey: insightKeys.cases(run, params!),
    queryFn: ({ signal }) => apiGet<InsightPage<InsightCase>>(INSIGHT_PATHS.cases, params!, signal),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });

/** 重新分析: starts a run (or joins the one running); the summary then polls until it is done. */
export function useRefreshInsight() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<{ status: string }>(INSIGHT_PATHS.refresh, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: insightKeys.summary() }),
  });
}
