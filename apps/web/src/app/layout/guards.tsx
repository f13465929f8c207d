import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert, Loading } from '@/components/ui';
import { isAdmin, useMe, useSignedInUser } from '@/lib/auth';
import { setDisplayTimeZone } from '@/lib/format';
import { useSetupPending } from '@/lib/setup';
import { forgetAllUnsavedAnswers } from '@/lib/unsaved-answers';
import { NotFoundPage } from './NotFoundPage';
import { useT } from '@/i18n';

/** Signed-out people go to /login, which brings them back here (`?next=`) once signed in. */
export function RequireAuth() {
  const { data: me, isPending, error } = useMe();
  // Signed out: on a fresh instance every page leads to the set-up instead of the sign-in.
  const setup = useSetupPending(!isPending && !error && !me);
  const location = useLocation();
  const t = useT();
  // Someone else signed in on this browser: unsaved answers of anyone else are not theirs to find.
  useEffect(() => {
    if (me) forgetAllUnsavedAnswers(me.id);
  }, [me]);
  if (isPending || (!me && !error && setup.isPending)) {
    return (
      <div className="page-center">
        <Loading />
      </div>
    );
  }
  if (error) {
    return (
      <div className="page-center">
        <ErrorAlert error={error} title={t('error.notAnswering')} />
      </div>
    );
  }
  if (!me && setup.data) return <Navigate to="/setup" replace />;
  if (!me) {
    const here = `${location.pathname}${location.search}`;
    return <Navigate to={here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`} replace />;
  }
  // Dates and times show on the organisation's clock, whoever reads them and wherever they are.
  setDisplayTimeZone(me.organizationTimeZone);
  return <Outlet />;
}

/** HR-only pages: anyone else gets the same "not found" page an unknown address gives (nothing leaks). */
export function RequireAdmin() {
  const me = useSignedInUser();
  return isAdmin(me) ? <Outlet /> : <NotFoundPage />;
}
