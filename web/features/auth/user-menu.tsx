'use client';
/** The header's right side for staff: the entries the role may use, who is signed in, and 退出. */
import { AppLink as Link } from '../common/app-link';
import { COMMON_TEXTS } from '../common/texts';
import { useLogout, useSession } from './auth.queries';
import { navFor, roleName } from './roles';
import { AUTH_TEXTS as T } from './texts';

const NAV_LINK = { color: '#fff', fontSize: 14, textDecoration: 'none' } as const;

export function UserMenu() {
  const session = useSession();
  const logout = useLogout();
  const user = session.data;
  return (
    <div style={{ marginLeft: 'auto', display: 'flex', alignItems: 'center', gap: 20 }}>
      <nav aria-label={COMMON_TEXTS.nav.label} style={{ display: 'flex', gap: 20 }}>
        {navFor(user?.role).map((e) => <Link key={e.href} href={e.href} style={NAV_LINK}>{e.label}</Link>)}
      </nav>
      {user ? (
        <div className="ph-user" role="group" aria-label={T.signedInAs} data-role={user.role}>
          <span className="ph-user-name">{user.displayName}</span>
          <span className="ph-user-role">{roleName(user.role)}</span>
          <button type="button" className="ph-logout" onClick={() => logout.mutate()} disabled={logout.isPending}>
            {logout.isPending ? T.loggingOut : T.logout}
          </button>
        </div>
      ) : null}
    </div>
  );
}
