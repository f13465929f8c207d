import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Not, Repository } from 'typeorm';
import type { Role } from '@lib/common';
import { modifyRows } from '@lib/database';
import { InvitationEntity } from '../entities/invitation.entity';
import { stillWorking } from '../entities/pending-link';
import { PasswordResetTokenEntity } from '../entities/password-reset-token.entity';
import { PersonEntity } from '../entities/person.entity';
import { SessionEntity } from '../entities/session.entity';

/** An account that may sign in with a password. */
export interface SignInCandidate {
  personId: string;
  organizationId: string;
  role: Role;
  passwordHash: string;
}

export interface SetPasswordOptions {
  /** Only a person who has no password yet (an invitation): never replaces one. */
  onlyIfNone?: boolean;
  /** Only while the stored hash is still this one (a change that verified it): two changes cannot both win. */
  expectedHash?: string;
  /** The session that made the change and stays signed in; every other one ends. */
  keepSessionId?: string;
}

/**
 * A person's password and what follows from setting one, in the caller's transaction: their other
 * sessions end and every link that could set it again (reset links, invitations) stops working.
 * Every method takes the organisation first.
 */
@Injectable()
export class CredentialsRepository {
  constructor(@InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>) {}

  /**
   * The accounts an address may sign in to: active people with a password, oldest first. An
   * address may exist in several organisations (at most five are tried).
   */
  async signInCandidates(email: string): Promise<SignInCandidate[]> {
    const people = await this.people.find({
      select: { organizationId: true, id: true, role: true, passwordHash: true },
      where: { email, active: true, passwordHash: Not(IsNull()) },
      order: { createdAt: 'ASC' },
      take: 5,
    });
    return people.map((p) => ({ personId: p.id, organizationId: p.organizationId, role: p.role, passwordHash: p.passwordHash! }));
  }

  async account(organizationId: string, personId: string): Promise<{ email: string; passwordHash: string | null } | null> {
    const person = await this.people.findOne({ select: { email: true, passwordHash: true }, where: { organizationId, id: personId, active: true } });
    return person ? { email: person.email, passwordHash: person.passwordHash } : null;
  }

  async hasLogin(tx: EntityManager, organizationId: string, personId: string): Promise<boolean> {
    return tx.getRepository(PersonEntity).existsBy({ organizationId, id: personId, passwordHash: Not(IsNull()) });
  }

  /** Null when the person is not there (or deactivated), or a condition of `options` does not hold. */
  async setPassword(
    tx: EntityManager,
    organizationId: string,
    personId: string,
    passwordHash: string,
    options: SetPasswordOptions = {},
  ): Promise<{ role: Role; email: string } | null> {
    const { rows: people } = await modifyRows<{ role: Role; email: string }>(
      tx,
      `UPDATE people SET password_hash = $3, updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND active
          AND (NOT $4::boolean OR password_hash IS NULL)
          AND ($5::text IS NULL OR password_hash = $5)
        RETURNING role, email`,
      [organizationId, personId, passwordHash, options.onlyIfNone === true, options.expectedHash ?? null],
    );
    if (!people[0]) return null;
    const keep = options.keepSessionId ? { id: Not(options.keepSessionId) } : {};
    await tx.getRepository(SessionEntity).delete({ organizationId, personId, ...keep });
    await tx.getRepository(PasswordResetTokenEntity).update({ organizationId, personId, ...stillWorking() }, { expiresAt: () => 'now()' });
    await tx.getRepository(InvitationEntity).update({ organizationId, personId, ...stillWorking() }, { expiresAt: () => 'now()' });
    return people[0];
  }
}
