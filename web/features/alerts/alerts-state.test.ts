import { describe, expect, it } from 'vitest';
import { alertsApiParams, alertsHref, DEFAULT_ALERTS, parseAlertsState } from './alerts-state';

describe('预警 filter in the URL', () => {
  it('opens on open alerts, and status=all asks for every status', () => {
    expect(parseAlertsState({})).toEqual(DEFAULT_ALERTS);
    expect(parseAlertsState({ status: 'all' }).status).toBeNull();
    expect(parseAlertsState({ status: 'bogus' }).status).toBeNull();
    expect(parseAlertsState({ status: 'decided' }).status).toBe('decided');
    expect(parseAlertsState({ before: 'x1' }).before).toBeNull();
  });

  it('round-trips through the URL', () => {
    const state = { status: 'acknowledged' as const, office: '规划处', project: 'HSAA20120001', rule: 'petition-check', before: 42 };
    const href = alertsHref(state);
    expect(href.startsWith('/alerts?status=acknowledged&office=')).toBe(true);
    expect(parseAlertsState(new URL(href, 'http://x').searchParams)).toEqual(state);
    expect(parseAlertsState(new URL(alertsHref({ ...DEFAULT_ALERTS, status: null }), 'http://x').searchParams).status).toBeNull();
  });

  it('asks the API without the status when every status is wanted', () => {
    expect(alertsApiParams({ ...DEFAULT_ALERTS, status: null, project: 'P1' })).toEqual({ status: null, office: null, project: 'P1', rule: null, before: null, limit: 30 });
  });
});
