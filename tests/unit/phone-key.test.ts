/** The keyed hash of a petitioner's phone (services/privacy/phone-key.ts): one key per number, whatever its format. */
import { describe, expect, it } from 'vitest';
import { NO_PHONE_KEY, phoneKey, storedPhoneKey } from '../../services/privacy/phone-key.ts';

const SECRET = 'test-secret-not-for-use';

describe('phoneKey', () => {
  it('gives one number written in different ways one key', () => {
    const key = phoneKey(SECRET, '13712345678');
    for (const written of ['137-1234-5678', '137 1234 5678', '+86 137 1234 5678', '0086-13712345678', '8613712345678']) {
      expect(phoneKey(SECRET, written), written).toBe(key);
    }
  });

  it('gives other numbers, and the same number under another secret, other keys', () => {
    expect(phoneKey(SECRET, '13712345679')).not.toBe(phoneKey(SECRET, '13712345678'));
    expect(phoneKey('another-secret', '13712345678')).not.toBe(phoneKey(SECRET, '13712345678'));
  });

  it('holds none of the number', () => {
    const key = phoneKey(SECRET, '13712345678')!;
    expect(key).not.toMatch(/1371|5678/);
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('keys nothing too short to tell callers apart, and says so in what it stores', () => {
    expect(phoneKey(SECRET, '12345')).toBeNull();
    expect(storedPhoneKey(SECRET, '12345')).toBe(NO_PHONE_KEY);
    expect(storedPhoneKey(SECRET, null)).toBeNull();
    expect(storedPhoneKey(SECRET, '  ')).toBeNull();
    expect(storedPhoneKey(SECRET, '027-87654321')).toBe(phoneKey(SECRET, '02787654321'));
  });
});
