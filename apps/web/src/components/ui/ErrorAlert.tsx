import { isApiError } from '@/api/client';
import { Alert } from './Alert';

/** Any failed query or mutation, in words: the API's message when there is one. */
export function ErrorAlert({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  const message = isApiError(error) || error instanceof Error ? error.message : 'Unexpected error.';
  return (
    <Alert tone="danger" title={title}>
      {message}
    </Alert>
  );
}
