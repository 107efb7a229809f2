/** `planhub jobs stats|dead|replay|prune`: the outbox, its dead letters, and pruning done rows now. */
import type { Config } from '../../config/config.ts';
import { startOutboxPruner } from '../../outbox/outbox-pruner.ts';
import { listDead, outboxStats, replayDead } from '../../outbox/outbox.store.ts';
import { openRuntime } from '../../runtime/runtime.ts';

export async function runJobsCommand(config: Config, action: string, ids: string[]): Promise<void> {
  if (!['stats', 'dead', 'replay', 'prune'].includes(action)) throw new Error(`unknown jobs action "${action}": use stats, dead, replay or prune`);
  const numbers = ids.map((id) => {
    const n = Number(id);
    if (!Number.isInteger(n) || n < 1) throw new Error(`"${id}" is not an outbox row id`);
    return n;
  });
  const rt = await openRuntime(config);
  try {
    if (action === 'stats') {
      const s = await outboxStats(rt.db);
      console.log(`pending ${s.pending}, done ${s.done}, dead ${s.dead}`);
    } else if (action === 'dead') {
      const rows = await listDead(rt.db, 1000);
      if (rows.length === 0) console.log('no dead letters');
      for (const r of rows) console.log(`${r.id}\t${r.topic}\t${r.resource_type}/${r.resource_id} v${r.version}\t${r.attempts} attempts\t${r.last_error ?? ''}`);
    } else if (action === 'prune') {
      const pruner = startOutboxPruner(rt.db, { keepDays: config.outboxKeepDays });
      const n = await pruner.pruneNow().finally(() => pruner.stop());
      console.log(`${n} done rows older than ${config.outboxKeepDays} days deleted`);
    } else {
      const n = await replayDead(rt.db, numbers.length ? numbers : null);
      console.log(`${n} dead letters put back in line`);
    }
  } finally {
    await rt.close();
  }
}
