import type { Actor } from '@lib/common';
import { seesAnswerProgress, type CycleOrigin, type CycleState, type RequestState } from '@lib/cycles';

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
  /** A cycle the subject started themselves (not `hr`) is theirs alone: no manager or HR role in it. Absent: HR's. */
  origin?: CycleOrigin;
}

export function subjectRoles(actor: Actor, parties: SubjectParties): SubjectRoles {
  const owned = parties.origin !== undefined && parties.origin !== 'hr';
  return {
    isSubject: actor.personId === parties.subjectId,
    isManager: !owned && (actor.personId === parties.frozenManagerId || actor.personId === parties.currentManagerId),
    isAdmin: !owned && actor.role === 'admin',
  };
}

/** Who may see the subject's list of raters at all: the subject, their manager, HR. */
export const canSeeSubjectRequests = (roles: SubjectRoles): boolean => roles.isSubject || roles.isManager || roles.isAdmin;

/** The viewer label the list returns, most privileged first: 'admin' when they follow the raters' progress (rater-privacy.ts). */
export function viewerOf(roles: SubjectRoles): 'admin' | 'manager' | 'subject' {
  if (seesAnswerProgress({ ...roles, isRater: false })) return 'admin';
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

export function requestAccess(
  actor: Actor,
  request: Omit<SubjectParties, 'origin'> & { raterId: string; state: RequestState; cycleState: CycleState; cycle: { origin: CycleOrigin } },
): RequestAccess {
  const roles = subjectRoles(actor, { ...request, origin: request.cycle.origin });
  const launched = request.cycleState !== 'draft';
  return {
    roles,
    isRater: actor.personId === request.raterId && launched && RATER_VISIBLE_STATES.includes(request.state),
    seesAsSubjectSide: canSeeSubjectRequests(roles) && (launched || roles.isAdmin),
  };
}
