import type { Actor } from '@lib/common';
import { CLOSED_STATES, parseStoredCycleSettings, type CycleOrigin, type CycleState, type ManagerReportVisibility } from '@lib/cycles';

/** How the viewer came to see a report: the UI words its explanations accordingly. */
export type ReportViewer = 'subject' | 'manager' | 'admin' | 'shared';

export interface ReportParties {
  cycleState: CycleState;
  /** HR's cycle, or one the subject started on themselves (`self`, `pulse`): then theirs alone. */
  origin: CycleOrigin;
  subjectId: string;
  /** The subject's manager frozen at launch (cycle_subjects.manager_id), not today's. */
  managerId: string | null;
  managerVisibility: ManagerReportVisibility;
  /**
   * The people this report counted as anonymous raters (report_snapshots.anonymous_rater_ids),
   * empty while there is no snapshot (nothing is served then). Never leaves the server.
   */
  anonymousRaters: readonly string[];
  /**
   * In a cycle the subject started (origin not `hr`): the colleagues they shared the report with
   * (report_shares). Absent or empty: nobody. Ignored in HR's cycles.
   */
  sharedWith?: readonly string[];
}

/** Why a report is refused: each maps to one error (ReportsException). */
export type ReportRefusal = 'not_found' | 'not_available_yet' | 'rated_anonymously';

export type ReportAccess = { allowed: true; viewer: ReportViewer } | { allowed: false; refusal: ReportRefusal };

/** The cycle's `reportVisibility.manager`, read from its JSONB settings by the one parser of stored settings. */
export function managerVisibility(settings: Record<string, unknown>): ManagerReportVisibility {
  return parseStoredCycleSettings(settings).reportVisibility.manager;
}

/**
 * THE access decision for one report, in every format (page/JSON, CSV, PDF), for the trend it
 * lends a later report, for report lists and for the organisation view's cells. Most privileged
 * capacity first:
 *
 * - nothing before the cycle closes, for anyone;
 * - the subject: their own report, after release — checked first, so an HR admin reviewed in the
 *   cycle waits for the release like everyone else (DESIGN.md: a subject sees it only after release);
 * - HR admins of the organisation: every report once the cycle is closed (their own as above);
 * - the manager frozen at launch: as `reportVisibility.manager` says (on_close, on_release, never);
 *   a person who became the subject's manager later gains nothing;
 * - anyone else (raters, colleagues, the subject's current but not frozen manager): never;
 * - a cycle the subject started themselves (a self-started 360 or a pulse, `origin` not `hr`) is
 *   theirs alone: the subject after release, and the colleagues they shared it with (sharedWith),
 *   and neither HR nor any manager, ever (HR sees only that it happened: counts and dates, never content);
 * - and, over all of these, readers never count: whoever the report counted as an anonymous rater
 *   is refused, whatever their role or place in the org chart now (DESIGN.md, "Who may see
 *   what"). Such a reader knows their own ratings and could subtract them from a number shown
 *   over k anonymous raters, leaving fewer than k. The rule consults the report's own stored
 *   set, so no later change of role or org chart can undo it.
 *
 * Refusals: a refused rater gets `rated_anonymously` (403) only where the role or chart would
 * otherwise have let them in (now or later). They know the report exists (they rated it) and
 * which part they took; the answer says nothing about anyone else, and is given to nobody but
 * them. Everyone else keeps getting the 404s (`not_available_yet` to someone who will be let in,
 * else `not_found`), so nobody learns from the refusal that a report exists.
 *
 * The caller has already matched the organisation: a report of another organisation is not found.
 */
/** The parties of a loaded report (its cycle, subject and stored snapshot): the one place they are put together. */
export function partiesOfLoaded(loaded: {
  context: Pick<ReportParties, 'cycleState' | 'origin' | 'subjectId' | 'managerId' | 'sharedWith'> & { settings: Record<string, unknown> };
  snapshot: { anonymousRaters: string[] } | null;
}): ReportParties {
  const { context, snapshot } = loaded;
  return {
    cycleState: context.cycleState,
    origin: context.origin,
    subjectId: context.subjectId,
    managerId: context.managerId,
    managerVisibility: managerVisibility(context.settings),
    anonymousRaters: snapshot?.anonymousRaters ?? [],
    sharedWith: context.sharedWith ?? [],
  };
}

