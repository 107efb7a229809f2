/** 公众查询's own bar: the bureau's name and 公众查询, nothing of the internal hub. */
import { PUBLIC_TEXTS as T } from './texts';

export const PUBLIC_PATH = '/public';

export const isPublicPath = (pathname: string) => pathname === PUBLIC_PATH || pathname.startsWith(`${PUBLIC_PATH}/`);

export function PublicHeader() {
  return (
    <header className="ph-app-header" style={{ background: '#0f3d7a', height: 48, display: 'flex', alignItems: 'center', padding: '0 24px' }}>
      <span style={{ color: '#fff', fontSize: 17, fontWeight: 600, letterSpacing: 1 }}>{T.bureau}</span>
      <span style={{ color: '#dbe6f5', marginLeft: 12, fontSize: 15 }}>{T.title}</span>
    </header>
  );
}
