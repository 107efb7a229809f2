'use client';
/**
 * A record's reading page (审批详情, 公文, 会议纪要, 信访件, 法规, 诚信记录): its fields, its full
 * text with the query's matches marked when reached from a search (`?q=`), every 文号 and project
 * number the hub holds turned into a link, and the projects it is linked to. A petitioner is
 * shown as the API sent them (masked but for supervisors), with their 重复信访 when it sent those.
 */
import { Descriptions } from 'antd';
import { Pill, type Tone } from '../common/pill';
import { usePathname, useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppLink as Link } from '../common/app-link';
import { formatDate, formatDateTime } from '../common/format';
import { projectHref, type ReadingType } from '../common/record-links';
import { EmptyState, ErrorState, Loading, Notice } from '../common/states';
import { StatusTag } from '../common/status-tag';
import { AnnotatedText } from './annotated-text';
import { presentFields, TEXT_FIELD, titleOf, type FieldSpec } from './reading-fields';
import { useReading } from './reading.queries';
import type { Petitioner, Reading, ReadingStep } from './reading.types';
import { PetitionerValue, RepeatPetitions, repeatPetitionsOf } from './petitioner';
import { useSession } from '../auth/auth.queries';
import { can } from '../auth/roles';
import { RecommendationsPanel } from '../recommendations/recommendations-panel';
import { ApprovalRulesPanel } from '../alerts/approval-rules-panel';
import { AssigneesPanel } from '../assignment/assignees-panel';
import { StepTimeline } from './step-timeline';
import { READING_TEXTS } from './texts';

const T = READING_TEXTS;
const TYPE_COLORS: Record<ReadingType, Tone> = {
  approval: 'cyan', document: 'geekblue', meeting: 'purple', petition: 'volcano', regulation: 'gold', credit: 'magenta',
};

function fieldValue(spec: FieldSpec, reading: Reading, q: string | null, masked: boolean): ReactNode {
  const v = reading.record[spec.field];
  switch (spec.kind) {
    case 'date':
      return formatDate(String(v));
    case 'datetime':
      return formatDateTime(String(v));
    case 'status':
      return <StatusTag status={String(v)} />;
    case 'project':
      return <Link href={projectHref(String(v))}>{String(v)}</Link>;
    case 'petitioner':
      return <PetitionerValue petitioner={v as Petitioner} masked={masked} />;
    default:
      return typeof v === 'string' ? <AnnotatedText text={v} field={spec.field} references={reading.references} q={q} /> : String(v);
  }
}

function LinkedProjects({ reading }: { reading: Reading }) {
  return (
    <section aria-labelledby="linked-projects" className="ph-panel ph-side">
      <h2 id="linked-projects" className="ph-section-title">{T.projects}</h2>
      {reading.projects.length === 0 ? (
        <p className="ph-muted" style={{ marginLeft: 0 }}>{T.noProjects}</p>
      ) : (
        <ul className="ph-project-list">
          {reading.projects.map((p) => (
            <li key={p.project_no}>
              <Link href={projectHref(p.project_no)}>{p.name}</Link>
              <div className="ph-muted" style={{ marginLeft: 0 }}>
                {p.project_no}{p.district ? ` · ${p.district}` : ''} · {T.methods[p.method] ?? T.methodOther}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * `masked`: the role is sent personal data masked (everyone but supervisors); the page says so beside it.
 * `recommends`: the role may read 办件推荐 (an officer or an admin would only be refused).
 */
export function ReadingView({ reading, q, pathname, masked, recommends }: { reading: Reading; q: string | null; pathname: string; masked: boolean; recommends: boolean }) {
  const { type, record } = reading;
  const title = titleOf(type, record, type === 'approval' ? reading.projects[0]?.name : null);
  const textField = TEXT_FIELD[type];
  const text = textField && typeof record[textField] === 'string' ? (record[textField] as string) : null;
  const linked = reading.references.filter((r) => r.target).length;
  return (
    <article className="ph-reading" data-type={type}>
      <header className="ph-reading-head">
        <Pill tone={TYPE_COLORS[type]}>{T.typeNames[type]}</Pill>
        <h1 className="ph-page-title" style={{ display: 'inline' }}>
          {type === 'document' || type === 'meeting' || type === 'petition' || type === 'regulation'
            ? <AnnotatedText text={title} field={type === 'petition' ? 'subject' : 'title'} references={reading.references} q={q} />
            : title}
        </h1>
      </header>
      <div className="ph-reading-grid">
        <div className="ph-reading-main">
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 2 }}
            className="ph-panel"
            items={presentFields(type, record).map((spec) => ({ key: spec.field, label: spec.label, children: fieldValue(spec, reading, q, masked) }))}
          />
          {type === 'petition' ? <RepeatPetitions items={repeatPetitionsOf(reading)} /> : null}
          {q ? (
            <div style={{ marginTop: 12 }}>
              <Notice tone="info" title={T.highlightNote(q)} action={<Link href={pathname} replace>{T.clearHighlight}</Link>} />
            </div>
          ) : null}
          {type === 'approval' ? (
            <section aria-labelledby="steps-title" className="ph-panel" style={{ marginTop: 12 }}>
              <h2 id="steps-title" className="ph-section-title">{T.timeline}</h2>
              <StepTimeline steps={(record.steps as ReadingStep[] | undefined) ?? []} />
            </section>
          ) : null}
          {type === 'approval' ? <ApprovalRulesPanel approvalId={reading.id} record={record} /> : null}
          {type === 'approval' ? <AssigneesPanel approvalId={reading.id} /> : null}
          {type === 'approval' && recommends ? <RecommendationsPanel target={{ approvalId: reading.id }} /> : null}
          {textField ? (
            <section aria-labelledby="fulltext-title" className="ph-panel" style={{ marginTop: 12 }}>
              <h2 id="fulltext-title" className="ph-section-title">
                {T.fullText}
                {linked > 0 ? <span className="ph-muted">{T.references(linked)}</span> : null}
              </h2>
              {text ? (
                <div className="ph-fulltext"><AnnotatedText text={text} field={textField} references={reading.references} q={q} /></div>
              ) : (
                <EmptyState>{T.noText}</EmptyState>
              )}
            </section>
          ) : null}
        </div>
        <LinkedProjects reading={reading} />
      </div>
    </article>
  );
}

export function ReadingPage({ type, id }: { type: ReadingType; id: string }) {
  const params = useSearchParams();
  const pathname = usePathname();
  const q = params.get('q')?.trim() || null;
  const reading = useReading(type, id);
  const session = useSession();
  if (reading.isPending) return <Loading rows={12} />;
  if (reading.isError) return <ErrorState error={reading.error} notFound={T.notFound(type, id)} onRetry={() => void reading.refetch()} />;
  const role = session.data?.role;
  return (
    <ReadingView
      reading={reading.data}
      q={q}
      pathname={pathname}
      // The note is said once the role is known, not guessed before.
      masked={role !== undefined && !can(role, 'personalData')}
      recommends={can(role, 'recommendations')}
    />
  );
}
