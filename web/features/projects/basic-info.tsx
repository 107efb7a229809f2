'use client';
/** 基本信息: the project's own data, its builder with the builder's credit standing, and what it has collected. */
import { Descriptions } from 'antd';
import type { ReactNode } from 'react';
import { AppLink as Link } from '../common/app-link';
import { formatArea, formatDate } from '../common/format';
import { projectHref, recordHref } from '../common/record-links';
import { Notice } from '../common/states';
import { StatusTag } from '../common/status-tag';
import type { ProjectDetail } from './project.types';
import { PROJECT_TEXTS } from './texts';

const F = PROJECT_TEXTS.fields;
const none = (v: string | null | undefined) => v || '—';

function BuilderCell({ detail }: { detail: ProjectDetail }) {
  const { project, builder } = detail;
  if (!project.builder) return <>—</>;
  const latest = builder?.credit_records[0];
  return (
    <span>
      {project.builder}
      <span style={{ marginLeft: 8 }}>
        {builder?.standing && latest ? (
          <Link href={recordHref('credit', latest.id)} aria-label={`${PROJECT_TEXTS.standing}：${builder.standing}`}>
            <StatusTag status={builder.standing} />
          </Link>
        ) : (
          <span className="ph-muted">{PROJECT_TEXTS.noStanding}</span>
        )}
      </span>
    </span>
  );
}

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="ph-stat">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function BasicInfo({ detail }: { detail: ProjectDetail }) {
  const { project, summary, builder } = detail;
  const S = PROJECT_TEXTS.summary;
  return (
    <section aria-label={PROJECT_TEXTS.basicTitle} className="ph-panel">
      {builder?.dishonest ? (
        <div style={{ marginBottom: 12 }}>
          <Notice tone="error" title={PROJECT_TEXTS.dishonestWarning(builder.credit_records[0]?.reason ?? null)} />
        </div>
      ) : null}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'no', label: F.projectNo, children: <span data-field="project_no">{project.project_no}</span> },
          { key: 'name', label: F.name, children: project.name, span: 2 },
          { key: 'builder', label: F.builder, children: <BuilderCell detail={detail} />, span: 2 },
          { key: 'code', label: F.creditCode, children: none(project.builder_credit_code ?? builder?.credit_code) },
          { key: 'address', label: F.address, children: none(project.address), span: 2 },
          { key: 'district', label: F.district, children: none(project.district) },
          { key: 'type', label: F.projectType, children: none(project.project_type) },
          { key: 'land', label: F.landUse, children: none(project.land_use) },
          { key: 'scale', label: F.scale, children: formatArea(project.scale_m2) },
        ]}
      />
      {summary ? (
        <dl className="ph-stats">
          <Stat label={S.approvals}>
            {summary.approvals}
            {summary.approvals_open > 0 ? <span className="ph-stat-sub">{S.open} {summary.approvals_open}</span> : null}
          </Stat>
          <Stat label={S.documents}>{summary.documents}</Stat>
          <Stat label={S.meetings}>{summary.meetings}</Stat>
          <Stat label={S.petitions}>{summary.petitions}</Stat>
          <Stat label={S.lastActivity}>{formatDate(summary.last_activity)}</Stat>
        </dl>
      ) : null}
      {builder && builder.projects.length > 0 ? (
        <details className="ph-other-projects">
          <summary>{PROJECT_TEXTS.otherProjects(builder.projects.length)}</summary>
          <ul>
            {builder.projects.map((p) => (
              <li key={p.project_no}>
                <Link href={projectHref(p.project_no)}>{p.name}</Link>
                <span className="ph-muted">{p.project_no}{p.district ? ` · ${p.district}` : ''}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
