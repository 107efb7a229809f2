'use client';
/** 业务规则管理中心 (/rules): every table and function rule at its current version, with its basis and where it runs. */
import { AppLink as Link } from '../common/app-link';
import { EmptyState, ErrorState, Loading } from '../common/states';
import { useRules } from './rules.queries';
import { RULE_TEXTS as T } from './texts';

export const ruleHref = (id: string) => `/rules/${encodeURIComponent(id)}`;

export function RulesListPage() {
  const rules = useRules();
  let body;
  if (rules.isPending) body = <Loading rows={8} />;
  else if (rules.isError) body = <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />;
  else if (rules.data.length === 0) body = <EmptyState>{T.empty}</EmptyState>;
  else {
    body = (
      <table className="ph-audit-table ph-rules-table">
        <thead>
          <tr>
            <th scope="col">{T.columns.name}</th>
            <th scope="col">{T.columns.kind}</th>
            <th scope="col">{T.columns.version}</th>
            <th scope="col">{T.columns.effective}</th>
            <th scope="col">{T.columns.points}</th>
            <th scope="col">{T.columns.basis}</th>
          </tr>
        </thead>
        <tbody>
          {rules.data.map((r) => (
            <tr key={r.id} data-rule={r.id}>
              <td><Link href={ruleHref(r.id)}>{r.name}</Link><div className="ph-jdm-field">{r.id}</div></td>
              <td className="ph-nowrap">{T.kinds[r.kind] ?? r.kind}</td>
              <td className="ph-nowrap">{T.version(r.version)}</td>
              <td className="ph-nowrap">{r.effective}</td>
              <td>{r.points.map((p) => T.point(p.step, p.action)).join('、') || '—'}</td>
              <td className="ph-rules-basis">{r.basis}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <div className="ph-rules">
      <h1 className="ph-page-title">{T.pageTitle}</h1>
      <p className="ph-muted" style={{ marginLeft: 0 }}>{T.intro}</p>
      {body}
    </div>
  );
}
