import type { Role } from '@/lib/auth';
import { msg, type MessageId } from '@/i18n';

/**
 * The navigation, in one place. To add a page to the menu, add an entry here (and its route in
 * app/routes.tsx). `group: 'main'` shows in the top bar for everyone allowed; `group: 'admin'`
 * goes under the "Admin" menu. `roles` hides an entry from everyone else — the route itself must
 * still be guarded (an admin-only route sits under <RequireAdmin/> in routes.tsx).
 */
export interface NavItem {
  to: string;
  /** A message id of the catalogue. */
  label: MessageId;
  group: 'main' | 'admin';
  /** Who sees it; everyone signed in when left out. */
  roles?: Role[];
  /** Active only on this exact path (for "/"), not on every path below it. */
  end?: boolean;
}

export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: msg('nav.home'), group: 'main', end: true },
  { to: '/feedback', label: msg('nav.myFeedback'), group: 'main' },
  { to: '/requests', label: msg('nav.requests'), group: 'main' },
  { to: '/my-requests', label: msg('nav.askForFeedback'), group: 'main' },
  { to: '/reports', label: msg('nav.reports'), group: 'main' },
  { to: '/people', label: msg('nav.people'), group: 'main' },
  { to: '/cycles', label: msg('nav.cycles'), group: 'main', roles: ['admin'] },
  { to: '/admin/organization', label: msg('nav.organisation'), group: 'admin', roles: ['admin'] },
  { to: '/admin/single-sign-on', label: msg('nav.singleSignOn'), group: 'admin', roles: ['admin'] },
  { to: '/people/import', label: msg('nav.importPeople'), group: 'admin', roles: ['admin'] },
  { to: '/admin/frameworks', label: msg('nav.frameworks'), group: 'admin', roles: ['admin'] },
  { to: '/admin/outbox', label: msg('nav.outbox'), group: 'admin', roles: ['admin'] },
  { to: '/admin/audit', label: msg('nav.audit'), group: 'admin', roles: ['admin'] },
];

export function navFor(role: Role): { main: NavItem[]; admin: NavItem[] } {
  const visible = NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role));
  return { main: visible.filter((i) => i.group === 'main'), admin: visible.filter((i) => i.group === 'admin') };
}

/** The one entry for this path: the longest `to` that matches, so /people/import lights "Import people", not "People". */
export function activeNavItem(pathname: string, items: NavItem[]): NavItem | undefined {
  const matches = items.filter((i) => (i.end ? pathname === i.to : pathname === i.to || pathname.startsWith(`${i.to === '/' ? '' : i.to}/`)));
  return matches.sort((a, b) => b.to.length - a.to.length)[0];
}
