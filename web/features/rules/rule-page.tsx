'use client';
/**
 * One rule (/rules/<id>): its basis, effective date and where it runs; its table read-only; its
 * test cases; its published versions. Admins may edit the table (rule-editor.tsx).
 */
import { Descriptions } from 'antd';
import { useState } from 'react';
import { useSession } from '../auth/auth.queries';
import { can } from '../auth/roles';
import { AppLink as Link } from '../common/app-link';
import { formatDateTime } from '../common/format';
import { EmptyState, ErrorState, Loading, Notice } from '../common/states';
import { DecisionTableView } from './decision-table-view';
import { decisionTables } from './jdm-table';
import { RuleEditor } from './rule-editor';
import { useRule } from './rules.queries';
import type { RuleDetail } from './rules.types';
import { RULE_TEXTS as T } from './texts';

const json = (v: unknown) => JSON.stringify(v);

function Cases({ detail }: { detail: RuleDetail }) {
  if (detail.cases.length === 0) return <EmptyState>{T.noCases}</EmptyState>;
  return (
    <table className="ph-audit-table ph-rule-cases">
      <thead><tr><th scope="col">{T.caseName}</th><th scope="col">{T.caseInput}</th><th scope="col">{T.caseExpected}</th></tr></thead>
      <tbody>
        {detail.cases.map((c) => (
          <tr key={c.name} data-case={c.name}>
            <td>{c.name}</td>
            <td className="ph-audit-detail"><code>{json(c.input)}</code></td>
            <td className="ph-audit-detail"><code>{json(c.expected)}</code></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Versions({ detail }: { detail: RuleDetail }) {
  // Nothing published yet: the version shipped with the system (rules/tables/) is the one in force.
  const versions = detail.versions.length > 0 ? detail.versions : [{ version: detail.meta.version, published_by: null, published_at: null }];
  return (
    <table className="ph-audit-table ph-rule-versions">
      <thead><tr><th scope="col">{T.columns.version}</th><th scope="col">{T.publishedBy}</th><th scope="col">{T.publishedAt}</th></tr></thead>
      <tbody>
        {versions.map((v) => (
          <tr key={v.version} data-version={v.version}>
            <td>{T.version(v.version)}</td>
            <td>{v.published_by ?? T.fileVersion}</td>
            <td>{v.published_at ? formatDateTime(v.published_at) : detail.meta.effective}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RulePage({ id }: { id: string }) {
  const rule = useRule(id);
  const mayEdit = can(useSession().data?.role, 'rulePublish');
  const [editing, setEditing] = useState(false);
  if (rule.isPending) return <Loading rows={10} />;
  if (rule.isError) return <ErrorState error={rule.error} notFound={T.notFound(id)} onRetry={() => void rule.refetch()} />;
  const { meta, content } = rule.data;
  const tables = decisionTables(content);
  return (
    <article className="ph-rule" data-rule={meta.id}>
      <p><Link href="/rules">{T.back}</Link></p>
      <h1 className="ph-page-title">{meta.name}<span className="ph-title-no">{meta.id}</span></h1>
      <Descriptions
        size="small" bordered column={{ xs: 1, sm: 2 }} className="ph-panel" style={{ marginTop: 8 }}
        items={[
          { key: 'kind', label: T.columns.kind, children: T.kinds[meta.kind] ?? meta.kind },
          { key: 'version', label: T.columns.version, children: T.version(meta.version) },
          { key: 'effective', label: T.effective, children: meta.effective },
          { key: 'points', label: T.points, children: meta.points.map((p) => T.point(p.step, p.action)).join('、') || '—' },
          { key: 'basis', label: T.basis, span: 2, children: meta.basis },
        ]}
      />
      <section aria-labelledby="ph-rule-table" className="ph-panel" style={{ marginTop: 12 }}>
        <h2 id="ph-rule-table" className="ph-section-title">
          {T.table}
          {mayEdit && content !== null && !editing && tables.length > 0 ? (
            <button type="button" className="ph-button" style={{ marginLeft: 12 }} onClick={() => setEditing(true)}>{T.edit}</button>
          ) : null}
        </h2>
        {content === null ? <Notice tone="info" title={T.functionRule} />
          : editing ? <RuleEditor ruleId={meta.id} content={content} onDone={() => setEditing(false)} />
          : tables.length === 0 ? <EmptyState>{T.noTable}</EmptyState>
          : tables.map((t) => <DecisionTableView key={t.nodeId} table={t} />)}
      </section>
      <section aria-labelledby="ph-rule-cases" className="ph-panel" style={{ marginTop: 12 }}>
        <h2 id="ph-rule-cases" className="ph-section-title">{T.cases}</h2>
        <Cases detail={rule.data} />
      </section>
      <section aria-labelledby="ph-rule-versions" className="ph-panel" style={{ marginTop: 12 }}>
        <h2 id="ph-rule-versions" className="ph-section-title">{T.versions}</h2>
        <Versions detail={rule.data} />
      </section>
    </article>
  );
}
