/** A reading page's record fetched on the server (see common/server-prefetch.ts). */
import { readingApiPath, type ReadingType } from '../common/record-links';
import { prefetched, serverGet } from '../common/server-prefetch';
import { readingKeys } from './reading.queries';
import type { Reading } from './reading.types';

export function prefetchReading(type: ReadingType, id: string) {
  return prefetched(async (client) => {
    await client.prefetchQuery({ queryKey: readingKeys.record(type, id), queryFn: () => serverGet<Reading>(readingApiPath(type, id)) });
  });
}
