/** What the linker reads of a project (services/linking/project-profile.ts): the names, places and kinds a text may name it by. */
import { describe, expect, it } from 'vitest';
import { colloquialCore, projectProfile, type ProjectSource } from '../../services/linking/project-profile.ts';

const source = (name: string, address: string, extra: Partial<ProjectSource> = {}): ProjectSource => ({
  project_no: 'XXAA20250001', name, builder: '武汉某某建设有限公司', address, district: '洪山', estate_name: null, aliases: null, ...extra,
});

describe('projectProfile', () => {
  it('keeps a road called after the core as one of its roads (沁湖路 of 沁湖K1地块)', () => {
    const p = projectProfile(source('洪山区沁湖K1地块', '洪山区青菱街道沁湖路以北'));
    expect(p.core).toBe('沁湖');
    expect(p.roads).toContain('沁湖路');
  });

  it('takes a name that is only a place and a plot for a place (藏龙岛 of 藏龙岛K9地块 on 藏龙岛街道), not a village\'s works', () => {
    expect(projectProfile(source('江夏区藏龙岛K9地块', '江夏区藏龙岛街道杨桥湖大道以南')).placeOnly).toBe(true);
    expect(projectProfile(source('江夏区金口村城中村改造A1地块开发项目', '江夏区金口街道金口大道以东')).placeOnly).toBe(false);
  });

  it('gives a facility kept whole in its name its place as its stem (黄家湖 of 黄家湖垃圾转运站)', () => {
    expect(projectProfile(source('黄家湖垃圾转运站新建工程', '洪山区青菱街道黄家湖大道以东')).stem).toBe('黄家湖');
  });

  it('knows a housing developer from its name, and reads a colloquial alias without the words people vary', () => {
    expect(projectProfile(source('鼎泓云栖台二期', '洪山区青菱街道', { builder: '湖北鼎泓洪山房地产开发有限公司' })).developer).toBe(true);
    const cement = projectProfile(source('硚口区长丰片P7地块土地储备项目', '硚口区长丰街道长丰大道以北', { aliases: ['老水泥厂那块地'] }));
    expect(cement.estates).toContain('水泥厂');
  });
});

describe('colloquialCore', () => {
  it.each([
    ['老水泥厂那块地', '水泥厂'],
    ['原来的纺织厂那片地', '纺织厂'],
    // (Under three characters left: 砖厂 alone would name any brickworks.)
    ['以前的砖厂那块', null],
    ['东南岸', null],
  ])('%s → %s', (name, core) => {
    expect(colloquialCore(name)).toBe(core);
  });
});
