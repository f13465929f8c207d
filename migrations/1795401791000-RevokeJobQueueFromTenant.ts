import { MigrationInterface, QueryRunner } from 'typeorm';
import { TENANT_ROLE } from './tenant-row-security';

/** pg-boss's schema (libs/jobs JOBS_SCHEMA; migrations import no library). */
const JOBS_SCHEMA = 'pgboss';

/**
 * pg-boss's tables are no longer readable (or writable) by `ripple_tenant`: a job's payload names
 * its organisation and more, and the queue has no row security, so a tenant-scoped query could
 * read every organisation's jobs. The queue's own workers connect as the owner; a job queued inside
 * a tenant-scoped transaction is inserted as the owner for that one statement
 * (libs/jobs/src/transaction-db.ts).
 *
 * EnableTenantRowSecurity granted the tenant role every schema, table and sequence the owner would
 * create anywhere (pg-boss creates its schema at its first start, and a table per queue); those
 * defaults now cover the public schema only, and what pg-boss already has is revoked.
 */
export class RevokeJobQueueFromTenant1795401791000 implements MigrationInterface {
  name = 'RevokeJobQueueFromTenant1795401791000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER DEFAULT PRIVILEGES REVOKE USAGE ON SCHEMAS FROM ${TENANT_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM ${TENANT_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES REVOKE USAGE, SELECT, UPDATE ON SEQUENCES FROM ${TENANT_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${TENANT_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${TENANT_ROLE}`);
    await q.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = '${JOBS_SCHEMA}') THEN
        REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${JOBS_SCHEMA} FROM ${TENANT_ROLE};
        REVOKE ALL ON ALL TABLES IN SCHEMA ${JOBS_SCHEMA} FROM ${TENANT_ROLE};
        REVOKE ALL ON SCHEMA ${JOBS_SCHEMA} FROM ${TENANT_ROLE};
      END IF;
    END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT, UPDATE ON SEQUENCES FROM ${TENANT_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM ${TENANT_ROLE}`);
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
  }
}
