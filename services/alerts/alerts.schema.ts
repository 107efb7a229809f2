/** Request and response schemas of the approvals-under-rules, alerts and rule-center APIs. */
import { ALERT_STATUSES, DECISIONS, DEFAULT_ALERTS, MAX_ALERTS } from './alert.service.ts';
import { ACTIONS } from './advance.service.ts';

/** The one error shape (server/error-handler.ts). */
export const errorProperties = {
  statusCode: { type: 'integer' },
  error: { type: 'string' },
  message: { type: 'string' },
  reqId: { type: 'string' },
};
export const errorResponse = { type: 'object', properties: errorProperties };

const nullableString = { type: ['string', 'null'] };
const anything = {};

export const idParams = {
  type: 'object', additionalProperties: false, required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
};
export const alertIdParams = {
  type: 'object', additionalProperties: false, required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
};

export const outcome = {
  type: 'object',
  properties: {
    ruleId: { type: 'string' },
    version: { type: 'integer' },
    verdict: { type: 'string', enum: ['pass', 'block', 'alert', 'warn'], description: 'pass 通过；block 拦截（不予办理）；alert 预警（由承办处室决定）；warn 监察提示' },
    reason: { type: 'string' },
    cause: nullableString,
    options: { type: 'array', items: { type: 'string' } },
    trace: anything,
  },
};

export const alert = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    rule_id: { type: 'string' },
    rule_version: { type: 'integer' },
    approval_id: { type: 'string' },
    project_no: { type: 'string' },
    step: { type: 'string' },
    action: { type: 'string' },
    cause: { type: 'string', description: '预警所指（信访件编号、信用记录编号等）；无则为空串' },
    office: nullableString,
    status: { type: 'string', enum: ALERT_STATUSES },
    verdict: { type: 'string' },
    reason: { type: 'string' },
    options: { type: 'array', items: { type: 'string' } },
    decision: nullableString,
    acknowledged_by: nullableString,
    acknowledged_at: nullableString,
    decided_by: nullableString,
    decided_at: nullableString,
    note: nullableString,
    facts: anything,
    trace: anything,
    created_at: { type: 'string' },
    updated_at: { type: 'string' },
    raised: { type: 'boolean', description: '本次推进新产生（false：此前已产生，不重复）' },
  },
};

export const advanceBody = {
  type: 'object', additionalProperties: false, required: ['step', 'action'],
  properties: {
    step: { type: 'string', minLength: 1, maxLength: 200, description: '环节名称（受理、公示、发证 …）' },
    action: { type: 'string', enum: ACTIONS, description: 'start 开始该环节；finish 办结该环节（发送到下一环节）' },
  },
};

/** The 200 and the 409 of a blocked move share the outcomes and alerts, beside the envelope. */
export const advanceResponse = {
  type: 'object',
  properties: {
    ...errorProperties,
    approval_id: { type: 'string' },
    step: { type: 'string' },
    action: { type: 'string' },
    allowed: { type: 'boolean' },
    outcomes: { type: 'array', items: outcome },
    alerts: { type: 'array', items: alert },
  },
};

export const alertsQuerystring = {
  type: 'object', additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ALERT_STATUSES },
    office: { type: 'string', maxLength: 200 },
    project: { type: 'string', maxLength: 200 },
    rule: { type: 'string', maxLength: 200 },
    approval: { type: 'string', maxLength: 200 },
    limit: { type: 'integer', minimum: 1, maximum: MAX_ALERTS, default: DEFAULT_ALERTS },
    before: { type: 'integer', minimum: 1, description: '翻页：只列编号小于此值的预警' },
  },
};

export const alertsResponse = {
  type: 'object',
  properties: { items: { type: 'array', items: alert }, next_before: { type: ['integer', 'null'] } },
};

export const decideBody = {
  type: 'object', additionalProperties: false, required: ['decision'],
  properties: { decision: { type: 'string', enum: DECISIONS }, note: { type: ['string', 'null'], maxLength: 2000 } },
};

export const rulesOfResponse = {
  type: 'object',
  properties: {
    approval_id: { type: 'string' },
    project_no: { type: 'string' },
    suspended: { type: 'boolean' },
    suspended_at: nullableString,
    suspended_by: { type: ['integer', 'null'] },
    evaluations: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          step: { type: 'string' }, action: { type: 'string' }, allowed: { type: 'boolean' },
          outcomes: { type: 'array', items: outcome }, evaluated_by: { type: 'string' }, evaluated_at: { type: 'string' },
        },
      },
    },
    alerts: { type: 'array', items: alert },
  },
};

export const resumeResponse = {
  type: 'object',
  properties: {
    approval_id: { type: 'string' }, suspended: { type: 'boolean' },
    was_suspended_at: nullableString, was_suspended_by: { type: ['integer', 'null'] },
  },
};
