/** `planhub users add|list|disable|enable|set-password|demo`: the hub's user accounts. */
import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { USER_ROLES } from '../../access/roles.ts';
import { DEMO_PASSWORD } from '../../auth/demo-users.ts';
import type { UserSummary } from '../../auth/user-admin.service.ts';
import { loadConfig } from '../../config/config.ts';
import { openRuntime, type Runtime } from '../../runtime/runtime.ts';

async function withRuntime<T>(fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await openRuntime(loadConfig());
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.replace(/\r?\n$/, '');
}

/** The password asked for: given, read from stdin, or made up here (and then printed, once). */
async function passwordFrom(opts: { password?: string; passwordStdin?: boolean }): Promise<{ password: string; generated: boolean }> {
  if (opts.password !== undefined) return { password: opts.password, generated: false };
  if (opts.passwordStdin) return { password: await readStdin(), generated: false };
  return { password: randomBytes(12).toString('base64url'), generated: true };
}

/** Columns as a terminal shows them: a Chinese character takes two cells. */
const cells = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - cells(s)));

function printUserTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => cells(r[i] ?? ''))));
  for (const r of rows) console.log(r.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd());
}

const userRows = (users: UserSummary[]) => [
  ['username', 'name', 'role', 'office', 'disabled'],
  ...users.map((u) => [u.username, u.displayName, u.role, u.office ?? '—', u.disabled ? 'yes' : '']),
];

const PASSWORD_HELP = 'the password (visible in the shell history and process list; prefer --password-stdin)';

export function usersCommand(): Command {
  const users = new Command('users').description('user accounts: add, list, disable, enable, set-password, demo');

  users
    .command('add')
    .description('add a user; without --password or --password-stdin a random password is made and printed once')
    .argument('<username>', '2–40 characters of a-z, 0-9, ".", "_" or "-"')
    .requiredOption('--role <role>', `one of ${USER_ROLES.join(', ')}`)
    .requiredOption('--name <displayName>', 'the name people see (e.g. 王主任)')
    .option('--office <office>', 'the office the user works in (e.g. 行政审批处)')
    .option('--password <password>', PASSWORD_HELP)
    .option('--password-stdin', 'read the password from stdin')
    .action(async (username: string, opts: { role: string; name: string; office?: string; password?: string; passwordStdin?: boolean }) => {
      const { password, generated } = await passwordFrom(opts);
      const user = await withRuntime((rt) => rt.auth.addUser({ username, displayName: opts.name, role: opts.role, office: opts.office ?? null, password }));
      console.log(`added ${user.username} (${user.displayName}, ${user.role}${user.office ? `, ${user.office}` : ''})`);
      if (generated) console.log(`password: ${password}  (shown once; change it with planhub users set-password ${user.username})`);
    });

  users
    .command('list')
    .description('list users: username, name, role, office, disabled')
    .action(async () => {
      const list = await withRuntime((rt) => rt.auth.listUsers());
      if (list.length === 0) console.log('no users yet (planhub users add, or planhub users demo)');
      else printUserTable(userRows(list));
    });

  users
    .command('disable')
    .description('disable a user: they can no longer sign in, and their sessions end now')
    .argument('<username>')
    .action(async (username: string) => {
      const r = await withRuntime((rt) => rt.auth.disableUser(username));
      console.log(`disabled ${r.username}; ${r.sessionsRevoked} session(s) ended`);
    });

  users
    .command('enable')
    .description('let a disabled user sign in again')
    .argument('<username>')
    .action(async (username: string) => {
      const r = await withRuntime((rt) => rt.auth.enableUser(username));
      console.log(`enabled ${r.username}`);
    });

  users
    .command('set-password')
    .description("set a user's password and end their sessions; without --password or --password-stdin a random one is made and printed once")
    .argument('<username>')
    .option('--password <password>', PASSWORD_HELP)
    .option('--password-stdin', 'read the password from stdin')
    .action(async (username: string, opts: { password?: string; passwordStdin?: boolean }) => {
      const { password, generated } = await passwordFrom(opts);
      const r = await withRuntime((rt) => rt.auth.setPassword(username, password));
      console.log(`password set for ${r.username}; ${r.sessionsRevoked} session(s) ended`);
      if (generated) console.log(`password: ${password}  (shown once)`);
    });

  users
    .command('demo')
    .description('create the demo users admin, supervisor, handler and officer (password planhub-demo) where missing')
    .action(async () => {
      const demo = await withRuntime((rt) => rt.auth.demoUsers());
      printDemoUsers(demo);
    });

  return users;
}

/** The demo users as `planhub start` and `planhub users demo` print them. */
export function printDemoUsers(demo: Array<UserSummary & { created: boolean }>): void {
  const created = demo.filter((u) => u.created);
  console.log(created.length ? `demo users (password ${DEMO_PASSWORD}):` : `demo users (created earlier; password ${DEMO_PASSWORD} unless changed since):`);
  printUserTable([
    ['username', 'name', 'role', 'office', ''],
    ...demo.map((u) => [u.username, u.displayName, u.role, u.office ?? '—', u.disabled ? 'disabled' : u.created ? 'new' : '']),
  ]);
}
