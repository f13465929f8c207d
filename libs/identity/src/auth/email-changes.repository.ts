import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Not, Repository } from 'typeorm';
import { effectiveLanguage, type Language } from '@lib/common';
import { modifyRows, selectFirst } from '@lib/database';
import { EmailChangeTokenEntity } from '../entities/email-change-token.entity';
import { stillWorking } from '../entities/pending-link';
import { PasswordResetTokenEntity } from '../entities/password-reset-token.entity';
import { PersonEntity } from '../entities/person.entity';
import { SessionEntity } from '../entities/session.entity';
import type { TokenKey } from './tokens';

export interface EmailChangeRequest {
  organizationId: string;
  personId: string;
  newEmail: string;
  requestedSessionId: string | null;
}

/**
 * Confirmation links for a person's own change of sign-in address (stored as hashes). A link is
 * found by its hash alone (that is all the mail carries); everything else is scoped by organisation.
 */
@Injectable()
export class EmailChangesRepository {
  constructor(@InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>) {}

  /** Who else in the organisation already has this address, if anyone. */
  async addressOwner(organizationId: string, email: string, exceptPersonId: string): Promise<{ name: string; language: Language } | null> {
    const owner = await this.people.findOne({ select: { name: true, language: true }, where: { organizationId, email, id: Not(exceptPersonId) } });
    if (!owner) return null;
    const organization = await selectFirst<{ language: string }>(this.people.manager, `SELECT language FROM organizations WHERE id = $1`, [organizationId]);
    return { name: owner.name, language: effectiveLanguage(owner.language, organization?.language) };
  }

  /** A new link for a person; the links mailed before it stop working. */
  async issue(tx: EntityManager, request: EmailChangeRequest, tokenHash: Buffer, ip: string, hours: number): Promise<void> {
    await tx
      .getRepository(EmailChangeTokenEntity)
      .update({ organizationId: request.organizationId, personId: request.personId, ...stillWorking() }, { expiresAt: () => 'now()' });
    await tx.query(
      `INSERT INTO email_change_tokens (organization_id, person_id, new_email, token_hash, requested_ip, requested_session_id, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(hours => $7))`,
      [request.organizationId, request.personId, request.newEmail, tokenHash, ip, request.requestedSessionId, hours],
    );
  }

  /** Marks a working link used, in one statement, so that it cannot be used twice. */
  async consume(tx: EntityManager, link: TokenKey): Promise<EmailChangeRequest | null> {
    const {
      rows: [r],
    } = await modifyRows<{ organization_id: string; person_id: string; new_email: string; requested_session_id: string | null }>(
      tx,
      `UPDATE email_change_tokens SET used_at = now()
        WHERE organization_id = $1 AND token_hash = $2 AND used_at IS NULL AND expires_at > now()
       RETURNING organization_id, person_id, new_email, requested_session_id`,
      [link.organizationId, link.hash],
    );
    return r ? { organizationId: r.organization_id, personId: r.person_id, newEmail: r.new_email, requestedSessionId: r.requested_session_id } : null;
  }

  /**
   * Moves the person to the new address: only an active person with a login, and only while the
   * address is still free (the unique key refuses a race). Every other session of theirs ends and
   * every reset link (mailed to the old address) stops working. Returns the old address.
   */
  async applyChange(tx: EntityManager, change: EmailChangeRequest): Promise<{ oldEmail: string; name: string } | null> {
    const before = await selectFirst<{ email: string; name: string }>(
      tx,
      `SELECT email, name FROM people WHERE organization_id = $1 AND id = $2 AND active AND password_hash IS NOT NULL FOR UPDATE`,
      [change.organizationId, change.personId],
    );
    if (!before) return null;
    const { organizationId, personId } = change;
    await tx.getRepository(PersonEntity).update({ organizationId, id: personId }, { email: change.newEmail });
    const keep = change.requestedSessionId ? { id: Not(change.requestedSessionId) } : {};
    await tx.getRepository(SessionEntity).delete({ organizationId, personId, ...keep });
    await tx.getRepository(PasswordResetTokenEntity).update({ organizationId, personId, ...stillWorking() }, { expiresAt: () => 'now()' });
    return { oldEmail: before.email, name: before.name };
  }
}
