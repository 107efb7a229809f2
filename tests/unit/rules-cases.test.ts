/**
 * Every rule's own test cases, as kept beside it (rules/tables/<id>/cases.json,
 * rules/functions/<id>.cases.json): the list comes from the catalog, so a new table's cases run
 * here without editing this file. Each rule also carries what the rule center shows.
 */
import { describe, expect, it } from 'vitest';
import { createRuleBook, type CaseResult } from '../../rules/index.ts';

const book = await createRuleBook();
const rules = book.tables();

describe('the catalog', () => {
  it('holds every seed rule, tables and functions', () => {
    expect(rules.map((r) => r.id).sort()).toEqual(
      expect.arrayContaining(['acceptance-credit', 'acceptance-materials', 'handler-ranking', 'intake-window', 'lead-office', 'overdue', 'petition-check', 'project-no', 'sign-off', 'supervision-gis', 'upload-gate']),
    );
  });
});

describe.each(rules.map((r) => [r.id, r] as const))('%s', (id, meta) => {
  const { cases } = book.table(id)!;
  let results: Promise<CaseResult[]> | undefined;
  const resultOf = async (name: string) => (await (results ??= book.runCases(id))).find((r) => r.name === name);

  it('states its name, version, effective date, basis and points, and has at least 4 uniquely named cases', () => {
    expect(meta.name).toMatch(/\p{Script=Han}/u);
    expect(meta.version).toBeGreaterThanOrEqual(1);
    expect(meta.effective).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(meta.basis).toMatch(/《.+》/);
    expect(Array.isArray(meta.points)).toBe(true);
    expect(cases.length).toBeGreaterThanOrEqual(4);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [c.name]))('%s', async (name) => {
    const r = await resultOf(name);
    expect(r, 'the case ran').toBeDefined();
    expect(r!.ok, `expected ${JSON.stringify(r!.expected)}\ngot ${JSON.stringify(r!.got)}`).toBe(true);
  });
});
