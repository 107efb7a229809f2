'use client';
/** A linked resource's status (记录自带 / 自动关联 / 待审核 / 人工确认) and the linker's confidence in it. */
import { Pill, type Tone } from '../common/pill';
import { formatPercent, LINK_STATUS_LABELS } from './link-status';
import type { LinkedResource, LinkStatus } from './project.types';
import { PROJECT_TEXTS } from './texts';

const S = PROJECT_TEXTS.links;
const TONES: Record<LinkStatus, Tone> = { declared: 'gray', auto: 'blue', suggested: 'gold', confirmed: 'green' };

export function LinkStanding({ link }: { link: LinkedResource }) {
  // A record's own link is certain: a confidence beside it would say nothing.
  const measured = link.status !== 'declared';
  return (
    <div className="ph-link-standing" aria-label={S.standingLabel} role="group" data-link-status={link.status}>
      <Pill tone={TONES[link.status]}>{LINK_STATUS_LABELS[link.status]}</Pill>
      {measured ? <span className="ph-muted">{S.confidence(formatPercent(link.score))}</span> : null}
      {measured && link.doubt !== null ? <span className="ph-muted">{S.doubt(formatPercent(link.doubt))}</span> : null}
    </div>
  );
}
