/**
 * The HTTP API: Fastify with OpenAPI docs at /docs. Routes live in their feature folders and
 * are registered here; each is a schema and one service call.
 */
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAccess } from '../access/access.hook.ts';
import type { Config } from '../config/config.ts';
import { advanceRoutes } from '../alerts/advance.routes.ts';
import { alertRoutes } from '../alerts/alert.routes.ts';
import { ruleRoutes } from '../alerts/rule.routes.ts';
import { assignmentRoutes } from '../assignment/assignment.routes.ts';
import { auditRoutes } from '../audit/audit.routes.ts';
import { authRoutes } from '../auth/auth.routes.ts';
import type { Db } from '../db/db.ts';
import { importRoutes } from '../import/import.routes.ts';
import { insightRoutes } from '../insight/insight.routes.ts';
import { jobsRoutes } from '../jobs/jobs.routes.ts';
import { linkingRoutes } from '../linking/linking.routes.ts';
import { projectAliasRoutes } from '../projects/project-alias.routes.ts';
import { projectRoutes } from '../projects/project.routes.ts';
import { publicRoutes } from '../public/public.routes.ts';
import type { PublicService } from '../public/public.service.ts';
import { registerRateLimit } from '../public/rate-limit.ts';
import { readingRoutes } from '../reading/reading.routes.ts';
import { recommendRoutes } from '../recommend/recommend.routes.ts';
import type { RecommendService } from '../recommend/recommend.service.ts';
import { clientErrorHandler, createRequestIds, frameworkErrors, registerClosingGate } from './early-errors.ts';
import { registerErrorHandler } from './error-handler.ts';
import { registerInputGuard } from './input-guard.ts';
import { LOG_SERIALIZERS } from './log-serializers.ts';
import { healthRoutes } from './health.routes.ts';
import { searchRoutes } from '../search/search.routes.ts';
import { statsRoutes } from '../stats/stats.routes.ts';
import type { SearchService } from '../search/search.service.ts';
import type { SuggestService } from '../search/suggest.service.ts';
import type { Services } from '../runtime/services.ts';

export interface AppDeps extends Services {
  db: Db;
  search: SearchService;
  suggest: SuggestService;
  recommendations: RecommendService;
  progress: PublicService;
  /** `trustProxy` (PLANHUB_TRUST_PROXY); absent, nobody's X-Forwarded-* headers are believed. */
  config?: Pick<Config, 'trustProxy'>;
  logLevel?: string;
  /** Where log lines go (standard output when absent): tests read them to check nothing personal is logged. */
  logStream?: { write(line: string): void };
}

/** Bytes a JSON request body may hold (the largest are link decisions and aliases, well under 1 KB). */
export const JSON_BODY_LIMIT = 64 * 1024;

/**
 * What pages may load: only this origin. Next's pages carry inline bootstrap scripts and Ant
 * Design writes its styles inline at run time, hence 'unsafe-inline' for both; nothing is
 * fetched from anywhere else, and no page may frame the hub.
 */
const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'unsafe-inline'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  upgradeInsecureRequests: null,
};

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const nextReqId = createRequestIds();
  const app = Fastify({
    logger: {
      level: deps.logLevel ?? 'info',
      // Bodies are never logged; headers that carry credentials are masked.
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      // URLs (a search for a phone number) and error messages with personal data masked.
      serializers: LOG_SERIALIZERS,
      ...(deps.logStream ? { stream: deps.logStream } : {}),
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
    // JSON bodies of the API are small; the JSON Lines import streams and sets its own limit.
    bodyLimit: JSON_BODY_LIMIT,
    // Behind a proxy, req.ip (the rate limit's key) and req.protocol (the cookie's Secure flag)
    // come from X-Forwarded-For/-Proto only from the proxies the operator names.
    trustProxy: deps.config?.trustProxy ?? false,
  });
  registerErrorHandler(app);
  registerInputGuard(app);
  registerClosingGate(app);
  await app.register(helmet, { contentSecurityPolicy: { directives: CSP }, crossOriginEmbedderPolicy: false });
  await app.register(cookie);
  // Only routes that ask for it are limited (the public inquiry); internal ones are not slowed.
  await registerRateLimit(app);
  // Before any route: every route registered after this must declare its permission.
  registerAccess(app, deps.auth);
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
        { name: 'auth', description: '登录与会话' },
        { name: 'public', description: '公众查询（无需登录，按客户端限流）' },
        { name: 'audit', description: '审计日志' },
        { name: 'approvals', description: '审批环节推进与规则结果' },
        { name: 'alerts', description: '预警及其决定（提醒 / 退件 / 暂停）' },
        { name: 'rules', description: '业务规则管理中心：决策表、版本、测试用例与试运行' },
        { name: 'insight', description: '流程分析：阻滞节点、互为前置、潜在可并行环节与合规性' },
        { name: 'stats', description: '统计：业务办理情况、证照情况、项目数、超期环节，及其背后的审批' },
        { name: 'system', description: '运行状态' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(healthRoutes(deps));
  await app.register(authRoutes(deps));
  await app.register(publicRoutes(deps));
  await app.register(searchRoutes(deps));
  await app.register(importRoutes(deps));
  await app.register(projectRoutes(deps));
  await app.register(projectAliasRoutes(deps));
  await app.register(readingRoutes(deps));
  await app.register(linkingRoutes(deps));
  await app.register(recommendRoutes(deps));
  await app.register(jobsRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(advanceRoutes(deps));
  await app.register(assignmentRoutes(deps));
  await app.register(alertRoutes(deps));
  await app.register(ruleRoutes(deps));
  await app.register(insightRoutes(deps));
  await app.register(statsRoutes(deps));
  return app;
}
