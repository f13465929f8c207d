import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PgBoss } from 'pg-boss';
import type { Job, SendOptions } from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, shutdownPlan } from '@lib/common';
import { transactionDb } from './transaction-db';
import { runAsSystem, runInOrganization } from '@lib/database';
import { JOBS_ACROSS_ORGANIZATIONS } from './job-names';

export type JobHandler<T> = (data: T, job: { id: string | null; retryCount: number }) => Promise<void>;

export interface JobSendOptions {
  /** Run no earlier than this. */
  startAfter?: Date;
  /** With `singletonSeconds`: at most one job with this key per time slot. */
  singletonKey?: string;
  singletonSeconds?: number;
  /**
   * Queue the job inside this transaction: it exists if, and only if, the transaction commits. A
   * state change and the job that must follow it then cannot part (a closed cycle without its
   * report job, reminders marked as sent that never went out).
   */
  tx?: EntityManager;
}

export interface HeldJob {
  name: string;
  data: object;
  /** Present when the job was sent to run no earlier than this (tests assert a delayed job's time). */
  startAfter?: Date;
}

/** pg-boss keeps its tables in a schema of its own, beside Ripple's. */
export const JOBS_SCHEMA = 'pgboss';

/**
 * Failed jobs are retried with exponential backoff (30 s, 1 min, 2 min, … capped at one hour);
 * handlers are idempotent (mail is deduped by key), so a retry after a partial run is harmless.
 */
const QUEUE_OPTIONS = { retryLimit: 6, retryDelay: 30, retryBackoff: true, retryDelayMax: 3600, expireInSeconds: 900 } as const;
const HELD_LIMIT = 1000;
/** admin_shutdown, crash_shutdown, cannot_connect_now: PostgreSQL is stopping (e.g. Ctrl-C on `npm start`). */
const DATABASE_SHUTTING_DOWN = new Set(['57P01', '57P02', '57P03']);

