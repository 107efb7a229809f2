import { describe, expect, it } from 'vitest';
import { listedOnly, rarest, shareOfAll, type PartitionStats } from '../../indexers/engines/postgres/table-stats.ts';

const partition: PartitionStats = {
  rows: 1000,
  recordsPerRow: 1,
  columns: { gram_tsv: { shares: new Map([['规划', 0.6], ['武汉', 0.4], ['国土', 0.2]]), floor: 0.01 } },
};

describe('table statistics', () => {
  it('bounds the share of all lexemes by the rarest one', () => {
    expect(shareOfAll(partition, 'gram_tsv', ['规划', '武汉'])).toBe(0.4);
    expect(shareOfAll(partition, 'gram_tsv', ['规划', '湖景'])).toBe(0.01); // unlisted: the floor
    expect(shareOfAll(partition, 'gram_tsv', [])).toBe(0);
  });

  it('picks the rarest lexemes, unlisted ones first, each once', () => {
    expect(rarest(partition, 'gram_tsv', ['规划', '武汉', '国土', '湖景', '规划'], 3)).toEqual(['湖景', '国土', '武汉']);
    expect(rarest(partition, 'gram_tsv', ['规划'], 3)).toEqual(['规划']);
  });

  it('counts only listed lexemes when asked (what decides a walk)', () => {
    expect(shareOfAll(listedOnly(partition), 'gram_tsv', ['规划', '武汉'])).toBe(0.4);
    expect(shareOfAll(listedOnly(partition), 'gram_tsv', ['规划', '湖景'])).toBe(0);
    expect(listedOnly(partition)).toBe(listedOnly(partition));
    expect(partition.columns.gram_tsv?.floor).toBe(0.01);
  });
});
