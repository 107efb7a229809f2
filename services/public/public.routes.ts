import type { FastifyPluginAsync } from 'fastify';
import { MAX_QUERY_CHARS, type PublicService } from './public.service.ts';

/** A date as the page shows it (YYYY-MM-DD), or null. */
const day = { type: ['string', 'null'], description: 'YYYY-MM-DD' } as const;

/**
 * What a citizen may see, field by field. `additionalProperties: false` at every level makes the
 * serializer drop anything else, so a field added upstream cannot leak through this route.
 */
const progressResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['q', 'projects'],
  properties: {
    q: { type: 'string' },
    projects: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['project_no', 'name', 'district', 'approvals'],
        properties: {
          project_no: { type: 'string' },
          name: { type: 'string' },
          district: { type: ['string', 'null'] },
          approvals: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['item', 'status', 'received_at', 'closed_at', 'stages'],
              properties: {
                item: { type: 'string' },
                status: { type: 'string' },
                received_at: day,
                closed_at: day,
                stages: { type: 'array', items: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  },
} as const;

export function publicRoutes(deps: { progress: Pick<PublicService, 'progress'> }): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: { q?: string } }>('/public/api/progress', {
      // Open to everyone, so limited per client; internal routes do not opt in (rate-limit.ts).
      config: { access: 'progress:read', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: '公众查询：按项目编号或项目名称查询审批进度（不含经办人、科室、内部意见）',
        description: `q 为项目编号（大小写、空格、短横线均可）或项目名称的一部分，去掉首尾空白后 1–${MAX_QUERY_CHARS} 个字；最多返回 10 个项目。每个客户端每分钟最多 30 次。`,
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['q'],
          properties: { q: { type: 'string' } },
        },
        response: { 200: progressResponse },
      },
    }, async (req) => deps.progress.progress(req.query.q));
  };
}