/**
 * Background jobs in PostgreSQL (pg-boss): durable, retried, shared by every API instance.
 *
 * Libraries register handlers with `work()` (and recurring jobs with `schedule()`) in their
 * `onModuleInit`; the queue starts on application bootstrap when JOBS_ENABLED (the default).
 * With JOBS_ENABLED=false (tests) nothing touches pg-boss: sent jobs are held in memory, and
 * `runNow()` / `runHeld()` call the real handlers directly, so tests exercise them without a queue.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  /** Each handler takes its own job's data: the name, not the map's type, says which. */
  private readonly handlers = new Map<string, JobHandler<object>>();
  private readonly schedules = new Map<string, string>();
  private held: HeldJob[] = [];
  private boss: PgBoss | undefined;
  /** Set once the application shuts down: a job sent after that could not be queued. */
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  get started(): boolean {
    return this.boss !== undefined;
  }

  /** Registers the handler of a job. Call from onModuleInit, before the queue starts. */
  work<T extends object>(name: string, handler: JobHandler<T>): void {
    if (this.handlers.has(name)) throw new Error(`A handler for the job "${name}" is already registered`);
    if (this.boss) throw new Error(`Register the job "${name}" in onModuleInit: the queue has already started`);
    this.handlers.set(name, inJobScope(name, handler as JobHandler<object>));
  }

  /** Runs the job `name` (which needs a handler) on a cron expression, in UTC, on one instance at a time. */
  schedule(name: string, cron: string): void {
    this.schedules.set(name, cron);
  }

  async send<T extends object>(name: string, data: T, options: JobSendOptions = {}): Promise<string | null> {
    const { tx, ...sendOptions } = options;
    if (!this.boss && this.stopped && this.config.jobsEnabled) {
      // A request cut off by the shutdown deadline may still be running: failing here rolls its
      // transaction back, instead of committing a state change whose job was never queued.
      throw new Error(`The job queue has stopped (shutting down): the job "${name}" cannot be queued`);
    }
    if (!this.boss) {
      if (this.config.nodeEnv !== 'test') this.logger.warn(`Jobs are disabled (JOBS_ENABLED=false): the job "${name}" is not queued`);
      this.held.push({ name, data, ...(sendOptions.startAfter ? { startAfter: sendOptions.startAfter } : {}) });
      if (this.held.length > HELD_LIMIT) this.held = this.held.slice(-HELD_LIMIT);
      return null;
    }
    return this.boss.send(name, data, { ...sendOptions, ...(tx ? { db: transactionDb(tx) } : {}) } as SendOptions);
  }

  /** Calls the registered handler directly, in this process: for tests and maintenance scripts. */
  async runNow<T extends object>(name: string, data: T): Promise<void> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`No handler is registered for the job "${name}"`);
    await handler(data, { id: null, retryCount: 0 });
  }

  /** The jobs sent while the queue is off, oldest first (tests assert what would have been queued). */
  heldJobs(name?: string): HeldJob[] {
    return this.held.filter((job) => !name || job.name === name);
  }

  /** Runs, then forgets, the held jobs (of one name, or all), in the order they were sent. */
  async runHeld(name?: string): Promise<number> {
    const toRun = this.heldJobs(name);
    for (const job of toRun) {
      this.held = this.held.filter((held) => held !== job);
      await this.runNow(job.name, job.data);
    }
    return toRun.length;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    const url = (this.db.options as { url?: string }).url;
    if (!url) throw new Error('The jobs need the database URL of the TypeORM data source');
    const boss = new PgBoss({ connectionString: url, schema: JOBS_SCHEMA, application_name: 'ripple-jobs', max: 4 });
    boss.on('error', (error: unknown) => {
      // Only what helps: pg errors carry their whole client (connection settings included).
      const { message, code, stack } = (error ?? {}) as { message?: string; code?: string; stack?: string };
      if (code !== undefined && DATABASE_SHUTTING_DOWN.has(code)) this.logger.warn(`job queue: the database is shutting down (${message})`);
      else this.logger.error({ err: { message, code, stack } }, 'job queue error');
    });
    await boss.start();
    for (const [name, handler] of this.handlers) {
      await boss.createQueue(name, QUEUE_OPTIONS);
      await boss.work<object>(name, { pollingIntervalSeconds: this.config.jobsPollingIntervalMs / 1000 }, async (jobs: Job<object>[]) => {
        for (const job of jobs) await handler(job.data, { id: job.id, retryCount: job.retryCount });
      });
    }
    for (const [name, cron] of this.schedules) {
      if (!this.handlers.has(name)) throw new Error(`The scheduled job "${name}" has no handler`);
      await boss.schedule(name, cron, null, { tz: 'UTC' });
    }
    this.boss = boss;
    this.logger.log(`Job queue started: ${[...this.handlers.keys()].join(', ') || 'no handlers'}`);
  }

  /**
   * Before the database pool closes: stop polling and give running handlers the cleanup part of
   * the shutdown budget (SHUTDOWN_TIMEOUT_MS). A handler still running then is cut off; handlers
   * are idempotent and the job is retried once its lease expires.
   */
  async beforeApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    this.stopped = true;
    await boss?.stop({ graceful: true, timeout: shutdownPlan(this.config.shutdownTimeoutMs).cleanupMs, close: true });
  }
}

/**
 * A job runs in the scope of the organisation its data names (row-level security then keeps it
 * there), or in system scope when it is one of JOBS_ACROSS_ORGANIZATIONS. A job for an organisation
 * whose data names none fails rather than run unscoped.
 */
function inJobScope(name: string, handler: JobHandler<object>): JobHandler<object> {
  if (JOBS_ACROSS_ORGANIZATIONS.has(name)) return (data, job) => runAsSystem(() => handler(data, job));
  return (data, job) => {
    const organizationId = (data as { organizationId?: unknown }).organizationId;
    if (typeof organizationId !== 'string') return Promise.reject(new Error(`The job "${name}" names no organisation (organizationId)`));
    return runInOrganization(organizationId, () => handler(data, job));
  };
}
