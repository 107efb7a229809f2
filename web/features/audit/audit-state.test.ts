import { describe, expect, it } from 'vitest';
import { EMPTY_AUDIT, auditApiParams, auditCsvHref, auditHref, parseAuditState } from './audit-state';

describe('审计日志 in the URL', () => {
  it('reads the filter and goes back to the same URL', () => {
    const url = '/audit?actor=supervisor&action=petitioner.read&from=2026-12-01&to=2026-12-02&before=120';
    const state = parseAuditState(new URL(url, 'http://x').searchParams);
    expect(state).toEqual({ actor: 'supervisor', action: 'petitioner.read', resource_type: null, from: '2026-12-01', to: '2026-12-02', before: 120 });
    expect(auditHref(state)).toBe(url);
  });

  it('drops what the API would refuse', () => {
    expect(parseAuditState({ from: '12/01/2026', to: '2026-12-0', before: '-3', actor: '  ' })).toEqual(EMPTY_AUDIT);
    expect(parseAuditState({ before: 'abc' }).before).toBe(null);
    expect(auditHref(EMPTY_AUDIT)).toBe('/audit');
  });

  it('asks the API for a page, and for the whole filter as CSV', () => {
    const state = { ...EMPTY_AUDIT, actor: 'admin', before: 40 };
    expect(auditApiParams(state)).toMatchObject({ actor: 'admin', before: 40, limit: 50 });
    expect(auditCsvHref(state)).toBe('/api/audit?actor=admin&format=csv');
  });
});
