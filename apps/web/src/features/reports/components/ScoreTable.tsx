import type { ReactNode } from 'react';
import { Table, type Column } from '@/components/ui';
import type { ReportCells, ReportColumn } from '../api/get-report';
import { columnLabel, columnNote } from '../utils/report-words';
import { CellValue } from './CellValue';

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

/** Rows of numbers by rater group (the columns the report shows); on phones each row becomes a small card. */
export function ScoreTable({ caption, rowHeader, rows, columns, k, notObservedLabel }: ScoreTableProps) {
  const tableColumns: Column<ScoreRow>[] = [
    { key: 'label', header: rowHeader, className: 'score-table__label', cell: (row) => row.label },
    ...columns.map((column): Column<ScoreRow> => ({
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
    </div>
  );
}
