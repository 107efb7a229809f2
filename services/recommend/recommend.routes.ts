import type { FastifyPluginAsync } from 'fastify';
import type { RecommendService } from './recommend.service.ts';
import { approvalParams, projectParams, recommendQuerystring, recommendResponse } from './recommend.schema.ts';

export function recommendRoutes(deps: { recommendations: Pick<RecommendService, 'forProject' | 'forApproval'> }): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { projectNo: string }; Querystring: { size: number } }>('/api/projects/:projectNo/recommendations', {
      config: { access: 'recommendation:read' },
      schema: {
        tags: ['recommendations'],
        summary: '推荐资源：本项目的公文、会议纪要、信访，建设单位信用，相似案例，适用法规，同一地点的材料，各附理由',
        params: projectParams,
        querystring: recommendQuerystring,
        response: { 200: recommendResponse },
      },
    }, async (req) => deps.recommendations.forProject(req.params.projectNo, req.query.size, req));

    app.get<{ Params: { id: string }; Querystring: { size: number } }>('/api/approvals/:id/recommendations', {
      config: { access: 'recommendation:read' },
      schema: {
        tags: ['recommendations'],
        summary: '办件推荐：同一业务事项的相似案例、适用法规，以及该项目的材料与建设单位信用，各附理由',
        params: approvalParams,
        querystring: recommendQuerystring,
        response: { 200: recommendResponse },
      },
    }, async (req) => deps.recommendations.forApproval(req.params.id, req.query.size, req));
  };
}
