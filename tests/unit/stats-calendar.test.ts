/**
 * The statistics migration fills the steps' due days in SQL, with the official calendar written
 * into it (weekdays off, weekend days worked); the stats job counts them with rules/ dueDate over
 * chinese-days. The two must be the same calendar for the years the package knows.
 */
import fs from 'node:fs';
import path from 'node:path';
import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';

const MIGRATION = path.join(import.meta.dirname, '../../services/db/migrations/20261203120000_stats.sql');

function listsInMigration(): { off: string[]; worked: string[] } {
  const sql = fs.readFileSync(MIGRATION, 'utf8');
  const lists = [...sql.matchAll(/'\{([\d\s,-]+)\}'::date\[\]/g)].map((m) => m[1]!.split(',').map((d) => d.trim()).filter(Boolean));
  expect(lists).toHaveLength(2);
  return { off: lists[0]!, worked: lists[1]! };
}

describe('the calendar the statistics migration fills due days with', () => {
  it('is chinese-days’ for 2004–2026: every weekday off and weekend day worked, and no other', () => {
    const off: string[] = [];
    const worked: string[] = [];
    for (let t = Date.UTC(2004, 0, 1); t <= Date.UTC(2026, 11, 31); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      const weekend = [0, 6].includes(new Date(t).getUTCDay());
      const workday = chineseDays.isWorkday(day);
      if (!weekend && !workday) off.push(day);
      if (weekend && workday) worked.push(day);
    }
    const m = listsInMigration();
    expect(m.off).toEqual(off);
    expect(m.worked).toEqual(worked);
    // National Day 2024 and its worked Saturday, as the rules' README cites them.
    expect(m.off).toContain('2024-10-07');
    expect(m.worked).toContain('2024-10-12');
  });
});
