import { useParams } from 'react-router';
import { Card, EmptyState, ErrorAlert, Loading, Table, type Column } from '@/components/ui';
import { formatDate } from '@/lib/format';
import { useCycle } from '../api/get-cycle';
import type { HeatmapCell } from '../api/get-heatmap';
import { usePlanCounts, type CountTable } from '../api/get-plan-counts';
import { hiddenExplanation } from '../components/HeatmapCell';

interface Row {
  key: string;
  label: string;
  all: HeatmapCell;
  withReports: HeatmapCell;
  withoutReports: HeatmapCell;
}

function rows(table: CountTable): Row[] {
  return [
    ...table.departments.map((d) => ({ key: d.department ?? '(none)', label: d.department ?? 'No department', ...d })),
    { key: '(all)', label: 'Organisation', all: table.organisation, withReports: table.withReports, withoutReports: table.withoutReports },
  ];
}

function Value({ cell, minCellSize, format }: { cell: HeatmapCell; minCellSize: number; format: (mean: number, n: number) => string }) {
  if (!cell.shown || cell.mean === undefined || cell.n === undefined) {
    const words = cell.reason ? hiddenExplanation(cell.reason, minCellSize) : 'No data';
    return (
      <span className="muted" title={words}>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{words}</span>
      </span>
    );
  }
  return <>{format(cell.mean, cell.n)}</>;
}

function CountsTable({
  table,
  caption,
  minCellSize,
  format,
}: {
  table: CountTable;
  caption: string;
  minCellSize: number;
  format: (mean: number, n: number) => string;
}) {
  const columns: Column<Row>[] = [
    { key: 'label', header: 'Department', cell: (r) => r.label },
    { key: 'all', header: 'Everyone', cell: (r) => <Value cell={r.all} minCellSize={minCellSize} format={format} /> },
    { key: 'with', header: 'With direct reports', cell: (r) => <Value cell={r.withReports} minCellSize={minCellSize} format={format} /> },
    { key: 'without', header: 'Without direct reports', cell: (r) => <Value cell={r.withoutReports} minCellSize={minCellSize} format={format} /> },
  ];
  return <Table caption={caption} columns={columns} rows={rows(table)} rowKey={(r) => r.key} />;
}

/**
 * HR's view of a released cycle's development plans and followership: counts per department
 * only, under the heatmap's suppression (groups of fewer than the cycle's minimum hidden, and
 * enough more that none can be worked out). Plan counts appear once the counting window closes.
 */
export default function CyclePlansPage() {
  const { cycleId = '' } = useParams();
  const cycle = useCycle(cycleId);
  const counts = usePlanCounts(cycleId, { enabled: cycle.data?.state === 'released' });
  if (cycle.data && cycle.data.state !== 'released') {
    return (
      <Card>
        <EmptyState icon="○" title="Plans begin once the cycle is released">
          People make development plans from their released reports.
        </EmptyState>
      </Card>
    );
  }
  if (counts.isPending) return <Loading label="Loading plan counts…" />;
  if (counts.isError) return <ErrorAlert error={counts.error} title="Could not load the counts" />;
  const c = counts.data;
  const m = c.minCellSize;
  return (
    <>
      <Card
        title="Development plans"
        description={`How many people made a plan from their report, per department: never who. Groups of fewer than ${m} people are hidden, and so is any group that could be worked out from the others. You are left out: you know your own plan.`}
      >
        {c.plans ? (
          <CountsTable
            table={c.plans}
            caption={`Plans made by ${formatDate(c.plansCountedAt)}`}
            minCellSize={m}
            format={(mean, n) => `${Math.round(mean * n)} of ${n}`}
          />
        ) : (
          <p>
            Plan counts appear on {formatDate(c.plansCountedAt)} and count the plans made by then. They never change afterwards, so that comparing two readings
            cannot show that one person has just made a plan.
          </p>
        )}
      </Card>
      <Card
        title="Followership"
        description={`“Outside your reporting line, whom do you turn to for advice or support?” Per department, the average number of colleagues who named each person, over the people whose own report shows that number (at least ${c.threshold} named them). Never who named whom.`}
      >
        <CountsTable
          table={c.followership}
          caption="Colleagues who named each person"
          minCellSize={m}
          format={(mean, n) => `${mean.toFixed(1)} (${n} people)`}
        />
      </Card>
    </>
  );
}
