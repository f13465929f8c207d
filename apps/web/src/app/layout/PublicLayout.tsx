import { Navigate, Outlet, useLocation } from 'react-router';
import { useSetupPending } from '@/lib/setup';
import { Logo } from './Logo';

/** Sign-in, invitation and set-up pages: the brand and one centred card. */
export function PublicLayout() {
  const { pathname } = useLocation();
  // A fresh instance has nobody to sign in or invite: every public page leads to the set-up.
  const setup = useSetupPending(pathname !== '/setup');
  if (setup.data && pathname !== '/setup') return <Navigate to="/setup" replace />;
  return (
    <div className="public">
      <main id="main" className="public__main">
        <div className="public__brand">
          <Logo size={36} />
          <span className="public__name">Ripple</span>
        </div>
        <Outlet />
        <p className="public__tagline">360° feedback where anyone can lead.</p>
      </main>
    </div>
  );
}
