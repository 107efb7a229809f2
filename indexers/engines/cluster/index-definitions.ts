/**
 * Settings and mappings of the engine's indices, typed against the Elasticsearch client's
 * `estypes` (OpenSearch accepts the same JSON). `mappings/*.json` are these objects written out
 * for review (`node indexers/engines/cluster/write-mappings.ts`); a unit test keeps them equal.
 *
 * Tokens arrive from our own segmenter joined by spaces, so the only analysis the engine does is
 * whitespace splitting and lowercasing: no Chinese plugin on either engine.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { SearchType } from '../search-engine.ts';

export interface IndexDefinition {
  settings: estypes.IndicesIndexSettings;
  mappings: estypes.MappingTypeMapping;
}

/** Bumped when a mapping changes incompatibly (a reindex then builds indices with the new one). */
export const MAPPING_SCHEMA = 1;

const ANALYSIS: estypes.IndicesIndexSettingsAnalysis = {
  analyzer: {
    planhub_ws: { type: 'custom', tokenizer: 'whitespace', filter: ['lowercase'] },
    planhub_exact: { type: 'custom', tokenizer: 'keyword', filter: ['lowercase'] },
  },
};

/** How an index is spread over a cluster's nodes. */
export interface IndexLayout {
  shards: number;
  replicas: number;
}

/** One shard and no replica: a single node (more shards only pay off on more nodes). */
export const SINGLE_NODE: IndexLayout = { shards: 1, replicas: 0 };

const spread = (l: IndexLayout): estypes.IndicesIndexSettings => ({ number_of_shards: l.shards, number_of_replicas: l.replicas });

const keyword: estypes.MappingProperty = { type: 'keyword' };
/** Segmented tokens (jieba words or bigrams), joined by spaces before they get here. */
const tokens: estypes.MappingTextProperty = { type: 'text', analyzer: 'planhub_ws', similarity: 'BM25' };
const grams: estypes.MappingTextProperty = { ...tokens, index_options: 'positions' };
/** Kept for display and snippets only. */
const stored: estypes.MappingProperty = { type: 'text', index: false };

/** The search documents of one resource type (all types share the fields). */
export function docsIndexDefinition(type: SearchType, layout: IndexLayout = SINGLE_NODE): IndexDefinition {
  return {
    // Deletes keep no versioned tombstone (as a deleted row in PostgreSQL): a record removed and
    // imported again, or repaired by reconcile, is indexed at once whatever its new version.
    // Sorted by prior, best first: a tier's best candidates by prior (./candidate-search.ts) are
    // its first matches, and Lucene stops once it has them.
    settings: { ...spread(layout), gc_deletes: '0s', analysis: ANALYSIS, sort: { field: ['prior'], order: ['desc'] } },
    mappings: {
      dynamic: 'strict',
      _meta: { planhub_type: type, schema: MAPPING_SCHEMA },
      // The token fields are rebuilt from PostgreSQL, never read back: keep them out of _source.
      _source: { excludes: ['name_words', 'body_words', 'title_grams', 'body_grams'] },
      properties: {
        doc_id: keyword,
        type: keyword,
        resource_id: keyword,
        /** `type:id`: one record's passages (dedupe, replace, remove, counts). */
        resource_key: keyword,
        /** The first project's number, or resource_key when there is none (collapse per project). */
        project_key: keyword,
        passage: { type: 'integer' },
        version: { type: 'long' },
        title: stored,
        body: stored,
        date: { type: 'date', format: 'strict_date_optional_time||yyyy-MM-dd' },
        status: keyword,
        item: keyword,
        open: { type: 'boolean' },
        districts: keyword,
        project_nos: keyword,
        project_names: { type: 'keyword', store: true },
        builders: keyword,
        keys: keyword,
        name_words: tokens,
        body_words: tokens,
        title_grams: grams,
        body_grams: grams,
        prior: { type: 'float' },
      },
    },
  };
}

/** Type-ahead terms: a completion field over the text and over its pinyin forms. */
export function suggestIndexDefinition(layout: IndexLayout = SINGLE_NODE): IndexDefinition {
  const completion: estypes.MappingProperty = { type: 'completion', analyzer: 'planhub_exact', max_input_length: 100 };
  return {
    settings: { ...spread(layout), analysis: ANALYSIS },
    mappings: {
      dynamic: 'strict',
      _meta: { planhub_type: 'suggest', schema: MAPPING_SCHEMA },
      properties: {
        text: keyword,
        kind: keyword,
        ref: keyword,
        /** Shown, never searched. */
        detail: { type: 'keyword', index: false },
        pinyin: keyword,
        initials: keyword,
        /** Pinyin and initials from each inner word on, for prefix queries (`ggxx` in 武昌区某某街光谷小学…). */
        word_keys: keyword,
        weight: { type: 'float' },
        /** Characters in text: shorter names first at equal weight. */
        length: { type: 'integer' },
        complete_text: completion,
        complete_latin: completion,
      },
    },
  };
}

/** One document, `state`: which generation readers use and which one is being built. */
export function metaIndexDefinition(layout: IndexLayout = SINGLE_NODE): IndexDefinition {
  return {
    settings: spread(layout),
    mappings: { dynamic: false, _meta: { planhub_type: 'meta', schema: MAPPING_SCHEMA }, properties: {} },
  };
}

/** Every definition by the name of its file in mappings/. */
export function allIndexDefinitions(types: readonly SearchType[]): Record<string, IndexDefinition> {
  return {
    ...Object.fromEntries(types.map((t) => [t, docsIndexDefinition(t)])),
    suggest: suggestIndexDefinition(),
    meta: metaIndexDefinition(),
  };
}
