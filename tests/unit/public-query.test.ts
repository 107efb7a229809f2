/** How the public inquiry reads a query and an approval's stages (services/public/public.service.ts). */
import { describe, expect, it } from 'vitest';
import { projectNoIn, stagesOf } from '../../services/public/public.service.ts';

describe('a project number written loosely', () => {
  it('is read whatever the case, spaces, dashes or dots in it', () => {
    for (const q of ['HSAA20190012', 'hsaa20190012', 'hsaa 2019 0012', 'HSAA-2019-0012', ' hs aa–2019·0012 ', 'HSAA.2019.0012', 'HSAA－2019－0012']) {
      expect(projectNoIn(q), q).toBe('HSAA20190012');
    }
  });

  it('is not found in a name, a partial number or a number with a letter too many', () => {
    for (const q of ['关山春晓', 'HSAA2019', 'HSAA201900120', 'HSAAA20190012', '2019 0012', 'HSAA 2019 00 1']) expect(projectNoIn(q), q).toBeNull();
  });
});

describe('an approval’s stages', () => {
  it('names each stage once, in the order the steps first reach it, skipping steps without one', () => {
    expect(stagesOf(['技术审查', '技术审查', null, '外部协审', ' ', '技术审查', '工程许可'])).toEqual(['技术审查', '外部协审', '工程许可']);
    expect(stagesOf([])).toEqual([]);
    expect(stagesOf([null, null])).toEqual([]);
  });
});
