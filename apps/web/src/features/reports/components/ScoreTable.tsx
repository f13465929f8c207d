import type { ReactNode } from 'react';
import { Table, type Column } from '@/components/ui';
import type { ReportCells, ReportColumn } from '../api/get-report';
import { columnLabel, columnNote, hiddenReason } from '../utils/report-words';
import { CellValue } from './CellValue';
import { tr } from '@/i18n';

export interface ScoreRow {
  id: string;
  label: ReactNode;
  cells: ReportCells;
  /** The summary row of a group of rows (a behaviour above its statements). */
  emphasis?: boolean;
}

interface ScoreTableProps {
  caption: string;
  rowHeader: string;
  rows: ScoreRow[];
  columns: ReportColumn[];
  k: number;
  notObservedLabel: string;
}

/**
 * Why numbers of a column are hidden, said once: a column hidden in every row for one reason
 * leaves the table (the note says so); otherwise each reason its hidden cells have, once.
 */
function hiddenNotes(rows: ScoreRow[], columns: ReportColumn[], k: number, notObservedLabel: string) {
  const dropped = new Set<string>();
  const notes: { key: string; text: string }[] = [];
  for (const column of columns) {
    const hidden = rows.map((r) => r.cells[column.key]).filter((c) => !c.shown);
    const reasons = [...new Set(hidden.map((c) => hiddenReason(c.reason, k, notObservedLabel)))];
    if (hidden.length === 0) continue;
    if (hidden.length === rows.length && reasons.length === 1) {
      dropped.add(column.key);
      notes.push({ key: column.key, text: tr('reports.table.dropped', { column: columnLabel(column), reason: (reasons[0] ?? '').toLowerCase() }) });
    } else {
      notes.push({
        key: column.key,
        text: tr('reports.table.where', { column: columnLabel(column), reasons: reasons.map((r) => r.toLowerCase()).join('; ') }),
      });
    }
  }
  return { dropped, notes };
}

/** Rows of numbers by rater group (the columns the report shows); on phones each row becomes a small card. */
export function ScoreTable({ caption, rowHeader, rows, columns, k, notObservedLabel }: ScoreTableProps) {
  const { dropped, notes } = hiddenNotes(rows, columns, k, notObservedLabel);
  const tableColumns: Column<ScoreRow>[] = [
    { key: 'label', header: rowHeader, className: 'score-table__label', cell: (row) => row.label },
    ...columns
      .filter((c) => !dropped.has(c.key))
      .map((column): Column<ScoreRow> => ({
        key: column.key,
        label: columnLabel(column),
        header: (
          <span className="score-table__head">
            {columnLabel(column)}
            {column.shown && !column.identified && column.respondents !== undefined && <span className="score-table__count"> ({column.respondents})</span>}
            {columnNote(column) && <span className="score-table__note">{columnNote(column)}</span>}
          </span>
        ),
        className: 'score-table__cell',
        cell: (row) => <CellValue cell={row.cells[column.key]} k={k} notObservedLabel={notObservedLabel} identified={column.identified} />,
      })),
  ];
  return (
    <div className="score-table">
      <Table
        caption={caption}
        columns={tableColumns}
        rows={rows}
        rowKey={(row) => row.id}
        rowClassName={(row) => (row.emphasis ? 'score-table__summary' : undefined)}
      />
      {notes.length > 0 && (
        <ul className="score-table__hidden-notes" aria-label={tr('reports.table.notShownLabel')}>
          {notes.map((n) => (
            <li key={n.key}>{n.text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
