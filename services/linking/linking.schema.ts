/** Request and response schemas of the links API (OpenAPI tag `links`). */
import { LINK_TYPES } from './link-model.ts';
import { LINK_STATUSES } from './link-review.store.ts';

const reason = {
  type: 'object',
  properties: {
    feature: { type: 'string', description: '证据类别：key 编号/文号，name 名称（含楼盘名、别名），alias 另一名称，role 名称出现的位置，brand 品牌，road 道路，street 街道，plot 地块，phase 分期，district 行政区，kind 设施类别，when 日期，office 承办单位，about 提及方式' },
    level: { type: 'string' },
    weight: { type: 'number', description: '该证据的权重（比特，负值为反证）' },
    text: { type: 'string', description: '可供核对的中文说明' },
  },
};

export const linkView = {
  type: 'object',
  properties: {
    resource_type: { type: 'string' },
    resource_id: { type: 'string' },
    project_no: { type: 'string' },
    project_name: { type: ['string', 'null'] },
    project_district: { type: ['string', 'null'] },
    status: { type: 'string', enum: [...LINK_STATUSES], description: 'declared 记录自带；auto 自动关联；suggested 待审核；confirmed 人工确认；rejected 人工否定' },
    method: { type: 'string', description: 'declared 记录自带；key 引用编号或文号；linkage 记录链接模型；manual 人工添加' },
    score: { type: 'number', description: '匹配概率' },
    doubt: { type: ['number', 'null'], description: '不确定度：1 − 概率 × 同一处提及中该项目所占的份额' },
    reasons: { type: 'array', items: reason },
    passage: { type: ['string', 'null'], description: '多项目会议纪要、公文中关联所出自的条目' },
    linker_version: { type: ['integer', 'null'] },
    decision: { type: ['string', 'null'] },
    decided_by: { type: ['string', 'null'] },
    decided_at: { type: ['string', 'null'] },
  },
};

const id = { type: 'string', minLength: 1, maxLength: 200 };

export const linksQuerystring = {
  type: 'object',
  additionalProperties: false,
  required: ['resource_type', 'resource_id'],
  properties: { resource_type: { type: 'string', enum: [...LINK_TYPES] }, resource_id: id },
};

export const linksResponse = {
  type: 'object',
  properties: { resource_type: { type: 'string' }, resource_id: { type: 'string' }, links: { type: 'array', items: linkView } },
};

export const reviewQuerystring = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: [...LINK_STATUSES], default: 'suggested' },
    type: { type: 'string', enum: [...LINK_TYPES] },
    district: { type: 'string', minLength: 1, maxLength: 40, description: '项目所在区，任意写法（洪山、洪山区、东湖高新）' },
    min_score: { type: 'number', minimum: 0, maximum: 1 },
    max_score: { type: 'number', minimum: 0, maximum: 1 },
    page: { type: 'integer', minimum: 1, maximum: 10000, default: 1 },
  },
};

export const reviewResponse = {
  type: 'object',
  properties: {
    status: { type: 'string' },
    total: { type: 'integer' },
    page: { type: 'integer' },
    size: { type: 'integer' },
    items: { type: 'array', items: { ...linkView, properties: { ...linkView.properties, resource_title: { type: ['string', 'null'] } } } },
  },
};

export const decisionBody = {
  type: 'object',
  additionalProperties: false,
  required: ['resource_type', 'resource_id', 'project_no', 'decision'],
  properties: {
    resource_type: { type: 'string', enum: [...LINK_TYPES] },
    resource_id: id,
    project_no: { type: 'string', minLength: 1, maxLength: 40 },
    decision: { type: 'string', enum: ['confirm', 'reject', 'unsure'], description: 'confirm 确认，reject 否定（此后不再建议），unsure 存疑（留在审核队列）' },
  },
};

export const decisionResponse = {
  type: 'object',
  properties: { link: linkView, before: { type: ['string', 'null'], description: '决定前的状态（无此关联时为 null）' } },
};
