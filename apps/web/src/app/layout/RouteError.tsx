import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Alert, Button } from '@/components/ui';
import { NotFoundPage } from './NotFoundPage';
import { useT } from '@/i18n';

/** A render error or a failed lazy import: say so, and offer a reload (a new deploy changes chunk names). */
export function RouteError() {
  const error = useRouteError();
  const t = useT();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const message = error instanceof Error ? error.message : isRouteErrorResponse(error) ? error.statusText : t('error.unknown');
  return (
    <div className="page-center">
      <Alert tone="danger" title={t('error.pageTitle')} actions={<Button onClick={() => window.location.reload()}>{t('error.reload')}</Button>}>
        {message}
      </Alert>
    </div>
  );
}
