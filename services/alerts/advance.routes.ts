import { STATUS_CODES } from 'node:http';
import type { FastifyPluginAsync } from 'fastify';
import type { AdvanceService } from './advance.service.ts';
import type { AlertService } from './alert.service.ts';
import { advanceBody, advanceResponse, errorResponse, idParams, resumeResponse, rulesOfResponse } from './alerts.schema.ts';

export function advanceRoutes(deps: {
  advance: Pick<AdvanceService, 'advance'>;
  alerts: Pick<AlertService, 'rulesOf' | 'resume'>;
}): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Params: { id: string }; Body: { step: string; action: string } }>('/api/approvals/:id/advance', {
      config: { access: 'approval:advance' },
      schema: {
        tags: ['approvals'],
        summary: '推进审批环节：运行该决策点的规则，返回允许与否、拦截原因及产生的预警（各附规则轨迹）',
        description: '被规则拦截（block）时答 409，环节时间不变，但 outcomes 与 alerts 照常返回：' +
          '即使推进被拦截，规则产生的预警（如信访核查）也会保存，同一规则、审批、环节、事由只产生一次。' +
          '已暂停的审批答 409（须由负责人恢复）；经办人只能推进本处室的审批。',
        params: idParams,
        body: advanceBody,
        response: { 200: advanceResponse, 409: advanceResponse, '4xx': errorResponse },
      },
    }, async (req, reply) => {
      const r = await deps.advance.advance(req.params.id, req.body, req);
      if (r.allowed) return { statusCode: 200, message: `${r.step} ${r.action}: allowed`, reqId: req.id, ...r };
      const blocked = r.outcomes.filter((o) => o.verdict === 'block').map((o) => `${o.ruleId}: ${o.reason}`);
      return reply.status(409).send({
        statusCode: 409, error: STATUS_CODES[409], message: `${r.step} ${r.action} is blocked by the rules: ${blocked.join('; ')}`, reqId: req.id, ...r,
      });
    });

    app.get<{ Params: { id: string } }>('/api/approvals/:id/rules', {
      config: { access: 'resource:read' },
      schema: {
        tags: ['approvals'],
        summary: '审批各环节最近一次的规则结果及其预警',
        params: idParams,
        response: { 200: rulesOfResponse, '4xx': errorResponse },
      },
    }, async (req) => deps.alerts.rulesOf(req.params.id));

    app.post<{ Params: { id: string } }>('/api/approvals/:id/resume', {
      config: { access: 'alert:decide' },
      schema: {
        tags: ['approvals'],
        summary: '恢复被暂停的审批（解除预警决定的暂停）',
        params: idParams,
        response: { 200: resumeResponse, '4xx': errorResponse },
      },
    }, async (req) => deps.alerts.resume(req.params.id, req));
  };
}
