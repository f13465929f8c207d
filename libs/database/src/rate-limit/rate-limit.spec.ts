import { MemoryRateLimitStore } from './memory-rate-limit.store';
import { RateLimiter, type RateBudget } from './rate-limit';

const perNetwork: RateBudget = { scope: 'test.ip', limit: 3, windowSeconds: 60 };
const perOrganisation: RateBudget = { scope: 'test.org', limit: 5, windowSeconds: 600 };

describe('RateLimiter', () => {
  let now: number;
  let limiter: RateLimiter;
  beforeEach(() => {
    now = 5_000_000;
    limiter = new RateLimiter(new MemoryRateLimitStore(() => now));
  });

  it('allows a budget of requests per key in a window, then refuses until that window ends', async () => {
    for (let i = 0; i < 3; i++) expect(await limiter.consume([perNetwork, '10.0.0.1'])).toBeNull();
    now += 15_000;
    expect(await limiter.consume([perNetwork, '10.0.0.1'])).toEqual({ scope: 'test.ip', retryAfterSeconds: 45 });
    expect(await limiter.consume([perNetwork, '10.0.0.2'])).toBeNull();
    now += 45_000;
    expect(await limiter.consume([perNetwork, '10.0.0.1'])).toBeNull();
  });

  it('charges each budget in turn and stops at the first one spent: a refused network costs its organisation nothing', async () => {
    for (let i = 0; i < 3; i++) expect(await limiter.consume([perNetwork, 'office'], [perOrganisation, 'acme'])).toBeNull();
    expect((await limiter.consume([perNetwork, 'office'], [perOrganisation, 'acme']))?.scope).toBe('test.ip');
    expect(await limiter.consume([perNetwork, 'home-1'], [perOrganisation, 'acme'])).toBeNull();
    expect(await limiter.consume([perNetwork, 'home-2'], [perOrganisation, 'acme'])).toBeNull();
    expect(await limiter.consume([perNetwork, 'home-3'], [perOrganisation, 'acme'])).toEqual({ scope: 'test.org', retryAfterSeconds: 600 });
    expect(await limiter.consume([perNetwork, 'home-3'], [perOrganisation, 'globex'])).toBeNull();
  });

  it('counts failures only when recorded, refusing once the budget of failures is spent', async () => {
    expect(await limiter.exhausted(perNetwork, 'x')).toBeNull();
    await limiter.record(perNetwork, 'x');
    await limiter.record(perNetwork, 'x');
    expect(await limiter.exhausted(perNetwork, 'x')).toBeNull();
    await limiter.record(perNetwork, 'x');
    expect(await limiter.exhausted(perNetwork, 'x')).toEqual({ scope: 'test.ip', retryAfterSeconds: 60 });
  });

  it('forgets a key on demand: its next failure starts a new window', async () => {
    for (let i = 0; i < 3; i++) await limiter.record(perNetwork, 'x');
    await limiter.record(perNetwork, 'y');
    await limiter.forget(perNetwork, 'x');
    expect(await limiter.exhausted(perNetwork, 'x')).toBeNull();
    for (let i = 0; i < 2; i++) await limiter.record(perNetwork, 'y');
    expect(await limiter.exhausted(perNetwork, 'y')).not.toBeNull();
  });

  it('forgets the least recently seen keys past its bound (memory stays bounded)', async () => {
    const small = new RateLimiter(new MemoryRateLimitStore(() => now, 2));
    for (let i = 0; i < 3; i++) await small.record(perNetwork, 'a');
    await small.record(perNetwork, 'b');
    await small.record(perNetwork, 'c');
    expect(await small.exhausted(perNetwork, 'a')).toBeNull();
  });
});
