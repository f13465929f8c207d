import { dataSourceOptions } from './data-source-options';

describe('dataSourceOptions', () => {
  it('sizes the pool and bounds the wait for a connection from the configuration, not the environment', () => {
    const saved = { size: process.env.DATABASE_POOL_SIZE, timeout: process.env.DATABASE_CONNECT_TIMEOUT_MS };
    process.env.DATABASE_POOL_SIZE = '99';
    process.env.DATABASE_CONNECT_TIMEOUT_MS = '99';
    try {
      const options = dataSourceOptions('postgres://db/ripple', { size: 7, connectTimeoutMs: 2_500 });
      expect(options.extra).toEqual({ application_name: 'ripple', max: 7, connectionTimeoutMillis: 2_500 });
    } finally {
      for (const [name, value] of [
        ['DATABASE_POOL_SIZE', saved.size],
        ['DATABASE_CONNECT_TIMEOUT_MS', saved.timeout],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it("leaves node-postgres's defaults when no pool is given (the TypeORM command line)", () => {
    expect(dataSourceOptions('postgres://db/ripple').extra).toEqual({ application_name: 'ripple' });
  });
});
