import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@lib/audit';
import { Actor, APP_CONFIG, AppConfig, isAdmin, type Language, translator } from '@lib/common';
import { escapeHtml, newToken } from '@lib/identity';
import { MailService } from '@lib/notifications';
import { FeedbackErrorCode, FeedbackException, subjectNotFound } from '../feedback.exception';
import { ExternalRaterDto, ExternalRaterListDto, InviteExternalRaterDto, PendingExternalRaterListDto } from './external-rater.dto';
import { ExternalRaterRow, ExternalRatersRepository, ExternalSubjectContext } from './external-raters.repository';
import {
  EXTERNAL_ACCESS_HOURS,
  EXTERNAL_LINK_DAYS,
  INVITING_CYCLE_STATES,
  inviteDecision,
  LIVE_EXTERNAL_STATES,
  MAX_EXTERNAL_RATERS_PER_SUBJECT,
  shownState,
} from './external-rules';

const notFound = (): FeedbackException => new FeedbackException(FeedbackErrorCode.ExternalRaterNotFound, 'External rater not found');

/** A mail to send once the transaction that issued its link has committed. */
interface LinkMail {
  organizationId: string;
  to: string;
  name: string;
  token: string;
  subjectName: string;
  organizationName: string;
  language: Language;
}

/**
 * The inviting side of external raters: the subject (when the cycle allows it, for the manager's
 * approval when it asks for it) and HR invite by name and email; HR, or the subject for the
 * addresses they proposed, sends a new link or revokes; the subject's manager (frozen at launch) or HR approves or rejects. Everyone
 * else gets 404, as for any subject's requests.
 */
