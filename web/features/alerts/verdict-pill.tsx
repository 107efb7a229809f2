/** A rule's verdict as a coloured label: 阻止 red, 预警 volcano, 警示 gold, 通过 green. */
import { Pill, type Tone } from '../common/pill';
import type { Verdict } from './alerts.types';
import { ALERT_TEXTS as T } from './texts';

const TONES: Record<Verdict, Tone> = { block: 'red', alert: 'volcano', warn: 'gold', pass: 'green' };

export function VerdictPill({ verdict }: { verdict: Verdict }) {
  return <Pill tone={TONES[verdict] ?? 'gray'} data-verdict={verdict}>{T.verdicts[verdict] ?? verdict}</Pill>;
}
