import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../db/db.ts';
import { listDead, outboxStats, replayDead } from '../outbox/outbox.store.ts';
import { maskNullable } from '../privacy/pii-text.ts';

export function jobsRoutes(deps: { db: Db }): FastifyPluginAsync {
  return async (app) => {
    app.get('/api/jobs', {
      config: { access: 'job:read' },
      schema: { tags: ['jobs'], summary: '任务统计：待处理、已完成、死信' },
    }, async () => outboxStats(deps.db));

    app.get<{ Querystring: { limit?: number } }>('/api/jobs/dead', {
      config: { access: 'job:read' },
      schema: {
        tags: ['jobs'],
        summary: '死信列表：多次重试仍失败的任务',
        querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } } },
      },
    }, async (req) => ({
      // A job's error may quote the record it failed on (a petition's text): its personal data is masked.
      items: (await listDead(deps.db, req.query.limit ?? 100)).map((d) => ({ ...d, last_error: maskNullable(d.last_error) })),
    }));

    app.post<{ Body: { ids?: number[] } }>('/api/jobs/dead/replay', {
      config: { access: 'job:replay' },
      schema: {
        tags: ['jobs'],
        summary: '重放死信：指定 ids，或省略以重放全部',
        body: {
          type: 'object',
          properties: { ids: { type: 'array', items: { type: 'integer', minimum: 1 }, maxItems: 10000 } },
          additionalProperties: false,
        },
      },
    }, async (req) => ({ replayed: await replayDead(deps.db, req.body?.ids ?? null) }));
  };
}
