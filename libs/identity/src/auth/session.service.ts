import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, Actor } from '@lib/common';
import { hashToken, newToken } from './tokens';

/**
 * Server-side sessions in PostgreSQL: the cookie holds a random token, the table its hash. Any
 * API instance can resolve any session, and logout deletes the row, so a stolen cookie dies too.
 */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(organizationId: string, personId: string, meta: { ip?: string; userAgent?: string }): Promise<string> {
    const { token, hash } = newToken();
    await this.db.query(
      `INSERT INTO sessions (organization_id, person_id, token_hash, expires_at, ip, user_agent)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4), $5, $6)`,
      [organizationId, personId, hash, this.config.sessionTtlHours, meta.ip ?? null, meta.userAgent?.slice(0, 300) ?? null],
    );
    return token;
  }

  async resolve(token: string): Promise<Actor | null> {
    const rows: { session_id: string; organization_id: string; person_id: string; role: Actor['role'] }[] = await this.db.query(
      `SELECT s.id AS session_id, s.organization_id, s.person_id, p.role
         FROM sessions s
         JOIN people p ON p.organization_id = s.organization_id AND p.id = s.person_id
        WHERE s.token_hash = $1 AND s.expires_at > now() AND p.active`,
      [hashToken(token)],
    );
    const row = rows[0];
    return row ? { sessionId: row.session_id, organizationId: row.organization_id, personId: row.person_id, role: row.role } : null;
  }

  async revoke(actor: Actor): Promise<void> {
    await this.db.query(`DELETE FROM sessions WHERE organization_id = $1 AND id = $2`, [actor.organizationId, actor.sessionId]);
  }

  /** Ends every session of a person, e.g. after their password is (re)set. */
  async revokeAllFor(organizationId: string, personId: string): Promise<void> {
    await this.db.query(`DELETE FROM sessions WHERE organization_id = $1 AND person_id = $2`, [organizationId, personId]);
  }
}
