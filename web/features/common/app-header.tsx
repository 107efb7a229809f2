'use client';
/**
 * The bar at the top of every page: the hub's name, then for staff the pages their role may use,
 * who is signed in and 退出. The login page shows the name alone, and 公众查询 its own bar
 * (features/public/public-header.tsx): neither asks who is signed in.
 */
import { usePathname } from 'next/navigation';
import { UserMenu } from '../auth/user-menu';
import { LOGIN_PATH } from '../auth/next-path';
import { PublicHeader, isPublicPath } from '../public/public-header';
import { AppLink as Link } from './app-link';
import { COMMON_TEXTS } from './texts';

const BAR = { background: '#0f3d7a', height: 48, display: 'flex', alignItems: 'center', padding: '0 24px' } as const;

export function AppHeader() {
  const pathname = usePathname();
  if (isPublicPath(pathname)) return <PublicHeader />;
  return (
    <header className="ph-app-header" style={BAR}>
      <Link href="/" style={{ color: '#fff', fontSize: 17, fontWeight: 600, textDecoration: 'none', letterSpacing: 1 }}>
        {COMMON_TEXTS.appName}
      </Link>
      <span style={{ color: '#dbe6f5', marginLeft: 12, fontSize: 13 }}>{COMMON_TEXTS.appTagline}</span>
      {pathname === LOGIN_PATH ? null : <UserMenu />}
    </header>
  );
}
