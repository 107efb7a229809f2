import type { FastifyPluginAsync } from 'fastify';
import type { DecisionInput, LinkReviewService, ReviewParams } from './link-review.service.ts';
import {
  decisionBody, decisionResponse, linksQuerystring, linksResponse, reviewQuerystring, reviewResponse,
} from './linking.schema.ts';

export function linkingRoutes(deps: { links: Pick<LinkReviewService, 'linksOf' | 'reviewQueue' | 'decide'> }): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: { resource_type: string; resource_id: string } }>('/api/links', {
      config: { access: 'link:read' },
      schema: {
        tags: ['links'],
        summary: '资源的项目关联：自带、自动、建议、确认与否定，各附证据',
        querystring: linksQuerystring,
        response: { 200: linksResponse },
      },
    }, async (req) => deps.links.linksOf(req.query.resource_type, req.query.resource_id));

    app.get<{ Querystring: ReviewParams }>('/api/links/review', {
      config: { access: 'link:review' },
      schema: {
        tags: ['links'],
        summary: '关联审核队列：按状态（默认 suggested）、类型、项目所在区与分数区间筛选，分数从高到低，每页 20 条',
        querystring: reviewQuerystring,
        response: { 200: reviewResponse },
      },
    }, async (req) => deps.links.reviewQueue(req.query));

    app.post<{ Body: Omit<DecisionInput, 'by'> }>('/api/links/decision', {
      config: { access: 'link:decide' },
      schema: {
        tags: ['links'],
        summary: '审核决定：确认、否定或存疑，记录决定人（登录用户）与时间；重新关联不会覆盖人的决定，否定的关联不再建议',
        body: decisionBody,
        response: { 200: decisionResponse },
      },
    }, async (req) => deps.links.decide({ ...req.body, by: req.principal.username }));
  };
}
