'use client';
/**
 * The selected suggestion: the resource's text with the evidence marked, beside the candidate
 * project's data, the reasons with their weights, the probability and doubt, and the three
 * decisions (also y / n / u).
 */
import { Button } from 'antd';
import { AppLink as Link } from '../common/app-link';
import { formatDateTime } from '../common/format';
import { projectHref, recordHref } from '../common/record-links';
import { EmptyState, ErrorState, Loading } from '../common/states';
import { COMMON_TEXTS } from '../common/texts';
import { formatPercent } from '../projects/link-status';
import { useProjectBriefs } from '../projects/project.queries';
import { titleOf, TEXT_FIELD } from '../reading/reading-fields';
import { useReading } from '../reading/reading.queries';
import { evidenceTerms } from './evidence';
import { EvidenceText } from './evidence-text';
import type { Decision, QueueItem } from './link-review.types';
import { ReasonList } from './reason-list';
import { LINK_REVIEW_TEXTS } from './texts';

const T = LINK_REVIEW_TEXTS;
const DECISIONS: Decision[] = ['confirm', 'reject', 'unsure'];

function ResourceText({ item, terms }: { item: QueueItem; terms: readonly string[] }) {
  const reading = useReading(item.resource_type, item.resource_id);
  if (reading.isPending) return <Loading rows={6} />;
  if (reading.isError) return <ErrorState error={reading.error} onRetry={() => void reading.refetch()} />;
  const record = reading.data.record;
  const field = TEXT_FIELD[item.resource_type]!;
  const text = typeof record[field] === 'string' ? (record[field] as string) : '';
  return (
    <>
      <h3 className="ph-review-resource-title">
        <EvidenceText text={titleOf(item.resource_type, record)} terms={terms} />
      </h3>
      {text ? <div className="ph-fulltext" data-evidence-text><EvidenceText text={text} terms={terms} passage={item.passage} /></div> : <EmptyState>{T.noText}</EmptyState>}
    </>
  );
}

function ProjectFacts({ item }: { item: QueueItem }) {
  const briefs = useProjectBriefs([item.project_no]);
  const brief = briefs.data?.get(item.project_no);
  const F = T.projectFields;
  const rows: [string, string | null | undefined][] = [
    [F.name, brief?.name ?? item.project_name], [F.no, item.project_no], [F.builder, brief?.builder],
    [F.address, brief?.address], [F.district, brief?.district ?? item.project_district],
  ];
  return (
    <dl className="ph-review-facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value ?? (briefs.isPending ? COMMON_TEXTS.loading : COMMON_TEXTS.none)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ReviewDetail({ item, onDecide }: { item: QueueItem; onDecide: (d: Decision) => void }) {
  const terms = evidenceTerms(item.reasons);
  return (
    <section aria-label={T.detailLabel} className="ph-review-detail" data-selected={`${item.resource_type}:${item.resource_id}:${item.project_no}`}>
      <div className="ph-review-actions">
        <div className="ph-review-scores">
          <span>{T.score} <strong data-score>{formatPercent(item.score)}</strong></span>
          {item.doubt !== null ? <span>{T.doubt} <strong>{formatPercent(item.doubt)}</strong></span> : null}
          {item.decision === 'unsure' && item.decided_by ? (
            <span className="ph-muted">{T.previousDecision(item.decided_by, formatDateTime(item.decided_at))}</span>
          ) : null}
        </div>
        <div role="group" aria-label={T.decisionsLabel} className="ph-review-buttons">
          {DECISIONS.map((d) => (
            <Button
              key={d}
              type={d === 'confirm' ? 'primary' : 'default'}
              aria-keyshortcuts={T.decisionKeys[d]}
              onClick={() => onDecide(d)}
            >
              {T.decisions[d]}（{T.decisionKeys[d]}）
            </Button>
          ))}
        </div>
      </div>
      <div className="ph-review-grid">
        <section aria-labelledby="review-resource" className="ph-panel">
          <h2 id="review-resource" className="ph-section-title">
            {T.resource}
            <Link href={recordHref(item.resource_type, item.resource_id)} className="ph-muted" style={{ fontWeight: 'normal', fontSize: 13 }}>{T.openResource}</Link>
          </h2>
          <p className="ph-muted" style={{ marginLeft: 0, fontSize: 12 }}>{T.evidenceNote}</p>
          <ResourceText key={`${item.resource_type}:${item.resource_id}`} item={item} terms={terms} />
        </section>
        <div className="ph-review-side">
          <section aria-labelledby="review-project" className="ph-panel">
            <h2 id="review-project" className="ph-section-title">
              {T.project}
              <Link href={projectHref(item.project_no)} className="ph-muted" style={{ fontWeight: 'normal', fontSize: 13 }}>{T.openProject}</Link>
            </h2>
            <ProjectFacts item={item} />
          </section>
          <section aria-labelledby="review-reasons" className="ph-panel">
            <h2 id="review-reasons" className="ph-section-title">{T.reasons}</h2>
            <ReasonList reasons={item.reasons} />
          </section>
        </div>
      </div>
    </section>
  );
}
