import { STATUS_CODES } from 'node:http';
import type { FastifyPluginAsync } from 'fastify';
import { errorProperties, errorResponse } from './alerts.schema.ts';
import type { PublishInput, RuleCenterService } from './rule-center.service.ts';

const ruleParams = {
  type: 'object', additionalProperties: false, required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[a-z0-9][a-z0-9-]*$' } },
};
const point = { type: 'object', properties: { step: { type: 'string' }, action: { type: 'string' } } };
const meta = {
  type: 'object',
  properties: {
    id: { type: 'string' }, name: { type: 'string' }, version: { type: 'integer' }, effective: { type: 'string' },
    basis: { type: 'string' }, points: { type: 'array', items: point }, kind: { type: 'string', enum: ['table', 'function'] },
    each: { type: 'object', properties: { list: { type: 'string' }, as: { type: 'string' } } },
  },
};
const ruleCase = { type: 'object', properties: { name: { type: 'string' }, input: {}, expected: {} } };
const caseResult = { type: 'object', properties: { name: { type: 'string' }, ok: { type: 'boolean' }, got: {}, expected: {} } };
const keyProps = { approval_id: { type: 'string' }, step: { type: 'string' }, cause: { type: 'string' }, reason: { type: 'string' } };
const dryRun = {
  type: 'object',
  properties: {
    rule_id: { type: 'string' }, version: { type: 'integer' }, evaluated: { type: 'integer' },
    would_open: { type: 'array', items: { type: 'object', properties: { ...keyProps, verdict: { type: 'string' } } } },
    would_close: { type: 'array', items: { type: 'object', properties: { ...keyProps, alert_id: { type: 'integer' } } } },
  },
};
const publishBody = {
  type: 'object', additionalProperties: false, required: ['content'],
  properties: {
    content: { type: 'object', description: 'JDM 决策图（JSON）' },
    name: { type: 'string', maxLength: 200 },
    effective: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '生效日期；缺省为今天' },
    basis: { type: 'string', maxLength: 4000 },
  },
};
const publishResponse = {
  type: 'object',
  properties: {
    ...errorProperties,
    published: { type: 'boolean' }, rule_id: { type: 'string' }, version: { type: 'integer' }, meta,
    cases: { type: 'integer' }, failures: { type: 'array', items: caseResult }, dry_run: dryRun, raised: { type: 'integer' },
  },
};

export function ruleRoutes(deps: { ruleCenter: Pick<RuleCenterService, 'list' | 'show' | 'publish' | 'dryRun'> }): FastifyPluginAsync {
  return async (app) => {
    app.get('/api/rules', {
      config: { access: 'rule:read' },
      schema: {
        tags: ['rules'],
        summary: '业务规则列表：各决策表与函数规则的当前版本、生效日期、依据与运行环节',
        response: { 200: { type: 'object', properties: { tables: { type: 'array', items: meta } } } },
      },
    }, async () => deps.ruleCenter.list());

    app.get<{ Params: { id: string } }>('/api/rules/:id', {
      config: { access: 'rule:read' },
      schema: {
        tags: ['rules'],
        summary: '一条规则：当前版本的内容（决策表）、测试用例与已发布的各版本',
        params: ruleParams,
        response: {
          200: {
            type: 'object',
            properties: {
              meta, content: {}, cases: { type: 'array', items: ruleCase },
              versions: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, version: { type: 'integer' }, meta, published_by: { type: 'string' }, published_at: { type: 'string' } } } },
            },
          },
          '4xx': errorResponse,
        },
      },
    }, async (req) => deps.ruleCenter.show(req.params.id));

    app.post<{ Params: { id: string }; Body: PublishInput }>('/api/rules/:id/versions', {
      config: { access: 'rule:publish' },
      schema: {
        tags: ['rules'],
        summary: '发布决策表新版本：先以新内容运行该表的全部测试用例，有失败则拒绝（422，列出失败用例）；通过则保存并试运行，下一次推进即使用新版本',
        params: ruleParams,
        body: publishBody,
        response: { 200: publishResponse, 422: publishResponse, '4xx': errorResponse },
      },
    }, async (req, reply) => {
      const r = await deps.ruleCenter.publish(req.params.id, req.body, req);
      if (r.published) return { statusCode: 200, message: `${r.rule_id} v${r.version} published`, reqId: req.id, ...r };
      return reply.status(422).send({
        statusCode: 422, error: STATUS_CODES[422], reqId: req.id,
        message: `${r.failures.length} of ${r.cases} cases fail with this content: ${r.failures.map((f) => f.name).join('; ')}`, ...r,
      });
    });

    app.post<{ Params: { id: string }; Body: PublishInput }>('/api/rules/:id/dry-run', {
      config: { access: 'rule:publish' },
      schema: {
        tags: ['rules'],
        summary: '试运行：以新内容重新评估处于该表决策环节的在办审批，列出将新增与将撤销的预警（不保存）',
        params: ruleParams,
        body: publishBody,
        response: { 200: dryRun, '4xx': errorResponse },
      },
    }, async (req) => deps.ruleCenter.dryRun(req.params.id, req.body));
  };
}
