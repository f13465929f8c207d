import { shutdownPlan } from './shutdown-plan';

describe('shutdownPlan', () => {
  it('gives requests most of the default 10 s and keeps 3 s for jobs and the pool', () => {
    expect(shutdownPlan(10_000)).toEqual({ totalMs: 10_000, drainMs: 7_000, cleanupMs: 3_000 });
  });

  it('keeps a third for the cleanup of a short budget, and never more than 3 s of a long one', () => {
    expect(shutdownPlan(3_000)).toEqual({ totalMs: 3_000, drainMs: 2_000, cleanupMs: 1_000 });
    expect(shutdownPlan(60_000)).toEqual({ totalMs: 60_000, drainMs: 57_000, cleanupMs: 3_000 });
  });

  it('always adds up to the budget', () => {
    for (const total of [1_000, 1_001, 4_999, 10_000, 120_000]) {
      const plan = shutdownPlan(total);
      expect(plan.drainMs + plan.cleanupMs).toBe(total);
      expect(plan.drainMs).toBeGreaterThan(plan.cleanupMs);
    }
  });
});
