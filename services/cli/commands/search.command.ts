/** `planhub reindex` and `planhub reconcile`: rebuild the search index, or repair it. */
import type { Config } from '../../config/config.ts';
import { openRuntime, type Runtime } from '../../runtime/runtime.ts';
import { progressBar, type Progress } from '../progress.ts';

export async function runReindexWith(rt: Runtime): Promise<void> {
  // One bar for the records, then one for the indexes built over them.
  let bar: { unit: string; progress: Progress } | null = null;
  const result = await rt.indexer.reindex(({ phase, done, total }) => {
    const unit = phase === 'indexes' ? 'indexes' : 'records';
    if (bar?.unit !== unit) {
      bar?.progress.stop();
      bar = { unit, progress: progressBar(total, unit, unit === 'indexes' ? 'build     ' : 'reindex   ') };
    }
    bar.progress.update(done, `${phase.padEnd(11)}`);
  });
  (bar as { progress: Progress } | null)?.progress.stop();
  console.log(`search index generation ${result.generation}: ${result.records} records as ${result.docs} documents in ${result.seconds.toFixed(1)} s (${Math.round(result.records / result.seconds)} records/s)`);
  const caughtUp = await rt.indexer.reconcile();
  if (caughtUp.missing + caughtUp.stale + caughtUp.extra > 0) {
    console.log(`caught up with changes made during the rebuild: ${caughtUp.missing} missing, ${caughtUp.stale} stale, ${caughtUp.extra} extra`);
  }
}

export async function runReindex(config: Config): Promise<void> {
  const rt = await openRuntime(config);
  try {
    await runReindexWith(rt);
  } finally {
    await rt.close();
  }
}

export async function runReconcile(config: Config, opts: { dryRun?: boolean }): Promise<void> {
  const rt = await openRuntime(config);
  try {
    const r = await rt.indexer.reconcile({ repair: !opts.dryRun });
    const verb = opts.dryRun ? 'found' : 'repaired';
    console.log(`checked ${r.checked} records: ${verb} ${r.missing} missing, ${r.stale} stale, ${r.extra} extra in the index`);
    if (opts.dryRun && r.missing + r.stale + r.extra > 0) process.exitCode = 1;
  } finally {
    await rt.close();
  }
}
