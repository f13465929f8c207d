import type { ReportCell } from '../api/get-report';
import { fixed, hiddenReason, shownNumbers } from '../utils/report-words';
import { tr } from '@/i18n';

interface CellValueProps {
  cell: ReportCell;
  /** The cycle's anonymity threshold, for "Fewer than k responses". */
  k: number;
  notObservedLabel: string;
  /** Self, or a manager shown separately: one known person, so no count or spread to show. */
  identified?: boolean;
}

/**
 * One number of the report: the mean with n and spread, or — when hidden — a dash: the table says
 * why once per column, and the dash says it to a screen reader (never with a count).
 */
export function CellValue({ cell, k, notObservedLabel, identified }: CellValueProps) {
  const shown = shownNumbers(cell);
  if (!shown)
    return (
      <span className="cell-hidden cell-hidden--dash">
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{hiddenReason(cell.reason, k, notObservedLabel)}</span>
      </span>
    );
  return (
    <span className="cell-value">
      <span className="cell-value__mean">{fixed(shown.mean)}</span>
      {!identified && <span className="cell-value__meta">{tr('report.nSpread', { n: shown.n, spread: fixed(shown.spread) })}</span>}
    </span>
  );
}
