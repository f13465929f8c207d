import type { QueryRunner } from 'typeorm';
import { BackfillStandardFrameworkGerman1795401745000 } from '../../migrations/1795401745000-BackfillStandardFrameworkGerman';
import { anOrganization, aPerson } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Organisations whose copy of the standard framework predates its German: the backfill gives it the
 * standard German wherever the English is still the standard's, and leaves edited text and German
 * already written alone. Run inside a transaction that is rolled back.
 */
describe('migration 1795401745000: the standard German for older copies of the standard framework', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** Every translation of an organisation's behaviours and questions, by framework, version and key. */
  const translations = async (q: QueryRunner, organizationId: string) =>
    (await q.query(
      `SELECT v.framework_id || '/' || v.version || '/' || x.key AS at, x.translations
         FROM (SELECT organization_id, framework_version_id, key, translations FROM behaviours
               UNION ALL SELECT organization_id, framework_version_id, key, translations FROM questions) x
         JOIN framework_versions v ON v.organization_id = x.organization_id AND v.id = x.framework_version_id
        WHERE x.organization_id = $1 ORDER BY at`,
      [organizationId],
    )) as { at: string; translations: Record<string, unknown> }[];

  it('fills the standard German where the English is the standard’s, and touches nothing else', async () => {
    const org = await anOrganization(t.db);
    const hr = t.client();
    await hr.signInAs(await aPerson(t.db, org.id, { role: 'admin' }));
    const defaultId = (await hr.get('/api/frameworks')).body.items[0].id;
    const copy = await hr.post('/api/frameworks', { copyFrom: defaultId, name: 'Our copy' });
    expect(copy.status).toBe(201);
    const other = await anOrganization(t.db);
    const otherHr = t.client();
    await otherHr.signInAs(await aPerson(t.db, other.id, { role: 'admin' }));
    await otherHr.get('/api/frameworks');

    const runner = t.db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      // As the standard framework is seeded today: German everywhere.
      const seeded = await translations(runner, org.id);
      expect(seeded.length).toBe(2 * (12 + 29 + 3));
      expect(seeded.every((row) => 'de' in row.translations)).toBe(true);

      // As older organisations have it: no German at all; HR edited one statement's English, one
      // behaviour's description and wrote their own German for one statement.
      await runner.query(`UPDATE behaviours SET translations = '{}' WHERE organization_id = $1`, [org.id]);
      await runner.query(`UPDATE questions SET translations = '{}' WHERE organization_id = $1`, [org.id]);
      await runner.query(`UPDATE questions SET text = 'Lets others finish, always.' WHERE organization_id = $1 AND key = 'listening.1'`, [org.id]);
      await runner.query(`UPDATE behaviours SET description = 'Our own words.' WHERE organization_id = $1 AND key = 'empathy'`, [org.id]);
      await runner.query(`UPDATE questions SET translations = '{"de": {"text": "Unser eigener Text."}}' WHERE organization_id = $1 AND key = 'trust.1'`, [
        org.id,
      ]);
      const otherBefore = await translations(runner, other.id);

      await new BackfillStandardFrameworkGerman1795401745000().up(runner);
      const after = await translations(runner, org.id);
      const edited = (at: string) => /\/(listening\.1|empathy|trust\.1)$/.test(at);
      // Everything else has exactly the German the standard framework is seeded with today.
      expect(after.filter((row) => !edited(row.at))).toEqual(seeded.filter((row) => !edited(row.at)));
      const byKey = (key: string, rows = after) => rows.filter((row) => row.at.endsWith(`/${key}`)).map((row) => row.translations);
      expect(byKey('listening.1')).toEqual([{}, {}]);
      expect(byKey('empathy')).toEqual([{}, {}]);
      expect(byKey('trust.1')).toEqual([{ de: { text: 'Unser eigener Text.' } }, { de: { text: 'Unser eigener Text.' } }]);
      // Another organisation's frameworks, German already there, stay as they were.
      expect(await translations(runner, other.id)).toEqual(otherBefore);

      // down() takes off the standard German again (HR's own stays); up() puts it back.
      await new BackfillStandardFrameworkGerman1795401745000().down(runner);
      const down = await translations(runner, org.id);
      expect(down.filter((row) => !/\/trust\.1$/.test(row.at)).every((row) => !('de' in row.translations))).toBe(true);
      expect(byKey('trust.1', down)).toEqual([{ de: { text: 'Unser eigener Text.' } }, { de: { text: 'Unser eigener Text.' } }]);
      await new BackfillStandardFrameworkGerman1795401745000().up(runner);
      expect(await translations(runner, org.id)).toEqual(after);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
