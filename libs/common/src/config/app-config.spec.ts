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
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://db/ripple' }).passwordHashing).toBe('strong');
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
    ]);
    const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/ripple', SESSION_SECRET: 'x'.repeat(32) });
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
