import type { ReactNode } from 'react';
import type { Report } from '../api/get-report';
import { useReader } from '../hooks/use-reader';
import { fixed, hiddenReason, QUADRANT, signed } from '../utils/report-words';
import { tr } from '@/i18n';

const DIRECTION_WORDS = {
  sideways: 'peers (sideways)',
  downwards: 'direct reports (downwards)',
  upwards: 'the manager (upwards)',
} as const;

const DIRECTION_NAME = { sideways: 'Sideways', downwards: 'Downwards', upwards: 'Upwards' } as const;

/** Pooled directions are named by their groups only: the meta line under the lead names the directions. */
const DIRECTION_GROUP = { sideways: 'peers', downwards: 'direct reports', upwards: 'the manager' } as const;

type Directions = readonly (keyof typeof DIRECTION_NAME)[];

/** Pooled directions are only ever named together: "Sideways and downwards". */
const directionsName = (directions: Directions): string =>
  directions.map((d, i) => (i === 0 ? DIRECTION_NAME[d] : DIRECTION_NAME[d].toLowerCase())).join(' and ');

const directionsWords = (directions: Directions): string =>
  directions.length === 1 ? directions.map((d) => DIRECTION_WORDS[d]).join('') : `${directions.map((d) => DIRECTION_GROUP[d]).join(' and ')} together`;

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
  const previous = report.trend?.previousCycle?.name ?? 'the earlier cycle';
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
                Influence {fixed(profile.influence ?? 0)} · management {fixed(profile.management ?? 0)} (all others)
              </p>
            </>
          ) : (
            <None>Not shown: {hiddenReason(profile.reason, k, report.scale.notObservedLabel).toLowerCase()}.</None>
          )}
        </Tile>
        <Tile title={tr('report.strongest')} id="summary-strongest">
          {o.strongest ? (
            <>
              <p className="summary-tile__lead">{o.strongest.name}</p>
              <p className="summary-tile__meta">{tr('report.fromAllOthers', { mean: fixed(o.strongest.mean) })}</p>
            </>
          ) : (
            <None>No behaviour has a number all others may be shown.</None>
          )}
        </Tile>
        <Tile title={tr('report.weakest')} id="summary-weakest">
          {o.weakest ? (
            <>
              <p className="summary-tile__lead">{o.weakest.name}</p>
              <p className="summary-tile__meta">{tr('report.fromAllOthers', { mean: fixed(o.weakest.mean) })}</p>
            </>
          ) : (
            <None>Not enough shown behaviours to tell apart.</None>
          )}
        </Tile>
        <Tile title={tr('report.largestBlindSpot')} id="summary-blind-spot">
          {o.largestBlindSpot ? (
            <>
              <p className="summary-tile__quote">{o.largestBlindSpot.text}</p>
              <p className="summary-tile__meta">
                {reader.self ? 'You' : reader.you} {fixed(o.largestBlindSpot.self)} · all others {fixed(o.largestBlindSpot.others)} · gap{' '}
                {signed(o.largestBlindSpot.gap)}
              </p>
            </>
          ) : (
            <None>No statement where {reader.self ? 'your' : `${reader.your}`} self rating is a point or more above all others.</None>
          )}
        </Tile>
        <Tile title={tr('report.direction')} id="summary-direction">
          {top ? (
            <>
              <p className="summary-tile__lead">Most leadership seen by {directionsWords(top.directions)}</p>
              <p className="summary-tile__meta">{o.influence.map((d) => `${directionsName(d.directions)} ${fixed(d.mean)}`).join(' · ')}</p>
            </>
          ) : (
            <None>No group is large enough to be shown on its own.</None>
          )}
        </Tile>
        <Tile title={tr('report.sinceLastTime')} id="summary-change">
          {change ? (
            <>
              <p className="summary-tile__lead">
                {change.influence.shown ? `Influence ${signed(change.influence.delta ?? 0)}` : 'Influence not comparable'} ·{' '}
                {change.management.shown ? `management ${signed(change.management.delta ?? 0)}` : 'management not comparable'}
              </p>
              <p className="summary-tile__meta">
                Against {previous}
                {change.largestRise && `; most up: ${change.largestRise.name} ${signed(change.largestRise.delta)}`}
                {change.largestFall && `; most down: ${change.largestFall.name} ${signed(change.largestFall.delta)}`}
              </p>
            </>
          ) : (
            <None>No earlier cycle on this framework to compare with{report.history.length > 1 ? ' here' : ''}.</None>
          )}
        </Tile>
      </div>
    </section>
  );
}
