import { plural } from '@/lib/format';
import type { Report, ReportCell, ReportCells } from '../api/get-report';
import { useReader } from '../hooks/use-reader';
import { fixed, hiddenReason, onScale, QUADRANT, shownNumbers, visibleColumns } from '../utils/report-words';
import { HowToRead } from './HowToRead';
import { PooledDirectionRow } from './PooledGroups';
import { ProfileQuadrant } from './ProfileQuadrant';
import { ScoreTable } from './ScoreTable';
import { tr } from '@/i18n';

function IndexStat({ title, cells, report }: { title: string; cells: ReportCells; report: Report }) {
  const others = shownNumbers(cells.all_others);
  const self = shownNumbers(cells.self);
  const k = report.threshold;
  return (
    <div className="index-stat">
      <p className="index-stat__title">{title}</p>
      {others ? (
        <>
          <p className="index-stat__value">{fixed(others.mean)}</p>
          <p className="index-stat__meta">
            All others · {plural(others.n, 'rater')} · spread {fixed(others.spread)}
          </p>
        </>
      ) : (
        <p className="index-stat__hidden">{hiddenReason(cells.all_others.reason, k, report.scale.notObservedLabel)}</p>
      )}
      <p className="index-stat__self">
        Self: {self ? fixed(self.mean) : <span className="cell-hidden">{hiddenReason(cells.self.reason, k, report.scale.notObservedLabel)}</span>}
      </p>
    </div>
  );
}

const DIRECTIONS = [
  { key: 'sideways', name: 'Sideways', who: 'as peers see it' },
  { key: 'downwards', name: 'Downwards', who: 'as direct reports see it' },
  { key: 'upwards', name: 'Upwards', who: 'as the manager sees it' },
] as const;

function DirectionRow({ name, who, cell, report }: { name: string; who: string; cell: ReportCell; report: Report }) {
  const shown = shownNumbers(cell);
  return (
    <li className="influence-direction">
      <div className="influence-direction__label">
        <span className="influence-direction__name">{name}</span>
        <span className="influence-direction__who">{who}</span>
      </div>
      {shown ? (
        <div className="influence-direction__value">
          <span className="score-meter" aria-hidden="true">
            <span className="score-meter__fill" style={{ width: onScale(shown.mean) }} />
          </span>
          <span className="influence-direction__mean">{fixed(shown.mean)}</span>
        </div>
      ) : (
        <div className="influence-direction__value">
          <span className="cell-hidden">{hiddenReason(cell.reason, report.threshold, report.scale.notObservedLabel)}</span>
        </div>
      )}
    </li>
  );
}

/** The report's summary: both indices, the manager–leader profile, the direction of influence and the indices by group. */
export function AtAGlance({ report }: { report: Report }) {
  const reader = useReader(report);
  const profile = report.profile;
  const point =
    profile.shown && profile.quadrant && profile.influence !== undefined && profile.management !== undefined && profile.threshold !== undefined
      ? { quadrant: profile.quadrant, influence: profile.influence, management: profile.management, threshold: profile.threshold }
      : undefined;
  const k = report.threshold;
  return (
    <section className="report-section" aria-labelledby="glance-title" id="at-a-glance">
      <h2 className="report-section__title" id="glance-title">
        {tr('report.atAGlance')}
      </h2>
      <div className="glance-grid">
        <div className="card glance-indices">
          <h3 className="card__title">{tr('report.influenceAndManagement')}</h3>
          <div className="index-stats">
            <IndexStat title={tr('report.influenceIndex')} cells={report.indices.influence} report={report} />
            <IndexStat title={tr('report.managementIndex')} cells={report.indices.management} report={report} />
          </div>
          <HowToRead>
            <p>
              Each index is the average of its behaviours, rated by everyone but {reader.you} (“all others”) on the 1–5 scale, from{' '}
              {report.scale.points[0]?.label.toLowerCase()} to {report.scale.points[report.scale.points.length - 1]?.label.toLowerCase()}. Influence is
              leadership anyone can show, with or without a title; management is organising work, resources and results.
            </p>
            <p>Spread shows how much raters agreed: under 0.5 they mostly agree, above 1 their views differ widely.</p>
          </HowToRead>
        </div>

        <div className="card glance-profile">
          <h3 className="card__title">{tr('report.profile')}</h3>
          {point ? (
            <div className="glance-profile__body">
              <ProfileQuadrant point={point} threshold={point.threshold} />
              <div className="glance-profile__text">
                <p className="glance-profile__name">{QUADRANT[point.quadrant].name}</p>
                <p>{QUADRANT[point.quadrant].text}</p>
                <p className="muted">
                  Influence {fixed(point.influence)} · management {fixed(point.management)}
                </p>
              </div>
            </div>
          ) : (
            <p className="glance-profile__none">
              Not shown: <span className="cell-hidden">{hiddenReason(profile.reason, k, report.scale.notObservedLabel)}</span>. The profile needs both indices
              as all others rated them.
            </p>
          )}
          <HowToRead>
            <p>
              The dot places {reader.your} two indices, as all others rated them, on a 2×2
              {point ? `; an index counts as high from ${fixed(point.threshold)}` : ''}. Organisations need both; the strongest people do both — the
              manager-leader.
            </p>
          </HowToRead>
        </div>
      </div>

      <div className="card direction-card">
        <h3 className="card__title">{tr('report.direction')}</h3>
        <ul className="influence-directions">
          {DIRECTIONS.map((d) => (
            <DirectionRow key={d.key} name={d.name} who={d.who} cell={report.directionOfInfluence[d.key]} report={report} />
          ))}
          <PooledDirectionRow report={report} />
        </ul>
        <HowToRead>
          <p>
            The influence index as each group sees it: sideways with peers, downwards with direct reports, upwards with the manager. Leadership is influence in
            every direction, not only down a reporting line. A direction is missing where that group is too small to be shown on its own, so that nobody’s
            ratings can be picked out.
          </p>
        </HowToRead>
      </div>

      <div className="card card--flush">
        <div className="card__header">
          <div>
            <h3 className="card__title">{tr('report.indicesByGroup')}</h3>
            <p className="card__description">Mean, number of raters (n) and spread, per rater group.</p>
          </div>
        </div>
        <ScoreTable
          caption="Influence and management indices by rater group"
          rowHeader="Index"
          rows={[
            { id: 'influence', label: 'Influence index', cells: report.indices.influence },
            { id: 'management', label: 'Management index', cells: report.indices.management },
          ]}
          columns={visibleColumns(report)}
          k={k}
          notObservedLabel={report.scale.notObservedLabel}
        />
      </div>
    </section>
  );
}
