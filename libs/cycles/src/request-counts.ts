import type { RequestCountsDto } from './cycle-subject.dto';
import { answerProgressHiddenSql, ASKED_STATES, sqlStateList, stateAsSeenSql } from './domain';

/**
 * The state of `feedback_requests fr` as HR admin `viewer` (a SQL parameter, e.g. '$3') may know
 * it (domain/rater-privacy.ts). An HR admin who is a subject is a subject like any other: their
 * own raters' requests in progress or submitted read as open (asked), exactly as on their own list
 * of raters.
 */
const shownState = (viewer: string): string => stateAsSeenSql('fr', answerProgressHiddenSql('fr', viewer, true));

/**
 * Aggregates over `feedback_requests fr` (left-joinable: a NULL row counts nowhere), by the state
 * `viewer` may know (shownState). Every breakdown built from it masks the viewer's own requests
 * the same way, so no combination of them (overall less the other departments, say) gives
 * the masked numbers back.
 */
export const countsSql = (viewer: string): string => {
  const state = shownState(viewer);
  return `
  count(fr.id) FILTER (WHERE ${state} IN (${sqlStateList(ASKED_STATES)}))::int AS requested,
  count(fr.id) FILTER (WHERE ${state} = 'submitted')::int AS submitted,
  count(fr.id) FILTER (WHERE ${state} = 'in_progress')::int AS in_progress,
  count(fr.id) FILTER (WHERE ${state} = 'open')::int AS not_started,
  count(fr.id) FILTER (WHERE fr.state = 'proposed')::int AS proposed,
  count(fr.id) FILTER (WHERE fr.state = 'declined')::int AS declined,
  count(fr.id) FILTER (WHERE fr.state = 'rejected')::int AS rejected`;
};

/** The columns countsSql selects, as pg returns them (int4 as number); none on a group with no row. */
export interface CountColumns {
  requested?: number;
  submitted?: number;
  in_progress?: number;
  not_started?: number;
  proposed?: number;
  declined?: number;
  rejected?: number;
}

/** The response rate counts only requests a rater was actually asked (not proposed, declined or rejected). */
export function countsOf(row: CountColumns): RequestCountsDto {
  const requested = Number(row.requested ?? 0);
  const submitted = Number(row.submitted ?? 0);
  return {
    requested,
    submitted,
    inProgress: Number(row.in_progress ?? 0),
    notStarted: Number(row.not_started ?? 0),
    proposed: Number(row.proposed ?? 0),
    declined: Number(row.declined ?? 0),
    rejected: Number(row.rejected ?? 0),
    responseRate: requested ? Math.round((submitted / requested) * 1000) / 1000 : null,
  };
}
