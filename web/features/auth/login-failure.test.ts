import { describe, expect, it } from 'vitest';
import { ApiError } from '../common/api-client';
import { loginFailure } from './login-failure';

describe('a failed login in Chinese', () => {
  it('says the credentials are wrong on a 401, and how long to wait on a 429', () => {
    expect(loginFailure(new ApiError(401, 'wrong username or password'))).toBe('用户名或密码错误。');
    expect(loginFailure(new ApiError(429, 'too many failed logins', null, 42))).toBe('尝试次数过多，请 42 秒后再试。');
    expect(loginFailure(new ApiError(429, 'too many failed logins'))).toBe('尝试次数过多，请稍后再试。');
    expect(loginFailure(new ApiError(0, 'fetch failed'))).toBe('无法连接到服务器，请检查网络后重试。');
  });
});
