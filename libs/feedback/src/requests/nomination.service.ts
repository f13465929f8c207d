import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '@lib/audit';
import type { Actor, FieldError } from '@lib/common';
import {
  checkPeerRequest,
  countedPeers,
  ExistingRequest,
  FeedbackRequestError,
  FeedbackRequestErrorCode,
  NOMINATION_STATES,
  Nominator,
  peerRoom,
  RequestState,
  seesAnswerProgress,
  stateAsSeen,
} from '@lib/cycles';
import { FeedbackErrorCode, FeedbackException, requestNotFound, subjectNotFound } from '../feedback.exception';
import { canSeeSubjectRequests, requestAccess, SubjectRoles, subjectRoles, viewerOf } from '../shared/access';
import type { CycleRow } from '../shared/cycle-row';
import { InvitationQueueService } from '../shared/invitation-queue.service';
import { CandidatesQueryDto, CreateRequestsDto, RaterCandidateListDto, SubjectRequestsDto } from './request.dto';
import { RequestListsRepository } from './request-lists.repository';
import { RequestsRepository, SubjectRow } from './requests.repository';

/** Refusals that concern the cycle, not one rater: the whole call fails with them as they are. */
const CYCLE_LEVEL_REFUSALS = new Set<string>([FeedbackRequestErrorCode.NominationsClosed, FeedbackRequestErrorCode.PeersNotCollected]);

/** Who asks, for the request rules: the subject first (HR included), then HR, then the manager. */
export function nominatorOf(roles: SubjectRoles): Nominator {
  return roles.isSubject ? 'subject' : roles.isAdmin ? 'admin' : 'manager';
}

