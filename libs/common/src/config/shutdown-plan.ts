/**
 * How a shutdown spends its budget (SHUTDOWN_TIMEOUT_MS, from the signal to the exit).
 *
 * In-flight requests get the first part (`drainMs`): once it is over, the connections still open
 * are closed, whatever they were doing. The rest (`cleanupMs`) is for stopping the job queue and
 * closing the database pool; at `totalMs` the process exits regardless. Nothing is half-written
 * at any of these points because every state change is one transaction: a request cut off before
 * its COMMIT leaves nothing behind (PostgreSQL rolls back a transaction whose connection ends).
 */
export interface ShutdownPlan {
  totalMs: number;
  drainMs: number;
  cleanupMs: number;
}

/** At most this much of the budget is kept for the job queue and the pool. */
const MAX_CLEANUP_MS = 3_000;

export function shutdownPlan(totalMs: number): ShutdownPlan {
  const cleanupMs = Math.min(MAX_CLEANUP_MS, Math.floor(totalMs / 3));
  return { totalMs, drainMs: totalMs - cleanupMs, cleanupMs };
}
