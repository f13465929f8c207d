import { Navigate, Outlet, useLocation } from 'react-router';
import { useSetupPending } from '@/lib/setup';
import { Logo } from './Logo';
import { LanguageSwitch, useT } from '@/i18n';

/** Sign-in, invitation and set-up pages: the brand and one centred card. */
export function PublicLayout() {
  const { pathname } = useLocation();
  // A fresh instance has nobody to sign in or invite: every public page leads to the set-up.
  const setup = useSetupPending(pathname !== '/setup');
  const t = useT();
  if (setup.data && pathname !== '/setup') return <Navigate to="/setup" replace />;
  return (
    <div className="public">
      <main id="main" className="public__main">
        <div className="public__brand">
          <Logo size={36} />
          {/* i18n-exempt: the product's name */}
          <span className="public__name">Ripple</span>
        </div>
        <Outlet />
        <p className="public__tagline">{t('public.tagline')}</p>
        <LanguageSwitch className="public__language" />
      </main>
    </div>
  );
}
