'use client';
/** 待处理预警 on the 360 view: the project's open alerts, for the roles that read alerts; mounted with one line. */
import { useSession } from '../auth/auth.queries';
import { can } from '../auth/roles';
import { AppLink as Link } from '../common/app-link';
import { recordHref } from '../common/record-links';
import { EmptyState, ErrorState, Loading } from '../common/states';
import { alertsHref, DEFAULT_ALERTS } from './alerts-state';
import { useAlerts } from './alerts.queries';
import { useRuleNames } from './rule-names';
import { ALERT_TEXTS as T } from './texts';
import { VerdictPill } from './verdict-pill';

export function ProjectAlertsPanel({ projectNo }: { projectNo: string }) {
  const shown = can(useSession().data?.role, 'alerts');
  const alerts = useAlerts({ project: projectNo, status: 'open', limit: 20 }, shown);
  const ruleName = useRuleNames();
  if (!shown) return null;
  let body;
  if (alerts.isPending) body = <Loading rows={2} />;
  else if (alerts.isError) body = <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />;
  else if (alerts.data.items.length === 0) body = <EmptyState>{T.projectAlertsEmpty}</EmptyState>;
  else {
    body = (
      <ul className="ph-project-alerts">
        {alerts.data.items.map((a) => (
          <li key={a.id} data-alert={a.id}>
            <VerdictPill verdict={a.verdict} />
            <strong>{ruleName(a.rule_id)}</strong>
            <span className="ph-muted">{a.step}</span>
            <Link href={recordHref('approval', a.approval_id)}>{a.approval_id}</Link>
            <div className="ph-alert-reason">{a.reason}</div>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <section aria-labelledby="ph-project-alerts-title" className="ph-panel ph-project-alerts-panel" style={{ marginTop: 12 }}>
      <h2 id="ph-project-alerts-title" className="ph-section-title">
        {T.projectAlerts}
        <span className="ph-section-hint"><Link href={alertsHref({ ...DEFAULT_ALERTS, project: projectNo })}>{T.allAlerts}</Link></span>
      </h2>
      {body}
    </section>
  );
}
