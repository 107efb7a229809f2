/** Districts as people write them, and as documents hold them. */
import { describe, expect, it } from 'vitest';
import { DISTRICTS, canonicalDistrict, districtForms } from '../../indexers/districts.ts';
import { DISTRICT_CODES } from '../../services/projects/project-no.ts';

describe('districts', () => {
  it('are the districts project numbers are issued for (the form projects store)', () => {
    expect([...DISTRICTS].sort()).toEqual(Object.keys(DISTRICT_CODES).sort());
  });

  it.each([
    ['洪山', '洪山'], ['洪山区', '洪山'], ['武汉市洪山区', '洪山'], ['湖北省武汉市洪山区', '洪山'], [' 洪 山 区 ', '洪山'], ['洪山新区', '洪山'],
    ['东湖高新', '东湖'], ['东湖高新区', '东湖'], ['东湖新技术开发区', '东湖'], ['东湖开发区', '东湖'], ['东西湖区', '东西湖'],
    ['中心城区', '中心城区'], ['硚口区', '硚口'], ['礄口區', '硚口'],
  ])('%s is %s', (input, short) => {
    expect(canonicalDistrict(input)).toBe(short);
  });

  it.each(['火星区', '东湖风景区', '武汉市', '区', '', '长江新区'])('%s is none', (input) => {
    expect(canonicalDistrict(input)).toBeNull();
  });

  it('match every stored form, the short one first', () => {
    expect(districtForms('洪山')).toEqual(['洪山', '洪山区']);
    expect(districtForms('东湖')).toContain('东湖新技术开发区');
    for (const d of DISTRICTS) for (const form of districtForms(d)) expect(canonicalDistrict(form)).toBe(d);
  });
});
