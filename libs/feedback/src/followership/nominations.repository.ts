import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { execute, selectRows } from '@lib/database';

/**
 * The followership question's answers ("outside your reporting line, whom do you turn to?").
 * Write-only from the API's side: no method here returns who named whom; the report snapshot
 * counts them (libs/reports, domain/followership.ts).
 */
@Injectable()
export class NominationsRepository {
  /**
   * Of `nomineeIds`, the ones `raterId` may name: active people of the organisation, not the
   * rater, not in the rater's reporting line today (their manager chain upwards, and their direct
   * reports). The chain is walked at most 50 levels, which also stops a cycle in bad data.
   */
  async allowedNominees(organizationId: string, raterId: string, nomineeIds: string[], tx: EntityManager): Promise<string[]> {
    const rows = await selectRows<{ id: string }>(
      tx,
      `WITH RECURSIVE chain (id, depth) AS (
         SELECT p.manager_id, 1 FROM people p WHERE p.organization_id = $1 AND p.id = $2 AND p.manager_id IS NOT NULL
         UNION ALL
         SELECT p.manager_id, c.depth + 1 FROM chain c JOIN people p ON p.organization_id = $1 AND p.id = c.id
          WHERE p.manager_id IS NOT NULL AND c.depth < 50)
       SELECT p.id FROM people p
        WHERE p.organization_id = $1 AND p.id = ANY($3::uuid[]) AND p.active AND p.id <> $2
          AND p.manager_id IS DISTINCT FROM $2
          AND p.id NOT IN (SELECT id FROM chain)`,
      [organizationId, raterId, nomineeIds],
    );
    return rows.map((r) => r.id);
  }

  /** Idempotent: naming the same colleague again in the cycle (another questionnaire, a retry) adds nothing. */
  async add(organizationId: string, cycleId: string, raterId: string, nomineeIds: string[], tx: EntityManager): Promise<void> {
    if (!nomineeIds.length) return;
    await execute(
      tx,
      `INSERT INTO followership_nominations (organization_id, cycle_id, nominator_id, nominee_id)
       SELECT $1, $2, $3, x FROM unnest($4::uuid[]) AS x
       ON CONFLICT DO NOTHING`,
      [organizationId, cycleId, raterId, nomineeIds],
    );
  }
}
