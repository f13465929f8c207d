import type { ReactNode } from 'react';
import type { Report } from '../api/get-report';
import { useReader } from '../hooks/use-reader';
import { directionsName, fixed, hiddenReason, listed, QUADRANT, signed, type Direction } from '../utils/report-words';
import { msg, tr, type MessageId } from '@/i18n';

const DIRECTION_WORDS: Record<Direction, MessageId> = {
  sideways: msg('reports.direction.sidewaysWords'),
  downwards: msg('reports.direction.downwardsWords'),
  upwards: msg('reports.direction.upwardsWords'),
};

/** Pooled directions are named by their groups only: the meta line under the lead names the directions. */
const DIRECTION_GROUP: Record<Direction, MessageId> = {
  sideways: msg('reports.direction.sidewaysGroup'),
  downwards: msg('reports.direction.downwardsGroup'),
  upwards: msg('reports.direction.upwardsGroup'),
};

const directionsWords = (directions: readonly Direction[]): string =>
  directions.length === 1
    ? directions.map((d) => tr(DIRECTION_WORDS[d])).join('')
    : tr('reports.direction.together', { groups: listed(directions.map((d) => tr(DIRECTION_GROUP[d]))) });

function Tile({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <div className="summary-tile" role="group" aria-labelledby={id}>
      <h3 className="summary-tile__title" id={id}>
        {title}
      </h3>
      {children}
    </div>
  );
}

const None = ({ children }: { children: ReactNode }) => <p className="summary-tile__none">{children}</p>;

/**
 * The report's first screen: the API's summary (report.overview), which only picks numbers the
 * sections below show — the profile, the strongest and weakest behaviours, the largest blind
 * spot, who sees the most leadership and what changed since the earlier cycle.
 */
export function ReportSummary({ report }: { report: Report }) {
  const reader = useReader(report);
  const o = report.overview;
  const k = report.threshold;
  const profile = o.profile;
  const previous = report.trend?.previousCycle?.name ?? tr('reports.summary.theEarlierCycle');
  const change = o.change;
  const top = o.influence[0];
  return (
    <section className="report-section report-summary" aria-labelledby="summary-title" id="summary">
      <h2 className="report-section__title" id="summary-title">
        {tr('report.summary')}
      </h2>
      <div className="summary-grid">
        <Tile title={tr('report.profileShort')} id="summary-profile">
          {profile.shown && profile.quadrant ? (
            <>
              <p className="summary-tile__lead">{QUADRANT[profile.quadrant].name}</p>
              <p className="summary-tile__meta">
                {tr('reports.summary.profileMeta', { influence: fixed(profile.influence ?? 0), management: fixed(profile.management ?? 0) })}
              </p>
            </>
          ) : (
            <None>{tr('reports.summary.notShown', { reason: hiddenReason(profile.reason, k, report.scale.notObservedLabel).toLowerCase() })}</None>
          )}
        </Tile>
        <Tile title={tr('report.strongest')} id="summary-strongest">
          {o.strongest ? (
            <>
              <p className="summary-tile__lead">{o.strongest.name}</p>
              <p className="summary-tile__meta">{tr('report.fromAllOthers', { mean: fixed(o.strongest.mean) })}</p>
            </>
          ) : (
            <None>{tr('reports.summary.noStrongest')}</None>
          )}
        </Tile>
        <Tile title={tr('report.weakest')} id="summary-weakest">
          {o.weakest ? (
            <>
              <p className="summary-tile__lead">{o.weakest.name}</p>
              <p className="summary-tile__meta">{tr('report.fromAllOthers', { mean: fixed(o.weakest.mean) })}</p>
            </>
          ) : (
            <None>{tr('reports.summary.noWeakest')}</None>
          )}
        </Tile>
        <Tile title={tr('report.largestBlindSpot')} id="summary-blind-spot">
          {o.largestBlindSpot ? (
            <>
              <p className="summary-tile__quote">{o.largestBlindSpot.text}</p>
              <p className="summary-tile__meta">
                {tr('reports.summary.blindSpotMeta', {
                  ...reader.values,
                  self: fixed(o.largestBlindSpot.self),
                  others: fixed(o.largestBlindSpot.others),
                  gap: signed(o.largestBlindSpot.gap),
                })}
              </p>
            </>
          ) : (
            <None>{tr('reports.summary.noBlindSpot', reader.values)}</None>
          )}
        </Tile>
        <Tile title={tr('report.direction')} id="summary-direction">
          {top ? (
            <>
              <p className="summary-tile__lead">{tr('reports.summary.mostLeadership', { groups: directionsWords(top.directions) })}</p>
              <p className="summary-tile__meta">{o.influence.map((d) => `${directionsName(d.directions)} ${fixed(d.mean)}`).join(' · ')}</p>
            </>
          ) : (
            <None>{tr('reports.summary.noDirection')}</None>
          )}
        </Tile>
        <Tile title={tr('report.sinceLastTime')} id="summary-change">
          {change ? (
            <>
              <p className="summary-tile__lead">
                {change.influence.shown
                  ? tr('reports.summary.influenceChange', { delta: signed(change.influence.delta ?? 0) })
                  : tr('reports.summary.influenceNotComparable')}{' '}
                ·{' '}
                {change.management.shown
                  ? tr('reports.summary.managementChange', { delta: signed(change.management.delta ?? 0) })
                  : tr('reports.summary.managementNotComparable')}
              </p>
              <p className="summary-tile__meta">
                {tr('reports.summary.against', { previous })}
                {change.largestRise && tr('reports.summary.mostUp', { name: change.largestRise.name, delta: signed(change.largestRise.delta) })}
                {change.largestFall && tr('reports.summary.mostDown', { name: change.largestFall.name, delta: signed(change.largestFall.delta) })}
              </p>
            </>
          ) : (
            <None>{report.history.length > 1 ? tr('reports.summary.noEarlierHere') : tr('reports.summary.noEarlier')}</None>
          )}
        </Tile>
      </div>
    </section>
  );
}
