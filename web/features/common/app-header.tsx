/** The bar at the top of every page: the hub's name, a way back to search. */
import { AppLink as Link } from './app-link';
import { COMMON_TEXTS } from './texts';

export function AppHeader() {
  return (
    <header style={{ background: '#0f3d7a', height: 48, display: 'flex', alignItems: 'center', padding: '0 24px' }}>
      <Link href="/" style={{ color: '#fff', fontSize: 17, fontWeight: 600, textDecoration: 'none', letterSpacing: 1 }}>
        {COMMON_TEXTS.appName}
      </Link>
      <span style={{ color: '#dbe6f5', marginLeft: 12, fontSize: 13 }}>{COMMON_TEXTS.appTagline}</span>
    </header>
  );
}
