/** 公众查询 (/public?q=…): a project's approval progress for anyone, without a login. */
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Loading } from '../../features/common/states';
import { PublicPage } from '../../features/public/public-page';
import '../public.css';

export const metadata: Metadata = { title: { absolute: '项目审批进度公众查询 · 自然资源和规划局' } };

export default function Public() {
  return (
    <Suspense fallback={<Loading rows={3} />}>
      <PublicPage />
    </Suspense>
  );
}
