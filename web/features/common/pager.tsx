'use client';
/** Paging as links (each page has its URL, so Back and sharing work), dense and keyboard-reachable. */
import { AppLink as Link } from './app-link';
import { pageWindow } from './page-window';
import { COMMON_TEXTS } from './texts';

const T = COMMON_TEXTS.pager;

export function Pager({ page, pages, href, scroll = true, summary }: {
  page: number;
  /** The last page that can be reached. */
  pages: number;
  href: (page: number) => string;
  scroll?: boolean;
  summary?: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={T.label} className="ph-pager">
      <ul>
        <li>
          {page > 1 ? <Link href={href(page - 1)} scroll={scroll} rel="prev">{T.prev}</Link> : <span aria-disabled="true">{T.prev}</span>}
        </li>
        {pageWindow(page, pages).map((p, i) => (
          <li key={p === 'gap' ? `gap-${i}` : p}>
            {p === 'gap' ? (
              <span aria-hidden="true">…</span>
            ) : p === page ? (
              <span aria-current="page" className="ph-pager-current">{p}</span>
            ) : (
              <Link href={href(p)} scroll={scroll} aria-label={T.page(p)}>{p}</Link>
            )}
          </li>
        ))}
        <li>
          {page < pages ? <Link href={href(page + 1)} scroll={scroll} rel="next">{T.next}</Link> : <span aria-disabled="true">{T.next}</span>}
        </li>
      </ul>
      {summary ? <p className="ph-muted">{summary}</p> : null}
    </nav>
  );
}
