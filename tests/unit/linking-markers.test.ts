/** Plot, phase and district markers (services/linking/markers.ts). */
import { describe, expect, it } from 'vitest';
import { chineseNumeral, districtBefore, districtsIn, phasesIn, plotsIn, stretchIn } from '../../services/linking/markers.ts';
import { KIND_TAILS, kindOfName, kindsSaidAt } from '../../services/linking/project-kind.ts';
import { normalizeText } from '../../indexers/segment/normalize.ts';
import { officeDistrict } from '../../services/linking/text-analysis.ts';

describe('plotsIn', () => {
  it.each([
    ['洪山区青石K3地块住宅项目', ['K3']],
    ['青石k3地块的工地', ['K3']],
    ['梅岭A地块和B地块', ['A', 'B']],
    ['王家墩中心K2(地下空间)', ['K2']],
    ['丹桂片B12号地块', ['B12']],
    ['丹桂A块', ['A']],
    [normalizeText('青石Ｋ７地块'), ['K7']],
  ])('%s → %j', (text, plots) => {
    expect(plotsIn(text)).toEqual(plots);
  });

  it('does not read land-use codes or line numbers as plots', () => {
    expect(plotsIn('用地性质为城市道路用地(S1)')).toEqual([]);
    expect(plotsIn('R2 二类居住用地')).toEqual([]);
    expect(plotsIn('地铁8号线丹桂站')).toEqual([]);
  });
});

describe('phasesIn', () => {
  it.each([
    ['丹桂苑三期', [3]],
    ['丹桂苑3期', [3]],
    ['丹桂苑第四期工程', [4]],
    ['首期已经交房,二期还在施工', [1, 2]],
    ['十二期', [12]],
    ['公示期只有十天,施工期间噪音很大', []],
    ['一期和1期', [1]],
  ])('%s → %j', (text, phases) => {
    expect(phasesIn(text)).toEqual(phases);
  });

  it('reads Chinese numerals', () => {
    expect(chineseNumeral('二十三')).toBe(23);
    expect(chineseNumeral('十')).toBe(10);
    expect(chineseNumeral('两')).toBe(2);
    expect(chineseNumeral('期')).toBeNull();
  });
});

describe('districts', () => {
  it('reads full district names, not bare place names', () => {
    expect(districtsIn('江夏区梧桐雅苑的工地')).toEqual(['江夏']);
    expect(districtsIn('东湖高新区光谷大道')).toEqual(['东湖']);
    expect(districtsIn('东湖印小区的工地')).toEqual([]);
    expect(districtsIn('东西湖区走马岭')).toEqual(['东西湖']);
  });

  it('reads a short district name right before a name', () => {
    const text = '洪山体育公园';
    expect(districtBefore(text, 2)).toBe('洪山');
    expect(districtBefore('东西湖体育公园', 3)).toBe('东西湖');
    expect(districtBefore('丹桂苑', 0)).toBeNull();
  });
});

describe('officeDistrict', () => {
  it.each([
    ['洪山分局', '洪山'],
    ['东湖分局规划科', '东湖'],
    ['东西湖分局', '东西湖'],
    ['信访中心', null],
    ['规划处', null],
    [null, null],
  ])('%s → %s', (office, district) => {
    expect(officeDistrict(office)).toBe(district);
  });
});

describe('stretchIn', () => {
  it.each([
    ['竹溪大道到梅岭路那段新路施工', '竹溪大道到梅岭路'],
    ['梅岭路至竹溪大道段封闭施工', '梅岭路至竹溪大道'],
    ['竹溪大道和梅岭路之间的新路', '竹溪大道和梅岭路'],
  ])('%s names the stretch %s', (text, said) => {
    const span = stretchIn(text, '竹溪大道', '梅岭路');
    expect(span && text.slice(span.start, span.end)).toBe(said);
  });

  it('does not read a crossing or one road as a stretch', () => {
    expect(stretchIn('竹溪大道和梅岭路交叉口的红绿灯坏了', '竹溪大道', '梅岭路')).toBeNull();
    expect(stretchIn('竹溪大道上全是泥', '竹溪大道', '梅岭路')).toBeNull();
    // (梅岭 as an end is a place; 梅岭路 is another road.)
    expect(stretchIn('竹溪大道到梅岭路那段', '竹溪大道', '梅岭')).toBeNull();
    expect(stretchIn('竹溪大道到梅岭那段', '竹溪大道', '梅岭')).not.toBeNull();
  });
});

describe('kinds of works', () => {
  it.each([
    ['翡翠公园小区四期', 'housing'],
    ['九峰B2地块研发楼项目', 'industrial'],
    ['西北湖K1地块还建房项目', 'resettlement'],
    ['光谷公共租赁住房二期项目', 'rental'],
    ['四新保障性住房项目', 'affordable'],
    ['月湖湿地公园', 'park'],
    ['竹溪垃圾转运站新建工程', 'sanitation'],
    ['竹溪农贸市场改造', 'market'],
  ])('%s is %s by the last kind word of its name', (name, kind) => {
    expect(kindOfName(name)).toBe(kind);
  });

  it.each([
    ['竹溪的公租房工地', '竹溪', ['rental']],
    ['竹溪村还建楼交房', '竹溪', ['resettlement']],
    ['竹溪三期的工地', '竹溪', []],
    ['解放大道地铁站的工地', '解放大道', ['metro']],
    ['庙山藏龙大道管廊的工地', '庙山', []],
    ['竹溪要建的那个垃圾站离小区太近', '竹溪', ['sanitation']],
    ['竹溪垃圾站选址不合理', '竹溪', ['sanitation']],
    ['高新大道那边挖管廊，路封了半年', '高新大道', ['pipeline']],
    ['高新大道这边正在修的地铁站', '高新大道', ['metro']],
    ['高新大道那边的居民', '高新大道', []],
  ])('%s: what stands at %s', (text, name, kinds) => {
    const at = text.indexOf(name);
    expect(kindsSaidAt(text, at, at + name.length)).toEqual(kinds);
  });

  it('keeps a facility people write against in the name it is filed under (its core is the name)', () => {
    expect(KIND_TAILS).not.toContain('垃圾转运站');
    expect(KIND_TAILS).toContain('污水处理厂');
  });
});
