import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IdentityErrorCode, IdentityException } from '../identity.exception';

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

/**
 * Login rate limits kept in PostgreSQL, so they hold across every API instance: failures per
 * account (against password guessing) and per IP (against spraying many accounts).
 */
@Injectable()
export class LoginThrottleService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const [row]: { by_email: number; by_ip: number }[] = await this.db.query(
      `SELECT count(*) FILTER (WHERE email = $1)::int AS by_email, count(*) FILTER (WHERE ip = $2)::int AS by_ip
         FROM login_attempts
        WHERE NOT succeeded AND created_at > now() - make_interval(mins => $3) AND (email = $1 OR ip = $2)`,
      [email, ip, LOGIN_WINDOW_MINUTES],
    );
    if (row.by_email >= MAX_FAILURES_PER_ACCOUNT) {
      throw new IdentityException(
        IdentityErrorCode.TooManyAttempts,
        `Too many failed sign-in attempts for this account. Try again in ${LOGIN_WINDOW_MINUTES} minutes.`,
      );
    }
    if (row.by_ip >= MAX_FAILURES_PER_IP) {
      throw new IdentityException(
        IdentityErrorCode.TooManyAttempts,
        `Too many failed sign-in attempts from your network. Try again in ${LOGIN_WINDOW_MINUTES} minutes.`,
      );
    }
  }

  async record(attempt: { email: string; ip: string; succeeded: boolean; organizationId?: string }): Promise<void> {
    await this.db.query(`INSERT INTO login_attempts (organization_id, email, ip, succeeded) VALUES ($1, $2, $3, $4)`, [
      attempt.organizationId ?? null,
      attempt.email,
      attempt.ip,
      attempt.succeeded,
    ]);
  }

  /** After a password reset: the failures that locked the account out were guesses at the old password. */
  async clearFailures(email: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.db.manager).query(`DELETE FROM login_attempts WHERE email = $1 AND NOT succeeded`, [email]);
  }
}
