/** PLANHUB_SESSION_HOURS: how long a sign-in lasts, 8 hours unless set to 1–720. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../services/config/config.ts';

describe('PLANHUB_SESSION_HOURS', () => {
  it('is 8 by default and read when set', () => {
    expect(loadConfig({}).sessionHours).toBe(8);
    expect(loadConfig({ PLANHUB_SESSION_HOURS: '24' }).sessionHours).toBe(24);
    expect(loadConfig({ PLANHUB_SESSION_HOURS: '720' }).sessionHours).toBe(720);
  });

  it.each([
    ['0', /PLANHUB_SESSION_HOURS: must be 1–720 hours/],
    ['721', /PLANHUB_SESSION_HOURS: must be 1–720 hours/],
    ['1.5', /PLANHUB_SESSION_HOURS: must be a whole number of hours/],
    ['eight', /PLANHUB_SESSION_HOURS: must be a number of hours/],
  ])('refuses %s naming the variable', (value, message) => {
    expect(() => loadConfig({ PLANHUB_SESSION_HOURS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ PLANHUB_SESSION_HOURS: value })).toThrow(message);
  });
});
