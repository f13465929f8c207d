import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type Actor, type AppConfig } from '@lib/common';
import { CredentialsRepository } from './credentials.repository';
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
    private readonly credentials: CredentialsRepository,
    private readonly throttle: LoginThrottleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks an email and password; one generic message whether the email exists or not. */
  async validateCredentials(rawEmail: string, password: string, ip: string): Promise<AuthenticatedPerson> {
    const email = rawEmail.trim().toLowerCase();
    await this.throttle.assertAllowed(email, ip);
    // An email may exist in several organisations; only accounts with a password can sign in.
    // Across organisations by nature (nobody's organisation is known yet): system scope.
    const candidates = await runAsSystem(() => this.credentials.signInCandidates(email));
    if (candidates.length === 0) await burnVerification(password, this.config.passwordHashing);
    for (const candidate of candidates) {
      if (await verifyPassword(candidate.passwordHash, password)) {
        return { personId: candidate.personId, organizationId: candidate.organizationId, role: candidate.role };
      }
    }
    await this.throttle.recordFailure(email, ip);
    throw new IdentityException(IdentityErrorCode.InvalidCredentials, 'Email or password is incorrect');
  }
}
