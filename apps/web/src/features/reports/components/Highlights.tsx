import type { RankedStatement, Report, ReportGap } from '../api/get-report';
import { useReader } from '../hooks/use-reader';
import { fixed, onScale, signed } from '../utils/report-words';
import { HowToRead } from './HowToRead';
import { tr } from '@/i18n';

function behaviourName(report: Report, key: string): string {
  return report.behaviours.find((b) => b.key === key)?.name ?? key;
}

function RankedList({ items, report, empty, tone }: { items: RankedStatement[]; report: Report; empty: string; tone: 'strength' | 'develop' }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ol className={`ranked-list ranked-list--${tone}`}>
      {items.map((s) => (
        <li key={s.statementId} className="ranked-list__item">
          <div className="ranked-list__text">
            <span>{s.text}</span>
            <span className="ranked-list__behaviour">{behaviourName(report, s.behaviourKey)}</span>
          </div>
          <div className="ranked-list__value">
            <span className="score-meter score-meter--sm" aria-hidden="true">
              <span className="score-meter__fill" style={{ width: onScale(s.mean) }} />
            </span>
            <span className="ranked-list__mean">{fixed(s.mean)}</span>
          </div>
        </li>
      ))}
    </ol>
  );
}

function GapList({ items, report, empty, selfLabel }: { items: ReportGap[]; report: Report; empty: string; selfLabel: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="self-gaps">
      {items.map((g) => (
        <li key={g.statementId} className="self-gap">
          <div className="self-gap__text">
            <span>{g.text}</span>
            <span className="ranked-list__behaviour">{behaviourName(report, g.behaviourKey)}</span>
          </div>
          <div className="self-gap__track" aria-hidden="true">
            <span
              className="self-gap__span"
              style={{ left: onScale(Math.min(g.self, g.others)), right: `calc(100% - ${onScale(Math.max(g.self, g.others))})` }}
            />
            <span className="self-gap__mark self-gap__mark--others" style={{ left: onScale(g.others) }} />
            <span className="self-gap__mark self-gap__mark--self" style={{ left: onScale(g.self) }} />
          </div>
          <p className="self-gap__numbers">
            {tr('reports.highlights.gapNumbers', { label: selfLabel, self: fixed(g.self), others: fixed(g.others), gap: signed(g.gap) })}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Strengths and areas to develop (by the all-others mean), then blind spots and hidden strengths (self against all others). */
export function Highlights({ report }: { report: Report }) {
  const reader = useReader(report);
  const selfLabel = reader.self ? tr('reports.highlights.you') : tr('reports.highlights.self');
  return (
    <>
      <section className="report-section" aria-labelledby="ranks-title" id="strengths">
        <h2 className="report-section__title" id="ranks-title">
          {tr('report.strengthsAndAreas')}
        </h2>
        <div className="report-two-up">
          <div className="card">
            <h3 className="card__title">{tr('report.topStrengths')}</h3>
            <p className="card__description">{tr('reports.highlights.highestText')}</p>
            <RankedList items={report.strengths} report={report} tone="strength" empty={tr('reports.highlights.tooFew')} />
          </div>
          <div className="card">
            <h3 className="card__title">{tr('report.areasToDevelop')}</h3>
            <p className="card__description">{tr('reports.highlights.lowestText')}</p>
            <RankedList items={report.developmentAreas} report={report} tone="develop" empty={tr('reports.highlights.tooFew')} />
          </div>
        </div>
        <HowToRead>
          <p>{tr('reports.highlights.rankHelp', reader.values)}</p>
        </HowToRead>
      </section>

      <section className="report-section" aria-labelledby="gaps-title" id="blind-spots">
        <h2 className="report-section__title" id="gaps-title">
          {tr('report.blindSpotsAndHidden')}
        </h2>
        <p className="self-gap-legend" aria-hidden="true">
          <span className="self-gap__mark self-gap__mark--self self-gap__mark--inline" /> {selfLabel}
          <span className="self-gap__mark self-gap__mark--others self-gap__mark--inline" /> {tr('reports.highlights.allOthers')}
        </p>
        <div className="report-two-up">
          <div className="card">
            <h3 className="card__title">{tr('report.blindSpots')}</h3>
            <p className="card__description">{tr('reports.highlights.blindSpotText', reader.values)}</p>
            <GapList items={report.blindSpots} report={report} selfLabel={selfLabel} empty={tr('reports.highlights.noBlindSpots')} />
          </div>
          <div className="card">
            <h3 className="card__title">{tr('report.hiddenStrengths')}</h3>
            <p className="card__description">{tr('reports.highlights.hiddenStrengthText', reader.values)}</p>
            <GapList items={report.hiddenStrengths} report={report} selfLabel={selfLabel} empty={tr('reports.highlights.noHiddenStrengths')} />
          </div>
        </div>
        <HowToRead>
          <p>{tr('reports.highlights.gapHelp', reader.values)}</p>
        </HowToRead>
      </section>
    </>
  );
}
