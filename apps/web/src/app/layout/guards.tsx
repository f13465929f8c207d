import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert, Loading } from '@/components/ui';
import { isAdmin, useMe, useSignedInUser } from '@/lib/auth';
import { NotFoundPage } from './NotFoundPage';

/** Signed-out people go to /login, which brings them back here (`?next=`) once signed in. */
export function RequireAuth() {
  const { data: me, isPending, error } = useMe();
  const location = useLocation();
  if (isPending) {
    return (
      <div className="page-center">
        <Loading />
      </div>
    );
  }
  if (error) {
    return (
      <div className="page-center">
        <ErrorAlert error={error} title="Ripple is not answering" />
      </div>
    );
  }
  if (!me) {
    const here = `${location.pathname}${location.search}`;
    return <Navigate to={here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`} replace />;
  }
  return <Outlet />;
}

/** HR-only pages: anyone else gets the same "not found" page an unknown address gives (nothing leaks). */
export function RequireAdmin() {
  const me = useSignedInUser();
  return isAdmin(me) ? <Outlet /> : <NotFoundPage />;
}
