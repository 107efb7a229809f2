import type { FastifyPluginAsync } from 'fastify';
import type { AlertQuery, AlertService } from './alert.service.ts';
import { alert, alertIdParams, alertsQuerystring, alertsResponse, decideBody, errorResponse } from './alerts.schema.ts';

export function alertRoutes(deps: { alerts: Pick<AlertService, 'list' | 'acknowledge' | 'decide'> }): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: AlertQuery }>('/api/alerts', {
      config: { access: 'alert:read' },
      schema: {
        tags: ['alerts'],
        summary: '预警列表（按状态、处室、项目、规则筛选；经办人只见本处室的预警），新的在前',
        querystring: alertsQuerystring,
        response: { 200: alertsResponse, '4xx': errorResponse },
      },
    }, async (req) => deps.alerts.list(req.query, req));

    app.post<{ Params: { id: number } }>('/api/alerts/:id/acknowledge', {
      config: { access: 'alert:decide' },
      schema: {
        tags: ['alerts'],
        summary: '签收预警（open → acknowledged）',
        params: alertIdParams,
        response: { 200: alert, '4xx': errorResponse },
      },
    }, async (req) => deps.alerts.acknowledge(req.params.id, req));

    app.post<{ Params: { id: number }; Body: { decision: string; note?: string | null } }>('/api/alerts/:id/decide', {
      config: { access: 'alert:decide' },
      schema: {
        tags: ['alerts'],
        summary: '决定预警：提醒 / 退件 / 暂停（暂停使审批停止推进，直至恢复）；记录决定人、时间与备注',
        description: '退件记录在预警与审计日志中，审批状态不由本系统更改。',
        params: alertIdParams,
        body: decideBody,
        response: { 200: alert, '4xx': errorResponse },
      },
    }, async (req) => deps.alerts.decide(req.params.id, req.body, req));
  };
}
