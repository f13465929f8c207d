import { useId, type CSSProperties, type ReactNode } from 'react';
import type { HeatmapCell, HeatmapMeasure } from '../api/get-heatmap';
import { HeatmapCellView } from './HeatmapCell';
import { msg, tr, type MessageId } from '@/i18n';

export interface HeatmapRow {
  key: string;
  /** The row header; say enough for it to stand alone (a screen reader reads it with every cell). */
  label: ReactNode;
  /** One cell per measure, in the API's measure order. */
  cells: HeatmapCell[];
}

export interface HeatmapRowGroup {
  key: string;
  /** A heading row above the group's rows; none for a group that needs no title. */
  label?: string;
  rows: HeatmapRow[];
}

interface ColumnGroup {
  kind: HeatmapMeasure['kind'];
  label: string;
  columns: { measure: HeatmapMeasure; index: number }[];
}

const GROUP_LABEL: Record<HeatmapMeasure['kind'], MessageId> = {
  index: msg('cycles.heatmapTable.indices'),
  influence: msg('cycles.heatmapTable.influence'),
  management: msg('cycles.heatmapTable.management'),
};

/** The API lists the indices, then behaviours in framework order: show them as indices | influence | management. */
export function groupMeasures(measures: HeatmapMeasure[]): ColumnGroup[] {
  const kinds: HeatmapMeasure['kind'][] = ['index', 'influence', 'management'];
  return kinds
    .map((kind) => ({
      kind,
      label: tr(GROUP_LABEL[kind]),
      columns: measures.map((measure, index) => ({ measure, index })).filter((c) => c.measure.kind === kind),
    }))
    .filter((g) => g.columns.length > 0);
}

/** "Influence index" under "Indices" reads as "Influence"; behaviour names are short already. */
const shortName = (m: HeatmapMeasure): string => (m.kind === 'index' ? m.name.replace(/\s+index$/i, '') : m.name);

/** Angled labels are capped (the full name is in the tooltip and read out whole); in characters. */
const LABEL_CAP = 30;

interface HeatmapTableProps {
  /** The scrolling box's id, for a control that changes the table (aria-controls). */
  id?: string;
  caption: string;
  /** The first column's header: what a row is. */
  rowHeader: string;
  measures: HeatmapMeasure[];
  groups: HeatmapRowGroup[];
  /** A totals row under the rest. */
  footer?: HeatmapRow;
  minCellSize: number;
  /** Per measure (API order), the organisation's mean that cells are coloured against; undefined where it is hidden. */
  references: (number | undefined)[];
}

/**
 * A heatmap as a real table: rows of people (departments, levels), columns of measures grouped by
 * kind under angled names (narrow, equal tiles; every name on one line), a row header that stays
 * put while the columns scroll sideways inside their own box (the page never scrolls sideways).
 * The box is focusable so keyboard users can scroll it too.
 */
export function HeatmapTable({ id, caption, rowHeader, measures, groups, footer, minCellSize, references }: HeatmapTableProps) {
  const captionId = useId();
  const columnGroups = groupMeasures(measures);
  const ordered = columnGroups.flatMap((g) => g.columns);
  // The header row is as tall as the longest angled label; the table leaves room on its right for the last one.
  const labelLength = (m: HeatmapMeasure | undefined): number => Math.min(LABEL_CAP, m ? shortName(m).length : 0);
  const sizes = {
    '--hm-label-chars': Math.max(...ordered.map((c) => labelLength(c.measure)), 8),
    '--hm-last-label-chars': labelLength(ordered[ordered.length - 1]?.measure),
  } as CSSProperties;
  const firstOfGroup = new Set(columnGroups.map((g) => g.columns[0]?.index));
  const cellClass = (index: number): string | undefined => (firstOfGroup.has(index) ? 'hm-col-start' : undefined);

  const row = (r: HeatmapRow, className?: string) => (
    <tr key={r.key} className={className}>
      <th scope="row" className="hm-rowhead">
        {r.label}
      </th>
      {ordered.map(({ index }) => {
        const cell = r.cells[index] ?? { shown: false, reason: 'no_data' as const };
        return <HeatmapCellView key={index} cell={cell} minCellSize={minCellSize} className={cellClass(index)} reference={references[index]} />;
      })}
    </tr>
  );

  return (
    <div id={id} className="hm-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="hm-table" style={sizes}>
        <caption id={captionId} className="visually-hidden">
          {caption}
        </caption>
        {/* Fixed layout: the header column, then equal measure columns (a little wider where a group starts, for the gap). */}
        <colgroup>
          <col className="hm-col-head" />
        </colgroup>
        {columnGroups.map((g) => (
          <colgroup key={g.kind}>
            {g.columns.map((c, i) => (
              <col key={c.measure.key} className={i === 0 ? 'hm-col-measure hm-col-measure--start' : 'hm-col-measure'} />
            ))}
          </colgroup>
        ))}
        <thead>
          <tr>
            <th scope="col" rowSpan={2} className="hm-rowhead hm-rowhead--corner">
              {rowHeader}
            </th>
            {ordered.map(({ measure, index }) => (
              <th key={measure.key} scope="col" className={['hm-measure', cellClass(index)].filter(Boolean).join(' ')} title={measure.name}>
                <span className="hm-measure__label">{shortName(measure)}</span>
              </th>
            ))}
          </tr>
          <tr>
            {columnGroups.map((g) => (
              <th key={g.kind} scope="colgroup" colSpan={g.columns.length} className={`hm-kind hm-kind--${g.kind} hm-col-start`}>
                {g.label}
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.key}>
            {g.label && (
              <tr className="hm-group">
                <th scope="rowgroup" colSpan={ordered.length + 1}>
                  <span className="hm-group__label">{g.label}</span>
                </th>
              </tr>
            )}
            {g.rows.map((r) => row(r))}
          </tbody>
        ))}
        {footer && <tfoot>{row(footer, 'hm-total')}</tfoot>}
      </table>
    </div>
  );
}
