import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@lib/audit';
import { APP_CONFIG, AppConfig, type Language, translator } from '@lib/common';
import { MailService } from '@lib/notifications';
import { SubjectRemovalRepository } from './subject-removal.repository';

/** Why the subject goes: HR took them out of a draft, or they left and HR chose "remove". */
export type SubjectRemovalCause = 'removed_by_hr' | 'left';

export interface RaterNotice {
  requestId: string;
  cycleName: string;
  subjectId: string;
  subjectName: string;
  raterEmail: string;
  raterName: string;
  /** The rater's language: the notice is written in it. */
  raterLanguage: Language;
  hadDraft: boolean;
}

export interface SubjectRemoval {
  /** Cycles the subject left: drafts (row deleted) and running ones (row marked removed). */
  cycles: number;
  /** One per rater who had been asked and had not submitted: sent by tellRaters, after commit. */
  notices: RaterNotice[];
}

/**
 * The one home of "this person is no longer a subject of this cycle", for HR's removal from a draft
 * (CycleSubjectsService.remove) and for a leaver HR chose to remove (LeaversService).
 *
 * - Draft cycle: the cycle_subjects row is deleted; nobody has been asked yet.
 * - Running cycle (nominating, collecting): the row is marked removed_at, so progress, subject
 *   counts, the report snapshot, release and the heatmap no longer see them, and no report is
 *   made. Unanswered requests about them are withdrawn (declined, or rejected if only proposed)
 *   with a reason the rater reads. Submitted ones stay untouched and are never reported. Their
 *   external raters are revoked: links and access end, answers are dropped.
 * - A rater's draft on a withdrawn request is not deleted silently: the rater alone can still read
 *   it (read-only) until the cycle closes; closing deletes it (CyclesService.close). Reports read
 *   submitted answers only, so a draft is never counted.
 * - Every asked rater who had not submitted is told, each about their own request only; the mail is
 *   hidden from the subject in the outbox. Nothing here tells anyone who had answered whom: the
 *   audit entry says who was removed from which cycle and why, with no count of requests.
 */
@Injectable()
export class SubjectRemovalService {
  private readonly logger = new Logger(SubjectRemovalService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly removal: SubjectRemovalRepository,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  /** In the caller's transaction; cycleId null means every draft and running cycle. */
  async remove(
    actor: { organizationId: string; personId: string | null },
    personId: string,
    scope: { cycleId: string | null; cause: SubjectRemovalCause },
    tx: EntityManager,
  ): Promise<SubjectRemoval> {
    const org = actor.organizationId;
    const drafts = await this.removal.deleteFromDrafts(org, personId, scope.cycleId, tx);
    const running = await this.removal.markRemovedFromRunning(org, personId, scope.cycleId, tx);
    const withdrawn = await this.removal.withdrawRequests(org, personId, running, tx);
    // Nobody outside the organisation answers about someone who is no longer reviewed.
    await this.removal.revokeExternalRaters(org, personId, running, tx);
    for (const cycleId of [...drafts, ...running]) {
      await this.audit.record(
        actor,
        {
          action: 'cycle.subject_removed',
          targetType: 'cycle',
          targetId: cycleId,
          // No count of withdrawn requests: with how many were asked, it would tell a subject who
          // reads the audit trail (an HR admin, reactivated) how many raters had submitted.
          details: { personId, cause: scope.cause },
        },
        tx,
      );
    }
    const asked = withdrawn.filter((w) => w.wasAsked);
    const hadDraft = new Set(asked.filter((w) => w.hadDraft).map((w) => w.requestId));
    const notices = (
      await this.removal.raterNotices(
        org,
        asked.map((w) => w.requestId),
        tx,
      )
    ).map((n) => ({ ...n, hadDraft: hadDraft.has(n.requestId) }));
    return { cycles: drafts.length + running.length, notices };
  }

  /** After commit: a failed mail must not undo the removal. Each rater once per request (dedupe key). */
  async tellRaters(organizationId: string, removal: SubjectRemoval): Promise<void> {
    for (const notice of removal.notices) {
      try {
        await this.mail.send({ organizationId, ...composeRaterNotice(notice, this.link(notice.requestId)) });
      } catch (error) {
        this.logger.warn({ err: error, requestId: notice.requestId }, 'could not tell a rater that a request was withdrawn');
      }
    }
  }

  /** At close, in the close's transaction. */
  deleteWithdrawnDrafts(organizationId: string, cycleId: string, tx: EntityManager): Promise<number> {
    return this.removal.deleteWithdrawnDrafts(organizationId, cycleId, tx);
  }

  private link(requestId: string): string {
    return `${this.config.publicUrl.replace(/\/+$/, '')}/feedback/${requestId}`;
  }
}

export function composeRaterNotice(n: RaterNotice, link: string): { to: string; subject: string; text: string; dedupeKey: string; hiddenFrom: string[] } {
  const t = translator(n.raterLanguage);
  const text = [
    t.t('mail.hello', { name: n.raterName }),
    '',
    t.t('mail.removed.withdrawn', { subject: n.subjectName, cycle: n.cycleName }),
    ...(n.hadDraft ? ['', t.t('mail.removed.draft'), t.t('mail.removed.readUntil', { link }), t.t('mail.removed.deleted')] : []),
  ].join('\n');
  return {
    to: n.raterEmail,
    subject: t.t('mail.removed.subject', { subject: n.subjectName, cycle: n.cycleName }),
    text,
    dedupeKey: `subject-removed:${n.requestId}`,
    // The subject must never read, in the outbox, which of their raters had not submitted.
    hiddenFrom: [n.subjectId],
  };
}
