import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../db/db.ts';
import { getProject } from './project.service.ts';

export function projectRoutes(deps: { db: Db }): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { projectNo: string } }>('/api/projects/:projectNo', {
      schema: {
        tags: ['projects'],
        summary: '项目详情：基本信息、汇总、审批（含环节）与关联资源',
        params: { type: 'object', properties: { projectNo: { type: 'string', minLength: 1, maxLength: 40 } }, required: ['projectNo'] },
      },
    }, async (req) => getProject(deps.db, req.params.projectNo));
  };
}
