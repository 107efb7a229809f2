import { describe, expect, it } from 'vitest';
import { createSegmenter } from '../../indexers/segment/segmenter.ts';

// One jieba per process: every segmenter here shares its dictionary, as in production.
const seg = createSegmenter();

const subset = (small: string[], big: string[]): string[] => {
  const have = new Set(big);
  return small.filter((w) => !have.has(w));
};

describe('grams', () => {
  it('gives overlapping Han bigrams, a lone character as itself, and lowercase words', () => {
    expect(seg.grams('青山体育公园')).toEqual(['青山', '山体', '体育', '育公', '公园']);
    expect(seg.grams('K1地块，湖')).toEqual(['k1', '地块', '湖']);
    expect(seg.grams('Ｋ１地块 SOHO')).toEqual(['k1', '地块', 'soho']);
  });

  it('finds any substring cut in the middle of words', () => {
    const text = seg.grams('洪山区青山体育公园项目选址意见书');
    for (const q of ['山体育', '体育公', '园项目选', '址意']) expect(subset(seg.grams(q), text)).toEqual([]);
  });

  it('is the same for every bracket and width form', () => {
    expect(seg.grams('武规[2017]12号')).toEqual(seg.grams('武规 （２０１７） 12 号'));
  });
});

describe('indexWords and queryWords', () => {
  it('let 青山体育公园 be found by 青山 and by 体育公园', () => {
    const words = seg.indexWords('青山体育公园项目建设工程规划许可证');
    for (const q of ['青山', '体育公园', '体育', '规划许可证', '建设工程规划许可证']) {
      expect(subset(seg.queryWords(q), words)).toEqual([]);
    }
  });

  it('drop punctuation and whitespace, keep numbers and latin words lowercased', () => {
    const words = seg.indexWords('《城乡规划法》：K1地块，容积率2.5、绿地率30%；“东南岸”（二期）。 SOHO');
    expect(words).toEqual(expect.arrayContaining(['k1', '地块', '容积率', '2.5', '绿地率', '30%', '东南岸', '二期', 'soho']));
    for (const w of words) expect(w).toMatch(/[\p{L}\p{N}]/u);
    expect(words).not.toContain('SOHO');
  });

  it('add 文号, project and letter numbers as whole canonical tokens besides their parts', () => {
    const words = seg.indexWords('根据武规(2017)12号，项目JAAA20160001，信件[2017]09320');
    expect(words).toEqual(expect.arrayContaining(['武规', '2017', '12', '武规〔2017〕12号', 'jaaa20160001', 'JAAA20160001', '[2017]09320', '09320']));
    expect(seg.queryWords('ｊａａａ２０１６０００１')).toEqual(['jaaa20160001', 'JAAA20160001']);
  });

  it('give every bracket form of a 文号 the same words', () => {
    const forms = ['武规[2017]12号', '武规〔2017〕12号', '武规(2017)12号', '武规（2017）12号', '武规【2017】12号', '武规 〔 2017 〕 12 号'];
    const expected = seg.indexWords(forms[0]!);
    expect(expected).toContain('武规〔2017〕12号');
    for (const f of forms) {
      expect(seg.indexWords(f)).toEqual(expected);
      expect(seg.queryWords(f)).toEqual(seg.queryWords(forms[0]!));
    }
  });

  it('index a text so that typical phrases from it are found word by word', () => {
    const text =
      '洪山区黄家湖福星惠誉东南岸小区二期项目已取得建设工程规划许可证，市政处协审后于2017年办结。' +
      '依据《中华人民共和国城乡规划法》第四十条，容积率不得超过2.5，绿地率不低于30%。' +
      '海绵城市专项审查与方案会同步进行，用地红线范围内的控制性详细规划已经批准。';
    const words = seg.indexWords(text);
    const phrases = [
      '福星惠誉', '东南岸小区', '黄家湖', '建设工程规划许可证', '规划许可证', '市政处协审', '城乡规划法',
      '中华人民共和国城乡规划法', '容积率', '绿地率', '海绵城市', '方案会', '用地红线', '控制性详细规划', '详细规划',
      '专项审查',
    ];
    for (const p of phrases) expect(subset(seg.queryWords(p), words), p).toEqual([]);
  });

  it('normalize before cutting: traditional and full-width queries find simplified text', () => {
    const words = seg.indexWords('建设工程规划许可证');
    expect(subset(seg.queryWords('建設工程規劃許可證'), words)).toEqual([]);
  });

  it('return nothing for empty or punctuation-only text', () => {
    expect(seg.indexWords('')).toEqual([]);
    expect(seg.queryWords(' ，。、 ')).toEqual([]);
    expect(seg.grams('——')).toEqual([]);
  });
});

describe('domain words', () => {
  it('come out whole once added (a made-up estate name)', () => {
    const s = createSegmenter();
    expect(s.queryWords('锦绣龙城小区位于洪山区')).not.toContain('锦绣龙城');
    s.addWords(['锦绣龙城']);
    expect(s.queryWords('锦绣龙城小区位于洪山区')).toEqual(['锦绣龙城', '小区', '位于', '洪山区']);
    expect(s.indexWords('锦绣龙城小区')).toEqual(expect.arrayContaining(['锦绣', '龙城', '锦绣龙城', '小区']));
  });

  it('are given to createSegmenter too, normalized', () => {
    const s = createSegmenter(['翠湖麗景']);
    expect(s.queryWords('翠湖丽景二期')).toContain('翠湖丽景');
  });

  it('make long words searchable by their dictionary parts of four or more characters', () => {
    const s = createSegmenter(['福星惠誉东南岸小区二期', '东南岸小区']);
    const words = s.indexWords('福星惠誉东南岸小区二期');
    for (const q of ['福星惠誉', '东南岸小区', '东南岸', '二期']) expect(subset(s.queryWords(q), words), q).toEqual([]);
  });

  it('version: stable for the same words, changed by a new one, blind to order and repeats', () => {
    const a = createSegmenter(['江城壹号', '汉江湾']);
    const b = createSegmenter(['汉江湾', '江城壹号', '汉江湾']);
    expect(b.dictionaryVersion).toBe(a.dictionaryVersion);
    expect(a.dictionaryVersion).toMatch(/^[0-9a-f]{16}$/);
    const before = a.dictionaryVersion;
    a.addWords(['江城壹号']);
    expect(a.dictionaryVersion).toBe(before);
    a.addWords(['楚天晴川府']);
    expect(a.dictionaryVersion).not.toBe(before);
    // The dictionary is the process's: every segmenter sees the new word and the new version.
    expect(b.dictionaryVersion).toBe(a.dictionaryVersion);
    expect(b.queryWords('楚天晴川府')).toEqual(['楚天晴川府']);
  });
});
