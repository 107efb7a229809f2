'use client';
/**
 * One search result, laid out for its type as the bureau's search shows them: an approval card
 * with 项目编号, 单位名称, 用地位置, 审批事项 and 状态; documents, minutes, petitions and
 * regulations with their date and project; highlighted matches; for a partial match, what it lacks.
 */
import { AppLink as Link } from '../common/app-link';
import type { ReactNode } from 'react';
import { formatDate } from '../common/format';
import { Marked } from '../common/marked';
import { projectHref, recordHref } from '../common/record-links';
import { Pill, type Tone } from '../common/pill';
import { StatusTag } from '../common/status-tag';
import { COMMON_TEXTS } from '../common/texts';
import { approvalItem } from './result-fields';
import type { ProjectBrief, SearchHit } from './search.types';
import { SEARCH_TEXTS } from './texts';

const C = SEARCH_TEXTS.card;
const TYPE_COLORS: Record<SearchHit['type'], Tone> = {
  project: 'blue', approval: 'cyan', document: 'geekblue', meeting: 'purple', petition: 'volcano', regulation: 'gold', credit: 'magenta',
};

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="ph-field">
      <dt>{label}</dt>
      <dd>{children ?? COMMON_TEXTS.none}</dd>
    </div>
  );
}

function ProjectField({ hit }: { hit: SearchHit }) {
  if (!hit.project_no) return null;
  const more = hit.project_nos.length - 1;
  return (
    <Field label={C.project}>
      <Link href={projectHref(hit.project_no)}>{hit.project_name ?? hit.project_no}</Link>
      {more > 0 ? <span className="ph-muted">{C.moreProjects(hit.project_nos.length)}</span> : null}
    </Field>
  );
}

function fieldsOf(hit: SearchHit, brief: ProjectBrief | undefined): ReactNode {
  switch (hit.type) {
    case 'approval':
      return (
        <>
          <Field label={C.projectNo}>{hit.project_no ? <Link href={projectHref(hit.project_no)}>{hit.project_no}</Link> : null}</Field>
          <Field label={C.builder}>{brief?.builder}</Field>
          <Field label={C.address}>{brief?.address}</Field>
          <Field label={C.item}>{approvalItem(hit)}</Field>
          <Field label={C.status}><StatusTag status={hit.status} /></Field>
        </>
      );
    case 'project':
      return <Field label={C.projectNo}>{hit.project_no}</Field>;
    case 'petition':
      return (
        <>
          <Field label={C.receivedAt}>{formatDate(hit.date)}</Field>
          <Field label={C.status}><StatusTag status={hit.status} /></Field>
          <ProjectField hit={hit} />
        </>
      );
    case 'credit':
      return (
        <>
          <Field label={C.status}><StatusTag status={hit.status} /></Field>
          <ProjectField hit={hit} />
        </>
      );
    default:
      return (
        <>
          <Field label={hit.type === 'document' ? C.issued : C.date}>{formatDate(hit.date)}</Field>
          <ProjectField hit={hit} />
        </>
      );
  }
}

export function ResultCard({ hit, q, brief }: { hit: SearchHit; q: string; brief?: ProjectBrief }) {
  const href = recordHref(hit.type, hit.type === 'project' ? (hit.project_no ?? hit.id) : hit.id, q);
  return (
    <article className="ph-card" data-type={hit.type} aria-labelledby={`hit-${hit.type}-${hit.id}`}>
      <h3 className="ph-card-title" id={`hit-${hit.type}-${hit.id}`}>
        <Pill tone={TYPE_COLORS[hit.type]}>{COMMON_TEXTS.typeNames[hit.type]}</Pill>
        <Link href={href}>{hit.title_html ? <Marked html={hit.title_html} /> : hit.title}</Link>
        {hit.type !== 'petition' && hit.type !== 'approval' && hit.date ? <span className="ph-card-date">{formatDate(hit.date)}</span> : null}
      </h3>
      <dl className="ph-fields">{fieldsOf(hit, brief)}</dl>
      {hit.snippet ? <p className="ph-snippet"><Marked html={hit.snippet} /></p> : null}
      {hit.matched === 'partial' && hit.missing && hit.missing.length > 0 ? (
        <p className="ph-missing">
          {SEARCH_TEXTS.missing}
          {hit.missing.map((m) => <s key={m}>{m}</s>)}
        </p>
      ) : null}
    </article>
  );
}
