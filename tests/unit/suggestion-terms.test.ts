/**
 * Type-ahead terms built from the data (pure): where a name's inner words begin, the pinyin
 * forms typed from them, the sales names and aliases that stand for a project; and how the
 * cluster engine writes those forms and reads their matches back.
 */
import type { estypes } from '@elastic/elasticsearch';
import { describe, expect, it } from 'vitest';
import { suggestBody, toSuggestDoc } from '../../indexers/engines/cluster/search-bodies.ts';
import { readSuggest, type SuggestSource } from '../../indexers/engines/cluster/search-results.ts';
import {
  MAX_WORD_STARTS, pinyinForms, plainWordCutter, suggestionKey, suggestionTerms, wordKeys, wordStarts,
} from '../../indexers/suggestions.ts';
import type { SuggestionSources } from '../../indexers/suggestion-source.store.ts';

const cut = plainWordCutter();
const NAME = '武昌区某某街光谷小学新建工程';

describe('word starts', () => {
  it('begin at each word of two characters or more after the first, in jieba\'s general dictionary', () => {
    // 武昌区 / 某某 / 街 / 光谷 / 小学 / 新建 / 工程: 街 alone begins nothing.
    expect(wordStarts(NAME, cut).map((i) => NAME.slice(i, i + 2))).toEqual(['某某', '光谷', '小学', '新建', '工程']);
    // Punctuation begins nothing either.
    expect(wordStarts('某某·湖畔里', cut).map((i) => '某某·湖畔里'.slice(i))).toEqual(['湖畔里']);
  });

  it('are bounded, so a long title adds a few keys, not one per character', () => {
    const title = '关于进一步加强武汉市建设工程规划管理和城市设计工作推进国土空间规划体系建设的实施意见';
    expect(wordStarts(title, cut)).toHaveLength(MAX_WORD_STARTS);
    expect(wordKeys(title, cut).length).toBeLessThanOrEqual(2 * MAX_WORD_STARTS);
  });

  it('give the pinyin and initials from each inner word on, not those of the whole', () => {
    const keys = wordKeys(NAME, cut);
    expect(keys).toContain('ggxxxjgc');
    expect(keys).toContain('guangguxiaoxuexinjiangongcheng');
    expect(keys).not.toContain(pinyinForms(NAME).initials);
    expect(wordKeys('青山区', cut)).toEqual([]);
  });

  it('stop at a cutter that does not give back the text', () => {
    expect(wordStarts(NAME, () => ['武昌区', '某某', 'X', '光谷'])).toEqual([3]);
  });
});

describe('pinyin forms', () => {
  it('drop punctuation, as nobody types it: 万科·湖畔里 is wankehupanli', () => {
    expect(pinyinForms('万科·湖畔里')).toEqual({ pinyin: 'wankehupanli', initials: 'wkhpl' });
    expect(pinyinForms('Loft青年汇 loft')).toEqual({ pinyin: 'loftqingnianhuiloft', initials: 'loftqnhloft' });
  });
});

describe('project terms', () => {
  const sources = (p: Partial<SuggestionSources['projects'][number]>): SuggestionSources => ({
    projects: [{ name: '洪山区某某街道K1地块住宅项目', project_no: 'HSAA20190031', district: '洪山', n: 3, estate_name: null, aliases: null, ...p }],
    builders: [],
    regulations: [],
  });
  const projectTerms = (s: SuggestionSources) => suggestionTerms(s, cut).filter((t) => t.kind === 'project');

  it('add the sales name and each alias, opening the project and saying which one it is', () => {
    const terms = projectTerms(sources({ estate_name: '某某·湖畔里', aliases: ['湖畔里小区', '洪山区某某街道K1地块住宅项目', '湖畔里小区'] }));
    expect(terms.map((t) => [t.text, t.ref, t.detail])).toEqual([
      ['洪山区某某街道K1地块住宅项目', 'HSAA20190031', '洪山 · HSAA20190031'],
      ['某某·湖畔里', 'HSAA20190031', '洪山区某某街道K1地块住宅项目 · HSAA20190031'],
      ['湖畔里小区', 'HSAA20190031', '洪山区某某街道K1地块住宅项目 · HSAA20190031'],
    ]);
    expect(new Set(terms.map((t) => t.weight)).size).toBe(1);
    expect(terms[1]!.wordKeys).toEqual(['hupanli', 'hpl']);
  });

  it('keep phases of one estate apart by ref', () => {
    const s = sources({ estate_name: '万科·湖畔里' });
    s.projects.push({ ...s.projects[0]!, name: '洪山区某某街道K2地块住宅项目', project_no: 'HSAA20200002' });
    const estate = projectTerms(s).filter((t) => t.text === '万科·湖畔里');
    expect(estate.map((t) => t.ref)).toEqual(['HSAA20190031', 'HSAA20200002']);
    expect(new Set(estate.map(suggestionKey)).size).toBe(2);
  });
});

describe('on the cluster', () => {
  const hit = (text: string, id: string) => ({ _index: 'planhub-suggest-v2', _id: id, _source: { text, kind: 'project' as const, ref: id, detail: null } });

  it('writes the word keys and asks for them after the completions', () => {
    const term = { text: NAME, kind: 'project' as const, ref: 'WCAA20210001', detail: null, weight: 1, ...pinyinForms(NAME), wordKeys: wordKeys(NAME, cut) };
    expect(toSuggestDoc(term).word_keys).toContain('ggxxxjgc');
    expect(toSuggestDoc({ ...term, wordKeys: undefined }).word_keys).toEqual([]);
    const body: estypes.SearchRequest = suggestBody('GG XX', 10);
    expect(body.query).toEqual({ prefix: { word_keys: { value: 'ggxx' } } });
    expect(body.size).toBe(10);
  });

  it('reads completions first, then inner-word hits, each document once and at most `limit`', () => {
    const option = (text: string, id: string) => ({ ...hit(text, id), text, _score: 1 });
    const res = {
      took: 1, timed_out: false, _shards: { total: 1, successful: 1, failed: 0 },
      hits: { hits: [hit('武汉同济医院门诊楼改造', 'b'), hit('同济医院光谷院区二期', 'a'), hit('华中科技大学同济医学院', 'c')] },
      suggest: { by_text: [{ text: 'tongji', offset: 0, length: 6, options: [] }], by_latin: [{ text: 'tongji', offset: 0, length: 6, options: [option('同济医院光谷院区二期', 'a')] }] },
    } as unknown as estypes.SearchResponse<SuggestSource>;
    expect(readSuggest(res, 2).map((s) => s.ref)).toEqual(['a', 'b']);
    expect(readSuggest(res, 10).map((s) => s.ref)).toEqual(['a', 'b', 'c']);
  });
});
