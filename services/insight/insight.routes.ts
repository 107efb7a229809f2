import type { FastifyPluginAsync } from 'fastify';
import type { InsightService } from './insight.service.ts';
import {
  bottlenecksQuery, bottlenecksResponse, casesQuery, casesResponse, deviationsQuery, deviationsResponse, errorResponse,
  itemParams, itemResponse, pairsQuery, pairsResponse, refreshResponse, statusResponse,
} from './insight.schema.ts';

type Paged = { item?: string; page?: number; size?: number };

export function insightRoutes(deps: { insight: Pick<InsightService, 'status' | 'refresh' | 'item' | 'bottlenecks' | 'pairs' | 'deviations' | 'cases'> }): FastifyPluginAsync {
  return async (app) => {
    const tags = ['insight'];
    app.get('/api/insight', {
      config: { access: 'insight:read' },
      schema: { tags, summary: '流程分析：最近一次分析的时间、案件数与各业务事项办理周期；分析中时给出进度', response: { 200: statusResponse, '4xx': errorResponse } },
    }, async () => deps.insight.status());

    app.post('/api/insight/refresh', {
      config: { access: 'insight:refresh' },
      schema: {
        tags,
        summary: '重新分析（后台进行）；已有分析在进行时不再开始新的，同样答 202',
        description: '同一时刻只有一次分析（跨进程）。进度见 GET /api/insight。',
        response: { 202: refreshResponse, '4xx': errorResponse },
      },
    }, async (req, reply) => reply.code(202).send(await deps.insight.refresh(req.principal.username)));

    app.get<{ Params: { item: string } }>('/api/insight/items/:item', {
      config: { access: 'insight:read' },
      schema: {
        tags,
        summary: '一个业务事项：各环节各处室的办理与等待用时、直接后继图、关键路径、办理周期',
        params: itemParams,
        response: { 200: itemResponse, '4xx': errorResponse },
      },
    }, async (req) => deps.insight.item(req.params.item));

    app.get<{ Querystring: { item?: string } }>('/api/insight/bottlenecks', {
      config: { access: 'insight:read' },
      schema: { tags, summary: '阻滞节点：等待远超平时的环节、处室与时段，按耽误的工作日排序', querystring: bottlenecksQuery, response: { 200: bottlenecksResponse, '4xx': errorResponse } },
    }, async (req) => deps.insight.bottlenecks(req.query));

    app.get<{ Querystring: { kind?: 'mutual' | 'parallel'; item?: string } }>('/api/insight/pairs', {
      config: { access: 'insight:read' },
      schema: { tags, summary: '互为前置（两种次序都有且次序影响用时）与潜在可并行环节（次序无影响、不同单位办理）', querystring: pairsQuery, response: { 200: pairsResponse, '4xx': errorResponse } },
    }, async (req) => deps.insight.pairs(req.query));

    app.get<{ Querystring: Paged & { kind?: string } }>('/api/insight/deviations', {
      config: { access: 'insight:read' },
      schema: { tags, summary: '合规性：与业务事项标准环节不符的已办结案件（缺少环节、次序不符、多出环节）', querystring: deviationsQuery, response: { 200: deviationsResponse, '4xx': errorResponse } },
    }, async (req) => deps.insight.deviations(req.query));

    app.get<{ Querystring: Paged }>('/api/insight/cases', {
      config: { access: 'insight:read' },
      schema: { tags, summary: '已办结案件及其办理周期（工作日），最慢的在前', querystring: casesQuery, response: { 200: casesResponse, '4xx': errorResponse } },
    }, async (req) => deps.insight.cases(req.query));
  };
}
