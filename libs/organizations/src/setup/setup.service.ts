import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PostgresRateLimitStore, RateLimiter, runAsSystem, type RateBudget } from '@lib/database';
import { hashPassword } from '@lib/identity';
import { OrganizationsErrorCode, OrganizationsException } from '../organizations.exception';
import { OrganizationProvisioningService } from '../provisioning/organization-provisioning.service';
import { hashSetupCode, newSetupCode, setupCodeMatches } from './setup-code';
import type { CompleteSetupDto } from './setup.dto';
import { SetupRepository } from './setup.repository';

/**
 * Wrong codes one address may try in 15 minutes (a RateLimiter budget of failures, counted in
 * PostgreSQL); the code's 60 bits make guessing hopeless anyway.
 */
export const SETUP_FAILURES_PER_NETWORK: RateBudget = { scope: 'setup.ip', limit: 10, windowSeconds: 15 * 60 };

/**
 * The first run of a fresh instance: while no organisation exists, the server prints a one-time
 * code at start; whoever types it (so: whoever sees the console) creates the organisation and
 * becomes its first HR admin. Then set-up is gone for good.
 */
@Injectable()
export class SetupService {
  private readonly failures: RateLimiter;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly setup: SetupRepository,
    private readonly provisioning: OrganizationProvisioningService,
  ) {
    this.failures = new RateLimiter(new PostgresRateLimitStore(db));
  }

  /** Set-up is pending exactly while the instance holds no organisation. */
  async isPending(): Promise<boolean> {
    // Whether any organisation exists at all: a question across organisations (system scope).
    return !(await runAsSystem(() => this.provisioning.anyOrganization()));
  }

  async assertPending(): Promise<void> {
    if (!(await this.isPending())) throw OrganizationsException.setupComplete();
  }

  /** A new code for this start, stored hashed; null once set-up is done (nothing to print). */
  async issueCode(): Promise<string | null> {
    if (!(await this.isPending())) return null;
    const code = newSetupCode();
    await this.setup.storeCode(hashSetupCode(code));
    return code;
  }

  /**
   * Creates the organisation, its default framework and its first HR admin (with the password
   * given) in one transaction under the creation lock: of concurrent attempts exactly one wins,
   * the others find set-up gone. Returns who to sign in.
   */
  async complete(dto: CompleteSetupDto, ip: string): Promise<{ organizationId: string; personId: string; role: 'admin' }> {
    await this.assertPending();
    const refusal = await this.failures.exhausted(SETUP_FAILURES_PER_NETWORK, ip);
    if (refusal) {
      const minutes = Math.ceil(refusal.retryAfterSeconds / 60);
      throw new OrganizationsException(
        OrganizationsErrorCode.TooManySetupAttempts,
        `Too many wrong set-up codes from your network. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        { retryAfterSeconds: refusal.retryAfterSeconds },
      );
    }
    const passwordHash = await hashPassword(dto.password);
    let wrongCode = false;
    // Creating the instance's first organisation: nobody's scope yet (system scope).
    const created = await runAsSystem(() =>
      this.db.transaction(async (tx) => {
        await this.provisioning.lockCreation(tx);
        if (await this.provisioning.anyOrganization(tx)) throw OrganizationsException.setupComplete();
        const stored = await this.setup.codeHash(tx);
        if (!stored || !setupCodeMatches(dto.code, stored)) {
          wrongCode = true;
          throw new OrganizationsException(
            OrganizationsErrorCode.SetupCodeInvalid,
            "That set-up code is not right. Use the code printed in the server's console at its latest start.",
            { errors: [{ field: 'code', message: 'does not match' }] },
          );
        }
        const organization = await this.provisioning.create({ name: dto.organizationName, admin: { name: dto.name, email: dto.email, passwordHash } }, tx);
        await this.setup.complete(tx);
        return organization;
      }),
    ).catch(async (error: unknown) => {
      // Recorded outside the rolled-back transaction, so that the failure counts.
      if (wrongCode) await this.failures.record(SETUP_FAILURES_PER_NETWORK, ip);
      throw error;
    });
    return { organizationId: created.organizationId, personId: created.adminId, role: 'admin' };
  }
}
