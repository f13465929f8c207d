import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@lib/audit';
import type { Actor } from '@lib/common';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { CredentialsRepository } from './credentials.repository';
import { LoginThrottleService } from './login-throttle.service';
import { hashPassword, verifyPassword } from './passwords';
import { SessionService } from './session.service';

const incorrect = (): IdentityException =>
  new IdentityException(IdentityErrorCode.CurrentPasswordIncorrect, 'Your current password is not correct', {
    errors: [{ field: 'currentPassword', message: 'Your current password is not correct' }],
  });

/**
 * A signed-in person changes their own password. The current one is required (a session left open
 * on a shared computer must not be enough) and guesses at it count as failed sign-ins, so the
 * login limits apply. Every other session of the person ends; this one stays.
 */
@Injectable()
export class PasswordChangeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly credentials: CredentialsRepository,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
  ) {}

  async change(actor: Actor, currentPassword: string, newPassword: string, ip: string): Promise<void> {
    const account = await this.credentials.account(actor.organizationId, actor.personId);
    const currentHash = account?.passwordHash;
    if (!account || !currentHash) throw incorrect();
    await this.throttle.assertAllowed(account.email, ip);
    if (!(await verifyPassword(currentHash, currentPassword))) {
      await this.throttle.recordFailure(account.email, ip);
      throw incorrect();
    }
    if (newPassword === currentPassword) {
      throw new IdentityException(IdentityErrorCode.PasswordUnchanged, 'Choose a password different from your current one', {
        errors: [{ field: 'newPassword', message: 'Choose a password different from your current one' }],
      });
    }
    const passwordHash = await hashPassword(newPassword);
    await this.db.transaction(async (tx) => {
      // Only over the hash just verified: of two changes made at once, the second finds it gone.
      const changed = await this.credentials.setPassword(tx, actor.organizationId, actor.personId, passwordHash, {
        expectedHash: currentHash,
        keepSessionId: actor.sessionId,
      });
      if (!changed) throw incorrect();
      await this.audit.record(actor, { action: 'password.changed', targetType: 'person', targetId: actor.personId }, tx);
    });
    await this.sessions.forgetPerson(actor.organizationId, actor.personId);
  }
}
