import { Button } from './Button';
import { FormattedMessage } from 'react-intl';
import { msg, useT } from '@/i18n';

/** What can be paged, each with its noun taking the total as `count`. */
const NOUNS = {
  people: msg('ui.pagination.people'),
  events: msg('ui.pagination.events'),
  subjects: msg('ui.pagination.subjects'),
} as const;

interface PaginationProps {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
  /** What is being paged. */
  noun: keyof typeof NOUNS;
}

export function Pagination({ offset, limit, total, onChange, noun: nounId }: PaginationProps) {
  const t = useT();
  if (total === 0) return null;
  const noun = t(NOUNS[nounId], { count: total });
  const first = offset + 1;
  const last = Math.min(offset + limit, total);
  return (
    <nav className="pagination" aria-label={t('pagination.label', { noun })}>
      <p className="pagination__summary">
        <FormattedMessage id="pagination.summary" values={{ first, last, total, noun, strong: (chunks) => <strong>{chunks}</strong> }} />
      </p>
      {total > limit && (
        <div className="pagination__buttons">
          <Button variant="secondary" size="sm" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
            <span aria-hidden="true">← </span>
            {t('pagination.previous')}
          </Button>
          <Button variant="secondary" size="sm" disabled={last >= total} onClick={() => onChange(offset + limit)}>
            {t('pagination.next')}
            <span aria-hidden="true"> →</span>
          </Button>
        </div>
      )}
    </nav>
  );
}
