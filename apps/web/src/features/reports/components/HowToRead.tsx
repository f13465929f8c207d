import type { ReactNode } from 'react';

/** A short plain-language note beside a block of numbers: what they mean and why some are missing. */
export function HowToRead({ children, title = 'How to read this' }: { children: ReactNode; title?: string }) {
  return (
    <aside className="how-to-read" aria-label={title}>
      <p className="how-to-read__title">
        <span aria-hidden="true" className="how-to-read__icon">
          ?
        </span>
        {title}
      </p>
      <div className="how-to-read__body">{children}</div>
    </aside>
  );
}
