'use client';
/** An approval's steps as a timeline: who, where, the limit, the dates, and 超期 where it ran over. */
import { Timeline } from 'antd';
import { Pill } from '../common/pill';
import { formatDate, formatDateTime } from '../common/format';
import { EmptyState } from '../common/states';
import type { ReadingStep } from './reading.types';
import { READING_TEXTS } from './texts';

const T = READING_TEXTS;

function color(s: ReadingStep): string {
  if (s.overdue) return 'red';
  if (s.finished_at) return 'green';
  return s.started_at ? 'blue' : 'gray';
}

export function StepTimeline({ steps }: { steps: ReadingStep[] }) {
  if (steps.length === 0) return <EmptyState>{T.noSteps}</EmptyState>;
  return (
    <Timeline
      className="ph-timeline"
      items={steps.map((s, i) => ({
        key: i,
        color: color(s),
        content: (
          <div className={s.overdue ? 'ph-step ph-step-overdue' : 'ph-step'} data-step={s.name}>
            <div className="ph-step-head">
              <strong>{s.name}</strong>
              {s.stage ? <span className="ph-muted">{s.stage}</span> : null}
              {s.overdue ? <Pill tone="red" data-overdue="true">{T.overdue}</Pill> : null}
              <span className="ph-muted">{s.finished_at ? T.done : s.started_at ? T.running : T.notStarted}</span>
            </div>
            <div className="ph-step-body">
              {[s.office, s.handler].filter(Boolean).join(' · ') || '—'}
              {s.limit_days !== null ? <span className="ph-muted">{T.limitDays(s.limit_days)}</span> : null}
            </div>
            <div className="ph-step-body ph-muted" style={{ marginLeft: 0 }}>
              {formatDateTime(s.started_at, T.notStarted)}
              {s.started_at ? ` → ${formatDateTime(s.finished_at, T.running)}` : ''}
              {s.due ? `　${T.due} ${formatDate(s.due)}` : ''}
            </div>
          </div>
        ),
      }))}
    />
  );
}
