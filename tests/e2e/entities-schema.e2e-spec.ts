import { Column, DataSource, Entity, Index, PrimaryColumn } from 'typeorm';
import { dataSourceOptions } from '@lib/database';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The migrations own the schema (synchronize is never on); the entities describe it to TypeORM.
 * On the migrated database, TypeORM's schema builder is asked what it would change to match every
 * entity the application loads (autoLoadEntities, so exactly the entities the code uses): nothing,
 * or an entity says something of a column, key, index or check that the database does not hold.
 * TypeORM matches keys, indexes and checks by name (not their expressions): names follow the
 * migrations' `<table>_<columns>_<kind>`.
 */
describe('entities and migrations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const differences = async (db: DataSource): Promise<string[]> => (await db.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);

  it('the application loads the entities it reads and writes with', () => {
    const tables = t.db.entityMetadatas.map((m) => m.tableName).sort();
    expect(tables).toEqual(['email_change_tokens', 'invitations', 'organizations', 'password_reset_tokens', 'people', 'sessions']);
  });

  it('describe exactly the schema the migrations build: the schema builder would change nothing', async () => {
    // The statements themselves are the clearest list of the differences.
    expect(await differences(t.db)).toEqual([]);
  });

  it('an entity that drifts from its table is caught (the comparison works)', async () => {
    /** rate_limit_counters (a table no entity describes) as the migrations build it, but with `hits` nullable and an index renamed. */
    @Entity({ name: 'rate_limit_counters' })
    @Index('rate_limit_counters_scope_idx', ['scope', 'windowEndsAt'])
    class DriftedRateLimitCounter {
      @PrimaryColumn('text', { primaryKeyConstraintName: 'rate_limit_counters_scope_key_pk' }) scope: string;
      @PrimaryColumn('text', { primaryKeyConstraintName: 'rate_limit_counters_scope_key_pk' }) key: string;
      @Column('integer', { nullable: true }) hits: number | null;
      @Column('timestamptz') windowEndsAt: Date;
    }
    const drifted = new DataSource({ ...dataSourceOptions(t.database.url), entities: [DriftedRateLimitCounter] });
    await drifted.initialize();
    try {
      expect((await differences(drifted)).sort()).toEqual([
        'ALTER TABLE "rate_limit_counters" ALTER COLUMN "hits" DROP NOT NULL',
        'CREATE INDEX "rate_limit_counters_scope_idx" ON "rate_limit_counters"  ("scope", "window_ends_at") ',
        'DROP INDEX "public"."rate_limit_counters_scope_window_ends_at_idx"',
      ]);
    } finally {
      await drifted.destroy();
    }
  });
});
