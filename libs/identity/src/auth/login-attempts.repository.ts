import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { selectOne } from '@lib/database';
import { LoginAttemptEntity } from '../entities/login-attempt.entity';

/** Sign-in attempts, by address and by IP: a global table (an address may exist in several organisations). */
@Injectable()
export class LoginAttemptsRepository {
  constructor(@InjectRepository(LoginAttemptEntity) private readonly attempts: Repository<LoginAttemptEntity>) {}

  /** The failures of the last `minutes` for this address and from this IP, counted in one statement. */
  async recentFailures(email: string, ip: string, minutes: number): Promise<{ byEmail: number; byIp: number }> {
    const row = await selectOne<{ by_email: number; by_ip: number }>(
      this.attempts.manager,
      `SELECT count(*) FILTER (WHERE email = $1)::int AS by_email, count(*) FILTER (WHERE ip = $2)::int AS by_ip
         FROM login_attempts
        WHERE NOT succeeded AND created_at > now() - make_interval(mins => $3) AND (email = $1 OR ip = $2)`,
      [email, ip, minutes],
    );
    return { byEmail: row.by_email, byIp: row.by_ip };
  }

  async record(attempt: { email: string; ip: string; succeeded: boolean; organizationId?: string }): Promise<void> {
    await this.attempts.insert({ organizationId: attempt.organizationId ?? null, email: attempt.email, ip: attempt.ip, succeeded: attempt.succeeded });
  }

  async clearFailures(email: string, tx?: EntityManager): Promise<void> {
    await (tx ? tx.getRepository(LoginAttemptEntity) : this.attempts).delete({ email, succeeded: false });
  }
}
