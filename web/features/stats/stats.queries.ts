/**
 * 统计 through TanStack Query: one query per table or chart, keyed by its API parameters.
 * `statsKeys.all` covers every figure and drill-down.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '../common/api-client';
import type { DrillApiParams } from './drill-down';
import type { CertificateParams, HandlingParams, OverdueParams } from './stats-state';
import type { CertificatesAnswer, HandlingAnswer, OverdueAnswer, ProjectsAnswer, ProjectsBy, StatsApprovalsPage } from './stats.types';

export const statsKeys = {
  all: ['stats'] as const,
  handling: (params: HandlingParams) => [...statsKeys.all, 'handling', params] as const,
  certificates: (params: CertificateParams) => [...statsKeys.all, 'certificates', params] as const,
  projects: (by: ProjectsBy) => [...statsKeys.all, 'projects', by] as const,
  overdue: (params: OverdueParams) => [...statsKeys.all, 'overdue', params] as const,
  approvals: (params: DrillApiParams) => [...statsKeys.all, 'approvals', params] as const,
};

export const statsPath = (what: 'handling' | 'certificates' | 'projects' | 'overdue' | 'approvals') => `/api/stats/${what}`;

/** Changing a selector keeps the previous figures shown (dimmed) until the new ones come. */
const keep = { placeholderData: keepPreviousData } as const;

export const useHandling = (params: HandlingParams) =>
  useQuery({ queryKey: statsKeys.handling(params), queryFn: ({ signal }) => apiGet<HandlingAnswer>(statsPath('handling'), params, signal), ...keep });

export const useCertificates = (params: CertificateParams) =>
  useQuery({ queryKey: statsKeys.certificates(params), queryFn: ({ signal }) => apiGet<CertificatesAnswer>(statsPath('certificates'), params, signal), ...keep });

export const useProjects = (by: ProjectsBy) =>
  useQuery({ queryKey: statsKeys.projects(by), queryFn: ({ signal }) => apiGet<ProjectsAnswer>(statsPath('projects'), { by }, signal) });

export const useOverdue = (params: OverdueParams) =>
  useQuery({ queryKey: statsKeys.overdue(params), queryFn: ({ signal }) => apiGet<OverdueAnswer>(statsPath('overdue'), params, signal), ...keep });

export const useStatsApprovals = (params: DrillApiParams) =>
  useQuery({ queryKey: statsKeys.approvals(params), queryFn: ({ signal }) => apiGet<StatsApprovalsPage>(statsPath('approvals'), params, signal), ...keep });
