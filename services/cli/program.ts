/**
 * The `planhub` commands. Every command has --help; configuration comes from the environment
 * (see the README) and is checked before anything runs.
 */
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config/config.ts';
import { runGenerate } from './commands/generate.command.ts';
import { IMPORT_ORDER, importFile, planImport, printReport } from './commands/import.command.ts';
import { runJobsCommand } from './commands/jobs.command.ts';
import { runLink, runLinksExport } from './commands/link.command.ts';
import { runServe, runStart } from './commands/serve.command.ts';
import { runWorker } from './commands/worker.command.ts';
import { usersCommand } from './commands/users.command.ts';
import { rulesCommand } from './commands/rules.command.ts';
import { insightCommand } from './commands/insight.command.ts';
import { statsCommand } from './commands/stats.command.ts';
import { runReconcile, runReindex } from './commands/search.command.ts';
import { openRuntime } from '../runtime/runtime.ts';

const positiveInt = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a whole number of at least 1`);
  return n;
};

export function buildProgram(): Command {
  const program = new Command('planhub')
    .description('PlanHub：国土规划资源中心 (search hub for a land-and-planning bureau)')
    .showHelpAfterError();

  program
    .command('migrate')
    .description('apply database migrations that have not run yet')
    .action(async () => {
      const rt = await openRuntime(loadConfig());
      console.log(`database is current (${rt.db.kind})`);
      await rt.close();
    });

  program
    .command('generate')
    .description('write a realistic, deterministic demo corpus (JSON lines in the import format)')
    .option('--projects <n>', 'number of projects (about 10 resources each)', positiveInt('--projects'), 2000)
    .option('--seed <n>', 'random seed: the same seed gives the same files', positiveInt('--seed'), 1)
    .requiredOption('--out <dir>', 'folder to write the files into')
    .action(async (opts: { projects: number; seed: number; out: string }) => {
      await runGenerate(opts);
    });

  program
    .command('import')
    .description('import JSON-lines files; bad lines are reported by number, good lines land')
    .argument('[files...]', 'files to import (type guessed from names like projects.jsonl)')
    .option('--type <type>', `resource type of the files: ${IMPORT_ORDER.join('|')}`)
    .option('--dir <dir>', 'import every file of a generated corpus folder, projects first')
    .action(async (files: string[], opts: { type?: string; dir?: string }) => {
      const plan = planImport(files, opts);
      const rt = await openRuntime(loadConfig());
      let rejected = 0;
      try {
        for (const { file, type } of plan) {
          const report = await importFile(rt.imports, file, type);
          printReport(file, report);
          rejected += report.rejected;
        }
      } finally {
        await rt.close();
      }
      if (rejected > 0) process.exitCode = 1;
    });

  program
    .command('serve')
    .description('serve the web app and the API (and, without REDIS_URL, the job runner) on PORT; builds the web app first when it is missing or older than web/')
    .option('--no-web', 'serve the API only (no web app, no build)')
    .action(async (opts: { web: boolean }) => runServe(loadConfig(), opts));

  program
    .command('start')
    .description('serve with demo data: migrate, generate and import a demo corpus if the store is empty, then serve')
    .option('--projects <n>', 'projects in the demo corpus', positiveInt('--projects'), 2000)
    .option('--no-web', 'serve the API only (no web app, no build)')
    .action(async (opts: { projects: number; web: boolean }) => runStart(loadConfig(), opts));

  program
    .command('worker')
    .description('run background jobs in a separate process (needs DATABASE_URL; REDIS_URL for BullMQ)')
    .action(async () => runWorker(loadConfig()));

  program
    .command('reindex')
    .description('rebuild the search index from PostgreSQL into a new generation and switch readers over atomically')
    .action(async () => runReindex(loadConfig()));

  program
    .command('reconcile')
    .description('compare PostgreSQL with the search index (ids and versions) and repair the differences')
    .option('--dry-run', 'only report; exit 1 when something differs')
    .action(async (opts: { dryRun?: boolean }) => runReconcile(loadConfig(), opts));

  program
    .command('link')
    .description('link petitions, documents and meetings to the projects they are about (estimates the model first), with a progress bar')
    .option('--type <type>', 'only this type: petition | document | meeting')
    .action(async (opts: { type?: string }) => runLink(loadConfig(), opts));

  program
    .command('links')
    .description('links between resources and projects: `links export` writes them as JSON lines')
    .command('export')
    .description('write links as JSON lines {resource_type, resource_id, project_no, status, score, method, reasons}')
    .option('--type <type>', 'only this type: petition | document | meeting')
    .option('--status <status>', 'only this status: declared | auto | suggested | confirmed | rejected')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (opts: { type?: string; status?: string; out?: string }) => runLinksExport(loadConfig(), opts));

  program
    .command('jobs')
    .description('inspect background jobs: stats, dead letters, replay, prune (done rows past PLANHUB_OUTBOX_KEEP_DAYS)')
    .argument('<action>', 'stats | dead | replay | prune')
    .argument('[ids...]', 'outbox row ids to replay (default: all dead rows)')
    .action(async (action: string, ids: string[]) => runJobsCommand(loadConfig(), action, ids));

  program.addCommand(usersCommand());
  program.addCommand(rulesCommand());
  program.addCommand(insightCommand());
  program.addCommand(statsCommand());
  return program;
}
