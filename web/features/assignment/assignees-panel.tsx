'use client';
/**
 * 分件推荐 on an approval's page: the office's handlers best first, each with the rules' reasons.
 * For handlers and supervisors; a handler of another office is refused by the API, and then the
 * panel stays away rather than showing an error about a case that is not theirs.
 */
import { ApiError } from '../common/api-client';
import { useSession } from '../auth/auth.queries';
import { can } from '../auth/roles';
import { EmptyState, ErrorState, Loading } from '../common/states';
import { useAssignees } from './assignment.queries';
import { ASSIGNMENT_TEXTS as T } from './texts';

export function AssigneesPanel({ approvalId }: { approvalId: string }) {
  const shown = can(useSession().data?.role, 'assignment');
  const q = useAssignees(approvalId, shown);
  if (!shown || (q.error instanceof ApiError && q.error.status === 403)) return null;
  let body;
  if (q.isPending) body = <Loading rows={2} />;
  else if (q.isError) body = <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  else if (q.data.candidates.length === 0) body = <EmptyState>{T.none}</EmptyState>;
  else {
    body = (
      <ol className="ph-assignees">
        {q.data.candidates.map((c) => (
          <li key={c.handler} data-handler={c.handler}>
            <strong>{c.handler}</strong> <span className="ph-muted">{T.score(c.score)}</span>
            <ul className="ph-assignee-reasons">
              {c.reasons.map((r) => <li key={r}>{r}</li>)}
            </ul>
          </li>
        ))}
      </ol>
    );
  }
  return (
    <section aria-labelledby="ph-assignees-title" className="ph-panel" style={{ marginTop: 12 }}>
      <h2 id="ph-assignees-title" className="ph-section-title">
        {T.title}
        {q.data ? <span className="ph-section-hint">{T.hint(q.data.office, q.data.similar_cases)}</span> : null}
      </h2>
      {q.data?.current ? <p className="ph-muted" style={{ margin: '0 0 6px' }}>{T.current(q.data.current)}</p> : null}
      {body}
    </section>
  );
}
