'use client';
/**
 * 待审核的关联: records the linker thinks may be about the project, which the search does not
 * count yet; each with its confidence and the way to the review page.
 */
import { AppLink as Link } from '../common/app-link';
import { recordHref } from '../common/record-links';
import { COMMON_TEXTS, type RecordType } from '../common/texts';
import { LinkStanding } from './link-standing';
import type { LinkedResource } from './project.types';
import { PROJECT_TEXTS } from './texts';

const S = PROJECT_TEXTS.links;

export function SuggestedLinks({ links }: { links: readonly LinkedResource[] }) {
  if (links.length === 0) return null;
  return (
    <section aria-labelledby="suggested-links-title" className="ph-suggested-links">
      <h2 id="suggested-links-title" className="ph-section-title">
        {S.pendingTitle(links.length)}
        <Link href="/links/review" className="ph-muted" style={{ fontWeight: 'normal', fontSize: 13 }}>{S.review}</Link>
      </h2>
      <p className="ph-muted" style={{ marginLeft: 0, fontSize: 13 }}>{S.pendingIntro}</p>
      <ul className="ph-results" style={{ listStyle: 'none', padding: 0 }}>
        {links.map((l) => (
          <li key={`${l.resource_type}:${l.resource_id}`} className="ph-card" data-resource={`${l.resource_type}:${l.resource_id}`}>
            <div className="ph-card-title">
              <span className="ph-muted" style={{ marginLeft: 0 }}>{COMMON_TEXTS.typeNames[l.resource_type as RecordType] ?? l.resource_type}</span>
              <Link href={recordHref(l.resource_type as RecordType, l.resource_id)}>{l.title ?? S.untitled}</Link>
            </div>
            <LinkStanding link={l} />
          </li>
        ))}
      </ul>
    </section>
  );
}
