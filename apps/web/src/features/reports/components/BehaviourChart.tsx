import { Bar, BarChart, CartesianGrid, Text, Tooltip, XAxis, YAxis, type YAxisTickContentProps } from 'recharts';
import { Table, type Column } from '@/components/ui';
import type { ColumnKey, Report } from '../api/get-report';
import { useNarrow } from '../hooks/use-narrow';
import { tr } from '@/i18n';
import { COLUMN_COLOUR, columnLabel, fixed, shownNumbers, visibleColumns } from '../utils/report-words';

type ChartRow = { key: string; name: string } & Partial<Record<ColumnKey, number>>;

const BAR = 9;
const BAR_GAP = 2;
const CATEGORY_PADDING = 22;

/** The behaviour's name beside its bars, wrapped onto as many lines as the axis width needs. */
function BehaviourTick({ x, y, payload, width }: YAxisTickContentProps & { width: number }) {
  return (
    <Text x={Number(x)} y={Number(y)} width={width} textAnchor="end" verticalAnchor="middle" className="behaviour-chart__tick">
      {String(payload.value)}
    </Text>
  );
}

/**
 * Every behaviour's mean by rater group, as horizontal grouped bars on the 1–5 scale. A hidden
 * number is simply not drawn (the tables below say why); a group with no number at all is left
 * out of the legend too. The picture is hidden from assistive technology and takes no keyboard
 * focus; the table under it holds every number it draws.
 */
export function BehaviourChart({ report }: { report: Report }) {
  const narrow = useNarrow();
  const rows: ChartRow[] = report.behaviours.map((b) => {
    const row: ChartRow = { key: b.key, name: b.name };
    for (const column of report.columns) {
      const shown = shownNumbers(b.cells[column.key]);
      if (shown) row[column.key] = shown.mean;
    }
    return row;
  });
  const series = visibleColumns(report)
    .map((c) => c.key)
    .filter((key) => rows.some((row) => row[key] !== undefined));
  const label = (key: ColumnKey): string => columnLabel(report.columns.find((c) => c.key === key) ?? { key, groups: [] });
  if (series.length === 0) return <p className="muted">{tr('reports.chart.nothing')}</p>;

  const axisWidth = narrow ? 96 : 190;
  const categoryHeight = series.length * (BAR + BAR_GAP) + CATEGORY_PADDING;
  const height = rows.length * categoryHeight + 40;
  const scale = new Map(report.scale.points.map((p) => [p.value, p.label]));
  const columns: Column<ChartRow>[] = [
    { key: 'name', header: tr('reports.behaviour'), cell: (row) => row.name },
    ...series.map((key): Column<ChartRow> => ({
      key,
      header: label(key),
      label: label(key),
      align: 'end',
      cell: (row) => {
        const mean = row[key];
        return mean === undefined ? <span className="cell-hidden">{tr('reports.notShown')}</span> : fixed(mean);
      },
    })),
  ];
  return (
    <>
      {/* The legend is plain HTML: it wraps on phones, reads as a list, and never overlaps bars when the page is printed. */}
      <ul className="chart-legend" aria-label={tr('reports.chart.legend')}>
        {series.map((key) => (
          <li key={key} className="chart-legend__item">
            <span className="chart-legend__swatch" style={{ background: COLUMN_COLOUR[key] }} aria-hidden="true" />
            {label(key)}
          </li>
        ))}
      </ul>
      <div className="behaviour-chart__plot" aria-hidden="true">
        <BarChart
          className="behaviour-chart__chart"
          accessibilityLayer={false}
          layout="vertical"
          data={rows}
          responsive
          style={{ width: '100%', height }}
          margin={{ top: 4, right: narrow ? 12 : 36, bottom: 4, left: 4 }}
          barSize={BAR}
          barGap={BAR_GAP}
          barCategoryGap={CATEGORY_PADDING / 2}
        >
          <CartesianGrid horizontal={false} stroke="#dce3e1" />
          <XAxis
            type="number"
            domain={[1, 5]}
            ticks={[1, 2, 3, 4, 5]}
            tickFormatter={(v: number) => (narrow ? String(v) : `${v} ${scale.get(v) ?? ''}`.trim())}
            tick={{ fill: '#53646a', fontSize: 12 }}
            stroke="#bfcac7"
          />
          <YAxis
            type="category"
            dataKey="name"
            width={axisWidth}
            interval={0}
            tickLine={false}
            stroke="#bfcac7"
            tick={(props: YAxisTickContentProps) => <BehaviourTick {...props} width={axisWidth - 10} />}
          />
          <Tooltip
            cursor={{ fill: 'rgb(15 88 102 / 6%)' }}
            formatter={(value) => (typeof value === 'number' ? fixed(value) : String(value))}
            contentStyle={{ borderRadius: 8, borderColor: '#bfcac7', fontSize: 13 }}
          />
          {series.map((key) => (
            <Bar key={key} dataKey={key} name={label(key)} fill={COLUMN_COLOUR[key]} isAnimationActive={false} />
          ))}
        </BarChart>
      </div>
      <details className="behaviour-chart__table">
        <summary>{tr('reports.numbersBehindChart')}</summary>
        <Table caption={tr('reports.chart.tableCaption')} columns={columns} rows={rows} rowKey={(row) => row.key} />
      </details>
    </>
  );
}
