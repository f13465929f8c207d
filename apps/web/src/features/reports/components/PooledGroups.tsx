import { Alert } from '@/components/ui';
import type { Report, ReportColumn } from '../api/get-report';
import { useReader } from '../hooks/use-reader';
import { directionsName, fixed, hiddenReason, listed, onScale, poolGroups, shownNumbers } from '../utils/report-words';
import { msg, tr, type MessageId } from '@/i18n';

type Group = ReportColumn['groups'][number];

const POSSESSIVE: Record<Group, MessageId> = {
  self: msg('reports.pooling.self'),
  manager: msg('reports.pooling.manager'),
  peer: msg('reports.pooling.peer'),
  direct_report: msg('reports.pooling.direct_report'),
  external: msg('reports.pooling.external'),
  other: msg('reports.pooling.other'),
};
const SEEN_BY: Record<Group, MessageId> = {
  self: msg('reports.seenBy.self'),
  manager: msg('reports.seenBy.manager'),
  peer: msg('reports.seenBy.peer'),
  direct_report: msg('reports.seenBy.direct_report'),
  external: msg('reports.seenBy.external'),
  other: msg('reports.seenBy.other'),
};

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
      {tr('reports.pooling.note', {
        ...reader.values,
        groups: listed(groups.map((g) => tr(POSSESSIVE[g]))),
        count: pool.respondents ?? 0,
        k: report.threshold,
      })}
    </Alert>
  );
}

/** The directions whose groups are pooled, as one row of the direction of influence: never split back into its groups. */
export function PooledDirectionRow({ report }: { report: Report }) {
  const pooled = report.directionOfInfluence.pooled;
  if (!pooled) return null;
  const shown = shownNumbers(pooled.cell);
  return (
    <li className="influence-direction">
      <div className="influence-direction__label">
        <span className="influence-direction__name">{directionsName(pooled.directions)}</span>
        <span className="influence-direction__who">{tr('reports.direction.pooledWho', { groups: listed(pooled.groups.map((g) => tr(SEEN_BY[g]))) })}</span>
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
