import { Pill, type Tone } from './pill';

/** Colours by meaning: open (blue), new or waiting (gold), closed (green), refused or dishonest (red). */
const TONES: Record<string, Tone> = {
  新增: 'gold', 在办: 'blue', 办结: 'green',
  受理: 'blue', 办理中: 'blue', 转办: 'blue', 待受理: 'gold', 已办结: 'green', 不予受理: 'gray',
  守信: 'green', 一般: 'gray', 失信: 'red',
};

export function StatusTag({ status }: { status: string | null | undefined }) {
  if (!status) return null;
  return <Pill tone={TONES[status] ?? 'gray'} style={{ marginInlineEnd: 0 }}>{status}</Pill>;
}
