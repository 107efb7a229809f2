import { describe, expect, it } from 'vitest';
import { presentFields, titleOf } from './reading-fields';

describe('a reading page’s heading and fields', () => {
  it('calls each record what the bureau calls it', () => {
    expect(titleOf('document', { id: 'd', title: '关于某工程的批复', doc_no: '武规〔2017〕12号' })).toBe('关于某工程的批复');
    expect(titleOf('document', { id: 'd', title: null, doc_no: '武规〔2017〕12号' })).toBe('武规〔2017〕12号');
    expect(titleOf('petition', { id: 'p', subject: '夜间施工扰民' })).toBe('夜间施工扰民');
    expect(titleOf('credit', { id: 'c', builder: '武汉某公司', status: '失信' })).toBe('武汉某公司（失信）');
    expect(titleOf('approval', { id: 'a', item: '建设工程规划许可证' }, '青山体育公园')).toBe('建设工程规划许可证：青山体育公园');
    expect(titleOf('meeting', { id: 'm' })).toBe('（无标题）');
  });

  it('leaves out fields the record has no value for', () => {
    const fields = presentFields('document', { id: 'd', doc_no: '武规〔2017〕12号', issuer: '', date: null });
    expect(fields.map((f) => f.field)).toEqual(['doc_no']);
    const petition = presentFields('petition', { id: 'p', letter_no: '[2017]09320', petitioner: { name: '柯女士', phone: null, district: null } });
    expect(petition.map((f) => f.field)).toEqual(['letter_no', 'petitioner']);
  });
});
