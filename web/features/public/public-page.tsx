'use client';
/**
 * 公众查询 (/public?q=…): one box for a project number or name, and each project found with its
 * approvals' progress in plain Chinese. Open without a login; the query is in the URL so a
 * result can be bookmarked or shared. The box is a plain GET form, so it works before the
 * page's JavaScript has loaded.
 */
import { Button, Input } from 'antd';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../common/api-client';
import { formatDate } from '../common/format';
import { EmptyState, ErrorState, Loading, Notice } from '../common/states';
import { StatusTag } from '../common/status-tag';
import type { PublicProject } from './public.types';
import { usePublicProgress } from './public.queries';
import { publicHref, publicQuery, tooManyWording } from './public-state';
import { PUBLIC_TEXTS as T } from './texts';

function ProjectProgress({ project }: { project: PublicProject }) {
  const headingId = `project-${project.project_no}`;
  return (
    <section className="ph-panel ph-public-project" aria-labelledby={headingId} data-project={project.project_no}>
      <h2 id={headingId} className="ph-section-title">{project.name}</h2>
      <p className="ph-public-meta">
        <span>{T.projectNo}：{project.project_no}</span>
        {project.district ? <span>{T.district}：{project.district}</span> : null}
      </p>
      {project.approvals.length === 0 ? (
        <EmptyState>{T.noApprovals}</EmptyState>
      ) : (
        <table className="ph-public-table">
          <caption className="ph-sr-only">{T.approvals}</caption>
          <thead>
            <tr>
              <th scope="col">{T.columns.item}</th>
              <th scope="col">{T.columns.status}</th>
              <th scope="col">{T.columns.received}</th>
              <th scope="col">{T.columns.closed}</th>
              <th scope="col">{T.columns.stages}</th>
            </tr>
          </thead>
          <tbody>
            {project.approvals.map((a, i) => (
              <tr key={`${a.item}-${i}`}>
                <td>{a.item}</td>
                <td><StatusTag status={a.status} /></td>
                <td>{formatDate(a.received_at)}</td>
                <td>{a.closed_at ? formatDate(a.closed_at) : T.notClosed}</td>
                <td>{a.stages.length > 0 ? a.stages.join(' → ') : T.none_}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Results({ q }: { q: string }) {
  const found = usePublicProgress(q);
  if (!q) return null;
  if (found.isPending) return <Loading rows={4} label={T.searching} />;
  if (found.isError) {
    const err = found.error;
    if (err instanceof ApiError && err.status === 429) {
      return <Notice tone="warning" title={tooManyWording(err.retryAfter)} />;
    }
    return <ErrorState error={err} onRetry={() => void found.refetch()} />;
  }
  const { projects } = found.data;
  if (projects.length === 0) return <EmptyState>{T.none(q)}</EmptyState>;
  return (
    <div style={{ opacity: found.isPlaceholderData ? 0.6 : 1 }}>
      <p className="ph-summary" role="status">{T.found(projects.length)}</p>
      {projects.map((p) => <ProjectProgress key={p.project_no} project={p} />)}
    </div>
  );
}

export function PublicPage() {
  const router = useRouter();
  const pathname = usePathname();
  const q = publicQuery(useSearchParams().get('q'));
  const [text, setText] = useState(q);
  // Back and forward bring their own query.
  useEffect(() => setText(q), [q]);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    router.push(publicHref(pathname, text));
  };

  return (
    <div className="ph-public">
      <h1 className="ph-page-title">{T.pageTitle}</h1>
      <p className="ph-muted" style={{ marginLeft: 0 }}>{T.intro}</p>
      <form role="search" method="get" action={pathname} onSubmit={submit} className="ph-public-form">
        <label htmlFor="public-q" className="ph-sr-only">{T.boxLabel}</label>
        <Input id="public-q" name="q" size="large" value={text} maxLength={100} placeholder={T.placeholder} onChange={(e) => setText(e.target.value)} />
        <Button type="primary" size="large" htmlType="submit">{T.submit}</Button>
      </form>
      <Results q={q} />
      <p className="ph-muted" style={{ marginLeft: 0, marginTop: 24 }}>{T.note}</p>
    </div>
  );
}
