import { useId, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { Table, type Column } from '@/components/ui';
import { formatDate } from '@/lib/format';
import type { Report } from '../api/get-report';
import { useNarrow } from '../hooks/use-narrow';
import { fixed } from '../utils/report-words';
import { tr } from '@/i18n';

type Point = Report['history'][number];

interface Measure {
  key: string;
  name: string;
  value: (p: Point) => number | null;
}

const INFLUENCE = '#0072b2';
const MANAGEMENT = '#d55e00';
const BEHAVIOUR = '#009e73';

/** "" for a number that report hid (or that cycle's framework version did not have). */
const valueText = (v: number | null): string => (v === null ? tr('reports.notShown') : fixed(v));

/**
 * Every cycle of the person on this framework, oldest first, as all others rated them: both indices
 * and one behaviour chosen by the reader. Each point is what that cycle's own report showed; a gap
 * in a line is a number that report hid. The picture is decorative for assistive technology: the
 * table under it holds every number, and the chart takes no keyboard focus.
 */
export function TrendChart({ report }: { report: Report }) {
  const narrow = useNarrow();
  const selectId = useId();
  const [behaviourKey, setBehaviourKey] = useState(report.behaviours[0]?.key ?? '');
  const points = report.history;
  const behaviourOf = (p: Point, key: string): number | null => p.behaviours.find((b) => b.key === key)?.mean ?? null;
  const behaviour = report.behaviours.find((b) => b.key === behaviourKey);
  const rows = points.map((p) => ({
    name: p.cycleName,
    influence: p.influence ?? undefined,
    management: p.management ?? undefined,
    behaviour: behaviourOf(p, behaviourKey) ?? undefined,
  }));
  const measures: Measure[] = [
    { key: 'influence', name: tr('report.influenceIndex'), value: (p) => p.influence },
    { key: 'management', name: tr('report.managementIndex'), value: (p) => p.management },
    ...report.behaviours.map((b) => ({ key: `b-${b.key}`, name: b.name, value: (p: Point) => behaviourOf(p, b.key) })),
  ];
  const columns: Column<Measure>[] = [
    { key: 'name', header: tr('reports.measure'), cell: (m) => m.name },
    ...points.map((p): Column<Measure> => ({
      key: p.cycleId,
      header: p.cycleName,
      label: p.cycleName,
      align: 'end',
      cell: (m) => {
        const v = m.value(p);
        return v === null ? <span className="cell-hidden">{tr('reports.notShown')}</span> : fixed(v);
      },
    })),
  ];
  const first = points[0];
  const last = points[points.length - 1];
  const description =
    points.length > 1 && first && last
      ? tr('reports.trend.chartDescription', {
          first: first.cycleName,
          last: last.cycleName,
          influenceFrom: valueText(first.influence),
          influenceTo: valueText(last.influence),
          managementFrom: valueText(first.management),
          managementTo: valueText(last.management),
        })
      : '';
  return (
    <figure className="trend-chart">
      <figcaption className="trend-chart__caption">
        {tr('reports.trend.chartCaption', { since: first?.closedAt ? formatDate(first.closedAt) : 'none' })} {description}
      </figcaption>
      <div className="trend-chart__controls">
        <label htmlFor={selectId}>{tr('reports.trend.behaviourOnChart')}</label>
        <select id={selectId} className="input trend-chart__select" value={behaviourKey} onChange={(e) => setBehaviourKey(e.target.value)}>
          {report.behaviours.map((b) => (
            <option key={b.key} value={b.key}>
              {b.name}
            </option>
          ))}
        </select>
      </div>
      <div className="trend-chart__plot" aria-hidden="true">
        <LineChart
          data={rows}
          responsive
          accessibilityLayer={false}
          style={{ width: '100%', height: narrow ? 220 : 260 }}
          margin={{ top: 8, right: narrow ? 12 : 32, bottom: 4, left: 0 }}
        >
          <CartesianGrid stroke="#dce3e1" vertical={false} />
          <XAxis
            dataKey="name"
            tick={{ fill: '#53646a', fontSize: 12 }}
            stroke="#bfcac7"
            interval={0}
            padding={{ left: narrow ? 28 : 48, right: narrow ? 28 : 48 }}
          />
          <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} width={28} tick={{ fill: '#53646a', fontSize: 12 }} stroke="#bfcac7" />
          <Tooltip formatter={(value) => (typeof value === 'number' ? fixed(value) : String(value))} contentStyle={{ borderRadius: 8, fontSize: 13 }} />
          <Legend wrapperStyle={{ fontSize: 13 }} />
          <Line
            type="linear"
            dataKey="influence"
            name={tr('report.influenceIndex')}
            stroke={INFLUENCE}
            strokeWidth={2.5}
            dot={{ r: 4 }}
            isAnimationActive={false}
          />
          <Line
            type="linear"
            dataKey="management"
            name={tr('report.managementIndex')}
            stroke={MANAGEMENT}
            strokeWidth={2.5}
            strokeDasharray="6 3"
            dot={{ r: 4 }}
            isAnimationActive={false}
          />
          <Line
            type="linear"
            dataKey="behaviour"
            name={behaviour?.name ?? tr('reports.behaviour')}
            stroke={BEHAVIOUR}
            strokeWidth={2}
            strokeDasharray="2 3"
            dot={{ r: 4 }}
            isAnimationActive={false}
          />
        </LineChart>
      </div>
      <details className="trend-chart__table">
        <summary>{tr('reports.numbersBehindChart')}</summary>
        <Table caption={tr('reports.trend.tableCaption')} columns={columns} rows={measures} rowKey={(m) => m.key} />
      </details>
    </figure>
  );
}
