import type { FastifyPluginAsync } from 'fastify';
import type { Permission } from '../access/policy.ts';
import { readingRouteSchema } from './reading.schema.ts';
import { READING_TYPES, type ReadingService, type ReadingType } from './reading.service.ts';

/** The path segment of each type's pages, as the web app links them. */
const PATHS: Record<ReadingType, string> = {
  approval: 'approvals', document: 'documents', meeting: 'meetings', petition: 'petitions', regulation: 'regulations', credit: 'credits',
};

/** Petitions have their own permission: what their page sends depends on the role (reading.service.ts). */
const ACCESS: Record<ReadingType, Permission> = {
  approval: 'resource:read', document: 'resource:read', meeting: 'resource:read', petition: 'petition:read', regulation: 'resource:read', credit: 'resource:read',
};

export function readingRoutes(deps: { reading: Pick<ReadingService, 'read'> }): FastifyPluginAsync {
  return async (app) => {
    for (const type of READING_TYPES) {
      app.get<{ Params: { id: string } }>(`/api/${PATHS[type]}/:id`, {
        config: { access: ACCESS[type] },
        schema: readingRouteSchema(type),
      }, async (req) => deps.reading.read(type, req.params.id, req.principal));
    }
  };
}
