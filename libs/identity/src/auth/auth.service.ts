import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type Actor, type AppConfig } from '@lib/common';
import { runAsSystem } from '@lib/database';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { LoginThrottleService } from './login-throttle.service';
import { burnVerification, verifyPassword } from './passwords';

export interface AuthenticatedPerson {
  personId: string;
  organizationId: string;
  role: Actor['role'];
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly throttle: LoginThrottleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks an email and password; one generic message whether the email exists or not. */
  async validateCredentials(rawEmail: string, password: string, ip: string): Promise<AuthenticatedPerson> {
    const email = rawEmail.trim().toLowerCase();
    await this.throttle.assertAllowed(email, ip);
    // An email may exist in several organisations; only accounts with a password can sign in.
    // Across organisations by nature (nobody's organisation is known yet): system scope.
    const candidates: { id: string; organization_id: string; role: Actor['role']; password_hash: string }[] = await runAsSystem(() =>
      this.db.query(
        `SELECT id, organization_id, role, password_hash FROM people
          WHERE email = $1 AND password_hash IS NOT NULL AND active ORDER BY created_at LIMIT 5`,
        [email],
      ),
    );
    if (candidates.length === 0) await burnVerification(password, this.config.passwordHashing);
    for (const candidate of candidates) {
      if (await verifyPassword(candidate.password_hash, password)) {
        await this.throttle.record({ email, ip, succeeded: true, organizationId: candidate.organization_id });
        return { personId: candidate.id, organizationId: candidate.organization_id, role: candidate.role };
      }
    }
    await this.throttle.record({ email, ip, succeeded: false, organizationId: candidates[0]?.organization_id });
    throw new IdentityException(IdentityErrorCode.InvalidCredentials, 'Email or password is incorrect');
  }
}
