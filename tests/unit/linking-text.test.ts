/** Where a text names a project (services/linking/link-text.ts): its title, an item's heading, what a meeting takes up, or the body. */
import { describe, expect, it } from 'vitest';
import { linkText, roleAt } from '../../services/linking/link-text.ts';

const roleOf = (title: string, body: string, name: string) => {
  const text = linkText(title, body);
  return roleAt(text, text.all.indexOf(name));
};

describe('roleAt', () => {
  it('is the title for a name in it', () => {
    expect(roleOf('投诉樱花公寓工地扰民', '晚上施工。', '樱花公寓')).toBe('title');
  });

  it('is the heading for a name opening a numbered item, and the body further on', () => {
    const body = '议定事项如下:\n一、审议樱花公寓项目方案。会议原则同意,其北侧为竹溪花园。\n二、其他。';
    expect(roleOf('会议纪要', body, '樱花公寓')).toBe('heading');
    expect(roleOf('会议纪要', body, '竹溪花园')).toBe('body');
  });

  it('is the heading for what minutes without items take up', () => {
    const body = '6月18日,分管副局长主持召开专题会,研究积玉桥江山璟园项目信访问题。会议参照湖光悦府的处理方式。';
    expect(roleOf('专题会议纪要', body, '积玉桥')).toBe('heading');
    expect(roleOf('专题会议纪要', body, '湖光悦府')).toBe('body');
    expect(roleOf('专题会议纪要', '会议审议了关于竹溪花园的调整方案。', '竹溪花园')).toBe('heading');
  });
});