export function reportAccess(actor: Pick<Actor, 'personId' | 'role'>, parties: ReportParties): ReportAccess {
  const viewer = capacity(actor, parties);
  const later = viewer === null && mayReadLater(actor, parties);
  if ((viewer !== null || later) && parties.anonymousRaters.includes(actor.personId)) return { allowed: false, refusal: 'rated_anonymously' };
  if (viewer !== null) return { allowed: true, viewer };
  return { allowed: false, refusal: later ? 'not_available_yet' : 'not_found' };
}

/** reportAccess for callers that only need the capacity: null means refused (lists, trends, filters). */
export function reportViewer(actor: Pick<Actor, 'personId' | 'role'>, parties: ReportParties): ReportViewer | null {
  const access = reportAccess(actor, parties);
  return access.allowed ? access.viewer : null;
}

/** The capacity the role and the frozen chart give, before "readers never count". */
function capacity(actor: Pick<Actor, 'personId' | 'role'>, parties: ReportParties): ReportViewer | null {
  if (!CLOSED_STATES.includes(parties.cycleState)) return null;
  const released = parties.cycleState === 'released';
  if (actor.personId === parties.subjectId && !released) return null;
  if (parties.origin !== 'hr') return ownedViewer(actor, parties, released);
  if (actor.role === 'admin') return 'admin';
  if (parties.managerId !== null && actor.personId === parties.managerId && managerMaySee(parties.managerVisibility, released)) return 'manager';
  if (actor.personId === parties.subjectId && released) return 'subject';
  return null;
}

/**
 * A cycle the subject started is theirs: they read it once released (on close, as soon as it is
 * computed), and so does whom they shared it with while the share stands. Nobody else, HR and
 * managers included.
 */
function ownedViewer(actor: Pick<Actor, 'personId'>, parties: ReportParties, released: boolean): ReportViewer | null {
  if (!released) return null;
  if (actor.personId === parties.subjectId) return 'subject';
  return parties.sharedWith?.includes(actor.personId) ? 'shared' : null;
}

/**
 * Whether someone refused now is let in later by their role and the frozen chart (then the 404
 * says "not available yet" rather than "not found"): HR, the subject, and the manager unless 'never'.
 */
function mayReadLater(actor: Pick<Actor, 'personId' | 'role'>, parties: ReportParties): boolean {
  if (parties.cycleState === 'released') return false;
  // A draft of HR's is HR's business: its subjects have not been told yet.
  if (parties.cycleState === 'draft') return parties.origin === 'hr' && actor.role === 'admin';
  return mayEverRead(actor, parties);
}

/**
 * Whether a cycle in this state lets the managers frozen at launch read their reports at all (the
 * team view shows per-person facts, such as quadrant counts, only then). Readers never count
 * still applies per report: those are left out of the team view altogether.
 */
export function managersSeeReports(settings: Record<string, unknown>, state: CycleState, origin: CycleOrigin): boolean {
  return origin === 'hr' && CLOSED_STATES.includes(state) && managerMaySee(managerVisibility(settings), state === 'released');
}

function managerMaySee(visibility: ManagerReportVisibility, released: boolean): boolean {
  switch (visibility) {
    case 'on_close':
      return true;
    case 'on_release':
      return released;
    case 'never':
      return false;
    default: {
      const exhaustive: never = visibility;
      return exhaustive;
    }
  }
}

/**
 * Whether the role and the frozen chart let this person read the report at some point (capacity
 * is not null in the closed or the released state): the subject, every HR admin, and the frozen
 * manager unless the cycle says 'never'; in a cycle the subject started, the subject alone. Asked at snapshot time of every rater: one for whom it
 * holds reads the report knowing their own ratings, so the anonymity rules never count them
 * toward k (domain/anonymity.ts, rule 1); everyone else is counted, stored in the report's
 * anonymous raters, and refused by reportAccess for good.
 */
export function mayEverRead(
  person: Pick<Actor, 'personId' | 'role'>,
  parties: Pick<ReportParties, 'origin' | 'subjectId' | 'managerId' | 'managerVisibility'>,
): boolean {
  if (parties.origin !== 'hr') return person.personId === parties.subjectId;
  return (
    person.role === 'admin' ||
    person.personId === parties.subjectId ||
    (parties.managerId !== null && person.personId === parties.managerId && parties.managerVisibility !== 'never')
  );
}
