/**
 * What a log line may say about a request or an error: never a petitioner's personal data, at
 * any level. Fastify logs each request's URL, query string included, and a search for a phone
 * number would put the number in the log; errors may quote the input that caused them.
 */
import type { FastifyError, FastifyRequest } from 'fastify';
import { maskPersonalQuery, maskPersonalText } from '../privacy/pii-text.ts';

/** The request as Fastify's own serializer has it, with the URL masked (privacy/pii-text.ts). */
function req(r: FastifyRequest) {
  return { method: r.method, url: maskPersonalQuery(r.url), host: r.host, remoteAddress: r.ip, remotePort: r.socket?.remotePort };
}

/** An error's type, code, status, and its message and stack with personal data masked. */
function err(e: FastifyError) {
  return {
    type: e.name,
    message: maskPersonalText(String(e.message)),
    stack: maskPersonalText(String(e.stack ?? '')),
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(e.statusCode !== undefined ? { statusCode: e.statusCode } : {}),
  };
}

export const LOG_SERIALIZERS = { req, err };
