import { applyTenantScope, runAsSystem, runInOrganization } from '@lib/database';
import { aPerson, aTeam } from '../support/factories';
import { aCycle, aRequest, aSubject, completeAnswers } from '../support/feedback-factories';
import type { HttpClient } from '../support/http-client';
import { aReportCycle, aReportSubject, reportUrl, snapshotReports, theDefaultFramework, uniformResponses } from '../support/report-factories';
import { startTestApp, TestApp } from '../support/test-app';
import { Measurement, percentile, writeResults } from './support/results';

const BLOCKS = 3;
const PER_BLOCK = Number(process.env.PERF_SCOPE_REQUESTS ?? 60);

/**
 * The cost of tenant row security (libs/database/src/tenant-scope.ts): each connection taken from
 * the pool first runs one statement that sets its role and organisation. A report read and a
 * submit, one at a time, with the scope applied and without it (the pool as before: the connecting
 * user, no row security), in alternating blocks on the same data, so that the machine's other load
 * falls on both alike.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest --selectProjects perf --testPathPatterns tenant-scope -w 1
 */
describe('tenant scope: cost per request', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('measures a report read and a submit with and without the scope', async () => {
    t = await startTestApp();
    const team = await aTeam(t.db, 'Perf');
    const version = await theDefaultFramework(t, team.org.id);
    const released = await aReportCycle(t.db, team.org.id, version.id, { state: 'released' });
    await aReportSubject(t.db, released, team.member.id, { managerId: team.manager.id });
    const raters = [team.manager, team.colleague, team.peer, team.admin];
    for (let i = 0; i < 4; i++) raters.push(await aPerson(t.db, team.org.id));
    await uniformResponses(
      t.db,
      released,
      version,
      team.member.id,
      raters.map((r, i) => ({ id: r.id, relationship: i === 0 ? 'manager' : 'peer' })),
      4,
    );
    await snapshotReports(t, team.org.id, released.id);

    const collecting = await aCycle(t.db, team.org.id, version.id, { state: 'collecting' });
    const total = BLOCKS * 2 * (PER_BLOCK + 5);
    const requestIds: string[] = [];
    for (let i = 0; i < total; i++) {
      const subject = await aPerson(t.db, team.org.id);
      await aSubject(t.db, collecting, subject);
      requestIds.push(await aRequest(t.db, collecting, { subjectId: subject.id, raterId: team.peer.id }));
    }
    const hr = t.client();
    await hr.signInAs(team.admin);
    const rater = t.client();
    await rater.signInAs(team.peer);
    const body = completeAnswers(version);

    const pool = (t.db.driver as unknown as { master: { connect: unknown } }).master;
    const checkouts = { n: 0 };
    const count = jest.spyOn(t.db, 'createQueryRunner');
    const scope = async (on: boolean): Promise<void> => {
      delete (pool as { connect?: unknown }).connect; // the pool's own connect again (the scope's is an own property)
      // Every pooled connection back to the connecting user, as before row security.
      await Promise.all(Array.from({ length: 10 }, () => runAsSystem(() => t.db.query('SELECT pg_sleep(0.02)'))));
      if (on) applyTenantScope(t.db);
    };
    const time = async (call: () => Promise<{ status: number }>, expected: number): Promise<number> => {
      const start = performance.now();
      const response = await call();
      const ms = performance.now() - start;
      if (response.status !== expected) throw new Error(`expected ${expected}, got ${response.status}`);
      return ms;
    };
    const read = (client: HttpClient) => () => client.get(reportUrl(released.id, team.member.id));
    const results = {
      on: { read: [] as number[], submit: [] as number[], checkout: [] as number[] },
      off: { read: [] as number[], submit: [] as number[], checkout: [] as number[] },
    };
    const checkoutsPer = { read: 0, submit: 0 };
    let next = 0;
    for (let block = 0; block < BLOCKS * 2; block++) {
      const on = block % 2 === 1;
      await scope(on);
      for (let i = 0; i < 5; i++) {
        await time(read(hr), 200); // warm-up, unmeasured
        await time(() => rater.post(`/api/feedback-requests/${requestIds[next++]}/submit`, body), 200);
      }
      // The statement alone: a checkout and `SELECT 1`, in the organisation's scope.
      for (let i = 0; i < PER_BLOCK * 5; i++) {
        const start = performance.now();
        await runInOrganization(team.org.id, () => t.db.query('SELECT 1'));
        results[on ? 'on' : 'off'].checkout.push(performance.now() - start);
      }
      for (let i = 0; i < PER_BLOCK; i++) {
        count.mockClear();
        results[on ? 'on' : 'off'].read.push(await time(read(hr), 200));
        checkoutsPer.read = count.mock.calls.length;
        count.mockClear();
        results[on ? 'on' : 'off'].submit.push(await time(() => rater.post(`/api/feedback-requests/${requestIds[next++]}/submit`, body), 200));
        checkoutsPer.submit = count.mock.calls.length;
      }
    }
    checkouts.n = checkoutsPer.read + checkoutsPer.submit;
    count.mockRestore();
    await scope(true);

    const row = (what: string, off: number[], on: number[], per: number): Measurement => ({
      what,
      value: `median ${percentile(off, 50).toFixed(2)} → ${percentile(on, 50).toFixed(2)} ms; p95 ${percentile(off, 95).toFixed(2)} → ${percentile(on, 95).toFixed(2)} ms`,
      note: `${per} connection checkout(s) per request; each runs the scope statement only when the connection held another scope`,
    });
    writeResults(
      'tenant-scope',
      'Tenant row security: cost per request',
      [
        row(`report read (GET, HR), ${PER_BLOCK * BLOCKS} each way`, results.off.read, results.on.read, checkoutsPer.read),
        row(`submit (POST, rater), ${PER_BLOCK * BLOCKS} each way`, results.off.submit, results.on.submit, checkoutsPer.submit),
        row(`one checkout and SELECT 1, ${PER_BLOCK * BLOCKS * 5} each way`, results.off.checkout, results.on.checkout, 1),
      ],
      [
        'Without → with the scope: "without" is the pool as before row security (every statement as the connecting user, no policy).',
        'One request at a time through app.inject, in-process, local PostgreSQL; blocks alternate so that other load on the machine falls on both.',
      ],
    );
    expect(checkouts.n).toBeGreaterThan(0);
  });
});
