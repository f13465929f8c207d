import { isApiError } from '@/api/client';
import { Alert } from './Alert';
import { useT } from '@/i18n';

/** Any failed query or mutation, in words: the API's message when there is one. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const t = useT();
  const message = isApiError(error) || error instanceof Error ? error.message : t('error.unexpected');
  return (
    <Alert tone="danger" title={title ?? t('error.title')}>
      {message}
    </Alert>
  );
}
