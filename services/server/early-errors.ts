/**
 * Errors answered before a request reaches a route, in the same shape as every other error
 * (error-handler.ts): what Node's HTTP parser refuses (431 for oversized headers, 400 for raw
 * non-ASCII bytes in the URL), what the router refuses (bad percent-encoding, overlong path
 * parameters), and requests that arrive while the server shuts down. Fastify's defaults answer
 * these with bodies of their own, without `reqId`.
 */
import { STATUS_CODES, maxHeaderSize } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { errorBody } from './error-handler.ts';

/** What the parser's error codes mean for the client. */
const PARSER_MESSAGES: Record<string, string> = {
  HPE_HEADER_OVERFLOW: `the request headers are larger than the ${maxHeaderSize} bytes this server accepts`,
  HPE_INVALID_URL: 'the URL contains characters that must be percent-encoded (non-ASCII text, spaces, control characters): send them as %XX bytes of UTF-8',
  HPE_INVALID_HEADER_TOKEN: 'a request header contains characters HTTP does not allow',
  HPE_INVALID_METHOD: 'the request method is not one HTTP knows',
  ERR_HTTP_REQUEST_TIMEOUT: 'the request did not arrive in time',
};

/** Request ids in Fastify's own format, shared with errors that come before a request exists. */
export function createRequestIds(): () => string {
  let n = 0;
  return () => {
    n = (n + 1) & 0x7fffffff;
    return `req-${n.toString(36)}`;
  };
}

type ClientErrorHandler = NonNullable<FastifyServerOptions['clientErrorHandler']>;
type FrameworkErrors = NonNullable<FastifyServerOptions['frameworkErrors']>;

/** Answers what Node's parser refused; there is no request object yet, so it writes to the socket. */
export function clientErrorHandler(nextId: () => string): ClientErrorHandler {
  return function (this: FastifyInstance, err: Error & { code?: string }, socket: Socket) {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const statusCode = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const reqId = nextId();
    this.log.info({ reqId, code: err.code, statusCode }, 'request refused by the HTTP parser');
    if (socket.writable) {
      const body = JSON.stringify(errorBody(statusCode, PARSER_MESSAGES[err.code ?? ''] ?? `the request is not valid HTTP (${err.code ?? err.message})`, reqId));
      socket.write(`HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    }
    // After the answer is flushed: the parser cannot find where the next request would start.
    socket.destroySoon();
  };
}

/** Answers what the router refused (FST_ERR_BAD_URL, FST_ERR_MAX_PARAM_LENGTH, …). */
export const frameworkErrors = ((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
  const { statusCode, message } =
    err.code === 'FST_ERR_BAD_URL' ? { statusCode: 400, message: 'the URL path is not valid percent-encoded UTF-8' } :
    err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? { statusCode: 414, message: 'a path parameter is longer than this server accepts' } :
    { statusCode: 500, message: '服务器内部错误 (internal error)' };
  req.log[statusCode >= 500 ? 'error' : 'info']({ code: err.code, url: req.url }, 'request refused by the router');
  void reply.code(statusCode).send(errorBody(statusCode, message, req.id));
  // Fastify types the handler generically over route generics it cannot know here.
}) as FrameworkErrors;

/**
 * While the server closes, requests still arriving on open connections get a 503 in the one
 * shape (Fastify's own 503 has no reqId: the app sets `return503OnClosing: false`).
 */
export function registerClosingGate(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!closing) return;
    return reply.code(503).header('connection', 'close').send(errorBody(503, 'the server is shutting down: try again', req.id));
  });
}
