/**
 * Legal-person credit records (法人诚信): one per builder that appears in the corpus. About one in
 * twenty is 失信 (which blocks acceptance of its applications); at least one always is, so the
 * hub's credit check has something to find in any corpus.
 */
import type { CreditRecord } from '../resources/resource.schema.ts';
import { formatDate, localMs } from './calendar.ts';
import { createRng } from './rng.ts';
import type { Builder } from './builder-pool.ts';

const DISHONEST_REASONS = [
  '拖欠土地出让金', '未按规划许可建设', '违法用地', '擅自改变土地用途', '逾期未开工造成土地闲置',
  '提供虚假申报材料', '未按期履行行政处罚决定', '未按规定配建公共服务设施',
];
const ORDINARY_REASONS = ['存在轻微违规记录，已限期整改', '规划条件核实一次未通过，已整改完毕', '申报材料多次补正'];

export function creditRecords(seed: number, builders: readonly Builder[]): CreditRecord[] {
  const records = builders.map((b, i): CreditRecord => {
    const rng = createRng(seed, 'credit', b.index);
    const roll = rng.next();
    const status = roll < 0.05 ? '失信' : roll < 0.17 ? '一般' : '守信';
    const year = status === '守信' ? rng.int(2020, 2025) : rng.int(2014, 2025);
    return {
      id: `crd-${String(i + 1).padStart(6, '0')}`,
      builder: b.name,
      credit_code: b.creditCode,
      status,
      reason: status === '失信' ? rng.pick(DISHONEST_REASONS) : status === '一般' ? rng.pick(ORDINARY_REASONS) : null,
      date: formatDate(localMs(year, rng.int(1, 12), rng.int(1, 28))),
    };
  });
  if (!records.some((r) => r.status === '失信')) {
    const i = Math.max(0, builders.findIndex((b) => b.registry === '91'));
    const rng = createRng(seed, 'credit-forced');
    if (records[i]) records[i] = { ...records[i]!, status: '失信', reason: rng.pick(DISHONEST_REASONS) };
  }
  return records;
}
