/** Who a text is about (services/linking/mention-context.ts): home, landmark and passing mentions versus the subject. */
import { describe, expect, it } from 'vitest';
import { aboutness, mentionContext, withoutHome } from '../../services/linking/mention-context.ts';

/** The context of the first occurrence of `name` in `text`. */
const contextOf = (text: string, name: string) => {
  const at = text.indexOf(name);
  if (at < 0) throw new Error(`${name} is not in ${text}`);
  return mentionContext(text, at, at + name.length);
};

describe('mentionContext', () => {
  it.each([
    ['我家住在樱花公寓小区,楼下的工地天天晚上施工', '樱花公寓', 'home'],
    ['本人居住在洪山区青石街道樱花公寓,最近工地噪音很大', '樱花公寓', 'home'],
    ['我们樱花公寓小区的业主都很有意见', '樱花公寓', 'home'],
    ['我们是洪山区青石街道樱花公寓的业主,反映一个问题', '樱花公寓', 'home'],
    ['我是樱花公寓小区的居民', '樱花公寓', 'home'],
    ['我住樱花公寓小区,楼下的路灯坏了很久', '樱花公寓', 'home'],
    ['我在樱花公寓买的房子交房三年了还办不了证', '樱花公寓', 'home'],
    ['洪山区青石樱花公寓小区的居民反映小区楼下准备建垃圾转运站', '樱花公寓', 'home'],
    ['樱花公寓业主反映楼下要修变电站', '樱花公寓', 'home'],
  ])('%s: %s is the writer’s home', (text, name, expected) => {
    expect(contextOf(text, name)).toBe(expected);
  });

  it.each([
    ['枫林小学门口的工地每天早上六点就开始施工', '枫林小学'],
    ['樱花公寓旁边的工地晚上还在施工', '樱花公寓'],
    ['樱花公寓小区对面新建的楼挡住了采光', '樱花公寓'],
    ['在樱花公寓附近有人违法建房', '樱花公寓'],
    ['该项目位于梅岭广场东侧', '梅岭广场'],
    ['项目北侧为竹溪花园', '竹溪花园'],
    ['竹溪大道到梅岭路那段新路晚上施工', '竹溪大道'],
    ['竹溪大道到梅岭路那段新路晚上施工', '梅岭路'],
    ['竹溪片区雨污分流工程旁边的还建小区的工地', '竹溪'],
    ['桐柏大道上全是泥', '桐柏大道'],
    ['樱花公寓二期门口新开的工地每天晚上施工', '樱花公寓'],
    ['樱花公寓K2地块旁边有人违法建房', '樱花公寓'],
    ['樱花公寓小区内消防通道长期被私家车占用', '樱花公寓'],
    ['靠近樱花公寓的那个工地天天晚上打桩', '樱花公寓'],
    ['紧挨着樱花公寓新开了一个工地', '樱花公寓'],
  ])('%s: %s only says where', (text, name) => {
    expect(contextOf(text, name)).toBe('landmark');
  });

  it.each([
    ['应与相邻的竹溪花园做好衔接', '竹溪花园'],
    ['参照竹溪花园的做法完善配套', '竹溪花园'],
    ['与竹溪花园做好衔接', '竹溪花园'],
  ])('%s: %s is mentioned in passing', (text, name) => {
    expect(contextOf(text, name)).toBe('passing');
  });

  it.each([
    ['我们小区旁边的丹桂苑工地晚上施工', '丹桂苑'],
    ['反映澜庭小区施工噪音扰民问题', '澜庭'],
    ['我家房屋被划入汤山垃圾转运站的征收范围', '汤山垃圾转运站'],
    ['买房的时候开发商承诺樱花公寓配建幼儿园', '樱花公寓'],
    ['桐柏大道上访户很多', '桐柏大道'],
    // Residents named with their estate's own affairs: the estate is what they write about.
    ['樱花公寓业主反映开发商延期交房', '樱花公寓'],
    ['樱花公寓小区居民反映小区配套幼儿园至今未建', '樱花公寓'],
  ])('%s: %s is the subject', (text, name) => {
    expect(contextOf(text, name)).toBe('subject');
  });
});

describe('aboutness', () => {
  it('is about a project as soon as one mention is', () => {
    expect(aboutness(['home', 'subject'])).toBe('subject');
    expect(aboutness(['home', 'landmark'])).toBe('home');
    expect(aboutness(['landmark'])).toBe('landmark');
    expect(aboutness(['passing'])).toBe('passing');
    expect(aboutness([])).toBe('subject');
  });
});

describe('withoutHome', () => {
  it('blanks the writer’s self-introduction and keeps offsets', () => {
    const text = '我是住在洪山区青石街道樱花公寓的居民,丹桂苑的工地晚上施工。';
    const out = withoutHome(text);
    expect(out).toHaveLength(text.length);
    expect(out).not.toContain('青石街道');
    expect(out).toContain('丹桂苑的工地晚上施工');
    expect(out.indexOf('丹桂苑')).toBe(text.indexOf('丹桂苑'));
  });

  it('leaves a text without one unchanged', () => {
    const text = '丹桂苑的工地晚上施工,渣土车不冲洗就上路。';
    expect(withoutHome(text)).toBe(text);
  });
});