/** Requesting feedback: a subject's raters, asking peers (all or none), removing a rater. */
@Injectable()
export class NominationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly requests: RequestsRepository,
    private readonly lists: RequestListsRepository,
    private readonly audit: AuditService,
    private readonly invitations: InvitationQueueService,
  ) {}

  async listForSubject(actor: Actor, cycleId: string, subjectId: string): Promise<SubjectRequestsDto> {
    const { cycle, subject, roles } = await this.loadSubject(actor, cycleId, subjectId);
    return this.view(actor, cycle, subject, roles);
  }

  /**
   * People the subject could ask, with their load in this cycle. For people already asked about
   * this subject the load is withheld: watching it drop would tell the subject who has submitted.
   */
  async candidates(actor: Actor, cycleId: string, query: CandidatesQueryDto): Promise<RaterCandidateListDto> {
    const subjectId = query.subjectId ?? actor.personId;
    const { cycle, roles } = await this.loadSubject(actor, cycleId, subjectId);
    const cap = cycle.settings.maxOpenRequestsPerRater;
    // Whom the subject asked in earlier cycles is theirs to know, and HR's; a manager (perhaps newly so) gets the org chart's suggestions only.
    const rows = await this.lists.candidates(
      actor.organizationId,
      cycleId,
      subjectId,
      actor,
      query.search?.trim() || undefined,
      query.limit ?? 20,
      roles.isSubject || roles.isAdmin,
    );
    return {
      subjectId,
      maxOpenRequestsPerRater: cap,
      total: rows[0]?.total ?? 0,
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        title: r.title,
        department: r.department,
        openRequests: r.alreadyAsked ? null : r.openRequests,
        status: r.alreadyAsked ? 'already_asked' : r.declined ? 'declined' : r.openRequests >= cap ? 'at_capacity' : 'available',
        suggestion: r.suggestion,
      })),
    };
  }

  async create(actor: Actor, cycleId: string, subjectId: string, dto: CreateRequestsDto): Promise<SubjectRequestsDto> {
    const { view, cycle, opened } = await this.db.transaction(async (tx) => {
      // Cycle FOR SHARE (no close under our feet), then the subject FOR UPDATE (one nomination per
      // subject at a time, so maxPeers holds), then the raters in id order (the per-rater cap).
      const { cycle, subject, roles } = await this.loadSubject(actor, cycleId, subjectId, tx);
      const relationship = dto.relationship ?? 'peer';
      const requestedBy = nominatorOf(roles);
      // An HR admin choosing their own raters is a subject like any other.
      if (relationship === 'other' && requestedBy !== 'admin') {
        throw new FeedbackException(
          FeedbackErrorCode.NotAllowed,
          roles.isAdmin ? 'Raters outside the peer group are added by another HR admin, not by the subject' : 'Only HR can add raters outside the peer group',
        );
      }
      const found = await this.requests.lockRaters(actor.organizationId, dto.raterIds, tx);
      const existing = await this.requests.existingForSubject(actor.organizationId, cycleId, subjectId, tx);
      // The load of each rater as the asker may know it (see openCounts): a refusal for capacity
      // must not tell the asker that a rater of their own has submitted.
      const openCounts = await this.requests.openCounts(actor.organizationId, cycleId, dto.raterIds, actor, tx);

      const accepted: ExistingRequest[] = [];
      const refusals: { index: number; raterId: string; error: FeedbackRequestError }[] = [];
      let initialState: RequestState = 'open';
      const now = new Date();
      dto.raterIds.forEach((raterId, index) => {
        try {
          const decision = checkPeerRequest({
            cycleState: cycle.state,
            settings: cycle.settings,
            relationship,
            subjectId,
            raterId,
            raterFound: found.has(raterId),
            subjectRequests: [...existing, ...accepted],
            raterOpenRequestCount: openCounts.get(raterId) ?? 0,
            requestedBy,
            subjectHasManager: Boolean(subject.frozenManagerId ?? subject.currentManagerId),
            now,
          });
          initialState = decision.initialState;
          accepted.push({ raterId, relationship, state: decision.initialState, createdAt: now });
        } catch (error) {
          if (!(error instanceof FeedbackRequestError) || CYCLE_LEVEL_REFUSALS.has(error.code)) throw error;
          refusals.push({ index, raterId, error });
        }
      });
      if (refusals.length) throw refusalOf(refusals);

      await this.requests
        .insertMany(actor.organizationId, { cycleId, subjectId, raterIds: dto.raterIds, relationship, state: initialState, requestedBy: actor.personId }, tx)
        .catch(rethrowDuplicate);
      await this.audit.record(
        actor,
        {
          action: 'feedback_requests.requested',
          targetType: 'cycle',
          targetId: cycleId,
          details: { subjectId, raterIds: dto.raterIds, relationship, state: initialState },
        },
        tx,
      );
      return { view: await this.view(actor, cycle, subject, roles, tx), cycle, opened: initialState === 'open' };
    });
    if (opened) await this.invitations.announce(actor.organizationId, cycle);
    return view;
  }

  /** HR removes any rater not yet submitted; the subject withdraws a proposal of their own. */
  async remove(actor: Actor, requestId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const cycleId = await this.requests.cycleIdOf(actor.organizationId, requestId, tx);
      if (!cycleId) throw requestNotFound();
      await this.requests.findCycle(actor.organizationId, cycleId, tx, true);
      const request = await this.requests.findRequest(actor.organizationId, requestId, tx, true);
      if (!request) throw requestNotFound();
      const access = requestAccess(actor, { ...request, cycleState: request.cycle.state });
      if (!access.seesAsSubjectSide && !access.isRater) throw requestNotFound();
      const { roles } = access;
      // The subject (even an HR admin) is held to the subject's rule, so the answer never depends
      // on whether the rater has submitted.
      if (!roles.isSubject && !roles.isAdmin) {
        throw new FeedbackException(FeedbackErrorCode.NotAllowed, 'Only HR, or the subject for a proposal, can remove a rater');
      }
      if (!NOMINATION_STATES.includes(request.cycle.state)) {
        throw new FeedbackException(FeedbackErrorCode.CycleNotOpen, `Raters can no longer be changed: the cycle is ${request.cycle.state}`);
      }
      if (roles.isSubject && request.state !== 'proposed') {
        throw new FeedbackException(FeedbackErrorCode.NotWithdrawable, 'Only a proposal still awaiting approval can be withdrawn; ask HR to remove this rater');
      }
      if (request.state === 'submitted') {
        throw new FeedbackException(FeedbackErrorCode.AlreadySubmitted, 'This rater has already submitted: their response cannot be removed');
      }
      await this.requests.delete(actor.organizationId, requestId, tx);
      await this.audit.record(
        actor,
        {
          action: 'feedback_request.removed',
          targetType: 'feedback_request',
          targetId: requestId,
          details: { cycleId, subjectId: request.subjectId, raterId: request.raterId, relationship: request.relationship },
        },
        tx,
      );
    });
  }

  private async loadSubject(
    actor: Actor,
    cycleId: string,
    subjectId: string,
    tx?: EntityManager,
  ): Promise<{ cycle: CycleRow; subject: SubjectRow; roles: SubjectRoles }> {
    const cycle = await this.requests.findCycle(actor.organizationId, cycleId, tx, Boolean(tx));
    if (!cycle) throw subjectNotFound();
    const subject = await this.requests.findSubject(actor.organizationId, cycleId, subjectId, tx, Boolean(tx));
    if (!subject) throw subjectNotFound();
    const roles = subjectRoles(actor, {
      subjectId,
      frozenManagerId: subject.frozenManagerId,
      currentManagerId: subject.currentManagerId,
      origin: cycle.origin,
    });
    // Before launch only HR knows the cycle exists.
    if (!canSeeSubjectRequests(roles) || (cycle.state === 'draft' && !roles.isAdmin)) throw subjectNotFound();
    return { cycle, subject, roles };
  }

  private async view(actor: Actor, cycle: CycleRow, subject: SubjectRow, roles: SubjectRoles, tx?: EntityManager): Promise<SubjectRequestsDto> {
    const rows = await this.requests.listForSubject(actor.organizationId, cycle.id, subject.personId, tx);
    const editable = NOMINATION_STATES.includes(cycle.state);
    const activePeers = countedPeers(rows);
    const canDecide = (roles.isManager || roles.isAdmin) && !roles.isSubject;
    const room = peerRoom({ cycleState: cycle.state, settings: cycle.settings, subjectRequests: rows, requestedBy: nominatorOf(roles), now: new Date() });
    return {
      cycleId: cycle.id,
      cycleName: cycle.name,
      cycleState: cycle.state,
      subject: { id: subject.personId, name: subject.name, title: subject.title, department: subject.department },
      viewer: viewerOf(roles),
      minPeers: cycle.settings.minPeers,
      maxPeers: cycle.settings.maxPeers,
      activePeers,
      managerApprovesPeers: cycle.settings.managerApprovesPeers,
      maxOpenRequestsPerRater: cycle.settings.maxOpenRequestsPerRater,
      nominationDeadline: cycle.settings.nominationDeadline?.toISOString() ?? null,
      peerRoom: room,
      canRequest: room > 0,
      canAddRaters: nominatorOf(roles) === 'admin' && editable,
      items: rows.map((r) => {
        // The viewer's own answer (the subject's self-review, the manager's review) is theirs to know.
        const state = stateAsSeen(r.state, seesAnswerProgress({ ...roles, isRater: r.raterId === actor.personId }), r.withdrawn);
        return {
          id: r.id,
          rater: { id: r.raterId, name: r.raterName, title: r.raterTitle, department: r.raterDepartment },
          relationship: r.relationship,
          state,
          reason: state === 'declined' || state === 'rejected' ? r.reason : null,
          canRemove: editable && (roles.isSubject ? r.state === 'proposed' : roles.isAdmin && r.state !== 'submitted'),
          canDecide: editable && canDecide && r.state === 'proposed',
        };
      }),
    };
  }
}

function refusalOf(refusals: { index: number; raterId: string; error: FeedbackRequestError }[]): Error {
  const errors: (FieldError & { code: string; raterId: string })[] = refusals.map((r) => ({
    field: `raterIds.${r.index}`,
    message: r.error.message,
    code: r.error.code,
    raterId: r.raterId,
  }));
  const codes = [...new Set(refusals.map((r) => r.error.code))];
  const summary = refusals.length === 1 ? refusals[0].error.message : `${refusals.length} of these people cannot be asked; nobody was asked`;
  // One reason for every refusal keeps its own status and code (404 unknown person, 409 duplicate…).
  if (codes.length === 1) return new FeedbackRequestError(codes[0], summary, { errors });
  return new FeedbackException(FeedbackErrorCode.RatersRefused, summary, { errors });
}

/** The unique index on live requests backs the duplicate check if two transactions ever slip past it. */
function rethrowDuplicate(error: unknown): never {
  if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
    throw new FeedbackRequestError(FeedbackRequestErrorCode.DuplicateRequest, 'This person has already been asked for feedback on this subject in this cycle');
  }
  throw error;
}
