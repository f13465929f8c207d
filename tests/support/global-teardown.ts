import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env.RIPPLE_TEST_SERVER_URL;
  const template = process.env.RIPPLE_TEST_TEMPLATE;
  if (serverUrl && template && !process.env.RIPPLE_TEST_TORN_DOWN) {
    process.env.RIPPLE_TEST_TORN_DOWN = '1';
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      // Drops the template, each worker's spare copy of it (test-database.ts) and any database a
      // crashed test file left behind.
      const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${template}%`]);
      // A worker's last drop may still be under way: a database gone meanwhile is no error.
      for (const { datname } of rows) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch((error: { code?: string }) => {
          if (error.code !== '3D000') throw error;
        });
      }
    } finally {
      await client.end();
    }
  }
  await globalThis.__rippleEmbedded?.stop();
  globalThis.__rippleEmbedded = undefined;
}
