import { FormattedMessage } from 'react-intl';
import type { Report, ReportCell, ReportCells } from '../api/get-report';
import { useReader } from '../hooks/use-reader';
import { fixed, hiddenReason, onScale, QUADRANT, shownNumbers, visibleColumns } from '../utils/report-words';
import { HowToRead } from './HowToRead';
import { PooledDirectionRow } from './PooledGroups';
import { ProfileQuadrant } from './ProfileQuadrant';
import { ScoreTable } from './ScoreTable';
import { formatDecimal, msg, tr, type MessageId } from '@/i18n';

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
          <p className="index-stat__meta">{tr('reports.glance.allOthersMeta', { n: others.n, spread: fixed(others.spread) })}</p>
        </>
      ) : (
        <p className="index-stat__hidden">{hiddenReason(cells.all_others.reason, k, report.scale.notObservedLabel)}</p>
      )}
      <p className="index-stat__self">
        <FormattedMessage
          id="reports.glance.self"
          values={{
            value: self ? fixed(self.mean) : <span className="cell-hidden">{hiddenReason(cells.self.reason, k, report.scale.notObservedLabel)}</span>,
          }}
        />
      </p>
    </div>
  );
}

const DIRECTIONS: readonly { key: 'sideways' | 'downwards' | 'upwards'; name: MessageId; who: MessageId }[] = [
  { key: 'sideways', name: msg('reports.direction.sideways'), who: msg('reports.glance.sidewaysWho') },
  { key: 'downwards', name: msg('reports.direction.downwards'), who: msg('reports.glance.downwardsWho') },
  { key: 'upwards', name: msg('reports.direction.upwards'), who: msg('reports.glance.upwardsWho') },
];

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
              {tr('reports.glance.indicesHelp', {
                ...reader.values,
                low: report.scale.points[0]?.label.toLowerCase() ?? '',
                high: report.scale.points[report.scale.points.length - 1]?.label.toLowerCase() ?? '',
              })}
            </p>
            <p>{tr('reports.glance.spreadHelp', { agree: formatDecimal(0.5, 1), differ: formatDecimal(1, 0) })}</p>
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
                <p className="muted">{tr('reports.glance.profileNumbers', { influence: fixed(point.influence), management: fixed(point.management) })}</p>
              </div>
            </div>
          ) : (
            <p className="glance-profile__none">
              <FormattedMessage
                id="reports.glance.profileNotShown"
                values={{
                  reason: hiddenReason(profile.reason, k, report.scale.notObservedLabel),
                  hidden: (chunks) => <span className="cell-hidden">{chunks}</span>,
                }}
              />
            </p>
          )}
          <HowToRead>
            <p>
              {point
                ? tr('reports.glance.profileHelp', { ...reader.values, threshold: fixed(point.threshold) })
                : tr('reports.glance.profileHelpHidden', reader.values)}
            </p>
          </HowToRead>
        </div>
      </div>

      <div className="card direction-card">
        <h3 className="card__title">{tr('report.direction')}</h3>
        <ul className="influence-directions">
          {DIRECTIONS.map((d) => (
            <DirectionRow key={d.key} name={tr(d.name)} who={tr(d.who)} cell={report.directionOfInfluence[d.key]} report={report} />
          ))}
          <PooledDirectionRow report={report} />
        </ul>
        <HowToRead>
          <p>{tr('reports.glance.directionHelp')}</p>
        </HowToRead>
      </div>

      <div className="card card--flush">
        <div className="card__header">
          <div>
            <h3 className="card__title">{tr('report.indicesByGroup')}</h3>
            <p className="card__description">{tr('reports.glance.indicesByGroupText')}</p>
          </div>
        </div>
        <ScoreTable
          caption={tr('reports.glance.indicesCaption')}
          rowHeader={tr('reports.glance.index')}
          rows={[
            { id: 'influence', label: tr('report.influenceIndex'), cells: report.indices.influence },
            { id: 'management', label: tr('report.managementIndex'), cells: report.indices.management },
          ]}
          columns={visibleColumns(report)}
          k={k}
          notObservedLabel={report.scale.notObservedLabel}
        />
      </div>
    </section>
  );
}
