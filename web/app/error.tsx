'use client';
/** A page that failed while rendering: said in Chinese, with a retry. Plain markup: this boundary loads with every page. */
import Link from 'next/link';
import { COMMON_TEXTS } from '../features/common/texts';

export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="ph-plain-page" role="alert">
      <h1 className="ph-page-title">{COMMON_TEXTS.errorPage.title}</h1>
      <p>{COMMON_TEXTS.errorPage.body}</p>
      <div className="ph-actions">
        <button type="button" className="ph-button" onClick={reset}>{COMMON_TEXTS.retry}</button>
        <Link href="/" prefetch={false}>{COMMON_TEXTS.backToSearch}</Link>
      </div>
    </div>
  );
}
