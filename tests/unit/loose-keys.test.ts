import { describe, expect, it } from 'vitest';
import { looseDocNos, looseKeys, looseLetterNos, looseProjectNos } from '../../indexers/segment/loose-keys.ts';
import { normalizeText } from '../../indexers/segment/normalize.ts';

const keys = (q: string) => looseKeys(normalizeText(q));

describe('loose keys in a query', () => {
  it.each([
    ['JXAA 2019 0012', 'JXAA20190012'],
    ['jxaa-2019-0012', 'JXAA20190012'],
    ['JXAA2019 0012', 'JXAA20190012'],
    ['ＪＸＡＡ２０１９００１２', 'JXAA20190012'],
    ['hs aa 2016.0020', 'HSAA20160020'],
    ['项目 JXAA 2019 0012 的进度', 'JXAA20190012'],
  ])('reads the project number in %s', (q, no) => {
    expect(looseProjectNos(normalizeText(q))).toEqual([no]);
  });

  it.each([
    ['武规2016 12', '武规〔2016〕12号'],
    ['武规2016-12号', '武规〔2016〕12号'],
    ['武规〔2016〕12', '武规〔2016〕12号'],
    ['武规（2016）12', '武规〔2016〕12号'],
    ['武政规2017年3号', '武政规〔2017〕3号'],
    ['根据武规2016 12', '武规〔2016〕12号'],
    ['鄂政办发2019第5号', '鄂政办发〔2019〕5号'],
  ])('reads the 文号 in %s', (q, no) => {
    expect(looseDocNos(normalizeText(q))).toContain(no);
  });

  it.each([['2017-09320', '[2017]09320'], ['2017 09320', '[2017]09320']])('reads the letter number in %s', (q, no) => {
    expect(looseLetterNos(normalizeText(q))).toEqual([no]);
  });

  it.each(['洪山区体育中心', '2016年12月', '二期工程', '青山区 2019'])('finds no key in %s', (q) => {
    expect(keys(q)).toEqual([]);
  });
});
