import { Outlet } from 'react-router';
import { Logo } from './Logo';

/** Sign-in and invitation pages: the brand and one centred card. */
export function PublicLayout() {
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
