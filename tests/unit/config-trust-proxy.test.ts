/** PLANHUB_TRUST_PROXY: off unless set; true, or the proxies' addresses; anything else refused naming it. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../services/config/config.ts';

describe('PLANHUB_TRUST_PROXY', () => {
  it('is off when unset, empty or false', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ PLANHUB_TRUST_PROXY: '' }).trustProxy).toBe(false);
    expect(loadConfig({ PLANHUB_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });

  it('reads true, and a comma-separated list of addresses, ranges and named ranges', () => {
    expect(loadConfig({ PLANHUB_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ PLANHUB_TRUST_PROXY: '10.0.0.2' }).trustProxy).toEqual(['10.0.0.2']);
    expect(loadConfig({ PLANHUB_TRUST_PROXY: ' 10.0.0.2, 172.16.0.0/12,loopback,fd00::/8 ' }).trustProxy)
      .toEqual(['10.0.0.2', '172.16.0.0/12', 'loopback', 'fd00::/8']);
  });

  it.each([
    ['1', /PLANHUB_TRUST_PROXY: a number of hops is not supported/],
    ['yes', /PLANHUB_TRUST_PROXY: must be true, false, or a comma-separated list/],
    ['proxy.internal', /PLANHUB_TRUST_PROXY: must be true/],
    ['10.0.0.0/33', /PLANHUB_TRUST_PROXY: must be true/],
    ['10.0.0.2,,nope', /PLANHUB_TRUST_PROXY: must be true/],
    [' , ', /PLANHUB_TRUST_PROXY: must be true/],
  ])('refuses %j naming the variable', (value, message) => {
    expect(() => loadConfig({ PLANHUB_TRUST_PROXY: value })).toThrow(ConfigError);
    expect(() => loadConfig({ PLANHUB_TRUST_PROXY: value })).toThrow(message);
  });
});
