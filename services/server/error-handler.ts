/**
 * One error shape for every failure: `{ statusCode, error, message, reqId }`. Validation and
 * deliberate errors say what was wrong; unexpected ones are logged and answered with a plain
 * 500 that leaks nothing of the internals.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance } from 'fastify';
import { EngineError } from '../../indexers/engines/cluster/transport.ts';
import { AppError, TooManyRequestsError } from '../common/errors.ts';
import { maskPersonalText } from '../privacy/pii-text.ts';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  reqId: string;
}

/**
 * The one error shape; `error` is the status's standard reason phrase. Messages may quote the
 * input (an id, a path, a query), so personal data in them is masked.
 */
export const errorBody = (statusCode: number, message: string, reqId: string): ErrorBody =>
  ({ statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message: maskPersonalText(message), reqId });

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let statusCode = 500;
    let message = '服务器内部错误 (internal error)';
    if (err instanceof AppError) {
      statusCode = err.statusCode;
      message = err.message;
      if (err instanceof TooManyRequestsError) void reply.header('retry-after', String(err.retryAfterSeconds));
    } else if (err instanceof EngineError && err.status === 503) {
      // The search cluster did not answer (a node down, a restart): say so, and when to try again.
      statusCode = 503;
      message = '搜索引擎暂时不可用，请稍后再试 (search engine unavailable)';
      void reply.header('retry-after', '5');
      req.log.warn({ err: err.message }, 'search engine unavailable');
    } else if (err.validation) {
      statusCode = 400;
      message = `${err.validationContext ?? 'request'}${err.message.replace(/^(body|querystring|params)/, '')}`;
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      statusCode = err.statusCode;
      message = err.message;
    } else {
      req.log.error({ err }, 'unhandled error');
    }
    void reply.status(statusCode).send(errorBody(statusCode, message, req.id));
  });
  app.setNotFoundHandler((req, reply) => {
    void reply.status(404).send(errorBody(404, `no route ${req.method} ${req.url.split('?')[0]}`, req.id));
  });
}
