/**
 * What the services search and index through, in three parts (reading, writing, generation
 * admin) so that each takes only what it uses. Documents arrive already segmented (see
 * `../segment/`), so every engine indexes the same tokens and needs no Chinese plugin.
 * PostgreSQL full-text search is the first engine; OpenSearch and Elasticsearch implement the
 * same interfaces, and the contract suite in tests/ runs against each one that is available.
 */

export const SEARCH_TYPES = ['approval', 'document', 'meeting', 'petition', 'regulation', 'project', 'credit'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** Documents already turned into an engine's write payload by its `encoder` module. */
export interface EncodedDocs {
  encoded: unknown;
}

/** One indexed unit: a record, or one passage of a long record. */
export interface SearchDoc {
  /** `${type}:${resourceId}` or `${type}:${resourceId}#${passage}`. */
  docId: string;
  type: SearchType;
  resourceId: string;
  passage: number;
  /** The record's version in PostgreSQL: an older version never overwrites a newer one. */
  version: number;
  title: string;
  /** The passage's text (normalized), for snippets. */
  body: string;
  date: string | null;
  status: string | null;
  item: string | null;
  /** Still being handled (an open case, a pending petition); ranks a little higher. */
  open: boolean;
  districts: string[];
  projectNos: string[];
  projectNames: string[];
  builders: string[];
  /** Exact keys: project numbers, canonical 文号, letter and certificate numbers, whole titles and names. */
  keys: string[];
  /** jieba words of the title and the project names (the small, heavy field). */
  nameWords: string[];
  /** jieba words of the passage. */
  bodyWords: string[];
  /** Dictionary-free character bigrams of the title and of the passage, in text order. */
  titleGrams: string[];
  bodyGrams: string[];
  /** A static prior in [0, 1]: type, openness and recency; breaks ties and orders huge matches. */
  prior: number;
}

/** A query as the analyzer prepared it (normalized, segmented, keys pulled out). */
export interface AnalyzedQuery {
  raw: string;
  normalized: string;
  words: string[];
  /** The bigrams of each CJK/latin run of the query, in order: each run is a phrase. */
  phrases: string[][];
  keys: string[];
  /** The identifiers in the query (文号, project and letter numbers), canonical: a subset of `keys`, highlighted whole. */
  identifiers: string[];
  /**
   * The query's words with their synonyms: every group must match (AND); a group matches when
   * one of its alternatives does (OR); an alternative is words that must all be there (AND).
   * Plain words are groups of one alternative of one word: `[[['光谷']], [['公租房'], ['公共', '租赁', '住房']]]`.
   */
  wordGroups: string[][][];
  /**
   * The word groups again, each alternative as its words' bigrams (./word-grams.ts), one entry per
   * group (`[]` for a group of lone characters). When present, the characters tier requires these
   * rather than every bigram of the query, so words spread over a name, its builder and its
   * address, or cut differently there, still match. Absent: every bigram (the plain analysis).
   */
  gramGroups?: string[][][];
}

export interface SearchFilters {
  type?: SearchType;
  /** A district's short name (洪山); engines match every form documents hold it under (indexers/districts.ts). */
  district?: string;
  item?: string;
  status?: string;
  from?: string;
  to?: string;
  project?: string;
}

export interface SearchRequest {
  query: AnalyzedQuery;
  filters: SearchFilters;
  /** 0-based offset and page size; the service bounds both. */
  offset: number;
  size: number;
  sort: 'relevance' | 'date';
  /** One hit per project (the best), for a project-by-project overview. */
  collapse: boolean;
  /**
   * The fallback tier (./partial-match.ts): when fewer records than the page needs
   * match every term, those holding most of them fill it. On unless false.
   */
  partial?: boolean;
  /**
   * Word groups no record holds, when the rest of the query names two held groups or more
   * (./partial-match.ts unheldGroups): 'weigh' (the default) counts them for nothing in the
   * partial tier; 'report' returns them as `unheld` instead of running it, for the caller to
   * search again without them (services/search does).
   */
  unheld?: 'weigh' | 'report';
  /**
   * false: the caller shows the hits only, so an engine may leave `total` and `counts` at zero
   * rather than count (PostgreSQL does: a search again without unheld words shows the first
   * search's counts, and counting beside the tiers competed with them for the CPU).
   */
  counts?: boolean;
  /**
   * What a search of this same query (with `unheld: 'report'`) already found: no record matches
   * it whole, and no record holds these word groups (its `unheld`). An engine may skip the complete
   * tiers and the lookups that told it so (PostgreSQL does); the others search as usual.
   */
  known?: { unheld: readonly string[][][] };
}

export interface SearchHit {
  type: SearchType;
  id: string;
  passage: number;
  title: string;
  body: string;
  date: string | null;
  status: string | null;
  projectNos: string[];
  projectNames: string[];
  score: number;
  /**
   * Why it matched best: an exact key, the title, a phrase in the text, words, characters, or
   * (the fallback when no record holds every term) part of the query's word groups.
   */
  matched: 'key' | 'title' | 'phrase' | 'words' | 'chars' | 'partial';
  /** For a partial match: the groups it lacks, each written as its first alternative. */
  missing?: string[];
}

export interface SearchResult {
  total: number;
  /** True when `total` (and some counts) are estimates beyond the exact-count cap. */
  totalIsEstimate: boolean;
  counts: Partial<Record<SearchType, number>>;
  hits: SearchHit[];
  /** With `unheld: 'report'`: the query's word groups no record holds (the partial tier did not run). */
  unheld?: string[][][];
}

export type SuggestionKind = 'project' | 'builder' | 'place' | 'regulation';

/** A type-ahead entry as the engines store and return it. */
export interface Suggestion {
  text: string;
  kind: SuggestionKind;
  /** What it names: a project's number, a regulation's id, a builder's or a place's own name. */
  ref: string;
  /** What tells it from entries of the same text (`洪山 · HSAA20190012`); null when nothing needs to. */
  detail: string | null;
}

/** An entry as written: its pinyin forms for latin prefixes, and a weight that orders matches. */
export interface SuggestionTerm extends Suggestion {
  pinyin: string;
  initials: string;
  /**
   * The pinyin and the initials of the text from each of its inner words on (光谷小学新建工程 in
   * a longer name: `guangguxiaoxue…`, `ggxx…`), so that a prefix typed from inside a name finds it;
   * ranked below matches of the whole. None when absent.
   */
  wordKeys?: string[];
  weight: number;
}

export interface IndexedVersion {
  type: SearchType;
  resourceId: string;
  version: number;
}

type RecordRef = { type: SearchType; resourceId: string; version: number };

/**
 * What the API reads through. The two type-ahead lookups are primitives: merging them, keeping
 * each entry once and deciding when to look for names that only contain the text is the suggest
 * service's (services/search/suggest.service.ts), the same on every engine.
 */
export interface SearchReader {
  search(req: SearchRequest): Promise<SearchResult>;
  /**
   * Entries whose text, pinyin or initials start with `prefix`, or one of their word keys does:
   * those whose text does first, then those whose pinyin or initials do, then the rest, each by
   * weight. Each stored entry at most once.
   */
  suggestPrefix(prefix: string, limit: number): Promise<Suggestion[]>;
  /** Entries whose text contains `text` but does not start with it, by weight. */
  suggestContaining(text: string, limit: number): Promise<Suggestion[]>;
  /**
   * Records like a text (`more_like_this`): the engine keeps the source's most telling words
   * (the rarest in the index, up to `maxTerms`; words in more than a tenth of a type's records
   * tell nothing) and ranks records by the ones they hold. One hit per record, best first.
   */
  similar(req: SimilarRequest): Promise<SimilarHit[]>;
}

export interface SimilarRequest {
  /** The source's jieba words, repeats allowed. */
  words: string[];
  types: readonly SearchType[];
  /** Records never returned: the source itself, what is already recommended. */
  exclude: readonly { type: SearchType; id: string }[];
  size: number;
  /** How many of the words to query with (more_like_this's max_query_terms); 20 unless set. */
  maxTerms?: number;
}

export interface SimilarHit {
  type: SearchType;
  id: string;
  title: string;
  /** The best passage's text, for snippets and for telling which words it shares. */
  body: string;
  date: string | null;
  projectNos: string[];
  score: number;
}

/**
 * What keeps the index in line with PostgreSQL: jobs write records, reconcile compares
 * `versions` with the store and repairs through the same writes. Readers never need it.
 */
export interface SearchWriter {
  /** Upserts documents into the live generation (and the one being built, if any). */
  index(docs: SearchDoc[]): Promise<void>;
  /** Replaces every passage of the given records: documents for the same records not in `docs` are removed. */
  replace(records: RecordRef[], docs: SearchDoc[]): Promise<void>;
  /** Removes every passage of the records, unless the index holds a newer version. */
  remove(records: RecordRef[]): Promise<void>;
  /** The indexed version of every record of a type, ordered by id, a page at a time (for reconcile). */
  versions(type: SearchType, afterId: string | null, limit: number): Promise<IndexedVersion[]>;
}

/** Setting the engine up, and reindexing: build the next generation beside the live one, then switch readers over atomically. */
export interface GenerationAdmin {
  readonly name: string;
  /** Prepares the engine's structures (idempotent). */
  init(): Promise<void>;
  beginGeneration(meta: { dictionaryVersion: string }): Promise<number>;
  /**
   * A module (file URL) whose `encode(docs)` turns documents into this engine's write payload for
   * `indexInto`: pure and free of I/O, so a reindex runs it on worker threads beside the
   * segmentation. Engines without one take the documents themselves.
   */
  readonly encoder?: string;
  indexInto(generation: number, docs: SearchDoc[] | EncodedDocs): Promise<void>;
  /** Finishes the generation (its indexes, on PostgreSQL: the long part, reported to `onProgress`) and switches readers to it. */
  commitGeneration(generation: number, onProgress?: (done: number, total: number) => void): Promise<void>;
  abortGeneration(generation: number): Promise<void>;
  /**
   * Replaces the type-ahead entries (built from the data at reindex time). The terms come one
   * per (kind, text, ref) (see `buildSuggestions`): engines store them as given.
   */
  setSuggestions(terms: SuggestionTerm[]): Promise<void>;
  state(): Promise<{ generation: number; building: number | null; dictionaryVersion: string | null }>;
  /** Releases connections (the cluster clients); the PostgreSQL engine shares the store's and has none. */
  close(): Promise<void>;
}

/** Every engine implements all three; consumers take only the part they use. */
export type SearchEngine = SearchReader & SearchWriter & GenerationAdmin;
