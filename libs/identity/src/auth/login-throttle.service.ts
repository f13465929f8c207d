import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { LoginAttemptsRepository } from './login-attempts.repository';

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

/**
 * Login rate limits kept in PostgreSQL, so they hold across every API instance: failures per
 * account (against password guessing) and per IP (against spraying many accounts).
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly attempts: LoginAttemptsRepository) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const row = await this.attempts.recentFailures(email, ip, LOGIN_WINDOW_MINUTES);
    if (row.byEmail >= MAX_FAILURES_PER_ACCOUNT) {
      throw new IdentityException(
        IdentityErrorCode.TooManyAttempts,
        `Too many failed sign-in attempts for this account. Try again in ${LOGIN_WINDOW_MINUTES} minutes.`,
      );
    }
    if (row.byIp >= MAX_FAILURES_PER_IP) {
      throw new IdentityException(
        IdentityErrorCode.TooManyAttempts,
        `Too many failed sign-in attempts from your network. Try again in ${LOGIN_WINDOW_MINUTES} minutes.`,
      );
    }
  }

  async record(attempt: { email: string; ip: string; succeeded: boolean; organizationId?: string }): Promise<void> {
    await this.attempts.record(attempt);
  }

  /** After a password reset: the failures that locked the account out were guesses at the old password. */
  async clearFailures(email: string, manager?: EntityManager): Promise<void> {
    await this.attempts.clearFailures(email, manager);
  }
}
