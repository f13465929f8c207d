import { Fragment } from 'react';
import { useT } from '@/i18n';

// A link whose secret the server redacted ends in "[redacted]": it is kept whole, and not clickable.
const URL_PATTERN = /(https?:\/\/[^\s<>"'()[\]]+(?:\[redacted\][^\s<>"'()[\]]*)*)/g;
const REDACTED = '[redacted]';

/**
 * A mail's plain text with its links clickable. The HTML part is never rendered: it came from
 * templates filled with user data, and the text part says the same thing safely. A link that
 * carried a secret is shown as text: without its secret it leads nowhere.
 */
export function MessageText({ text }: { text: string }) {
  const t = useT();
  const parts = text.split(URL_PATTERN);
  return (
    <div className="message-text">
      {parts.map((part, i) =>
        i % 2 === 1 && part.includes(REDACTED) ? (
          <span key={i} className="message-text__redacted" title={t('outbox.signInLink')}>
            {part}
          </span>
        ) : i % 2 === 1 ? (
          <a key={i} href={part} rel="noreferrer">
            {part}
          </a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </div>
  );
}
