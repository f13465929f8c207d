import type { Db } from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { selectOne } from '@lib/database';

/**
 * pg-boss's view of a TypeORM transaction: its statements run on the transaction's connection,
 * so a job sent with `tx` exists if, and only if, the transaction commits.
 *
 * The queue's tables are the owner's alone (a job's payload names its organisation, and the tenant
 * role may not read them: migration 1795401791000), so each pg-boss statement runs as the
 * connecting user, and the transaction's role (the tenant role in an organisation's scope) is set
 * back right after it. Both settings are local to the transaction: should the statement fail, the
 * rollback restores the role anyway.
 */
export function transactionDb(tx: EntityManager): Db {
  const runner = tx.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('JobsService.send: `tx` must be the manager of an active transaction');
  return {
    executeSql: async (text: string, values?: unknown[]) => {
      const { previous } = await selectOne<{ previous: string }>(
        runner,
        `WITH current AS MATERIALIZED (SELECT current_setting('role') AS previous) SELECT previous, set_config('role', 'none', true) FROM current`,
      );
      // eslint-disable-next-line no-restricted-syntax -- pg-boss reads its own rows: handed over as they come, typed by pg-boss
      const rows = (await runner.query(text, values, true)).records as unknown[];
      await runner.query(`SELECT set_config('role', $1, true)`, [previous]);
      return { rows };
    },
  };
}
