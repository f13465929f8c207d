import type { Db } from 'pg-boss';
import type { EntityManager } from 'typeorm';

/**
 * pg-boss's view of a TypeORM transaction: its statements run on the transaction's connection,
 * so a job sent with `tx` exists if, and only if, the transaction commits.
 */
export function transactionDb(tx: EntityManager): Db {
  const runner = tx.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('JobsService.send: `tx` must be the manager of an active transaction');
  return {
    // eslint-disable-next-line no-restricted-syntax -- pg-boss reads its own rows: handed over as they come, typed by pg-boss
    executeSql: async (text: string, values?: unknown[]) => ({ rows: (await runner.query(text, values, true)).records as unknown[] }),
  };
}
