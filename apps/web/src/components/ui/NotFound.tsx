import { ButtonLink } from './Button';
import { useDocumentTitle } from './PageHeader';

/** The page for an unknown address, and for anything the person may not see (same words: nothing leaks). */
export function NotFound() {
  useDocumentTitle('Page not found');
  return (
    <div className="not-found">
      <p className="not-found__code" aria-hidden="true">
        404
      </p>
      <h1 className="not-found__title">Page not found</h1>
      <p className="not-found__text">This page does not exist, or you do not have access to it.</p>
      <ButtonLink to="/" variant="primary">
        Go to the home page
      </ButtonLink>
    </div>
  );
}
