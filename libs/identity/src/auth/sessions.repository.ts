import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource, Repository } from 'typeorm';
import type { Actor } from '@lib/common';
import { selectFirst } from '@lib/database';
import { SessionEntity } from '../entities/session.entity';
import type { TokenKey } from './tokens';

export interface NewSession {
  organizationId: string;
  personId: string;
  tokenHash: Buffer;
  ttlHours: number;
  ip: string | null;
  userAgent: string | null;
}

/** A session that still works, with what its requests act as. */
export interface LiveSession {
  actor: Actor;
  expiresAt: Date;
}

/**
 * The sessions table, and the PostgreSQL channel on which instances announce changes to what a
 * session carries. A session is found by its token's hash (all the cookie carries, with the
 * organisation); everything else is scoped by organisation.
 */
@Injectable()
export class SessionsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
  ) {}

  async insert(session: NewSession): Promise<void> {
    await this.sessions.query(
      `INSERT INTO sessions (organization_id, person_id, token_hash, expires_at, ip, user_agent)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4), $5, $6)`,
      [session.organizationId, session.personId, session.tokenHash, session.ttlHours, session.ip, session.userAgent],
    );
  }

  /** The unexpired session of this token, of a person still active; their role is read now. */
  async findLive(token: TokenKey): Promise<LiveSession | null> {
    const r = await selectFirst<{ session_id: string; organization_id: string; person_id: string; role: Actor['role']; expires_at: Date }>(
      this.db,
      `SELECT s.id AS session_id, s.organization_id, s.person_id, p.role, s.expires_at
         FROM sessions s
         JOIN people p ON p.organization_id = s.organization_id AND p.id = s.person_id
        WHERE s.organization_id = $1 AND s.token_hash = $2 AND s.expires_at > now() AND p.active`,
      [token.organizationId, token.hash],
    );
    return r
      ? { actor: { sessionId: r.session_id, organizationId: r.organization_id, personId: r.person_id, role: r.role }, expiresAt: new Date(r.expires_at) }
      : null;
  }

  async delete(organizationId: string, sessionId: string): Promise<void> {
    await this.sessions.delete({ organizationId, id: sessionId });
  }

  async deleteAllFor(organizationId: string, personId: string): Promise<void> {
    await this.sessions.delete({ organizationId, personId });
  }

  /** Tells every instance listening on `channel` (pg_notify: delivered once the statement commits). */
  async announce(channel: string, payload: string): Promise<void> {
    await this.db.query(`SELECT pg_notify($1, $2)`, [channel, payload]);
  }

  /** A connection of its own, not from the pool, for LISTEN: it is held as long as the instance runs. Not yet connected. */
  listenerClient(): Client {
    const url = (this.db.options as { url?: string }).url;
    return new Client({ connectionString: url, application_name: 'ripple-sessions' });
  }

  /** Connects `client` and starts hearing `channel`. */
  async listen(client: Client, channel: string): Promise<void> {
    await client.connect();
    await client.query(`LISTEN ${channel}`);
  }
}
