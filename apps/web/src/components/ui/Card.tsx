import { useId, type ReactNode } from 'react';

interface CardProps {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
  /** Heading level of the title; pages use h2 for their sections. */
  level?: 2 | 3;
}

/** A titled section on a white surface; labelled by its title for landmarks navigation. */
export function Card({ title, description, actions, children, className, level = 2 }: CardProps) {
  const id = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={['card', className ?? ''].filter(Boolean).join(' ')} aria-labelledby={title ? id : undefined}>
      {(title || actions) && (
        <div className="card__header">
          <div>
            {title && (
              <Heading className="card__title" id={id}>
                {title}
              </Heading>
            )}
            {description && <p className="card__description">{description}</p>}
          </div>
          {actions && <div className="card__actions">{actions}</div>}
        </div>
      )}
      {children}
    </section>
  );
}