@Injectable()
export class ExternalRatersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly raters: ExternalRatersRepository,
    private readonly mail: MailService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, cycleId: string, subjectId: string): Promise<ExternalRaterListDto> {
    const ctx = await this.raters.subjectContext(actor.organizationId, cycleId, subjectId);
    if (!ctx || !(this.mayManage(actor, ctx) || this.mayApprove(actor, ctx))) throw subjectNotFound();
    const rows = await this.raters.list(actor.organizationId, cycleId, subjectId);
    const liveCount = rows.filter((r) => LIVE_EXTERNAL_STATES.includes(r.state)).length;
    const decision = inviteDecision(actor, { subjectId, cycleState: ctx.cycleState, settings: ctx.settings, liveCount });
    const open = INVITING_CYCLE_STATES.includes(ctx.cycleState);
    return {
      items: rows.map(toDto),
      allowed: ctx.settings.externalRatersAllowed,
      managerApproves: ctx.settings.managerApprovesExternalRaters,
      max: MAX_EXTERNAL_RATERS_PER_SUBJECT,
      threshold: ctx.settings.anonymityThreshold,
      approver: ctx.managerId ? 'manager' : 'hr',
      canInvite: this.mayManage(actor, ctx) && decision.ok,
      invitationWaitsForApproval: decision.ok && decision.state === 'proposed',
      canManage: this.mayManage(actor, ctx) && open,
      canDecide: this.mayApprove(actor, ctx) && open,
    };
  }

  /** The subjects' proposals waiting for this person's decision (their manager's, or HR's when they have none). */
  async awaitingMe(actor: Actor): Promise<PendingExternalRaterListDto> {
    const rows = await this.raters.awaitingApproval(actor.organizationId, actor.personId, isAdmin(actor));
    return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
  }

  async invite(actor: Actor, cycleId: string, subjectId: string, dto: InviteExternalRaterDto): Promise<ExternalRaterDto> {
    const { row, mail } = await this.db.transaction(async (tx) => {
      const ctx = await this.raters.subjectContext(actor.organizationId, cycleId, subjectId, tx);
      if (!ctx || !this.mayManage(actor, ctx)) throw subjectNotFound();
      const liveCount = await this.raters.liveCount(actor.organizationId, cycleId, subjectId, tx);
      const decision = inviteDecision(actor, {
        subjectId,
        cycleState: ctx.cycleState,
        settings: ctx.settings,
        liveCount,
      });
      if (!decision.ok) {
        if (decision.refusal === 'too_many') {
          throw new FeedbackException(
            FeedbackErrorCode.TooManyExternalRaters,
            `At most ${MAX_EXTERNAL_RATERS_PER_SUBJECT} external raters per person in a cycle`,
          );
        }
        if (decision.refusal === 'cycle_not_open') {
          throw new FeedbackException(
            FeedbackErrorCode.CycleNotOpen,
            `The cycle is ${ctx.cycleState}: external raters can be invited only while it collects feedback`,
            {
              cycleState: ctx.cycleState,
            },
          );
        }
        throw new FeedbackException(FeedbackErrorCode.NotAllowed, 'This cycle does not take raters from outside the organisation');
      }
      const created = await this.raters.insert(
        actor.organizationId,
        {
          cycleId,
          subjectId,
          name: dto.name,
          email: dto.email,
          state: decision.state,
          invitedBy: actor.personId,
          // Whoever invites knows the rater's language; by default, the organisation's.
          language: dto.language ?? ctx.organizationLanguage,
        },
        tx,
      );
      if (!created) {
        throw new FeedbackException(FeedbackErrorCode.ExternalRaterDuplicate, 'This address is already invited for this person in this cycle', {
          errors: [{ field: 'email', message: 'is already invited for this person in this cycle' }],
        });
      }
      // The audit names the invitation, never the address.
      await this.audit.record(
        actor,
        { action: 'external_rater.invited', targetType: 'external_rater', targetId: created.id, details: { cycleId, subjectId, state: decision.state } },
        tx,
      );
      const issued = decision.state === 'invited' ? await this.issueLink(actor.organizationId, created, ctx, tx) : null;
      return { row: issued?.row ?? created, mail: issued?.mail ?? null };
    });
    if (mail) await this.sendLink(mail);
    return toDto(row);
  }

  /** A new link: the old one and any credential it was exchanged for stop working. */
  async resend(actor: Actor, id: string): Promise<ExternalRaterDto> {
    const { row, mail } = await this.db.transaction(async (tx) => {
      const { row, ctx } = await this.load(actor, id, tx, 'manage');
      // "submitted" reads as "invited" (shownState), so it is answered alike, down to the mail:
      // refusing it, or not mailing it (a mail the outbox shows, a send the answer waits for), would
      // tell the inviter who has answered. The new link of a rater who answered opens nothing (only
      // an invited row's link does).
      if (row.state !== 'invited' && row.state !== 'submitted')
        throw new FeedbackException(FeedbackErrorCode.NotAllowed, 'Only an invited external rater can get a new link');
      if (!INVITING_CYCLE_STATES.includes(ctx.cycleState))
        throw new FeedbackException(FeedbackErrorCode.CycleNotOpen, `The cycle is ${ctx.cycleState}`, { cycleState: ctx.cycleState });
      const issued = await this.issueLink(actor.organizationId, row, ctx, tx);
      await this.audit.record(actor, { action: 'external_rater.link_sent', targetType: 'external_rater', targetId: id }, tx);
      return { row: issued.row, mail: issued.mail };
    });
    await this.sendLink(mail);
    return toDto(row);
  }

  async revoke(actor: Actor, id: string): Promise<ExternalRaterDto> {
    return this.db.transaction(async (tx) => {
      const { row, ctx } = await this.load(actor, id, tx, 'manage');
      if (!INVITING_CYCLE_STATES.includes(ctx.cycleState))
        throw new FeedbackException(FeedbackErrorCode.CycleNotOpen, `The cycle is ${ctx.cycleState}`, { cycleState: ctx.cycleState });
      if (row.state !== 'proposed' && row.state !== 'invited' && row.state !== 'submitted') {
        throw new FeedbackException(FeedbackErrorCode.NotWithdrawable, 'This invitation has already ended');
      }
      // Revoked before close, an answer is dropped with the invitation: the answer is the same to
      // the inviter whether or not there was one, so it tells nobody whether the rater had answered.
      await this.raters.setState(actor.organizationId, id, 'revoked', actor.personId, tx);
      await this.audit.record(actor, { action: 'external_rater.revoked', targetType: 'external_rater', targetId: id }, tx);
      return toDto({ ...row, state: 'revoked' });
    });
  }

  async decide(actor: Actor, id: string, decision: 'approve' | 'reject'): Promise<ExternalRaterDto> {
    const { row, mail } = await this.db.transaction(async (tx) => {
      const { row, ctx } = await this.load(actor, id, tx, 'approve');
      if (row.state !== 'proposed') throw new FeedbackException(FeedbackErrorCode.NotAwaitingApproval, 'This external rater is not waiting for approval');
      if (decision === 'reject') {
        await this.raters.setState(actor.organizationId, id, 'rejected', actor.personId, tx);
        await this.audit.record(actor, { action: 'external_rater.rejected', targetType: 'external_rater', targetId: id }, tx);
        return { row: { ...row, state: 'rejected' as const }, mail: null };
      }
      if (!INVITING_CYCLE_STATES.includes(ctx.cycleState))
        throw new FeedbackException(FeedbackErrorCode.CycleNotOpen, `The cycle is ${ctx.cycleState}`, { cycleState: ctx.cycleState });
      await this.raters.setState(actor.organizationId, id, 'invited', actor.personId, tx);
      await this.audit.record(actor, { action: 'external_rater.approved', targetType: 'external_rater', targetId: id }, tx);
      return this.issueLink(actor.organizationId, { ...row, state: 'invited' }, ctx, tx);
    });
    if (mail) await this.sendLink(mail);
    return toDto(row);
  }

  /** HR, or the subject themselves. */
  private mayManage(actor: Actor, ctx: ExternalSubjectContext): boolean {
    return isAdmin(actor) || actor.personId === ctx.subjectId;
  }

  /**
   * One invitation's new link or revocation: HR, or the subject for an address they proposed
   * themselves. An address HR chose is HR's to manage: the subject may neither drop its answers
   * nor mail it new links.
   */
  private mayManageInvitation(actor: Actor, ctx: ExternalSubjectContext, row: ExternalRaterRow): boolean {
    return isAdmin(actor) || (actor.personId === ctx.subjectId && row.invitedBy === ctx.subjectId);
  }

  /** HR, or the subject's manager frozen at launch. */
  private mayApprove(actor: Actor, ctx: ExternalSubjectContext): boolean {
    return isAdmin(actor) || (ctx.managerId !== null && actor.personId === ctx.managerId);
  }

  private async load(actor: Actor, id: string, tx: EntityManager, need: 'manage' | 'approve'): Promise<{ row: ExternalRaterRow; ctx: ExternalSubjectContext }> {
    const row = await this.raters.find(actor.organizationId, id, tx);
    const ctx = row && (await this.raters.subjectContext(actor.organizationId, row.cycleId, row.subjectId, tx));
    if (!row || !ctx) throw notFound();
    const allowed = need === 'manage' ? this.mayManageInvitation(actor, ctx, row) : this.mayApprove(actor, ctx);
    if (!allowed) throw notFound();
    return { row, ctx };
  }

  private async issueLink(
    organizationId: string,
    row: ExternalRaterRow,
    ctx: ExternalSubjectContext,
    tx: EntityManager,
  ): Promise<{ row: ExternalRaterRow; mail: LinkMail }> {
    if (!row.email) throw notFound();
    const { token, hash } = newToken(organizationId);
    await this.raters.issueLink(organizationId, row.id, hash, EXTERNAL_LINK_DAYS, tx);
    const linkExpiresAt = new Date(Date.now() + EXTERNAL_LINK_DAYS * 86_400_000);
    return {
      row: { ...row, linkExpiresAt },
      mail: {
        organizationId,
        to: row.email,
        name: row.name,
        token,
        subjectName: ctx.subjectName,
        organizationName: ctx.organizationName,
        language: row.language,
      },
    };
  }

  private async sendLink(mail: LinkMail): Promise<void> {
    // The secret rides in the `token` query parameter, the one every view of mail redacts.
    const link = `${this.config.publicUrl}/external?token=${mail.token}`;
    const t = translator(mail.language);
    const hello = t.t('mail.hello', { name: mail.name });
    const lines = [t.t('mail.external.value', { subject: mail.subjectName, organization: mail.organizationName }), t.t('mail.external.time')];
    const validity = t.t('mail.external.validity', { days: EXTERNAL_LINK_DAYS, hours: EXTERNAL_ACCESS_HOURS, subject: mail.subjectName });
    await this.mail.send({
      organizationId: mail.organizationId,
      to: mail.to,
      subject: t.t('mail.external.subject', { subject: mail.subjectName }),
      text: `${hello}\n\n${lines.join(' ')}\n\n${t.t('mail.external.open')}\n\n${link}\n\n${validity}`,
      html:
        `<p>${escapeHtml(hello)}</p><p>${lines.map(escapeHtml).join(' ')}</p>` +
        `<p><a href="${link}">${escapeHtml(t.t('mail.external.link'))}</a></p><p>${escapeHtml(validity)}</p>`,
    });
  }
}

function toDto(row: ExternalRaterRow): ExternalRaterDto {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    state: shownState(row.state),
    invitedBy: row.invitedBy,
    language: row.language,
    // The last link's expiry, whether or not it was opened or answered: neither is the inviter's to know.
    linkExpiresAt: (row.state === 'invited' || row.state === 'submitted') && row.linkExpiresAt ? row.linkExpiresAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}
