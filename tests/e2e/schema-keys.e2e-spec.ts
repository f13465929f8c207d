import { DataSource, type QueryRunner } from 'typeorm';
import { LeadKeysWithOrganization1795400450000 } from '../../migrations/1795400450000-LeadKeysWithOrganization';
import { disableTenantRowSecurity, enableTenantRowSecurity } from '../../migrations/tenant-row-security';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The schema can be spread over a distributed PostgreSQL by organisation (README, "Scale"). Citus's
 * rule for a distributed table: every primary key, unique key (constraint or unique index) and
 * foreign key includes the distribution column; here every one of them *leads* with
 * organization_id, and a foreign key between tenant tables matches organization_id with
 * organization_id (so both rows live on the same shard). Every table is classified; a new table
 * fails this test until it is put in one list, and a tenant table until its keys follow the rule.
 * Why each table is where it is: migrations/1795400450000-LeadKeysWithOrganization.ts.
 */
const TENANT = [
  'answers',
  'audit_events',
  'behaviours',
  'cycle_subjects',
  'cycles',
  'development_plans',
  'email_change_tokens',
  'external_raters',
  'feedback_requests',
  'followership_nominations',
  'framework_versions',
  'frameworks',
  'idempotency_keys',
  'invitations',
  'mail_messages',
  'password_reset_tokens',
  'people',
  'pulse_requests',
  'questions',
  'report_shares',
  'report_snapshots',
  'responses',
  'scim_tokens',
  'scim_users',
  'sessions',
  'sso_identities',
  'sso_link_confirmations',
  'sso_logins',
  'sso_providers',
];
/** Reference (organizations) or coordinator-local tables. Citus accepts no foreign key from one of them to a tenant table. */
const GLOBAL = ['instance_setup', 'organizations', 'rate_limit_counters', 'schema_migrations'];

interface Key {
  table: string;
  name: string;
  kind: 'primary key' | 'unique' | 'foreign key';
  columns: string[];
  referencedTable: string | null;
  referencedColumns: string[] | null;
}

/** Every table of the database with what breaks the rule, as sentences; [] when the schema is ready to distribute. */
async function violations(q: QueryRunner): Promise<string[]> {
  const tables: { name: string; organization_id_not_null: boolean | null }[] = await q.query(
    `SELECT c.relname AS name, (SELECT a.attnotnull FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organization_id' AND NOT a.attisdropped) AS organization_id_not_null
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY 1`,
  );
  // Constraints, and unique indexes that no constraint owns (e.g. partial ones), with their key columns in order.
  const keys: Key[] = await q.query(
    `SELECT t.relname AS "table", k.conname AS name,
            CASE k.contype WHEN 'p' THEN 'primary key' WHEN 'u' THEN 'unique' ELSE 'foreign key' END AS kind,
            ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY AS u(attnum, i) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.i)::text[] AS columns,
            r.relname AS "referencedTable",
            CASE WHEN k.contype = 'f' THEN ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY AS u(attnum, i) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum ORDER BY u.i)::text[] END AS "referencedColumns"
       FROM pg_constraint k
       JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
       LEFT JOIN pg_class r ON r.oid = k.confrelid
      WHERE n.nspname = current_schema() AND k.contype IN ('p', 'u', 'f', 'x')
     UNION ALL
     SELECT t.relname, ix.relname, 'unique',
            ARRAY(SELECT COALESCE(a.attname, '(expression)') FROM generate_subscripts(i.indkey, 1) AS s(i) LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[s.i] WHERE s.i < i.indnkeyatts ORDER BY s.i)::text[],
            NULL, NULL
       FROM pg_index i
       JOIN pg_class ix ON ix.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema() AND i.indisunique AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
      ORDER BY 1, 2`,
  );
  const tenant = new Set(TENANT);
  const global = new Set(GLOBAL);
  const found: string[] = [];
  for (const table of tables) {
    if (tenant.has(table.name) === global.has(table.name)) found.push(`${table.name}: neither tenant nor global (classify it here and in the README)`);
    else if (tenant.has(table.name) && table.organization_id_not_null !== true) found.push(`${table.name}: a tenant table without organization_id NOT NULL`);
  }
  for (const key of keys) {
    const what = `${key.table}: ${key.kind} ${key.name} (${key.columns.join(', ')})`;
    if (tenant.has(key.table)) {
      if (key.columns[0] !== 'organization_id') found.push(`${what} does not lead with organization_id`);
      else if (key.kind === 'foreign key' && tenant.has(key.referencedTable!) && key.referencedColumns![0] !== 'organization_id') {
        found.push(`${what} matches organization_id with ${key.referencedTable}.${key.referencedColumns![0]}`);
      }
    } else if (key.kind === 'foreign key' && tenant.has(key.referencedTable!)) {
      found.push(`${what} references the tenant table ${key.referencedTable} from a global table`);
    }
  }
  return found;
}

