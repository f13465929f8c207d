import { Alert } from '@/components/ui';
import type { Report } from '../api/get-report';
import { useReader } from '../hooks/use-reader';
import { fixed, hiddenReason, onScale, poolGroups, shownNumbers } from '../utils/report-words';

const POSSESSIVE = {
  self: 'own',
  manager: "manager's",
  peer: "peers'",
  direct_report: "direct reports'",
  external: "external raters'",
  other: "other colleagues'",
} as const;
const SEEN_BY = {
  self: 'self',
  manager: 'the manager',
  peer: 'peers',
  direct_report: 'direct reports',
  external: 'external raters',
  other: 'other colleagues',
} as const;

/** "a", "a and b", "a, b and c". */
const listed = (words: string[]): string => (words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`);

/**
 * One sentence near the top of the report: which groups are shown together and why (as in the
 * PDF). Only the pool's own count, which the report shows anyway; never a hidden group's.
 */
export function PoolingNote({ report }: { report: Report }) {
  const reader = useReader(report);
  const groups = poolGroups(report.columns);
  const pool = report.columns.find((c) => c.key === 'others');
  if (!groups || !pool?.shown) return null;
  return (
    <Alert tone="info" live={false} className="pooling-note">
      {reader.Your} {listed(groups.map((g) => POSSESSIVE[g]))} answers are shown together as one group ({pool.respondents} people), because a group with fewer
      than {report.threshold} anonymous answers is never shown on its own.
    </Alert>
  );
}

/** The directions whose groups are pooled, as one row of the direction of influence: never split back into its groups. */
export function PooledDirectionRow({ report }: { report: Report }) {
  const pooled = report.directionOfInfluence.pooled;
  if (!pooled) return null;
  const name = pooled.directions.join(' and ');
  const shown = shownNumbers(pooled.cell);
  return (
    <li className="influence-direction">
      <div className="influence-direction__label">
        <span className="influence-direction__name">{name.charAt(0).toUpperCase() + name.slice(1)}</span>
        <span className="influence-direction__who">as {listed(pooled.groups.map((g) => SEEN_BY[g]))} see it, together</span>
      </div>
      <div className="influence-direction__value">
        {shown ? (
          <>
            <span className="score-meter" aria-hidden="true">
              <span className="score-meter__fill" style={{ width: onScale(shown.mean) }} />
            </span>
            <span className="influence-direction__mean">{fixed(shown.mean)}</span>
          </>
        ) : (
          <span className="cell-hidden">{hiddenReason(pooled.cell.reason, report.threshold, report.scale.notObservedLabel)}</span>
        )}
      </div>
    </li>
  );
}
