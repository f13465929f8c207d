import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@lib/audit';
import { APP_CONFIG, AppConfig, Actor, translator, type Translator } from '@lib/common';
import { MailService } from '@lib/notifications';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { CredentialsRepository } from './credentials.repository';
import { InvitationsRepository } from './invitations.repository';
import { hashPassword } from './passwords';
import { SessionService } from './session.service';
import { newToken, presentedToken } from './tokens';

const INVITATION_DAYS = 7;

/** Who invites: HR, or the operator's command line (no person). */
type InvitingActor = { organizationId: string; personId: string | null };
const invalid = (): IdentityException =>
  new IdentityException(IdentityErrorCode.InvitationInvalid, 'This invitation link is invalid, already used or expired. Ask HR for a new one.');
const alreadySetUp = (): IdentityException =>
  new IdentityException(
    IdentityErrorCode.AlreadyHasLogin,
    'This account already has a password, so the invitation no longer applies. Sign in, or use “Forgot your password?” on the sign-in page.',
  );

/**
 * HR invites a person; the link sets their password once and expires after a week. An invitation
 * is for a person without a login only: it never replaces a password (else whoever reads the link,
 * HR included, could take the account over). A forgotten password is recovered by the person
 * through their own mailbox (PasswordResetService).
 */
@Injectable()
export class InvitationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
    private readonly credentials: CredentialsRepository,
    private readonly invitations: InvitationsRepository,
  ) {}

  async invite(actor: Actor, personId: string): Promise<{ sentTo: string; expiresAt: string }> {
    const { sentTo, expiresAt } = await this.send(actor, personId);
    return { sentTo, expiresAt };
  }

  /**
   * For the operator's command line, which has no signed-in actor (audited without one). Nobody
   * can read an outbox before the organisation's first admin signs in, so when the mail stays in
   * the outbox the link comes back to the operator, who already holds the database.
   */
  async inviteAsOperator(organizationId: string, personId: string): Promise<{ sentTo: string; expiresAt: string; outboxLink: string | null }> {
    const { sentTo, expiresAt, link } = await this.send({ organizationId, personId: null }, personId);
    return { sentTo, expiresAt, outboxLink: this.mail.usesOutbox ? link : null };
  }

  private async send(actor: InvitingActor, personId: string): Promise<{ sentTo: string; expiresAt: string; link: string }> {
    const { token, hash } = newToken(actor.organizationId);
    const result = await this.db.transaction(async (tx) => {
      const person = await this.invitations.lockInvitee(tx, actor.organizationId, personId);
      if (!person) throw new IdentityException(IdentityErrorCode.PersonNotFound, 'Person not found');
      if (person.hasLogin) {
        throw new IdentityException(
          IdentityErrorCode.AlreadyHasLogin,
          `${person.name} already has a login. Invitations are only for people who have not set a password; if they forgot it, they can reset it themselves with “Forgot your password?” on the sign-in page.`,
        );
      }
      // A new invitation replaces any earlier one still pending.
      const expiresAt = await this.invitations.issue(
        tx,
        { organizationId: actor.organizationId, personId, tokenHash: hash, createdBy: actor.personId },
        INVITATION_DAYS,
      );
      await this.audit.record(actor, { action: 'person.invited', targetType: 'person', targetId: personId }, tx);
      return { email: person.email, name: person.name, org: person.organizationName, language: person.language, expiresAt: expiresAt.toISOString() };
    });
    const link = `${this.config.publicUrl}/accept-invitation?token=${token}`;
    await this.mail.send({
      organizationId: actor.organizationId,
      to: result.email,
      ...invitationMail(translator(result.language), result.name, result.org, link),
    });
    return { sentTo: result.email, expiresAt: result.expiresAt, link };
  }

  async describe(token: string): Promise<{ name: string; email: string; organizationName: string }> {
    const presented = presentedToken(token);
    if (!presented) throw invalid();
    const invitee = await this.invitations.describe(presented);
    if (!invitee) throw invalid();
    if (invitee.hasLogin) throw alreadySetUp();
    return { name: invitee.name, email: invitee.email, organizationName: invitee.organizationName };
  }

  /**
   * Sets the first password and consumes the link in one transaction, so a link cannot be used
   * twice; a person who has a password meanwhile keeps it (an old link replaces nothing).
   */
  async accept(token: string, password: string): Promise<{ organizationId: string; personId: string; role: Actor['role'] }> {
    const presented = presentedToken(token);
    if (!presented) throw invalid();
    const passwordHash = await hashPassword(password, this.config.passwordHashing);
    const who = await this.db.transaction(async (tx) => {
      const used = await this.invitations.consume(tx, presented);
      if (!used) throw invalid();
      const { organizationId, personId } = used;
      const person = await this.credentials.setPassword(tx, organizationId, personId, passwordHash, { onlyIfNone: true });
      if (!person) throw (await this.credentials.hasLogin(tx, organizationId, personId)) ? alreadySetUp() : invalid();
      await this.audit.record({ organizationId, personId }, { action: 'person.password_set', targetType: 'person', targetId: personId }, tx);
      return { organizationId, personId, role: person.role };
    });
    await this.sessions.forgetPerson(who.organizationId, who.personId);
    return who;
  }
}

/** The invitation, in the invitee's language. */
function invitationMail(t: Translator, name: string, organization: string, link: string): { subject: string; text: string; html: string } {
  const hello = t.t('mail.hello', { name });
  const uses = t.t('mail.invitation.uses', { organization });
  const expiry = t.t('mail.invitation.expiry', { days: INVITATION_DAYS });
  return {
    subject: t.t('mail.invitation.subject', { organization }),
    text: `${hello}\n\n${uses} ${t.t('mail.invitation.choose')}\n\n${link}\n\n${expiry}`,
    html: `<p>${escapeHtml(hello)}</p><p>${escapeHtml(uses)}</p><p><a href="${link}">${escapeHtml(t.t('mail.invitation.link'))}</a></p><p>${escapeHtml(expiry)}</p>`,
  };
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
