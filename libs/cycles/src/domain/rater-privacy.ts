import type { RequestState } from './request-rules';

/**
 * A subject never learns which of their raters have answered (DESIGN.md, "Who may see what") —
 * not even an HR admin who is a subject, and not through an admin view. This module is the one
 * place that decides it; every list, count, error body and mail rule calls it.
 *
 * 1. Who sees a request's progress (seesAnswerProgress): its rater (their own answer), and HR
 *    unless the request is about them. The subject and their managers never do.
 * 2. What everybody else sees (stateAsSeen): asked, started and answered all read as asked
 *    (ASKED_AS). Proposed, declined and rejected stay distinct: they let the subject ask someone
 *    else, and the subject is told of them anyway. A request withdrawn because its subject left the
 *    cycle (declined, `withdrawn_at` set) also reads as asked: only the unanswered ones are
 *    withdrawn, so showing them as declined would name the raters who had answered.
 * 3. The same rule in SQL (stateAsSeenSql, answerProgressHiddenSql), generated from the functions
 *    and constants below, so that a count or a filter can never disagree with a list.
 */

/** The states of a request put to its rater. Which of them a request is in is what stays hidden. */
export const ASKED_STATES: readonly RequestState[] = ['open', 'in_progress', 'submitted'];

/** What every asked state reads as where progress is hidden. */
export const ASKED_AS: RequestState = 'open';

/** How a viewer relates to one request. */
export interface ProgressViewer {
  /** HR admin. */
  isAdmin: boolean;
  /** The request is about the viewer. */
  isSubject: boolean;
  /** The request is the viewer's to answer (their self-review, their review as a manager, …). */
  isRater: boolean;
}

/** Whether the viewer may see whether the request has been started or answered. */
export function seesAnswerProgress(viewer: ProgressViewer): boolean {
  return viewer.isRater || (viewer.isAdmin && !viewer.isSubject);
}

/** The state as a viewer sees it: the real one with progress sight, else every asked (or withdrawn) state reads as asked. */
export function stateAsSeen(state: RequestState, progressVisible: boolean, withdrawn = false): RequestState {
  return !progressVisible && (ASKED_STATES.includes(state) || (withdrawn && state === 'declined')) ? ASKED_AS : state;
}

/** A list of states as SQL literals, for `IN (…)`: typed constants, never user input. */
export const sqlStateList = (states: readonly RequestState[]): string => states.map((s) => `'${s}'`).join(', ');

/**
 * seesAnswerProgress in SQL: a condition that holds where request `alias` (e.g. 'fr') hides its
 * progress from `viewer` (a SQL parameter, e.g. '$3'), an HR admin or not. Generated from
 * seesAnswerProgress itself, case by case, so that the two cannot drift apart.
 */
export function answerProgressHiddenSql(alias: string, viewer: string, viewerIsAdmin: boolean): string {
  const clauses = [true, false]
    .flatMap((isSubject) => [true, false].map((isRater) => ({ isSubject, isRater })))
    .filter((c) => !seesAnswerProgress({ isAdmin: viewerIsAdmin, ...c }))
    .map((c) => `(${alias}.subject_id ${c.isSubject ? '=' : '<>'} ${viewer} AND ${alias}.rater_id ${c.isRater ? '=' : '<>'} ${viewer})`);
  return clauses.length ? `(${clauses.join(' OR ')})` : 'false';
}

/** stateAsSeen in SQL: the state of request `alias` as seen where the SQL condition `hidden` holds. */
export const stateAsSeenSql = (alias: string, hidden: string): string =>
  `(CASE WHEN ${hidden} AND (${alias}.state IN (${sqlStateList(ASKED_STATES)}) OR (${alias}.state = 'declined' AND ${alias}.withdrawn_at IS NOT NULL)) THEN '${ASKED_AS}' ELSE ${alias}.state END)`;

/**
 * A mail's very existence speaks: a reminder to a rater is sent only while they still owe answers,
 * so showing it with the subject's name masked — or hiding only the mails that name the subject —
 * would still tell the subject that this rater has (or has not) answered about them.
 *
 * So a cycle mail to a rater (invitation or reminder) is hidden from every subject that rater was
 * asked about in the cycle, in whatever state (asked, answered, declined, …), except the rater
 * themself (their own mail tells them nothing about others). Who was asked is what the subject
 * knows anyway, so the set of mails hidden from them reveals nothing either.
 */
export function cycleMailHiddenFrom(raterId: string, subjectIdsOfRater: readonly string[]): string[] {
  return [...new Set(subjectIdsOfRater)].filter((id) => id !== raterId).sort();
}
