import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Alert, Button } from '@/components/ui';
import { NotFoundPage } from './NotFoundPage';

/** A render error or a failed lazy import: say so, and offer a reload (a new deploy changes chunk names). */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const message = error instanceof Error ? error.message : isRouteErrorResponse(error) ? error.statusText : 'Unknown error';
  return (
    <div className="page-center">
      <Alert tone="danger" title="This page could not be shown" actions={<Button onClick={() => window.location.reload()}>Reload the page</Button>}>
        {message}
      </Alert>
    </div>
  );
}
