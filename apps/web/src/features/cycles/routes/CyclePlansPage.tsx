import { useParams } from 'react-router';
import { Card, EmptyState, ErrorAlert, Loading, Table, type Column } from '@/components/ui';
import { formatDecimal, tr, useT } from '@/i18n';
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
    ...table.departments.map((d) => ({ key: d.department ?? '(none)', label: d.department ?? tr('cycles.plans.noDepartment'), ...d })),
    { key: '(all)', label: tr('cycles.plans.organisation'), all: table.organisation, withReports: table.withReports, withoutReports: table.withoutReports },
  ];
}

function Value({ cell, minCellSize, format }: { cell: HeatmapCell; minCellSize: number; format: (mean: number, n: number) => string }) {
  if (!cell.shown || cell.mean === undefined || cell.n === undefined) {
    const words = cell.reason ? hiddenExplanation(cell.reason, minCellSize) : tr('cycles.plans.noData');
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
  const t = useT();
  const columns: Column<Row>[] = [
    { key: 'label', header: t('cycles.plans.department'), cell: (r) => r.label },
    { key: 'all', header: t('cycles.plans.everyone'), cell: (r) => <Value cell={r.all} minCellSize={minCellSize} format={format} /> },
    { key: 'with', header: t('cycles.plans.withReports'), cell: (r) => <Value cell={r.withReports} minCellSize={minCellSize} format={format} /> },
    { key: 'without', header: t('cycles.plans.withoutReports'), cell: (r) => <Value cell={r.withoutReports} minCellSize={minCellSize} format={format} /> },
  ];
  return <Table caption={caption} columns={columns} rows={rows(table)} rowKey={(r) => r.key} />;
}

/**
 * HR's view of a released cycle's development plans and followership: counts per department
 * only, under the heatmap's suppression (groups of fewer than the cycle's minimum hidden, and
 * enough more that none can be worked out). Plan counts appear once the counting window closes.
 */
export default function CyclePlansPage() {
  const t = useT();
  const { cycleId = '' } = useParams();
  const cycle = useCycle(cycleId);
  const counts = usePlanCounts(cycleId, { enabled: cycle.data?.state === 'released' });
  if (cycle.data && cycle.data.state !== 'released') {
    return (
      <Card>
        <EmptyState icon="○" title={t('cycles.plans.notYet')}>
          {t('cycles.plans.notYetText')}
        </EmptyState>
      </Card>
    );
  }
  if (counts.isPending) return <Loading label={t('cycles.plans.loading')} />;
  if (counts.isError) return <ErrorAlert error={counts.error} title={t('cycles.plans.loadFailed')} />;
  const c = counts.data;
  const m = c.minCellSize;
  return (
    <>
      <Card title={t('cycles.plans.title')} description={t('cycles.plans.description', { count: m })}>
        {c.plans ? (
          <CountsTable
            table={c.plans}
            caption={t('cycles.plans.caption', { date: formatDate(c.plansCountedAt) })}
            minCellSize={m}
            format={(mean, n) => t('cycles.plans.made', { made: Math.round(mean * n), count: n })}
          />
        ) : (
          <p>{t('cycles.plans.appearOn', { date: formatDate(c.plansCountedAt) })}</p>
        )}
      </Card>
      <Card title={t('cycles.plans.followership')} description={t('cycles.plans.followershipText', { threshold: c.threshold })}>
        <CountsTable
          table={c.followership}
          caption={t('cycles.plans.followershipCaption')}
          minCellSize={m}
          format={(mean, n) => t('cycles.plans.followershipValue', { mean: formatDecimal(mean, 1), count: n })}
        />
      </Card>
    </>
  );
}
