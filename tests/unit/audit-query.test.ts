/** The audit API's time filter and CSV fields (services/audit/audit.service.ts, audit-csv.ts). */
import { describe, expect, it } from 'vitest';
import { csvField, csvRow } from '../../services/audit/audit-csv.ts';
import { parseIsoInstant } from '../../services/audit/audit.service.ts';

describe('an ISO date or date-time in from and to', () => {
  it('is a date’s first instant (UTC), or with endOfDay the next day’s', () => {
    expect(parseIsoInstant('2026-12-02')?.toISOString()).toBe('2026-12-02T00:00:00.000Z');
    expect(parseIsoInstant('2026-12-31', true)?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(parseIsoInstant('2024-02-29', true)?.toISOString()).toBe('2024-03-01T00:00:00.000Z');
  });

  it('reads a time without a zone as UTC and one with an offset in it', () => {
    expect(parseIsoInstant('2026-12-02T08:30')?.toISOString()).toBe('2026-12-02T08:30:00.000Z');
    expect(parseIsoInstant('2026-12-02T08:30:15.5Z')?.toISOString()).toBe('2026-12-02T08:30:15.500Z');
    expect(parseIsoInstant('2026-12-02T08:30:00+08:00')?.toISOString()).toBe('2026-12-02T00:30:00.000Z');
    // endOfDay only moves a date alone.
    expect(parseIsoInstant('2026-12-02T08:30:00Z', true)?.toISOString()).toBe('2026-12-02T08:30:00.000Z');
  });

  it('refuses what is not one, and days or times that do not exist', () => {
    for (const v of ['', 'yesterday', '2026-12', '12/02/2026', '2026-13-01', '2026-02-29', '2026-04-31', '2026-12-02T24:00', '2026-12-02T08:61', '2026-12-02 08:30', '20261202']) {
      expect(parseIsoInstant(v), v).toBeNull();
    }
  });
});

describe('a CSV field', () => {
  it('is quoted when it holds a comma, a quote or a line break, its quotes doubled', () => {
    expect(csvField('plain 文字')).toBe('plain 文字');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('两行\n文字')).toBe('"两行\n文字"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
    expect(csvRow(['a', '', 'b,c'])).toBe('a,,"b,c"\r\n');
  });

  it('that a spreadsheet would run as a formula is written as text', () => {
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1,2')).toBe('"\'-1,2"');
    expect(csvField('@x')).toBe("'@x");
    expect(csvField('a=b')).toBe('a=b');
  });
});
