import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@lib/audit';
import { Actor, APP_CONFIG, AppConfig, translator } from '@lib/common';
import { ANSWERING_STATES, NOMINATION_STATES, peerRoom, requestTransition, seesAnswerProgress, stateAsSeen } from '@lib/cycles';
import { MailService } from '@lib/notifications';
import { FeedbackErrorCode, FeedbackException, requestNotFound } from '../feedback.exception';
import { requestAccess, RequestAccess } from '../shared/access';
import { InvitationQueueService } from '../shared/invitation-queue.service';
import { FeedbackRequestSummaryDto } from './request.dto';
import { RequestRow, RequestsRepository } from './requests.repository';
import { ResponsesRepository } from '../responses/responses.repository';

/** The manager (or HR) approves or rejects a peer proposal; the rater declines a request. */
@Injectable()
export class RequestDecisionService {
  private readonly logger = new Logger(RequestDecisionService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly requests: RequestsRepository,
    private readonly responses: ResponsesRepository,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly invitations: InvitationQueueService,
  ) {}

  async approve(actor: Actor, requestId: string): Promise<FeedbackRequestSummaryDto> {
    const { summary, cycle } = await this.decideProposal(actor, requestId, 'approve');
    await this.invitations.announce(actor.organizationId, cycle);
    return summary;
  }

  async reject(actor: Actor, requestId: string, reason: string): Promise<FeedbackRequestSummaryDto> {
    return (await this.decideProposal(actor, requestId, 'reject', reason)).summary;
  }

  async decline(actor: Actor, requestId: string, reason: string): Promise<FeedbackRequestSummaryDto> {
    const request = await this.db.transaction(async (tx) => {
      const { request, access } = await this.loadLocked(tx, actor, requestId);
      if (!access.isRater) throw new FeedbackException(FeedbackErrorCode.NotAllowed, 'Only the rater can decline a request');
      if (!ANSWERING_STATES.includes(request.cycle.state)) {
        throw new FeedbackException(FeedbackErrorCode.CycleNotOpen, `This request can no longer be declined: the cycle is ${request.cycle.state}`);
      }
      const next = requestTransition(request.state, 'decline');
      await this.requests.setState(actor.organizationId, requestId, { from: request.state, to: next, decidedBy: actor.personId, reason }, tx);
      // A declined request will never be submitted: its draft (opinions about the subject) goes.
      await this.responses.deleteDraft(actor.organizationId, requestId, tx);
      await this.audit.record(
        actor,
        { action: 'feedback_request.declined', targetType: 'feedback_request', targetId: requestId, details: { cycleId: request.cycle.id } },
        tx,
      );
      // What the subject can do about it, by the same rule their page and the API apply.
      const subjectRequests = await this.requests.existingForSubject(actor.organizationId, request.cycle.id, request.subjectId, tx);
      const room = peerRoom({ cycleState: request.cycle.state, settings: request.cycle.settings, subjectRequests, requestedBy: 'subject', now: new Date() });
      return { ...request, state: next, reason, subjectCanReplace: room > 0 };
    });
    if (request.subjectId !== request.raterId) await this.tellSubject(actor, request, reason, request.subjectCanReplace);
    return summaryOf(request, true);
  }

  private async decideProposal(
    actor: Actor,
    requestId: string,
    action: 'approve' | 'reject',
    reason?: string,
  ): Promise<{ summary: FeedbackRequestSummaryDto; cycle: RequestRow['cycle'] }> {
    return this.db.transaction(async (tx) => {
      const { request, access } = await this.loadLocked(tx, actor, requestId);
      const { roles } = access;
      // Nobody approves their own nominations, HR included.
      if (!(roles.isManager || roles.isAdmin) || roles.isSubject) {
        throw new FeedbackException(FeedbackErrorCode.NotAllowed, "Only the subject's manager or HR can approve or reject a proposal");
      }
      if (!NOMINATION_STATES.includes(request.cycle.state)) {
        throw new FeedbackException(FeedbackErrorCode.CycleNotOpen, `Proposals can no longer be decided: the cycle is ${request.cycle.state}`);
      }
      const progress = seesAnswerProgress({ ...roles, isRater: access.isRater });
      if (request.state !== 'proposed') {
        // Never the real state for a manager: "cannot approve a submitted request" would tell them who answered.
        throw new FeedbackException(FeedbackErrorCode.NotAwaitingApproval, 'This request is no longer awaiting approval', {
          state: stateAsSeen(request.state, progress, request.withdrawn),
        });
      }
      const next = requestTransition(request.state, action);
      await this.requests.setState(actor.organizationId, requestId, { from: request.state, to: next, decidedBy: actor.personId, reason }, tx);
      await this.audit.record(
        actor,
        {
          action: action === 'approve' ? 'feedback_request.approved' : 'feedback_request.rejected',
          targetType: 'feedback_request',
          targetId: requestId,
          details: { cycleId: request.cycle.id, subjectId: request.subjectId, raterId: request.raterId },
        },
        tx,
      );
      return { summary: summaryOf({ ...request, state: next, reason: reason ?? null }, progress), cycle: request.cycle };
    });
  }

  /** Cycle FOR SHARE, then the request FOR UPDATE: the lock order every writer of requests uses. */
  private async loadLocked(tx: EntityManager, actor: Actor, requestId: string): Promise<{ request: RequestRow; access: RequestAccess }> {
    const cycleId = await this.requests.cycleIdOf(actor.organizationId, requestId, tx);
    if (!cycleId) throw requestNotFound();
    await this.requests.findCycle(actor.organizationId, cycleId, tx, true);
    const request = await this.requests.findRequest(actor.organizationId, requestId, tx, true);
    if (!request) throw requestNotFound();
    const access = requestAccess(actor, { ...request, cycleState: request.cycle.state });
    if (!access.isRater && !access.seesAsSubjectSide) throw requestNotFound();
    return { request, access };
  }

  /**
   * The subject sees the request as declined anyway; the mail tells them in time to ask someone
   * else when they still can (peerRoom), and otherwise that HR can add a rater. A failed mail must
   * not undo the decline, which is already committed.
   */
  private async tellSubject(actor: Actor, request: RequestRow, reason: string, subjectCanReplace: boolean): Promise<void> {
    const link = `${this.config.publicUrl.replace(/\/$/, '')}/cycles/${request.cycle.id}/subjects/${request.subjectId}/requests`;
    const t = translator(request.subjectLanguage);
    try {
      await this.mail.send({
        organizationId: actor.organizationId,
        to: request.subjectEmail,
        subject: t.t('mail.declined.subject', { rater: request.raterName, cycle: request.cycle.name }),
        text: [
          t.t('mail.hello', { name: request.subjectName }),
          '',
          t.t('mail.declined.could', { rater: request.raterName, cycle: request.cycle.name }),
          t.t('mail.declined.reason', { reason }),
          '',
          t.t(subjectCanReplace ? 'mail.declined.replace' : 'mail.declined.noReplace', { link }),
        ].join('\n'),
        dedupeKey: `request-declined:${request.id}`,
      });
    } catch (error) {
      this.logger.warn({ err: error, requestId: request.id }, 'could not tell the subject about a declined request');
    }
  }
}

function summaryOf(request: RequestRow, progressVisible: boolean): FeedbackRequestSummaryDto {
  return {
    id: request.id,
    cycleId: request.cycle.id,
    subjectId: request.subjectId,
    raterId: request.raterId,
    relationship: request.relationship,
    state: stateAsSeen(request.state, progressVisible),
    reason: request.reason,
  };
}
