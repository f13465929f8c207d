import type { QueryRunner } from 'typeorm';

/**
 * The role the application's tenant work runs as (libs/database/src/tenant-scope.ts). It cannot log
 * in; the connecting user (the owner of the tables, or a superuser) becomes it per connection with
 * `SET ROLE`, and so needs to be a member of it. Roles belong to the whole PostgreSQL server, not
 * one database: the migration creates it only when missing.
 */
export const TENANT_ROLE = 'ripple_tenant';

/** The setting a connection's organisation is kept in; empty or unset, a tenant table shows nothing. */
export const ORGANIZATION_SETTING = 'ripple.organization_id';

const POLICY = 'tenant_isolation';

/**
 * Row-level security for one tenant table: as `ripple_tenant`, only the rows of the connection's
 * organisation are seen, inserted, updated or deleted. Every migration that creates a tenant table
 * calls this (tests/e2e/schema-keys.e2e-spec.ts fails for a tenant table without it).
 * `column` is the organisation's column: organization_id, or id for `organizations` itself.
 */
export async function enableTenantRowSecurity(q: QueryRunner, table: string, column = 'organization_id'): Promise<void> {
  const ownOrganization = `${column} = nullif(current_setting('${ORGANIZATION_SETTING}', true), '')::uuid`;
  await q.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
  await q.query(`CREATE POLICY ${POLICY} ON "${table}" TO ${TENANT_ROLE} USING (${ownOrganization}) WITH CHECK (${ownOrganization})`);
}

export async function disableTenantRowSecurity(q: QueryRunner, table: string): Promise<void> {
  await q.query(`DROP POLICY IF EXISTS ${POLICY} ON "${table}"`);
  await q.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
}
