/**
 * One error shape for every failure: `{ statusCode, error, message, reqId }`. Validation and
 * deliberate errors say what was wrong; unexpected ones are logged and answered with a plain
 * 500 that leaks nothing of the internals.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from '../common/errors.ts';

const REASONS: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity', 500: 'Internal Server Error' };

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let statusCode = 500;
    let message = '服务器内部错误 (internal error)';
    if (err instanceof AppError) {
      statusCode = err.statusCode;
      message = err.message;
    } else if (err.validation) {
      statusCode = 400;
      message = `${err.validationContext ?? 'request'}${err.message.replace(/^(body|querystring|params)/, '')}`;
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      statusCode = err.statusCode;
      message = err.message;
    } else {
      req.log.error({ err }, 'unhandled error');
    }
    void reply.status(statusCode).send({ statusCode, error: REASONS[statusCode] ?? 'Error', message, reqId: req.id });
  });
  app.setNotFoundHandler((req, reply) => {
    void reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `no route ${req.method} ${req.url.split('?')[0]}`, reqId: req.id });
  });
}
