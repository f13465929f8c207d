import { LRUCache } from 'lru-cache';
import type { RateBudget, RateLimitStore, WindowCount } from './rate-limit';

interface Window {
  hits: number;
  endsAt: number;
}

/**
 * Counts in this process's memory, bounded (the least recently seen keys are forgotten first): a
 * restart or another instance starts the count again. For limits that protect this instance's work
 * (and logs) rather than a secret.
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows: LRUCache<string, Window>;

  constructor(
    private readonly now: () => number = Date.now,
    maxKeys = 10_000,
  ) {
    this.windows = new LRUCache<string, Window>({ max: maxKeys });
  }

  hit(budget: RateBudget, key: string): Promise<WindowCount> {
    const id = `${budget.scope}\u0000${key}`;
    const current = this.current(id);
    const window = current ? { hits: current.hits + 1, endsAt: current.endsAt } : { hits: 1, endsAt: this.now() + budget.windowSeconds * 1000 };
    this.windows.set(id, window);
    return Promise.resolve(this.countOf(window));
  }

  count(budget: RateBudget, key: string): Promise<WindowCount> {
    const window = this.current(`${budget.scope}\u0000${key}`);
    return Promise.resolve(window ? this.countOf(window) : { hits: 0, resetsInSeconds: 0 });
  }

  forget(budget: RateBudget, key: string): Promise<void> {
    this.windows.delete(`${budget.scope}\u0000${key}`);
    return Promise.resolve();
  }

  private current(id: string): Window | undefined {
    const window = this.windows.get(id);
    if (window && window.endsAt <= this.now()) {
      this.windows.delete(id);
      return undefined;
    }
    return window;
  }

  private countOf(window: Window): WindowCount {
    return { hits: window.hits, resetsInSeconds: (window.endsAt - this.now()) / 1000 };
  }
}
