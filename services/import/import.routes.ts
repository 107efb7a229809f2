import type { FastifyPluginAsync } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Readable } from 'node:stream';
import { badRequest } from '../common/errors.ts';
import { RESOURCE_TYPES, parseResourceType } from '../resources/resource.schema.ts';
import type { ImportService } from './import.service.ts';

const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/json-lines', 'text/plain'];

/** The one error shape (server/error-handler.ts), documented here for this route's 4xx answers. */
const errorProperties = {
  statusCode: { type: 'integer' },
  error: { type: 'string' },
  message: { type: 'string' },
  reqId: { type: 'string' },
};

/**
 * The report sits beside the envelope, in the 200 as in the 422, so a client reads the counts
 * and per-line errors the same way whether or not some lines were rejected.
 */
const reportSchema = {
  type: 'object',
  properties: {
    ...errorProperties,
    type: { type: 'string' },
    lines: { type: 'integer' },
    accepted: { type: 'integer' },
    changed: { type: 'integer' },
    unchanged: { type: 'integer' },
    rejected: { type: 'integer' },
    unknownProjectNos: { type: 'integer' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { line: { type: 'integer' }, field: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

export function importRoutes(deps: { imports: Pick<ImportService, 'importJsonl'> }): FastifyPluginAsync {
  return async (app) => {
    // The body is streamed into the importer line by line, so a large file never sits in memory.
    app.addContentTypeParser(NDJSON_TYPES, (_req, payload, done) => done(null, payload));

    app.post<{ Params: { type: string } }>('/api/import/:type', {
      config: { access: 'import:write' },
      schema: {
        tags: ['import'],
        summary: '导入 JSON Lines（按 id 更新或新增）',
        description: `请求体为 JSON Lines（Content-Type: application/x-ndjson）。类型：${RESOURCE_TYPES.join(', ')}。` +
          '错误行逐行报告，其余行照常导入；重复导入同一文件不产生变化。',
        params: { type: 'object', properties: { type: { type: 'string', enum: RESOURCE_TYPES } }, required: ['type'] },
        response: { 200: reportSchema, 422: reportSchema, '4xx': { type: 'object', properties: errorProperties } },
      },
    }, async (req, reply) => {
      const type = parseResourceType(req.params.type);
      if (!req.body || typeof (req.body as Readable).pipe !== 'function') {
        throw badRequest(`send the records as JSON Lines with Content-Type ${NDJSON_TYPES[0]}`);
      }
      const report = await deps.imports.importJsonl(type, req.body as Readable, { actor: 'api' });
      if (report.lines === 0) throw badRequest('the body holds no records');
      const statusCode = report.rejected > 0 ? 422 : 200;
      const message = report.rejected > 0
        ? `${report.rejected} of ${report.lines} lines were rejected; the other ${report.accepted} were imported`
        : `${report.accepted} records imported (${report.changed} changed)`;
      const envelope = statusCode === 422 ? { statusCode, error: STATUS_CODES[422], message, reqId: req.id } : { statusCode, message, reqId: req.id };
      return reply.status(statusCode).send({ ...report, ...envelope });
    });
  };
}
