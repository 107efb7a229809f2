import { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import { Client as OpenSearchClient } from '@opensearch-project/opensearch';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { elasticsearchTransport } from '../../indexers/engines/elasticsearch/elasticsearch-engine.ts';
import { openSearchTransport } from '../../indexers/engines/opensearch/opensearch-engine.ts';
import { EngineError, toEngineError } from '../../indexers/engines/cluster/transport.ts';
import { registerErrorHandler } from '../../services/server/error-handler.ts';

/** Nothing listens on port 1 of loopback: a cluster that does not answer. */
const DEAD = 'http://127.0.0.1:1';

/** A client's ResponseError, as both official clients shape it. */
const responseError = (statusCode: number, body: unknown) => Object.assign(new Error('Response Error'), { meta: { statusCode, body } });

describe('toEngineError', () => {
  it('names the engine error type and reason', () => {
    const err = toEngineError(responseError(404, { error: { type: 'index_not_found_exception', reason: 'no such index [x]' } }), 'search x');
    expect(err).toBeInstanceOf(EngineError);
    expect(err).toMatchObject({ status: 404, type: 'index_not_found_exception', message: 'search x: index_not_found_exception: no such index [x]' });
  });

  it('adds the failed shard’s cause to a search phase failure, which says nothing by itself', () => {
    const err = toEngineError(responseError(400, {
      error: {
        type: 'search_phase_execution_exception',
        reason: 'Partial shards failure',
        root_cause: [{ type: 'illegal_argument_exception', reason: 'unknown script language [painless]' }],
        failed_shards: [{ reason: { type: 'illegal_argument_exception', reason: 'unknown script language [painless]' } }],
      },
    }), 'search p-project');
    expect((err as Error).message).toBe(
      'search p-project: search_phase_execution_exception: Partial shards failure (illegal_argument_exception: unknown script language [painless])',
    );
  });

  it('leaves errors that are not the engine’s answer alone', () => {
    const plain = new Error('socket hang up');
    expect(toEngineError(plain, 'bulk')).toBe(plain);
  });

  it.each([
    ['OpenSearch', () => openSearchTransport(new OpenSearchClient({ node: DEAD, maxRetries: 0 }))],
    ['Elasticsearch', () => elasticsearchTransport(new ElasticsearchClient({ node: DEAD, maxRetries: 0 }))],
  ])('makes a cluster that does not answer a 503 engine_unavailable, through %s’s own client', async (_, transport) => {
    const t = transport();
    const err = await t.search(['p-project'], { query: { match_all: {} } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect(err).toMatchObject({ status: 503, type: 'engine_unavailable' });
    expect((err as Error).message).toMatch(/^search p-project: engine unavailable: /);
    await t.close();
  });

  it('is answered by the API as 503 with the one error shape and Retry-After, not as an internal error', async () => {
    const t = openSearchTransport(new OpenSearchClient({ node: DEAD, maxRetries: 0 }));
    const app = Fastify({ logger: false });
    registerErrorHandler(app);
    app.get('/search', async () => t.search(['p-project'], { query: { match_all: {} } }));
    const res = await app.inject({ method: 'GET', url: '/search' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json()).toMatchObject({ statusCode: 503, error: 'Service Unavailable', message: '搜索引擎暂时不可用，请稍后再试 (search engine unavailable)' });
    await app.close();
    await t.close();
  });
});
