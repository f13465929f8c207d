import { Button } from './Button';

interface PaginationProps {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
  /** What is being paged, e.g. "people". */
  noun: string;
}

export function Pagination({ offset, limit, total, onChange, noun }: PaginationProps) {
  if (total === 0) return null;
  const first = offset + 1;
  const last = Math.min(offset + limit, total);
  return (
    <nav className="pagination" aria-label={`Pages of ${noun}`}>
      <p className="pagination__summary">
        Showing <strong>{first}</strong>–<strong>{last}</strong> of <strong>{total}</strong> {noun}
      </p>
      {total > limit && (
        <div className="pagination__buttons">
          <Button variant="secondary" size="sm" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
            <span aria-hidden="true">← </span>Previous
          </Button>
          <Button variant="secondary" size="sm" disabled={last >= total} onClick={() => onChange(offset + limit)}>
            Next<span aria-hidden="true"> →</span>
          </Button>
        </div>
      )}
    </nav>
  );
}
