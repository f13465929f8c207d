import type { Actor } from '@lib/common';
import type { CycleState, RequestState } from '@lib/cycles';

/** How the actor relates to a subject in a cycle. Several can hold (an HR admin who is also the manager). */
export interface SubjectRoles {
  isSubject: boolean;
  /** The manager frozen at launch or the current one: either may act for their report. */
  isManager: boolean;
  isAdmin: boolean;
}

export interface SubjectParties {
  subjectId: string;
  frozenManagerId: string | null;
  currentManagerId: string | null;
}

export function subjectRoles(actor: Actor, parties: SubjectParties): SubjectRoles {
  return {
    isSubject: actor.personId === parties.subjectId,
    isManager: actor.personId === parties.frozenManagerId || actor.personId === parties.currentManagerId,
    isAdmin: actor.role === 'admin',
  };
}

/** Who may see the subject's list of raters at all: the subject, their manager, HR. */
export const canSeeSubjectRequests = (roles: SubjectRoles): boolean => roles.isSubject || roles.isManager || roles.isAdmin;

/**
 * Whether the viewer may see who has answered. Only HR follows progress, and never about
 * themself: an HR admin who is the subject is a subject like any other.
 */
export const seesProgress = (roles: SubjectRoles): boolean => roles.isAdmin && !roles.isSubject;

/**
 * The state as shown to a viewer. Subjects and managers must never learn which raters have
 * submitted or started, so open, in progress and submitted all read "open" (asked); proposed,
 * declined and rejected stay distinct because they let the subject ask someone else.
 */
export function visibleState(state: RequestState, progressVisible: boolean): RequestState {
  if (progressVisible) return state;
  return state === 'in_progress' || state === 'submitted' ? 'open' : state;
}

/** The viewer label the list returns, most privileged first. */
export function viewerOf(roles: SubjectRoles): 'admin' | 'manager' | 'subject' {
  if (seesProgress(roles)) return 'admin';
  if (roles.isManager) return 'manager';
  return 'subject';
}

/** States in which the rater sees a request: once it has been put to them (not a proposal, not rejected). */
export const RATER_VISIBLE_STATES: readonly RequestState[] = ['open', 'in_progress', 'submitted', 'declined'];

export interface RequestAccess {
  roles: SubjectRoles;
  /** The actor is the rater and the request has been put to them in a launched cycle. */
  isRater: boolean;
  /** The actor sees the request through the subject's list (subject, manager, HR). */
  seesAsSubjectSide: boolean;
}

export function requestAccess(actor: Actor, request: SubjectParties & { raterId: string; state: RequestState; cycleState: CycleState }): RequestAccess {
  const roles = subjectRoles(actor, request);
  const launched = request.cycleState !== 'draft';
  return {
    roles,
    isRater: actor.personId === request.raterId && launched && RATER_VISIBLE_STATES.includes(request.state),
    seesAsSubjectSide: canSeeSubjectRequests(roles) && (launched || roles.isAdmin),
  };
}
