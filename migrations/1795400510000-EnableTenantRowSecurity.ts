import { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRowSecurity, enableTenantRowSecurity, TENANT_ROLE } from './tenant-row-security';

/** pg-boss's schema (libs/jobs JOBS_SCHEMA; migrations import no library). */
const JOBS_SCHEMA = 'pgboss';

/**
 * Tenancy by construction (README, "Scale and security"): every tenant table (each table with an
 * organization_id NOT NULL column, and organizations itself by id) gets row-level security, so that a
 * query run as `ripple_tenant` sees only the organisation set on its connection, whatever its
 * WHERE clause says, and one without an organisation sees nothing. The application runs every
 * query as that role (libs/database/src/tenant-scope.ts) except the few marked runAsSystem.
 *
 * The connecting user must be able to create the role once (CREATEROLE or superuser), or an
 * administrator creates it beforehand (`CREATE ROLE ripple_tenant NOLOGIN; GRANT ripple_tenant TO
 * <app user>`); the migration then only grants it the tables.
 */
export class EnableTenantRowSecurity1795400510000 implements MigrationInterface {
  name = 'EnableTenantRowSecurity1795400510000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${TENANT_ROLE}') THEN CREATE ROLE ${TENANT_ROLE} NOLOGIN; END IF;
      IF NOT pg_has_role(current_user, '${TENANT_ROLE}', 'MEMBER') THEN EXECUTE format('GRANT ${TENANT_ROLE} TO %I', current_user); END IF;
    END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO ${TENANT_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${TENANT_ROLE}`);
    await q.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${TENANT_ROLE}`);
    // Schemas, tables and sequences created later by the same user are granted too: later migrations',
    // and the job queue's (pg-boss creates its schema at the first start, and a table per queue). A
    // job is queued inside the transaction of the change it follows, so as the tenant role.
    await q.query(`ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO ${TENANT_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${TENANT_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${TENANT_ROLE}`);
    await q.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = '${JOBS_SCHEMA}') THEN
        GRANT USAGE ON SCHEMA ${JOBS_SCHEMA} TO ${TENANT_ROLE};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOBS_SCHEMA} TO ${TENANT_ROLE};
        GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${JOBS_SCHEMA} TO ${TENANT_ROLE};
      END IF;
    END $$`);
    for (const table of await tenantTables(q)) await enableTenantRowSecurity(q, table);
    await enableTenantRowSecurity(q, 'organizations', 'id');
  }

  async down(q: QueryRunner): Promise<void> {
    await disableTenantRowSecurity(q, 'organizations');
    for (const table of await tenantTables(q)) await disableTenantRowSecurity(q, table);
    await q.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = '${JOBS_SCHEMA}') THEN
        REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${JOBS_SCHEMA} FROM ${TENANT_ROLE};
        REVOKE ALL ON ALL TABLES IN SCHEMA ${JOBS_SCHEMA} FROM ${TENANT_ROLE};
        REVOKE USAGE ON SCHEMA ${JOBS_SCHEMA} FROM ${TENANT_ROLE};
      END IF;
    END $$`);
    await q.query(`ALTER DEFAULT PRIVILEGES REVOKE USAGE, SELECT, UPDATE ON SEQUENCES FROM ${TENANT_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM ${TENANT_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES REVOKE USAGE ON SCHEMAS FROM ${TENANT_ROLE}`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${TENANT_ROLE}`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${TENANT_ROLE}`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM ${TENANT_ROLE}`);
    // The role stays: it belongs to the server, and other databases on it (test copies) may use it.
  }
}

/**
 * The tenant tables: those whose rows each belong to an organisation (organization_id NOT NULL).
 * login_attempts, keyed by address across organisations, has a nullable one and stays global.
 */
async function tenantTables(q: QueryRunner): Promise<string[]> {
  const rows = (await q.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organization_id' AND a.attnotnull AND NOT a.attisdropped)
      ORDER BY 1`,
  )) as { name: string }[];
  return rows.map((row) => row.name);
}
