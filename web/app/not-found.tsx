/** 页面不存在: any path the web app does not have. */
import Link from 'next/link';
import { COMMON_TEXTS } from '../features/common/texts';

export const metadata = { title: COMMON_TEXTS.notFoundPage.title };

export default function NotFound() {
  return (
    <div className="ph-plain-page">
      <p className="ph-code" aria-hidden="true">404</p>
      <h1 className="ph-page-title">{COMMON_TEXTS.notFoundPage.title}</h1>
      <p>{COMMON_TEXTS.notFoundPage.body}</p>
      <Link href="/" prefetch={false}>{COMMON_TEXTS.backToSearch}</Link>
    </div>
  );
}
