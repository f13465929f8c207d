import type { QueryRunner } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { ScopeSubjectForeignKeys1795400380000 } from '../../migrations/1795400380000-ScopeSubjectForeignKeys';
import { aPerson, aTeam } from '../support/factories';
import { aCycle, aFrameworkVersion, aSubject } from '../support/feedback-factories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * References between tenant tables carry organization_id, so the database itself refuses a row
 * of one organisation that points at another organisation's row, whatever the code forgets.
 */
describe('tenant foreign keys', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  /** Runs one statement under a savepoint: the name of the constraint that refused it, or null when it went in. */
  async function refusedBy(runner: QueryRunner, sql: string, params: unknown[]): Promise<string | null> {
    await runner.query('SAVEPOINT attempt');
    try {
      await runner.query(sql, params);
      return null;
    } catch (error) {
      const { code, constraint } = error as {
        code?: string;
        constraint?: string;
      };
      if (code !== '23503') throw error;
      return constraint ?? 'unnamed';
    } finally {
      await runner.query('ROLLBACK TO SAVEPOINT attempt');
    }
  }

  it("a feedback request or a report snapshot of one organisation cannot point at another organisation's subject", async () => {
    const a = await aTeam(t.db, 'Keys A');
    const b = await aTeam(t.db, 'Keys B');
    const version = await aFrameworkVersion(t.db, a.org.id);
    const cycle = await aCycle(t.db, a.org.id, version.id);
    await aSubject(t.db, cycle, a.member);
    const rater = await aPerson(t.db, b.org.id);

    // B's rows naming A's cycle and subject; every other reference in them is B's own.
    const request = [
      `INSERT INTO feedback_requests (organization_id, cycle_id, subject_id, rater_id, relationship, state) VALUES ($1, $2, $3, $4, 'peer', 'open')`,
      [b.org.id, cycle.id, a.member.id, rater.id],
    ] as const;
    const snapshot = [
      `INSERT INTO report_snapshots (organization_id, cycle_id, subject_id, format, report, anonymous_rater_ids) VALUES ($1, $2, $3, 1, '{}', '{}')`,
      [b.org.id, cycle.id, a.member.id],
    ] as const;
    // The same rows in A's own name are fine: the keys refuse the organisation, nothing else.
    const ownRequest = [request[0], [a.org.id, cycle.id, a.member.id, a.peer.id]] as const;
    const ownSnapshot = [snapshot[0], [a.org.id, cycle.id, a.member.id]] as const;

    const runner = t.db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const attempts = async () => ({
        request: await refusedBy(runner, request[0], [...request[1]]),
        snapshot: await refusedBy(runner, snapshot[0], [...snapshot[1]]),
        ownRequest: await refusedBy(runner, ownRequest[0], [...ownRequest[1]]),
        ownSnapshot: await refusedBy(runner, ownSnapshot[0], [...ownSnapshot[1]]),
      });
      expect(await attempts()).toEqual({
        request: 'feedback_requests_organization_id_cycle_id_subject_id_fk',
        snapshot: 'report_snapshots_organization_id_cycle_id_subject_id_fk',
        ownRequest: null,
        ownSnapshot: null,
      });

      // Without the migration the database let both in: down() restores exactly that, up() seals it again
      // (every later migration, which may build on these keys, is stepped back over first, newest first).
      const later = MIGRATIONS.slice(MIGRATIONS.indexOf(ScopeSubjectForeignKeys1795400380000) + 1).map((Migration) => new Migration());
      for (const step of [...later].reverse()) await step.down(runner);
      const migration = new ScopeSubjectForeignKeys1795400380000();
      await migration.down(runner);
      expect(await attempts()).toEqual({
        request: null,
        snapshot: null,
        ownRequest: null,
        ownSnapshot: null,
      });
      await migration.up(runner);
      for (const step of later) await step.up(runner);
      expect(await attempts()).toEqual({
        request: 'feedback_requests_organization_id_cycle_id_subject_id_fk',
        snapshot: 'report_snapshots_organization_id_cycle_id_subject_id_fk',
        ownRequest: null,
        ownSnapshot: null,
      });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
