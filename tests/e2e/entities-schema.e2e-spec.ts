import { startTestApp, TestApp } from '../support/test-app';

/**
 * The migrations own the schema (synchronize is never on); the entities describe it to TypeORM.
 * On the migrated database, TypeORM's schema builder is asked what it would change to match every
 * entity the application loads (autoLoadEntities, so exactly the entities the code uses): nothing,
 * or an entity says something of a column, key, index or check that the database does not hold.
 */
describe('entities and migrations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('the application loads the entities it reads and writes with', () => {
    const tables = t.db.entityMetadatas.map((m) => m.tableName).sort();
    expect(tables).toEqual([
      'email_change_tokens',
      'invitations',
      'login_attempts',
      'organizations',
      'password_reset_requests',
      'password_reset_tokens',
      'people',
      'sessions',
    ]);
  });

  it('describe exactly the schema the migrations build: the schema builder would change nothing', async () => {
    const { upQueries } = await t.db.driver.createSchemaBuilder().log();
    // The statements themselves are the clearest list of the differences.
    expect(upQueries.map((q) => q.query)).toEqual([]);
  });
});
