/** The reading routes' parameters and answers as JSON Schema, for Fastify and the OpenAPI docs. */
import { TABLES, type Column } from '../resources/resource-tables.ts';
import type { ReadingType } from './reading.service.ts';

/** What the page calls each type, for the docs. */
const LABELS: Record<ReadingType, string> = {
  approval: '审批案件', document: '公文', meeting: '会议纪要', petition: '信访件', regulation: '法规', credit: '法人诚信记录',
};

const SUMMARIES: Record<ReadingType, string> = {
  approval: '审批案件阅读：案件信息、各环节（含是否超时）、所属项目与引用',
  document: '公文阅读：全文、关联项目，以及文中引用且本库已收录的文号与项目编号',
  meeting: '会议纪要阅读：全文、关联项目与文中引用',
  petition: '信访件阅读：信件内容、来信人、关联项目与文中引用；个人信息仅对负责人完整显示（并记入审计日志），其他角色看到的来信人与正文均已脱敏',
  regulation: '法规阅读：全文与文中引用',
  credit: '法人诚信记录阅读：诚信记录与该建设单位的项目',
};

export const readingParams = {
  type: 'object',
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 200, description: '记录 id（导入时的 id）；不得含空白或控制字符' },
  },
  required: ['id'],
} as const;

const nullable = (type: string, description?: string) => ({ type: [type, 'null'], ...(description ? { description } : {}) });

/** A column as the record shows it (dates are strings: timestamps ISO in UTC, dates YYYY-MM-DD). */
function columnSchema(c: Column): Record<string, unknown> {
  if (c.type === 'numeric') return nullable('number');
  if (c.type === 'text[]') return { type: 'array', items: { type: 'string' } };
  if (c.type === 'timestamptz') return nullable('string', '时间，ISO 8601（UTC）');
  if (c.type === 'date') return nullable('string', '日期 YYYY-MM-DD');
  return nullable('string');
}

const step = {
  type: 'object',
  additionalProperties: true,
  properties: {
    name: { type: 'string' },
    stage: nullable('string'),
    office: nullable('string', '承办处室'),
    handler: nullable('string', '经办人'),
    limit_days: nullable('integer', '时限（工作日）'),
    started_at: nullable('string', '开始时间，ISO 8601（UTC）'),
    finished_at: nullable('string', '完成时间；未完成为 null'),
    due: nullable('string', '应完成日期 YYYY-MM-DD（按工作日计，不含法定节假日调整）；未开始或无时限为 null'),
    overdue: { type: 'boolean', description: '超时：完成晚于应完成日期，或未完成且今天已过应完成日期' },
  },
} as const;

const petitioner = {
  type: ['object', 'null'],
  description: '来信人。负责人：姓名、电话、电子邮件、地址完整返回（每次读取记入审计日志）；其他角色：已脱敏，只有姓氏（加女士/先生或 *）、'
    + '号码首三位与末四位、地址所在区，电子邮件与详细地址不返回',
  // Only these leave the server, whatever else the object holds; email and address only for supervisors.
  additionalProperties: false,
  properties: {
    name: nullable('string'), phone: nullable('string'), district: nullable('string'),
    email: nullable('string', '仅负责人'), address: nullable('string', '仅负责人'),
  },
} as const;

const repeatPetitions = {
  type: 'array',
  description: '重复信访（仅负责人）：同一来信电话的其他信访件，按收件时间从新到旧，最多 20 件；按电话的加密散列比对，电话本身不入任何索引',
  items: {
    type: 'object',
    required: ['id', 'subject', 'received_at'],
    properties: { id: { type: 'string' }, subject: { type: 'string' }, received_at: nullable('string', '收件时间，ISO 8601（UTC）') },
  },
} as const;

/** The record's fields as imported (the body under `text`), plus the fields it carried beyond the columns. */
function recordSchema(type: ReadingType) {
  const spec = TABLES[type];
  const fieldOf = new Map(Object.entries(spec.renamed).map(([field, column]) => [column, field]));
  const properties: Record<string, unknown> = { id: { type: 'string' } };
  for (const c of spec.columns) properties[fieldOf.get(c.name) ?? c.name] = columnSchema(c);
  if (type === 'approval') properties.steps = { type: 'array', items: step, description: '环节，按办理顺序' };
  if (type === 'petition') properties.petitioner = petitioner;
  return { type: 'object', additionalProperties: true, description: '记录本身：导入时的字段（正文为 text）及其附加字段', properties };
}

const reference = {
  type: 'object',
  required: ['field', 'text', 'start', 'end', 'target'],
  properties: {
    field: { type: 'string', description: '所在字段（record 的键）' },
    text: { type: 'string', description: '原文写法，= record[field].slice(start, end)' },
    start: { type: 'integer', description: '起始位置（JavaScript 字符串下标，UTF-16）' },
    end: { type: 'integer', description: '结束位置（不含）' },
    target: {
      type: 'object',
      required: ['type', 'id'],
      properties: {
        type: { type: 'string', enum: ['document', 'regulation', 'approval', 'project'] },
        id: { type: 'string', description: '记录 id；项目为项目编号' },
      },
    },
  },
} as const;

const project = {
  type: 'object',
  required: ['project_no', 'name', 'district', 'method'],
  properties: {
    project_no: { type: 'string' },
    name: { type: 'string' },
    district: nullable('string'),
    method: { type: 'string', description: '关联方式：declared 记录自身声明；builder 同一建设单位（诚信记录）；其余为推荐后确认的方式' },
  },
} as const;

const error = {
  type: 'object',
  properties: { statusCode: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' }, reqId: { type: 'string' } },
} as const;

/** The route schema of one type's reading page. */
export function readingRouteSchema(type: ReadingType) {
  return {
    tags: ['reading'],
    summary: SUMMARIES[type],
    description: `按 id 读取一条${LABELS[type]}。references 只列出本库已收录的目标（文号任意括号形式均可识别；本库没有的文号不列出），`
      + '记录引用自身的不列出。',
    params: readingParams,
    response: {
      200: {
        type: 'object',
        required: ['type', 'id', 'record', 'projects', 'references'],
        properties: {
          type: { type: 'string', enum: [type] },
          id: { type: 'string' },
          record: recordSchema(type),
          projects: { type: 'array', items: project, description: '所属（关联）项目' },
          references: { type: 'array', items: reference, description: '文中引用：文号与项目编号，按字段、位置排序' },
          ...(type === 'petition' ? { repeat_petitions: repeatPetitions } : {}),
        },
      },
      400: { ...error, description: 'id 不合法' },
      404: { ...error, description: '没有该 id 的记录' },
    },
  };
}
