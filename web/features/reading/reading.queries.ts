/**
 * The reading pages' data through TanStack Query: one record of a type with its projects and
 * references. `readingKeys.type(t)` covers every record of a type, `readingKeys.all` all of them.
 */
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../common/api-client';
import { readingApiPath, type ReadingType } from '../common/record-links';
import type { Reading } from './reading.types';

export const readingKeys = {
  all: ['reading'] as const,
  type: (type: ReadingType) => [...readingKeys.all, type] as const,
  record: (type: ReadingType, id: string) => [...readingKeys.type(type), id] as const,
};

export function useReading(type: ReadingType, id: string) {
  return useQuery({
    queryKey: readingKeys.record(type, id),
    queryFn: ({ signal }) => apiGet<Reading>(readingApiPath(type, id), undefined, signal),
  });
}
