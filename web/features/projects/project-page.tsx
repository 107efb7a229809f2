'use client';
/** 项目详情, the 360 view: basic data, then 进度视图 / 工作视图 / 资源视图 (the open view is in the URL). */
import { Tabs } from 'antd';
import { useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useTransition } from 'react';
import { useSession } from '../auth/auth.queries';
import { can } from '../auth/roles';
import { ErrorState, Loading } from '../common/states';
import { BasicInfo } from './basic-info';
import { RecommendationsPanel } from '../recommendations/recommendations-panel';
import { ProjectAlertsPanel } from '../alerts/project-alerts-panel';
import { ProgressView } from './progress-view';
import { ProjectAliases } from './project-aliases';
import { PROJECT_VIEWS, parseProjectView, projectViewHref, type ProjectView } from './project-view-state';
import { useProject } from './project.queries';
import { ResourceView } from './resource-view';
import { PROJECT_TEXTS } from './texts';
import { WorkView } from './work-view';

export function ProjectPage({ projectNo }: { projectNo: string }) {
  const router = useRouter();
  const params = useSearchParams();
  const state = useMemo(() => parseProjectView(new URLSearchParams(params.toString())), [params]);
  const project = useProject(projectNo);
  const [navigating, startNavigation] = useTransition();
  const role = useSession().data?.role;

  if (project.isPending) return <Loading rows={10} />;
  if (project.isError) {
    return <ErrorState error={project.error} notFound={PROJECT_TEXTS.notFound(projectNo)} onRetry={() => void project.refetch()} />;
  }
  const detail = project.data;
  const render = (view: ProjectView) => {
    if (view === 'progress') return <ProgressView approvals={detail.approvals} />;
    if (view === 'work') return <WorkView approvals={detail.approvals} />;
    return <ResourceView projectNo={detail.project.project_no} state={state} links={detail.resources} />;
  };
  return (
    <article className="ph-project">
      <h1 className="ph-page-title">
        {detail.project.name}
        <span className="ph-title-no">{detail.project.project_no}</span>
      </h1>
      <BasicInfo detail={detail} />
      <ProjectAlertsPanel projectNo={detail.project.project_no} />
      <ProjectAliases projectNo={detail.project.project_no} registeredName={detail.project.name} />
      <Tabs
        className="ph-views"
        aria-label={PROJECT_TEXTS.viewsLabel}
        activeKey={state.view}
        onChange={(view) => startNavigation(() => router.push(projectViewHref(detail.project.project_no, { ...state, view: view as ProjectView }), { scroll: false }))}
        items={PROJECT_VIEWS.map((view) => ({
          key: view,
          label: PROJECT_TEXTS.views[view],
          children: view === state.view ? <div className={navigating ? 'ph-pending' : undefined} aria-busy={navigating}>{render(view)}</div> : null,
        }))}
      />
      {/* 推荐资源 is for case work: an officer or an admin would only be refused it. */}
      {can(role, 'recommendations') ? <RecommendationsPanel target={{ projectNo: detail.project.project_no }} /> : null}
    </article>
  );
}
