import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { AuditService } from '@lib/audit';
import { type Actor, APP_CONFIG, AppConfig, translator, type Translator } from '@lib/common';
import { MailService, type OutgoingMail } from '@lib/notifications';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { PeopleRepository } from '../people/people.repository';
import { CredentialsRepository } from './credentials.repository';
import { EmailChangesRepository } from './email-changes.repository';
import { escapeHtml } from './invitation.service';
import { LoginThrottleService } from './login-throttle.service';
import { verifyPassword } from './passwords';
import { SessionService } from './session.service';
import { newToken, presentedToken } from './tokens';

export const EMAIL_CHANGE_LINK_HOURS = 24;

const incorrect = (): IdentityException =>
  new IdentityException(IdentityErrorCode.CurrentPasswordIncorrect, 'Your current password is not correct', {
    errors: [{ field: 'currentPassword', message: 'Your current password is not correct' }],
  });
const invalid = (): IdentityException =>
  new IdentityException(IdentityErrorCode.EmailChangeInvalid, 'This link is invalid, already used or expired. Ask for a new one on your Account page.');
/** At confirmation only, to someone who reads the new address: it was taken after the link was sent. */
const taken = (email: string): IdentityException => {
  const message = `Someone in your organisation started using ${email} after this link was sent: your address did not change. Choose another on your Account page.`;
  return new IdentityException(IdentityErrorCode.EmailTaken, message, { errors: [{ field: 'newEmail', message }] });
};

/**
 * A signed-in person changes their own sign-in address (HR may not: whoever holds the address can
 * reset the password). The current password is required and guesses count as failed sign-ins; a
 * link goes to the new address, so only someone who reads it can move the account there, and a
 * notice goes to the old one, so the owner learns of a change they did not make. The address
 * changes only when the link is opened.
 */
@Injectable()
export class EmailChangeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly changes: EmailChangesRepository,
    private readonly credentials: CredentialsRepository,
    private readonly throttle: LoginThrottleService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
    private readonly people: PeopleRepository,
  ) {}

  async request(actor: Actor, currentPassword: string, rawEmail: string, ip: string): Promise<void> {
    const newEmail = rawEmail.trim().toLowerCase();
    const account = await this.credentials.account(actor.organizationId, actor.personId);
    const currentHash = account?.passwordHash;
    if (!account || !currentHash) throw incorrect();
    await this.throttle.assertAllowed(account.email, ip);
    if (!(await verifyPassword(currentHash, currentPassword))) {
      await this.throttle.recordFailure(account.email, ip);
      throw incorrect();
    }
    if (newEmail === account.email) {
      throw new IdentityException(IdentityErrorCode.EmailUnchanged, 'That is already your sign-in address', {
        errors: [{ field: 'newEmail', message: 'That is already your sign-in address' }],
      });
    }
    // A member must not learn whether a colleague has an address (only HR reads addresses), so a
    // taken address is answered, audited and worked through exactly as a free one: the same link
    // is issued (ending the earlier ones), the same two mails go out, to the new address and to the
    // old. Only what the new address receives differs, and the person asking cannot read it: a link
    // when it is free; when it is taken, a notice to its owner that someone tried, with no link
    // (the owner learns of the attempt, and a mail goes there either way).
    const owner = await this.changes.addressOwner(actor.organizationId, newEmail, actor.personId);
    const { token, hash } = newToken(actor.organizationId);
    const who = await this.db.transaction(async (tx) => {
      await this.changes.issue(
        tx,
        { organizationId: actor.organizationId, personId: actor.personId, newEmail, requestedSessionId: actor.sessionId },
        hash,
        ip,
        EMAIL_CHANGE_LINK_HOURS,
      );
      await this.audit.record(actor, { action: 'email.change_requested', targetType: 'person', targetId: actor.personId, details: { ip } }, tx);
      // Read in the transaction that checked the person is there: they are (the request's own session).
      return (await this.people.nameWithOrganization(actor.organizationId, actor.personId, tx))!;
    });
    await this.mail.send(
      owner
        ? this.attemptNotice(actor.organizationId, newEmail, owner.name, who.organizationName, translator(owner.language))
        : this.confirmationLink(actor.organizationId, newEmail, who.name, who.organizationName, token, translator(who.language)),
    );
    const t = translator(who.language);
    const hello = t.t('mail.hello', { name: who.name });
    const notice = t.t('mail.emailChange.notice.text', { organization: who.organizationName, email: newEmail });
    await this.mail.send({
      organizationId: actor.organizationId,
      to: account.email,
      subject: t.t('mail.emailChange.notice.subject'),
      text: `${hello}\n\n${notice}`,
      html: `<p>${escapeHtml(hello)}</p><p>${escapeHtml(notice)}</p>`,
    });
  }

  /** To the new address, in the language of the person who asked. */
  private confirmationLink(organizationId: string, to: string, name: string, organization: string, token: string, t: Translator): OutgoingMail {
    // The secret rides in the `token` query parameter, the one every view of mail redacts.
    const link = `${this.config.publicUrl}/confirm-email?token=${token}`;
    const hello = t.t('mail.hello', { name });
    const asked = t.t('mail.emailChange.confirm.asked', { organization });
    const last = `${t.t('mail.emailChange.confirm.expiry', { hours: EMAIL_CHANGE_LINK_HOURS })} ${t.t('mail.emailChange.confirm.ignore')}`;
    return {
      organizationId,
      to,
      subject: t.t('mail.emailChange.confirm.subject'),
      text: `${hello}\n\n${asked} ${t.t('mail.emailChange.confirm.open')}\n\n${link}\n\n${last}`,
      html: `<p>${escapeHtml(hello)}</p><p>${escapeHtml(asked)}</p><p><a href="${link}">${escapeHtml(t.t('mail.emailChange.confirm.link'))}</a></p><p>${escapeHtml(last)}</p>`,
    };
  }

  /**
   * To the owner of an address someone else asked for, in the owner's language: who asked is not
   * named (HR's audit log has it).
   */
  private attemptNotice(organizationId: string, to: string, ownerName: string, organization: string, t: Translator): OutgoingMail {
    const hello = t.t('mail.hello', { name: ownerName });
    const notice = t.t('mail.emailChange.attempt.text', { organization });
    return {
      organizationId,
      to,
      subject: t.t('mail.emailChange.attempt.subject'),
      text: `${hello}\n\n${notice}`,
      html: `<p>${escapeHtml(hello)}</p><p>${escapeHtml(notice)}</p>`,
    };
  }

  /** Uses up the link and moves the account to the new address, in one transaction. */
  async confirm(token: string, ip: string): Promise<{ email: string }> {
    const presented = presentedToken(token);
    if (!presented) throw invalid();
    const change = await this.db.transaction(async (tx) => {
      const used = await this.changes.consume(tx, presented);
      if (!used) throw invalid();
      const before = await this.changes.applyChange(tx, used).catch((error: unknown) => {
        if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') throw taken(used.newEmail);
        throw error;
      });
      if (!before) throw invalid();
      await this.audit.record(
        { organizationId: used.organizationId, personId: used.personId },
        { action: 'email.changed', targetType: 'person', targetId: used.personId, details: { ip } },
        tx,
      );
      return used;
    });
    // The other sessions are gone from the database; every instance forgets them too, at once.
    await this.sessions.forgetPerson(change.organizationId, change.personId);
    return { email: change.newEmail };
  }
}
