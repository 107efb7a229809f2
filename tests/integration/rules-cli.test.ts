/**
 * `planhub rules test` as CI and an operator run it: every rule's cases printed one per line and
 * exit 0 (one spawn); the same command over a rule book whose table no longer meets its cases
 * prints the failures with what was expected and got, and answers exit code 1. And
 * `planhub rules dry-run` over a PostgreSQL server holding an open approval at 受理 with an open
 * petition: the alert a table would open, before anything is published or stored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuleBook } from '../../rules/index.ts';
import { runRulesTest } from '../../services/cli/commands/rules.command.ts';
import { ROOT, startCli } from '../helpers/processes.ts';
import { createTestDb } from '../helpers/databases.ts';
import { buildApproval, buildPetition, buildProject } from '../helpers/factories.ts';
import { importJsonl } from '../helpers/imports.ts';
import { fromText, jsonl } from '../helpers/streams.ts';

describe('planhub rules test', () => {
  it('runs every rule\'s cases, one line each, and exits 0', async () => {
    const cli = startCli(['rules', 'test'], {});
    const code = await cli.exited;
    const out = cli.output();
    expect(code, out).toBe(0);
    const book = await createRuleBook();
    for (const meta of book.tables()) {
      expect(out).toContain(`${meta.id} v${meta.version} · ${meta.name}`);
      for (const c of book.table(meta.id)!.cases) expect(out).toContain(`  ✓ ${c.name}\n`);
    }
    expect(out).not.toContain('✗');
    expect(out).toMatch(new RegExp(`${book.tables().length} rule\\(s\\), \\d+ case\\(s\\): \\d+ passed, 0 failed`));
  }, 60_000);

  it('prints a failing case with what it expected and got, and answers 1', async () => {
    const dir = path.join(ROOT, 'rules', 'tables', 'upload-gate');
    const content = JSON.parse(fs.readFileSync(path.join(dir, 'table.json'), 'utf8'));
    // The draft lets 发证 through without its results and maps.
    content.nodes[1].content.rules[3].verdict = '"pass"';
    const meta = { ...JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8')), kind: 'table' as const, version: 2 };
    const lines: string[] = [];
    const code = await runRulesTest(await createRuleBook([{ id: 'upload-gate', version: 2, content, meta }]), 'upload-gate', (l) => lines.push(l));
    expect(code).toBe(1);
    const out = lines.join('\n');
    expect(out).toContain('upload-gate v2 · 上传关口');
    expect(out).toContain('  ✗ 发证办结、审批结果及图件未上传：禁止发送\n      expected {"verdict":"block"');
    expect(out).toContain('got      {"cause":"upload:results","options":[],"reason":"审批结果及图件未上传，发证环节禁止发送到下一环节","verdict":"pass"}');
    expect(out).toContain('  ✓ 发证办结、已上传：通过');
    expect(out).toContain('1 rule(s), 7 case(s): 6 passed, 1 failed');
    await expect(runRulesTest(await createRuleBook(), 'no-such-rule', () => {})).rejects.toThrow('no rule "no-such-rule"');
  });
});

describe('planhub rules dry-run', () => {
  it('lists the alert a table would open on an open approval at its step, and stores nothing', async () => {
    const t = await createTestDb('postgres');
    try {
      const project = buildProject();
      const approval = buildApproval(project.project_no, {
        steps: [{ name: '受理', stage: '技术审查', office: '行政审批处', handler: '经办人甲', limit_days: 1, started_at: '2026-11-30T09:00:00', finished_at: null }],
      });
      const petition = buildPetition({ project_nos: [project.project_no], status: '受理' });
      for (const [type, record] of [['project', project], ['approval', approval], ['petition', petition]] as const) {
        const r = await importJsonl(t.db, type, fromText(jsonl([record as unknown as Record<string, unknown>])));
        expect(r.rejected, JSON.stringify(r.errors)).toBe(0);
      }
      const table = path.join(ROOT, 'rules', 'tables', 'petition-check', 'table.json');
      const cli = startCli(['rules', 'dry-run', 'petition-check', table], { DATABASE_URL: t.url });
      const code = await cli.exited;
      expect(code, cli.output()).toBe(0);
      expect(cli.output()).toMatch(/petition-check v\d+: 1 open approval\(s\) at its steps evaluated/);
      expect(cli.output()).toContain('would open 1 alert(s)');
      expect(cli.output()).toContain(`+ ${approval.id} 受理 [alert]`);
      expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM alerts')).rows[0]!.n).toBe(0);

      const missing = startCli(['rules', 'dry-run', 'petition-check', path.join(ROOT, 'no-such-table.json')], { DATABASE_URL: t.url });
      expect(await missing.exited).not.toBe(0);
      expect(missing.output()).toContain('no-such-table.json: not a readable JSON table');
    } finally {
      await t.drop();
    }
  }, 120_000);
});
