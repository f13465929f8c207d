import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@lib/audit';
import { Actor, APP_CONFIG, AppConfig, ChangeActor, type Language, translator } from '@lib/common';
import { SubjectRemoval, SubjectRemovalService } from '@lib/cycles';
import { IdentityErrorCode, IdentityException, lockOrgChart, PeopleRepository, SessionService } from '@lib/identity';
import { MailService } from '@lib/notifications';
import { DeactivatePersonDto, DeactivationResultDto } from './leaver.dto';
import { LeaversRepository } from './leavers.repository';

const notFound = (): IdentityException => new IdentityException(IdentityErrorCode.PersonNotFound, 'Person not found');

interface SubjectNotice {
  requestId: string;
  cycleName: string;
  subjectEmail: string;
  subjectName: string;
  subjectLanguage: Language;
  raterName: string;
  link: string;
}

/** A deactivation done inside a transaction, and the notices to send once it commits. */
export interface Deactivation {
  result: DeactivationResultDto;
  notices: SubjectNotice[];
  /** 'remove': the subject entries removed, whose raters are told after the commit. */
  removal: SubjectRemoval | null;
}

/**
 * A leaver is deactivated, never deleted: in one transaction they stop being able to sign in
 * (sessions deleted; every session lookup and login already requires `active`), their report
 * shares end both ways (shared with them, and shared by them: nobody could withdraw those), their
 * direct reports move on, and the change is audited. Their submitted answers stay, anonymous. The
 * requests they were asked about others are left as they are, and every such subject is told the
 * same thing whether or not the leaver had answered (LeaversRepository.requestsInRunningCycles says
 * why): a subject never learns which of their raters answered, from this either.
 * Mail to them is refused in one place, MailMessagesRepository.insert.
 */
@Injectable()
export class LeaversService {
  private readonly logger = new Logger(LeaversService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly leavers: LeaversRepository,
    private readonly people: PeopleRepository,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly subjectRemoval: SubjectRemovalService,
  ) {}

  async deactivate(actor: Actor, id: string, dto: DeactivatePersonDto): Promise<DeactivationResultDto> {
    const deactivation = await this.db.transaction((tx) => this.deactivateWithin(tx, actor, id, dto));
    await this.afterDeactivation(actor.organizationId, id, deactivation);
    return deactivation.result;
  }

