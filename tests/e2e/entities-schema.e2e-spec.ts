import { Column, CreateDateColumn, DataSource, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
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
    expect(tables).toEqual(['email_change_tokens', 'invitations', 'login_attempts', 'organizations', 'password_reset_tokens', 'people', 'sessions']);
  });

  it('describe exactly the schema the migrations build: the schema builder would change nothing', async () => {
    // The statements themselves are the clearest list of the differences.
    expect(await differences(t.db)).toEqual([]);
  });

  it('an entity that drifts from its table is caught (the comparison works)', async () => {
    /** login_attempts as the migrations build it, but with `ip` nullable and an index renamed. */
    @Entity({ name: 'login_attempts' })
    @Index('login_attempts_email_created_at_idx', ['email', 'createdAt'])
    @Index('login_attempts_ip_idx', ['ip', 'createdAt'])
    class DriftedLoginAttempt {
      @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'login_attempts_id_pk' }) id: string;
      @Column('uuid', { nullable: true }) organizationId: string | null;
      @Column('text') email: string;
      @Column('text', { nullable: true }) ip: string | null;
      @Column('boolean') succeeded: boolean;
      @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
    }
    const drifted = new DataSource({ ...dataSourceOptions(t.database.url), entities: [DriftedLoginAttempt] });
    await drifted.initialize();
    try {
      expect((await differences(drifted)).sort()).toEqual([
        'ALTER TABLE "login_attempts" ALTER COLUMN "ip" DROP NOT NULL',
        'CREATE INDEX "login_attempts_ip_idx" ON "login_attempts"  ("ip", "created_at") ',
        'DROP INDEX "public"."login_attempts_ip_created_at_idx"',
      ]);
    } finally {
      await drifted.destroy();
    }
  });
});
