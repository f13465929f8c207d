import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { modifyRows } from '@lib/database';

/**
 * The one place external raters' addresses are erased. A cycle needs them only to send links, so
 * they go when it closes (answers are final then; release finds them gone already). Every live
 * link and credential goes with them: nothing of an external rater opens after close.
 */
@Injectable()
export class ExternalRaterErasureRepository {
  /** How many addresses were erased (0 when none were left). */
  async eraseForCycle(organizationId: string, cycleId: string, tx: EntityManager): Promise<number> {
    const { count } = await modifyRows(
      tx,
      `UPDATE external_raters
          SET email = NULL, email_erased_at = now(), link_hash = NULL, link_expires_at = NULL, access_hash = NULL, access_expires_at = NULL
        WHERE organization_id = $1 AND cycle_id = $2 AND email IS NOT NULL`,
      [organizationId, cycleId],
    );
    return count;
  }
}
