import type { EntityManager } from 'typeorm';

/**
 * Serialises the writes to an organisation's people (HR edits and CSV imports) until the
 * transaction ends. Loops and "at least one HR admin" are properties of the whole chart, which
 * row locks cannot protect: two edits that are each fine alone can together close a loop, or take
 * the rows' locks in opposite orders and deadlock. Taken first, before anything is read.
 *
 * The key stays 'people-import', the import's original lock, so that instances of an older
 * release still exclude each other during a rolling deploy.
 */
export async function lockOrgChart(tx: EntityManager, organizationId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('people-import'), hashtext($1))`, [organizationId]);
}
