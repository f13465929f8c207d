import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@lib/audit';
import { APP_CONFIG, AppConfig, Actor } from '@lib/common';
import { MailService } from '@lib/notifications';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { hashPassword } from './passwords';
import { SessionService } from './session.service';
import { hashToken, newToken } from './tokens';

const INVITATION_DAYS = 7;
const invalid = (): IdentityException =>
  new IdentityException(IdentityErrorCode.InvitationInvalid, 'This invitation link is invalid, already used or expired. Ask HR for a new one.');

/** HR invites a person; the link sets their password once and expires after a week. */
@Injectable()
export class InvitationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
  ) {}

  async invite(actor: Actor, personId: string): Promise<{ sentTo: string; expiresAt: string }> {
    const { token, hash } = newToken();
    const result = await this.db.transaction(async (tx) => {
      const people: { email: string; name: string; org: string }[] = await tx.query(
        `SELECT p.email, p.name, o.name AS org FROM people p JOIN organizations o ON o.id = p.organization_id
          WHERE p.organization_id = $1 AND p.id = $2 AND p.active`,
        [actor.organizationId, personId],
      );
      if (!people[0]) throw new IdentityException(IdentityErrorCode.PersonNotFound, 'Person not found');
      // A new invitation replaces any earlier one still pending.
      await tx.query(`UPDATE invitations SET expires_at = now() WHERE organization_id = $1 AND person_id = $2 AND used_at IS NULL`, [
        actor.organizationId,
        personId,
      ]);
      const [row]: { expires_at: Date }[] = await tx.query(
        `INSERT INTO invitations (organization_id, person_id, token_hash, created_by, expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(days => $5)) RETURNING expires_at`,
        [actor.organizationId, personId, hash, actor.personId, INVITATION_DAYS],
      );
      await this.audit.record(actor, { action: 'person.invited', targetType: 'person', targetId: personId }, tx);
      return { ...people[0], expiresAt: new Date(row.expires_at).toISOString() };
    });
    const link = `${this.config.publicUrl}/accept-invitation?token=${token}`;
    await this.mail.send({
      organizationId: actor.organizationId,
      to: result.email,
      subject: `You are invited to Ripple at ${result.org}`,
      text: `Hello ${result.name},\n\n${result.org} uses Ripple for 360° feedback. Choose a password to sign in:\n\n${link}\n\nThe link works once and expires in ${INVITATION_DAYS} days.`,
      html: `<p>Hello ${escapeHtml(result.name)},</p><p>${escapeHtml(result.org)} uses Ripple for 360° feedback.</p><p><a href="${link}">Choose your password</a></p><p>The link works once and expires in ${INVITATION_DAYS} days.</p>`,
    });
    return { sentTo: result.email, expiresAt: result.expiresAt };
  }

  async describe(token: string): Promise<{ name: string; email: string; organizationName: string }> {
    const rows: { name: string; email: string; org: string }[] = await this.db.query(
      `SELECT p.name, p.email, o.name AS org FROM invitations i
         JOIN people p ON p.organization_id = i.organization_id AND p.id = i.person_id
         JOIN organizations o ON o.id = i.organization_id
        WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > now() AND p.active`,
      [hashToken(token)],
    );
    if (!rows[0]) throw invalid();
    return { name: rows[0].name, email: rows[0].email, organizationName: rows[0].org };
  }

  /** Sets the password and consumes the link in one statement, so a link cannot be used twice. */
  async accept(token: string, password: string): Promise<{ organizationId: string; personId: string; role: Actor['role'] }> {
    const passwordHash = await hashPassword(password, this.config.passwordHashing);
    const who = await this.db.transaction(async (tx) => {
      // TypeORM answers an UPDATE ... RETURNING with [rows, affectedCount].
      const [used]: [{ organization_id: string; person_id: string }[], number] = await tx.query(
        `UPDATE invitations SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
         RETURNING organization_id, person_id`,
        [hashToken(token)],
      );
      if (!used[0]) throw invalid();
      const { organization_id: organizationId, person_id: personId } = used[0];
      const [people]: [{ role: Actor['role'] }[], number] = await tx.query(
        `UPDATE people SET password_hash = $3, updated_at = now() WHERE organization_id = $1 AND id = $2 RETURNING role`,
        [organizationId, personId, passwordHash],
      );
      await tx.query(`DELETE FROM sessions WHERE organization_id = $1 AND person_id = $2`, [organizationId, personId]);
      await this.audit.record({ organizationId, personId }, { action: 'person.password_set', targetType: 'person', targetId: personId }, tx);
      return { organizationId, personId, role: people[0].role };
    });
    await this.sessions.forgetPerson(who.organizationId, who.personId);
    return who;
  }
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
