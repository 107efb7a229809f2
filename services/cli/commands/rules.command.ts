/**
 * `planhub rules test [id]`: runs the rules' own test cases (every table and function rule, or
 * one) as kept in rules/, prints each case's result and exits 1 when one fails. Needs no
 * database: it checks the rules as they are in the repository, as CI does.
 */
import { Command } from 'commander';
import { createRuleBook, type RuleBook } from '../../../rules/index.ts';

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

export function rulesCommand(): Command {
  const rules = new Command('rules').description('the bureau\'s rules (decision tables and function rules in rules/)');
  rules
    .command('test')
    .description('run the rules\' test cases (inputs → expected outputs); exits 1 when a case fails')
    .argument('[id]', 'only this rule (e.g. acceptance-credit)')
    .action(async (id: string | undefined) => {
      process.exitCode = await runRulesTest(await createRuleBook(), id);
    });
  return rules;
}
