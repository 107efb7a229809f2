/**
 * `planhub stats rebuild`: counts the statistics (业务办理情况, 证照, projects, overdue steps)
 * again from the records, with a progress bar. The stats job keeps them current as records
 * change; a rebuild is for a store whose figures are in doubt, or after the counting changed.
 */
import { Command } from 'commander';
import { loadConfig } from '../../config/config.ts';
import { openRuntime, type Runtime } from '../../runtime/runtime.ts';
import { progressBar, type Progress } from '../progress.ts';

export async function runStatsRebuildWith(rt: Pick<Runtime, 'statsProjection'>, write: (line: string) => void = console.log): Promise<void> {
  let bar: Progress | null = null;
  const r = await rt.statsProjection.rebuild((done, total) => {
    bar ??= progressBar(total, 'approvals', 'stats     ');
    bar.update(done);
  });
  (bar as Progress | null)?.stop();
  const rate = r.seconds > 0 ? Math.round(r.approvals / r.seconds) : r.approvals;
  write(`statistics rebuilt from ${r.approvals} approvals in ${r.seconds.toFixed(1)} s (${rate} approvals/s)`);
}

export function statsCommand(): Command {
  const stats = new Command('stats').description('the bureau\'s statistics (业务办理情况, 证照情况统计, projects, overdue steps)');
  stats
    .command('rebuild')
    .description('count every statistic again from the records (the stats job keeps them current; this refills them whole)')
    .action(async () => {
      const rt = await openRuntime(loadConfig());
      try {
        await runStatsRebuildWith(rt);
      } finally {
        await rt.close();
      }
    });
  return stats;
}
