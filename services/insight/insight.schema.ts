/** Request and response schemas of the process-insight API (流程分析); they feed the OpenAPI page. */
import { DEVIATION_KINDS, MAX_PAGE_SIZE, PAIR_KINDS } from './insight.service.ts';

export const errorResponse = {
  type: 'object',
  properties: { statusCode: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' }, reqId: { type: 'string' } },
};

const num = { type: ['number', 'null'] };
const range = { type: 'object', properties: { p50: num, p90: num }, description: '工作日，p50 / p90，保留一位小数' };
const text = { type: 'string' };
const names = { type: 'array', items: text };
const stamp = {
  status: { type: 'string', enum: ['none', 'ready'], description: 'ready：来自最近一次完成的分析；none：尚无分析结果，列表为空' },
  computed_at: { type: ['string', 'null'], description: '所依据分析的完成时间（ISO，UTC）' },
};
const itemFilter = { type: 'string', maxLength: 100, description: '业务事项，如 规划设计方案审查' };
const paging = {
  page: { type: 'integer', minimum: 1, maximum: 100_000, default: 1 },
  size: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 },
};

export const statusResponse = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['none', 'computing', 'ready', 'failed'], description: 'none 尚未分析；computing 分析中；ready 已完成；failed 最近一次分析失败（仍给出此前完成的结果）' },
    computed_at: { type: ['string', 'null'] },
    duration_ms: { type: ['integer', 'null'] },
    cases: { type: 'integer', description: '参与整案分析的已办结案件数' },
    steps: { type: 'integer', description: '读取的已完成环节数' },
    items: { type: 'array', items: { type: 'object', properties: { item: text, cases: { type: 'integer' }, cycle: range } } },
    progress: {
      type: 'object',
      description: '分析进行中时给出：phase 为 reading（读取环节）、analysing（分析）、saving（保存结果）',
      properties: { done: { type: 'integer' }, total: { type: 'integer' }, phase: text },
    },
    error: { type: ['string', 'null'], description: '最近一次分析失败的原因（status 为 failed 时）' },
  },
};

export const refreshResponse = { type: 'object', properties: { status: { type: 'string', enum: ['computing'] } } };

export const itemParams = {
  type: 'object', additionalProperties: false, required: ['item'],
  properties: { item: { type: 'string', minLength: 1, maxLength: 100 } },
};

export const itemResponse = {
  type: 'object',
  properties: {
    ...stamp,
    item: text,
    cases: { type: 'integer' },
    standard: { ...names, description: '标准环节（规则库）' },
    steps: {
      type: 'array',
      items: {
        type: 'object',
        properties: { name: text, office: text, count: { type: 'integer' }, service: { ...range, description: '办理用时' }, waiting: { ...range, description: '等待（交接）用时' } },
      },
    },
    edges: {
      type: 'array',
      description: '直接后继图：from 为「开始」、to 为「结束」表示两端',
      items: { type: 'object', properties: { from: text, to: text, count: { type: 'integer' }, waiting_p50: num } },
    },
    critical_path: { type: 'object', properties: { steps: names, days: { type: 'number' } } },
    cycle: range,
  },
};

export const bottlenecksQuery = { type: 'object', additionalProperties: false, properties: { item: itemFilter } };

export const bottlenecksResponse = {
  type: 'object',
  properties: {
    ...stamp,
    items: {
      type: 'array',
      description: '阻滞节点，按耽误的工作日（cost_days）从多到少',
      items: {
        type: 'object',
        properties: {
          item: text, step: text, office: text,
          from: { type: 'string', description: 'YYYY-MM' }, to: { type: 'string', description: 'YYYY-MM' },
          cases: { type: 'integer' },
          waiting_p50: num, baseline_waiting_p50: num,
          cost_days: { type: 'number', description: '该期间各案件等待超出平时的工作日之和' },
          wait_share: { type: 'number', description: '该期间环节用时中等待所占比例（0–1）' },
          queue_growth: { type: 'number', description: '每月末排队案件数的增长（件/月）' },
          reason: text, example_cases: names,
        },
      },
    },
  },
};

export const pairsQuery = {
  type: 'object', additionalProperties: false,
  properties: { kind: { type: 'string', enum: [...PAIR_KINDS], description: 'mutual 互为前置；parallel 潜在可并行' }, item: itemFilter },
};

export const pairsResponse = {
  type: 'object',
  properties: {
    ...stamp,
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          kind: { type: 'string', enum: [...PAIR_KINDS] }, item: text, a: text, b: text,
          a_first: { type: 'integer' }, b_first: { type: 'integer' },
          offices: names,
          effect: { type: 'number', description: '先办 b 比先办 a 两环节合计多用的工作日（中位数之差）' },
          saved_days_p50: { type: 'number' }, saved_days_total: { type: 'number' },
          reason: text, example_cases: names,
        },
      },
    },
  },
};

export const deviationsQuery = {
  type: 'object', additionalProperties: false,
  properties: { item: itemFilter, kind: { type: 'string', enum: [...DEVIATION_KINDS], description: 'skipped 缺少环节；out_of_order 次序不符；extra 多出环节' }, ...paging },
};

export const deviationsResponse = {
  type: 'object',
  properties: {
    ...stamp,
    total: { type: 'integer' }, page: { type: 'integer' }, size: { type: 'integer' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: { approval_id: text, project_no: { type: ['string', 'null'] }, item: text, kind: text, detail: text, steps: { ...names, description: '实际办理的环节，按办理先后' } },
      },
    },
  },
};

export const casesQuery = { type: 'object', additionalProperties: false, properties: { item: itemFilter, ...paging } };

export const casesResponse = {
  type: 'object',
  properties: {
    ...stamp,
    total: { type: 'integer' }, page: { type: 'integer' }, size: { type: 'integer' },
    items: {
      type: 'array',
      description: '已办结案件，办理周期（工作日）最长的在前',
      items: {
        type: 'object',
        properties: {
          approval_id: text, project_no: { type: ['string', 'null'] }, item: text, office: { type: ['string', 'null'] },
          cycle_days: { type: 'number' }, received_at: { type: ['string', 'null'] }, closed_at: { type: ['string', 'null'] },
        },
      },
    },
  },
};
