import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { LegacyFakeTimers, ModernFakeTimers } from '@jest/fake-timers';
import { ModuleMocker } from 'jest-mock';
import { TestEnvironment } from 'jest-environment-node';
import { appendFileSync } from 'node:fs';
import type { Context } from 'node:vm';

/**
 * One global scope (vm context) per Jest worker, shared by every test file the worker runs, so
 * that installed packages loaded by one file are reused by the next (tests/support/shared-modules-
 * runtime.js keeps them): the app's dependency graph (Nest, TypeORM, Fastify, pdfkit, …) costs
 * about 2 CPU seconds to load, once per worker instead of once per file. Each file still gets its
 * own `process` (so its own process.env), console, timers, mocks and module registry for the
 * project's own code; what a file sets on the global scope stays there for the next one.
 *
 * TEST_SHARED_SCOPE=0 gives every file its own scope again (and so its own packages).
 * TEST_CPU_LOG=<file> appends one JSON line per test file: its path, and the worker's CPU and wall
 * milliseconds from this environment's creation to its teardown (loading, app, tests; not
 * PostgreSQL's or Chromium's own processes), to compare runs on a busy machine.
 */
interface Shared {
  context: Context;
  global: InstanceType<typeof TestEnvironment>['global'];
}
const SHARED = Symbol.for('ripple.test.sharedContext');
const WORKER_SCOPE = Symbol.for('ripple.test.workerScope');
const PER_FILE_GLOBALS = ['typeormMetadataArgsStorage', 'classValidatorMetadataStorage'];
const worker = globalThis as unknown as Record<symbol, Shared | undefined>;

export default class SharedContextEnvironment extends TestEnvironment {
  private readonly started = { cpu: process.cpuUsage(), wall: performance.now() };
  private readonly testPath: string;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    this.testPath = context.testPath;
    if (process.env.TEST_SHARED_SCOPE === '0') return;
    const shared = worker[SHARED];
    if (!shared) {
      worker[SHARED] = { context: this.context as Context, global: this.global };
      // Tells the test code that its global scope lasts for the worker (test-database.ts keeps a
      // database ready there for the next file).
      (this.global as unknown as Record<symbol, boolean>)[WORKER_SCOPE] = true;
      return;
    }
    // The fresh scope Node's environment just made serves only to hand this file a fresh process.
    shared.global.process = this.global.process;
    // Decorator metadata that packages keep on the global scope starts empty for each file, as the
    // file's own classes (entities, DTOs) are loaded afresh.
    for (const key of PER_FILE_GLOBALS) delete (shared.global as unknown as Record<string, unknown>)[key];
    this.context = shared.context;
    this.global = shared.global;
    const global = shared.global as unknown as typeof globalThis;
    this.moduleMocker = new ModuleMocker(global);
    this.fakeTimers = new LegacyFakeTimers({
      config: config.projectConfig,
      global,
      moduleMocker: this.moduleMocker,
      timerConfig: {
        idToRef: (id: number) => ({
          id,
          ref() {
            return this;
          },
          unref() {
            return this;
          },
        }),
        refToId: (timer: { id?: number }) => timer?.id,
      },
    });
    this.fakeTimersModern = new ModernFakeTimers({ config: config.projectConfig, global });
  }

  /** Timers are restored, the shared scope is kept for the worker's next file. */
  async teardown(): Promise<void> {
    this.fakeTimers?.dispose();
    this.fakeTimersModern?.dispose();
    this.fakeTimers = null;
    this.fakeTimersModern = null;
    if (process.env.TEST_SHARED_SCOPE === '0') await super.teardown();
    const log = process.env.TEST_CPU_LOG;
    if (log) {
      const cpu = process.cpuUsage(this.started.cpu);
      const line = {
        file: this.testPath,
        cpuMs: Math.round((cpu.user + cpu.system) / 1000),
        wallMs: Math.round(performance.now() - this.started.wall),
        shared: process.env.TEST_SHARED_SCOPE !== '0',
      };
      appendFileSync(log, `${JSON.stringify(line)}\n`);
    }
  }
}