  /**
   * What deactivating does, inside the caller's transaction: the person page's route, the CSV
   * import (PeopleImportRunService) and SCIM's `active: false` (ScimUsersService) all come here. The caller commits, then calls afterDeactivation.
   * Taking the chart's lock again inside an import that holds it is harmless (advisory locks nest).
   */
  async deactivateWithin(tx: EntityManager, actor: ChangeActor, id: string, dto: DeactivatePersonDto): Promise<Deactivation> {
    const org = actor.organizationId;
    await lockOrgChart(tx, org);
    const person = await this.leavers.lockPerson(org, id, tx);
    if (!person) throw notFound();
    if (!person.active) return { result: { id, active: false, withdrawnRequests: 0, reassignedReports: 0 }, notices: [] as SubjectNotice[], removal: null };
    if (person.role === 'admin' && (await this.leavers.otherActiveAdmins(org, id, tx)) === 0) {
      throw new IdentityException(IdentityErrorCode.LastAdmin, 'An organisation needs at least one HR admin');
    }
    const target = dto.reassignReportsTo ?? person.managerId;
    if (dto.reassignReportsTo) {
      if (dto.reassignReportsTo === id || !(await this.leavers.isActive(org, dto.reassignReportsTo, tx))) {
        throw new IdentityException(IdentityErrorCode.ManagerNotFound, 'The chosen manager does not exist in this organisation', {
          errors: [{ field: 'reassignReportsTo', message: 'unknown person' }],
        });
      }
      // The new manager must not report to the leaver: their reports would then manage them in a loop.
      if (await this.people.wouldCreateLoop(org, id, dto.reassignReportsTo, tx)) {
        throw new IdentityException(IdentityErrorCode.ManagerLoop, 'That person reports to the leaver: the change would create a loop', {
          errors: [{ field: 'reassignReportsTo', message: 'would create a reporting loop' }],
        });
      }
    }
    await this.leavers.setActive(org, id, false, tx);
    await this.leavers.endSessions(org, id, tx);
    const reassignedReports = await this.leavers.reassignReports(org, id, target, tx);
    const withdrawn = await this.leavers.requestsInRunningCycles(org, id, tx);
    await this.leavers.endReportShares(org, id, tx);
    // 'remove': they stop being a subject of every draft and running cycle (SubjectRemovalService).
    const removal: SubjectRemoval | null =
      dto.subjectHandling === 'remove' ? await this.subjectRemoval.remove(actor, id, { cycleId: null, cause: 'left' }, tx) : null;
    await this.audit.record(
      actor,
      {
        action: 'person.deactivated',
        targetType: 'person',
        targetId: id,
        details: {
          reassignReportsTo: target,
          reassignedReports,
          withdrawnRequests: withdrawn.length,
          subjectHandling: dto.subjectHandling ?? 'keep',
        },
      },
      tx,
    );
    const notices: SubjectNotice[] = [];
    for (const s of await this.leavers.subjectsToTell(
      org,
      withdrawn.map((w) => w.id),
      tx,
    )) {
      const link = `${this.config.publicUrl.replace(/\/$/, '')}/cycles/${s.cycleId}/subjects/${s.subjectId}/requests`;
      notices.push({ ...s, link });
    }
    return { result: { id, active: false, withdrawnRequests: withdrawn.length, reassignedReports }, notices, removal };
  }

  /** After the commit: every instance forgets what it remembered of the leaver's sessions, at once; the subjects are told. */
  async afterDeactivation(organizationId: string, id: string, { notices, removal }: Pick<Deactivation, 'notices' | 'removal'>): Promise<void> {
    await this.sessions.forgetPerson(organizationId, id);
    for (const notice of notices) await this.tellSubject(organizationId, notice);
    if (removal) await this.subjectRemoval.tellRaters(organizationId, removal);
  }

  /** Sign-in comes back (the password was kept); withdrawn requests do not. */
  async reactivate(actor: Actor, id: string): Promise<DeactivationResultDto> {
    return this.db.transaction((tx) => this.reactivateWithin(tx, actor, id));
  }

  async reactivateWithin(tx: EntityManager, actor: ChangeActor, id: string): Promise<DeactivationResultDto> {
    const person = await this.leavers.lockPerson(actor.organizationId, id, tx);
    if (!person) throw notFound();
    if (!person.active) {
      await this.leavers.setActive(actor.organizationId, id, true, tx);
      await this.audit.record(actor, { action: 'person.reactivated', targetType: 'person', targetId: id }, tx);
    }
    return { id, active: true, withdrawnRequests: 0, reassignedReports: 0 };
  }

  /** A failed mail must not undo the deactivation, which is already committed. */
  private async tellSubject(organizationId: string, n: SubjectNotice): Promise<void> {
    const t = translator(n.subjectLanguage);
    try {
      await this.mail.send({
        organizationId,
        to: n.subjectEmail,
        subject: t.t('mail.leaver.subject', { rater: n.raterName, cycle: n.cycleName }),
        text: [
          t.t('mail.hello', { name: n.subjectName }),
          '',
          t.t('mail.leaver.left', { rater: n.raterName, cycle: n.cycleName }),
          t.t('mail.leaver.kept'),
          '',
          t.t('mail.leaver.another', { link: n.link }),
        ].join('\n'),
        dedupeKey: `request-withdrawn:${n.requestId}`,
      });
    } catch (error) {
      this.logger.warn({ err: error, requestId: n.requestId }, 'could not tell the subject that a rater has left');
    }
  }
}
