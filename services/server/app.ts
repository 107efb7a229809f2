/**
 * The HTTP API: Fastify with OpenAPI docs at /docs. Routes live in their feature folders and
 * are registered here; each is a schema and one service call.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Db } from '../db/db.ts';
import { importRoutes } from '../import/import.routes.ts';
import { jobsRoutes } from '../jobs/jobs.routes.ts';
import { linkingRoutes } from '../linking/linking.routes.ts';
import { projectAliasRoutes } from '../projects/project-alias.routes.ts';
import { projectRoutes } from '../projects/project.routes.ts';
import { readingRoutes } from '../reading/reading.routes.ts';
import { recommendRoutes } from '../recommend/recommend.routes.ts';
import type { RecommendService } from '../recommend/recommend.service.ts';
import { clientErrorHandler, createRequestIds, frameworkErrors, registerClosingGate } from './early-errors.ts';
import { registerErrorHandler } from './error-handler.ts';
import { registerInputGuard } from './input-guard.ts';
import { healthRoutes } from './health.routes.ts';
import { searchRoutes } from '../search/search.routes.ts';
import type { SearchService } from '../search/search.service.ts';
import type { SuggestService } from '../search/suggest.service.ts';
import type { Services } from '../runtime/services.ts';

export interface AppDeps extends Services {
  db: Db;
  search: SearchService;
  suggest: SuggestService;
  recommendations: RecommendService;
  logLevel?: string;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const nextReqId = createRequestIds();
  const app = Fastify({
    logger: {
      level: deps.logLevel ?? 'info',
      // Bodies are never logged; headers that carry credentials are masked.
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
    // Queries of 10,000 characters are answered with a 400, not a socket reset.
    routerOptions: { maxParamLength: 500 },
    // A misspelt parameter is an error to report, not something to drop silently.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
    // Errors answered before a route runs keep the one error shape (early-errors.ts).
    genReqId: nextReqId,
    clientErrorHandler: clientErrorHandler(nextReqId),
    frameworkErrors,
    return503OnClosing: false,
  });
  registerErrorHandler(app);
  registerInputGuard(app);
  registerClosingGate(app);
  await app.register(swagger, {
    openapi: {
      info: { title: 'PlanHub API', description: '国土规划资源中心：导入、项目、任务', version: '0.1.0' },
      tags: [
        { name: 'search', description: '检索与输入提示' },
        { name: 'import', description: '数据导入' },
        { name: 'projects', description: '项目' },
        { name: 'reading', description: '资源阅读' },
        { name: 'links', description: '资源与项目的关联及审核' },
        { name: 'jobs', description: '后台任务与死信' },
        { name: 'system', description: '运行状态' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(healthRoutes(deps));
  await app.register(searchRoutes(deps));
  await app.register(importRoutes(deps));
  await app.register(projectRoutes(deps));
  await app.register(projectAliasRoutes(deps));
  await app.register(readingRoutes(deps));
  await app.register(linkingRoutes(deps));
  await app.register(recommendRoutes(deps));
  await app.register(jobsRoutes(deps));
  return app;
}
