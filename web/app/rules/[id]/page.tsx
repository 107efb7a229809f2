/** /rules/<id>: one rule, its table, cases and versions; admins edit it. Rendered on the server with the rule. */
import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { safeDecode } from '../../../features/common/safe-decode';
import { RulePage } from '../../../features/rules/rule-page';
import { prefetchRule } from '../../../features/rules/rules.prefetch';
import '../../audit.css';
import '../rules.css';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `业务规则 ${safeDecode((await params).id)}` };
}

export default async function Rule({ params }: Props) {
  const id = safeDecode((await params).id);
  return (
    <HydrationBoundary state={await prefetchRule(id)}>
      <RulePage id={id} />
    </HydrationBoundary>
  );
}
