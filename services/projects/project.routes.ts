import type { FastifyPluginAsync } from 'fastify';
import type { ProjectService } from './project.service.ts';

export function projectRoutes(deps: { projects: Pick<ProjectService, 'getProject'> }): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { projectNo: string } }>('/api/projects/:projectNo', {
      schema: {
        tags: ['projects'],
        summary: '项目详情：基本信息、汇总、审批（含环节）与关联资源',
        params: { type: 'object', properties: { projectNo: { type: 'string', minLength: 1, maxLength: 40 } }, required: ['projectNo'] },
      },
    }, async (req) => deps.projects.getProject(req.params.projectNo));
  };
}
