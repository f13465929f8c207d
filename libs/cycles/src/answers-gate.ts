/**
 * The gate between a cycle's state changes and the answers written to it, without a shared row
 * lock on the cycle (every concurrent submit taking the cycle row FOR SHARE made PostgreSQL build
 * a new MultiXact per locker, all on one row). A writer of answers or drafts takes this
 * transaction-scoped advisory lock in shared mode, in the statement that locks its request, and
 * checks the cycle's state again in its writing statement (a later snapshot); a state change
 * takes it in exclusive mode with the cycle row (CyclesRepository.find with `lock`). So a close
 * waits for the writes in flight, and a write that waited for a close sees the cycle closed.
 * Shared advisory locks live in the lock manager's memory: nothing is written, nothing queues.
 */
const GATE_SPACE = `hashtext('ripple.cycle-answers')`;

/** SQL: the answers gate of the cycle whose id is the SQL expression `cycleId`, in `mode`. */
export function answersGateSql(mode: 'shared' | 'exclusive', cycleId: string): string {
  return `pg_advisory_xact_lock${mode === 'shared' ? '_shared' : ''}(${GATE_SPACE}, hashtext((${cycleId})::text))`;
}
