import { ButtonLink } from './Button';
import { useDocumentTitle } from './PageHeader';
import { useT } from '@/i18n';

/** The page for an unknown address, and for anything the person may not see (same words: nothing leaks). */
export function NotFound() {
  const t = useT();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="not-found">
      <p className="not-found__code" aria-hidden="true">
        404
      </p>
      <h1 className="not-found__title">{t('notFound.title')}</h1>
      <p className="not-found__text">{t('notFound.text')}</p>
      <ButtonLink to="/" variant="primary">
        {t('notFound.home')}
      </ButtonLink>
    </div>
  );
}
