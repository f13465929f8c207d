import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useLogout } from '@/features/auth/api/logout';
import { initials } from '@/lib/format';
import { useSignedInUser } from '@/lib/auth';
import { Logo } from './Logo';
import { activeNavItem, navFor, type NavItem } from './nav';
import { useLanguage, useT } from '@/i18n';
import { useTopBarFit } from './use-top-bar-fit';

/** Links of the menu; exactly one entry of the whole menu is marked current (aria-current and a bar, not colour alone). */
function NavLinks({ items, active }: { items: NavItem[]; active: NavItem | undefined }) {
  const t = useT();
  return items.map((item) => (
    <li key={item.to}>
      <Link to={item.to} className={`nav__link${item === active ? ' is-active' : ''}`} aria-current={item === active ? 'page' : undefined}>
        {t(item.label)}
      </Link>
    </li>
  ));
}

/** The "Admin" disclosure on wide screens: a button and a list of links, closed by Escape or a click elsewhere. */
function AdminMenu({ items, active }: { items: NavItem[]; active: NavItem | undefined }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLLIElement>(null);
  const listId = useId();
  const t = useT();
  const location = useLocation();
  const current = active !== undefined && items.includes(active);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- a navigation closes the menu (an event from outside this component)
  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        ref.current?.querySelector('button')?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <li className="nav__menu" ref={ref}>
      <button
        type="button"
        className={`nav__link nav__menu-button${current ? ' is-active' : ''}`}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
      >
        {t('nav.admin')}{' '}
        <span aria-hidden="true" className="nav__caret">
          ▾
        </span>
      </button>
      <ul id={listId} className="nav__dropdown" hidden={!open}>
        <NavLinks items={items} active={active} />
      </ul>
    </li>
  );
}

export function TopBar() {
  const me = useSignedInUser();
  const logout = useLogout();
  const nav = navFor(me.role);
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const panelId = useId();
  const t = useT();
  const { language } = useLanguage();
  // Whatever changes the entries' widths: the language, the role's entries, the names, "Signing out…".
  const { headerRef, fit, style } = useTopBarFit([language, me.role, me.name, me.organizationName, logout.isPending].join('\n'));
  const active = activeNavItem(location.pathname, [...nav.main, ...nav.admin]);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- a navigation closes the menu (an event from outside this component)
  useEffect(() => setMenuOpen(false), [location.pathname]);

  const onAccount = location.pathname === '/account';
  const signOut = (
    <button type="button" className="btn btn--on-dark btn--sm" onClick={() => logout.mutate()} disabled={logout.isPending}>
      {logout.isPending ? t('topbar.signingOut') : t('topbar.signOut')}
    </button>
  );

  return (
    <header className={`topbar topbar--${fit}`} ref={headerRef} style={style}>
      <div className="topbar__inner">
        <Link to="/" className="brand">
          <Logo />
          {/* i18n-exempt: the product's name */}
          <span className="brand__name">Ripple</span>
          <span className="visually-hidden">{t('topbar.home')}</span>
        </Link>
        <span className="topbar__org" title={me.organizationName}>
          {me.organizationName}
        </span>

        <nav className="nav nav--bar" aria-label={t('topbar.mainNav')}>
          <ul className="nav__list">
            <NavLinks items={nav.main} active={active} />
            {nav.admin.length > 0 && <AdminMenu items={nav.admin} active={active} />}
          </ul>
        </nav>

        <div className="topbar__user">
          {/* The person's own menu: their name leads to their account (password). */}
          <Link to="/account" className="topbar__account" aria-current={onAccount ? 'page' : undefined} title={t('topbar.accountTitle', { name: me.name })}>
            <span className="avatar" aria-hidden="true">
              {initials(me.name)}
            </span>
            <span className="topbar__name">
              <span className="visually-hidden">{t('topbar.accountSignedInAs')} </span>
              {me.name}
            </span>
          </Link>
          {signOut}
        </div>

        <button
          type="button"
          className="topbar__menu-button btn btn--on-dark btn--sm"
          aria-expanded={menuOpen}
          aria-controls={panelId}
          onClick={() => setMenuOpen((o) => !o)}
        >
          <span aria-hidden="true">{menuOpen ? '✕' : '☰'}</span> {t('topbar.menu')}
        </button>
      </div>

      <div id={panelId} className="topbar__panel" hidden={!menuOpen}>
        <nav className="nav nav--panel" aria-label={t('topbar.mainNavCompact')}>
          <ul className="nav__list">
            <NavLinks items={nav.main} active={active} />
          </ul>
          {nav.admin.length > 0 && (
            <>
              <p className="nav__section">{t('nav.admin')}</p>
              <ul className="nav__list">
                <NavLinks items={nav.admin} active={active} />
              </ul>
            </>
          )}
        </nav>
        <div className="topbar__panel-user">
          <span className="avatar" aria-hidden="true">
            {initials(me.name)}
          </span>
          <span>
            <span className="visually-hidden">{t('topbar.signedInAs')} </span>
            <strong>{me.name}</strong>
            <br />
            <span className="topbar__panel-email">{me.email}</span>
          </span>
          <Link to="/account" className="btn btn--on-dark btn--sm" aria-current={onAccount ? 'page' : undefined}>
            {t('topbar.account')}
          </Link>
          {signOut}
        </div>
      </div>
    </header>
  );
}
