/** 项目详情: /projects/<项目编号>, the project's 360 view, its data rendered on the server (no Suspense boundary: see app/search/page.tsx). */
import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { safeDecode } from '../../../features/common/safe-decode';
import { ProjectPage } from '../../../features/projects/project-page';
import { parseProjectView } from '../../../features/projects/project-view-state';
import { prefetchProject } from '../../../features/projects/project.prefetch';

type Props = {
  params: Promise<{ no: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { no } = await params;
  return { title: `项目 ${safeDecode(no)}` };
}

export default async function Project({ params, searchParams }: Props) {
  const projectNo = safeDecode((await params).no);
  const view = parseProjectView(await searchParams);
  return (
    <HydrationBoundary state={await prefetchProject(projectNo, view)}>
      <ProjectPage projectNo={projectNo} />
    </HydrationBoundary>
  );
}
