/** The bar at the top of every page: the hub's name, a way back to search, and the pages for staff (关联审核). */
import { AppLink as Link } from './app-link';
import { COMMON_TEXTS } from './texts';

const NAV_LINK = { color: '#fff', fontSize: 14, textDecoration: 'none' } as const;

export function AppHeader() {
  return (
    <header style={{ background: '#0f3d7a', height: 48, display: 'flex', alignItems: 'center', padding: '0 24px' }}>
      <Link href="/" style={{ color: '#fff', fontSize: 17, fontWeight: 600, textDecoration: 'none', letterSpacing: 1 }}>
        {COMMON_TEXTS.appName}
      </Link>
      <span style={{ color: '#dbe6f5', marginLeft: 12, fontSize: 13 }}>{COMMON_TEXTS.appTagline}</span>
      <nav aria-label={COMMON_TEXTS.nav.label} style={{ marginLeft: 'auto', display: 'flex', gap: 20 }}>
        <Link href="/links/review" style={NAV_LINK}>{COMMON_TEXTS.nav.linkReview}</Link>
      </nav>
    </header>
  );
}
