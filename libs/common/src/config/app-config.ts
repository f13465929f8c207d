import { randomBytes } from 'node:crypto';

/** How hard password hashes are: `fast` exists for the test suite alone (NODE_ENV=test). */
export type PasswordHashing = 'strong' | 'fast';

/** Everything Ripple reads from the environment, typed and validated once at boot. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Unset: an embedded PostgreSQL is started under `dataDir`. */
  databaseUrl: string | undefined;
  /** Connections each instance's pool may open (`DATABASE_POOL_SIZE`). */
  databasePoolSize: number;
  /**
   * How long a request waits for a database connection (`DATABASE_CONNECT_TIMEOUT_MS`): a
   * database that stops answering fails requests with a 503 rather than holding them forever.
   */
  databaseConnectTimeoutMs: number;
  dataDir: string;
  embeddedPgPort: number;
  /**
   * True when `EMBEDDED_PG_PORT` is set: a taken port then stops the start with a message naming
   * it. Unset, the embedded PostgreSQL moves to a free port when 54329 is taken.
   */
  embeddedPgPortFixed: boolean;
  publicUrl: string;
  sessionSecret: string;
  sessionTtlHours: number;
  /**
   * How long one API instance may answer from its memory that a session is valid (0: ask the
   * database on every request). Logout and role changes are announced to every instance at once
   * (PostgreSQL NOTIFY); this bounds what a lost announcement could leave.
   */
  sessionCacheMs: number;
  cookieSecure: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  corsOrigins: string[];
  trustProxy: boolean;
  jobsEnabled: boolean;
  /**
   * How often each job worker asks the queue for work when it has none (`JOBS_POLLING_INTERVAL_MS`):
   * the longest a queued job waits for a worker that is idle. 2 s by default; 500 ms is pg-boss's
   * floor (the test suite uses it so as not to wait for its jobs).
   */
  jobsPollingIntervalMs: number;
  /**
   * The whole budget of a shutdown (SIGTERM/SIGINT), from the signal to the exit: in-flight
   * requests get most of it, the job queue and the database pool the rest (see shutdownPlan).
   */
  shutdownTimeoutMs: number;
  /** `strong` (argon2id at OWASP's baseline) everywhere but in tests, which may ask for `fast`. */
  passwordHashing: PasswordHashing;
  /**
   * The key that seals secrets stored in the database (an identity provider's client secret):
   * 32 bytes from `RIPPLE_SECRET_KEY` (64 hex characters or base64). Required in production;
   * unset elsewhere, a key file is created once in `dataDir` (libs/common secret-box).
   */
  secretKey: Buffer | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const ENVS = ['development', 'production', 'test'] as const;
const PASSWORD_HASHINGS = ['strong', 'fast'] as const;

/**
 * Reads and validates the environment. Collects every problem before failing, so an operator
 * fixes their configuration in one go instead of one variable per restart.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };
  const oneOf = <T extends string>(name: string, values: readonly T[], fallback: T): T => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if ((values as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${name} must be one of ${values.join(', ')} (got "${raw}")`);
    return fallback;
  };
  const url = (name: string, protocols: string[]): string | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) problems.push(`${name} must use ${protocols.join(' or ')} (got "${parsed.protocol}")`);
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return raw;
  };

  const nodeEnv = oneOf('NODE_ENV', ENVS, 'development');
  const port = int('PORT', 3000, 1, 65535);
  const sessionSecret = env.SESSION_SECRET ?? '';
  if (sessionSecret && sessionSecret.length < 32) problems.push('SESSION_SECRET must be at least 32 characters');
  if (!sessionSecret && nodeEnv === 'production') problems.push('SESSION_SECRET is required when NODE_ENV=production');
  // The embedded PostgreSQL is for trying Ripple out: production data lives on a server that is
  // backed up, shared by every instance.
  if (!env.DATABASE_URL && nodeEnv === 'production') problems.push('DATABASE_URL is required when NODE_ENV=production');
  const passwordHashing = oneOf('PASSWORD_HASHING', PASSWORD_HASHINGS, 'strong');
  // Weak hashes must never reach a real database: only the test suite may trade strength for speed.
  if (passwordHashing === 'fast' && nodeEnv !== 'test') problems.push(`PASSWORD_HASHING=fast is allowed only when NODE_ENV=test (got NODE_ENV=${nodeEnv})`);

  const secretKey = parseSecretKey(env.RIPPLE_SECRET_KEY, problems);
  if (!secretKey && nodeEnv === 'production') problems.push('RIPPLE_SECRET_KEY is required when NODE_ENV=production (32 random bytes: openssl rand -hex 32)');

  const config: AppConfig = {
    nodeEnv,
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    databasePoolSize: int('DATABASE_POOL_SIZE', 20, 1, 200),
    databaseConnectTimeoutMs: int('DATABASE_CONNECT_TIMEOUT_MS', 10_000, 100, 5 * 60_000),
    dataDir: env.DATA_DIR || '.data',
    embeddedPgPort: int('EMBEDDED_PG_PORT', 54329, 1024, 65535),
    embeddedPgPortFixed: Boolean(env.EMBEDDED_PG_PORT),
    publicUrl: url('PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`,
    // Development without a secret gets a random one: sessions then end on restart, which is
    // the honest outcome rather than a well-known default secret.
    sessionSecret: sessionSecret || randomBytes(32).toString('hex'),
    sessionTtlHours: int('SESSION_TTL_HOURS', 12, 1, 24 * 30),
    sessionCacheMs: int('SESSION_CACHE_MS', 2000, 0, 60_000),
    cookieSecure: bool('COOKIE_SECURE', nodeEnv === 'production'),
    smtpUrl: url('SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: env.MAIL_FROM || 'Ripple <ripple@localhost>',
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    trustProxy: bool('TRUST_PROXY', false),
    jobsEnabled: bool('JOBS_ENABLED', true),
    jobsPollingIntervalMs: int('JOBS_POLLING_INTERVAL_MS', 2_000, 500, 60_000),
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 10_000, 1_000, 120_000),
    passwordHashing,
    secretKey,
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** 32 bytes, as 64 hex characters or as base64 (what `openssl rand -hex 32` or `-base64 32` print). */
function parseSecretKey(raw: string | undefined, problems: string[]): Buffer | undefined {
  if (raw === undefined || raw === '') return undefined;
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : /^[A-Za-z0-9+/]{43}=?$/.test(raw) ? Buffer.from(raw, 'base64') : undefined;
  if (key?.length === 32) return key;
  problems.push('RIPPLE_SECRET_KEY must be 32 bytes as 64 hex characters or base64 (openssl rand -hex 32)');
  return undefined;
}
