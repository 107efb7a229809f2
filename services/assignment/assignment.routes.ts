import type { FastifyPluginAsync } from 'fastify';
import type { AssignmentService } from './assignment.service.ts';

const candidate = {
  type: 'object',
  properties: {
    handler: { type: 'string' }, office: { type: 'string' }, openCases: { type: 'integer' }, relatedness: { type: 'number' },
    relatedCases: { type: 'array', items: { type: 'string' } }, score: { type: 'number' }, reasons: { type: 'array', items: { type: 'string' } },
  },
};

export function assignmentRoutes(deps: { assignment: Pick<AssignmentService, 'assignees'> }): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { id: string }; Querystring: { size: number } }>('/api/approvals/:id/assignees', {
      config: { access: 'assignment:read' },
      schema: {
        tags: ['approvals'],
        summary: '分件：推荐本处室承办人（在办件数、办过的相似案件），各附理由',
        params: { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 100 } }, required: ['id'] },
        querystring: { type: 'object', additionalProperties: false, properties: { size: { type: 'integer', minimum: 1, maximum: 20, default: 5 } } },
        response: {
          200: {
            type: 'object',
            properties: {
              approval_id: { type: 'string' }, office: { type: 'string' }, current: { type: ['string', 'null'] },
              similar_cases: { type: 'integer' }, candidates: { type: 'array', items: candidate },
            },
          },
        },
      },
    }, async (req) => deps.assignment.assignees(req.params.id, req, req.query.size));
  };
}
