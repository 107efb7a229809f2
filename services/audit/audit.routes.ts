import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { DEFAULT_AUDIT_LIMIT, MAX_AUDIT_LIMIT, type AuditQuery, type AuditService } from './audit.service.ts';

type Query = AuditQuery & { format?: 'json' | 'csv' };

const text = { type: 'string', maxLength: 200 } as const;

export function auditRoutes(deps: { audit: Pick<AuditService, 'list' | 'exportCsv'> }): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: Query }>('/api/audit', {
      config: { access: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: '审计日志：按操作人、操作、资源、时间筛选，新的在前；format=csv 导出',
        description: `按 id 分页：下一页以上一页的 next_before 作 before。limit 默认 ${DEFAULT_AUDIT_LIMIT}，最多 ${MAX_AUDIT_LIMIT}；`
          + 'from、to 为 ISO 日期或时间（不带时区按 UTC），from 含、to 为日期时含当天。'
          + 'format=csv 导出筛选到的全部记录（给了 limit 则最多 limit 条），UTF-8 带 BOM，表头为中文。',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            actor: text,
            action: text,
            resource_type: text,
            resource_id: text,
            from: { type: 'string', maxLength: 40 },
            to: { type: 'string', maxLength: 40 },
            before: { type: 'integer', minimum: 1 },
            limit: { type: 'integer', minimum: 1, maximum: MAX_AUDIT_LIMIT },
            format: { type: 'string', enum: ['json', 'csv'] },
          },
        },
        response: {
          200: {
            description: 'JSON；format=csv 时为 text/csv 文件',
            type: 'object',
            additionalProperties: false,
            properties: {
              entries: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    id: { type: 'integer' },
                    at: { type: 'string' },
                    actor: { type: 'string' },
                    action: { type: 'string' },
                    resource_type: { type: ['string', 'null'] },
                    resource_id: { type: ['string', 'null'] },
                    detail: { type: 'object', additionalProperties: true },
                  },
                },
              },
              next_before: { type: ['integer', 'null'] },
            },
          },
        },
      },
    }, async (req, reply) => {
      const { format, ...query } = req.query;
      if (format !== 'csv') return deps.audit.list(query);
      const csv = deps.audit.exportCsv(query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit.csv"')
        .send(Readable.from(csv));
    });
  };
}
