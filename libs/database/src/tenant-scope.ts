import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource } from 'typeorm';
import { ORGANIZATION_SETTING, TENANT_ROLE } from '../../../migrations';

/**
 * Tenancy by construction. Every tenant table has row-level security (migrations/tenant-row-security.ts):
 * as the role `ripple_tenant`, a connection sees only the rows of the organisation in its
 * `ripple.organization_id` setting, and none without one. Each time a connection is taken from the
 * pool, the scope of the code that asked for it is applied first (one extra statement, one round trip,
 * before the caller's own; skipped when the connection already holds that very scope):
 *
 * - an organisation (a signed-in request, a token naming its organisation, a job for one organisation):
 *   `ripple_tenant` with that organisation; a query that forgets `organization_id = $1` still sees
 *   nothing of another organisation, and cannot write into one;
 * - system (`runAsSystem`): the connecting user itself, which bypasses row security. Only for work that
 *   spans organisations by nature: sign-in by email, first-run set-up, the demo seed, the CLI, the jobs
 *   without an organisation (the sweep, password-reset mail by address). `grep -rn runAsSystem` lists them;
 * - anything else, including no scope at all: `ripple_tenant` without an organisation, which sees nothing.
 *
 * The scope lives in AsyncLocalStorage, so it follows the request or job through every await.
 */
interface ScopeStore {
  organizationId: string | null;
  system: boolean;
}

const storage = new AsyncLocalStorage<ScopeStore>();

/** Outside any scope, queries run without an organisation (nothing visible), unless the tests chose otherwise. */
let unscopedAsSystem = false;

/** Runs `work` in the scope of one organisation. */
export function runInOrganization<T>(organizationId: string, work: () => Promise<T>): Promise<T> {
  return storage.run({ organizationId, system: false }, work);
}

/** Runs `work` across organisations (row security bypassed). Keep these few, and say why at each. */
export function runAsSystem<T>(work: () => Promise<T>): Promise<T> {
  return storage.run({ organizationId: null, system: true }, work);
}

/**
 * Opens a scope without an organisation for one request (bootstrap's hook): queries see nothing
 * until `enterOrganization` names one (the session guard, or a token naming its organisation).
 */
export function runUnscoped<T>(work: () => T): T {
  return storage.run({ organizationId: null, system: false }, work);
}

class TenantScopeError extends Error {}

/**
 * Puts the current request or job in `organizationId`'s scope, for the connections it takes from
 * now on. Once set, a scope never moves to another organisation (a request is about one).
 * Inside runAsSystem, or outside any scope, it changes nothing.
 */
export function enterOrganization(organizationId: string): void {
  const store = storage.getStore();
  // Outside any scope there is nothing to narrow: queries there see no organisation anyway.
  if (!store || store.system) return;
  if (store.organizationId !== null && store.organizationId !== organizationId) {
    throw new TenantScopeError('enterOrganization: this scope already belongs to another organisation');
  }
  store.organizationId = organizationId;
}

/** For the test harness only: code outside any scope (test factories planting rows) runs as system. */
export function runUnscopedQueriesAsSystem(): void {
  unscopedAsSystem = true;
}

type Scope = { system: true } | { system: false; organizationId: string | null };

function currentScope(): Scope {
  const store = storage.getStore();
  if (!store) return unscopedAsSystem ? { system: true } : { system: false, organizationId: null };
  return store.system ? { system: true } : { system: false, organizationId: store.organizationId };
}

const TENANT_STATEMENT = `SELECT set_config('role', '${TENANT_ROLE}', false), set_config('${ORGANIZATION_SETTING}', $1, false)`;
const SYSTEM_STATEMENT = `SELECT set_config('role', 'none', false), set_config('${ORGANIZATION_SETTING}', '', false)`;

interface ScopedClient {
  query(text: string, values: unknown[], callback: (error: Error | null) => void): void;
  on(event: 'error', listener: () => void): void;
  removeListener(event: 'error', listener: () => void): void;
}
type Release = (error?: Error | boolean) => void;
type ConnectCallback = (error: Error | undefined, client: ScopedClient | undefined, release: Release) => void;
interface Pool {
  connect(callback: ConnectCallback): void;
}

/**
 * Applies the scope to every connection the data source takes from its pool, before handing it
 * over. The scope is read when the connection is asked for (in the caller's context), not when the
 * pool hands it over (a pool hands connections over from whichever caller released one). Should the
 * statement fail, the connection is discarded and the caller gets the error: nothing runs with the
 * scope of the connection's previous user.
 */
export function applyTenantScope(dataSource: DataSource): void {
  const pool = (dataSource.driver as unknown as { master?: Pool }).master;
  if (!pool) throw new Error('applyTenantScope: the data source is not initialised');
  const connect = pool.connect.bind(pool);
  // The scope each pooled connection holds now. Session settings stay until changed (nothing else
  // in the product sets the role or the organisation), so a connection handed back to a caller of
  // the same scope (most of them: one organisation per request, a few organisations per instance)
  // needs no statement: a checkout costs a round trip only when the scope changes.
  const applied = new WeakMap<ScopedClient, string>();
  pool.connect = (callback: ConnectCallback): void => {
    const scope = currentScope();
    const key = scope.system ? 'system' : `organization:${scope.organizationId ?? ''}`;
    connect((error, client, release) => {
      if (error || !client) return callback(error, client, release);
      if (applied.get(client) === key) return callback(undefined, client, release);
      // Unknown until the statement has succeeded: a failure discards the connection anyway.
      applied.delete(client);
      const [text, values] = scope.system ? [SYSTEM_STATEMENT, []] : [TENANT_STATEMENT, [scope.organizationId ?? '']];
      // Until the caller has it (TypeORM listens from then on), a connection lost mid-statement must
      // not be an unhandled 'error' event: the statement's own error reports it.
      const ignore = (): void => undefined;
      client.on('error', ignore);
      // pg's own client (not TypeORM's query()): nothing is read but whether it failed.
      // eslint-disable-next-line no-restricted-syntax
      client.query(text, values, (failed) => {
        client.removeListener('error', ignore);
        if (!failed) {
          applied.set(client, key);
          return callback(undefined, client, release);
        }
        release(failed);
        callback(failed, undefined, () => undefined);
      });
    });
  };
}
