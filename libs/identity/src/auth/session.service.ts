import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { Client, Notification } from 'pg';
import { APP_CONFIG, AppConfig, Actor } from '@lib/common';
import { enterOrganization } from '@lib/database';
import { SessionsRepository } from './sessions.repository';
import { newToken, presentedToken } from './tokens';

interface CheckedSession {
  actor: Actor;
  /** The session's own end (epoch ms): a remembered session never outlives it. */
  expiresAt: number;
}

/** What changed, as announced to every instance: an organisation, optionally one person or one session. */
interface SessionChange {
  o: string;
  p?: string;
  s?: string;
}

/** The PostgreSQL channel on which instances announce session changes to each other. */
export const SESSION_CHANGES_CHANNEL = 'ripple_session_changes';
/** Sessions one instance remembers at most (about 300 bytes each). */
const REMEMBERED_SESSIONS = 10_000;
const RELISTEN_AFTER_MS = 1_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Server-side sessions in PostgreSQL: the cookie holds a random token, the table its hash. Any
 * API instance can resolve any session, and logout deletes the row, so a stolen cookie dies too.
 *
 * Every signed-in request resolves its session, so an instance remembers a checked session for up
 * to `sessionCacheMs` (2 s by default): a page that fires ten API calls asks the database once.
 * Remembering is safe across instances because every change to what a session carries — logout,
 * a password set, a person's role — is announced on a PostgreSQL channel (NOTIFY) that every
 * instance listens to, and each forgets what the change touches. An instance remembers nothing
 * while it is not listening (at boot, or after losing its listening connection until it is back),
 * and `sessionCacheMs` bounds what a lost announcement could leave. Unknown tokens are never
 * remembered.
 */
@Injectable()
export class SessionService implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger(SessionService.name);
  /** Checked sessions by the base64 of their token's hash. */
  private readonly checked: LRUCache<string, CheckedSession> | null;
  /** Bumped by every forget: a lookup that began before it must not store what it read. */
  private generation = 0;
  private listener: Client | null = null;
  private relisten: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly sessions: SessionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.checked = config.sessionCacheMs > 0 ? new LRUCache({ max: REMEMBERED_SESSIONS, ttl: config.sessionCacheMs }) : null;
  }

  async onModuleInit(): Promise<void> {
    if (this.checked) await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.relisten) clearTimeout(this.relisten);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  /** Whether this instance hears every announced change, and so may answer from memory. */
  get remembering(): boolean {
    return this.checked !== null && this.listener !== null;
  }

  async create(organizationId: string, personId: string, meta: { ip?: string; userAgent?: string }): Promise<string> {
    // The person has just proved who they are (password, invitation, set-up): the request is theirs.
    enterOrganization(organizationId);
    const { token, hash } = newToken(organizationId);
    await this.sessions.insert({
      organizationId,
      personId,
      tokenHash: hash,
      ttlHours: this.config.sessionTtlHours,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return token;
  }

  async resolve(token: string): Promise<Actor | null> {
    const presented = presentedToken(token);
    if (!presented) return null;
    const key = presented.hash.toString('base64');
    const remembered = this.remembering ? this.checked!.get(key) : undefined;
    if (remembered && remembered.expiresAt > Date.now()) return remembered.actor;
    const generation = this.generation;
    const live = await this.sessions.findLive(presented);
    if (!live) return null;
    if (this.remembering && generation === this.generation) this.checked!.set(key, { actor: live.actor, expiresAt: live.expiresAt.getTime() });
    return live.actor;
  }

  async revoke(actor: Actor): Promise<void> {
    await this.sessions.delete(actor.organizationId, actor.sessionId);
    await this.changed({ o: actor.organizationId, s: actor.sessionId });
  }

  /** Ends every session of a person, e.g. after their password is (re)set. */
  async revokeAllFor(organizationId: string, personId: string): Promise<void> {
    await this.sessions.deleteAllFor(organizationId, personId);
    await this.changed({ o: organizationId, p: personId });
  }

  /**
   * After a committed change to what a person's sessions carry (their role, or their sessions
   * deleted in a transaction): every instance reads them afresh on their next request.
   */
  forgetPerson(organizationId: string, personId: string): Promise<void> {
    return this.changed({ o: organizationId, p: personId });
  }

  /** After a change to many people at once (a CSV import). */
  forgetOrganization(organizationId: string): Promise<void> {
    return this.changed({ o: organizationId });
  }

  /** Forgets here at once, then tells the other instances (also when this one remembers nothing). */
  private async changed(change: SessionChange): Promise<void> {
    this.forget(change);
    await this.sessions.announce(SESSION_CHANGES_CHANNEL, JSON.stringify(change));
  }

  private forget(change: SessionChange): void {
    this.generation++;
    if (!this.checked) return;
    const touched = (a: Actor): boolean =>
      a.organizationId === change.o && (change.p === undefined || a.personId === change.p) && (change.s === undefined || a.sessionId === change.s);
    const stale = [...this.checked.entries()].filter(([, session]) => touched(session.actor)).map(([key]) => key);
    for (const key of stale) this.checked.delete(key);
  }

  private forgetAll(): void {
    this.generation++;
    this.checked?.clear();
  }

  private heard(message: Notification): void {
    if (message.channel !== SESSION_CHANGES_CHANNEL) return;
    try {
      const change = JSON.parse(message.payload ?? '') as SessionChange;
      if (typeof change.o === 'string' && UUID.test(change.o)) {
        this.forget({ o: change.o, p: typeof change.p === 'string' ? change.p : undefined, s: typeof change.s === 'string' ? change.s : undefined });
        return;
      }
    } catch {
      // fall through: an announcement we cannot read forgets everything
    }
    this.forgetAll();
  }

  /** One dedicated connection LISTENs; if it drops, nothing is remembered until it is back. */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = this.sessions.listenerClient();
    let lost = false;
    const onLost = (error?: unknown): void => {
      if (lost) return;
      lost = true;
      if (this.listener === client) this.listener = null;
      this.forgetAll();
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.log.warn(
        `Stopped hearing session changes (${error instanceof Error ? error.message : 'connection ended'}); sessions are checked in the database on every request until it is back`,
      );
      this.relisten ??= setTimeout(() => {
        this.relisten = null;
        void this.listen();
      }, RELISTEN_AFTER_MS);
      this.relisten.unref();
    };
    client.on('notification', (message) => this.heard(message));
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await this.sessions.listen(client, SESSION_CHANGES_CHANNEL);
    } catch (error) {
      onLost(error);
      return;
    }
    if (this.stopped || lost) {
      await client.end().catch(() => undefined);
      return;
    }
    // Whatever was remembered before may have missed a change: start empty.
    this.forgetAll();
    this.listener = client;
  }
}
