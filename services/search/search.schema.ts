/** The search and suggest requests as the API accepts them (JSON Schema, for Fastify and OpenAPI). */
import { SEARCH_TYPES, type SearchFilters } from '../../indexers/engines/search-engine.ts';

export const MAX_RESULT_WINDOW = 1000;
export const MAX_PAGE_SIZE = 50;

export const searchQuerystring = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: {
      type: 'string', maxLength: 1000,
      description: '检索词：项目名称、项目编号、文号（任意括号）、地名、建设单位或任意短语。可不填：只给筛选条件（或 type）时，列出其选中的全部记录，按日期从新到旧；两者皆无时返回 400',
    },
    type: { type: 'string', enum: [...SEARCH_TYPES], description: '资源类型（标签页）' },
    district: {
      type: 'string', maxLength: 20,
      description: '区，常用写法均可：洪山、洪山区、武汉市洪山区；东湖、东湖高新、东湖新技术开发区。采用的规范名称见响应的 filters.district；不认识的区返回 400，并列出可用的区',
    },
    item: { type: 'string', maxLength: 50, description: '审批事项、会议类型、信访分类或法规类别' },
    status: { type: 'string', maxLength: 20, description: '状态（新增/在办/办结，或信访状态）' },
    from: { type: 'string', format: 'date', description: '起始日期 YYYY-MM-DD（含）；晚于 to 时返回 400' },
    to: { type: 'string', format: 'date', description: '截止日期 YYYY-MM-DD（含）' },
    project: { type: 'string', maxLength: 40, description: '只看某个项目（项目编号）' },
    page: { type: 'integer', minimum: 1, default: 1 },
    size: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 },
    sort: { type: 'string', enum: ['relevance', 'date'], default: 'relevance', description: '排序；无 q 的列表总按日期' },
    collapse: { type: 'boolean', default: false, description: '按项目折叠：每个项目只显示最相关的一条；total 与 counts 仍计记录数（见 total_counts）' },
  },
} as const;

/** The query string as parsed: the engine's filters, and the query, paging and display. */
export interface SearchParams extends SearchFilters {
  q?: string;
  page?: number;
  size?: number;
  sort?: 'relevance' | 'date';
  collapse?: boolean;
}

const hit = {
  type: 'object',
  properties: {
    id: { type: 'string', description: '记录自身的 id（导入时的 id）' },
    type: { type: 'string' },
    title: { type: 'string' },
    title_html: { type: 'string', description: '标题，命中处以 <mark> 标出（其余已做 HTML 转义）' },
    snippet: { type: 'string', description: '摘要，命中处以 <mark> 标出（其余已做 HTML 转义）' },
    date: { type: ['string', 'null'] },
    status: { type: ['string', 'null'] },
    project_no: { type: ['string', 'null'] },
    project_name: { type: ['string', 'null'] },
    project_nos: { type: 'array', items: { type: 'string' } },
    score: { type: 'number' },
    matched: {
      type: 'string', enum: ['key', 'title', 'phrase', 'words', 'chars', 'partial'],
      description: '命中方式：key 精确键（编号、文号、全名），title 标题短语，phrase 正文短语，words 全部词语（含同义词、简称），chars 全部字符；partial 部分匹配：没有记录包含全部检索词时，列出包含其大部分（按词的区分度加权）的记录，排在所有完全匹配之后',
    },
    missing: {
      type: 'array', items: { type: 'string' },
      description: '仅部分匹配（matched=partial）的结果才有：该记录缺少的检索词（同义词组以检索时的写法列出），供界面显示“缺少：…”',
    },
  },
} as const;

/** The filters as applied: canonical (district=洪山区 → 洪山, project upper-cased), only those given. */
const appliedFilters = {
  type: 'object',
  description: '实际采用的筛选条件（规范化后，只含给出的条件），如 district=洪山区 → {"district":"洪山"}',
  properties: Object.fromEntries(['type', 'district', 'item', 'status', 'from', 'to', 'project'].map((k) => [k, { type: 'string' }])),
} as const;

export const searchResponse = {
  type: 'object',
  properties: {
    total: { type: 'integer', description: '全部类型的命中数（= counts 之和）' },
    total_is_estimate: { type: 'boolean', description: '超过精确计数上限时为估计值（已计入筛选条件）' },
    total_counts: {
      type: 'string', enum: ['records'],
      description: 'total 与 counts 所计的单位：记录数（每条审批、公文……计一次，长文的多个段落也只计一次）；collapse=true 时同样计记录，hits 则每个项目只列一条',
    },
    took_ms: { type: 'number' },
    counts: { type: 'object', additionalProperties: { type: 'integer' }, description: '各标签页（类型）的命中数，已计入筛选条件' },
    filters: { ...appliedFilters },
    sort: { type: 'string', enum: ['relevance', 'date'], description: '实际采用的排序：无 q 的列表为 date（从新到旧）' },
    page: { type: 'integer' },
    size: { type: 'integer' },
    partial: {
      type: 'boolean',
      description: '本页结果全部为部分匹配（没有记录包含全部检索词）时为 true，界面可提示“没有完全匹配的结果，以下为部分匹配”。total 与 counts 只计完全匹配的记录',
    },
    hits: { type: 'array', items: hit },
  },
} as const;

export const suggestQuerystring = {
  type: 'object',
  additionalProperties: false,
  required: ['q'],
  properties: {
    q: { type: 'string', maxLength: 50, description: '前缀：汉字、全拼（qingshan）或首字母（qstygy）' },
    size: { type: 'integer', minimum: 1, maximum: 20, default: 10 },
  },
} as const;

const suggestItem = {
  type: 'object',
  required: ['text', 'kind', 'ref', 'detail', 'href'],
  properties: {
    text: { type: 'string' },
    kind: { type: 'string', enum: ['project', 'builder', 'place', 'regulation'], description: '项目、建设单位、地名或法规' },
    ref: { type: 'string', description: '所指对象：项目编号、法规 id；建设单位与地名为其名称本身' },
    detail: { type: ['string', 'null'], description: '区分同名者：项目为「区 · 项目编号」，法规简称为其全称，法规为其日期' },
    href: { type: 'string', description: '可直接 GET 的 API 路径：项目详情，或检索该建设单位的项目、该地名、该法规' },
  },
} as const;

export const suggestResponse = {
  type: 'object',
  properties: { items: { type: 'array', items: suggestItem } },
} as const;
