import type { ReactNode } from 'react';
import { tr } from '@/i18n';

/**
 * A short plain-language note beside a block of numbers: what they mean and why some are missing.
 * Closed until asked for (a native disclosure), so the numbers come first; printing opens it.
 */
export function HowToRead({ children, title = tr('reports.howToRead') }: { children: ReactNode; title?: string }) {
  return (
    <details className="how-to-read">
      <summary className="how-to-read__title">
        <span aria-hidden="true" className="how-to-read__icon">
          ?
        </span>
        {title}
      </summary>
      <div className="how-to-read__body">{children}</div>
    </details>
  );
}
