import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { PostgresRateLimitStore, RateLimiter, type RateBudget, type RateRefusal } from '@lib/database';
import { IdentityErrorCode, IdentityException } from '../identity.exception';

/**
 * Failed sign-ins allowed in 15 minutes (RateLimiter budgets of failures, counted in PostgreSQL so
 * they hold across every API instance): per address, against password guessing; per IP, against
 * spraying many accounts. Only failures count; a successful sign-in costs nothing.
 */
export const SIGN_IN_FAILURES_PER_ADDRESS: RateBudget = { scope: 'sign_in.address', limit: 5, windowSeconds: 15 * 60 };
export const SIGN_IN_FAILURES_PER_NETWORK: RateBudget = { scope: 'sign_in.ip', limit: 30, windowSeconds: 15 * 60 };

/** What a refused sign-in is told: which limit, and in how many minutes to come back. */
export function signInRefusalMessage(refusal: RateRefusal): string {
  const minutes = Math.ceil(refusal.retryAfterSeconds / 60);
  const which = refusal.scope === SIGN_IN_FAILURES_PER_ADDRESS.scope ? 'for this account' : 'from your network';
  return `Too many failed sign-in attempts ${which}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

/**
 * The sign-in limits, also asked by every check of a password already signed in (changing the
 * password or the sign-in address): a refusal is a 429 with Retry-After.
 */
@Injectable()
export class LoginThrottleService {
  private readonly limiter: RateLimiter;

  constructor(@InjectDataSource() db: DataSource) {
    this.limiter = new RateLimiter(new PostgresRateLimitStore(db));
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const refusal = (await this.limiter.exhausted(SIGN_IN_FAILURES_PER_ADDRESS, email)) ?? (await this.limiter.exhausted(SIGN_IN_FAILURES_PER_NETWORK, ip));
    if (refusal) {
      throw new IdentityException(IdentityErrorCode.TooManyAttempts, signInRefusalMessage(refusal), { retryAfterSeconds: refusal.retryAfterSeconds });
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.limiter.record(SIGN_IN_FAILURES_PER_ADDRESS, email);
    await this.limiter.record(SIGN_IN_FAILURES_PER_NETWORK, ip);
  }

  /** After a password reset: the failures that locked the account out were guesses at the old password. */
  async clearFailures(email: string, tx?: EntityManager): Promise<void> {
    const limiter = tx ? new RateLimiter(new PostgresRateLimitStore(tx)) : this.limiter;
    await limiter.forget(SIGN_IN_FAILURES_PER_ADDRESS, email);
  }
}
