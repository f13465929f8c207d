import { Outlet, useNavigation } from 'react-router';
import { TopBar } from './TopBar';
import { useT } from '@/i18n';

/** Every signed-in page: the top bar, then the page in a readable column. */
export function AppLayout() {
  const navigation = useNavigation();
  const t = useT();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('layout.skip')}
      </a>
      <TopBar />
      {navigation.state === 'loading' && <div className="route-progress" aria-hidden="true" />}
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
