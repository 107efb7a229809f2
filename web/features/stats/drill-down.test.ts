import { describe, expect, it } from 'vitest';
import { certificateDrill, drillApiParams, drillCsvHref, drillHref, handlingDrill, overdueDrill, pageCount, parseDrill } from './drill-down';
import { describeDrill } from './drill-title';

const YEAR = { from: '2014-01-01', to: '2014-12-31' };

describe('the approvals behind a figure', () => {
  it('reads the figure from the URL and writes it back', () => {
    const url = '/stats/approvals?measure=issued&from=2014-01-01&to=2014-04-22&unit=%E5%B8%82%E5%B1%80&type=%E9%80%89%E5%9D%80%E6%84%8F%E8%A7%81%E4%B9%A6&uploaded=false&page=3';
    const d = parseDrill(new URL(url, 'http://x').searchParams)!;
    expect(d).toMatchObject({ measure: 'issued', unit: '市局', type: '选址意见书', uploaded: false, page: 3, month: null });
    expect(drillHref(d)).toBe(url);
    expect(drillApiParams(d)).toMatchObject({ measure: 'issued', uploaded: 'false', page: 3, size: 20 });
    expect(drillCsvHref(d)).toBe(url.replace('/stats/approvals', '/api/stats/approvals').replace('&page=3', '&format=csv'));
  });

  it('names no figure without a known measure, and drops malformed values', () => {
    expect(parseDrill({})).toBe(null);
    expect(parseDrill({ measure: 'projects' })).toBe(null);
    expect(parseDrill({ measure: 'open', month: '2014-13', from: '2014-1-1', uploaded: 'yes', page: '0' }))
      .toMatchObject({ month: null, from: null, uploaded: null, page: 1 });
  });

  it('narrows by the row a figure of 业务办理情况 sits in; 合计 keeps the selectors only', () => {
    const filters = { district: '洪山', office: null };
    expect(handlingDrill(YEAR, filters, 'item', '建设工程规划许可证', 'received')).toMatchObject({ measure: 'received', item: '建设工程规划许可证', district: '洪山', month: null });
    expect(handlingDrill(YEAR, filters, 'month', '2014-04', 'open')).toMatchObject({ measure: 'open', month: '2014-04', ...YEAR });
    expect(handlingDrill(YEAR, filters, 'district', '江岸', 'closed')).toMatchObject({ district: '江岸' });
    expect(handlingDrill(YEAR, filters, 'office', '行政审批处', 'closed')).toMatchObject({ office: '行政审批处', district: '洪山' });
    expect(drillHref(handlingDrill(YEAR, filters, 'item', null, 'closed'))).toBe(`/stats/approvals?measure=closed&from=2014-01-01&to=2014-12-31&district=${encodeURIComponent('洪山')}`);
  });

  it('opens 证照 and 超期 figures with their unit, type, upload and month', () => {
    expect(certificateDrill(YEAR, '中心城区分局', '工程规划许可证', true)).toMatchObject({ measure: 'issued', unit: '中心城区分局', type: '工程规划许可证', uploaded: true });
    expect(certificateDrill(YEAR, null, null, null)).toMatchObject({ unit: null, type: null, uploaded: null });
    expect(overdueDrill(YEAR, '市消防支队', '2014-06')).toMatchObject({ measure: 'overdue', office: '市消防支队', month: '2014-06' });
    expect(pageCount(0)).toBe(1);
    expect(pageCount(41)).toBe(3);
  });

  it('says what the list is', () => {
    expect(describeDrill(handlingDrill(YEAR, { district: '洪山', office: null }, 'month', '2014-04', 'received')))
      .toBe('新增 · 2014-01-01 至 2014-12-31 · 2014-04 · 洪山');
    expect(describeDrill(certificateDrill(YEAR, '市局', '选址意见书', false))).toBe('发证 · 2014-01-01 至 2014-12-31 · 市局 · 选址意见书 · 证照未传');
  });
});
