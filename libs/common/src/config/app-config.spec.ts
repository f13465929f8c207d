import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.sessionSecret).toHaveLength(64);
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', NODE_ENV: 'production' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/DATABASE_URL/);
    expect(problems).toMatch(/LOG_LEVEL/);
    expect(problems).toMatch(/SESSION_SECRET is required/);
  });

  it('hashes passwords at full strength unless a test asks otherwise', () => {
    expect(loadConfig({}).passwordHashing).toBe('strong');
    expect(
      loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://db/ripple', RIPPLE_SECRET_KEY: 'ab'.repeat(32) })
        .passwordHashing,
    ).toBe('strong');
    expect(loadConfig({ NODE_ENV: 'test', PASSWORD_HASHING: 'fast' }).passwordHashing).toBe('fast');
  });

  it.each(['production', 'development'])('refuses fast password hashing when NODE_ENV=%s', (nodeEnv) => {
    expect(() => loadConfig({ NODE_ENV: nodeEnv, SESSION_SECRET: 'x'.repeat(32), PASSWORD_HASHING: 'fast' })).toThrow(
      /PASSWORD_HASHING=fast is allowed only when NODE_ENV=test/,
    );
    expect(() => loadConfig({ NODE_ENV: nodeEnv, SESSION_SECRET: 'x'.repeat(32), PASSWORD_HASHING: 'weak' })).toThrow(/PASSWORD_HASHING must be one of/);
  });

  it('requires a database server and a session secret in production', () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (e) {
      error = e;
    }
    expect((error as ConfigError).problems).toEqual([
      'SESSION_SECRET is required when NODE_ENV=production',
      'DATABASE_URL is required when NODE_ENV=production',
      'RIPPLE_SECRET_KEY is required when NODE_ENV=production (32 random bytes: openssl rand -hex 32)',
    ]);
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/ripple',
      SESSION_SECRET: 'x'.repeat(32),
      RIPPLE_SECRET_KEY: 'ab'.repeat(32),
    });
    expect(config.databaseUrl).toBe('postgres://db/ripple');
    expect(config.cookieSecure).toBe(true);
  });
});

describe('SHUTDOWN_TIMEOUT_MS', () => {
  it('defaults to 10 s and accepts 1 s to 2 min', () => {
    expect(loadConfig({}).shutdownTimeoutMs).toBe(10_000);
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '3000' }).shutdownTimeoutMs).toBe(3_000);
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_MS: '500' })).toThrow(/SHUTDOWN_TIMEOUT_MS must be an integer from 1000 to 120000/);
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_MS: 'soon' })).toThrow(/SHUTDOWN_TIMEOUT_MS/);
  });
});

describe('JOBS_POLLING_INTERVAL_MS', () => {
  it("defaults to 2 s and accepts pg-boss's floor of 500 ms to 1 min", () => {
    expect(loadConfig({}).jobsPollingIntervalMs).toBe(2_000);
    expect(loadConfig({ JOBS_POLLING_INTERVAL_MS: '500' }).jobsPollingIntervalMs).toBe(500);
    expect(loadConfig({ JOBS_POLLING_INTERVAL_MS: '60000' }).jobsPollingIntervalMs).toBe(60_000);
    expect(() => loadConfig({ JOBS_POLLING_INTERVAL_MS: '100' })).toThrow(/JOBS_POLLING_INTERVAL_MS must be an integer from 500 to 60000/);
    expect(() => loadConfig({ JOBS_POLLING_INTERVAL_MS: 'often' })).toThrow(/JOBS_POLLING_INTERVAL_MS/);
  });
});

describe('the embedded PostgreSQL port', () => {
  it('may move when it is the default, and is fixed when EMBEDDED_PG_PORT sets it', () => {
    expect(loadConfig({})).toMatchObject({ embeddedPgPort: 54329, embeddedPgPortFixed: false });
    expect(loadConfig({ EMBEDDED_PG_PORT: '54400' })).toMatchObject({ embeddedPgPort: 54400, embeddedPgPortFixed: true });
  });
});

describe('the database pool', () => {
  it('defaults to 20 connections and a 10 s connect timeout', () => {
    const config = loadConfig({});
    expect({ size: config.databasePoolSize, timeout: config.databaseConnectTimeoutMs }).toEqual({ size: 20, timeout: 10_000 });
  });

  it('accepts a pool of 1 to 200 and a connect timeout of 100 ms to 5 min', () => {
    expect(loadConfig({ DATABASE_POOL_SIZE: '1' }).databasePoolSize).toBe(1);
    expect(loadConfig({ DATABASE_POOL_SIZE: '200' }).databasePoolSize).toBe(200);
    expect(loadConfig({ DATABASE_CONNECT_TIMEOUT_MS: '100' }).databaseConnectTimeoutMs).toBe(100);
    expect(loadConfig({ DATABASE_CONNECT_TIMEOUT_MS: '300000' }).databaseConnectTimeoutMs).toBe(300_000);
  });

  it.each([
    ['DATABASE_POOL_SIZE', '0', 'DATABASE_POOL_SIZE must be an integer from 1 to 200 (got "0")'],
    ['DATABASE_POOL_SIZE', '201', 'DATABASE_POOL_SIZE must be an integer from 1 to 200 (got "201")'],
    ['DATABASE_POOL_SIZE', 'twenty', 'DATABASE_POOL_SIZE must be an integer from 1 to 200 (got "twenty")'],
    ['DATABASE_POOL_SIZE', '2.5', 'DATABASE_POOL_SIZE must be an integer from 1 to 200 (got "2.5")'],
    ['DATABASE_CONNECT_TIMEOUT_MS', '99', 'DATABASE_CONNECT_TIMEOUT_MS must be an integer from 100 to 300000 (got "99")'],
    ['DATABASE_CONNECT_TIMEOUT_MS', '300001', 'DATABASE_CONNECT_TIMEOUT_MS must be an integer from 100 to 300000 (got "300001")'],
    ['DATABASE_CONNECT_TIMEOUT_MS', '10s', 'DATABASE_CONNECT_TIMEOUT_MS must be an integer from 100 to 300000 (got "10s")'],
  ])('refuses %s=%s at start-up, naming the variable', (name, value, problem) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([problem]);
    expect((error as ConfigError).message).toContain(problem);
  });
});

describe('RIPPLE_SECRET_KEY', () => {
  it('takes 32 bytes as hex or base64, and is optional outside production', () => {
    expect(loadConfig({}).secretKey).toBeUndefined();
    expect(loadConfig({ RIPPLE_SECRET_KEY: '0f'.repeat(32) }).secretKey).toEqual(Buffer.alloc(32, 0x0f));
    expect(loadConfig({ RIPPLE_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') }).secretKey).toEqual(Buffer.alloc(32, 7));
  });

  it.each(['short', 'ab'.repeat(31), Buffer.alloc(16).toString('base64')])('refuses %s at start-up', (raw) => {
    expect(() => loadConfig({ RIPPLE_SECRET_KEY: raw })).toThrow(/RIPPLE_SECRET_KEY must be 32 bytes/);
  });
});
