import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Badge, Button } from '@/components/ui';
import type { Report, ReportBehaviour, ReportColumn } from '../api/get-report';
import { useReader } from '../hooks/use-reader';
import { fixed, shownNumbers, visibleColumns } from '../utils/report-words';
import { BehaviourChart } from './BehaviourChart';
import { HowToRead } from './HowToRead';
import { ScoreTable } from './ScoreTable';
import { formatDecimal, tr } from '@/i18n';

interface BehaviourCardProps {
  behaviour: ReportBehaviour;
  columns: ReportColumn[];
  report: Report;
  open: boolean;
  onToggle: () => void;
}

/**
 * A behaviour: its name and all-others mean, then on demand (a disclosure button, WAI-ARIA's
 * accordion pattern) its description and every statement by group. Printing shows every body.
 */
function BehaviourCard({ behaviour, columns, report, open, onToggle }: BehaviourCardProps) {
  const titleId = `behaviour-${behaviour.key}`;
  const bodyId = `behaviour-${behaviour.key}-body`;
  const others = shownNumbers(behaviour.cells.all_others);
  return (
    <section className="card card--flush behaviour-card" aria-labelledby={titleId}>
      <div className="card__header behaviour-card__header">
        <h3 className="card__title behaviour-card__title" id={titleId}>
          <button type="button" className="behaviour-card__toggle" aria-expanded={open} aria-controls={bodyId} onClick={onToggle}>
            <span className="behaviour-card__chevron" aria-hidden="true" />
            <span className="behaviour-card__name">{behaviour.name}</span>
          </button>
        </h3>
        <span className="behaviour-card__mean">{others ? `${tr('column.allOthers')} ${fixed(others.mean)}` : tr('report.allOthersNotShown')}</span>
        <Badge tone={behaviour.kind === 'influence' ? 'info' : 'accent'}>
          {behaviour.kind === 'influence' ? tr('reports.behaviours.influence') : tr('reports.behaviours.management')}
        </Badge>
      </div>
      <div className="behaviour-card__body" id={bodyId} hidden={!open}>
        {behaviour.description && <p className="card__description behaviour-card__description">{behaviour.description}</p>}
        <ScoreTable
          caption={tr('reports.behaviours.caption', { name: behaviour.name })}
          rowHeader={tr('reports.behaviours.statement')}
          rows={[
            {
              id: `${behaviour.key}-all`,
              label: <strong>{tr('reports.behaviours.overall', { name: behaviour.name })}</strong>,
              cells: behaviour.cells,
              emphasis: true,
            },
            ...behaviour.statements.map((s) => ({ id: s.id, label: s.text, cells: s.cells })),
          ]}
          columns={columns}
          k={report.threshold}
          notObservedLabel={report.scale.notObservedLabel}
        />
      </div>
    </section>
  );
}

/** Behaviours by rater group: the chart for the shape, then a table per behaviour with every statement. */
export function BehavioursSection({ report }: { report: Report }) {
  const reader = useReader(report);
  const columns = visibleColumns(report);
  const k = report.threshold;
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const allOpen = open.size === report.behaviours.length;
  const toggle = (key: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  return (
    <>
      <section className="report-section" aria-labelledby="chart-title" id="behaviours">
        <h2 className="report-section__title" id="chart-title">
          {tr('report.behavioursByGroup')}
        </h2>
        <div className="card chart-card">
          <figure className="behaviour-chart">
            <figcaption className="behaviour-chart__caption">
              {tr('reports.behaviours.chartCaption', { points: report.scale.points.map((p) => `${p.value} ${p.label.toLowerCase()}`).join(', ') })}
            </figcaption>
            <BehaviourChart report={report} />
          </figure>
          <HowToRead>
            <p>
              <FormattedMessage
                id="reports.behaviours.meanHelp"
                values={{
                  low: report.scale.points[0]?.label.toLowerCase() ?? '',
                  high: report.scale.points[report.scale.points.length - 1]?.label.toLowerCase() ?? '',
                  notObserved: report.scale.notObservedLabel,
                  strong: (chunks) => <strong>{chunks}</strong>,
                }}
              />
            </p>
            <p>
              <FormattedMessage
                id="reports.behaviours.missingHelp"
                values={{ ...reader.values, k, manager: report.showManagerSeparately ? 'shown' : 'pooled', strong: (chunks) => <strong>{chunks}</strong> }}
              />
            </p>
          </HowToRead>
        </div>
      </section>

      <section className="report-section" aria-labelledby="statements-title" id="statements">
        <h2 className="report-section__title" id="statements-title">
          {tr('report.statementByStatement')}
        </h2>
        <HowToRead>
          <p>
            <FormattedMessage
              id="reports.behaviours.cellHelp"
              values={{ agree: formatDecimal(0.5, 1), differ: formatDecimal(1, 0), strong: (chunks) => <strong>{chunks}</strong> }}
            />
          </p>
        </HowToRead>
        <div className="behaviour-cards__actions">
          <Button variant="secondary" onClick={() => setOpen(allOpen ? new Set() : new Set(report.behaviours.map((b) => b.key)))}>
            {allOpen ? tr('reports.behaviours.collapseAll') : tr('reports.behaviours.expandAll')}
          </Button>
        </div>
        <div className="behaviour-cards">
          {report.behaviours.map((b) => (
            <BehaviourCard key={b.key} behaviour={b} columns={columns} report={report} open={open.has(b.key)} onToggle={() => toggle(b.key)} />
          ))}
        </div>
      </section>
    </>
  );
}
