'use client';
/** The cases behind a finding, each opening its approval. */
import { AppLink as Link } from '../common/app-link';
import { recordHref } from '../common/record-links';

export function CaseLinks({ ids }: { ids: string[] }) {
  if (ids.length === 0) return <>—</>;
  return (
    <ul className="ph-case-links">
      {ids.map((id) => <li key={id}><Link href={recordHref('approval', id)}>{id}</Link></li>)}
    </ul>
  );
}
