import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../db/db.ts';
import { outboxStats } from '../outbox/outbox.store.ts';

export function healthRoutes(deps: { db: Db }): FastifyPluginAsync {
  return async (app) => {
    app.get('/api/health', {
      config: { access: 'health:read' },
      schema: {
        tags: ['system'],
        summary: '运行状态：存储与任务队列',
        response: {
          200: {
            type: 'object',
            properties: {
              status: { type: 'string' },
              store: { type: 'string' },
              jobs: { type: 'object', properties: { pending: { type: 'integer' }, done: { type: 'integer' }, dead: { type: 'integer' } } },
            },
          },
        },
      },
    }, async () => ({ status: 'ok', store: deps.db.kind, jobs: await outboxStats(deps.db) }));
  };
}
