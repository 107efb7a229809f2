/** What a petition's reading page sends by role (services/reading/petition-privacy.ts). Invented data. */
import { describe, expect, it } from 'vitest';
import { maskPetitionRecord, maskedPetitioner, personalFieldsSent, wholePetitioner } from '../../services/reading/petition-privacy.ts';
import type { StoredPetitioner } from '../../services/reading/reading.store.ts';

const petitioner: StoredPetitioner = {
  name: '柳依依', phone: '13712345678', email: 'liu@example.org', address: '武汉市洪山区青菱湖路18号5栋2单元803室',
  extra: { gender: '女' }, phone_key: 'k',
};
const record = {
  id: 'pet-1', letter_no: '[2019]00042', received_at: '2019-06-01T02:00:00.000Z', deadline: '2019-06-15',
  subject: '工地扰民（电话13712345678）', text: '柳依依反映：住5栋2单元803室。', channel: '市长专线', project_nos: ['HSAA20190301'],
};

describe('below supervisor', () => {
  it('masks every text field, the petitioner\'s own name where the text repeats it, and leaves ids and dates', () => {
    expect(maskPetitionRecord(record, petitioner)).toEqual({
      ...record, subject: '工地扰民（电话137****5678）', text: '柳*反映：住*栋*单元***室。',
    });
  });

  it('masks the petitioner as the page always has', () => {
    expect(maskedPetitioner(petitioner)).toEqual({ name: '柳女士', phone: '137****5678', district: '洪山区' });
    expect(maskedPetitioner(null)).toBeNull();
  });
});

describe('for a supervisor', () => {
  it('sends the petitioner whole, without the key', () => {
    expect(wholePetitioner(petitioner)).toEqual({
      name: '柳依依', phone: '13712345678', email: 'liu@example.org', address: petitioner.address, district: '洪山区',
    });
  });

  it('names for the audit log the personal fields the page carries', () => {
    expect(personalFieldsSent(record, petitioner)).toEqual(
      ['petitioner.name', 'petitioner.phone', 'petitioner.email', 'petitioner.address', 'subject', 'text']);
    expect(personalFieldsSent({ id: 'pet-2', subject: '工地扰民', text: '夜间施工' }, { ...petitioner, email: null, address: null }))
      .toEqual(['petitioner.name', 'petitioner.phone']);
    expect(personalFieldsSent({ id: 'pet-3', subject: '工地扰民' }, null)).toEqual([]);
  });
});