/**
 * Tenancy by construction (migrations/tenant-row-security.ts): every tenant table, each table whose
 * rows belong to an organisation (organization_id NOT NULL) and organizations itself, has row-level
 * security on, with the one policy that keeps `ripple_tenant` inside the connection's organisation.
 */
async function rowSecurityViolations(q: QueryRunner): Promise<string[]> {
  const tables: { name: string; secured: boolean; policy: string | null; roles: string[] | null; organization_id_not_null: boolean }[] = await q.query(
    `SELECT c.relname AS name, c.relrowsecurity AS secured,
            (SELECT p.qual FROM pg_policies p WHERE p.schemaname = n.nspname AND p.tablename = c.relname AND p.policyname = 'tenant_isolation' AND p.cmd = 'ALL' AND p.qual = p.with_check) AS policy,
            (SELECT p.roles::text[] FROM pg_policies p WHERE p.schemaname = n.nspname AND p.tablename = c.relname AND p.policyname = 'tenant_isolation') AS roles,
            EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organization_id' AND a.attnotnull AND NOT a.attisdropped) AS organization_id_not_null
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY 1`,
  );
  const found: string[] = [];
  for (const table of tables) {
    const column = table.name === 'organizations' ? 'id' : 'organization_id';
    const tenant = TENANT.includes(table.name) || table.organization_id_not_null || table.name === 'organizations';
    if (!tenant) continue;
    const policyRight =
      table.policy !== null &&
      table.policy.startsWith(`(${column} = (NULLIF(current_setting('ripple.organization_id'::text, true), ''::text))::uuid)`) &&
      JSON.stringify(table.roles) === JSON.stringify(['ripple_tenant']);
    if (!table.secured || !policyRight) found.push(`${table.name}: a tenant table without row-level security by ${column} (enableTenantRowSecurity)`);
  }
  return found;
}

describe('schema keys: ready to distribute by organisation', () => {
  let database: TestDatabase;
  let db: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = await new DataSource({ type: 'postgres', url: database.url }).initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  it('classifies every table, and every key of a tenant table leads with organization_id', async () => {
    const runner = db.createQueryRunner();
    try {
      expect(await violations(runner)).toEqual([]);
    } finally {
      await runner.release();
    }
  });

  it('every tenant table has row-level security by organisation', async () => {
    const runner = db.createQueryRunner();
    try {
      expect(await rowSecurityViolations(runner)).toEqual([]);
    } finally {
      await runner.release();
    }
  });

  it('the row security check catches a tenant table created without it, and the migrations’ helper satisfies it', async () => {
    const runner = db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`CREATE TABLE widgets (organization_id uuid NOT NULL, id uuid NOT NULL)`);
      expect(await rowSecurityViolations(runner)).toEqual(['widgets: a tenant table without row-level security by organization_id (enableTenantRowSecurity)']);
      await runner.query(`ALTER TABLE widgets ENABLE ROW LEVEL SECURITY`);
      expect(await rowSecurityViolations(runner)).toEqual(['widgets: a tenant table without row-level security by organization_id (enableTenantRowSecurity)']);
      await enableTenantRowSecurity(runner, 'widgets');
      expect(await rowSecurityViolations(runner)).toEqual([]);
      await disableTenantRowSecurity(runner, 'organizations');
      expect(await rowSecurityViolations(runner)).toEqual(['organizations: a tenant table without row-level security by id (enableTenantRowSecurity)']);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('the check catches what it guards against: the schema before the keys led with organization_id, and an unclassified table', async () => {
    const runner = db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await new LeadKeysWithOrganization1795400450000().down(runner);
      const before = await violations(runner);
      expect(before).toEqual(
        expect.arrayContaining([
          'people: primary key people_id_pk (id) does not lead with organization_id',
          'sessions: unique sessions_token_hash_uq (token_hash) does not lead with organization_id',
          'answers: primary key answers_request_id_question_id_pk (request_id, question_id) does not lead with organization_id',
          'feedback_requests: unique feedback_requests_cycle_id_subject_id_rater_id_uq (cycle_id, subject_id, rater_id) does not lead with organization_id',
          'framework_versions: unique framework_versions_framework_id_version_uq (framework_id, version) does not lead with organization_id',
          'organizations: foreign key organizations_id_default_framework_id_fk (id, default_framework_id) references the tenant table frameworks from a global table',
        ]),
      );
      // The eleven tenant tables keyed by id alone, the four keys by request or cycle, the six uniques without organization_id, the organisation's reference.
      expect(before).toHaveLength(11 + 4 + 6 + 1);

      await runner.query(
        `CREATE TABLE widgets (organization_id uuid NOT NULL, id uuid NOT NULL, CONSTRAINT widgets_organization_id_id_pk PRIMARY KEY (organization_id, id))`,
      );
      expect((await violations(runner)).filter((v) => v.startsWith('widgets'))).toEqual([
        'widgets: neither tenant nor global (classify it here and in the README)',
      ]);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
