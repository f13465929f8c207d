import { useState } from 'react';
import { Badge, Button } from '@/components/ui';
import type { Report, ReportBehaviour, ReportColumn } from '../api/get-report';
import { useReader } from '../hooks/use-reader';
import { fixed, shownNumbers, visibleColumns } from '../utils/report-words';
import { BehaviourChart } from './BehaviourChart';
import { HowToRead } from './HowToRead';
import { ScoreTable } from './ScoreTable';
import { tr } from '@/i18n';

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
        <Badge tone={behaviour.kind === 'influence' ? 'info' : 'accent'}>{behaviour.kind === 'influence' ? 'Influence' : 'Management'}</Badge>
      </div>
      <div className="behaviour-card__body" id={bodyId} hidden={!open}>
        {behaviour.description && <p className="card__description behaviour-card__description">{behaviour.description}</p>}
        <ScoreTable
          caption={`${behaviour.name}: the behaviour and each statement, by rater group`}
          rowHeader="Statement"
          rows={[
            { id: `${behaviour.key}-all`, label: <strong>{behaviour.name}, overall</strong>, cells: behaviour.cells, emphasis: true },
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
              The mean of each behaviour, per rater group, on the 1–5 scale ({report.scale.points.map((p) => `${p.value} ${p.label.toLowerCase()}`).join(', ')}
              ). A group without a bar for a behaviour has no number that may be shown there; the tables below say why.
            </figcaption>
            <BehaviourChart report={report} />
          </figure>
          <HowToRead>
            <p>
              <strong>Mean</strong>: the average of the ratings, where 1 is {report.scale.points[0]?.label.toLowerCase()} and 5 is{' '}
              {report.scale.points[report.scale.points.length - 1]?.label.toLowerCase()}. “{report.scale.notObservedLabel}” is never counted as a score.
            </p>
            <p>
              <strong>Why some numbers are missing</strong>: Ripple promises every rater anonymity. A group’s number appears only when at least {k} people
              answered that very statement; smaller groups are pooled into “Others” when that pool is big enough, and a number that would let someone work out a
              smaller group by subtraction is hidden too. {reader.self ? 'Your' : 'The'} self rating is always shown
              {report.showManagerSeparately ? ', and so is the manager’s — they are one known person' : ''}.
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
            Each cell shows the <strong>mean</strong>, then <strong>n</strong> — how many people the number is built from — and the <strong>spread</strong>{' '}
            (standard deviation): under 0.5 the raters mostly agree, above 1 their views differ widely, which is worth a conversation. Where a number is hidden,
            the cell shows “–” and the note under the table says why once per group, never how many answered.
          </p>
        </HowToRead>
        <div className="behaviour-cards__actions">
          <Button variant="secondary" onClick={() => setOpen(allOpen ? new Set() : new Set(report.behaviours.map((b) => b.key)))}>
            {allOpen ? 'Collapse all behaviours' : 'Expand all behaviours'}
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
