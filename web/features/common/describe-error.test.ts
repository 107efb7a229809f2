import { describe, expect, it } from 'vitest';
import { ApiError, retryAfterSeconds } from './api-client';
import { describeError } from './describe-error';

describe('errors in Chinese', () => {
  it('says which role a refusal asks for, and never crashes on one it cannot read', () => {
    expect(describeError(new ApiError(403, 'the officer role may not link:review; it needs supervisor')).title).toBe('无权访问：需要负责人角色。');
    expect(describeError(new ApiError(403, 'the officer role may not alias:write; it needs handler, supervisor, admin')).title)
      .toBe('无权访问：需要经办人、负责人或系统管理员角色。');
    expect(describeError(new ApiError(403, 'Forbidden')).title).toBe('无权访问：您的角色不能使用此功能。');
  });

  it('asks to sign in on a 401', () => {
    expect(describeError(new ApiError(401, 'sign in to use this (search:read)')).title).toBe('请先登录。');
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterSeconds('42')).toBe(42);
    expect(retryAfterSeconds(new Date(60_000).toUTCString(), 0)).toBe(60);
    expect(retryAfterSeconds(null)).toBe(null);
    expect(retryAfterSeconds('soon')).toBe(null);
  });
});
