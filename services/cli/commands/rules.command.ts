/**
 * `planhub rules test [id]`: runs the rules' own test cases (every table and function rule, or
 * one) as kept in rules/, prints each case's result and exits 1 when one fails. Needs no
 * database: it checks the rules as they are in the repository, as CI does.
 */
import fs from 'node:fs';
import { Command } from 'commander';
import { createRuleBook, type RuleBook } from '../../../rules/index.ts';
import type { DryRun } from '../../alerts/rule-center.service.ts';
import { loadConfig } from '../../config/config.ts';
import { openRuntime } from '../../runtime/runtime.ts';

/** Runs the cases and writes one line per case; the exit code (0 all passed, 1 a case failed). */
export async function runRulesTest(book: RuleBook, id: string | undefined, write: (line: string) => void = console.log): Promise<number> {
  const rules = book.tables().filter((t) => id === undefined || t.id === id);
  if (rules.length === 0) throw new Error(`no rule "${id}"; \`planhub rules test\` without an id lists them all`);
  let passed = 0;
  let failed = 0;
  for (const meta of rules) {
    write(`${meta.id} v${meta.version} · ${meta.name} · ${meta.kind === 'table' ? '决策表' : '函数'}`);
    for (const r of await book.runCases(meta.id)) {
      write(`  ${r.ok ? '✓' : '✗'} ${r.name}`);
      if (!r.ok) write(`      expected ${JSON.stringify(r.expected)}\n      got      ${JSON.stringify(r.got)}`);
      if (r.ok) passed++;
      else failed++;
    }
  }
  write(`${rules.length} rule(s), ${passed + failed} case(s): ${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

/** The dry run's report as lines a person reads before publishing. */
export function describeDryRun(r: DryRun): string[] {
  const lines = [`${r.rule_id} v${r.version}: ${r.evaluated} open approval(s) at its steps evaluated`];
  lines.push(`  would open ${r.would_open.length} alert(s)`);
  for (const a of r.would_open) lines.push(`    + ${a.approval_id} ${a.step} [${a.verdict}] ${a.reason}`);
  lines.push(`  would close ${r.would_close.length} alert(s)`);
  for (const a of r.would_close) lines.push(`    - #${a.alert_id} ${a.approval_id} ${a.step} ${a.reason}`);
  return lines;
}

export function rulesCommand(): Command {
  const rules = new Command('rules').description('the bureau\'s rules (decision tables and function rules in rules/)');
  rules
    .command('test')
    .description('run the rules\' test cases (inputs → expected outputs); exits 1 when a case fails')
    .argument('[id]', 'only this rule (e.g. acceptance-credit)')
    .action(async (id: string | undefined) => {
      process.exitCode = await runRulesTest(await createRuleBook(), id);
    });
  rules
    .command('dry-run')
    .description('which alerts a changed table would open or close among the open approvals, before it is published (nothing is stored)')
    .argument('<id>', 'the table (e.g. petition-check)')
    .argument('<file>', 'the changed table: GoRules JDM JSON')
    .action(async (id: string, file: string) => {
      let content: unknown;
      try {
        content = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (err) {
        throw new Error(`${file}: not a readable JSON table (${(err as Error).message})`);
      }
      const rt = await openRuntime(loadConfig());
      try {
        for (const line of describeDryRun(await rt.ruleCenter.dryRun(id, { content }))) console.log(line);
      } finally {
        await rt.close();
      }
    });
  return rules;
}
