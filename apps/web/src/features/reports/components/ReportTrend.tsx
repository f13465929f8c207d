import { Table, type Column } from '@/components/ui';
import { formatDate } from '@/lib/format';
import type { Report, TrendValue } from '../api/get-report';
import { useReader } from '../hooks/use-reader';
import { fixed, signed } from '../utils/report-words';
import { HowToRead } from './HowToRead';
import { TrendChart } from './TrendChart';
import { tr } from '@/i18n';

interface TrendRow {
  key: string;
  name: string;
  value: TrendValue;
  emphasis?: boolean;
}

function Change({ value }: { value: TrendValue }) {
  if (!value.shown || value.delta === undefined)
    return <span className="cell-hidden">{value.reason === 'no_previous' ? tr('reports.trend.notInEarlier') : tr('reports.trend.notShownNow')}</span>;
  const rounded = Number(value.delta.toFixed(2));
  const direction = rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'same';
  return (
    <span className={`trend-change trend-change--${direction}`}>
      <span aria-hidden="true">{direction === 'up' ? '▲ ' : direction === 'down' ? '▼ ' : '= '}</span>
      {signed(value.delta)}
    </span>
  );
}

const number = (v: number | undefined) => (v === undefined ? <span className="muted">—</span> : fixed(v));

/**
 * Every cycle on the same framework as a chart (with its table), then the step from the earlier
 * cycle on demand: the indices, then each behaviour, as all others rated.
 */
export function ReportTrend({ report }: { report: Report }) {
  const reader = useReader(report);
  const trend = report.trend;
  const previous = trend?.previousCycle;
  const earlier = previous?.name ?? tr('reports.summary.theEarlierCycle');
  const names = new Map(report.behaviours.map((b) => [b.key, b.name]));
  const rows: TrendRow[] = trend
    ? [
        { key: 'influence', name: tr('report.influenceIndex'), value: trend.influence, emphasis: true },
        { key: 'management', name: tr('report.managementIndex'), value: trend.management, emphasis: true },
        ...trend.behaviours.map((b) => ({ key: `b-${b.key}`, name: names.get(b.key) ?? b.key, value: b.value })),
      ]
    : [];
  const columns: Column<TrendRow>[] = [
    { key: 'name', header: tr('reports.measure'), cell: (r) => (r.emphasis ? <strong>{r.name}</strong> : r.name) },
    { key: 'previous', header: previous?.name ?? tr('reports.trend.before'), align: 'end', cell: (r) => number(r.value.previous) },
    { key: 'current', header: report.cycle.name, align: 'end', cell: (r) => number(r.value.current) },
    { key: 'change', header: tr('reports.trend.change'), align: 'end', cell: (r) => <Change value={r.value} /> },
  ];
  return (
    <section className="report-section" aria-labelledby="trend-title" id="trend">
      <h2 className="report-section__title" id="trend-title">
        {tr('report.trend')}
      </h2>
      {report.history.length > 1 && (
        <div className="card">
          <TrendChart report={report} />
        </div>
      )}
      {!trend ? (
        report.history.length <= 1 && (
          <div className="card">
            <p className="muted">{tr('reports.trend.noEarlier', reader.values)}</p>
          </div>
        )
      ) : (
        <details className="card card--flush trend-step">
          <summary className="card__header trend-step__summary">
            <span>
              <span className="card__title">{tr('reports.trend.comparedWith', { previous: earlier })}</span>
              {previous?.closedAt && <span className="card__description">{tr('reports.trend.closed', { date: formatDate(previous.closedAt) })}</span>}
            </span>
          </summary>
          <Table
            caption={tr('reports.trend.caption', { previous: earlier })}
            columns={columns}
            rows={rows}
            rowKey={(r) => r.key}
            rowClassName={(r) => (r.emphasis ? 'score-table__summary' : undefined)}
          />
        </details>
      )}
      {trend && (
        <HowToRead>
          <p>{tr('reports.trend.help')}</p>
        </HowToRead>
      )}
    </section>
  );
}
