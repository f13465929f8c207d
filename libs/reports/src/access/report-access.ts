import type { Actor } from '@lib/common';
import type { CycleState, ManagerReportVisibility } from '@lib/cycles';

/** How the viewer came to see a report: the UI words its explanations accordingly. */
export type ReportViewer = 'subject' | 'manager' | 'admin';

export interface ReportParties {
  cycleState: CycleState;
  subjectId: string;
  /** The subject's manager frozen at launch (cycle_subjects.manager_id), not today's. */
  managerId: string | null;
  managerVisibility: ManagerReportVisibility;
}

const CLOSED_STATES: readonly CycleState[] = ['closed', 'released'];

/** The cycle's `reportVisibility.manager`, read defensively from its JSONB settings (default on_release). */
export function managerVisibility(settings: Record<string, unknown>): ManagerReportVisibility {
  const value = (settings.reportVisibility as { manager?: unknown } | undefined)?.manager;
  return value === 'on_close' || value === 'never' ? value : 'on_release';
}

/**
 * Who may read one report now, and in which capacity (most privileged first); null means 404.
 *
 * - nothing before the cycle closes, for anyone;
 * - the subject: their own report, after release — checked first, so an HR admin reviewed in the
 *   cycle waits for the release like everyone else (DESIGN.md: a subject sees it only after release);
 * - HR admins of the organisation: every report once the cycle is closed (their own as above);
 * - the manager frozen at launch: as `reportVisibility.manager` says (on_close, on_release, never);
 * - anyone else (raters, colleagues, the subject's current but not frozen manager): never.
 *
 * The caller has already matched the organisation: a report of another organisation is not found.
 */
export function reportViewer(actor: Pick<Actor, 'personId' | 'role'>, parties: ReportParties): ReportViewer | null {
  if (!CLOSED_STATES.includes(parties.cycleState)) return null;
  const released = parties.cycleState === 'released';
  if (actor.personId === parties.subjectId && !released) return null;
  if (actor.role === 'admin') return 'admin';
  if (parties.managerId !== null && actor.personId === parties.managerId && managerMaySee(parties.managerVisibility, released)) return 'manager';
  if (actor.personId === parties.subjectId && released) return 'subject';
  return null;
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
 * Whether this person may read the report at some point (reportViewer is not null in the closed
 * or the released state): the subject, every HR admin, and the frozen manager unless the cycle
 * says 'never'. A rater for whom this holds knows their own ratings when reading the report, so
 * the anonymity rules never count them toward k (domain/anonymity.ts, rule 1).
 */
export function mayEverRead(person: Pick<Actor, 'personId' | 'role'>, parties: Omit<ReportParties, 'cycleState'>): boolean {
  return (
    person.role === 'admin' ||
    person.personId === parties.subjectId ||
    (parties.managerId !== null && person.personId === parties.managerId && parties.managerVisibility !== 'never')
  );
}

/** SQL twin of reportViewer for lists ("my reports"): the same rules as a WHERE clause on cs (cycle_subjects) and c (cycles). */
export const VISIBLE_TO_MEMBER_SQL = (personParam: string): string => `(
  (cs.person_id = ${personParam} AND c.state = 'released')
  OR (cs.manager_id = ${personParam} AND (
        (c.settings #>> '{reportVisibility,manager}' = 'on_close' AND c.state IN ('closed', 'released'))
     OR (COALESCE(c.settings #>> '{reportVisibility,manager}', 'on_release') = 'on_release' AND c.state = 'released')))
)`;

/**
 * Whether someone refused now will be able to read the report later (then the 404 says "not
 * available yet" rather than "not found"): HR, the subject, and the manager unless 'never'.
 */
export function willSeeLater(actor: Pick<Actor, 'personId' | 'role'>, parties: ReportParties): boolean {
  if (parties.cycleState === 'released') return false;
  // A draft is HR's business: its subjects have not been told yet.
  if (parties.cycleState === 'draft') return actor.role === 'admin';
  return mayEverRead(actor, parties);
}
