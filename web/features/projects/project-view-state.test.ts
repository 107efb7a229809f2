import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_VIEW, parseProjectView, projectViewHref } from './project-view-state';

describe('the 360 view’s state in its URL', () => {
  it('opens 进度视图 by default, with a URL free of parameters', () => {
    expect(parseProjectView(new URLSearchParams(''))).toEqual(DEFAULT_PROJECT_VIEW);
    expect(projectViewHref('HSAA20160001', {})).toBe('/projects/HSAA20160001');
  });

  it('round-trips the resources view with its type, query and page', () => {
    const href = projectViewHref('HSAA20160001', { view: 'resources', rtype: 'document', rq: ' 批复 ', rpage: 2 });
    expect(href).toBe(`/projects/HSAA20160001?view=resources&rtype=document&rq=${encodeURIComponent('批复')}&rpage=2`);
    expect(parseProjectView(new URLSearchParams(href.split('?')[1]))).toEqual({ view: 'resources', rtype: 'document', rq: '批复', rpage: 2 });
  });

  it('keeps resource parameters out of the other views and drops what it cannot use', () => {
    expect(projectViewHref('X', { view: 'work', rtype: 'document', rq: 'a' })).toBe('/projects/X?view=work');
    expect(parseProjectView({ view: 'map', rtype: 'spaceship', rpage: '0' })).toEqual(DEFAULT_PROJECT_VIEW);
  });
});
