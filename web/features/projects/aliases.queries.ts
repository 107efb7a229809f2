/**
 * A project's aliases (`/api/projects/:no/aliases`) through TanStack Query, under the project's
 * key: adding or removing one refreshes the 360 view and its recommendations.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiDelete, apiGet, apiPost } from '../common/api-client';
import { projectKeys } from './project.queries';

export interface AliasRow {
  alias: string;
  note: string | null;
  added_by: string;
  added_at: string;
}

export interface ProjectAliases {
  project_no: string;
  record_names: string[];
  aliases: AliasRow[];
}

export interface AliasAdded {
  alias: string;
  added: boolean;
  shared_with: string[];
}

export const aliasKeys = { of: (projectNo: string) => [...projectKeys.detail(projectNo), 'aliases'] as const };

const path = (projectNo: string) => `/api/projects/${encodeURIComponent(projectNo)}/aliases`;

export function useAliases(projectNo: string) {
  return useQuery({ queryKey: aliasKeys.of(projectNo), queryFn: ({ signal }) => apiGet<ProjectAliases>(path(projectNo), undefined, signal) });
}

export function useAliasChanges(projectNo: string) {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: projectKeys.detail(projectNo) });
  const add = useMutation({
    mutationFn: (input: { alias: string }) => apiPost<AliasAdded>(path(projectNo), input),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (input: { alias: string }) => apiDelete<unknown>(path(projectNo), input),
    onSuccess: refresh,
  });
  return { add, remove };
}
