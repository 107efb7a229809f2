import { describe, expect, it } from 'vitest';
import { isOpenPath, loginHref, safeNext } from './next-path';

describe('the page the login page returns to', () => {
  it('keeps a path of this site with its query', () => {
    expect(safeNext('/projects/HSAA20120001')).toBe('/projects/HSAA20120001');
    expect(safeNext('/search?q=%E9%9D%92%E5%B1%B1&type=approval')).toBe('/search?q=%E9%9D%92%E5%B1%B1&type=approval');
    expect(safeNext('/links/review#top')).toBe('/links/review#top');
  });

  it('refuses anything that would leave the site', () => {
    for (const bad of [
      'https://evil.example/', 'http:/evil.example', '//evil.example', '///evil.example', '/\\evil.example', '\\\\evil.example',
      'javascript:alert(1)', 'evil.example', 'projects/X', '/\t/evil.example', '/\n/evil.example', ' /projects/X', '',
    ]) {
      expect(safeNext(bad), bad).toBe('/');
    }
    expect(safeNext(null)).toBe('/');
    expect(safeNext(undefined)).toBe('/');
    expect(safeNext(`/${'x'.repeat(3000)}`)).toBe('/');
  });

  it('does not return to the login page itself', () => {
    expect(safeNext('/login')).toBe('/');
    expect(safeNext('/login?next=/x')).toBe('/');
  });

  it('links to the login page with the path to return to', () => {
    expect(loginHref('/projects/HSAA20120001?view=work')).toBe('/login?next=%2Fprojects%2FHSAA20120001%3Fview%3Dwork');
    expect(loginHref('/')).toBe('/login');
    expect(loginHref('//evil.example')).toBe('/login');
  });

  it('knows the pages open without a login', () => {
    expect(isOpenPath('/login')).toBe(true);
    expect(isOpenPath('/public')).toBe(true);
    expect(isOpenPath('/publicity')).toBe(false);
    expect(isOpenPath('/')).toBe(false);
    expect(isOpenPath('/projects/X')).toBe(false);
  });
});
