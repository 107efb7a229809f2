/** `planhub worker`: background jobs in their own process. */
import type { Config } from '../../config/config.ts';
import { openRuntime, startJobs } from '../../runtime/runtime.ts';

export async function runWorker(config: Config): Promise<void> {
  if (!config.databaseUrl) {
    throw new Error(
      'DATABASE_URL: a separate worker needs a PostgreSQL server; on the embedded store, jobs run inside `planhub serve`',
    );
  }
  const rt = await openRuntime(config);
  const runner = startJobs(rt, (m) => console.error(m));
  console.log(`worker running (${config.redisUrl ? `BullMQ, queue prefix "${config.queuePrefix}"` : 'in-process, polling the outbox'})`);
  const shutdown = async () => {
    await runner.stop();
    await rt.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}
