/** A petitioner as the reading page may show one: surname and title, starred phone, district. Names and numbers are invented. */
import { describe, expect, it } from 'vitest';
import { maskAddress, maskName, maskPetitioner, maskPhone } from '../../services/reading/petitioner-mask.ts';

describe('maskName', () => {
  it.each([
    ['甄晓某', undefined, '甄*'],
    ['甄晓某', '女', '甄女士'],
    ['甄晓某', 'male', '甄先生'],
    ['甄某', '未知', '甄*'],
    ['欧阳某某', '男', '欧阳先生'],
    ['欧阳', undefined, '欧*'],
    ['某', undefined, '*'],
    ['Alex Sample', undefined, 'A*'],
    ['  ', undefined, null],
    [null, '女', null],
  ])('%s (%s) → %s', (name, gender, masked) => {
    expect(maskName(name, gender)).toBe(masked);
  });
});

describe('maskPhone', () => {
  it.each([
    ['18600002468', '186****2468'],
    ['186-0000-2468', '186****2468'],
    ['+86 186 0000 2468', '186****2468'],
    ['027-8555 1234', '027****1234'],
    ['85551234', '****1234'],
    ['12345', '***45'],
    ['', null],
    [null, null],
  ])('%s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});

describe('maskAddress', () => {
  it.each([
    ['武汉市洪山区某某路1号2栋301', '洪山区'],
    ['东湖新技术开发区某某大道8号', '东湖新技术开发区'],
    ['武昌区洪山路12号', '武昌区'],
    ['某某小区3栋', null],
    [null, null],
  ])('%s → %s', (address, district) => {
    expect(maskAddress(address)).toBe(district);
  });
});

describe('maskPetitioner', () => {
  it('sends name, phone and district only, and none of them whole', () => {
    const whole = { name: '甄晓某', phone: '18600002468', email: 'zhen@example.com', address: '武汉市洪山区某某路1号2栋301', gender: '女', id_number: '420100000000000000' };
    const masked = maskPetitioner(whole);
    expect(masked).toEqual({ name: '甄女士', phone: '186****2468', district: '洪山区' });
    const json = JSON.stringify(masked);
    for (const value of [whole.name, whole.phone, whole.email, whole.address, whole.id_number]) expect(json).not.toContain(value);
  });
});
