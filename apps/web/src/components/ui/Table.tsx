import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: ReactNode;
  /** The column's name in the stacked phone layout, when `header` is not plain text. */
  label?: string;
  cell: (row: T) => ReactNode;
  className?: string;
  /** Numbers align right so digits line up. */
  align?: 'start' | 'end';
}

interface TableProps<T> {
  /** Names the table for screen readers; visually hidden unless `showCaption`. */
  caption: string;
  showCaption?: boolean;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** On narrow screens each row becomes a card with labelled cells instead of scrolling sideways. */
  stackOnMobile?: boolean;
  rowClassName?: (row: T) => string | undefined;
  busy?: boolean;
}

export function Table<T>({ caption, showCaption, columns, rows, rowKey, stackOnMobile = true, rowClassName, busy }: TableProps<T>) {
  return (
    <div className={['table-wrap', stackOnMobile ? 'table-wrap--stack' : ''].filter(Boolean).join(' ')}>
      <table className="table" aria-busy={busy || undefined}>
        <caption className={showCaption ? 'table__caption' : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={[c.className, c.align === 'end' ? 'is-end' : ''].filter(Boolean).join(' ') || undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((c) => (
                <td
                  key={c.key}
                  data-label={c.label ?? (typeof c.header === 'string' ? c.header : undefined)}
                  className={[c.className, c.align === 'end' ? 'is-end' : ''].filter(Boolean).join(' ') || undefined}
                >
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
