import { describe, expect, it } from 'vitest';
import { projectKeys } from './project.queries';

const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) => JSON.stringify(key.slice(0, prefix.length)) === JSON.stringify(prefix);

describe('project query keys', () => {
  it('nest a project’s resources under its detail, and every detail under projectKeys.all', () => {
    const detail = projectKeys.detail('HSAA20160001');
    const resources = projectKeys.resources('HSAA20160001', { type: 'document', size: 20 });
    expect(startsWith(detail, projectKeys.details())).toBe(true);
    expect(startsWith(detail, projectKeys.all)).toBe(true);
    expect(startsWith(resources, detail)).toBe(true);
    expect(startsWith(projectKeys.resources('JAAA20170002', { size: 20 }), detail)).toBe(false);
  });

  it('key briefs by the distinct numbers in order, so the same page asks once', () => {
    expect(projectKeys.briefs(['B', 'A', 'B'])).toEqual(projectKeys.briefs(['A', 'B']));
    expect(projectKeys.briefs(['A', 'B'])[2]).toEqual(['A', 'B']);
    expect(startsWith(projectKeys.briefs(['A']), projectKeys.all)).toBe(true);
  });
});
