/** 业务规则管理中心 (/rules): everyone signed in reads it; rendered on the server with the list. */
import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { RulesListPage } from '../../features/rules/rules-list-page';
import { prefetchRules } from '../../features/rules/rules.prefetch';
import '../audit.css';
import './rules.css';

export const metadata: Metadata = { title: '业务规则管理中心' };

export default async function Rules() {
  return (
    <HydrationBoundary state={await prefetchRules()}>
      <RulesListPage />
    </HydrationBoundary>
  );
}
