/** The public inquiry service for tests that build the app by hand (the runtime builds it beside `search`). */
import type { SearchReader } from '../../indexers/engines/search-engine.ts';
import { createSegmenter } from '../../indexers/segment/segmenter.ts';
import type { Queryable } from '../../services/db/db.ts';
import { createPublicService } from '../../services/public/public.service.ts';
import { publicStore } from '../../services/public/public.store.ts';
import { createSearchService } from '../../services/search/search.service.ts';

/** Finds names through `engine`'s project search, as `openRuntime` wires it. */
export const publicInquiry = (db: Queryable, engine: SearchReader) =>
  createPublicService({ db, store: publicStore, search: createSearchService({ engine, segmenter: createSegmenter() }) });
