/** Request and response schemas of the statistics API (they feed the OpenAPI page at /docs). */
import { GROUPS, MEASURES, PROJECT_BYS } from './stats-params.ts';
import { CERT_TYPES } from './stats-rows.ts';

export const errorResponse = {
  type: 'object',
  properties: { statusCode: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' }, reqId: { type: 'string' } },
};

const day = (what: string) => ({ type: 'string', maxLength: 10, description: `${what}（YYYY-MM-DD，含当天，武汉时间）` });
const text = (description: string) => ({ type: 'string', maxLength: 200, description });
const format = { type: 'string', enum: ['json', 'csv'], description: 'csv：UTF-8（带 BOM）CSV 文件，中文表头，含合计行' };
const period = { from: day('起始日期，缺省为 to 所在年的 1 月 1 日'), to: day('截止日期，缺省为今天') };
const filters = {
  district: text('区域：洪山、洪山区等写法均可'),
  office: text('办理处室，如 洪山分局规划科、行政审批处；未载明 指未填处室的'),
  item: text('业务事项，如 建设工程规划许可证'),
};

const query = (properties: Record<string, unknown>) => ({ type: 'object', additionalProperties: false, properties });

export const handlingQuery = query({
  ...period, ...filters, format,
  group: { type: 'string', enum: [...GROUPS], description: '分组：item 业务事项（缺省）、month 月份、district 区域、office 办理处室' },
});
export const certificatesQuery = query({ ...period, format });
export const projectsQuery = query({ by: { type: 'string', enum: [...PROJECT_BYS], description: 'district 按区域（缺省）、office 按办理处室' }, format });
export const overdueQuery = query({ ...period, office: filters.office, format });
export const drillQuery = query({
  measure: { type: 'string', enum: [...MEASURES], description: 'received 新增、open 在办、closed 办结、issued 发证、overdue 超期环节' },
  ...period, ...filters, format,
  unit: text('办理部门（发证）：中心城区分局、市局、洪山分局……'),
  type: { type: 'string', enum: [...CERT_TYPES], description: '证照类型（发证）' },
  uploaded: { type: 'string', enum: ['true', 'false'], description: '证照是否已上传（发证）' },
  month: { type: 'string', maxLength: 7, description: '只看该月（YYYY-MM），与月份行的计数相同' },
  page: { type: 'integer', minimum: 1, default: 1 },
  size: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
});

const count = { type: 'integer' };
const asOf = { type: ['string', 'null'], description: '统计数据最后更新的时间（ISO）' };
const handlingRow = {
  type: 'object', additionalProperties: false,
  properties: { key: { type: 'string' }, received: count, open: count, closed: count },
};

export const handlingResponse = {
  type: 'object', additionalProperties: false,
  properties: {
    from: { type: 'string' }, to: { type: 'string' }, group: { type: 'string' },
    filters: { type: 'object', additionalProperties: false, properties: { district: { type: 'string' }, office: { type: 'string' }, item: { type: 'string' } } },
    rows: { type: 'array', items: handlingRow },
    total: handlingRow,
    as_of: asOf,
  },
};

const typeFigures = {
  type: 'object', additionalProperties: false,
  properties: { issued: count, uploaded: count, not_uploaded: count, rate: { type: 'string', description: '上传率，如 97.6%' } },
};
const certificateRow = {
  type: 'object', additionalProperties: false,
  properties: {
    unit: { type: 'string' }, issued: count,
    by_type: { type: 'object', additionalProperties: false, properties: Object.fromEntries(CERT_TYPES.map((t) => [t, typeFigures])) },
  },
};
export const certificatesResponse = {
  type: 'object', additionalProperties: false,
  properties: {
    from: { type: 'string' }, to: { type: 'string' }, types: { type: 'array', items: { type: 'string' } },
    rows: { type: 'array', items: certificateRow }, total: certificateRow, as_of: asOf,
  },
};

const projectRow = { type: 'object', additionalProperties: false, properties: { key: { type: 'string' }, projects: count } };
export const projectsResponse = {
  type: 'object', additionalProperties: false,
  properties: { by: { type: 'string' }, rows: { type: 'array', items: projectRow }, total: projectRow, as_of: asOf },
};

export const overdueResponse = {
  type: 'object', additionalProperties: false,
  properties: {
    from: { type: 'string' }, to: { type: 'string' },
    months: { type: 'array', items: { type: 'string' } },
    offices: { type: 'array', items: { type: 'string' } },
    cells: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, properties: { office: { type: 'string' }, month: { type: 'string' }, overdue: count, due: count } },
    },
    total: { type: 'object', additionalProperties: false, properties: { overdue: count, due: count } },
    as_of: asOf,
  },
};

const nullable = { type: ['string', 'null'] };
export const drillResponse = {
  type: 'object', additionalProperties: false,
  properties: {
    total: count, page: count, size: count,
    items: {
      type: 'array',
      items: {
        type: 'object', additionalProperties: false,
        properties: {
          id: { type: 'string' }, project_no: { type: 'string' }, project_name: nullable, item: { type: 'string' }, office: nullable,
          district: nullable, status: { type: 'string' }, received_at: nullable, closed_at: nullable, certificate_no: nullable,
          step: {
            type: 'object', additionalProperties: false, description: '超期的环节（仅 measure=overdue）',
            properties: { seq: count, name: { type: 'string' }, office: nullable, due: { type: 'string' }, finished_at: nullable },
          },
        },
      },
    },
  },
};
