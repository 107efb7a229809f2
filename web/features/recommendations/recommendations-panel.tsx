'use client';
/**
 * 推荐资源: what a case handler working on the project (or on one of its approvals) should read,
 * best first — the project's own materials, the builder's credit, similar past cases, the
 * regulations of its items, other materials about its place — each with reasons a person can check.
 */
import { useState } from 'react';
import { AppLink as Link } from '../common/app-link';
import { Pill } from '../common/pill';
import { projectHref, recordHref } from '../common/record-links';
import { EmptyState, ErrorState, Loading } from '../common/states';
import { COMMON_TEXTS } from '../common/texts';
import { GROUP_TONES, isAlert, shownRecommendations } from './recommend-groups';
import { useRecommendations, type RecommendFor } from './recommend.queries';
import { RECOMMEND_TEXTS as T } from './texts';

export function RecommendationsPanel({ target }: { target: RecommendFor }) {
  const found = useRecommendations(target);
  const [open, setOpen] = useState(false);
  let body;
  if (found.isPending) body = <Loading rows={4} />;
  else if (found.isError) body = <ErrorState error={found.error} onRetry={() => void found.refetch()} />;
  else if (found.data.items.length === 0) body = <EmptyState>{T.empty}</EmptyState>;
  else {
    const items = found.data.items;
    body = (
      <>
        <ol className="ph-recommendations">
          {shownRecommendations(items, open).map((r) => (
            <li key={`${r.type}:${r.id}`} className={isAlert(r) ? 'ph-recommendation ph-alert' : 'ph-recommendation'}>
              <div className="ph-recommendation-head">
                <Pill tone={GROUP_TONES[r.group]}>{T.groups[r.group]}</Pill>
                <span className="ph-recommendation-type">{COMMON_TEXTS.typeNames[r.type]}</span>
                <Link href={recordHref(r.type, r.id)}>{r.title}</Link>
                {r.date ? <span className="ph-recommendation-date">{r.date}</span> : null}
              </div>
              <ul className="ph-reasons" aria-label={T.reasonsLabel}>
                {r.reasons.map((x) => <li key={x.text}>{x.text}</li>)}
                {r.project_no ? <li>{T.caseOf}：<Link href={projectHref(r.project_no)}>{r.project_no}</Link></li> : null}
              </ul>
            </li>
          ))}
        </ol>
        {items.length > shownRecommendations(items, false).length ? (
          <button type="button" className="ph-link-button" onClick={() => setOpen(!open)}>
            {open ? T.showFewer : T.showAll(items.length)}
          </button>
        ) : null}
      </>
    );
  }
  return (
    <section className="ph-recommend-panel" aria-labelledby="ph-recommend-title">
      <h2 id="ph-recommend-title" className="ph-section-title">{'approvalId' in target ? T.titleForApproval : T.title}<span className="ph-section-hint">{T.hint}</span></h2>
      {body}
    </section>
  );
}
