import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';

interface PageHeaderProps {
  title: ReactNode;
  /** The browser tab title, when `title` is not plain text. */
  documentTitle?: string;
  description?: ReactNode;
  actions?: ReactNode;
  back?: { to: string; label: string };
}

/** The page's h1, a line of context, and its main actions. Also sets the document title. */
export function PageHeader({ title, documentTitle, description, actions, back }: PageHeaderProps) {
  const text = documentTitle ?? (typeof title === 'string' ? title : undefined);
  useDocumentTitle(text);
  return (
    <header className="page-header">
      {back && (
        <Link className="page-header__back" to={back.to}>
          <span aria-hidden="true">← </span>
          {back.label}
        </Link>
      )}
      <div className="page-header__row">
        <div className="page-header__text">
          <h1 className="page-header__title">{title}</h1>
          {description && <p className="page-header__description">{description}</p>}
        </div>
        {actions && <div className="page-header__actions">{actions}</div>}
      </div>
    </header>
  );
}

export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} · Ripple`;
  }, [title]);
}
