import type { FastifyPluginAsync } from 'fastify';
import type { ProjectService } from './project.service.ts';

/** The most projects one brief request may name: a result page's worth. */
export const MAX_BRIEFS = 50;

export function projectRoutes(deps: { projects: Pick<ProjectService, 'getProject' | 'getBriefs'> }): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: { no: string[] } }>('/api/projects', {
      config: { access: 'project:read' },
      schema: {
        tags: ['projects'],
        summary: '项目简况：按项目编号批量取名称、建设单位、用地位置与所在区（检索结果卡片用）',
        description: `no 可重复，最多 ${MAX_BRIEFS} 个；本库没有的编号不返回。`,
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['no'],
          properties: { no: { type: 'array', minItems: 1, maxItems: MAX_BRIEFS, items: { type: 'string', minLength: 1, maxLength: 40 } } },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    project_no: { type: 'string' },
                    name: { type: 'string' },
                    builder: { type: ['string', 'null'] },
                    address: { type: ['string', 'null'] },
                    district: { type: ['string', 'null'] },
                  },
                },
              },
            },
          },
        },
      },
    }, async (req) => deps.projects.getBriefs(req.query.no));

    app.get<{ Params: { projectNo: string } }>('/api/projects/:projectNo', {
      config: { access: 'project:read' },
      schema: {
        tags: ['projects'],
        summary: '项目详情：基本信息、汇总、审批（含环节）与关联资源',
        params: { type: 'object', properties: { projectNo: { type: 'string', minLength: 1, maxLength: 40 } }, required: ['projectNo'] },
      },
    }, async (req) => deps.projects.getProject(req.params.projectNo));
  };
}
