import { describe, expect, it } from 'vitest';
import { EngineError, toEngineError } from '../../indexers/engines/cluster/transport.ts';

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
});
